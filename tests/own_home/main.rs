//! Tests that give segkarta its own home directory (`SEGKARTA_HOME`: settings, tile cache,
//! exports). The variable is process-wide, so these share one binary apart from the other
//! integration tests and run one at a time.
#[path = "../common/mod.rs"]
mod common;

mod basemap;
mod needs_ui;
mod settings;
mod settings_saved_when_settled;

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

static HOME: Mutex<()> = Mutex::new(());

/// Point `SEGKARTA_HOME` at `home` for as long as the returned guard lives; other tests in
/// this binary wait for it.
pub fn own_home(home: &Path) -> MutexGuard<'static, ()> {
    let guard = HOME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    // Safe enough: every test in this binary that reads the environment holds the lock.
    unsafe { std::env::set_var("SEGKARTA_HOME", home) };
    guard
}
