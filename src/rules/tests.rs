//! Tests of the rules on small hand-built lists, each saying what it checks.
//!
//! Helpers here build lists, meetings and updates; the tests live beside them:
//! task lights in `lights`, unit levels and the interview list in `units`, and
//! several meetings in a row in `scenario`.

mod lights;
mod scenario;
mod units;

use chrono::{Days, NaiveDate};

use super::*;
use crate::model::{Assignment, Role, State, Status, Task, TaskList, Update};

/// A date of 2021, the plan's year.
fn day(month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, month, d).unwrap()
}

/// The date `days` after the plan's start (1 January 2021).
fn after_start(days: u64) -> NaiveDate {
    day(1, 1) + Days::new(days)
}

/// The weekly meeting `n` of a run starting on Monday 4 October 2021.
fn meeting(n: u64) -> NaiveDate {
    day(10, 4) + Days::new(7 * n)
}

/// The first `n` weekly meetings.
fn meetings(n: u64) -> Vec<NaiveDate> {
    (0..n).map(meeting).collect()
}

/// A task named on units in roles, with the plan's end as its deadline.
fn task(id: u32, units: &[(&str, Role)]) -> Task {
    Task {
        id,
        category: "数字政府".to_string(),
        content: format!("任务 {id}"),
        units: units
            .iter()
            .map(|(name, role)| Assignment {
                name: name.to_string(),
                role: *role,
            })
            .collect(),
        deadline: None,
        source_note: String::new(),
    }
}

/// A task led by one unit.
fn led(id: u32, unit: &str) -> Task {
    task(id, &[(unit, Role::Lead)])
}

/// The same task with its own deadline.
fn due(mut task: Task, deadline: NaiveDate) -> Task {
    task.deadline = Some(deadline);
    task
}

/// A list for 2021 with these tasks.
fn list(tasks: Vec<Task>) -> TaskList {
    TaskList {
        title: "测试清单".to_string(),
        plan_start: day(1, 1),
        plan_end: day(12, 31),
        categories: Vec::new(),
        tasks,
    }
}

/// An update of a task at a meeting.
fn update(task: u32, date: NaiveDate, status: Status, progress: Option<u8>) -> Update {
    Update {
        task,
        date,
        status,
        progress,
        note: String::new(),
    }
}

/// A state with these meetings held and these updates recorded.
fn state(held: &[NaiveDate], updates: Vec<Update>) -> State {
    let mut state = State::default();
    for &date in held {
        state.open_meeting(date);
    }
    for update in updates {
        state.record(update);
    }
    state
}

/// The same update of one task at each of these meetings.
fn each(task: u32, held: &[NaiveDate], status: Status) -> Vec<Update> {
    held.iter()
        .map(|&d| update(task, d, status, None))
        .collect()
}

/// A task's light at a date under the default rules.
fn light_of(list: &TaskList, state: &State, date: NaiveDate, id: u32) -> TaskLight {
    let config = RulesConfig::default();
    let evaluation = Rules::new(list, state, &config).evaluate(date);
    evaluation.light(id).unwrap().clone()
}

/// A light with its reasons, for comparing.
fn lit(light: Light, reasons: Vec<Reason>) -> TaskLight {
    TaskLight {
        light: Some(light),
        reasons,
    }
}

/// A green light.
fn green() -> TaskLight {
    lit(Light::Green, Vec::new())
}
