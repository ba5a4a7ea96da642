//! A municipality's own area division (tests/fixtures/division, made by
//! scripts/make_city_division_fixture.py): three nested levels with their own codes, read as
//! custom levels beside each other, linked by their parent codes, with values rolling up, and
//! never taken for municipal boundaries.

use crate::common::run_segkarta;
use std::path::PathBuf;

use segkarta::analysis::aggregate::to_level;
use segkarta::io::load::{self, LoadOptions};
use segkarta::model::{Atlas, Level, SeriesKey};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/division")
        .join(name)
}

/// The embedded atlas with the given division files merged, in order.
fn atlas_with(files: &[&str]) -> Atlas {
    let mut atlas = segkarta::io::embedded::atlas().expect("embedded");
    for f in files {
        let loaded = load::load_path(&fixture(f)).expect("loads");
        load::merge(&mut atlas, loaded, &LoadOptions::default());
    }
    atlas
}

fn custom(name: &str) -> Level {
    Level::Custom(name.into())
}

#[test]
fn a_division_never_changes_the_embedded_municipalities() {
    let before = segkarta::io::embedded::atlas().expect("embedded");
    let atlas = atlas_with(&[
        "stadsomraden.geojson",
        "primaromraden.geojson",
        "basomraden.geojson",
    ]);
    let (old, new) = (
        before.layer(&Level::Kommun).expect("kommuner"),
        atlas.layer(&Level::Kommun).expect("kommuner"),
    );
    assert_eq!(new.len(), old.len());
    for (a, b) in old.areas.iter().zip(&new.areas) {
        assert_eq!((&a.code, &a.name, &a.lonlat), (&b.code, &b.name, &b.lonlat));
    }
    let levels: Vec<Level> = atlas.layers.iter().map(|l| l.level.clone()).collect();
    assert_eq!(
        levels,
        vec![
            Level::Kommun,
            custom("Stadsomraden"),
            custom("Primaromraden"),
            custom("Basomraden")
        ],
        "three custom levels side by side, named by their files"
    );
    let base = atlas.layer(&custom("Basomraden")).expect("base areas");
    assert_eq!(base.len(), 16);
    assert_eq!(base.parent_level, Some(custom("Primaromraden")));
    assert_eq!(
        atlas
            .layer(&custom("Primaromraden"))
            .and_then(|l| l.parent_level.clone()),
        Some(custom("Stadsomraden"))
    );
    let area = base.get("2203").expect("base area 2203");
    assert_eq!(
        (area.name.as_str(), area.parent.as_deref()),
        ("Basområde 2203", Some("22"))
    );
    assert_eq!(area.municipality_code(), Some("1480"));
}

/// The fixture's counts per base area, summed by `group_of` the base code.
fn sums(year: i32, group_of: impl Fn(&str) -> String) -> std::collections::HashMap<String, f64> {
    let text = std::fs::read_to_string(fixture("basomraden_befolkning.csv")).expect("csv");
    let mut out = std::collections::HashMap::new();
    for line in text.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        if cells[2] == year.to_string() && cells[3] == "total" {
            *out.entry(group_of(cells[0])).or_insert(0.0) += cells[5].parse::<f64>().expect("number");
        }
    }
    out
}

