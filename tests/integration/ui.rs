//! UI tests on the real app and the embedded data, driven through egui_kittest: clicks, hovers,
//! keys, the text a user reads, and a snapshot of the default view.
use crate::common;

use egui::{Key, vec2};
use egui_kittest::{Harness, kittest::Queryable as _};
use segkarta::app::SegkartaApp;
use segkarta::model::{SeriesKey, is_gr_municipality};
use segkarta::state::Settings;

fn app_harness(settings: Settings) -> Harness<'static, SegkartaApp> {
    sized_harness(settings, vec2(1280.0, 800.0))
}

fn sized_harness(settings: Settings, size: egui::Vec2) -> Harness<'static, SegkartaApp> {
    let mut harness = common::app_harness(settings, size, true);
    // A few frames: the first lays out and fits the map to GR, the next draw on the fitted map.
    harness.run_steps(4);
    harness
}

fn harness() -> Harness<'static, SegkartaApp> {
    app_harness(Settings::default())
}

#[test]
fn starts_on_embedded_data_showing_the_13_gr_municipalities() {
    let harness = harness();
    let app = harness.state();
    assert_eq!(app.layer().len(), 290, "all Swedish municipalities are drawn");
    let coloured: Vec<&str> = (0..app.layer().len())
        .filter(|i| app.view.in_scope[*i])
        .map(|i| app.layer().areas[i].code.as_str())
        .collect();
    assert_eq!(coloured.len(), 13);
    assert!(coloured.iter().all(|c| is_gr_municipality(c)));
    let classes = app.view.classes.as_ref().expect("classes");
    assert_eq!(
        classes.counts.iter().sum::<usize>(),
        13,
        "every GR municipality is classified"
    );
    assert_eq!(
        app.settings.selection.period,
        segkarta::model::Period::Year(2024),
        "opens on the latest year"
    );
    assert!(
        harness.query_all_by_label("Förvärvsarbetande 20–64 år").count() >= 2,
        "in the list and the legend"
    );
    assert!(
        harness
            .query_all_by_label("Etablering på arbetsmarknaden")
            .count()
            >= 1
    );
    // The map fits GR: the whole region is inside the map.
    let gbg = app.screen_of(11.97, 57.71);
    assert!(app.map_rect.contains(gbg), "Göteborg is on screen");
    let kungsbacka = app.screen_of(12.08, 57.49);
    assert!(app.map_rect.contains(kungsbacka), "Kungsbacka is on screen");
}

#[test]
fn domain_tab_changes_indicator_list_and_map_colours() {
    let mut harness = harness();
    let before = harness.state().view.fills.clone();
    harness.get_by_label("Skola").click();
    harness.run_steps(2);
    harness.get_by_label("Genomsnittligt meritvärde åk 9 demo");
    assert!(
        harness
            .query_by_label_contains("Förvärvsarbetande 20–64 år")
            .is_none(),
        "labour-market indicators left the list"
    );
    let app = harness.state();
    assert_eq!(app.settings.selection.domain, "skola");
    assert_eq!(app.settings.selection.indicator, "behorighet_gy");
    assert_ne!(app.view.fills, before, "the map is recoloured");

    // The list scrolls: the pointer hovers a frame before it clicks.
    harness
        .get_by_label("Genomsnittligt meritvärde åk 9 demo")
        .hover();
    harness.run_steps(1);
    harness
        .get_by_label("Genomsnittligt meritvärde åk 9 demo")
        .click();
    harness.run_steps(2);
    assert_eq!(harness.state().settings.selection.indicator, "meritvarde");
}

#[test]
fn hover_over_goteborg_shows_name_value_rank_and_difference() {
    let mut harness = harness();
    let pos = harness.state().screen_of(11.9668, 57.7072);
    harness.hover_at(pos);
    harness.run_steps(3);
    let app = harness.state();
    let value = app
        .atlas
        .observations
        .value(
            &SeriesKey::total("forvarvsarbetande"),
            "1480",
            segkarta::model::Period::Year(2024),
        )
        .expect("value");
    let text = format!(
        "Förvärvsarbetande 20–64 år: {} %",
        segkarta::format::number(value, 1, segkarta::i18n::Lang::Sv)
    );
    harness.get_by_label(&text);
    harness.get_by_label_contains("av 13 i GR");
    let region = app.view.region.expect("GR value").value;
    let diff = value - region;
    let side = if diff > 0.0 { "över" } else { "under" };
    let lang = segkarta::i18n::Lang::Sv;
    harness.get_by_label(&format!(
        "{} procentenheter {side} GR-snittet",
        segkarta::format::number(diff.abs(), 1, lang)
    ));
    let i = app.layer().index_of("1480").expect("Göteborg");
    assert_eq!(app.hovered, Some(i));
}

