//! The spatial pattern in the running app: Moran's I of the values on the map, and the LISA
//! cluster map with its legend, on an invented lattice loaded like a user's files.
use crate::common;

use std::path::PathBuf;

use egui::vec2;
use egui_kittest::{Harness, kittest::Queryable as _};
use segkarta::app::SegkartaApp;
use segkarta::io::load::LoadOptions;
use segkarta::map::palette;
use segkarta::state::Settings;

fn load_lattice() -> Harness<'static, SegkartaApp> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/analysis");
    let table = dir.join("autocorrelation_values.csv");
    // Tall enough for the whole analysis panel, the spatial section included.
    let mut harness = common::app_harness(Settings::default(), vec2(1280.0, 1400.0), false);
    harness.run_steps(2);
    let ctx = harness.ctx.clone();
    harness.state_mut().load_files(
        &ctx,
        vec![dir.join("autocorrelation_areas.geojson"), table],
        LoadOptions::default(),
    );
    common::wait_for_load(&mut harness);
    harness.run_steps(3);
    // A lattice of no SCB level: the boundary import dialog asks first; once imported, the map
    // shows it with the table's indicator, loaded in the same go.
    harness.get_by_label("Importera").click();
    harness.run_steps(3);
    harness
}

#[test]
fn morans_i_of_the_loaded_lattice_is_shown_and_the_cluster_map_replaces_the_classes() {
    let mut harness = load_lattice();
    let app = harness.state();
    assert_eq!(app.settings.selection.indicator, "gitter");
    assert_eq!(
        app.settings.selection.level,
        segkarta::model::Level::Custom("Autocorrelation areas".into())
    );
    let spatial = app.view.spatial.as_ref().expect("spatial pattern");
    let moran = spatial.moran.as_ref().expect("moran");
    // esda's value for this lattice (tests/analysis.rs checks it to 1e-9).
    assert!((moran.i - 0.644266034987271).abs() < 1e-9, "{}", moran.i);
    assert_eq!(spatial.islands, 1);
    harness.get_by_label_contains("Moran's I = 0,644");

    harness.get_by_label("Visa kluster (LISA) på kartan").click();
    harness.run_steps(3);
    let app = harness.state();
    assert!(app.settings.selection.lisa_map, "the switch is on");
    let spatial = app.view.spatial.as_ref().expect("spatial pattern");
    let hot = spatial
        .clusters
        .iter()
        .filter(|c| **c == Some(segkarta::analysis::autocorrelation::Cluster::HighHigh))
        .count();
    assert!(hot > 0, "the east end of the trend is a hot spot");
    let first_hot = spatial
        .clusters
        .iter()
        .position(|c| *c == Some(segkarta::analysis::autocorrelation::Cluster::HighHigh))
        .expect("a hot spot");
    assert_eq!(
        app.view.fills[first_hot],
        palette::cluster_colour(segkarta::analysis::autocorrelation::Cluster::HighHigh)
    );
    harness.get_by_label("Lokala kluster, LISA (p ≤ 0,050)");
    // In the legend and in the panel, with the number of hot spots beside each.
    assert_eq!(harness.get_all_by_label("Högt bland höga (hot spot)").count(), 2);
    assert!(harness.get_all_by_label(&format!("({hot})")).count() >= 2);
}
