//! The board's state and `update`, which applies one action to it.
//!
//! Nothing here touches the terminal: keys arrive as [`Key`]s, pastes as text,
//! and the screen size as numbers, so every behaviour can be tested directly.

mod history;
mod input;
mod navigate;
mod note;
mod picker;
mod record;
mod takeover;
mod warnings;

use std::collections::HashMap;

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyCode;

use crate::filter::{self, Facts, Filter, TaskIndex};
use crate::keymap::{Action, Key, Keymap, Mode};
use crate::labels;
use crate::model::{Standing, State, Status, Task, TaskList};
use crate::rules::{Evaluation, Light, Rules, RulesConfig, TaskLight};
use crate::search::Matcher;
use crate::storage::Workspace;

pub use history::History;
pub use input::{PROMPT_MAX_CHARS, TextInput};
pub use note::{NoteField, NoteForm};
pub use picker::{Picker, PickerItem, PickerKind};
pub use warnings::{WarningsTab, WarningsView};

/// A message on the bottom line until the next key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// Something done.
    Info(String),
    /// Something that failed, with what to do.
    Error(String),
}

/// The whole state of the board.
#[derive(Debug)]
pub struct App {
    /// The key-task list.
    pub list: TaskList,
    /// Meetings and updates.
    pub state: State,
    /// The date changes are recorded at: the meeting's date.
    pub meeting: NaiveDate,
    /// Where changes are saved; `None` keeps them in memory only.
    pub workspace: Option<Workspace>,
    /// The key table.
    pub keymap: Keymap,
    /// Who has the keyboard.
    pub mode: Mode,
    /// The active filters.
    pub filter: Filter,
    /// Indices into `list.tasks` of the rows shown, in order.
    pub visible: Vec<usize>,
    /// Index into `visible` of the selected row.
    pub selected: usize,
    /// Index into `visible` of the first row on screen.
    pub offset: usize,
    /// The terminal's size in cells: width, height.
    pub size: (u16, u16),
    /// The text field of the search or jump prompt.
    pub input: TextInput,
    /// The open picker.
    pub picker: Option<Picker>,
    /// The open note form.
    pub note: Option<NoteForm>,
    /// The open interview list.
    pub warnings: Option<WarningsView>,
    /// Whether the board is sorted by light, red first, instead of list order.
    pub sort_by_light: bool,
    /// The summary sheet written last, for opening it.
    pub last_report: Option<std::path::PathBuf>,
    /// How far the help overlay is scrolled.
    pub help_scroll: usize,
    /// The bottom line's message.
    pub message: Option<Message>,
    /// Whether the last save failed, so the screen holds changes the disk does not.
    pub unsaved: bool,
    /// Who holds the workspace, when another program does: nothing can be
    /// recorded here then.
    pub read_only: Option<String>,
    /// Where the records went that could not be saved, if they had to go.
    pub rescued: Option<std::path::PathBuf>,
    /// The workspace's lock, while this board holds it.
    lock: Option<crate::storage::WorkspaceLock>,
    /// Set when the user asked to leave.
    pub quit: bool,
    /// Set after a quit was refused for unsaved changes: the next quit leaves.
    quit_armed: bool,
    /// The search matcher, shared with drawing for highlights.
    pub matcher: Matcher,
    standings: HashMap<u32, Standing>,
    rules: RulesConfig,
    evaluation: Evaluation,
    index: TaskIndex,
    history: History,
    search_cache: Vec<(String, filter::Filtered)>,
    jump_origin: Option<usize>,
}

impl App {
    /// A board over `list` and `state`, recording at the meeting of `meeting`.
    pub fn new(list: TaskList, state: State, meeting: NaiveDate, keymap: Keymap) -> App {
        let index = TaskIndex::new(&list);
        let mut app = App {
            list,
            state,
            meeting,
            workspace: None,
            keymap,
            mode: Mode::Board,
            filter: Filter::default(),
            visible: Vec::new(),
            selected: 0,
            offset: 0,
            size: (80, 24),
            input: TextInput::prompt(""),
            picker: None,
            note: None,
            warnings: None,
            sort_by_light: false,
            last_report: None,
            help_scroll: 0,
            message: None,
            unsaved: false,
            read_only: None,
            lock: None,
            rescued: None,
            quit: false,
            quit_armed: false,
            matcher: Matcher::new(),
            standings: HashMap::new(),
            rules: RulesConfig::default(),
            evaluation: Evaluation::default(),
            index,
            history: History::default(),
            search_cache: Vec::new(),
            jump_origin: None,
        };
        app.restand();
        app.refresh();
        app
    }

