//! Moving through the board: rows, pages, jumps to a task number, and the
//! meeting's date.

use chrono::Datelike;

use crate::filter::Filter;
use crate::ui::layout;

use super::{App, Message, TextInput};

impl App {
    /// Records from now on at the meeting of the typed date: `2021-10-18`, or
    /// `10-18` in the current meeting's year.
    pub(super) fn choose_meeting(&mut self, typed: &str) {
        let typed = typed.trim().replace(['/', '.'], "-");
        let full = if typed.matches('-').count() == 1 {
            format!("{}-{typed}", self.meeting.year())
        } else {
            typed
        };
        match crate::model::parse_date(&full) {
            Ok(date) => {
                self.meeting = date;
                self.restand();
                self.search_cache.clear();
                self.refresh();
                let week = crate::model::week_label(date);
                self.message = Some(Message::Info(format!("调度会日期：{full}（{week}）")));
            }
            Err(problem) => self.message = Some(Message::Error(problem)),
        }
    }

    /// Moves the selection to the number typed so far, so the room sees the row
    /// as the number is read out; Enter confirms, Esc goes back.
    pub(super) fn preview_jump(&mut self) {
        let Ok(id) = self.input.value().trim().parse::<u32>() else {
            return;
        };
        let tasks = &self.list.tasks;
        if let Some(row) = self.visible.iter().position(|&i| tasks[i].id == id) {
            self.selected = row;
            self.centre_selected();
        }
    }

    /// Jumps to the task with the typed number, clearing filters that hide it.
    pub(super) fn jump(&mut self, typed: &str) {
        let Ok(id) = typed.parse::<u32>() else {
            if !typed.is_empty() {
                self.message = Some(Message::Error(format!("“{typed}”不是任务序号，请输入数字")));
            }
            return;
        };
        let Some(index) = self.list.tasks.iter().position(|t| t.id == id) else {
            let last = self.list.tasks.iter().map(|t| t.id).max().unwrap_or(0);
            self.message = Some(Message::Error(format!(
                "没有第 {id} 项（序号 1 至 {last}）"
            )));
            return;
        };
        if !self.visible.contains(&index) {
            self.filter = Filter::default();
            self.input = TextInput::prompt("");
            self.search_cache.clear();
            self.refresh();
            self.message = Some(Message::Info(format!("已清除筛选，显示第 {id} 项")));
        }
        if let Some(row) = self.visible.iter().position(|&i| i == index) {
            self.selected = row;
            self.centre_selected();
        }
    }

    pub(super) fn move_by(&mut self, step: isize) {
        let last = self.visible.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(step).min(last);
        self.scroll_to_selected();
    }

    /// Whether the header has a second line for the filters and sort order.
    pub fn has_filter_line(&self) -> bool {
        self.filter.is_active() || self.sort_by_light
    }

    /// The header's lines: the title, then the read-only banner and the
    /// filters when there are any.
    pub fn header_rows(&self) -> u16 {
        1 + u16::from(self.read_only.is_some()) + u16::from(self.has_filter_line())
    }

    /// The number of table rows on screen.
    pub fn page(&self) -> usize {
        layout::board_rows(self.size, self.header_rows()).max(1)
    }

    pub(super) fn scroll_to_selected(&mut self) {
        let page = self.page();
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + page {
            self.offset = self.selected + 1 - page;
        }
        let most = self.visible.len().saturating_sub(page);
        self.offset = self.offset.min(most);
    }

    /// Scrolls so the selected row is in the middle of the table, where the room
    /// finds a task that was just called out; at the ends of the list it stays
    /// as close to the middle as the rows allow.
    pub(super) fn centre_selected(&mut self) {
        let page = self.page();
        let most = self.visible.len().saturating_sub(page);
        self.offset = self.selected.saturating_sub(page / 2).min(most);
    }
}
