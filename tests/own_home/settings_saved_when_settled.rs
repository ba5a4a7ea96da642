//! Settings are written when they settle, not on every step of a slider drag, and on exit.
use segkarta::app::{SETTINGS_SETTLE, SegkartaApp};
use segkarta::state::{Action, Settings};

#[test]
fn settings_are_written_once_they_settle_and_on_exit() {
    let home = std::env::temp_dir().join(format!("segkarta-settle-{}", std::process::id()));
    // The tile cache, exports and settings go to a throw-away directory.
    let _home = crate::own_home(&home);
    let path = segkarta::settings::path().expect("path");
    let _ = std::fs::remove_file(&path);
    let ctx = egui::Context::default();
    let atlas = segkarta::io::embedded::atlas().expect("embedded");
    let mut app = SegkartaApp::new(&ctx, atlas, Settings::default(), true);
    // A drag over the class slider: many changes, no write yet.
    for k in [4, 5, 6, 7] {
        app.apply(&ctx, [Action::SetClasses(k)]);
    }
    let just_now = std::time::Instant::now();
    assert!(!app.save_settled_settings(just_now), "not while it still moves");
    assert!(!path.exists(), "nothing written during the drag");
    assert!(app.save_settled_settings(just_now + SETTINGS_SETTLE * 2));
    assert_eq!(
        segkarta::settings::load().selection.classes,
        7,
        "the settled value"
    );
    assert!(
        !app.save_settled_settings(just_now + SETTINGS_SETTLE * 3),
        "written once"
    );
    // A change right before closing is not lost.
    app.apply(&ctx, [Action::SetClasses(3)]);
    app.flush_settings();
    assert_eq!(segkarta::settings::load().selection.classes, 3);
    let _ = std::fs::remove_dir_all(home);
}
