//! Saving and restoring [`Settings`] as JSON in the config directory, written atomically.
use std::path::PathBuf;

use crate::io::{AppDir, app_dir, write_atomically};
use crate::state::Settings;

pub fn path() -> Option<PathBuf> {
    app_dir(AppDir::Config).map(|d| d.join("settings.json"))
}

/// The saved settings, or the defaults when there are none or they cannot be read (a broken
/// settings file must never stop the app from starting).
pub fn load() -> Settings {
    path()
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

pub fn save(settings: &Settings) -> std::io::Result<()> {
    let Some(path) = path() else { return Ok(()) };
    let json = serde_json::to_vec_pretty(settings).map_err(std::io::Error::other)?;
    write_atomically(&path, &json)
}
