//! Recording updates, undoing and redoing them, and saving after each.

use crate::keymap::Action;
use crate::model::{State, Status, Update};
use crate::storage::write_html_report;

use super::{App, Message, Mode};

impl App {
    /// Records a status for the selected task at the meeting's date.
    pub(super) fn record_status(&mut self, status: Status) {
        let Some(task) = self.selected_task().map(|t| t.id) else {
            return;
        };
        let update = Update {
            task,
            date: self.meeting,
            status,
            progress: None,
            note: String::new(),
        };
        let what = format!("第 {task} 项：{}", status.label());
        self.commit(update, what);
    }

    /// Records the note form's note and progress for the selected task, keeping
    /// its status.
    pub(super) fn record_note(&mut self) {
        let Some(form) = &self.note else {
            self.mode = Mode::Board;
            return;
        };
        let progress = match form.parsed_progress() {
            Ok(progress) => progress,
            Err(problem) => {
                self.message = Some(Message::Error(problem));
                return;
            }
        };
        let note = crate::text::sanitize(form.note.value()).trim().to_string();
        self.note = None;
        self.mode = Mode::Board;
        let Some(task) = self.selected_task().map(|t| t.id) else {
            return;
        };
        if progress.is_none() && note.is_empty() {
            return;
        }
        // A progress above zero on a task never started means work has begun.
        let before = self.standing(task).status;
        let started = before == Status::NotStarted && progress.is_some_and(|p| p > 0);
        let status = if started { Status::InProgress } else { before };
        let what = match progress {
            Some(p) if started => format!("第 {task} 项：进度 {p}%，{}", status.label()),
            Some(p) => format!("第 {task} 项：进度 {p}%"),
            None => format!("第 {task} 项：进展说明"),
        };
        let update = Update {
            task,
            date: self.meeting,
            status,
            progress,
            note,
        };
        self.commit(update, what);
    }

    /// Writes the summary sheet of the meeting into the workspace's reports
    /// folder and says where.
    pub(super) fn write_report(&mut self) {
        let Some(workspace) = &self.workspace else {
            self.message = Some(Message::Error("没有打开工作区，无法生成通报".to_string()));
            return;
        };
        let (list, state, rules) = (&self.list, &self.state, &self.rules);
        let written = write_html_report(workspace.dir(), list, state, rules, self.meeting);
        self.message = Some(match written {
            Ok(path) => {
                let key = self.keymap.key_of(Mode::Board, Action::OpenReport);
                let hint = key.map(|k| format!("（按 {k} 打开）")).unwrap_or_default();
                let done = format!("已生成调度通报：{}{hint}", path.display());
                self.last_report = Some(path);
                Message::Info(done)
            }
            Err(error) => Message::Error(error.short()),
        });
    }

    /// Opens the summary sheet written last with the system's default program.
    pub(super) fn open_report(&mut self) {
        let Some(path) = &self.last_report else {
            let key = self.keymap.key_of(Mode::Board, Action::Report);
            let key = key.map(|k| k.to_string()).unwrap_or_default();
            self.message = Some(Message::Error(format!("还没有生成通报；先按 {key}")));
            return;
        };
        self.message = Some(match opener::open(path) {
            Ok(()) => Message::Info(format!("已用默认程序打开 {}", path.display())),
            Err(error) => Message::Error(format!(
                "无法打开 {}：{error}。请在文件管理器中打开它",
                path.display()
            )),
        });
    }

    /// Undoes the last change of the session, and saves.
    pub(super) fn undo(&mut self) {
        if self.refuse_when_read_only() {
            return;
        }
        let current = self.state.clone();
        match self.history.undo(current) {
            // An update edited outside since, and merged in, is the edit's now.
            Some((before, what)) if before == self.state => {
                self.message = Some(Message::Info(format!(
                    "{what} 已被在督办之外的改动取代，撤销它没有改变什么"
                )));
            }
            Some((before, what)) => self.replace_state(before, format!("已撤销 {what}")),
            None => self.message = Some(Message::Info("没有可撤销的操作".to_string())),
        }
    }

