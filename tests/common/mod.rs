//! The app under test, built the same way for every UI test file.
use egui::Vec2;
use egui_kittest::Harness;
use segkarta::app::SegkartaApp;
use segkarta::state::Settings;

/// The real app on the embedded data, light theme, not saving settings. `wgpu` renders
/// frames (needed for snapshots); without it only the UI logic runs.
#[allow(dead_code)] // each test binary compiles this module; not all use every helper
pub fn app_harness(settings: Settings, size: Vec2, wgpu: bool) -> Harness<'static, SegkartaApp> {
    let atlas = segkarta::io::embedded::atlas().expect("embedded data loads");
    let builder = Harness::builder().with_size(size).with_theme(egui::Theme::Light);
    let builder = if wgpu { builder.wgpu() } else { builder };
    builder.build_eframe(move |cc| SegkartaApp::new(&cc.egui_ctx, atlas, settings, false))
}

/// Run frames until the app's background load is done (bounded: a few seconds at most).
#[allow(dead_code)] // each test binary compiles this module; not all use every helper
pub fn wait_for_load(harness: &mut Harness<'static, SegkartaApp>) {
    for _ in 0..300 {
        harness.run_steps(1);
        if !harness.state().is_loading() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("loading did not finish");
}

/// Run the segkarta binary with `args`: exit code, standard output and standard error.
#[allow(dead_code)] // each test binary compiles this module; not all use every helper
pub fn run_segkarta(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_segkarta"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A click at a point of the window (the map has no widget to click by label): press, a
/// frame, release.
#[allow(dead_code)] // each test binary compiles this module; not all use every helper
pub fn click_at(harness: &mut Harness<'static, SegkartaApp>, pos: egui::Pos2) {
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Default::default(),
        });
        harness.run_steps(1);
    }
}
