//! The sheet as pages of headings, paragraphs and tables of plain text, with
//! every heading and label in one place.
//!
//! html, md and txt each render these same pages, which is what makes them
//! carry the same content; they differ only in markup. Text here is never
//! escaped: each renderer escapes for its own format.

use chrono::NaiveDate;

use super::{Kind, Report, TaskRow, UnitPage};
use crate::labels;
use crate::model::week_label;
use crate::rules::Light;

/// The name of the whole list's row in the overview.
pub(super) const TOTAL: &str = "合计";
/// The bulletin's name, after the list's title.
const BULLETIN: &str = "调度通报";
/// The heading of a unit's own page, before its name.
const UNIT_PAGE: &str = "单位任务通报";

/// One printed page (or section of pages): a title, lines under it, and blocks.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Page {
    /// The title.
    pub title: String,
    /// Lines under the title: the meeting's date and week.
    pub subtitle: Vec<String>,
    /// The body, in order.
    pub blocks: Vec<Block>,
}

/// One part of a page's body.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Block {
    /// A section heading: 一、总体进展.
    Heading(String),
    /// A paragraph of running text.
    Paragraph(String),
    /// A table with one header row.
    Table(Table),
}

/// A table of cells, with one header row.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Table {
    /// The column headings.
    pub header: Vec<&'static str>,
    /// What each column holds, which decides wrapping and alignment.
    pub columns: Vec<Column>,
    /// The rows, each with one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Column {
    /// A number, a date, a status or a word: never broken across lines.
    Short,
    /// Running text, wrapped where it must be.
    Text,
}

/// One table cell.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Cell {
    /// Text as it is.
    Text(String),
    /// A light, or done when `None`: each renderer adds its symbol and style.
    Light(Option<Light>),
    /// Text after the date it was recorded (a note); empty when there is none.
    /// The date is kept whole on paper.
    Dated(Option<(NaiveDate, String)>),
}

impl Cell {
    fn text(text: impl Into<String>) -> Cell {
        Cell::Text(text.into())
    }
}

/// The word for a light, or 已完成 for a done task.
pub(super) fn light_word(light: Option<Light>) -> &'static str {
    light.map_or(crate::model::Status::Done.label(), Light::label)
}

/// The pages of the report: one for the bulletin, or one per unit.
pub(super) fn pages(report: &Report, kind: Kind) -> Vec<Page> {
    match kind {
        Kind::Bulletin => vec![bulletin(report)],
        Kind::ByUnit => report.units.iter().map(|u| unit_page(report, u)).collect(),
    }
}

/// 2021年数字威海建设重点任务调度通报
fn title(report: &Report) -> String {
    let list = report.list_title.trim();
    format!("{}{BULLETIN}", list.strip_suffix("清单").unwrap_or(list))
}

/// 2021年10月18日
fn chinese_date(day: NaiveDate) -> String {
    day.format("%Y年%-m月%-d日").to_string()
}

/// The meeting's date and week, and the previous meeting's.
fn subtitle(report: &Report) -> Vec<String> {
    let mut lines = Vec::new();
    match report.meeting {
        Some(day) => lines.push(format!(
            "{}：{}（{}）",
            labels::MEETING,
            chinese_date(day),
            week_label(day)
        )),
        None => lines.push(format!("截至{}，尚未召开调度会", chinese_date(report.date))),
    }
    let mut second = format!("评定日期：{}", report.date.format("%Y-%m-%d"));
    if let Some(day) = report.previous {
        second.push_str(&format!("　上次调度会：{}", day.format("%Y-%m-%d")));
    }
    lines.push(second);
    lines
}

fn bulletin(report: &Report) -> Page {
    let mut blocks = vec![
        Block::Heading("一、总体进展".to_string()),
        Block::Paragraph(overview_sentence(report)),
        Block::Table(overview_table(report)),
        Block::Heading("二、存在问题（红灯、黄灯任务）".to_string()),
    ];
    if report.problems.is_empty() {
        blocks.push(Block::Paragraph("没有红灯、黄灯任务。".to_string()));
    } else {
        blocks.push(Block::Table(problem_table(&report.problems)));
    }

    blocks.push(Block::Heading(format!("三、{}", labels::WARNINGS_TITLE)));
    if report.interviews.is_empty() {
        blocks.push(Block::Paragraph(labels::NO_WARNINGS.to_string()));
    } else {
        blocks.push(Block::Table(interview_table(report)));
    }
    if !report.left.is_empty() {
        let left = report.left.join("、");
        blocks.push(Block::Paragraph(format!("不再列入：{left}。")));
    }

    blocks.push(Block::Heading(format!("四、{}", labels::CHANGES_TITLE)));
    if report.previous.is_none() {
        let none = "仅召开一次或尚未召开调度会，暂无可比较的上次调度会。";
        blocks.push(Block::Paragraph(none.to_string()));
    } else if report.changes.is_empty() {
        blocks.push(Block::Paragraph(labels::NO_CHANGES.to_string()));
    } else {
        blocks.push(Block::Table(change_table(report)));
    }
    Page {
        title: title(report),
        subtitle: subtitle(report),
        blocks,
    }
}

