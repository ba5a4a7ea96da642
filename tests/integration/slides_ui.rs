//! Slides on the real app: save views as slides, rename, reorder, duplicate and delete them,
//! step through them in presenter mode, keep them in the project, and say what a slide shows
//! that is no longer loaded.
use crate::common;

use egui::{Key, vec2};
use egui_kittest::{Harness, kittest::Queryable as _};
use segkarta::app::SegkartaApp;
use segkarta::model::Period;
use segkarta::state::{Action, Settings};
use segkarta::ui::slides::SlideAction;

fn harness() -> Harness<'static, SegkartaApp> {
    let mut harness = common::app_harness(Settings::default(), vec2(1280.0, 800.0), false);
    harness.run_steps(3);
    harness
}

/// Two slides: employment in 2024, then 2015 with Göteborg selected.
fn two_slides(harness: &mut Harness<'static, SegkartaApp>) {
    harness.get_by_label("Bilder").click();
    harness.run_steps(2);
    harness.get_by_label("+ Spara vyn som bild").click();
    harness.run_steps(1);
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(
        &ctx,
        [
            Action::SetPeriod(Period::Year(2015)),
            Action::SelectArea(Some("1480".into())),
        ],
    );
    harness.run_steps(1);
    harness.get_by_label("+ Spara vyn som bild").click();
    harness.run_steps(2);
}

#[test]
fn views_become_slides_that_can_be_renamed_reordered_duplicated_and_deleted() {
    let mut harness = harness();
    two_slides(&mut harness);
    let names: Vec<String> = harness.state().slides.iter().map(|s| s.name.clone()).collect();
    assert_eq!(
        names,
        [
            "Förvärvsarbetande 20–64 år · 2024 · Kommuner",
            "Förvärvsarbetande 20–64 år · 2015 · Kommuner"
        ]
    );
    harness.get_by_label("2. Förvärvsarbetande 20–64 år · 2015 · Kommuner");
    assert_eq!(harness.state().slides[1].selection.area.as_deref(), Some("1480"));
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .slide_action(&ctx, SlideAction::Rename(1, "Göteborg 2015".into()));
    harness.run_steps(1);
    harness.get_by_label("↑").click();
    harness.run_steps(1);
    assert_eq!(harness.state().slides[0].name, "Göteborg 2015");
    harness.get_by_label("Duplicera").click();
    harness.run_steps(2);
    assert_eq!(harness.state().slides.len(), 3);
    assert_eq!(harness.state().slides[1].name, "Göteborg 2015 (kopia)");
    harness.get_by_label("Ta bort").click();
    harness.run_steps(2);
    assert_eq!(harness.state().slides.len(), 2);
    // Showing a slide brings back its period and selected area.
    harness
        .get_by_label("2. Förvärvsarbetande 20–64 år · 2024 · Kommuner")
        .click();
    harness.run_steps(1);
    assert_eq!(harness.state().settings.selection.period, Period::Year(2024));
    assert_eq!(harness.state().settings.selection.area, None);
    assert!(harness.state().project_dirty);
    // Dragged by its handle onto the first row: the second slide opens the story.
    harness.get_by_label("1. Göteborg 2015");
    let handles: Vec<egui::Rect> = harness.get_all_by_label("↑↓").map(|n| n.rect()).collect();
    let (from, to) = (handles[1].center(), handles[0].center());
    harness.drag_at(from);
    harness.run_steps(1);
    for step in 1..=4 {
        harness.hover_at(from + (to - from) * (step as f32 / 4.0));
        harness.run_steps(1);
    }
    harness.drop_at(to);
    harness.run_steps(2);
    assert_eq!(harness.state().slides[1].name, "Göteborg 2015");
    harness.get_by_label("1. Förvärvsarbetande 20–64 år · 2024 · Kommuner");
}

#[test]
fn presenter_mode_steps_through_the_slides() {
    let mut harness = harness();
    two_slides(&mut harness);
    harness.key_press(Key::F5);
    harness.run_steps(3);
    harness.key_press(Key::ArrowUp);
    harness.run_steps(2);
    assert_eq!(harness.state().current_slide, Some(0));
    assert_eq!(harness.state().settings.selection.period, Period::Year(2024));
    harness.get_by_label("Bild 1/2");
    harness.key_press(Key::PageDown);
    harness.run_steps(2);
    assert_eq!(harness.state().settings.selection.period, Period::Year(2015));
    harness.get_by_label("Bild 2/2");
    harness.key_press(Key::ArrowDown);
    harness.run_steps(2);
    assert_eq!(harness.state().current_slide, Some(1), "stays on the last");
    // N shows the slide's note in a window of its own, for the presenter.
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .slide_action(&ctx, SlideAction::Note(1, "Peka på Göteborg".into()));
    harness.key_press(Key::N);
    harness.run_steps(3);
    assert!(harness.state().show_notes);
    harness.get_by_label("Peka på Göteborg");
}

#[test]
fn slides_are_kept_in_the_project_and_missing_data_is_named() {
    let mut harness = harness();
    two_slides(&mut harness);
    let dir = std::env::temp_dir().join(format!("segkarta_slides_{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("berättelse.segkarta");
    harness.state_mut().save_project_to(&path).expect("saved");
    let slides = harness.state().slides.clone();
    let mut fresh = self::harness();
    let ctx = fresh.ctx.clone();
    fresh.state_mut().open_project(&ctx, &path);
    fresh.run_steps(2);
    assert_eq!(fresh.state().slides, slides);

    // A slide of an indicator from a file that is not open.
    let mut orphan = slides[0].clone();
    orphan.name = "Egen tabell".into();
    orphan.selection.indicator = "min_indikator".into();
    fresh.state_mut().slides.push(orphan);
    fresh.get_by_label("Bilder").click();
    fresh.run_steps(2);
    fresh.get_by_label("3. (!) Egen tabell").click();
    fresh.run_steps(2);
    fresh.get_by_label_contains("Bilden visar data som inte är inläst: indikatorn min_indikator");
}

/// Every slide as a PNG into one folder, named in order; and the command line draws one
/// slide of the saved project without a window.
#[test]
fn every_slide_exports_and_render_draws_a_slide_of_a_project() {
    let mut harness = harness();
    two_slides(&mut harness);
    let dir = std::env::temp_dir().join(format!("segkarta_slide_export_{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(harness.state().export_slides(&dir), Ok(2));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("folder")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "01-forvarvsarbetande-20-64-ar-2024-kommuner.png",
            "02-forvarvsarbetande-20-64-ar-2015-kommuner.png"
        ]
    );
    let project = dir.join("berättelse.segkarta");
    harness.state_mut().save_project_to(&project).expect("saved");
    let out = dir.join("bild2.svg");
    let (code, _, err) = common::run_segkarta(&[
        "render",
        "--project",
        project.to_str().unwrap(),
        "--slide",
        "2",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let svg = std::fs::read_to_string(&out).expect("written");
    assert!(svg.contains(">2015 · Kommuner<"), "the slide's period");
    let (code, _, err) = common::run_segkarta(&[
        "render",
        "--project",
        project.to_str().unwrap(),
        "--slide",
        "3",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("--slide 3: the project has 2 slides"), "{err}");
}
