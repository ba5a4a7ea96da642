//! The app under test, built the same way for every UI test file.
use egui::Vec2;
use egui_kittest::Harness;
use segkarta::app::SegkartaApp;
use segkarta::state::Settings;

/// The real app on the embedded data, light theme, not saving settings. `wgpu` renders
/// frames (needed for snapshots); without it only the UI logic runs.
pub fn app_harness(settings: Settings, size: Vec2, wgpu: bool) -> Harness<'static, SegkartaApp> {
    let atlas = segkarta::io::embedded::atlas().expect("embedded data loads");
    let builder = Harness::builder().with_size(size).with_theme(egui::Theme::Light);
    let builder = if wgpu { builder.wgpu() } else { builder };
    builder.build_eframe(move |cc| SegkartaApp::new(&cc.egui_ctx, atlas, settings, false))
}
