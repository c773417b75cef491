//! Building a [`Report`] from the list, its state and the rules at a date.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{ChangeRow, Counts, InterviewRow, Overview, Report, TaskRow, UnitPage, layout};
use crate::model::{Role, State, Task, TaskList};
use crate::rules::{Evaluation, Light, Move, Rules, RulesConfig};

/// The report at `date`; see [`Report::build`].
pub(super) fn report(
    list: &TaskList,
    state: &State,
    config: &RulesConfig,
    date: NaiveDate,
) -> Report {
    let rules = Rules::new(list, state, config);
    let evaluation = rules.evaluate(date);
    let rows = task_rows(list, state, &evaluation);
    let by_id: HashMap<u32, &TaskRow> = rows.iter().map(|r| (r.id, r)).collect();

    let mut problems: Vec<TaskRow> = rows
        .iter()
        .filter(|r| matches!(r.light, Some(Light::Red | Light::Yellow)))
        .cloned()
        .collect();
    // Red before yellow; the sort is stable, so each stays in number order.
    problems.sort_by_key(|r| r.light != Some(Light::Red));

    let interview_list = rules.interview_list(date);
    let interviews = interview_list
        .entries
        .iter()
        .filter_map(|entry| {
            let unit = &entry.unit;
            Some(InterviewRow {
                rank: entry.rank,
                unit: unit.name.clone(),
                level: unit.level?,
                red: unit.red,
                yellow: unit.yellow,
                movement: movement(entry.movement),
                reasons: unit.reasons_text(),
            })
        })
        .collect();

    let changes = evaluation
        .changes()
        .changed
        .iter()
        .map(|c| ChangeRow {
            id: c.id,
            content: by_id
                .get(&c.id)
                .map_or(String::new(), |r| r.content.clone()),
            before: c.before,
            after: c.after,
        })
        .collect();

    let units = rules
        .units(&evaluation)
        .into_iter()
        .map(|unit| UnitPage {
            reasons: unit.reasons_text(),
            level: unit.level,
            tasks: unit
                .tasks
                .iter()
                .filter_map(|t| Some((t.role, (*by_id.get(&t.id)?).clone())))
                .collect(),
            name: unit.name,
        })
        .collect();

    Report {
        list_title: list.title.clone(),
        date,
        meeting: evaluation.this_meeting(),
        previous: evaluation.previous_meeting(),
        overview: overview(list, &rows),
        problems,
        interviews,
        left: interview_list.left,
        changes,
        units,
        tasks: rows,
    }
}

/// Every task of the list as the sheet shows it, in list order.
fn task_rows(list: &TaskList, state: &State, evaluation: &Evaluation) -> Vec<TaskRow> {
    let date = evaluation.date;
    let standings = state.standings(Some(date));
    list.tasks
        .iter()
        .map(|task| {
            let standing = standings.get(&task.id).copied().unwrap_or_default();
            let light = evaluation.light(task.id);
            TaskRow {
                id: task.id,
                category: task.category.clone(),
                content: task.content.clone(),
                units: units_text(task),
                status: standing.status,
                progress: standing.progress,
                light: light.and_then(|l| l.light),
                reasons: light.map_or(String::new(), |l| l.reasons_text()),
                note: latest_note(state, task.id, date),
            }
        })
        .collect()
}

/// The units joined with 、, each marked with its role unless responsible:
/// 市大数据局（牵头）、市公安局、市财政局（配合）.
fn units_text(task: &Task) -> String {
    let names: Vec<String> = task
        .units
        .iter()
        .map(|a| match a.role {
            Role::Responsible => a.name.clone(),
            role => format!("{}（{}）", a.name, role.label()),
        })
        .collect();
    names.join("、")
}

/// The latest non-empty note of a task on or before `date`, with its date.
fn latest_note(state: &State, task: u32, date: NaiveDate) -> Option<(NaiveDate, String)> {
    let updates = state.updates_of(task);
    let dated = updates.into_iter().filter(|u| u.date <= date);
    // Among one date's updates, the one recorded last is the latest.
    let noted = dated.rev().find(|u| !u.note.trim().is_empty())?;
    Some((noted.date, noted.note.clone()))
}

/// The counts per category in the list's order, and over the whole list.
fn overview(list: &TaskList, rows: &[TaskRow]) -> Overview {
    let count = |name: &str, rows: &mut dyn Iterator<Item = &TaskRow>| {
        let mut counts = Counts {
            name: name.to_string(),
            ..Counts::default()
        };
        for row in rows {
            counts.tasks += 1;
            match row.light {
                Some(Light::Red) => counts.red += 1,
                Some(Light::Yellow) => counts.yellow += 1,
                Some(Light::Green) => counts.green += 1,
                None => counts.done += 1,
            }
        }
        counts
    };
    let categories = list
        .categories
        .iter()
        .map(|c| count(&c.short, &mut rows.iter().filter(|r| r.category == c.short)))
        .collect();
    Overview {
        categories,
        total: count(layout::TOTAL, &mut rows.iter()),
    }
}

/// A move as the sheet shows it: 上升（原 3）.
fn movement(movement: Move) -> String {
    match movement {
        Move::Up { from } | Move::Down { from } => format!("{}（原 {from}）", movement.label()),
        other => other.label().to_string(),
    }
}
