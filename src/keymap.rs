//! The one table from keys to actions, per mode.
//!
//! Dispatch, the hint bar and the help overlay all read this table, so they can
//! never disagree. A workspace's `config.ron` may rebind any action by name.

mod key;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::labels;

pub use key::Key;

/// Which part of the program has the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// The task board.
    Board,
    /// Typing a search.
    Search,
    /// Typing a task number to jump to.
    Jump,
    /// Typing the date of the meeting to record at.
    Meeting,
    /// Choosing a category or unit from a list.
    Picker,
    /// Choosing a status for the selected task.
    Status,
    /// Writing a note and progress for the selected task.
    Note,
    /// Reading the help overlay.
    Help,
    /// Reading the interview list or the changes since the last meeting.
    Warnings,
}

impl Mode {
    /// Whether text is typed in this mode, so that a plain character key is
    /// the character rather than a binding.
    pub fn is_typing(self) -> bool {
        matches!(
            self,
            Mode::Search | Mode::Jump | Mode::Meeting | Mode::Picker | Mode::Note
        )
    }
}

/// Something the user asks for. The snake_case names are what `config.ron` uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Select the next row.
    Down,
    /// Select the previous row.
    Up,
    /// Move a screen down.
    PageDown,
    /// Move a screen up.
    PageUp,
    /// Select the first row.
    First,
    /// Select the last row.
    Last,
    /// Start typing a task number.
    Jump,
    /// Start typing a search.
    Search,
    /// Choose the date of the meeting that changes are recorded at.
    ChooseMeeting,
    /// Choose a category to filter by.
    PickCategory,
    /// Choose a unit to filter by.
    PickUnit,
    /// Show only red, then yellow, then green tasks, then all again.
    CycleLight,
    /// Sort by light, red first, or back to the list's order.
    SortByLight,
    /// Open the interview list (约谈预警名单).
    Warnings,
    /// Write the meeting's summary sheet (调度通报) as HTML into the workspace.
    Report,
    /// Open the last summary sheet written with the system's default program.
    OpenReport,
    /// Clear every filter.
    ClearFilters,
    /// Choose a status for the selected task.
    SetStatus,
    /// Record a note and progress for the selected task.
    AddNote,
    /// Undo the last change.
    Undo,
    /// Redo what was undone.
    Redo,
    /// Show the keys.
    Help,
    /// Leave the program.
    Quit,
    /// Accept what was typed or chosen.
    Confirm,
    /// Close without accepting.
    Cancel,
    /// Move between the fields of a form.
    NextField,
    /// Record status 未启动.
    StatusNotStarted,
    /// Record status 推进中.
    StatusInProgress,
    /// Record status 滞后.
    StatusLagging,
    /// Record status 已完成.
    StatusDone,
}

/// One row of the table: in `mode`, `keys` do `action`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    /// Where the binding applies.
    pub mode: Mode,
    /// What it does.
    pub action: Action,
    /// The keys, the first of which the hint bar shows.
    pub keys: Vec<Key>,
    /// Whether the hint bar lists it (the help overlay lists all).
    pub hint: bool,
}

/// Overrides from `config.ron`: an action's name and its keys, such as
/// `{jump: ["g", ":"]}`.
pub type KeyConfig = BTreeMap<Action, Vec<String>>;

/// A key binding in the config that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeymapError {
    /// What is wrong, in the secretary's words.
    pub message: String,
    /// The config's action whose keys are at fault, to point at its line.
    pub action: Action,
}

impl fmt::Display for KeymapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The live key table.
#[derive(Clone, Debug)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: default_bindings(),
        }
    }
}