#[test]
fn hover_over_the_sea_shows_nothing() {
    let mut harness = harness();
    let pos = harness.state().screen_of(11.45, 57.62);
    harness.hover_at(pos);
    harness.run_steps(2);
    assert_eq!(harness.state().hovered, None);
    assert!(harness.query_by_label_contains("av 13 i GR").is_none());
}

#[test]
fn click_selects_area_and_updates_group_and_trend_panels() {
    let mut harness = harness();
    harness.get_by_label("Klicka på en kommun på kartan för att se dess värden inom alla områden.");
    let pos = harness.state().screen_of(12.03, 57.51);
    harness.hover_at(pos);
    harness.run_steps(1);
    harness.get_by_label("Zooma till GR"); // overlays still there
    common::click_at(&mut harness, pos);
    harness.run_steps(2);
    assert_eq!(harness.state().settings.selection.area.as_deref(), Some("1384"));
    // Group comparison for Kungsbacka: sex is the first dimension of the indicator.
    assert!(
        harness.query_all_by_label("Kungsbacka").count() >= 2,
        "panel heading and ranking"
    );
    harness.get_by_label_contains("lägre än");
    // Trend: change since the first year.
    harness.get_by_label_contains("Förändring sedan 2011:");
    // Area details list indicators of every domain.
    harness.get_by_label("Genomsnittligt meritvärde åk 9");
    harness.get_by_label("Valdeltagande i kommunval");
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert_eq!(harness.state().settings.selection.area, None);
}

#[test]
fn group_comparison_states_the_gap_in_words_and_numbers() {
    let mut harness = harness();
    harness.get_by_label("Födelseregion").click();
    harness.run_steps(2);
    let app = harness.state();
    assert_eq!(app.settings.selection.group_by, "fodelseregion");
    let cmp = segkarta::analysis::compare::groups(
        &app.atlas,
        "forvarvsarbetande",
        "fodelseregion",
        segkarta::model::Period::Year(2024),
        None,
    );
    let gap = cmp.gap.expect("a gap");
    assert_eq!(gap.low, "ovriga");
    let sentence = format!(
        "Född i övriga världen: {} procentenheter lägre än född i Sverige.",
        segkarta::format::number(gap.difference, 1, segkarta::i18n::Lang::Sv)
    );
    harness.get_by_label(&sentence);
}

#[test]
fn legend_shows_demo_mark_units_and_source() {
    let harness = harness();
    assert!(
        harness.query_all_by_label("DEMODATA").count() >= 2,
        "badge in the top bar and in the legend"
    );
    harness.get_by_label_contains("Källa: Demodata");
    harness.get_by_label("Uppgift saknas");
    harness.get_by_label_contains("GR-snitt: ");
}

#[test]
fn keyboard_switches_domain_indicator_and_year() {
    let mut harness = harness();
    harness.key_press(Key::Num4);
    harness.run_steps(2);
    assert_eq!(harness.state().settings.selection.domain, "brott");
    harness.key_press(Key::ArrowDown);
    harness.run_steps(2);
    assert_eq!(harness.state().settings.selection.indicator, "valdsbrott");
    harness.key_press(Key::ArrowLeft);
    harness.run_steps(2);
    assert_eq!(
        harness.state().settings.selection.period,
        segkarta::model::Period::Year(2023)
    );
}

#[test]
fn english_ui_uses_english_words_and_number_format() {
    let mut harness = harness();
    harness.get_by_label("English").click();
    harness.run_steps(2);
    harness.get_by_label("Group comparison");
    assert!(harness.query_all_by_label("Gainfully employed, 20–64").count() >= 2);
    let app = harness.state();
    let gr = app.view.region.expect("GR value").value;
    harness.get_by_label(&format!(
        "GR average: {} %",
        segkarta::format::number(gr, 1, segkarta::i18n::Lang::En)
    ));
}

#[test]
fn election_years_only_and_missing_years_show_no_data_without_panic() {
    let mut settings = Settings::default();
    settings.selection.domain = "demokrati".into();
    settings.selection.indicator = "valdeltagande".into();
    settings.selection.period = segkarta::model::Period::Year(2013);
    let mut harness = app_harness(settings);
    assert_eq!(
        harness.state().settings.selection.period,
        segkarta::model::Period::Year(2014),
        "the nearest election year"
    );
    harness.get_by_label("(vissa perioder saknas)");
    harness.key_press(Key::ArrowRight);
    harness.run_steps(2);
    assert_eq!(
        harness.state().settings.selection.period,
        segkarta::model::Period::Year(2018)
    );
    // An indicator covering GR only still shows the rest of Sweden as no-data in national mode.
    harness.key_press(Key::N);
    harness.run_steps(2);
    let app = harness.state();
    assert!(app.view.in_scope.iter().all(|s| *s));
}

