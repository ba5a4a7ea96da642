//! Loading a user's files in the running app: in the background, merged into the atlas,
//! shown on the map, with a report of what was found.
use crate::common;

use std::path::PathBuf;

use egui::vec2;
use egui_kittest::{Harness, kittest::Queryable as _};
use segkarta::app::SegkartaApp;
use segkarta::io::load::LoadOptions;
use segkarta::model::Level;
use segkarta::state::Settings;

fn harness() -> Harness<'static, SegkartaApp> {
    let mut harness = common::app_harness(Settings::default(), vec2(1280.0, 800.0), false);
    harness.run_steps(2);
    harness
}

use crate::common::wait_for_load;

fn load(harness: &mut Harness<'static, SegkartaApp>, files: Vec<PathBuf>) {
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .load_files(&ctx, files, LoadOptions::default());
    wait_for_load(harness);
    harness.run_steps(2);
}

#[test]
fn real_deso_boundaries_open_as_a_level_on_the_map() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/deso2025_gr.geojson");
    if !path.exists() {
        eprintln!("skipping: {} not present", path.display());
        return;
    }
    let mut harness = harness();
    load(&mut harness, vec![path]);
    assert_eq!(
        harness.state().settings.selection.level,
        Level::Kommun,
        "the demo indicators have no DeSO values: the map stays where they have"
    );
    harness.get_by_label("DeSO").click();
    harness.run_steps(2);
    let app = harness.state();
    assert_eq!(app.settings.selection.level, Level::Deso);
    assert_eq!(app.layer().len(), 584);
    assert_eq!(app.view.in_gr.iter().filter(|g| **g).count(), 584);
    harness.get_by_label("Kommuner");
    // No demo indicator has DeSO values: the panel says so and offers what has some, the
    // demo activities counted per DeSO.
    harness.get_by_label("Indikatorn har inga värden på nivån DeSO");
    harness.get_by_label("Indikatorer med värden på nivån:");
    harness.get_by_label("Verksamheter: skola");
    harness.get_by_label("Kommuner").click();
    harness.run_steps(2);
    assert_eq!(harness.state().settings.selection.level, Level::Kommun);

    // Removed again from the data window: the level picker goes away with it.
    harness.get_by_label("Data och kontroll (1)").click();
    harness.run_steps(2);
    harness.get_by_label("Ta bort").click();
    harness.run_steps(2);
    assert_eq!(harness.state().atlas.layers.len(), 1);
    assert!(harness.query_by_label("DeSO").is_none());
}

