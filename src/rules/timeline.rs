//! Every task's light at a date, with its lights at the meetings before it.
//!
//! Each task's updates are walked once, oldest meeting first, carrying its
//! status, progress and look-back runs forward, so the catch-up rule (red at
//! the previous meeting) reads the light just computed instead of recursing.
//! One evaluation costs O(tasks × meetings + updates).

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::RulesConfig;
use super::light::{Facts, Light, TaskLight, judge};
use crate::model::{Status, Task, TaskList, Update};

/// The lights of every task at one date.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Evaluation {
    /// The date D the rules were evaluated at.
    pub date: NaiveDate,
    /// The meetings held on or before D, oldest first; the last is "this meeting".
    pub meetings: Vec<NaiveDate>,
    /// Every task of the list, in the list's order.
    pub tasks: Vec<TaskEvaluation>,
    #[serde(skip)]
    index: HashMap<u32, usize>,
}

/// One task's light at D and its colours at the meetings held.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TaskEvaluation {
    /// The task's number.
    pub id: u32,
    /// Its light at D, with reasons.
    pub light: TaskLight,
    /// Its colour at each meeting held, oldest first (`None`: done then). Each is
    /// the light evaluated at that meeting's date, except the last, this
    /// meeting's, which is the light at D. Empty when no meeting has been held.
    pub history: Vec<Option<Light>>,
    /// Days it is past its deadline at D and not done; 0 when it is not.
    pub overdue: i64,
}

impl Evaluation {
    /// This meeting: the latest held on or before D.
    pub fn this_meeting(&self) -> Option<NaiveDate> {
        self.meetings.last().copied()
    }

    /// The meeting before this one.
    pub fn previous_meeting(&self) -> Option<NaiveDate> {
        self.meetings.iter().rev().nth(1).copied()
    }

    /// The evaluation of the task with this number.
    pub fn task(&self, id: u32) -> Option<&TaskEvaluation> {
        self.index.get(&id).map(|&i| &self.tasks[i])
    }

    /// The light of the task with this number.
    pub fn light(&self, id: u32) -> Option<&TaskLight> {
        self.task(id).map(|t| &t.light)
    }
}

impl TaskEvaluation {
    /// Its colour at the previous meeting: `None` when fewer than two meetings
    /// have been held, `Some(None)` when it was done then.
    pub fn previous(&self) -> Option<Option<Light>> {
        self.history.iter().rev().nth(1).copied()
    }

    /// Meetings in a row, up to and including this one, at which it was red.
    pub fn red_streak(&self) -> usize {
        self.streak(Light::Red)
    }

    /// Meetings in a row, up to and including this one, at which it was yellow.
    pub fn yellow_streak(&self) -> usize {
        self.streak(Light::Yellow)
    }

    fn streak(&self, light: Light) -> usize {
        let run = self.history.iter().rev();
        run.take_while(|l| **l == Some(light)).count()
    }
}

/// Evaluates every task at `date`.
///
/// `meetings` are all meetings held, in date order; `updates[i]` are the
/// updates of `list.tasks[i]`, oldest first, in recorded order within a date.
pub(super) fn evaluate(
    list: &TaskList,
    config: &RulesConfig,
    meetings: &[NaiveDate],
    updates: &[Vec<&Update>],
    date: NaiveDate,
) -> Evaluation {
    let held = &meetings[..meetings.partition_point(|m| *m <= date)];
    let tasks: Vec<TaskEvaluation> = list
        .tasks
        .iter()
        .zip(updates)
        .map(|(task, updates)| {
            let walk = Walk {
                start: list.plan_start,
                deadline: list.deadline(task),
                updates,
            };
            walk.evaluate(task, config, held, date)
        })
        .collect();
    let index = tasks.iter().enumerate().map(|(i, t)| (t.id, i)).collect();
    Evaluation {
        date,
        meetings: held.to_vec(),
        tasks,
        index,
    }
}

/// One task's period and updates, to be walked meeting by meeting.
struct Walk<'a> {
    start: NaiveDate,
    deadline: NaiveDate,
    updates: &'a [&'a Update],
}

impl Walk<'_> {
    fn evaluate(
        &self,
        task: &Task,
        config: &RulesConfig,
        held: &[NaiveDate],
        date: NaiveDate,
    ) -> TaskEvaluation {
        let mut facts = Facts {
            date,
            start: self.start,
            deadline: self.deadline,
            status: Status::NotStarted,
            progress: None,
            not_started_run: 0,
            no_update_run: 0,
            was_red: false,
        };
        let mut light = None;
        let mut history = Vec::with_capacity(held.len());
        let mut next = 0;

        for (i, &meeting) in held.iter().enumerate() {
            let mut updated = false;
            while let Some(update) = self.updates.get(next).filter(|u| u.date <= meeting) {
                updated |= update.date == meeting;
                facts.status = update.status;
                facts.progress = update.progress.or(facts.progress);
                next += 1;
            }
            facts.not_started_run = bump(facts.not_started_run, facts.status == Status::NotStarted);
            facts.no_update_run = bump(facts.no_update_run, !updated);

            // This meeting's light is the light at D: no update lies between them.
            let last = i + 1 == held.len();
            facts.date = if last { date } else { meeting };
            let judged = judge(&facts, config);
            history.push(judged.light);
            facts.was_red = judged.light == Some(Light::Red);
            light = Some(judged);
        }
        // With no meeting held there is no update either (each update opens its
        // meeting), so only the date rules can fire.
        let light = light.unwrap_or_else(|| judge(&facts, config));
        let overdue = if light.is_closed() {
            0
        } else {
            (date - self.deadline).num_days().max(0)
        };
        TaskEvaluation {
            id: task.id,
            light,
            history,
            overdue,
        }
    }
}

/// A run's next length: one longer while the condition holds, else broken.
fn bump(run: usize, holds: bool) -> usize {
    if holds { run + 1 } else { 0 }
}

/// Each task's updates, oldest first and in recorded order within a date, in
/// the order of the list's tasks. Updates of tasks not in the list are left out.
pub(super) fn updates_by_task<'a>(list: &TaskList, updates: &'a [Update]) -> Vec<Vec<&'a Update>> {
    let slots: HashMap<u32, usize> = list
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id, i))
        .collect();
    let mut by_task: Vec<Vec<&Update>> = vec![Vec::new(); list.tasks.len()];
    for update in updates {
        if let Some(&slot) = slots.get(&update.task) {
            by_task[slot].push(update);
        }
    }
    for updates in &mut by_task {
        // A stable sort: among updates of one date, the one recorded last wins.
        updates.sort_by_key(|u| u.date);
    }
    by_task
}
