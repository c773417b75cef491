//! The state file: saving it (merging what another program changed since it
//! was read), reading it again, and keeping what could not be saved.

use std::fs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{MutexGuard, PoisonError};

use super::{
    STATE_FILE, StorageError, Workspace, atomic, backup, elementwise, refuse_problems, text_of,
    to_ron,
};
use crate::model::{State, TaskList};

/// The state file as last read or written.
#[derive(Clone, Debug)]
pub(super) struct Seen {
    /// A fingerprint of its text.
    fingerprint: u64,
    /// What it held.
    state: State,
}

/// What a save did beyond saving.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Saved {
    /// Where the state file's previous text was backed up, if there was one.
    pub backup: Option<PathBuf>,
    /// Where the previous text went instead when it did not load.
    pub kept_broken: Option<PathBuf>,
    /// Where the state file's previous text was kept, when another program
    /// had changed it since this one read or wrote it.
    pub changed_outside: Option<PathBuf>,
    /// The other program's changes, when they were merged into what was
    /// saved: the caller's state is then out of date.
    pub merged: Option<Merged>,
}

/// Changes made to the state file outside duban, merged into a save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    /// The file as duban had last read or written it.
    pub base: State,
    /// The file as the other program left it.
    pub theirs: State,
    /// What was saved: the caller's state with those changes.
    pub state: State,
}

impl Merged {
    /// Another state of the caller's (an undo step, say) with the same
    /// outside changes.
    pub fn apply(&self, ours: &State) -> State {
        crate::model::merge(&self.base, &self.theirs, ours)
    }
}

impl Workspace {
    /// The state file, read again when it changed since this program last
    /// read or wrote it (another program recorded): `None` when it did not.
    /// Only reads, so it serves a board that does not hold the workspace.
    pub fn reload_state(&self, tasks: &TaskList) -> Result<Option<State>, StorageError> {
        let path = self.path(STATE_FILE);
        let bytes = fs::read(&path).unwrap_or_default();
        // Called every second by a read-only board: compare, copy nothing.
        let unchanged = self
            .seen()
            .as_ref()
            .is_some_and(|s| s.fingerprint == fingerprint(&bytes));
        if unchanged {
            return Ok(None);
        }
        let mut state = match bytes.is_empty() && !path.exists() {
            true => State::default(),
            false => read_state(&path, &bytes, Some(tasks))?,
        };
        state.mend_meetings();
        self.seen_state(&bytes, &state);
        tracing::info!(path = %path.display(), updates = state.updates.len(), "read again");
        Ok(Some(state))
    }

    /// Saves the state atomically.
    ///
    /// Callers hold the workspace's [`Workspace::lock`], so that no other
    /// duban's updates are overwritten by this save.
    ///
    /// The file as it stood is first copied into `backups/` (see [`backup`]).
    /// When a program other than duban (an editor) changed it since it was
    /// loaded, its changes are merged into `state` and the merge is saved and
    /// returned; if it no longer loads against `tasks`, nothing is written and
    /// the error says where it is broken. The save is logged with its path.
    pub fn save_state(&self, tasks: &TaskList, state: &State) -> Result<Saved, StorageError> {
        let path = self.path(STATE_FILE);
        let before = fs::read(&path).ok();
        // The state as last read or written, copied only when the file has
        // changed since, to merge against. A file duban knows of loads: it is
        // the one last read or written, or one that merges below.
        let (known, base) = {
            let seen = self.seen();
            let changed = |s: &&Seen| {
                before
                    .as_deref()
                    .is_some_and(|b| fingerprint(b) != s.fingerprint)
            };
            (
                seen.is_some(),
                seen.as_ref().filter(changed).map(|s| s.state.clone()),
            )
        };
        let outside = match (&before, base) {
            (Some(bytes), Some(base)) => Some(self.merge_outside(tasks, bytes, &base, state)?),
            _ => None,
        };
        // A file that does not load (one a restore replaces) is kept apart, so
        // that it neither pushes a good backup out nor fails `duban check`.
        let (backup, kept_broken) = match &before {
            Some(bytes) if known || read_state(&path, bytes, Some(tasks)).is_ok() => {
                (Some(backup::back_up(&path, bytes)?), None)
            }
            Some(bytes) => (None, Some(backup::keep_broken(&path, bytes)?)),
            None => (None, None),
        };
        let saving = outside.as_ref().map_or(state, |merged| &merged.state);
        let text =
            to_ron(saving, STATE_HEADER).map_err(|e| StorageError::io(&path, e, SAVE_HINT))?;
        let saved = atomic::write(&path, text.as_bytes())
            .map_err(|e| StorageError::io(&path, e, SAVE_HINT));
        if let Err(error) = &saved {
            tracing::error!(path = %path.display(), %error, "save failed");
        }
        saved?;
        self.seen_state(text.as_bytes(), saving);
        tracing::info!(path = %path.display(), updates = saving.updates.len(), "saved");
        let changed_outside = backup.clone().filter(|_| outside.is_some());
        if let Some(kept) = &changed_outside {
            tracing::warn!(path = %path.display(), kept = %kept.display(),
                "merged changes made outside duban; the file as they left it is kept");
        }
        Ok(Saved {
            backup,
            kept_broken,
            changed_outside,
            merged: outside,
        })
    }

