//! The summary sheet of a meeting (调度通报): a [`Report`] model built from the
//! list, its state and the rules at a date, and renderers that turn it into text.
//!
//! Everything here is pure: no files, no terminal. The command line
//! (`duban report`) and [`crate::storage::write_html_report`] do the writing.
//!
//! A report follows the order a bulletin customarily takes: the title with the
//! meeting's date and ISO week; overall progress per category and light; the
//! problems (every red and yellow task); the interview list (约谈预警名单); what
//! changed since the previous meeting. [`Kind::ByUnit`] instead gives one page
//! per unit with just its tasks, to send to it.
//!
//! Files: `build` (the model from the rules), `layout` (the pages, headings and
//! tables that html, md and txt all render, so they carry the same content),
//! `html` (one self-contained file for paper), `md`, `txt` (columns lined up by
//! display width), `csv` (for Excel on a Chinese Windows), `tests`.

mod build;
mod csv;
mod html;
mod layout;
mod md;
mod txt;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use crate::model::{Role, Status};
use crate::rules::{Level, Light};

/// The summary sheet of one meeting, in the order a bulletin takes.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The list's title: 2021年数字威海建设重点任务清单.
    pub list_title: String,
    /// The date D the rules were evaluated at.
    pub date: NaiveDate,
    /// This meeting: the latest held on or before D, if any.
    pub meeting: Option<NaiveDate>,
    /// The meeting before it, which "changes" compare with.
    pub previous: Option<NaiveDate>,
    /// Overall progress: counts per category and light.
    pub overview: Overview,
    /// Every red and yellow task, red first, then by number.
    pub problems: Vec<TaskRow>,
    /// The interview list: units at some warning level, ranked.
    pub interviews: Vec<InterviewRow>,
    /// Units on the previous meeting's list that are no longer on it.
    pub left: Vec<String>,
    /// Tasks whose light changed since the previous meeting, in list order.
    pub changes: Vec<ChangeRow>,
    /// Every task in list order: the ledger behind the sheet, which CSV writes.
    pub tasks: Vec<TaskRow>,
    /// One page per unit named in the list, in the order the list first names it.
    pub units: Vec<UnitPage>,
}

/// Overall progress (总体进展): the tasks counted per category and light.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overview {
    /// One row per category, in the list's order.
    pub categories: Vec<Counts>,
    /// The whole list.
    pub total: Counts,
}

/// How many tasks of a group are at each light, and how many are done.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// The group's name: a category's short label, or 合计.
    pub name: String,
    /// All its tasks.
    pub tasks: usize,
    /// Red tasks.
    pub red: usize,
    /// Yellow tasks.
    pub yellow: usize,
    /// Green tasks.
    pub green: usize,
    /// Done (closed) tasks.
    pub done: usize,
}

impl Counts {
    /// The share done, in whole percent (0 for an empty group).
    pub fn done_percent(&self) -> usize {
        (self.done * 100 + self.tasks / 2)
            .checked_div(self.tasks)
            .unwrap_or(0)
    }
}

/// One task as the sheet shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskRow {
    /// The task's number (序号).
    pub id: u32,
    /// Its category's short label.
    pub category: String,
    /// What is to be done.
    pub content: String,
    /// Its units, each with its role where it is not simply responsible.
    pub units: String,
    /// Its status at D.
    pub status: Status,
    /// Its latest progress at D, if any was reported.
    pub progress: Option<u8>,
    /// Its light at D; `None` when done.
    pub light: Option<Light>,
    /// The reasons that lit it, joined with ；.
    pub reasons: String,
    /// Its latest note on or before D, with the date it was recorded.
    pub note: Option<(NaiveDate, String)>,
}

/// One unit on the interview list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InterviewRow {
    /// Its place, from 1.
    pub rank: usize,
    /// The unit's name.
    pub unit: String,
    /// Its warning level.
    pub level: Level,
    /// Its red and yellow accountable tasks.
    pub red: usize,
    /// Yellow accountable tasks.
    pub yellow: usize,
    /// Its move since the previous meeting: 新增, 上升（原 3）…
    pub movement: String,
    /// The reasons for its level, joined with ；.
    pub reasons: String,
}

/// One task whose light changed since the previous meeting.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeRow {
    /// The task's number.
    pub id: u32,
    /// What is to be done.
    pub content: String,
    /// Its light at the previous meeting; `None` when done then.
    pub before: Option<Light>,
    /// Its light now; `None` when done.
    pub after: Option<Light>,
}

/// One unit's own page: its level and every task that names it.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitPage {
    /// The unit's name.
    pub name: String,
    /// Its warning level, if any.
    pub level: Option<Level>,
    /// The reasons for it, joined with ；.
    pub reasons: String,
    /// Its tasks in list order, each with the unit's role on it.
    pub tasks: Vec<(Role, TaskRow)>,
}

/// Which sheet to render.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Kind {
    /// The bulletin of the meeting.
    #[default]
    Bulletin,
    /// One page per unit with just its tasks.
    ByUnit,
}

/// The formats a report renders to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// One self-contained HTML file made for paper (A4).
    #[default]
    Html,
    /// Markdown.
    Md,
    /// Plain text, columns lined up by display width.
    Txt,
    /// CSV for Excel: UTF-8 with a byte-order mark, formulas neutralised.
    Csv,
}

impl Report {
    /// The report of the list and its state at `date`, by the rules' settings.
    pub fn build(
        list: &crate::model::TaskList,
        state: &crate::model::State,
        config: &crate::rules::RulesConfig,
        date: NaiveDate,
    ) -> Report {
        build::report(list, state, config, date)
    }

    /// The report rendered in `format`, as the bytes of a file.
    pub fn render(&self, format: Format, kind: Kind) -> Vec<u8> {
        match format {
            Format::Html => html::render(self, kind).into_bytes(),
            Format::Md => md::render(self, kind).into_bytes(),
            Format::Txt => txt::render(self, kind).into_bytes(),
            Format::Csv => csv::render(self, kind),
        }
    }
}

/// Escapes text for HTML element content and quoted attribute values: `&`, `<`,
/// `>`, `"` and `'` become character references, so user text is never markup.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