    /// Saves every change into this workspace from now on.
    pub fn with_workspace(mut self, workspace: Workspace) -> App {
        self.workspace = Some(workspace);
        self
    }

    /// Opens the board read-only: another program, named by `holder`, holds
    /// the workspace and is the one that records.
    pub fn read_only(mut self, holder: String) -> App {
        self.read_only = Some(holder);
        self
    }

    /// The selected task, if any row is shown.
    pub fn selected_task(&self) -> Option<&Task> {
        self.visible
            .get(self.selected)
            .map(|&i| &self.list.tasks[i])
    }

    /// The latest status and progress of a task.
    pub fn standing(&self, task: u32) -> Standing {
        self.standings.get(&task).copied().unwrap_or_default()
    }

    /// The prepared search index, for drawing highlights.
    pub fn index(&self) -> &TaskIndex {
        &self.index
    }

    /// Handles a key press: the mode's binding if it has one, else typing.
    ///
    /// While the window is too small to show the board, only quitting acts:
    /// a status recorded on a screen nobody can see would be a silent change.
    pub fn handle_key(&mut self, key: Key) {
        self.message = None;
        let action = self.keymap.action(self.mode, key);
        if !self.fits() {
            if action == Some(Action::Quit) {
                self.update(Action::Quit);
            }
            return;
        }
        match action {
            Some(action) => self.update(action),
            None => self.type_key(key),
        }
    }

    /// Handles pasted text: always text, never key bindings; none while the
    /// window is too small to show where it goes.
    ///
    /// A paste is one change, however long: the search runs once for it, not
    /// once per character. What passes a prompt's limit is dropped, and the
    /// bottom line says so.
    pub fn paste(&mut self, text: &str) {
        self.message = None;
        if !self.fits() {
            return;
        }
        if self.mode == Mode::Board {
            self.update(Action::Search);
        }
        let whole = match self.mode {
            Mode::Search | Mode::Jump | Mode::Meeting => self.input.paste(text),
            Mode::Picker => match &mut self.picker {
                Some(picker) => picker.input.paste(text),
                None => true,
            },
            Mode::Note => match &mut self.note {
                Some(form) => form.focused().paste(text),
                None => true,
            },
            Mode::Board | Mode::Status | Mode::Help | Mode::Warnings => return,
        };
        match self.mode {
            Mode::Search => self.search_changed(),
            Mode::Jump => self.preview_jump(),
            Mode::Picker => {
                if let Some(picker) = &mut self.picker {
                    picker.refresh(&self.matcher);
                }
            }
            _ => {}
        }
        if !whole {
            self.message = Some(Message::Info(labels::paste_cut(PROMPT_MAX_CHARS)));
        }
    }

    /// Whether the window is large enough to show the board.
    pub fn fits(&self) -> bool {
        let (width, height) = self.size;
        crate::ui::layout::fits(ratatui::layout::Rect::new(0, 0, width, height))
    }

