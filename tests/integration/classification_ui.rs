//! The classification window (K) on the real app: schemes, manual breaks, pooled breaks and a
//! diverging palette change the map's classes and colours, and the window shows them.
use crate::common;

use egui::{Key, vec2};
use egui_kittest::{Harness, kittest::Queryable as _};
use segkarta::analysis::classify::{Scheme, classify};
use segkarta::app::SegkartaApp;
use segkarta::state::Settings;

fn harness() -> Harness<'static, SegkartaApp> {
    let mut harness = common::app_harness(Settings::default(), vec2(1280.0, 800.0), true);
    harness.run_steps(4);
    harness
}

/// The values of the GR municipalities on the map now.
fn gr_values(harness: &Harness<'static, SegkartaApp>) -> Vec<f64> {
    let view = &harness.state().view;
    view.values
        .iter()
        .zip(&view.in_gr)
        .filter_map(|(v, g)| v.filter(|_| *g))
        .collect()
}

/// Choose a method in the window's method box (the panel has one with the same label; the
/// window's comes last).
fn pick_method(harness: &mut Harness<'static, SegkartaApp>, method: &str) {
    harness
        .get_all_by_label("Metod")
        .last()
        .expect("window box")
        .click();
    harness.run_steps(2);
    harness.get_by_label(method).click();
    harness.run_steps(3);
}

fn pick(harness: &mut Harness<'static, SegkartaApp>, combo: &str, choice: &str) {
    harness.get_by_label(combo).click();
    harness.run_steps(2);
    harness.get_by_label(choice).click();
    harness.run_steps(3);
}

#[test]
fn natural_breaks_chosen_in_the_window_colour_the_map_by_fisher_jenks() {
    let mut harness = harness();
    harness.key_press(Key::K);
    harness.run_steps(2);
    assert!(harness.state().classify_dialog.is_some(), "K opens the window");
    assert_eq!(harness.get_all_by_label("Metod").count(), 2, "panel and window");
    pick_method(&mut harness, "Naturliga brytpunkter (Fisher–Jenks)");
    let expected = classify(&gr_values(&harness), Scheme::FisherJenks, 5).expect("classes");
    let view = &harness.state().view;
    assert_eq!(view.scheme, Scheme::FisherJenks);
    assert_eq!(view.classes.as_ref().expect("classes").breaks, expected.breaks);
    // The class table lists as many areas as are coloured.
    assert_eq!(expected.counts.iter().sum::<usize>(), 13);
    harness.snapshot("classification_window");
}

#[test]
fn manual_breaks_typed_with_decimal_commas_become_the_classes() {
    let mut harness = harness();
    harness.key_press(Key::K);
    harness.run_steps(2);
    pick_method(&mut harness, "Egna gränser");
    harness
        .state_mut()
        .classify_dialog
        .as_mut()
        .expect("open")
        .breaks_text = "82,5; 86".into();
    harness.get_by_label("Använd").click();
    harness.run_steps(3);
    let max = gr_values(&harness).into_iter().reduce(f64::max).expect("values");
    let classes = harness.state().view.classes.clone().expect("classes");
    assert_eq!(classes.breaks, vec![82.5, 86.0, max]);
    assert_eq!(harness.state().settings.selection.manual_breaks, vec![82.5, 86.0]);
}

#[test]
fn diverging_around_the_gr_average_splits_the_classes_there() {
    let mut harness = harness();
    harness.key_press(Key::K);
    harness.run_steps(2);
    pick(&mut harness, "Färgskala", "Divergerande kring GR-snittet");
    let view = &harness.state().view;
    let gr = view.region.expect("GR average").value;
    let classes = view.classes.as_ref().expect("classes");
    let below = classes.below_reference.expect("diverging");
    assert_eq!(classes.breaks[below - 1], gr, "the GR average is a break");
    assert_eq!(view.reference, Some(gr));
    // Areas under the average and over it never share a colour.
    let under: Vec<_> = (0..below).map(|c| view.class_colours[c]).collect();
    assert!((below..classes.len()).all(|c| !under.contains(&view.class_colours[c])));
}

#[test]
fn pooled_breaks_stay_the_same_from_year_to_year() {
    let mut harness = harness();
    harness.get_by_label("Samma gränser alla perioder").click();
    harness.run_steps(3);
    let first = harness.state().view.classes.clone().expect("classes");
    harness.key_press(Key::ArrowLeft);
    harness.run_steps(3);
    let earlier = harness.state().view.classes.clone().expect("classes");
    assert_ne!(harness.state().view.period, segkarta::model::Period::default());
    assert_eq!(first.breaks, earlier.breaks, "pooled: same breaks");
    assert_ne!(first.counts, earlier.counts, "but this year's areas are counted");
    // Without pooling the breaks follow the year.
    harness.get_by_label("Samma gränser alla perioder").click();
    harness.run_steps(3);
    let own = harness.state().view.classes.clone().expect("classes");
    assert_ne!(own.breaks, earlier.breaks);
}
