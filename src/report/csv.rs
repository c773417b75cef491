//! The sheet as CSV for Excel on a Chinese Windows (PITFALLS 18): UTF-8 with a
//! byte-order mark, so Excel does not read it in the local code page; every
//! cell that begins with `=`, `+`, `-` or `@` prefixed with `'`, so no cell runs
//! as a formula; and task numbers written as text (第38项), so Excel neither
//! turns them into numbers nor reformats them.
//!
//! A spreadsheet wants one flat table, so the CSV is the ledger (台账) behind
//! the bulletin: every task with its light and reasons, which Excel can filter
//! to the problems. With [`Kind::ByUnit`], one row per unit and task, the
//! unit's name and role first.

use super::layout;
use super::{Kind, Report, TaskRow};

/// The byte-order mark that tells Excel the file is UTF-8.
pub(super) const BOM: &str = "\u{feff}";

/// The columns of every row about a task.
const TASK_HEADER: [&str; 11] = [
    "序号",
    "类别",
    "主要任务",
    "责任单位",
    "状态",
    "进度",
    "灯",
    "原因",
    "最新进展日期",
    "最新进展",
    "评定日期",
];

/// The file's bytes.
pub(super) fn render(report: &Report, kind: Kind) -> Vec<u8> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let date = report.date.format("%Y-%m-%d").to_string();
    match kind {
        Kind::Bulletin => {
            rows.push(TASK_HEADER.iter().map(|h| h.to_string()).collect());
            rows.extend(report.tasks.iter().map(|t| task_cells(t, &date)));
        }
        Kind::ByUnit => {
            let mut header = vec!["责任单位".to_string(), "角色".to_string()];
            header.extend(TASK_HEADER.iter().map(|h| h.to_string()));
            rows.push(header);
            for unit in &report.units {
                for (role, task) in &unit.tasks {
                    let mut cells = vec![unit.name.clone(), role.label().to_string()];
                    cells.extend(task_cells(task, &date));
                    rows.push(cells);
                }
            }
        }
    }
    write(&rows)
}

/// A task's cells, before neutralising.
fn task_cells(task: &TaskRow, date: &str) -> Vec<String> {
    let (noted, note) = task
        .note
        .as_ref()
        .map_or((String::new(), String::new()), |(d, n)| {
            (d.format("%Y-%m-%d").to_string(), n.clone())
        });
    vec![
        task_number(task.id),
        task.category.clone(),
        task.content.clone(),
        task.units.clone(),
        task.status.label().to_string(),
        task.progress.map_or(String::new(), |p| format!("{p}%")),
        layout::light_word(task.light).to_string(),
        task.reasons.clone(),
        noted,
        note,
        date.to_string(),
    ]
}

/// A task number as text Excel keeps as it is: 第38项.
pub(super) fn task_number(id: u32) -> String {
    format!("第{id}项")
}

/// A cell that cannot run as a formula: one beginning with `=`, `+`, `-` or
/// `@` (or a tab or carriage return, which some spreadsheets skip before
/// reading a formula) gets a leading `'`.
pub(super) fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

/// The rows as CSV after the byte-order mark, every cell neutralised.
fn write(rows: &[Vec<String>]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.as_bytes().to_vec());
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| neutralise(c)).collect();
        // Writing into memory cannot fail: the only errors are the writer's I/O.
        writer
            .write_record(&cells)
            .expect("writing CSV into memory cannot fail");
    }
    writer
        .into_inner()
        .expect("flushing CSV into memory cannot fail")
}
