//! The export window on the real app: the map as PNG and SVG at a chosen size and as a CSV
//! table, written where the user says, and a clear message when it cannot be written.
use crate::common;

use egui::{Key, Modifiers, vec2};
use egui_kittest::{Harness, kittest::Queryable as _};
use segkarta::app::SegkartaApp;
use segkarta::state::Settings;

fn harness() -> Harness<'static, SegkartaApp> {
    let mut harness = common::app_harness(Settings::default(), vec2(1280.0, 800.0), false);
    harness.run_steps(4);
    harness
}

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("segkarta_export_{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

#[test]
fn png_svg_and_csv_are_written_where_asked() {
    let mut harness = harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run_steps(2);
    harness.get_by_label("Exportera kartan");
    let png = temp("karta.png");
    harness.state_mut().export_dialog.as_mut().expect("open").path = png.display().to_string();
    harness.get_by_label("3840×2160").click();
    harness.run_steps(1);
    harness.get_by_label("Exportera").click();
    harness.run_steps(2);
    let pixmap = tiny_skia::Pixmap::load_png(&png).expect("a PNG");
    assert_eq!((pixmap.width(), pixmap.height()), (3840, 2160));
    harness.get_by_label_contains("Exporterad till");

    // SVG of what is on screen, then the table.
    harness.get_by_label("SVG").click();
    harness.get_by_label("som på skärmen").click();
    harness.run_steps(1);
    let svg = png.with_extension("svg");
    assert_eq!(
        harness.state().export_dialog.as_ref().unwrap().path,
        svg.display().to_string()
    );
    harness.get_by_label("Exportera").click();
    harness.run_steps(2);
    let text = std::fs::read_to_string(&svg).expect("an SVG");
    assert!(text.contains("Förvärvsarbetande 20–64 år") && text.contains("DEMODATA"));

    harness.get_by_label("CSV (tabell)").click();
    harness.run_steps(1);
    harness.get_by_label("Exportera").click();
    harness.run_steps(2);
    let csv = std::fs::read_to_string(png.with_extension("csv")).expect("a CSV");
    assert_eq!(csv.lines().count(), 14, "{csv}");
    assert!(
        csv.lines().nth(1).is_some_and(|l| l.ends_with(",true")),
        "demo column"
    );
}

#[test]
fn an_unwritable_place_is_reported_and_nothing_is_lost() {
    let mut harness = harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run_steps(2);
    // A file where the folder should be: the write fails.
    let blocker = temp("blocker");
    std::fs::write(&blocker, b"keep me").expect("write");
    let path = blocker.join("karta.png");
    harness.state_mut().export_dialog.as_mut().expect("open").path = path.display().to_string();
    harness.get_by_label("Exportera").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Kunde inte exportera");
    assert_eq!(std::fs::read(&blocker).expect("still there"), b"keep me");
}

/// A difference map on screen exports as the difference, with its title and legend, not as
/// map A alone.
#[test]
fn a_comparison_on_screen_exports_as_shown() {
    let mut harness = harness();
    harness.get_by_label("Skillnad B − A").click();
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run_steps(2);
    let svg = temp("skillnad.svg");
    harness.state_mut().export_dialog.as_mut().expect("open").path = svg.display().to_string();
    harness.get_by_label("SVG").click();
    harness.run_steps(1);
    harness.state_mut().export_dialog.as_mut().expect("open").path = svg.display().to_string();
    harness.get_by_label("Exportera").click();
    harness.run_steps(2);
    let text = std::fs::read_to_string(&svg).expect("an SVG");
    assert!(
        text.contains("Förvärvsarbetande 20–64 år, skillnad 2011 − 2024"),
        "the difference's title"
    );
    assert!(text.contains("Färgerna delas vid 0"), "the difference's legend");
}