#[test]
fn a_broken_table_loads_its_valid_rows_and_opens_the_report() {
    let dir = std::env::temp_dir().join(format!("segkarta-ui-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("egen.csv");
    std::fs::write(
        &path,
        "area_code,indicator,year,group_by,group,value\n1480,forvarvsarbetande,2024,total,total,70.5\n1481,forvarvsarbetande,2O24,total,total,71\n",
    )
    .expect("write");
    let mut harness = harness();
    load(&mut harness, vec![path, dir.join("missing.geojson")]);
    harness.get_by_label("Datakontroll");
    // Findings in the UI's language (Swedish by default).
    harness.get_by_label_contains("rad 3, kolumn year: \"2O24\" är ingen period");
    // The reader's failure in Swedish, the system's own words marked as English.
    harness.get_by_label_contains("missing.geojson: filen kunde inte läsas.");
    harness.get_by_label_contains("Systemets meddelande (engelska):");
    harness.get_by_label_contains("ersätter demoindikatorn med samma id");
    let app = harness.state();
    assert_eq!(
        app.settings.selection.indicator, "forvarvsarbetande",
        "the selection follows it"
    );
    assert_eq!(
        app.settings.selection.domain, "arbete",
        "real values keep the demo indicator's place in its domain"
    );
    let key = segkarta::model::SeriesKey::total("forvarvsarbetande");
    assert_eq!(
        app.atlas
            .observations
            .value(&key, "1480", segkarta::model::Period::Year(2024)),
        Some(70.5),
        "the valid row is in"
    );
    let i = app.layer().index_of("1480").expect("Göteborg");
    assert_eq!(app.view.values[i], Some(70.5), "and on the map");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn real_turnout_by_group_replaces_the_demo_indicator_and_shows_without_demo_mark() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/valdeltagande_2018_2022_efter_alder_utbildning.csv");
    if !path.exists() {
        eprintln!("skipping: {} not present", path.display());
        return;
    }
    let mut harness = harness();
    load(&mut harness, vec![path]);
    // The real values take over the demo indicator's place: its domain, name and unit.
    harness.get_by_label("Demokrati och civilsamhälle").click();
    harness.run_steps(2);
    harness.get_by_label("Valdeltagande i kommunval").click();
    harness.run_steps(2);
    let app = harness.state();
    assert_eq!(app.settings.selection.indicator, "valdeltagande");
    let entry = app.atlas.catalogue.indicator("valdeltagande").expect("entry");
    assert_eq!(
        (entry.domain.as_str(), entry.unit_sv.as_str()),
        ("demokrati", "procent")
    );
    assert!(
        entry
            .source
            .ends_with("valdeltagande_2018_2022_efter_alder_utbildning.csv")
    );
    assert_eq!(app.settings.selection.period, segkarta::model::Period::Year(2022));
    assert!(!app.view.demo, "real data carries no demo mark");
    assert_eq!(
        app.view.values.iter().flatten().count(),
        13,
        "all 13 GR municipalities have a value"
    );
    let ind = app.atlas.catalogue.indicator("valdeltagande").expect("entry");
    let dims: Vec<&str> = ind.dimensions.iter().map(String::as_str).collect();
    assert_eq!(
        dims,
        [
            "kön",
            "kön×utbildningsnivå",
            "kön×ålder",
            "utbildningsnivå",
            "ålder"
        ]
    );
    assert!(
        harness.query_by_label("DEMODATA").is_none(),
        "no demo badge anywhere"
    );
    // Groups by education: the gap between the lowest and highest is stated.
    harness.get_by_label("utbildningsnivå").click();
    harness.run_steps(2);
    harness.get_by_label_contains("procentenheter lägre än");
}

#[test]
fn deso_counts_add_up_to_the_municipality_on_the_kommun_level() {
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut harness = harness();
    load(
        &mut harness,
        vec![
            fixtures.join("deso_sweref99tm.gpkg"),
            fixtures.join("deso_counts.csv"),
        ],
    );
    // The table brought values for the DeSO just opened: the map shows them there.
    let app = harness.state();
    assert_eq!(app.settings.selection.indicator, "boende_test");
    assert_eq!(app.settings.selection.level, Level::Deso);
    let i = app.layer().index_of("1480C9101").expect("DeSO");
    assert_eq!(app.view.values[i], Some(1200.0));
    harness.get_by_label("Kommuner").click();
    harness.run_steps(2);
    let app = harness.state();
    let gbg = app.layer().index_of("1480").expect("Göteborg");
    assert_eq!(app.view.values[gbg], Some(2950.0), "1200 + 800 + 950");
    assert_eq!(
        app.view.aggregated,
        Some((Level::Deso, segkarta::model::Aggregation::Sum))
    );
    harness.get_by_label("Aggregerat från DeSO (summerat)");
}

#[test]
fn a_pxweb_export_waits_in_the_import_dialog_until_confirmed() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pxweb_wide_latin1.csv");
    let mut harness = harness();
    load(&mut harness, vec![path.clone()]);
    harness.get_by_label("Importera tabell");
    let roles = harness
        .state()
        .pending_import
        .as_ref()
        .expect("pending")
        .roles
        .clone();
    let years = roles
        .iter()
        .filter(|r| matches!(r, segkarta::io::pxweb::ColumnRole::PeriodValue(_)))
        .count();
    assert_eq!(years, 3, "three year columns recognised");
    assert!(
        harness
            .state()
            .atlas
            .catalogue
            .indicator("pxweb_wide_latin1")
            .is_none(),
        "nothing merged yet"
    );
    harness.get_by_label("Avbryt").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("Importera tabell").is_none());
    assert!(
        harness
            .state()
            .atlas
            .catalogue
            .indicator("pxweb_wide_latin1")
            .is_none(),
        "cancel merges nothing"
    );

    load(&mut harness, vec![path]);
    harness.state_mut().pending_import.as_mut().expect("pending").id =
        "Sysselsättning efter födelseregion".into();
    harness.state_mut().pending_import.as_mut().expect("pending").unit = "procent".into();
    harness.get_by_label("Importera").click();
    harness.run_steps(3);
    let app = harness.state();
    let ind = app
        .atlas
        .catalogue
        .indicator("sysselsättning_efter_födelseregion")
        .expect("renamed indicator");
    assert_eq!(ind.unit_sv, "procent");
    assert_eq!(
        app.settings.selection.indicator, "sysselsättning_efter_födelseregion",
        "selected"
    );
    assert!(!app.view.demo);
    let gbg = app.layer().index_of("1480").expect("Göteborg");
    assert!(app.view.values[gbg].is_some(), "on the map");
}

