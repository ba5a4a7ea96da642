//! segkarta: a desktop viewer for mapping segregation in Göteborgsregionen.
//!
//! Data flows one way: `io` loads files into an [`model::Atlas`]; a [`state::Selection`] picks
//! what to show; [`view::View`] turns both into per-area values, classes and colours with the
//! pure functions in `analysis`; the `ui` and `map` modules draw the view and emit
//! [`state::Action`]s. Only `app`, `ui` and `map` know about egui.
#![deny(clippy::unwrap_used)]

pub mod analysis;
pub mod app;
pub mod format;
pub mod i18n;
pub mod io;
pub mod jobs;
pub mod map;
pub mod model;
pub mod pending;
pub mod project;
pub mod render;
pub mod report;
pub mod settings;
pub mod state;
pub mod ui;
pub mod view;

/// When the process started, as near as the program can tell (the first call, made first
/// thing in `main`).
pub fn startup_elapsed() -> std::time::Duration {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}