    /// Redoes the last undone change, and saves.
    pub(super) fn redo(&mut self) {
        if self.refuse_when_read_only() {
            return;
        }
        let current = self.state.clone();
        match self.history.redo(current) {
            Some((after, what)) if after == self.state => {
                self.message = Some(Message::Info(format!(
                    "{what} 已被在督办之外的改动取代，重做它没有改变什么"
                )));
            }
            Some((after, what)) => self.replace_state(after, format!("已重做 {what}")),
            None => self.message = Some(Message::Info("没有可重做的操作".to_string())),
        }
    }

    fn commit(&mut self, update: Update, what: String) {
        if self.refuse_when_read_only() {
            return;
        }
        self.history.push(self.state.clone(), what.clone());
        self.state.record(update);
        self.after_change(format!("已记录 {what}"));
    }

    fn replace_state(&mut self, state: State, done: String) {
        self.state = state;
        self.after_change(done);
    }

    /// Says why nothing can be recorded when another program holds the
    /// workspace; true then.
    pub(super) fn refuse_when_read_only(&mut self) -> bool {
        let Some(holder) = &self.read_only else {
            return false;
        };
        let why = format!("只读：工作区正由另一个督办程序使用（{holder}），请在那里记录");
        self.message = Some(Message::Error(why));
        true
    }

    /// Saves, refreshes what depends on the state, and says what happened.
    fn after_change(&mut self, done: String) {
        self.restand();
        if self.filter.status.is_some() || self.filter.light.is_some() || self.sort_by_light {
            self.search_cache.clear();
            self.refresh();
        }
        self.message = Some(Message::Info(done));
        self.save();
    }

    /// Saves the state, if there is a workspace; a failure is shown and kept in
    /// mind, so that quitting does not silently drop what the disk lacks.
    fn save(&mut self) -> bool {
        let Some(workspace) = &self.workspace else {
            return true;
        };
        match workspace.save_state(&self.list, &self.state) {
            Ok(saved) => {
                self.unsaved = false;
                self.quit_armed = false;
                if let Some(merged) = saved.merged {
                    self.history.rebase(|state| merged.apply(state));
                    self.state = merged.state;
                    self.restand();
                    self.search_cache.clear();
                    self.refresh();
                    let kept = saved.changed_outside.as_deref().and_then(|p| p.file_name());
                    let name = kept.unwrap_or_default().to_string_lossy();
                    let warning = format!(
                        "已保存，并合并了在督办之外对 state.ron 的改动（改动后的原文件存为 \
                         backups/{name}）"
                    );
                    self.message = Some(Message::Error(warning));
                }
            }
            Err(error) => {
                self.unsaved = true;
                self.message = Some(Message::Error(error.short()));
            }
        }
        !self.unsaved
    }

    /// Quits, unless changes are unsaved and saving still fails: then it says
    /// so, and only a second quit leaves without them.
    pub(super) fn quit_if_saved(&mut self) {
        if !self.unsaved || self.quit_armed || self.save() {
            self.quit = true;
            return;
        }
        self.quit_armed = true;
        let problem = self.message.take().map(|m| match m {
            Message::Error(text) | Message::Info(text) => text,
        });
        let problem = problem.unwrap_or_default();
        // Before the secretary can leave, the records go somewhere.
        let rescued = self.workspace.as_ref().map(|w| w.rescue(&self.state));
        let quit = self.keymap.key_of(Mode::Board, Action::Quit);
        let quit = quit.map(|k| format!(" {k} ")).unwrap_or_default();
        let warning = match rescued {
            Some(Ok(path)) => {
                let said = format!(
                    "全部记录已另存为 {}（duban restore 可放回）；再按一次{quit}退出。{problem}",
                    path.display()
                );
                self.rescued = Some(path);
                said
            }
            _ => format!("{problem}。再按一次{quit}退出将放弃未保存的记录"),
        };
        self.message = Some(Message::Error(warning));
    }
}
