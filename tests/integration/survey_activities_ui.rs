//! Survey uncertainty and the activities layer on the real app: the legend's "too few answers"
//! and uncertainty entries with a tooltip giving interval and respondents; the activities
//! window's filters, a cluster that zooms in when clicked, and the gap map from the needs view.
use crate::common;

use egui::{Key, vec2};
use egui_kittest::kittest::Queryable as _;
use segkarta::model::{Period, SeriesKey};
use segkarta::state::{Action, Settings};

#[test]
fn a_survey_map_holds_back_few_answers_and_shows_uncertainty() {
    let mut harness = common::app_harness(Settings::default(), vec2(1600.0, 900.0), true);
    harness.run_steps(4);
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(
        &ctx,
        [
            Action::SelectIndicator("otrygghet".into()),
            Action::SetPeriod(Period::Year(2024)),
            Action::SetGroupBy("fodelseregion".into()),
            Action::SetGroup("ovriga".into()),
        ],
    );
    harness.run_steps(4);
    let view = harness.state().view.clone();
    let held = view.suppressed.iter().filter(|s| **s).count();
    assert!(held >= 3, "small municipalities have too few answers: {held}");
    // Held back: no value, no rank, their own colour.
    let ockero = harness.state().layer().index_of("1407").expect("Öckerö");
    assert!(view.suppressed[ockero] && view.values[ockero].is_none() && view.gr_rank[ockero].is_none());
    assert_eq!(view.fills[ockero], segkarta::map::palette::SUPPRESSED);
    harness.get_by_label_contains("För få svar (under 30)");
    harness.get_by_label_contains("Enkät: konfidensnivå 95 %");
    if view.uncertain.iter().any(|u| *u) {
        harness.get_by_label_contains("Osäker skattning");
        harness.get_by_label_contains("Blekare: intervallet bredare än klassen");
    }
    // Hovering Göteborg: the value with its interval, respondents and the test against GR.
    let pos = harness.state().screen_of(11.97, 57.71);
    harness.hover_at(pos);
    harness.run_steps(3);
    harness.get_by_label_contains("95 % KI ");
    harness.get_by_label_contains("Svarande:");
    assert!(
        harness
            .query_all_by_label_contains("statistiskt säkerställd")
            .count()
            >= 1
    );
    harness.snapshot("survey_uncertainty");
    // Hovering Öckerö says why there is no colour.
    let pos = harness.state().screen_of(11.66, 57.71);
    harness.hover_at(pos);
    harness.run_steps(3);
    harness.get_by_label_contains("svarande, gräns 30)");
}

/// The activities window's check box for school (the domain tab has the same name).
fn school_box<'a>(
    harness: &'a egui_kittest::Harness<'static, segkarta::app::SegkartaApp>,
) -> egui_kittest::Node<'a> {
    harness.get_by(|n| n.role() == egui::accesskit::Role::CheckBox && n.label().as_deref() == Some("Skola"))
}

#[test]
fn the_activities_layer_filters_clusters_and_zooms_in_on_a_click() {
    let mut harness = common::app_harness(Settings::default(), vec2(1400.0, 900.0), true);
    harness.run_steps(4);
    harness.key_press(Key::V);
    harness.run_steps(3);
    harness.get_by_label("Visa på kartan").click();
    harness.run_steps(3);
    let all = harness.state().activity_view.listed.len();
    assert_eq!(all, harness.state().atlas.activities.len());
    assert!(!harness.state().activity_view.points.is_empty());
    harness.get_by_label_contains("utan plats på kartan");
    // The map's key names the domains' symbols.
    harness.get_by_label_contains("Ring med tal");
    // Leaving school out: fewer listed, none of them only about school.
    school_box(&harness).click();
    harness.run_steps(3);
    let without_school = harness.state().activity_view.listed.clone();
    assert!(without_school.len() < all);
    let atlas = harness.state().atlas.clone();
    assert!(
        without_school
            .iter()
            .all(|i| atlas.activities[*i].domains != ["skola"])
    );
    school_box(&harness).click();
    harness.run_steps(3);
    harness.snapshot("activities_layer");
    // At the region's zoom Göteborg's activities form clusters: a click zooms in.
    let points = harness.state().activity_view.points.clone();
    let zoom = harness.state().map_memory.zoom();
    let gbg = points
        .iter()
        .find(|p| (11.9..12.0).contains(&p.lonlat.0) && (57.68..57.74).contains(&p.lonlat.1))
        .map(|p| p.lonlat)
        .unwrap_or((11.97, 57.71));
    let mut zoomed = false;
    for (dx, dy) in [(0.0, 0.0), (0.01, 0.0), (-0.01, 0.0), (0.0, 0.01), (0.0, -0.01)] {
        let pos = harness.state().screen_of(gbg.0 + dx, gbg.1 + dy);
        harness.hover_at(pos);
        harness.run_steps(2);
        if harness
            .query_by_label_contains("klicka för att zooma in")
            .is_some()
        {
            common::click_at(&mut harness, pos);
            harness.run_steps(2);
            zoomed = harness.state().map_memory.zoom() > zoom;
            break;
        }
    }
    assert!(zoomed, "a cluster was found and clicking it zoomed in");
}

#[test]
fn the_needs_view_names_the_largest_gaps_and_opens_the_gap_map() {
    let mut harness = common::app_harness(Settings::default(), vec2(1500.0, 950.0), true);
    harness.run_steps(4);
    harness.key_press(Key::P);
    harness.run_steps(4);
    let needs = harness.state().needs.clone().expect("the needs view");
    assert_eq!(needs.activity_gaps.len(), 13 * 5, "every municipality and domain");
    let top = needs.activity_gaps[0].clone();
    assert!(needs.activity_gaps.windows(2).all(|w| w[0].gap >= w[1].gap));
    harness.get_by_label_contains("Störst gap mellan behov och verksamheter:");
    assert!(harness.query_all_by_label_contains(&top.name).count() >= 1);
    // At the window's end: scrolled to, as a user would.
    harness.get_by_label_contains("Visa gapkartan").scroll_to_me();
    harness.run_steps(2);
    harness.snapshot("needs_activity_gaps");
    harness.get_by_label_contains("Visa gapkartan").hover();
    harness.run_steps(1);
    harness.get_by_label_contains("Visa gapkartan").click();
    harness.run_steps(4);
    let sel = harness.state().settings.selection.clone();
    assert_eq!(sel.indicator, format!("verksamhetsgap_{}", top.domain));
    let view = harness.state().view.clone();
    let area = harness.state().layer().index_of(&top.code).expect("the area");
    // The map's value is the table's gap for the same area and year.
    let shown = view.values[area].expect("a gap");
    let key = SeriesKey::total(&sel.indicator);
    assert_eq!(
        harness
            .state()
            .atlas
            .observations
            .value(&key, &top.code, sel.period),
        Some(shown)
    );
    assert!((shown - top.gap).abs() < 1e-9);
    // Named in the indicator list and in the title line over the map.
    assert!(harness.query_all_by_label_contains("Verksamhetsgap: ").count() >= 2);
}
