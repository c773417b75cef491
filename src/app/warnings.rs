//! The interview list (约谈预警名单) and the changes since the last meeting, as
//! the board opens them with `w`.

use crate::filter::Filter;
use crate::keymap::{Action, Mode};
use crate::rules::{Changes, InterviewList, Light, Rules};

use super::{App, Message, TextInput};

/// How many rows a page key moves in the warnings view.
const WARNINGS_PAGE: usize = 10;

/// Which list the warnings view shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WarningsTab {
    /// Units at a warning level, ranked.
    Units,
    /// Tasks whose light changed since the previous meeting.
    Changes,
}

/// The open warnings view: both lists, evaluated when it opened.
#[derive(Clone, Debug)]
pub struct WarningsView {
    /// The ranked units.
    pub list: InterviewList,
    /// What changed since the previous meeting.
    pub changes: Changes,
    /// The list shown.
    pub tab: WarningsTab,
    /// The highlighted row of the list shown.
    pub selected: usize,
}

impl WarningsView {
    /// How many rows the list shown has.
    pub fn rows(&self) -> usize {
        match self.tab {
            WarningsTab::Units => self.list.entries.len(),
            WarningsTab::Changes => self.changes.changed.len(),
        }
    }
}

impl App {
    /// Opens the interview list at the meeting's date.
    pub(super) fn open_warnings(&mut self) {
        let rules = Rules::new(&self.list, &self.state, &self.rules);
        let list = rules.interview_list(self.meeting);
        let changes = self.evaluation.changes();
        self.warnings = Some(WarningsView {
            list,
            changes,
            tab: WarningsTab::Units,
            selected: 0,
        });
        self.mode = Mode::Warnings;
    }

    /// Applies an action in the warnings view.
    pub(super) fn update_warnings(&mut self, action: Action) {
        let Some(view) = &mut self.warnings else {
            self.mode = Mode::Board;
            return;
        };
        let last = view.rows().saturating_sub(1);
        match action {
            Action::Down => view.selected = (view.selected + 1).min(last),
            Action::Up => view.selected = view.selected.saturating_sub(1),
            Action::PageDown => view.selected = (view.selected + WARNINGS_PAGE).min(last),
            Action::PageUp => view.selected = view.selected.saturating_sub(WARNINGS_PAGE),
            Action::First => view.selected = 0,
            Action::Last => view.selected = last,
            Action::NextField => {
                view.tab = match view.tab {
                    WarningsTab::Units => WarningsTab::Changes,
                    WarningsTab::Changes => WarningsTab::Units,
                };
                view.selected = 0;
            }
            Action::Confirm => self.follow_warning(),
            Action::Cancel => self.mode = Mode::Board,
            _ => {}
        }
    }

    /// Enter on a unit filters the board to its tasks; on a changed task, jumps
    /// to it.
    fn follow_warning(&mut self) {
        let Some(view) = &self.warnings else {
            return;
        };
        match view.tab {
            WarningsTab::Units => {
                let Some(entry) = view.list.entries.get(view.selected) else {
                    return;
                };
                let unit = entry.unit.name.clone();
                self.filter = Filter {
                    unit: Some(unit.clone()),
                    ..Filter::default()
                };
                self.input = TextInput::prompt("");
                self.search_cache.clear();
                self.mode = Mode::Board;
                self.refresh();
                self.message = Some(Message::Info(format!("只看 {unit} 的任务")));
            }
            WarningsTab::Changes => {
                let Some(change) = view.changes.changed.get(view.selected) else {
                    return;
                };
                let id = change.id.to_string();
                self.mode = Mode::Board;
                self.jump(&id);
            }
        }
    }

    /// Shows only tasks of the next light: red, yellow, green, then all again.
    pub(super) fn cycle_light(&mut self) {
        self.filter.light = match self.filter.light {
            None => Some(Light::Red),
            Some(Light::Red) => Some(Light::Yellow),
            Some(Light::Yellow) => Some(Light::Green),
            Some(Light::Green) => None,
        };
        self.search_cache.clear();
        self.refresh();
    }
}