#[test]
fn values_roll_up_base_to_primary_to_district_to_municipality_as_sums() {
    let atlas = atlas_with(&[
        "stadsomraden.geojson",
        "primaromraden.geojson",
        "basomraden.geojson",
        "basomraden_befolkning.csv",
    ]);
    // The division's table replaced the demo population entirely: the municipal sum comes
    // from the base areas.
    let key = SeriesKey::total("folkmangd");
    let primary = to_level(
        &atlas,
        &key,
        segkarta::model::Period::Year(2024),
        custom("Primaromraden"),
    )
    .expect("rolled up");
    assert_eq!(primary.from, custom("Basomraden"));
    assert_eq!(primary.values, sums(2024, |c| c[..2].to_string()));
    let district = to_level(
        &atlas,
        &key,
        segkarta::model::Period::Year(2024),
        custom("Stadsomraden"),
    )
    .expect("two steps up");
    assert_eq!(district.from, custom("Basomraden"));
    assert_eq!(district.values, sums(2024, |c| c[..1].to_string()));
    let kommun = to_level(&atlas, &key, segkarta::model::Period::Year(2024), Level::Kommun)
        .expect("to the municipality");
    assert_eq!(kommun.values, sums(2024, |_| "1480".to_string()));
    // GR's value, which the panels compare with, is what the division rolls up to (it showed
    // "saknas" for every group while only the division had values).
    let gr = atlas
        .region_value(&key, segkarta::model::Period::Year(2024))
        .expect("a GR value");
    assert_eq!(
        (gr.value, gr.published, gr.summed),
        (sums(2024, |_| "gr".to_string())["gr"], false, true)
    );
    let group = SeriesKey::new("folkmangd", "fodelseregion", "sverige");
    assert!(
        atlas
            .region_value(&group, segkarta::model::Period::Year(2024))
            .is_some(),
        "per group too"
    );
    // The trend's series, made in one pass, holds the same values period by period.
    let series = atlas.region_series(&key);
    assert_eq!(series.len(), 2, "2023 and 2024");
    for o in &series {
        let one = atlas.region_value(&key, o.period).map(|r| r.value);
        assert_eq!(Some(o.value), one, "{}", o.period);
    }
}

#[test]
fn segregation_measures_are_computed_per_municipality_from_its_own_division() {
    let mut atlas = atlas_with(&["basomraden.geojson", "basomraden_befolkning.csv"]);
    segkarta::analysis::refresh_derived(
        &mut atlas,
        &segkarta::state::Settings::default().area_type_weights,
    );
    let key = SeriesKey::new("seg_d_folkmangd", "fodelseregion", "ovriga");
    let d = atlas
        .observations
        .get(&key, "1480", segkarta::model::Period::Year(2024))
        .expect("D for Göteborg from its base areas");
    assert_eq!(d.n, Some(16.0), "over the 16 base areas");
    assert!((0.0..=1.0).contains(&d.value), "{}", d.value);
    let measure = atlas.catalogue.indicator("seg_d_folkmangd").expect("catalogued");
    assert!(
        measure.description_sv.contains("Basomraden inom varje kommun"),
        "{}",
        measure.description_sv
    );
}

