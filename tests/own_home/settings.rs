//! Settings survive a restart and a broken settings file never stops the app.
use segkarta::i18n::Lang;
use segkarta::state::Settings;

#[test]
fn settings_round_trip_and_broken_file_falls_back_to_defaults() {
    let home = std::env::temp_dir().join(format!("segkarta-settings-{}", std::process::id()));
    // The tile cache, exports and settings go to a throw-away directory.
    let _home = crate::own_home(&home);
    let mut saved = Settings {
        lang: Lang::En,
        ..Settings::default()
    };
    saved.selection.indicator = "meritvarde".into();
    saved.selection.domain = "skola".into();
    saved.selection.area = Some("1480".into());
    saved.selection.period = segkarta::model::Period::Year(2019);
    segkarta::settings::save(&saved).expect("saved");
    assert_eq!(segkarta::settings::load(), saved);

    let path = segkarta::settings::path().expect("path");
    std::fs::write(&path, b"{\"selection\": {\"year\": 20").expect("write half a file");
    assert_eq!(segkarta::settings::load(), Settings::default());
    let _ = std::fs::remove_dir_all(home);
}
