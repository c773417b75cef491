//! "Since the last meeting" (与上次调度会相比): the tasks whose light changed.

use chrono::NaiveDate;
use serde::Serialize;

use super::light::Light;
use super::timeline::Evaluation;

/// What changed between the previous meeting and this one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    /// The previous meeting; `None` (and nothing listed) when fewer than two
    /// meetings have been held.
    pub previous: Option<NaiveDate>,
    /// Every task whose light changed, closing and reopening included, in the
    /// list's order.
    pub changed: Vec<LightChange>,
    /// The tasks done now and open at the previous meeting.
    pub newly_done: Vec<u32>,
    /// The tasks red now and not red at the previous meeting.
    pub newly_red: Vec<u32>,
}

/// One task's light at the previous meeting and now (`None`: done).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct LightChange {
    /// The task's number.
    pub id: u32,
    /// Its light at the previous meeting.
    pub before: Option<Light>,
    /// Its light now: at D, which stands for this meeting.
    pub after: Option<Light>,
}

impl Evaluation {
    /// Since the last meeting: each task's light at D against its light at the
    /// previous meeting.
    pub fn changes(&self) -> Changes {
        changes(self)
    }
}

fn changes(evaluation: &Evaluation) -> Changes {
    let mut changes = Changes {
        previous: evaluation.previous_meeting(),
        ..Changes::default()
    };
    for task in &evaluation.tasks {
        let Some(before) = task.previous() else {
            continue;
        };
        let after = task.light.light;
        if before == after {
            continue;
        }
        changes.changed.push(LightChange {
            id: task.id,
            before,
            after,
        });
        if after.is_none() {
            changes.newly_done.push(task.id);
        }
        if after == Some(Light::Red) {
            changes.newly_red.push(task.id);
        }
    }
    changes
}