#[test]
fn validate_reads_a_division_as_a_custom_level_and_flags_set_its_roles() {
    let base = fixture("basomraden.geojson").display().to_string();
    let (code, out, err) = run_segkarta(&["validate", &base]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(!out.contains("municipal boundaries"), "{out}");
    assert!(
        out.contains(
            "area codes from the attribute \"omrade_kod\", names from the attribute \"omrade_namn\", \
             municipality from the attribute \"kommun_kod\", parent area codes from the attribute \
             \"primaromrade_kod\"; read as the custom level \"Basomraden\""
        ),
        "{out}"
    );
    let (code, out, err) = run_segkarta(&[
        "validate",
        "--code-attribute",
        "id",
        "--level-name",
        "Basområde",
        &base,
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("area codes from the attribute \"id\"") && out.contains("custom level \"Basområde\""),
        "{out}"
    );
    // The municipal code as the area code: refused, not read as 16 municipalities.
    let (code, _, err) = run_segkarta(&["validate", "--code-attribute", "kommun_kod", &base]);
    assert_ne!(code, 0);
    let (code, out, _) = run_segkarta(&["validate", "--json", "--code-attribute", "kommun_kod", &base]);
    assert_eq!(code, 1);
    assert!(
        out.contains("16 features share the value \\\"1480\\\""),
        "{out}{err}"
    );
}

#[test]
fn analyze_defaults_to_the_level_of_its_boundaries_and_measures_any_area_set() {
    let (code, out, err) = run_segkarta(&[
        "analyze",
        "--boundaries",
        &fixture("basomraden.geojson").display().to_string(),
        "--data",
        &fixture("basomraden_befolkning.csv").display().to_string(),
        "--indicator",
        "folkmangd",
        "--year",
        "2024",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(doc["level"], serde_json::json!({"custom": "Basomraden"}));
    assert_eq!(doc["areas_with_values"], 16);
    let measures: Vec<&str> = doc["segregation"]
        .as_array()
        .expect("list")
        .iter()
        .filter(|m| m["place"] == "1480" && m["group"] == "ovriga")
        .filter_map(|m| m["measure"].as_str())
        .collect();
    for m in [
        "seg_d_folkmangd",
        "seg_h_folkmangd",
        "seg_isolation_folkmangd",
        "seg_exposure_folkmangd",
    ] {
        assert!(measures.contains(&m), "{m} in {measures:?}");
    }
}

#[test]
fn analyze_explains_empty_parts_and_fails_when_nothing_is_computed() {
    let (code, out, err) = run_segkarta(&[
        "analyze",
        "--boundaries",
        &fixture("stadsomraden.geojson").display().to_string(),
        "--indicator",
        "medianinkomst",
        "--year",
        "2024",
        "--json",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let notes: Vec<&str> = doc["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .filter_map(|n| n.as_str())
        .collect();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("no values at the Stadsomraden level in 2024")),
        "{notes:?}"
    );
    assert!(err.contains("note: no values at the Stadsomraden level"), "{err}");
    // Demo segregation measures exist between the municipalities, so something was computed.
    assert_eq!(code, 0, "{err}");
}

#[test]
fn areas_without_a_municipality_take_it_from_their_parents_two_steps_up() {
    let mut atlas = atlas_with(&[
        "basomraden.geojson",
        "primaromraden.geojson",
        "stadsomraden.geojson",
    ]);
    // Only the districts say which municipality they are in.
    for layer in atlas
        .layers
        .iter_mut()
        .filter(|l| l.level != custom("Stadsomraden"))
    {
        if layer.level.is_custom() {
            for area in &mut layer.areas {
                area.kommun = None;
            }
        }
    }
    atlas.link_levels();
    let base = atlas.layer(&custom("Basomraden")).expect("base areas");
    assert!(base.areas.iter().all(|a| a.municipality_code() == Some("1480")));
}

/// Two made-up base codes are real municipal codes (2101 Ockelbo, 2104 Hofors): the division's
/// areas are kept apart and its table's values go to them, never to the municipalities.
#[test]
fn codes_a_division_shares_with_municipalities_are_kept_apart_and_values_go_to_the_division() {
    let mut atlas = segkarta::io::embedded::atlas().expect("embedded");
    let loaded = load::load_path(&fixture("basomraden.geojson")).expect("loads");
    let boundaries = load::merge(&mut atlas, loaded, &LoadOptions::default()).to_text();
    assert!(
        boundaries.contains("2 of the level's codes are also codes of other loaded areas")
            && boundaries.contains("2101 → Basomraden:2101 (2101 is also municipal Ockelbo)"),
        "{boundaries}"
    );
    let loaded = load::load_path(&fixture("basomraden_befolkning.csv")).expect("csv");
    let text = load::merge(&mut atlas, loaded, &LoadOptions::default()).to_text();
    assert!(
        text.contains("2 codes read as the areas of the division they belong to"),
        "{text}"
    );
    assert!(
        !text.contains("municipal areas in GR have boundaries but no values"),
        "the file is not about the municipalities: {text}"
    );
    let key = SeriesKey::total("folkmangd");
    assert_eq!(
        atlas
            .observations
            .value(&key, "2101", segkarta::model::Period::Year(2024)),
        None,
        "Ockelbo gets nothing"
    );
    let base = atlas.layer(&custom("Basomraden")).expect("base areas");
    let area = base.get_from_file("2101").expect("the base area 2101");
    assert_eq!(area.code, "Basomraden:2101");
    assert_eq!(area.parent.as_deref(), Some("21"));
    assert!(
        atlas
            .observations
            .value(&key, &area.code, segkarta::model::Period::Year(2024))
            .is_some()
    );
}