    /// Takes the terminal's new size.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        self.scroll_to_selected();
    }

    /// Applies one action in the current mode.
    pub fn update(&mut self, action: Action) {
        match self.mode {
            Mode::Board => self.update_board(action),
            Mode::Search => match action {
                Action::Confirm => self.mode = Mode::Board,
                Action::Cancel => {
                    self.mode = Mode::Board;
                    self.input = TextInput::prompt("");
                    self.search_changed();
                }
                Action::Down => self.move_by(1),
                Action::Up => self.move_by(-1),
                _ => {}
            },
            Mode::Jump => match action {
                Action::Confirm => {
                    self.mode = Mode::Board;
                    self.jump_origin = None;
                    let typed = self.input.value().trim().to_string();
                    self.jump(&typed);
                }
                Action::Cancel => {
                    self.mode = Mode::Board;
                    if let Some(row) = self.jump_origin.take() {
                        self.selected = row;
                        self.scroll_to_selected();
                    }
                }
                _ => {}
            },
            Mode::Meeting => {
                self.mode = Mode::Board;
                if action == Action::Confirm {
                    let typed = self.input.value().to_string();
                    self.choose_meeting(&typed);
                }
            }
            Mode::Picker => self.update_picker(action),
            Mode::Status => {
                let status = match action {
                    Action::StatusNotStarted => Some(Status::NotStarted),
                    Action::StatusInProgress => Some(Status::InProgress),
                    Action::StatusLagging => Some(Status::Lagging),
                    Action::StatusDone => Some(Status::Done),
                    _ => None,
                };
                self.mode = Mode::Board;
                if let Some(status) = status {
                    self.record_status(status);
                }
            }
            Mode::Note => match action {
                Action::Confirm => self.record_note(),
                Action::NextField => {
                    if let Some(form) = &mut self.note {
                        form.next_field();
                    }
                }
                Action::Cancel => {
                    self.note = None;
                    self.mode = Mode::Board;
                }
                _ => {}
            },
            Mode::Warnings => self.update_warnings(action),
            Mode::Help => match action {
                Action::Down => self.help_scroll += 1,
                Action::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
                _ => self.mode = Mode::Board,
            },
        }
    }

    fn update_board(&mut self, action: Action) {
        let page = self.page() as isize;
        match action {
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::PageDown => self.move_by(page),
            Action::PageUp => self.move_by(-page),
            Action::First => self.move_by(isize::MIN / 2),
            Action::Last => self.move_by(isize::MAX / 2),
            Action::Jump => {
                self.input = TextInput::prompt("");
                self.jump_origin = Some(self.selected);
                self.mode = Mode::Jump;
            }
            Action::Search => {
                self.input = TextInput::prompt(&self.filter.search);
                self.mode = Mode::Search;
            }
            Action::ChooseMeeting => {
                let date = self.meeting.format("%Y-%m-%d").to_string();
                self.input = TextInput::suggested(&date).at_most(PROMPT_MAX_CHARS);
                self.mode = Mode::Meeting;
            }
            Action::PickCategory => self.open_picker(PickerKind::Category),
            Action::PickUnit => self.open_picker(PickerKind::Unit),
            Action::ClearFilters => {
                self.filter = Filter::default();
                self.input = TextInput::prompt("");
                self.search_cache.clear();
                self.refresh();
            }
            Action::CycleLight => self.cycle_light(),
            Action::SortByLight => {
                self.sort_by_light = !self.sort_by_light;
                self.refresh();
            }
            Action::Warnings => self.open_warnings(),
            Action::Report => self.write_report(),
            Action::OpenReport => self.open_report(),
            Action::SetStatus | Action::AddNote if self.refuse_when_read_only() => {}
            Action::SetStatus if self.selected_task().is_some() => self.mode = Mode::Status,
            Action::AddNote => {
                if let Some(task) = self.selected_task() {
                    let progress = self.standing(task.id).progress;
                    self.note = Some(NoteForm::new(progress));
                    self.mode = Mode::Note;
                }
            }
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Help => {
                self.help_scroll = 0;
                self.mode = Mode::Help;
            }
            Action::Quit => self.quit_if_saved(),
            _ => {}
        }
    }

    fn update_picker(&mut self, action: Action) {
        let Some(picker) = &mut self.picker else {
            self.mode = Mode::Board;
            return;
        };
        match action {
            Action::Down => picker.step(1),
            Action::Up => picker.step(-1),
            Action::PageDown => picker.step(10),
            Action::PageUp => picker.step(-10),
            Action::Confirm => {
                let kind = picker.kind;
                let Some(value) = picker.chosen().map(|item| item.value.clone()) else {
                    return;
                };
                match kind {
                    PickerKind::Category => self.filter.category = value,
                    PickerKind::Unit => self.filter.unit = value,
                }
                self.picker = None;
                self.mode = Mode::Board;
                self.search_cache.clear();
                self.refresh();
            }
            Action::Cancel => {
                self.picker = None;
                self.mode = Mode::Board;
            }
            _ => {}
        }
    }

    /// Typing into the mode's text field: characters, deletion, cursor moves.
    fn type_key(&mut self, key: Key) {
        let clears = key.ctrl && key.code == KeyCode::Char('u');
        if (key.ctrl || key.alt) && !clears {
            return;
        }
        let field = match self.mode {
            Mode::Search | Mode::Jump | Mode::Meeting => &mut self.input,
            Mode::Picker => match &mut self.picker {
                Some(picker) => &mut picker.input,
                None => return,
            },
            Mode::Note => match &mut self.note {
                Some(form) => form.focused(),
                None => return,
            },
            Mode::Board | Mode::Status | Mode::Help | Mode::Warnings => return,
        };
        let before = field.value().to_string();
        match key.code {
            _ if clears => field.clear(),
            KeyCode::Char(c) => field.insert(c),
            KeyCode::Backspace => field.backspace(),
            KeyCode::Delete => field.delete(),
            KeyCode::Left => field.left(),
            KeyCode::Right => field.right(),
            KeyCode::Home => field.home(),
            KeyCode::End => field.end(),
            _ => return,
        }
        if field.value() == before {
            return;
        }
        match self.mode {
            Mode::Search => self.search_changed(),
            Mode::Jump => self.preview_jump(),
            Mode::Picker => {
                if let Some(picker) = &mut self.picker {
                    picker.refresh(&self.matcher);
                }
            }
            _ => {}
        }
    }

    fn open_picker(&mut self, kind: PickerKind) {
        let current = match kind {
            PickerKind::Category => self.filter.category.as_deref(),
            PickerKind::Unit => self.filter.unit.as_deref(),
        };
        self.picker = Some(Picker::new(kind, &self.list, current));
        self.mode = Mode::Picker;
    }

    fn search_changed(&mut self) {
        self.filter.search = self.input.value().to_string();
        self.refresh();
    }

    /// Re-applies the filters, keeping the selected task selected if it still shows.
    fn refresh(&mut self) {
        let keep = self.visible.get(self.selected).copied();
        let search = self.filter.search.clone();
        while let Some((text, _)) = self.search_cache.last() {
            if search.starts_with(text.as_str()) {
                break;
            }
            self.search_cache.pop();
        }
        let filtered = match self.search_cache.last() {
            Some((text, done)) if *text == search => done.clone(),
            cached => {
                let within = cached.map(|(_, done)| done.in_order.as_slice());
                let (list, index, matcher) = (&self.list, &self.index, &self.matcher);
                let facts = |i| self.facts(i);
                filter::apply_within(&self.filter, list, index, matcher, facts, within)
            }
        };
        let mut visible = filtered.ranked.clone();
        if self.sort_by_light {
            // Stable, so tasks of one light keep their list or search order.
            visible.sort_by_key(|&i| match self.facts(i).light {
                Some(Light::Red) => 0,
                Some(Light::Yellow) => 1,
                Some(Light::Green) => 2,
                None => 3,
            });
        }
        let new_text = self
            .search_cache
            .last()
            .is_none_or(|(text, _)| *text != search);
        if !search.trim().is_empty() && new_text {
            self.search_cache.push((search, filtered));
        }
        self.visible = visible;
        self.selected = keep
            .and_then(|task| self.visible.iter().position(|&i| i == task))
            .unwrap_or(0);
        if self.filter.search.trim().is_empty() || keep.is_none() {
            self.scroll_to_selected();
        } else {
            // A new search puts the best hit on top.
            self.selected = 0;
            self.offset = 0;
        }
    }

    /// Recomputes every task's standing and light after the state or the
    /// meeting's date changed.
    fn restand(&mut self) {
        // What the board shows is what stood at the meeting: a later update (a
        // sheet prepared ahead, a date mistyped) does not show through.
        self.standings = self.state.standings(Some(self.meeting));
        let rules = Rules::new(&self.list, &self.state, &self.rules);
        self.evaluation = rules.evaluate(self.meeting);
    }

    /// The status and light of the task at `index` in the list.
    fn facts(&self, index: usize) -> Facts {
        let task = &self.list.tasks[index];
        let light = self.evaluation.tasks.get(index).and_then(|t| t.light.light);
        Facts {
            status: self.standing(task.id).status,
            light,
        }
    }

    /// The light of a task at the meeting, with its reasons; `None` if unknown.
    pub fn light(&self, task: u32) -> Option<&TaskLight> {
        self.evaluation.light(task)
    }

    /// The rules evaluated at the meeting's date.
    pub fn evaluation(&self) -> &Evaluation {
        &self.evaluation
    }

    /// The warning rules' settings.
    pub fn rules(&self) -> &RulesConfig {
        &self.rules
    }

    /// Uses these warning rules from now on.
    pub fn with_rules(mut self, rules: RulesConfig) -> App {
        self.rules = rules;
        self.restand();
        self.refresh();
        self
    }
}

#[cfg(test)]
mod tests;
