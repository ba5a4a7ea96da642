//! Real GR boundaries from `../shared/data/` (SCB DeSO and RegSO 2025), when present beside the
//! checkout. They are read from there and never copied into the repository.
use std::path::PathBuf;

use segkarta::map::hit::HitIndex;
use segkarta::model::{AreaLayer, Level, is_gr_municipality};

/// The layer in `../shared/data/NAME`, or `None` (the test is skipped) when it is not there.
fn shared_layer(name: &str) -> Option<AreaLayer> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(name);
    if !path.exists() {
        eprintln!("skipping: {} not present", path.display());
        return None;
    }
    let text = segkarta::io::read_text(&path).expect("readable");
    Some(segkarta::io::geojson::parse(&path.display().to_string(), &text).expect("valid GeoJSON"))
}

#[test]
fn deso_2025_boundaries_load_nested_in_the_gr_municipalities() {
    let Some(layer) = shared_layer("deso2025_gr.geojson") else {
        return;
    };
    assert_eq!(layer.level, Level::Deso);
    assert_eq!(layer.len(), 584);
    assert!(
        layer
            .areas
            .iter()
            .all(|a| a.kommun.as_deref().is_some_and(is_gr_municipality))
    );
    // Gustaf Adolfs torg lies in a central Göteborg DeSO.
    let hits = HitIndex::build(&layer);
    let i = hits.area_at(&layer, 11.9668, 57.7072).expect("a DeSO");
    assert!(
        layer.areas[i].code.starts_with("1480C"),
        "{}",
        layer.areas[i].code
    );
    // The mesh triangulates every area.
    let mesh = segkarta::map::mesh::LayerMesh::build(&layer);
    let full = mesh.bands.last().expect("full band");
    assert!(full.area_fill.iter().all(|(v, i)| !v.is_empty() && !i.is_empty()));
}

#[test]
fn regso_2025_boundaries_load() {
    let Some(layer) = shared_layer("regso2025_gr.geojson") else {
        return;
    };
    assert_eq!(layer.level, Level::Regso);
    assert_eq!(layer.len(), 300);
    assert!(
        layer
            .areas
            .iter()
            .all(|a| a.code.contains('R') && a.name != a.code)
    );
}

#[test]
fn deso_counts_roll_up_to_regso_through_the_relation_in_scbs_deso_file() {
    let (Some(deso), Some(regso)) = (
        shared_layer("deso2025_gr.geojson"),
        shared_layer("regso2025_gr.geojson"),
    ) else {
        return;
    };
    // Every DeSO names a RegSO of the RegSO file, and every RegSO has DeSO in it.
    let mut members = std::collections::HashMap::<String, usize>::new();
    for area in &deso.areas {
        let r = area.parent.clone().expect("SCB's DeSO file carries regsokod");
        assert!(regso.index_of(&r).is_some(), "{} → {r} not a RegSO", area.code);
        *members.entry(r).or_default() += 1;
    }
    assert_eq!(members.len(), regso.len());

    // One person per DeSO: each RegSO's sum is its number of DeSO.
    let mut atlas = segkarta::io::embedded::atlas().expect("embedded");
    let csv: String = std::iter::once("area_code,indicator,year,group_by,group,value".to_string())
        .chain(
            deso.areas
                .iter()
                .map(|a| format!("{},folkmangd,2030,,,1", a.code)),
        )
        .collect::<Vec<_>>()
        .join("\n");
    let obs = segkarta::io::tidy::parse_csv("ones.csv", csv.as_bytes())
        .expect("tidy")
        .0;
    atlas.layers.push(deso);
    atlas.layers.push(regso.clone());
    atlas.observations.extend(obs).expect("extend");
    let key = segkarta::model::SeriesKey::total("folkmangd");
    let agg = segkarta::analysis::aggregate::to_level(
        &atlas,
        &key,
        segkarta::model::Period::Year(2030),
        Level::Regso,
    )
    .expect("rolled up");
    for (code, n) in members {
        assert_eq!(agg.values.get(&code), Some(&(n as f64)), "{code}");
    }
}

