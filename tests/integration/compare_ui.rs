//! Two maps on the real app: side by side with synced pan and zoom and one legend of shared
//! classes, and the difference B − A with its own diverging legend; hover gives both values.
use crate::common;

use egui::vec2;
use egui_kittest::{Harness, kittest::Queryable as _};
use segkarta::app::SegkartaApp;
use segkarta::model::Period;
use segkarta::state::Settings;

fn harness() -> Harness<'static, SegkartaApp> {
    let mut harness = common::app_harness(Settings::default(), vec2(1600.0, 900.0), true);
    harness.run_steps(4);
    harness
}

#[test]
fn side_by_side_shares_classes_and_moves_together() {
    let mut harness = harness();
    harness.get_by_label("Sida vid sida").click();
    harness.run_steps(4);
    let app = harness.state();
    let c = app.compare.as_ref().expect("a second map");
    assert_eq!(c.b.period, Period::Year(2011), "B is the first period by default");
    harness.get_by_label("Förvärvsarbetande 20–64 år · 2024 · Kommuner");
    harness.get_by_label("Förvärvsarbetande 20–64 år · 2011 · Kommuner");
    harness.get_by_label("Samma klasser i båda kartorna");
    // One memory: zooming moves both maps; a point sits at the same place in each half.
    let _ = harness.state_mut().map_memory.set_zoom(9.0);
    harness.run_steps(2);
    let a = harness.state().screen_of(11.97, 57.71);
    let map = harness.state().map_rect;
    assert!(map.contains(a));
    assert!(map.width() < 700.0, "two maps share the width: {map:?}");
    harness.snapshot("side_by_side");
}

#[test]
fn the_difference_map_has_its_own_legend_and_hover_gives_both_values() {
    let mut harness = harness();
    harness.get_by_label("Skillnad B − A").click();
    harness.run_steps(3);
    // In the title line over the map and in the legend.
    assert_eq!(
        harness
            .get_all_by_label_contains("Förvärvsarbetande 20–64 år, skillnad 2011 − 2024")
            .count(),
        2
    );
    harness.get_by_label_contains("Färgerna delas vid 0");
    let pos = harness.state().screen_of(11.97, 57.71);
    harness.hover_at(pos);
    harness.run_steps(3);
    let gbg = harness.state().layer().index_of("1480").expect("Göteborg");
    let (a, b) = (
        harness.state().view.values[gbg].expect("2024"),
        harness
            .state()
            .compare
            .as_ref()
            .and_then(|c| c.b.values[gbg])
            .expect("2011"),
    );
    let number = |v: f64| format!("{v:.1}").replace('.', ",");
    harness.get_by_label(&format!("2024: {} %", number(a)));
    harness.get_by_label(&format!("2011: {} %", number(b)));
    harness.get_by_label_contains("2011 − 2024: ");
    harness.snapshot("difference_map");
    // Off again: one map, the ordinary legend.
    harness.get_by_label("Av").click();
    harness.run_steps(2);
    assert!(harness.state().compare.is_none());
    assert!(harness.query_by_label_contains("skillnad 2011").is_none());
}

/// Presenting a difference map, the large title and legend are the difference's, not map A's.
#[test]
fn presenter_mode_titles_the_difference_map_as_a_difference() {
    let mut harness = harness();
    harness.get_by_label("Skillnad B − A").click();
    harness.run_steps(2);
    harness.key_press(egui::Key::F5);
    harness.run_steps(4);
    assert!(harness.state().presenting);
    harness.get_by_label("Förvärvsarbetande 20–64 år, skillnad 2011 − 2024");
    harness.get_by_label_contains("Färgerna delas vid 0");
}
