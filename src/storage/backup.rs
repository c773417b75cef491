//! Rotating backups of the recorded state: the last saves, and one per day.
//!
//! Before each save the state file as it stands is copied into `backups/`:
//! `state-save-YYYYMMDD-HHMMSS-NNN.ron` for each save (the newest
//! [`KEEP_RECENT`] kept) and `state-day-YYYY-MM-DD.ron`, the day's last state before a save, kept
//! for every day. `duban restore` lists them and puts one back.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::Local;

use super::{StorageError, atomic};

/// The backups folder in a workspace.
pub const BACKUP_DIR: &str = "backups";
/// How the names of per-save backups begin.
const SAVE_PREFIX: &str = "state-save-";
/// How the names of daily backups begin.
const DAY_PREFIX: &str = "state-day-";
/// The folder inside the backups for state files that did not load.
const BROKEN_DIR: &str = "broken";
/// How many per-save backups are kept.
pub const KEEP_RECENT: usize = 10;

/// Copies `bytes`, the state file at `state` as it stands, into the backups
/// folder beside it, and drops per-save backups beyond the newest
/// [`KEEP_RECENT`]. Returns the per-save backup's path.
pub(super) fn back_up(state: &Path, bytes: &[u8]) -> Result<PathBuf, StorageError> {
    let dir = backup_dir(state);
    let io = |e| StorageError::io(&dir, e, "请腾出磁盘空间，或修正文件夹的权限。");
    fs::create_dir_all(&dir).map_err(io)?;
    let now = Local::now();
    let recent = dir.join(format!(
        "{SAVE_PREFIX}{}.ron",
        now.format("%Y%m%d-%H%M%S-%3f")
    ));
    let daily = dir.join(format!("{DAY_PREFIX}{}.ron", now.format("%Y-%m-%d")));
    let mut saves: Vec<PathBuf> = list(state).into_iter().filter(|p| is_recent(p)).collect();
    saves.sort();
    // A save killed after its backup leaves the same state to back up again:
    // a second copy would only push an older, different one out.
    if let Some(newest) = saves
        .last()
        .filter(|p| fs::read(p).is_ok_and(|b| b == bytes))
    {
        atomic::write(&daily, bytes).map_err(io)?;
        return Ok(newest.clone());
    }
    atomic::write(&recent, bytes).map_err(io)?;
    atomic::write(&daily, bytes).map_err(io)?;
    tracing::info!(path = %recent.display(), "backed up");
    saves.push(recent.clone());
    let surplus = saves.len().saturating_sub(KEEP_RECENT);
    for old in &saves[..surplus] {
        let _ = fs::remove_file(old);
    }
    Ok(recent)
}

/// Keeps `bytes`, a state that could not be saved, where `duban restore` finds
/// it: `backups/state-unsaved-YYYYMMDD-HHMMSS.ron`, or, when the workspace
/// cannot be written at all, the same name in the system's temporary folder.
pub(super) fn rescue(state: &Path, bytes: &[u8]) -> Result<PathBuf, StorageError> {
    let name = format!("state-unsaved-{}.ron", Local::now().format("%Y%m%d-%H%M%S"));
    let dir = backup_dir(state);
    let in_workspace =
        fs::create_dir_all(&dir).and_then(|()| atomic::write(&dir.join(&name), bytes));
    let path = match in_workspace {
        Ok(()) => dir.join(&name),
        Err(_) => {
            let path = std::env::temp_dir().join(format!("duban-{name}"));
            atomic::write(&path, bytes)
                .map_err(|e| StorageError::io(&path, e, "请腾出磁盘空间后再试。"))?;
            path
        }
    };
    tracing::warn!(path = %path.display(), "kept the records that could not be saved");
    Ok(path)
}

/// Keeps `bytes`, a state file that does not load and is about to be replaced
/// (by `duban restore`), in `backups/broken/`: out of the rotation and out of
/// what `duban restore` lists and `duban check` reads, but not thrown away.
pub(super) fn keep_broken(state: &Path, bytes: &[u8]) -> Result<PathBuf, StorageError> {
    let dir = backup_dir(state).join(BROKEN_DIR);
    let io = |e| StorageError::io(&dir, e, "请腾出磁盘空间，或修正文件夹的权限。");
    fs::create_dir_all(&dir).map_err(io)?;
    let name = format!("state-{}.ron", Local::now().format("%Y%m%d-%H%M%S-%3f"));
    let path = dir.join(name);
    atomic::write(&path, bytes).map_err(io)?;
    tracing::warn!(path = %path.display(), "kept a state file that does not load");
    Ok(path)
}

/// What a backup holds, to choose one by: `None` when it does not load.
pub fn read(path: &Path) -> Option<crate::model::State> {
    let bytes = fs::read(path).ok()?;
    super::read_state(path, &bytes, None).ok()
}

/// Every backup of the state file at `state`, newest first by name.
pub fn list(state: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(backup_dir(state)) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    found.sort();
    found.reverse();
    found
}

fn backup_dir(state: &Path) -> PathBuf {
    state.parent().unwrap_or(Path::new(".")).join(BACKUP_DIR)
}

/// Whether a backup is a per-save one rather than a daily one.
fn is_recent(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|s| s.to_string_lossy().starts_with(SAVE_PREFIX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_last_saves_and_one_per_day() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("state.ron");
        for n in 0..(KEEP_RECENT + 5) {
            let text = format!("(meetings: [], updates: []) // {n}");
            back_up(&state, text.as_bytes()).unwrap();
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        let all = list(&state);
        let recent: Vec<&PathBuf> = all.iter().filter(|p| is_recent(p)).collect();
        assert_eq!(recent.len(), KEEP_RECENT);
        assert_eq!(all.len(), KEEP_RECENT + 1, "one daily backup");
        let newest = fs::read_to_string(recent[0]).unwrap();
        assert!(
            newest.ends_with(&format!("// {}", KEEP_RECENT + 4)),
            "{newest}"
        );
    }

    #[test]
    fn the_same_state_twice_is_backed_up_once() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("state.ron");
        let first = back_up(&state, b"(updates: [])").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(2));
        assert_eq!(back_up(&state, b"(updates: [])").unwrap(), first);
        std::thread::sleep(std::time::Duration::from_millis(2));
        assert_ne!(back_up(&state, b"(meetings: [])").unwrap(), first);
        assert_eq!(list(&state).iter().filter(|p| is_recent(p)).count(), 2);
    }
}