/// Queen and rook contiguity on SCB's real DeSO polygons equal libpysal's (and so GeoDa's):
/// the same neighbours per area, the same totals and the same Moran's I of a made-up variable
/// (`scripts/make_contiguity_expected.py` made the expected numbers from the shared file).
#[test]
fn contiguity_on_the_real_deso_equals_libpysal() {
    use segkarta::analysis::weights::{Contiguity, Weights, WeightsSpec};
    let Some(layer) = shared_layer("deso2025_gr.geojson") else {
        return;
    };
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/analysis/deso2025_contiguity_expected.json"),
        )
        .expect("fixture"),
    )
    .expect("JSON");
    let v: Vec<f64> = layer
        .areas
        .iter()
        .map(|a| (a.code[5..].parse::<u32>().expect("digits") % 97) as f64)
        .collect();
    for (name, contiguity) in [("queen", Contiguity::Queen), ("rook", Contiguity::Rook)] {
        let e = &expected[name];
        let w = Weights::build(
            &layer,
            WeightsSpec {
                contiguity,
                tolerance_m: None,
            },
        );
        // libpysal's rook also links areas that meet in a repeated point (a zero-length
        // "edge"); segkarta does not: those pairs are recorded by the script.
        let dropped: Vec<(&str, &str)> = e["zero_length_edge_pairs"]
            .as_array()
            .map(|pairs| {
                pairs
                    .iter()
                    .filter_map(|p| Some((p[0].as_str()?, p[1].as_str()?)))
                    .collect()
            })
            .unwrap_or_default();
        let summary = w.summary();
        let links = e["links"].as_u64().expect("links") as usize - 2 * dropped.len();
        assert_eq!(summary.links, links, "{name}");
        assert_eq!(
            summary.islands as u64,
            e["islands"].as_u64().expect("islands"),
            "{name}"
        );
        for (i, area) in layer.areas.iter().enumerate() {
            let in_dropped = dropped
                .iter()
                .filter(|(a, b)| *a == area.code || *b == area.code)
                .count();
            assert_eq!(
                w.neighbours[i].len() + in_dropped,
                e["neighbours"][&area.code].as_u64().expect("count") as usize,
                "{name} neighbours of {}",
                area.code
            );
        }
        let moran = segkarta::analysis::autocorrelation::moran(&v, &w, 0, 1).expect("moran");
        let i = e
            .get("moran_i_without_zero_length_edges")
            .unwrap_or(&e["moran_i"])
            .as_f64()
            .expect("I");
        assert!(
            (moran.i - i).abs() < 1e-9,
            "{name}: I {} vs libpysal {i}",
            moran.i
        );
    }
    // The tolerance is an option, and says what it adds.
    let snapped = Weights::queen(&layer, 1.0);
    let exact_links = expected["queen"]["links"].as_u64().expect("links") as usize;
    assert_eq!(snapped.summary().links, exact_links + snapped.added_by_tolerance);
}

/// The archipelago DeSO are clipped to the detailed land outline, not the simplified
/// municipalities that cover the sea between the skerries: Hönö östra–Grötö–Fotö (Öckerö)
/// drew as a large shape over the sea. Every DeSO keeps land to draw.
#[test]
fn archipelago_deso_are_clipped_to_the_islands_not_the_sea_between_them() {
    use geo::Area as _;
    let Some(layer) = shared_layer("deso2025_gr.geojson") else {
        return;
    };
    let municipalities = segkarta::io::embedded::atlas()
        .expect("embedded")
        .layers
        .remove(0);
    let outline = segkarta::io::embedded::land_outline().expect("the embedded land outline");
    let (mut coarse, mut detailed) = (layer.clone(), layer);
    segkarta::map::clip::clip_to_land(&mut coarse, &municipalities, None);
    let clipped = segkarta::map::clip::clip_to_land(&mut detailed, &municipalities, Some(outline));
    assert_eq!(clipped, 584, "every DeSO has land to draw");
    let drawn = |l: &AreaLayer, code: &str| l.get(code).expect(code).drawn().unsigned_area();
    let hono = (
        "1407A0020",
        drawn(&coarse, "1407A0020"),
        drawn(&detailed, "1407A0020"),
    );
    assert!(
        hono.2 < 0.6 * hono.1,
        "{hono:?}: the sea between the islands is no longer drawn"
    );
    // Inland, the outline changes nothing (lakes count as land): Alingsås, lakes and all.
    let inland: Vec<_> = detailed
        .areas
        .iter()
        .filter(|a| a.code.starts_with("1489"))
        .collect();
    let full: f64 = inland.iter().map(|a| a.lonlat.unsigned_area()).sum();
    let shown: f64 = inland.iter().map(|a| a.drawn().unsigned_area()).sum();
    assert!(
        !inland.is_empty() && (shown - full).abs() < 1e-3 * full,
        "{shown} of {full}"
    );
}