#[test]
fn default_view_snapshot() {
    let mut harness = harness();
    harness.run_steps(2);
    harness.snapshot("default_view");
}

#[test]
fn panels_collapse_and_come_back() {
    let mut harness = harness();
    harness.key_press(Key::OpenBracket);
    harness.key_press(Key::CloseBracket);
    harness.run_steps(3);
    assert!(
        harness.query_by_label_contains("Arbetslösa 16–64 år").is_none(),
        "left panel hidden"
    );
    assert!(
        harness.query_by_label("Gruppjämförelse").is_none(),
        "right panel hidden"
    );
    let app = harness.state();
    assert!(app.map_rect.width() > 1200.0, "the map takes the freed width");
    harness.get_by_label("◂ Urval").click();
    harness.run_steps(3);
    harness.get_by_label("Arbetslösa 16–64 år demo");
}

#[test]
fn projector_layout_snapshot_with_selected_area() {
    let mut settings = Settings::default();
    settings.selection.area = Some("1480".into());
    settings.selection.group_by = "fodelseregion".into();
    settings.selection.group = "ovriga".into();
    let mut harness = sized_harness(settings, vec2(1920.0, 1080.0));
    harness.run_steps(2);
    assert!(harness.query_all_by_label("Göteborg").count() >= 2);
    harness.get_by_label("Född i övriga världen");
    harness.snapshot("projector_1920x1080_goteborg");
}

#[test]
fn survey_values_show_their_margin_of_error() {
    let mut settings = Settings::default();
    settings.selection.domain = "brott".into();
    settings.selection.indicator = "otrygghet".into();
    settings.selection.area = Some("1462".into());
    let harness = app_harness(settings);
    let app = harness.state();
    assert_eq!(app.settings.selection.period, segkarta::model::Period::Year(2024));
    let key = SeriesKey::new("otrygghet", "kon", "kvinnor");
    let obs = app
        .atlas
        .observations
        .get(&key, "1462", segkarta::model::Period::Year(2024))
        .expect("survey value");
    let lang = segkarta::i18n::Lang::Sv;
    let text = format!(
        "{} % ± {}",
        segkarta::format::number(obs.value, 1, lang),
        segkarta::format::number(obs.moe.expect("margin"), 1, lang)
    );
    harness.get_by_label(&text);
}

/// Every GR municipality is on screen and clear of the legend after start-up, also when the
/// legend is wide (national comparison, long units).
#[test]
fn gr_fits_beside_the_legend() {
    let mut settings = Settings::default();
    settings.selection.domain = "brott".into();
    settings.selection.indicator = "anmalda_brott".into();
    settings.selection.national = true;
    settings.selection.area = Some("1462".into());
    let mut harness = app_harness(settings);
    harness.run_steps(4);
    let app = harness.state();
    let bbox = app.layer().bbox_of(is_gr_municipality).expect("GR bbox");
    for (lon, lat) in [
        (bbox.min().x, bbox.min().y),
        (bbox.max().x, bbox.max().y),
        (bbox.min().x, bbox.max().y),
        (bbox.max().x, bbox.min().y),
    ] {
        let p = app.screen_of(lon, lat);
        assert!(
            app.map_rect.contains(p),
            "corner {lon},{lat} at {p:?} inside {:?}",
            app.map_rect
        );
    }
}

