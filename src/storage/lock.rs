//! One program at a time writes a workspace: a lock file the system releases
//! when its holder exits, however it exits.
//!
//! The lock is the operating system's (`File::try_lock`), so a lock left by a
//! process that died is no lock at all: the next program takes it over. The
//! file's text only says who holds it, for the message the others show.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::StorageError;

/// The lock file's name in a workspace.
pub const LOCK_FILE: &str = ".duban.lock";

/// A held lock on a workspace; dropping it releases the lock.
#[derive(Debug)]
pub struct WorkspaceLock {
    _file: File,
}

/// Who holds a lock when the board does: how a holder's text begins.
pub const BOARD: &str = "督办界面";

/// Takes the workspace's lock for `who` (a program, such as [`BOARD`] or
/// `duban set`), or says who holds it.
pub(super) fn take(dir: &Path, who: &str) -> Result<WorkspaceLock, StorageError> {
    let path = dir.join(LOCK_FILE);
    let io = |e| StorageError::io(&path, e, super::WRITABLE_HINT);
    // Opened without truncating: the text belongs to whoever holds the lock.
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    let mut file = options.open(&path).map_err(io)?;
    match file.try_lock() {
        Ok(()) => {
            // The user's name tells colleagues sharing a folder whom to ask.
            let user = std::env::var("USER").or_else(|_| std::env::var("USERNAME"));
            let user = user.map(|u| format!("用户 {u}，")).unwrap_or_default();
            let holder = format!(
                "{who}，进程 {}，{user}{} 起",
                std::process::id(),
                chrono::Local::now().format("%Y-%m-%d %H:%M")
            );
            file.set_len(0).map_err(io)?;
            file.write_all(holder.as_bytes()).map_err(io)?;
            file.flush().map_err(io)?;
            Ok(WorkspaceLock { _file: file })
        }
        Err(TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = file.seek(SeekFrom::Start(0));
            let _ = file.read_to_string(&mut holder);
            Err(StorageError::Locked {
                path: PathBuf::from(dir),
                holder: holder.trim().into(),
            })
        }
        Err(TryLockError::Error(e)) => Err(io(e)),
    }
}

/// Who holds the lock, as its file says (whoever wrote it last: the text
/// stays after its writer exits).
pub(super) fn holder(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join(LOCK_FILE)).ok()?;
    Some(text.trim().to_string()).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_taker_is_told_who_holds_it_until_it_is_released() {
        let dir = tempfile::tempdir().unwrap();
        let first = take(dir.path(), BOARD).unwrap();
        let refused = take(dir.path(), "duban set").unwrap_err();
        let pid = std::process::id().to_string();
        assert!(matches!(&refused, StorageError::Locked { holder, .. }
            if holder.contains(&pid) && holder.starts_with(BOARD)));
        drop(first);
        assert!(
            take(dir.path(), "duban set").is_ok(),
            "a released lock is taken over"
        );
    }

    #[test]
    fn taking_the_lock_removes_what_killed_saves_left() {
        let dir = tempfile::tempdir().unwrap();
        let leftover = dir
            .path()
            .join(format!("{}abc123", super::super::atomic::TEMP_PREFIX));
        std::fs::write(&leftover, "half a state").unwrap();
        let _lock = super::super::Workspace::at(dir.path()).lock(BOARD).unwrap();
        assert!(!leftover.exists());
    }
}
