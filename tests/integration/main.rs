//! The integration tests, in one binary: each test file would otherwise link egui, wgpu and
//! polars again, which was most of the test command's build time on a cold `target/`.
#[path = "../common/mod.rs"]
mod common;

mod analysis;
mod classification_ui;
mod cli;
mod compare_ui;
mod divisions;
mod embedded_data;
mod export_ui;
mod importers;
mod load_files;
mod presenter_ui;
mod project_ui;
mod render;
mod segregation_ui;
mod shared_data;
mod slides_ui;
mod spatial_ui;
mod survey_activities_ui;
mod ui;
