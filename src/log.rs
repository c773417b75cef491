//! The log: a file in the workspace, never the screen, where each load, save,
//! backup and lock is written with its path. `DUBAN_LOG` sets the level
//! (`info` by default; `debug`, `warn`, `off`).

use std::fs::OpenOptions;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tracing_subscriber::EnvFilter;

/// The log file's name in a workspace.
pub const LOG_FILE: &str = "duban.log";

/// Starts writing the log into `dir`; returns the file's path, or `None` when
/// it cannot be opened (the program then runs without a log rather than stop).
pub fn start(dir: &Path) -> Option<PathBuf> {
    std::fs::create_dir_all(dir).ok()?;
    let path = dir.join(LOG_FILE);
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .ok()?;
    let filter = EnvFilter::try_from_env("DUBAN_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let installed = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        .with_writer(Mutex::new(file))
        .try_init();
    installed.ok().map(|()| path)
}
