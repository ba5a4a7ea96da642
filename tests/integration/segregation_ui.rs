//! Segregation measures in the running app: a domain of their own, computed from the loaded
//! counts, with GR's value where only municipal counts exist and a map per municipality when
//! DeSO counts are loaded.
use crate::common;

use std::path::PathBuf;

use egui::vec2;
use egui_kittest::{Harness, kittest::Queryable as _};
use segkarta::app::SegkartaApp;
use segkarta::io::load::LoadOptions;
use segkarta::model::{REGION_GR, SeriesKey};
use segkarta::state::Settings;

fn harness(wgpu: bool) -> Harness<'static, SegkartaApp> {
    let mut harness = common::app_harness(Settings::default(), vec2(1280.0, 800.0), wgpu);
    harness.run_steps(4);
    harness
}

#[test]
fn the_segregation_domain_shows_gr_wide_measures_from_the_demo_counts() {
    let mut harness = harness(true);
    harness.get_by_label("Segregationsmått").click();
    harness.run_steps(3);
    let app = harness.state();
    assert!(app.settings.selection.indicator.starts_with("seg_"));
    assert!(app.view.demo, "derived from demo counts: marked as demo");
    let region = app.view.region.expect("a GR value");
    assert!((0.0..=1.0).contains(&region.value));
    // The table of the group's measures has GR's row.
    harness.get_by_label("xPx");
    assert!(harness.get_all_by_label("Hela GR").count() >= 1);
    harness.snapshot("segregation_domain");
}

#[test]
fn deso_counts_map_the_measure_per_municipality() {
    let mut harness = harness(false);
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let ctx = harness.ctx.clone();
    harness.state_mut().load_files(
        &ctx,
        vec![
            fixtures.join("deso_sweref99tm.gpkg"),
            fixtures.join("analysis/deso_population_by_sex.csv"),
        ],
        LoadOptions::default(),
    );
    common::wait_for_load(&mut harness);
    harness.run_steps(2);
    let app = harness.state();
    let key = SeriesKey::new("seg_d_folkmangd", "kon", "kvinnor");
    let gbg = app
        .atlas
        .observations
        .value(&key, "1480", segkarta::model::Period::Year(2030))
        .expect("Göteborg's D from its DeSO");
    assert!(gbg > 0.0 && gbg <= 1.0);
    assert!(
        app.atlas
            .observations
            .value(&key, REGION_GR, segkarta::model::Period::Year(2030))
            .is_some()
    );
}

#[test]
fn area_types_map_by_category_with_named_legend_and_editable_weights() {
    let mut harness = harness(true);
    harness.get_by_label("Segregationsmått").click();
    harness.run_steps(2);
    harness.get_by_label("Socioekonomisk områdestyp demo").click();
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(
        app.view.scheme,
        segkarta::analysis::classify::Scheme::UniqueValues
    );
    let classes = app.view.classes.clone().expect("classes");
    assert!(
        classes
            .breaks
            .iter()
            .all(|b| (1.0..=5.0).contains(b) && b.fract() == 0.0)
    );
    // Type 1 is always the warm end and type 5 the cool end, whichever types occur.
    let first = classes.breaks[0] as usize;
    let all = segkarta::map::palette::class_colours(segkarta::model::Polarity::HigherIsBetter, 5);
    assert_eq!(app.view.class_colours[0], all[first - 1]);
    harness.get_by_label("3. Blandade förutsättningar");
    // A weight slider per indicator of the index.
    harness.get_by(|n| {
        n.role() == egui::accesskit::Role::Slider && n.label().as_deref() == Some("Medianinkomst 20–64 år")
    });
    // The wide table of types scrolls inside the panel instead of pushing the panel's text
    // out past its left edge.
    let panel_left = harness.state().map_rect.right();
    let heading = harness.get_by_label("Göteborgsregionen").rect();
    assert!(
        heading.left() >= panel_left,
        "the panel's heading starts at {} left of the panel at {panel_left}",
        heading.left()
    );
    harness.snapshot("area_types");

    // Leaving income out of the index changes the index.
    let key = SeriesKey::total("omradesindex");
    let before = harness
        .state()
        .atlas
        .observations
        .value(&key, "1480", segkarta::model::Period::Year(2024));
    let ctx = harness.ctx.clone();
    let built = harness.state().weights_built();
    let segregation_measures = |app: &SegkartaApp| {
        app.atlas
            .catalogue
            .indicators
            .iter()
            .filter(|i| i.id.starts_with("seg_"))
            .count()
    };
    let segregation_before = segregation_measures(harness.state());
    harness.state_mut().apply(
        &ctx,
        [segkarta::state::Action::SetAreaTypeWeight(
            "medianinkomst".into(),
            0.0,
        )],
    );
    harness.run_steps(2);
    // Only the area types are recomputed: the contiguity weights and the segregation
    // measures stay.
    assert_eq!(
        harness.state().weights_built(),
        built,
        "the queen weights were kept"
    );
    assert_eq!(segregation_measures(harness.state()), segregation_before);
    let after = harness
        .state()
        .atlas
        .observations
        .value(&key, "1480", segkarta::model::Period::Year(2024));
    assert!(
        before.is_some() && after.is_some() && before != after,
        "{before:?} → {after:?}"
    );
}