#[test]
fn column_roles_changed_in_the_import_dialog_are_used() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pxweb_wide_latin1.csv");
    let mut harness = harness();
    load(&mut harness, vec![path]);
    // Drop the 2021 column: only 2022 and 2023 values are imported. The role box is found by
    // its column's name, as a screen reader announces it.
    harness
        .get_by(|n| n.role() == egui::accesskit::Role::ComboBox && n.label().as_deref() == Some("2021"))
        .click();
    harness.run_steps(2);
    harness.get_by_label("används inte").click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().pending_import.as_ref().expect("pending").roles[2],
        segkarta::io::pxweb::ColumnRole::Ignore
    );
    harness.get_by_label("Importera").click();
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(
        app.atlas.observations.periods("pxweb_wide_latin1"),
        &[
            segkarta::model::Period::Year(2022),
            segkarta::model::Period::Year(2023)
        ]
    );
}

#[test]
fn file_open_browses_to_a_folder_and_opens_the_picked_files() {
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut harness = harness();
    harness.get_by_label("Öppna filer…").click();
    harness.run_steps(2);
    assert!(harness.state().open_dialog.is_some());
    // Type the folder into the path field and go there.
    harness.state_mut().open_dialog.as_mut().expect("open").path_text = fixtures.display().to_string();
    harness.get_by_label("Gå").click();
    harness.run_steps(2);
    // Only readable files are listed; a click picks, the Open button says how many.
    harness.get_by_label("deso_sweref99tm.gpkg").click();
    harness.run_steps(1);
    harness.get_by_label("deso_counts.csv").click();
    harness.run_steps(1);
    harness.get_by_label("Öppna (2)").click();
    harness.run_steps(1);
    assert!(harness.state().open_dialog.is_none(), "the window closes");
    wait_for_load(&mut harness);
    harness.run_steps(2);
    let app = harness.state();
    assert_eq!(app.datasets.len(), 2);
    assert!(
        app.atlas.layer(&Level::Deso).is_some(),
        "the GeoPackage added the DeSO level"
    );
    assert!(app.atlas.catalogue.indicator("boende_test").is_some());
}

#[test]
fn ctrl_o_opens_the_file_window_and_cancel_closes_it() {
    let mut harness = harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    harness.run_steps(2);
    assert!(harness.state().open_dialog.is_some());
    harness.get_by_label("Avbryt").click();
    harness.run_steps(2);
    assert!(harness.state().open_dialog.is_none());
    assert!(harness.state().datasets.is_empty());
}

