//! Project files on the real app: save and reopen to the same view, a failed save that leaves
//! the earlier file intact, autosave and the offer to restore after a crash, and projects whose
//! files moved or that come from a newer segkarta.
use crate::common;

use std::path::PathBuf;

use egui::vec2;
use egui_kittest::{Harness, kittest::Queryable as _};
use segkarta::app::SegkartaApp;
use segkarta::io::load::LoadOptions;
use segkarta::state::{Action, Settings};

fn harness() -> Harness<'static, SegkartaApp> {
    let mut harness = common::app_harness(Settings::default(), vec2(1280.0, 800.0), false);
    harness.run_steps(3);
    harness
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("segkarta_project_{name}_{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A user's monthly table opened, another month, natural breaks with 4 classes: saved and
/// reopened in a fresh app, the map is the same.
fn prepared(harness: &mut Harness<'static, SegkartaApp>, data: &std::path::Path) {
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .load_files(&ctx, vec![data.to_path_buf()], LoadOptions::default());
    common::wait_for_load(harness);
    harness.run_steps(2);
    let periods = harness
        .state()
        .atlas
        .observations
        .periods("arbetsloshet")
        .to_vec();
    harness.state_mut().apply(
        &ctx,
        [
            Action::SelectIndicator("arbetsloshet".into()),
            Action::SetPeriod(periods[2]),
            Action::SetScheme(segkarta::analysis::classify::Scheme::FisherJenks),
            Action::SetClasses(4),
        ],
    );
    harness.run_steps(2);
}

#[test]
fn a_saved_project_reopens_to_the_same_view() {
    let dir = temp_dir("roundtrip");
    let data = dir.join("arbetsloshet_manad.csv");
    std::fs::copy(fixture("arbetsloshet_manad.csv"), &data).expect("copy");
    let mut harness = harness();
    prepared(&mut harness, &data);
    assert!(harness.state().project_dirty);
    let path = dir.join("min karta.segkarta");
    harness.state_mut().save_project_to(&path).expect("saved");
    assert!(!harness.state().project_dirty);
    let saved = harness.state().view.clone();
    let selection = harness.state().settings.selection.clone();

    let mut fresh = self::harness();
    let ctx = fresh.ctx.clone();
    fresh
        .state_mut()
        .load_files(&ctx, vec![path.clone()], LoadOptions::default());
    common::wait_for_load(&mut fresh);
    fresh.run_steps(2);
    let app = fresh.state();
    assert_eq!(app.settings.selection, selection);
    assert_eq!(app.view.values, saved.values);
    assert_eq!(app.view.fills, saved.fills);
    assert_eq!(
        app.view.classes.as_ref().map(|c| c.breaks.clone()),
        saved.classes.map(|c| c.breaks)
    );
    assert_eq!(app.project_path.as_deref(), Some(path.as_path()));
    assert!(!app.project_dirty);
    fresh.get_by_label_contains("Projektet öppnat: 1 datafil");
}

#[test]
fn a_failed_save_leaves_the_earlier_file_intact_and_says_so() {
    let dir = temp_dir("atomic");
    let path = dir.join("projekt.segkarta");
    let mut harness = harness();
    harness.state_mut().save_project_to(&path).expect("first save");
    let before = std::fs::read(&path).expect("saved");
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, [Action::SetClasses(7)]);
    // The save's temporary file cannot be made (a folder has its name): it fails midway.
    let tmp = dir.join(format!("projekt.segkarta.tmp{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("blocker");
    let error = harness.state_mut().save_project_to(&path).expect_err("fails");
    assert!(error.contains("Den tidigare filen är orörd"), "{error}");
    assert_eq!(std::fs::read(&path).expect("still there"), before);
    assert!(harness.state().project_dirty, "the change is still unsaved");
    harness.run_steps(2);
    harness.get_by_label_contains("Kunde inte spara");
}

#[test]
fn unsaved_work_is_autosaved_and_offered_back_after_a_crash() {
    let dir = temp_dir("recovery");
    let recovery = dir.join("recovery.segkarta");
    let mut harness = harness();
    harness.state_mut().recovery = segkarta::project::claim_recovery_in(&dir);
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(
        &ctx,
        [Action::SetClasses(6), Action::SelectDomain("skola".into())],
    );
    harness.run_steps(1);
    let selection = harness.state().settings.selection.clone();
    let now = std::time::Instant::now();
    assert!(
        !harness.state_mut().autosave(now),
        "not before a minute has passed"
    );
    assert!(harness.state_mut().autosave(now + segkarta::app::AUTOSAVE_EVERY));
    assert!(recovery.exists());
    // The app is gone without a clean exit; the next start offers the work back.
    drop(harness);
    // Its lock went with it, so the next start takes the same file.
    let mut next = self::harness();
    next.state_mut().recovery = segkarta::project::claim_recovery_in(&dir);
    next.state_mut().offer_recovery();
    next.run_steps(2);
    next.get_by_label("Osparat arbete");
    next.get_by_label("Återställ").click();
    next.run_steps(3);
    assert_eq!(next.state().settings.selection, selection);
    assert!(
        next.state().project_dirty,
        "restored work is not in a project file yet"
    );
    assert!(!recovery.exists(), "the offer is made once");
}

#[test]
fn moved_files_and_newer_projects_are_reported() {
    let dir = temp_dir("moved");
    let data = dir.join("arbetsloshet_manad.csv");
    std::fs::copy(fixture("arbetsloshet_manad.csv"), &data).expect("copy");
    let mut harness = harness();
    prepared(&mut harness, &data);
    let path = dir.join("p.segkarta");
    harness.state_mut().save_project_to(&path).expect("saved");
    std::fs::rename(&data, dir.join("flyttad.csv")).expect("move");
    let mut fresh = self::harness();
    let ctx = fresh.ctx.clone();
    fresh.state_mut().open_project(&ctx, &path);
    fresh.run_steps(2);
    fresh.get_by_label_contains("Saknas (flyttad eller borttagen)");
    // Without the monthly file only the demo's yearly values are there.
    let monthly = |p: segkarta::model::Period| matches!(p, segkarta::model::Period::Month(..));
    assert!(!monthly(fresh.state().settings.selection.period));
    // The user says where the file went: it opens and the project's view comes back.
    fresh.get_by_label("Saknade filer");
    fresh.state_mut().missing_files[0].1 = dir.join("flyttad.csv").display().to_string();
    fresh.get_by_label("Öppna").click();
    fresh.run_steps(2);
    common::wait_for_load(&mut fresh);
    fresh.run_steps(2);
    assert!(fresh.state().missing_files.is_empty());
    assert_eq!(fresh.state().settings.selection.indicator, "arbetsloshet");
    assert!(
        monthly(fresh.state().settings.selection.period),
        "the project's month"
    );
    assert!(fresh.state().project_dirty, "the data file's place changed");

    let newer = std::fs::read_to_string(&path)
        .expect("read")
        .replace("\"version\": 1", "\"version\": 2");
    std::fs::write(&path, newer).expect("write");
    fresh.state_mut().open_project(&ctx, &path);
    fresh.run_steps(2);
    fresh.get_by_label_contains("made by a newer segkarta");
}

/// The checksum saved is that of the file as it was read: a file edited after it was opened
/// shows as changed when the project is reopened (it was hashed anew at every save).
#[test]
fn the_checksum_is_of_the_file_as_read() {
    let dir = temp_dir("as_read");
    let data = dir.join("arbetsloshet_manad.csv");
    std::fs::copy(fixture("arbetsloshet_manad.csv"), &data).expect("copy");
    let mut harness = harness();
    prepared(&mut harness, &data);
    let mut text = std::fs::read_to_string(&data).expect("read");
    text.push_str("1480,arbetsloshet,2030-01,total,total,1.0\n");
    std::fs::write(&data, text).expect("edit after opening");
    let path = dir.join("p.segkarta");
    harness.state_mut().save_project_to(&path).expect("saved");
    let project = segkarta::project::Project::parse("p", &std::fs::read_to_string(&path).expect("read"))
        .expect("a project");
    assert_eq!(project.check_files(), vec![segkarta::project::FileState::Changed]);
}

/// What the user said in the import dialogs (a division's level name, a PxWeb export's id and
/// unit) is saved with the project: reopened in a fresh app, both merge the same way unasked.
#[test]
fn import_dialog_choices_are_kept_in_the_project() {
    let dir = temp_dir("choices");
    let division = fixture("division/basomraden.geojson");
    let export = fixture("pxweb_wide_latin1.csv");
    let mut harness = harness();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .load_files(&ctx, vec![division], LoadOptions::default());
    common::wait_for_load(&mut harness);
    harness.run_steps(2);
    harness.state_mut().pending_boundaries[0].custom_name = "Basområde".into();
    harness.run_steps(1);
    harness.get_by_label("Importera").click();
    harness.run_steps(3);
    harness
        .state_mut()
        .load_files(&ctx, vec![export], LoadOptions::default());
    common::wait_for_load(&mut harness);
    harness.run_steps(2);
    let pending = harness
        .state_mut()
        .pending_import
        .as_mut()
        .expect("the export waits");
    pending.id = "sysselsattning_fodelseregion".into();
    pending.unit = "procent".into();
    harness.get_by_label("Importera").click();
    harness.run_steps(3);
    let path = dir.join("val.segkarta");
    harness.state_mut().save_project_to(&path).expect("saved");
    let text = std::fs::read_to_string(&path).expect("written");
    assert!(
        text.contains("\"kind\": \"boundaries\"") && text.contains("Basområde"),
        "{text}"
    );
    assert!(text.contains("sysselsattning_fodelseregion"), "{text}");

    let mut fresh = self::harness();
    let ctx = fresh.ctx.clone();
    fresh.state_mut().open_project(&ctx, &path);
    common::wait_for_load(&mut fresh);
    fresh.run_steps(3);
    let app = fresh.state();
    assert!(
        app.pending_boundaries.is_empty() && app.pending_import.is_none(),
        "nothing asked again"
    );
    assert!(
        app.atlas
            .layer(&segkarta::model::Level::Custom("Basområde".into()))
            .is_some()
    );
    let ind = app
        .atlas
        .catalogue
        .indicator("sysselsattning_fodelseregion")
        .expect("the same id");
    assert_eq!(ind.unit_sv, "procent");
    let _ = std::fs::remove_dir_all(dir);
}
