//! A board opened read-only, because another program held the workspace,
//! keeps up with what that program records and takes the workspace over once
//! it has gone: a board started while a `duban set` held the lock for a
//! moment does not stay read-only all meeting.

use super::{App, Message};
use crate::storage::{BOARD, WorkspaceLock};

impl App {
    /// Holds the workspace's lock for as long as the board runs.
    pub fn with_lock(mut self, lock: WorkspaceLock) -> App {
        self.lock = Some(lock);
        self.read_only = None;
        self
    }

    /// Looks at the workspace again, as the event loop does every second or
    /// so while no key comes: for a read-only board, takes the workspace if
    /// its holder has gone, and shows what was recorded meanwhile. Returns
    /// whether anything on screen changed.
    pub fn look_again(&mut self) -> bool {
        if self.read_only.is_none() {
            return false;
        }
        let Some(workspace) = self.workspace.clone() else {
            return false;
        };
        let taken = match workspace.lock_if_free(BOARD) {
            Ok(taken) => taken,
            Err(error) => return self.say_once(error.short()),
        };
        let reloaded = match workspace.reload_state(&self.list) {
            Ok(reloaded) => reloaded,
            // Holding a lock over a file that does not load would invite a save
            // over it: stay read-only until it is mended.
            Err(error) => return self.say_once(format!("无法重新读入：{error}")),
        };
        let changed = reloaded.is_some();
        if let Some(state) = reloaded {
            self.state = state;
            self.restand();
            self.search_cache.clear();
            self.refresh();
        }
        match taken {
            Some(lock) => {
                self.took_over(lock);
                true
            }
            None => {
                // Another board may have taken over from the one first named.
                let holder = workspace
                    .holder()
                    .filter(|h| Some(h) != self.read_only.as_ref());
                let new_holder = holder.is_some();
                if holder.is_some() {
                    self.read_only = holder;
                }
                changed || new_holder
            }
        }
    }

    fn took_over(&mut self, lock: WorkspaceLock) {
        self.lock = Some(lock);
        self.read_only = None;
        self.history = super::history::History::default();
        // The banner's line is gone, so the table has a row more.
        self.scroll_to_selected();
        self.message = Some(Message::Info(
            "另一个督办程序已关闭：这里现在可以记录了（已重新读入 state.ron）".to_string(),
        ));
    }

    /// Shows an error unless it is already shown; whether it was new.
    fn say_once(&mut self, text: String) -> bool {
        let already = matches!(&self.message, Some(Message::Error(shown)) if *shown == text);
        if !already {
            self.message = Some(Message::Error(text));
        }
        !already
    }
}
