//! Undo and redo of recorded changes, for as many steps as the session made.

use crate::model::State;

/// Past and undone states, each with a description of the change that left it.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<(State, String)>,
    redo: Vec<(State, String)>,
}

impl History {
    /// Remembers the state before a change described by `what`; a new change
    /// forgets anything undone.
    pub fn push(&mut self, before: State, what: String) {
        self.undo.push((before, what));
        self.redo.clear();
    }

    /// Steps back: returns the earlier state and what was undone, keeping
    /// `current` for redo.
    pub fn undo(&mut self, current: State) -> Option<(State, String)> {
        let (before, what) = self.undo.pop()?;
        self.redo.push((current, what.clone()));
        Some((before, what))
    }

    /// Steps forward again after an undo.
    pub fn redo(&mut self, current: State) -> Option<(State, String)> {
        let (after, what) = self.redo.pop()?;
        self.undo.push((current, what.clone()));
        Some((after, what))
    }

    /// Carries every remembered state through `change`, as when changes made
    /// outside the program were merged into the current one: an undo must not
    /// take them away again.
    pub fn rebase(&mut self, change: impl Fn(&State) -> State) {
        for (state, _) in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            *state = change(state);
        }
    }
}
