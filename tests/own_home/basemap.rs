//! Turning the basemap on never blocks the app: tiles are fetched in the background and, with
//! no network (the normal case here and in CI), a status text says the basemap is offline.
use crate::common;

use egui::vec2;
use egui_kittest::kittest::Queryable as _;
use segkarta::state::{Action, Settings};

#[test]
fn basemap_turns_on_in_the_background_and_reports_its_state() {
    let home = std::env::temp_dir().join(format!("segkarta-basemap-{}", std::process::id()));
    // The tile cache, exports and settings go to a throw-away directory.
    let _home = crate::own_home(&home);
    let mut harness = common::app_harness(Settings::default(), vec2(1280.0, 800.0), false);
    harness.run_steps(2);
    harness.get_by_label("Bakgrundskarta av");
    harness.get_by_label("Bakgrundskarta").click();
    let started = std::time::Instant::now();
    harness.run_steps(2);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "frames do not wait for the network"
    );
    assert!(harness.state().settings.basemap);
    // The reachability probe gives up after a few seconds without network.
    let mut status = None;
    for _ in 0..100 {
        harness.run_steps(1);
        for label in ["Bakgrundskarta offline", "© OpenStreetMap-bidragsgivare"] {
            if harness.query_by_label(label).is_some() {
                status = Some(label);
            }
        }
        if status.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(status.is_some(), "the status settles to online or offline");
    // The choropleth is still there on top of the (missing) tiles.
    let app = harness.state();
    assert_eq!(app.view.in_scope.iter().filter(|s| **s).count(), 13);
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, [Action::SetBasemap(false)]);
    harness.run_steps(1);
    harness.get_by_label("Bakgrundskarta av");
    let _ = std::fs::remove_dir_all(home);
}