/// At DeSO level, after the user zoomed in, G (Zooma till GR) brings all of GR back into view:
/// it used to look for municipal codes among the DeSO and do nothing.
#[test]
fn zoom_to_gr_works_at_deso_level_after_a_zoom() {
    let mut harness = harness();
    let ctx = harness.ctx.clone();
    let fixture =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/deso_sweref99tm.gpkg");
    harness
        .state_mut()
        .load_files(&ctx, vec![fixture], segkarta::io::load::LoadOptions::default());
    common::wait_for_load(&mut harness);
    harness.run_steps(2);
    harness.state_mut().apply(
        &ctx,
        [segkarta::state::Action::SetLevel(segkarta::model::Level::Deso)],
    );
    harness.run_steps(2);
    assert_eq!(
        harness.state().settings.selection.level,
        segkarta::model::Level::Deso
    );
    // The user zooms far in.
    let _ = harness.state_mut().map_memory.set_zoom(15.0);
    harness.run_steps(2);
    let gbg = harness.state().screen_of(11.97, 57.71);
    let kungsbacka = harness.state().screen_of(12.08, 57.49);
    assert!(!(harness.state().map_rect.contains(gbg) && harness.state().map_rect.contains(kungsbacka)));
    harness.key_press(Key::G);
    harness.run_steps(3);
    let app = harness.state();
    let bbox = app
        .atlas
        .layer(&segkarta::model::Level::Kommun)
        .and_then(|k| k.bbox_of(is_gr_municipality))
        .expect("GR bbox");
    for (lon, lat) in [(bbox.min().x, bbox.min().y), (bbox.max().x, bbox.max().y)] {
        let p = app.screen_of(lon, lat);
        assert!(app.map_rect.contains(p), "corner {lon},{lat} at {p:?}");
    }
}

/// The top bar's buttons never lie on top of each other: at 1280 × 800 the subtitle gives way,
/// and in a narrower window (or the UI scaled up) the actions fold into a menu.
#[test]
fn top_bar_fits_at_1280_and_folds_when_scaled_up() {
    let harness = harness();
    let open = harness.get_by_label("Öppna filer…").rect();
    for right in ["DEMODATA", "◂ Urval", "Bakgrundskarta"] {
        let other = harness.get_all_by_label(right).next().expect(right).rect();
        assert!(
            !open.intersects(other),
            "Öppna filer… {open:?} overlaps {right} {other:?}"
        );
    }
    // 900 points wide: the window's smallest size, or 1440 px with the UI scaled by 1.6.
    let mut harness = sized_harness(Settings::default(), vec2(900.0, 700.0));
    assert!(harness.query_by_label("Öppna filer…").is_none());
    harness.get_by_label("Meny ▾").click();
    harness.run_steps(2);
    harness.get_by_label("Öppna filer…");
    harness.get_by_label("Presentera");
}

/// Between the widest and the narrowest window, the actions and the right-hand group never
/// overlap: the bar folds before they meet.
#[test]
fn top_bar_never_overlaps_at_any_width() {
    for width in [900.0, 1000.0, 1100.0, 1200.0, 1280.0, 1440.0, 1920.0] {
        let harness = sized_harness(Settings::default(), vec2(width, 800.0));
        let demo = harness.get_all_by_label("DEMODATA").next().expect("badge").rect();
        for action in ["Öppna filer…", "Meny ▾"] {
            if let Some(node) = harness.query_by_label(action) {
                assert!(
                    node.rect().right() < demo.left(),
                    "{width}: {action} {:?} reaches DEMODATA {demo:?}",
                    node.rect()
                );
            }
        }
    }
}

/// The map always says what it shows, and a domain switch that has to show another period
/// says so, since period and group carry over between domains.
#[test]
fn the_map_carries_a_title_line_and_says_when_a_switch_changes_the_period() {
    let mut harness = harness();
    harness.get_by_label("Förvärvsarbetande 20–64 år · 2024 · Kommuner");
    harness.get_by_label("Demokrati och civilsamhälle").click();
    harness.run_steps(2);
    let app = harness.state();
    let period = app.settings.selection.period;
    assert_ne!(
        period,
        segkarta::model::Period::Year(2024),
        "elections are not every year"
    );
    let name = app
        .atlas
        .catalogue
        .indicator(&app.settings.selection.indicator)
        .expect("an indicator")
        .sv
        .clone();
    harness.get_by_label_contains(&format!("Visar {period}: {name} har inga värden för 2024"));
    harness.get_by_label(&format!("{name} · {period} · Kommuner"));
}

/// Long indicator names wrap inside the left panel, their demo mark with them, instead of
/// running on under the map; the description wraps too.
#[test]
fn long_indicator_names_wrap_inside_the_left_panel() {
    let mut harness = sized_harness(Settings::default(), vec2(1280.0, 800.0));
    harness.run_steps(2);
    let map_left = harness.state().map_rect.left();
    for name in [
        "Unga som varken arbetar eller studerar",
        "Verksamhetsgap: etablering på arbetsmarknaden",
    ] {
        let row = harness.get_by_label_contains(name).rect();
        assert!(
            row.right() <= map_left,
            "{name} ends at {} under the map at {map_left}",
            row.right()
        );
        assert!(row.height() > 30.0, "{name} wraps onto a second line: {row:?}");
    }
    // The demo mark is part of the row's own text, so it wraps with the name.
    harness.get_by(|n| {
        n.label()
            .is_some_and(|l| l.starts_with("Unga som varken arbetar eller studerar") && l.ends_with("demo"))
    });
    let description = harness
        .get_by_label_contains("Andel förvärvsarbetande av befolkningen")
        .rect();
    assert!(
        description.right() <= map_left,
        "the description wraps: {description:?}"
    );
}