    /// `ours` with the changes another program made to the state file since
    /// it held `base`, or why that file cannot be read (then it must stay).
    fn merge_outside(
        &self,
        tasks: &TaskList,
        bytes: &[u8],
        base: &State,
        ours: &State,
    ) -> Result<Merged, StorageError> {
        let path = self.path(STATE_FILE);
        match read_state(&path, bytes, Some(tasks)) {
            Ok(mut theirs) => {
                theirs.mend_meetings();
                Ok(Merged {
                    state: crate::model::merge(base, &theirs, ours),
                    base: base.clone(),
                    theirs,
                })
            }
            Err(error) => {
                tracing::error!(path = %path.display(), %error,
                    "changed outside duban and no longer loads; not saved");
                Err(StorageError::changed_outside(&path, error))
            }
        }
    }

    /// Keeps a state that could not be saved, as the board does before it is
    /// left with records the state file lacks; returns where it went.
    pub fn rescue(&self, state: &State) -> Result<PathBuf, StorageError> {
        let path = self.path(STATE_FILE);
        let text =
            to_ron(state, STATE_HEADER).map_err(|e| StorageError::io(&path, e, SAVE_HINT))?;
        backup::rescue(&path, text.as_bytes())
    }

    fn seen(&self) -> MutexGuard<'_, Option<Seen>> {
        self.seen.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(super) fn seen_state(&self, bytes: &[u8], state: &State) {
        *self.seen() = Some(Seen {
            fingerprint: fingerprint(bytes),
            state: state.clone(),
        });
    }

    /// Forgets the state file as read, so that the next save writes over it
    /// whatever it holds then.
    pub(super) fn forget_state(&self) {
        *self.seen() = None;
    }
}

/// A fingerprint of a file's text, a byte-order mark aside, to tell whether
/// it changed.
fn fingerprint(bytes: &[u8]) -> u64 {
    let text = bytes.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(bytes);
    let mut hasher = std::hash::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// The first line of the state file.
const STATE_HEADER: &str = "// duban: the meetings held and every update recorded, oldest first.";

/// What to do when a save fails.
const SAVE_HINT: &str =
    "记录还在打开的督办界面里，没有丢失。请腾出磁盘空间或修正文件夹的权限，然后再记一次。";

/// A state file's bytes as a state, checked against the task list when one
/// is given, with every problem of its entries when there are several.
pub(super) fn read_state(
    path: &Path,
    bytes: &[u8],
    tasks: Option<&TaskList>,
) -> Result<State, StorageError> {
    let text = text_of(path, bytes.to_vec())?;
    let state = ron::from_str::<State>(&text).map_err(|e| {
        elementwise::state_problems(path, &text, tasks)
            .unwrap_or_else(|| StorageError::syntax(path, &text, &e))
    })?;
    if let Some(tasks) = tasks {
        refuse_problems(path, &text, crate::model::validate_state(tasks, &state))?;
    }
    Ok(state)
}
