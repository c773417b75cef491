//! `duban warnings`: the interview list (约谈预警名单) at a date, as a table,
//! TSV or JSON.
//!
//! The list itself is [`crate::rules`]'s; this file only lays it out.

use std::io::Write;

use chrono::NaiveDate;

use crate::model::week_label;
use crate::rules::{InterviewEntry, InterviewList, Light, Move, Rules};
use crate::storage::Loaded;
use crate::text;

use super::{CliError, Format, WarningsArgs, output};

/// The table's title.
const TITLE: &str = "约谈预警名单";
/// The table's line when no unit is listed.
const NONE_LISTED: &str = "没有需要提醒、预警或约谈的单位。";

/// The most cells the table gives the task numbers; the reasons after them
/// name every task again, and TSV and JSON keep them all.
const TASKS_WIDTH: usize = 30;

/// The TSV header: ASCII names for scripts.
const TSV_HEADER: [&str; 11] = [
    "rank", "unit", "level", "red", "yellow", "streak", "overdue", "move", "previous", "tasks",
    "reasons",
];
/// The table's header, in the words of the meeting.
const TABLE_HEADER: [&str; 11] = [
    "名次",
    "责任单位",
    "等级",
    "红灯",
    "黄灯",
    "连续红灯",
    "逾期天数",
    "变化",
    "上次等级",
    "任务",
    "原因",
];

/// Runs `duban warnings` at `--as-of` (today).
pub fn run(args: &WarningsArgs, loaded: &Loaded, out: &mut dyn Write) -> Result<(), CliError> {
    let date = args.as_of.unwrap_or_else(super::today);
    let rules = Rules::new(&loaded.tasks, &loaded.state, &loaded.config.rules);
    let list = rules.interview_list(date);
    match args.format {
        Format::Json => output::json(&list, out),
        Format::Tsv => {
            let rows: Vec<Vec<String>> = list.entries.iter().map(|e| row(e, false)).collect();
            output::tsv(&TSV_HEADER, &rows, out)
        }
        Format::Table => {
            let held = rules.meetings().iter().rev().find(|m| **m <= date);
            write_table(&list, held.copied(), out)
        }
    }
}

/// One unit's cells. A table shows where a unit moved from and cuts a long
/// run of task numbers; TSV keeps the move's bare word and every number.
fn row(entry: &InterviewEntry, table: bool) -> Vec<String> {
    let unit = &entry.unit;
    let lit = unit.accountable_tasks().filter(|t| {
        let light = t.light.light;
        light == Some(Light::Red) || light == Some(Light::Yellow)
    });
    let tasks: Vec<String> = lit.map(|t| t.id.to_string()).collect();
    let max = if table { TASKS_WIDTH } else { usize::MAX };
    let movement = match entry.movement {
        Move::Up { from } | Move::Down { from } if table => {
            format!("{}（原 {from}）", entry.movement.label())
        }
        other => other.label().to_string(),
    };
    vec![
        entry.rank.to_string(),
        unit.name.clone(),
        unit.level.map_or("", |l| l.label()).to_string(),
        unit.red.to_string(),
        unit.yellow.to_string(),
        unit.streak.to_string(),
        unit.days_overdue.to_string(),
        movement,
        entry.previous_level.map_or("", |l| l.label()).to_string(),
        numbers_within(&tasks, max),
        unit.reasons_text(),
    ]
}

/// Task numbers joined with 、, as many whole ones as fit in `max` cells, then
/// an ellipsis when any were left out.
fn numbers_within(numbers: &[String], max: usize) -> String {
    let all = numbers.join("、");
    if text::width(&all) <= max {
        return all;
    }
    let room = max.saturating_sub(text::width(text::ELLIPSIS));
    let mut shown = String::new();
    for number in numbers {
        let next = if shown.is_empty() {
            number.clone()
        } else {
            format!("{shown}、{number}")
        };
        if text::width(&next) > room {
            break;
        }
        shown = next;
    }
    shown + text::ELLIPSIS
}

/// The title line, the units lined up, and the units that left the list.
fn write_table(
    list: &InterviewList,
    this_meeting: Option<NaiveDate>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    writeln!(out, "{}", title(list, this_meeting))?;
    if list.entries.is_empty() {
        writeln!(out, "{NONE_LISTED}")?;
    } else {
        let rows: Vec<Vec<String>> = list.entries.iter().map(|e| row(e, true)).collect();
        output::table(&TABLE_HEADER, &rows, out)?;
    }
    if !list.left.is_empty() {
        writeln!(out, "不再列入：{}", list.left.join("、"))?;
    }
    Ok(())
}

/// 约谈预警名单 2021-10-18（2021-W42） 本次调度会 … 上次调度会 …
fn title(list: &InterviewList, this_meeting: Option<NaiveDate>) -> String {
    let dated = |day: NaiveDate| format!("{}（{}）", day.format("%Y-%m-%d"), week_label(day));
    let mut title = format!("{TITLE} {}", dated(list.date));
    match this_meeting {
        Some(day) => title.push_str(&format!(" 本次调度会 {}", dated(day))),
        None => title.push_str(" 尚未召开调度会"),
    }
    if let Some(day) = list.previous {
        title.push_str(&format!(" 上次调度会 {}", dated(day)));
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_runs_of_task_numbers_are_cut_between_numbers() {
        let numbers: Vec<String> = (10..30).map(|n| n.to_string()).collect();
        let cut = numbers_within(&numbers, 12);
        assert_eq!(cut, "10、11、12⋯");
        assert!(text::width(&cut) <= 12);
        assert_eq!(numbers_within(&numbers[..2], 12), "10、11");
        assert_eq!(
            numbers_within(&numbers, usize::MAX).matches('、').count(),
            19
        );
    }
}