/// In the smallest window the legend leaves the map most of its room (compact: no method or
/// GR/Sweden lines), and it folds to one line and back when asked.
#[test]
fn the_legend_gives_a_small_map_room_and_folds() {
    let mut harness = sized_harness(Settings::default(), vec2(900.0, 600.0));
    harness.run_steps(2);
    harness.snapshot("small_window_900x600");
    let map = harness.state().map_rect;
    assert!(
        map.width() >= 0.5 * 900.0,
        "the panels leave the map half: {map:?}"
    );
    assert!(
        harness.query_by_label("Kommunerna i rangordning").is_none(),
        "analysis hidden"
    );
    let header = harness.get_by_label("▾ Teckenförklaring").rect();
    let last = harness.get_by_label("Övriga Sverige").rect();
    let legend_height = last.bottom() - header.top();
    assert!(
        legend_height < 0.6 * map.height(),
        "legend {legend_height} of map {map:?}"
    );
    assert!(
        harness.query_by_label_contains("Kvantiler · GR").is_none(),
        "compact: no method line"
    );
    harness.get_by_label("▾ Teckenförklaring").click();
    harness.run_steps(4);
    harness.get_by_label("▸ Teckenförklaring");
    assert!(
        harness.query_by_label("Övriga Sverige").is_none(),
        "folded to its header"
    );
    harness.get_by_label("▸ Teckenförklaring").click();
    harness.run_steps(4);
    harness.get_by_label("Övriga Sverige");
    // Asked for, the analysis panel shows at its full width, and hides again.
    harness.get_by_label("Analys ▸").click();
    harness.run_steps(3);
    harness.get_by_label("Kommunerna i rangordning");
    harness.get_by_label("Analys ▸").click();
    harness.run_steps(3);
    assert!(harness.query_by_label("Kommunerna i rangordning").is_none());
}

/// At 3840 × 2160 nothing reaches past the right edge: the top bar's help button and the
/// ranking's values lie inside the window.
#[test]
fn nothing_is_clipped_at_the_right_edge_at_4k() {
    let harness = sized_harness(Settings::default(), vec2(3840.0, 2160.0));
    let width = 3840.0;
    let help = harness.get_by_label("?").rect();
    assert!(help.right() <= width, "{help:?}");
    // "90,7 %" is in the legend and at the end of the ranking's first row.
    let values: Vec<egui::Rect> = harness
        .get_all_by_label_contains("90,7 %")
        .map(|n| n.rect())
        .collect();
    assert!(values.iter().all(|r| r.right() <= width), "{values:?}");
    assert!(
        values.iter().any(|r| r.left() > width - 400.0),
        "the ranking's value: {values:?}"
    );
    for label in [
        "Kommunerna i rangordning",
        "Utveckling över tid",
        "Gruppjämförelse",
    ] {
        let r = harness.get_by_label(label).rect();
        assert!(r.right() <= width, "{label} {r:?}");
    }
}

/// Ctrl + and Ctrl − scale the UI (for a projector) and Ctrl 0 always brings it back to
/// normal, also while presenting; the scale chosen is remembered in the settings.
#[test]
fn ctrl_zero_resets_the_ui_scale() {
    let mut harness = common::app_harness(Settings::default(), vec2(1280.0, 800.0), false);
    harness.run_steps(3);
    for _ in 0..3 {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Plus);
        harness.run_steps(2);
    }
    let larger = harness.ctx.zoom_factor();
    assert!(larger > 1.2, "{larger}");
    assert!(
        (harness.state().settings.ui_zoom - larger).abs() < 1e-3,
        "remembered"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Num0);
    harness.run_steps(2);
    assert!((harness.ctx.zoom_factor() - 1.0).abs() < 1e-3);
    assert!((harness.state().settings.ui_zoom - 1.0).abs() < 1e-3);
    // Also in presenter mode, where the keys 0–9 have meanings of their own.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Plus);
    harness.run_steps(2);
    harness.key_press(Key::F5);
    harness.run_steps(2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Num0);
    harness.run_steps(2);
    assert!(
        (harness.ctx.zoom_factor() - 1.0).abs() < 1e-3,
        "reset while presenting"
    );
}