/// 全部 90 项任务中，已完成 3 项（占 3%）；红灯 2 项，黄灯 10 项，绿灯 75 项。
fn overview_sentence(report: &Report) -> String {
    let t = &report.overview.total;
    format!(
        "全部 {} 项任务中，已完成 {} 项（占 {}%）；红灯 {} 项，黄灯 {} 项，绿灯 {} 项。",
        t.tasks,
        t.done,
        t.done_percent(),
        t.red,
        t.yellow,
        t.green
    )
}

fn overview_table(report: &Report) -> Table {
    let overview = &report.overview;
    let rows = overview
        .categories
        .iter()
        .chain(std::iter::once(&overview.total))
        .map(|c| {
            let numbers = [c.tasks, c.red, c.yellow, c.green, c.done];
            let mut row = vec![Cell::text(&c.name)];
            row.extend(numbers.iter().map(|n| Cell::text(n.to_string())));
            row.push(Cell::text(format!("{}%", c.done_percent())));
            row
        })
        .collect();
    Table {
        header: vec!["类别", "任务数", "红灯", "黄灯", "绿灯", "已完成", "完成率"],
        columns: vec![Column::Short; 7],
        rows,
    }
}

/// The cells every task table shares, after its first columns.
fn task_cells(row: &TaskRow) -> Vec<Cell> {
    vec![
        Cell::Light(row.light),
        Cell::text(&row.content),
        Cell::text(row.status.label()),
        Cell::text(row.progress.map_or(String::new(), |p| format!("{p}%"))),
        Cell::text(&row.reasons),
        Cell::Dated(row.note.clone()),
    ]
}

/// 2021-10-18：the note's text, as md and txt show a dated cell.
pub(super) fn dated_text(dated: &Option<(NaiveDate, String)>) -> String {
    dated.as_ref().map_or(String::new(), |(day, note)| {
        format!("{}：{note}", day.format("%Y-%m-%d"))
    })
}

const TASK_HEADER: [&str; 6] = ["灯", "主要任务", "状态", "进度", "原因", "最新进展"];
const TASK_COLUMNS: [Column; 6] = [
    Column::Short,
    Column::Text,
    Column::Short,
    Column::Short,
    Column::Text,
    Column::Text,
];

fn problem_table(problems: &[TaskRow]) -> Table {
    let mut header = vec![labels::COL_ID];
    header.extend(TASK_HEADER);
    header.insert(3, labels::COL_UNITS);
    let mut columns = vec![Column::Short];
    columns.extend(TASK_COLUMNS);
    columns.insert(3, Column::Text);
    let rows = problems
        .iter()
        .map(|row| {
            let mut cells = vec![Cell::text(row.id.to_string())];
            cells.extend(task_cells(row));
            cells.insert(3, Cell::text(&row.units));
            cells
        })
        .collect();
    Table {
        header,
        columns,
        rows,
    }
}

fn interview_table(report: &Report) -> Table {
    let rows = report
        .interviews
        .iter()
        .map(|r| {
            vec![
                Cell::text(r.rank.to_string()),
                Cell::text(&r.unit),
                Cell::text(r.level.label()),
                Cell::text(r.red.to_string()),
                Cell::text(r.yellow.to_string()),
                Cell::text(&r.movement),
                Cell::text(&r.reasons),
            ]
        })
        .collect();
    let mut columns = vec![Column::Short; 7];
    columns[1] = Column::Text;
    columns[6] = Column::Text;
    Table {
        header: vec![
            "名次",
            labels::COL_UNITS,
            "等级",
            "红灯",
            "黄灯",
            "变化",
            "原因",
        ],
        columns,
        rows,
    }
}

fn change_table(report: &Report) -> Table {
    let rows = report
        .changes
        .iter()
        .map(|c| {
            vec![
                Cell::text(c.id.to_string()),
                Cell::text(&c.content),
                Cell::Light(c.before),
                Cell::Light(c.after),
            ]
        })
        .collect();
    Table {
        header: vec![labels::COL_ID, labels::COL_TASK, "上次", "本次"],
        columns: vec![Column::Short, Column::Text, Column::Short, Column::Short],
        rows,
    }
}

/// One unit's page: its level and reasons, and a table of its tasks.
fn unit_page(report: &Report, unit: &UnitPage) -> Page {
    let level = match unit.level {
        Some(level) => format!("预警等级：{}（{}）", level.label(), unit.reasons),
        None => "预警等级：无".to_string(),
    };
    let mut blocks = vec![Block::Paragraph(level)];
    let mut header = vec![labels::COL_ID, "角色"];
    header.extend(TASK_HEADER);
    let mut columns = vec![Column::Short, Column::Short];
    columns.extend(TASK_COLUMNS);
    let rows = unit
        .tasks
        .iter()
        .map(|(role, row)| {
            let mut cells = vec![Cell::text(row.id.to_string()), Cell::text(role.label())];
            cells.extend(task_cells(row));
            cells
        })
        .collect();
    blocks.push(Block::Table(Table {
        header,
        columns,
        rows,
    }));
    let mut subtitle = subtitle(report);
    subtitle.insert(0, title(report));
    Page {
        title: format!("{UNIT_PAGE}：{}", unit.name),
        subtitle,
        blocks,
    }
}
