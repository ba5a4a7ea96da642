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
            .all(|a| a.parent.as_deref().is_some_and(is_gr_municipality))
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