#[test]
fn a_report_is_kept_as_text_beside_its_file() {
    let dir = std::env::temp_dir().join(format!("segkarta-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let csv = dir.join("shifted.csv");
    std::fs::copy(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tidy_shifted_column.csv"),
        &csv,
    )
    .expect("copy");
    let mut harness = harness();
    load(&mut harness, vec![csv.clone()]);
    if !harness.state().datasets.is_empty() && harness.query_by_label("Spara rapport").is_none() {
        harness.get_by_label("Data och kontroll (1)").click();
        harness.run_steps(2);
    }
    harness.get_by_label("Spara rapport").click();
    harness.run_steps(2);
    let saved = std::fs::read_to_string(dir.join("shifted.csv.kontroll.txt")).expect("report written");
    assert!(saved.starts_with(&csv.display().to_string()), "{saved}");
    // In the UI's language, every finding.
    assert!(saved.contains("  fel: rad 3, kolumn year: "), "{saved}");
    harness.get_by_label(&format!(
        "Rapporten sparades som {}",
        dir.join("shifted.csv.kontroll.txt").display()
    ));
}

#[test]
fn a_city_division_waits_in_the_boundary_dialog_and_the_users_roles_are_used() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/division/basomraden.geojson");
    let mut harness = harness();
    load(&mut harness, vec![path]);
    harness.get_by_label("Importera områdesgränser");
    assert_eq!(
        harness.state().atlas.layers.len(),
        1,
        "nothing merged before the user confirms"
    );
    let role_box = |name: &'static str| {
        move |n: &egui_kittest::kittest::AccessKitNode<'_>| {
            n.role() == egui::accesskit::Role::ComboBox && n.label().as_deref() == Some(name)
        }
    };
    // The running number as the area code: two codes at once is refused until the other goes.
    harness.get_by(role_box("id")).click();
    harness.run_steps(2);
    harness.get_by_label("områdeskod").click();
    harness.run_steps(2);
    harness.get_by_label("bara ett attribut kan vara områdeskoden");
    harness.get_by(role_box("omrade_kod")).click();
    harness.run_steps(2);
    harness.get_by_label("används inte").click();
    harness.run_steps(2);
    harness.state_mut().pending_boundaries[0].custom_name = "Basområde".into();
    harness.run_steps(1);
    harness.get_by_label("Importera").click();
    harness.run_steps(3);
    let app = harness.state();
    assert!(app.pending_boundaries.is_empty());
    let layer = app
        .atlas
        .layer(&Level::Custom("Basområde".into()))
        .expect("the user's level");
    assert_eq!(layer.len(), 16);
    assert!(layer.get("16").is_some(), "codes from the id attribute");
    assert_eq!(layer.get("16").map(|a| a.name.as_str()), Some("Basområde 2204"));
    harness.get_by_label("Basområde");
    assert_eq!(
        app.atlas.layer(&Level::Kommun).map(|l| l.len()),
        Some(290),
        "the municipalities stay as they were"
    );
}

#[test]
fn area_types_at_a_level_without_them_say_so_instead_of_a_table_of_zeros() {
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut harness = harness();
    load(&mut harness, vec![fixtures.join("deso_sweref99tm.gpkg")]);
    harness.get_by_label("DeSO").click();
    harness.run_steps(2);
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(
        &ctx,
        [segkarta::state::Action::SelectIndicator(
            segkarta::analysis::area_types::TYPE_ID.into(),
        )],
    );
    harness.run_steps(3);
    assert_eq!(harness.state().settings.selection.level, Level::Deso);
    harness.get_by_label("Inga områden på nivån har en områdestyp: indexets indikatorer saknar värden här.");
    harness.get_by_label("Indexets indikatorer och vikter");
}

#[test]
fn a_table_loaded_with_a_division_waits_for_its_boundaries_to_be_confirmed() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/division");
    let mut harness = harness();
    load(
        &mut harness,
        vec![
            dir.join("basomraden_befolkning.csv"),
            dir.join("basomraden.geojson"),
        ],
    );
    assert!(
        harness.state().datasets.is_empty(),
        "the table waits for the dialog"
    );
    harness.get_by_label("Importera").click();
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(app.datasets.len(), 2);
    let table = app
        .datasets
        .iter()
        .find(|d| d.report.file.ends_with("basomraden_befolkning.csv"))
        .expect("merged after the boundaries");
    let text = table.report.to_text();
    assert!(
        !text.contains("match no loaded area"),
        "codes checked against the base areas: {text}"
    );
    assert_eq!(
        app.settings.selection.level,
        Level::Custom("Basomraden".into()),
        "the map shows the division with the table's values"
    );
    assert_eq!(app.settings.selection.indicator, "folkmangd");
    // Two made-up base codes are also municipal codes (2101 Ockelbo, 2104 Hofors): kept apart,
    // so no municipality's value shows on a base area and the table's values reach them all.
    assert!(
        text.contains("2 codes read as the areas of the division they belong to"),
        "{text}"
    );
    assert_eq!(
        app.view.values.iter().flatten().count(),
        16,
        "every base area has its value"
    );
}

