//! CPU time of whole app frames (egui layout, the map plugin's mesh, overlays), driven
//! headless through egui_kittest without a GPU: presenter mode at 3840 × 2160 and the desktop
//! at 1920 × 1080 (also with the activities layer on), on the embedded data, hovering over
//! Göteborg so the hover overlay is drawn.
use criterion::{Criterion, criterion_group, criterion_main};
use egui::vec2;
use egui_kittest::Harness;
use segkarta::app::SegkartaApp;
use segkarta::state::Settings;

fn app(size: egui::Vec2, presenting: bool) -> Harness<'static, SegkartaApp> {
    app_with(size, presenting, Settings::default())
}

fn app_with(size: egui::Vec2, presenting: bool, settings: Settings) -> Harness<'static, SegkartaApp> {
    let atlas = segkarta::io::embedded::atlas().expect("embedded data");
    let mut harness = Harness::builder()
        .with_size(size)
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| SegkartaApp::new(&cc.egui_ctx, atlas, settings, false));
    harness.run_steps(4);
    if presenting {
        harness.key_press(egui::Key::F5);
        harness.run_steps(4);
    }
    let pos = harness.state().screen_of(11.97, 57.71);
    harness.hover_at(pos);
    harness.run_steps(2);
    harness
}

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    let mut presenter = app(vec2(3840.0, 2160.0), true);
    group.bench_function("presenter_3840x2160", |b| b.iter(|| presenter.step()));
    let mut desktop = app(vec2(1920.0, 1080.0), false);
    group.bench_function("desktop_1920x1080", |b| b.iter(|| desktop.step()));
    // The demo activities (302) on the map: clustered, symbols and the key drawn every frame.
    let mut settings = Settings::default();
    settings.selection.activities = Some(Default::default());
    let mut activities = app_with(vec2(1920.0, 1080.0), false, settings);
    group.bench_function("desktop_1920x1080_activities", |b| b.iter(|| activities.step()));
    group.finish();
}

criterion_group!(ui, frames);
criterion_main!(ui);
