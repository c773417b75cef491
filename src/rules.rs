//! The warning rules: task lights (红黄绿灯), unit warning levels (预警等级), the
//! interview list (约谈预警名单) and what changed since the last meeting.
//!
//! Everything here is a pure function of the task list, the recorded state, the
//! [`RulesConfig`] and a date D: no I/O, no terminal. [`Rules::new`] prepares a
//! list and its state once; [`Rules::evaluate`] gives every task's light at D,
//! [`Rules::units`] each unit's level, [`Rules::interview_list`] the ranked list
//! with moves, and [`Evaluation::changes`] what changed since the last meeting.
//!
//! Files: `config` (the numbers), `light` (one task at one date), `timeline`
//! (every task over the meetings), `level` (units), `ranking` (the interview
//! list), `changes` (since the last meeting), `tests`.
//!
//! The rules are the "Default warning rules" of the product brief. Where the
//! brief leaves a choice, this is what was decided:
//!
//! - **Meetings** are the dates of `state.meetings` together with the date of
//!   every update, since recording an update opens its meeting; a hand-edited
//!   file that lost a meeting still counts it. Those on or before D count; the
//!   latest is *this meeting*. No update then lies between this meeting and D.
//! - **Status and progress** at a date are those of the latest update on or
//!   before it (the last recorded among one date's); progress is the latest
//!   update that gave one. A task never updated is 未启动 with no progress.
//! - **未启动 at a meeting** means the status as of that meeting's date is
//!   未启动, whether or not an update was recorded there. **No update at a
//!   meeting** means no update of the task is dated that meeting's date.
//! - **Schedule** (序时进度) is the days passed from the plan's start to D over
//!   the days from the plan's start to the deadline, in percent as an `f64` (so
//!   30.5 points behind is representable): 0 on the start, 100 on the deadline.
//!   The progress rules need a recorded progress; without one they do not fire
//!   (the 未启动 and no-update rules speak for such tasks).
//! - **Deadline** rules: red when D is after the deadline; yellow when the
//!   deadline is 0 to 14 days after D, the deadline day itself included.
//! - **Look-backs** count meetings in a row ending at this meeting; a run can
//!   never be longer than the meetings held, so a look-back over more meetings
//!   than have been held does not fire. A count of 0 in the config turns its
//!   rule off.
//! - **A light at an earlier meeting** is the light evaluated at that meeting's
//!   date (D = that date). This meeting's light is the light at D. Red never
//!   depends on earlier lights, and each task's meetings are walked oldest
//!   first, so the catch-up rule costs one step per meeting.
//! - **With no meeting held**, there are no updates, so every task is 未启动
//!   without progress and only the deadline rules can fire: a deadline passes
//!   whether or not a meeting was held. Streaks are 0 and there are no moves
//!   or changes to report.
//! - **Reasons** are those of the light's colour only: a red task lists its red
//!   reasons, not the yellow ones that also hold. Likewise for unit levels.
//! - **A unit's red streak** is per task: the most meetings in a row, up to this
//!   one, that one accountable task has been red. It is what the 约谈 rule "a
//!   task red at this meeting and the 2 before" measures.
//! - **Days overdue** of a unit: the most days any open accountable task is past
//!   its deadline at D.
//! - **Moves** compare each unit's level with its level on the interview list
//!   evaluated at the previous meeting's date: up (more serious), down, same,
//!   or new. A unit's place alone does not make a move: it shifts whenever
//!   other units join or leave above it. With no previous meeting every unit is
//!   new.
//! - **Since the last meeting** compares each task's light at D with its light
//!   at the previous meeting; with fewer than two meetings nothing is listed.

mod changes;
mod config;
mod level;
mod light;
mod ranking;
mod timeline;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use crate::model::{State, TaskList, Update};

pub use changes::{Changes, LightChange};
pub use config::{RulesConfig, TEMPLATE};
pub use level::{Level, LevelReason, UnitStanding, UnitTask};
pub use light::{Light, Reason, TaskLight, schedule};
pub use ranking::{InterviewEntry, InterviewList, Move};
pub use timeline::{Evaluation, TaskEvaluation};

/// The rules over one task list and its state, prepared once: meetings merged
/// and sorted, each task's updates gathered. Evaluate it at as many dates as
/// needed; each evaluation costs O(tasks × meetings + updates).
#[derive(Clone, Debug)]
pub struct Rules<'a> {
    list: &'a TaskList,
    config: &'a RulesConfig,
    meetings: Vec<NaiveDate>,
    updates: Vec<Vec<&'a Update>>,
}

impl<'a> Rules<'a> {
    /// Prepares the rules for a list, what was recorded on it, and the settings.
    pub fn new(list: &'a TaskList, state: &'a State, config: &'a RulesConfig) -> Rules<'a> {
        let mut meetings: Vec<NaiveDate> = state.meetings.iter().map(|m| m.date).collect();
        meetings.extend(state.updates.iter().map(|u| u.date));
        meetings.sort_unstable();
        meetings.dedup();
        Rules {
            list,
            config,
            meetings,
            updates: timeline::updates_by_task(list, &state.updates),
        }
    }

    /// Every meeting held, oldest first: those of the state and of its updates.
    pub fn meetings(&self) -> &[NaiveDate] {
        &self.meetings
    }

    /// Every task's light at `date`, with its lights at the meetings before.
    pub fn evaluate(&self, date: NaiveDate) -> Evaluation {
        let updates = &self.updates;
        timeline::evaluate(self.list, self.config, &self.meetings, updates, date)
    }

    /// Every unit named in the list, in the order the list first names it,
    /// with its level at the evaluation's date.
    pub fn units(&self, evaluation: &Evaluation) -> Vec<UnitStanding> {
        level::standings(self.list, self.config, evaluation)
    }

    /// The interview list at `date`, with each unit's move since the previous
    /// meeting.
    pub fn interview_list(&self, date: NaiveDate) -> InterviewList {
        let evaluation = self.evaluate(date);
        let now = ranking::rank(self.units(&evaluation));
        let previous = evaluation.previous_meeting().map(|day| {
            let before = self.units(&self.evaluate(day));
            (day, ranking::rank(before))
        });
        ranking::interview_list(date, now, previous)
    }
}