/// A monthly table opens on its latest month, named as people read it; the arrow keys step
/// through months, and *Visa årsvärden* switches to its annual view (the mean of each whole
/// year) and back.
#[test]
fn a_monthly_table_steps_through_named_months_and_has_an_annual_view() {
    use segkarta::model::Period;
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/arbetsloshet_manad.csv");
    let mut harness = harness();
    load(&mut harness, vec![path]);
    assert_eq!(
        harness.state().settings.selection.indicator,
        "arbetsloshet",
        "the table is shown"
    );
    assert_eq!(harness.state().settings.selection.period, Period::Month(2018, 12));
    harness.get_by_label("Månad");
    harness.get_by_label("januari 2018");
    assert!(
        harness.query_all_by_label("december 2018").count() >= 2,
        "the period and the slider's end"
    );
    harness.key_press(egui::Key::ArrowLeft);
    harness.run_steps(2);
    assert_eq!(harness.state().settings.selection.period, Period::Month(2018, 11));
    harness.get_by_label_contains("november 2018 · procent");

    harness.get_by_label("Visa årsvärden").click();
    harness.run_steps(2);
    let app = harness.state();
    assert_eq!(app.settings.selection.indicator, "arbetsloshet_ar");
    assert_eq!(app.settings.selection.period, Period::Year(2018));
    let gothenburg = app.layer().index_of("1480").expect("Göteborg");
    let months: Vec<f64> = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/arbetsloshet_manad.csv"),
    )
    .expect("fixture")
    .lines()
    .filter(|l| l.starts_with("1480,"))
    .map(|l| l.rsplit(',').next().and_then(|v| v.parse().ok()).expect("value"))
    .collect();
    let mean = months.iter().sum::<f64>() / months.len() as f64;
    let shown = app.view.values[gothenburg].expect("an annual value");
    assert!(
        (shown - mean).abs() < 1e-9,
        "{shown} is the mean of Göteborg's 12 months, {mean}"
    );
    harness.get_by_label("Visa månader").click();
    harness.run_steps(2);
    assert_eq!(harness.state().settings.selection.indicator, "arbetsloshet");
}

/// Two exports opened together wait one after the other: cancelling the first shows the
/// second, and importing it merges it (the second used to replace the first unseen).
#[test]
fn two_pxweb_exports_wait_in_turn() {
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut harness = harness();
    load(
        &mut harness,
        vec![
            fixtures.join("pxweb_wide_latin1.csv"),
            fixtures.join("arbetsloshet_kvartal.csv"),
        ],
    );
    let pending_id =
        |h: &Harness<'static, SegkartaApp>| h.state().pending_import.as_ref().map(|p| p.id.clone());
    assert_eq!(pending_id(&harness).as_deref(), Some("pxweb_wide_latin1"));
    harness.get_by_label("Avbryt").click();
    harness.run_steps(2);
    assert_eq!(pending_id(&harness).as_deref(), Some("arbetsloshet_kvartal"));
    harness.get_by_label("Importera").click();
    harness.run_steps(2);
    assert_eq!(pending_id(&harness), None);
    let app = harness.state();
    assert!(app.atlas.catalogue.indicator("arbetsloshet_kvartal").is_some());
    assert!(
        app.atlas.catalogue.indicator("pxweb_wide_latin1").is_none(),
        "cancelled"
    );
}