impl Keymap {
    /// The defaults with the config's bindings put in place of those they name.
    ///
    /// Fails on a key that cannot be read, or on two actions of one mode sharing a key.
    pub fn with_config(config: &KeyConfig) -> Result<Keymap, KeymapError> {
        let mut bindings = default_bindings();
        for (action, names) in config {
            let keys = names
                .iter()
                .map(|name| Key::parse(name).ok_or_else(|| unreadable(name, *action)))
                .collect::<Result<Vec<Key>, KeymapError>>()?;
            for binding in bindings.iter_mut().filter(|b| b.action == *action) {
                binding.keys = keys.clone();
            }
        }
        if let Some((binding, key)) = bindings.iter().find_map(|b| {
            let typed = b.keys.iter().find(|k| k.is_typed());
            typed
                .filter(|_| config.contains_key(&b.action) && b.mode.is_typing())
                .map(|k| (b, k))
        }) {
            return Err(KeymapError {
                message: format!(
                    "按键 {key} 在{}时要用来打字，不能给「{}」；请用 enter、esc 或 ctrl 组合键",
                    labels::mode(binding.mode),
                    labels::action(binding.action)
                ),
                action: binding.action,
            });
        }
        let keymap = Keymap { bindings };
        if keymap.key_of(Mode::Board, Action::Quit).is_none() {
            return Err(KeymapError {
                message: "退出（quit）没有按键了；请至少给它一个，如 [\"q\"]".to_string(),
                action: Action::Quit,
            });
        }
        match keymap.duplicates().first() {
            Some(&(mode, key)) => Err(KeymapError {
                message: format!(
                    "按键 {key} 在{}里同时给了两个操作（{}）；请给每个操作各自的按键",
                    labels::mode(mode),
                    twice_in(&keymap, mode, key)
                ),
                // The binding the config wrote, not the default it collides with.
                action: keymap
                    .bindings(mode)
                    .map(|b| b.action)
                    .find(|a| {
                        config
                            .get(a)
                            .is_some_and(|keys| keys.iter().any(|k| Key::parse(k) == Some(key)))
                    })
                    .unwrap_or(Action::Quit),
            }),
            None => Ok(keymap),
        }
    }

    /// The action of a key in a mode, if it has one.
    pub fn action(&self, mode: Mode, key: Key) -> Option<Action> {
        self.bindings
            .iter()
            .find(|b| b.mode == mode && b.keys.contains(&key))
            .map(|b| b.action)
    }

    /// The bindings of a mode, in table order.
    pub fn bindings(&self, mode: Mode) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.mode == mode)
    }

    /// The first key of an action in a mode, as the hint bar names it.
    pub fn key_of(&self, mode: Mode, action: Action) -> Option<Key> {
        self.bindings(mode)
            .find(|b| b.action == action)
            .and_then(|b| b.keys.first().copied())
    }

    /// Hint bar entries of a mode: the action, its first key, and what it does.
    pub fn hints(&self, mode: Mode) -> Vec<(Action, String, &'static str)> {
        self.bindings(mode)
            .filter(|b| b.hint)
            .filter_map(|b| {
                Some((
                    b.action,
                    b.keys.first()?.to_string(),
                    labels::action(b.action),
                ))
            })
            .collect()
    }

    /// Every key bound twice within one mode.
    pub fn duplicates(&self) -> Vec<(Mode, Key)> {
        let mut seen: Vec<(Mode, Key)> = Vec::new();
        let mut twice = Vec::new();
        for binding in &self.bindings {
            for &key in &binding.keys {
                if seen.contains(&(binding.mode, key)) {
                    twice.push((binding.mode, key));
                }
                seen.push((binding.mode, key));
            }
        }
        twice
    }
}

/// The names of the actions a key is bound to in a mode, joined for a message.
fn twice_in(keymap: &Keymap, mode: Mode, key: Key) -> String {
    let actions: Vec<&str> = keymap
        .bindings(mode)
        .filter(|b| b.keys.contains(&key))
        .map(|b| labels::action(b.action))
        .collect();
    actions.join("、")
}

fn unreadable(name: &str, action: Action) -> KeymapError {
    KeymapError {
        message: format!(
            "看不懂按键“{name}”；请写一个字符（\"g\"）、一个键名（\"enter\"、\
             \"esc\"、\"up\"、\"f1\"）或组合键（\"ctrl-z\"）"
        ),
        action,
    }
}

