//! Presenter mode on the real app: F5 and Esc, the keys a presenter uses (periods, domains,
//! play, text size), the hovered area shown large, and a snapshot of the mode.
use crate::common;

use egui::{Key, vec2};
use egui_kittest::{Harness, kittest::Queryable as _};
use segkarta::app::SegkartaApp;
use segkarta::model::Period;
use segkarta::state::Settings;

fn harness() -> Harness<'static, SegkartaApp> {
    let mut harness = common::app_harness(Settings::default(), vec2(1280.0, 800.0), true);
    harness.run_steps(4);
    harness
}

fn present(harness: &mut Harness<'static, SegkartaApp>) {
    harness.key_press(Key::F5);
    harness.run_steps(4);
    assert!(harness.state().presenting);
}

#[test]
fn f5_hides_the_editing_controls_and_esc_brings_them_back() {
    let mut harness = harness();
    assert!(harness.query_by_label("Presentera").is_some());
    present(&mut harness);
    // No top bar, no panels: only the map and its large title, period and legend.
    assert!(harness.query_by_label("Presentera").is_none());
    assert!(harness.query_by_label("Klassindelning").is_none());
    harness.get_by_label("Förvärvsarbetande 20–64 år");
    harness.get_by_label("2024");
    harness.get_by_label("Kommuner · procent");
    harness.get_by_label_contains("Esc avslutar");
    harness.snapshot("presenter_mode");
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(!harness.state().presenting);
    harness.get_by_label("Presentera");
    harness.get_by_label("Klassindelning");
}

#[test]
fn arrows_step_periods_digits_choose_domains_and_colours_change_smoothly() {
    let mut harness = harness();
    present(&mut harness);
    let before = harness.state().view.fills.clone();
    harness.key_press(Key::ArrowLeft);
    harness.run_steps(1);
    assert_eq!(harness.state().settings.selection.period, Period::Year(2023));
    assert!(
        harness.state().is_transitioning(),
        "colours move from 2024's to 2023's"
    );
    std::thread::sleep(segkarta::ui::presenter::TRANSITION);
    harness.run_steps(2);
    assert!(!harness.state().is_transitioning());
    harness.get_by_label("2023");
    assert_ne!(harness.state().view.fills, before, "2023 has other classes");
    harness.key_press(Key::Num2);
    harness.run_steps(2);
    assert_eq!(harness.state().settings.selection.domain, "skola");
    assert!(harness.state().presenting, "a domain key keeps presenting");
}

#[test]
fn space_plays_through_the_periods_and_stops() {
    let mut harness = harness();
    present(&mut harness);
    // At the last period, play starts from the first.
    harness.key_press(Key::Space);
    harness.run_steps(1);
    assert!(harness.state().playing.is_some());
    assert_eq!(harness.state().settings.selection.period, Period::Year(2011));
    harness.get_by_label("▶ 2011");
    std::thread::sleep(segkarta::ui::presenter::PLAY_STEP);
    harness.run_steps(2);
    assert_eq!(harness.state().settings.selection.period, Period::Year(2012));
    harness.key_press(Key::Space);
    harness.run_steps(1);
    assert!(harness.state().playing.is_none());
    harness.get_by_label("2012");
}

#[test]
fn plus_and_minus_change_the_remembered_text_scale() {
    let mut harness = harness();
    present(&mut harness);
    let scale = harness.state().settings.presenter_scale;
    assert_eq!(scale, 1.5);
    harness.key_press(Key::Plus);
    harness.run_steps(1);
    assert!((harness.state().settings.presenter_scale - 1.6).abs() < 1e-4);
    for _ in 0..30 {
        harness.key_press(Key::Minus);
    }
    harness.run_steps(1);
    assert_eq!(harness.state().settings.presenter_scale, 1.0, "bounded below");
}

#[test]
fn the_hovered_area_shows_its_name_and_value_large() {
    let mut harness = harness();
    present(&mut harness);
    let pos = harness.state().screen_of(12.03, 57.45);
    harness.hover_at(pos);
    harness.run_steps(3);
    let hovered = harness.state().hovered.expect("an area under the pointer");
    let name = harness.state().layer().areas[hovered].name.clone();
    harness.get_by_label(&name);
    harness.get_by_label_contains("av 13 i GR");
}

/// The region fits below the title and beside the legend: every GR municipality's point is
/// on the map and clear of both.
#[test]
fn gr_fits_what_the_title_and_legend_leave_free() {
    let mut harness = harness();
    present(&mut harness);
    harness.run_steps(4);
    let app = harness.state();
    let title = harness.get_by_label("Förvärvsarbetande 20–64 år").rect();
    for (lon, lat) in [
        (11.70, 57.70),
        (11.97, 57.71),
        (12.08, 57.49),
        (12.53, 57.93),
        (11.75, 58.05),
    ] {
        let p = app.screen_of(lon, lat);
        assert!(app.map_rect.contains(p), "{lon},{lat} at {p:?} on the map");
        assert!(p.y > title.bottom(), "{lon},{lat} at {p:?} below the title");
    }
}

/// H while presenting switches to classes without the pale end (projectors wash it out); the
/// legend follows, and H again switches back.
#[test]
fn h_switches_to_high_contrast_classes() {
    let mut harness = harness();
    present(&mut harness);
    let normal = harness.state().view.class_colours.clone();
    harness.key_press(Key::H);
    harness.run_steps(2);
    assert!(harness.state().settings.selection.high_contrast);
    let strong = harness.state().view.class_colours.clone();
    assert_ne!(strong, normal, "the pale classes are darker");
    // Employment: higher is better, so the lowest class is the darkest, and it stays.
    assert_eq!(strong[0], normal[0], "the darkest stays");
    assert_ne!(strong.last(), normal.last(), "the palest is darker");
    harness.key_press(Key::H);
    harness.run_steps(2);
    assert_eq!(harness.state().view.class_colours, normal);
}