/// The default table.
fn default_bindings() -> Vec<Binding> {
    use Action as A;
    use Mode as M;
    let rows: &[(Mode, Action, &[&str], bool)] = &[
        (M::Board, A::Down, &["j", "down"], false),
        (M::Board, A::Up, &["k", "up"], false),
        (M::Board, A::PageDown, &["pagedown", "ctrl-d"], false),
        (M::Board, A::PageUp, &["pageup", "ctrl-u"], false),
        (M::Board, A::First, &["home", "g"], false),
        (M::Board, A::Last, &["end", "G"], false),
        (M::Board, A::Jump, &[":"], true),
        (M::Board, A::Search, &["/"], true),
        (M::Board, A::PickCategory, &["c"], true),
        (M::Board, A::PickUnit, &["u"], true),
        (M::Board, A::SetStatus, &["s"], true),
        (M::Board, A::AddNote, &["n"], true),
        (M::Board, A::Undo, &["ctrl-z"], true),
        (M::Board, A::Warnings, &["w"], true),
        (M::Board, A::CycleLight, &["l"], true),
        (M::Board, A::SortByLight, &["o"], false),
        (M::Board, A::Report, &["p"], true),
        (M::Board, A::OpenReport, &["P"], false),
        (M::Board, A::ChooseMeeting, &["m"], false),
        (M::Board, A::Help, &["?", "f1"], true),
        (M::Board, A::Quit, &["q", "ctrl-c"], true),
        (M::Board, A::ClearFilters, &["x"], true),
        (M::Board, A::Redo, &["ctrl-y"], false),
        (M::Search, A::Confirm, &["enter"], true),
        (M::Search, A::Cancel, &["esc"], true),
        (M::Search, A::Down, &["down"], false),
        (M::Search, A::Up, &["up"], false),
        (M::Jump, A::Confirm, &["enter"], true),
        (M::Jump, A::Cancel, &["esc"], true),
        (M::Meeting, A::Confirm, &["enter"], true),
        (M::Meeting, A::Cancel, &["esc"], true),
        (M::Picker, A::Confirm, &["enter"], true),
        (M::Picker, A::Cancel, &["esc"], true),
        (M::Picker, A::Down, &["down", "ctrl-n"], true),
        (M::Picker, A::Up, &["up", "ctrl-p"], false),
        (M::Picker, A::PageDown, &["pagedown"], false),
        (M::Picker, A::PageUp, &["pageup"], false),
        (M::Status, A::StatusNotStarted, &["1"], true),
        (M::Status, A::StatusInProgress, &["2"], true),
        (M::Status, A::StatusLagging, &["3"], true),
        (M::Status, A::StatusDone, &["4"], true),
        (M::Status, A::Cancel, &["esc", "q"], true),
        (M::Note, A::Confirm, &["enter"], true),
        (M::Note, A::NextField, &["tab", "backtab"], true),
        (M::Note, A::Cancel, &["esc"], true),
        (M::Warnings, A::Confirm, &["enter"], true),
        (M::Warnings, A::NextField, &["tab", "backtab"], true),
        (M::Warnings, A::Down, &["j", "down"], false),
        (M::Warnings, A::Up, &["k", "up"], false),
        (M::Warnings, A::PageDown, &["pagedown", "ctrl-d"], false),
        (M::Warnings, A::PageUp, &["pageup", "ctrl-u"], false),
        (M::Warnings, A::First, &["home", "g"], false),
        (M::Warnings, A::Last, &["end", "G"], false),
        (M::Warnings, A::Cancel, &["esc", "w", "q"], true),
        (M::Help, A::Cancel, &["esc", "?", "q", "f1"], true),
        (M::Help, A::Down, &["j", "down"], false),
        (M::Help, A::Up, &["k", "up"], false),
    ];
    rows.iter()
        .map(|&(mode, action, keys, hint)| Binding {
            mode,
            action,
            keys: keys.iter().filter_map(|k| Key::parse(k)).collect(),
            hint,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        assert_eq!(Keymap::default().duplicates(), vec![]);
    }

    #[test]
    fn every_default_key_parses() {
        for binding in default_bindings() {
            assert!(!binding.keys.is_empty(), "{binding:?}");
        }
    }

    #[test]
    fn config_replaces_only_the_actions_it_names() {
        let config: KeyConfig = ron::from_str(r#"{jump: ["g"], first: ["home"]}"#).unwrap();
        let keymap = Keymap::with_config(&config).unwrap();
        let g = Key::parse("g").unwrap();
        assert_eq!(keymap.action(Mode::Board, g), Some(Action::Jump));
        assert_eq!(keymap.action(Mode::Board, Key::parse(":").unwrap()), None);
        assert_eq!(
            keymap.action(Mode::Board, Key::parse("q").unwrap()),
            Some(Action::Quit)
        );
    }

    #[test]
    fn config_that_binds_a_key_twice_is_refused() {
        let config: KeyConfig = ron::from_str(r#"{jump: ["q"]}"#).unwrap();
        let error = Keymap::with_config(&config).unwrap_err();
        assert!(error.message.contains("跳转、退出"), "{error}");
    }

    #[test]
    fn a_typed_key_is_refused_for_an_action_of_a_typing_mode() {
        let config = KeyConfig::from([(Action::Confirm, vec!["a".to_string()])]);
        let error = Keymap::with_config(&config).unwrap_err();
        assert_eq!(error.action, Action::Confirm);
        assert!(error.message.contains("要用来打字"), "{error}");
        let config = KeyConfig::from([(Action::Confirm, vec!["ctrl-j".to_string()])]);
        assert!(Keymap::with_config(&config).is_ok());
    }
}
