//! What the secretary records: updates (进展) on tasks, and the meetings they belong to.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Meeting, Status};

/// One dated record of a task's status, progress and note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Update {
    /// The number of the task it is about.
    pub task: u32,
    /// The meeting's date it was recorded at.
    #[serde(with = "super::meeting::file_date")]
    pub date: NaiveDate,
    /// The status reported.
    pub status: Status,
    /// Percent complete, when the unit gave one.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "read_progress"
    )]
    pub progress: Option<u8>,
    /// What was said, in the secretary's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Reads `Some(percent)` or `None`; a number that is no percent (-1, 300)
/// is refused in the secretary's words rather than as a type's range. One
/// from 101 to 255 is kept for [`super::validate_state`] to place and report.
fn read_progress<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<u8>, D::Error> {
    let Some(number) = Option::<i64>::deserialize(deserializer)? else {
        return Ok(None);
    };
    u8::try_from(number).map(Some).map_err(|_| {
        serde::de::Error::custom(format!("进度写的是 {number}，进度应是 0 到 100 之间的整数"))
    })
}

/// What a task's record comes to: its latest status and latest progress.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Standing {
    /// The latest status recorded, 未启动 if none.
    pub status: Status,
    /// The latest progress recorded, if any update gave one.
    pub progress: Option<u8>,
}

/// Everything recorded in a workspace: its meetings and all updates, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    /// The meetings held, in date order.
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    /// The updates, in the order they were recorded.
    #[serde(default)]
    pub updates: Vec<Update>,
}

impl State {
    /// Records an update, opening the meeting of its date if there is none yet.
    ///
    /// Updates stay in date order, a new one after any of its own date, so the
    /// file reads oldest first even when an earlier meeting is filled in later.
    pub fn record(&mut self, update: Update) {
        self.open_meeting(update.date);
        let at = self.updates.partition_point(|u| u.date <= update.date);
        self.updates.insert(at, update);
    }

    /// Puts the meetings in date order, once each, with a meeting for every
    /// update's date: what [`State::record`] keeps, for a file edited by hand.
    pub fn mend_meetings(&mut self) {
        self.meetings.sort_by_key(|m| m.date);
        self.meetings.dedup();
        let dates: Vec<NaiveDate> = self.updates.iter().map(|u| u.date).collect();
        for date in dates {
            self.open_meeting(date);
        }
    }

    /// Opens the meeting of this date, keeping the meetings in date order.
    pub fn open_meeting(&mut self, date: NaiveDate) {
        if let Err(slot) = self.meetings.binary_search_by(|m| m.date.cmp(&date)) {
            self.meetings.insert(slot, Meeting { date });
        }
    }

    /// The latest update of each task on or before `as_of` (all of them when `None`).
    ///
    /// Among updates of one date, the one recorded last wins.
    pub fn latest_updates(&self, as_of: Option<NaiveDate>) -> HashMap<u32, &Update> {
        let mut latest: HashMap<u32, &Update> = HashMap::new();
        for update in &self.updates {
            if as_of.is_some_and(|day| update.date > day) {
                continue;
            }
            let newer = latest
                .get(&update.task)
                .is_none_or(|seen| update.date >= seen.date);
            if newer {
                latest.insert(update.task, update);
            }
        }
        latest
    }

    /// Every task's standing on `as_of` (everything recorded when `None`): the
    /// status of its latest update and the progress of its latest update that
    /// gave one. Tasks with no update are absent and stand at the default.
    pub fn standings(&self, as_of: Option<NaiveDate>) -> HashMap<u32, Standing> {
        let mut standings: HashMap<u32, Standing> = HashMap::new();
        for (task, update) in self.latest_updates(as_of) {
            standings.entry(task).or_default().status = update.status;
        }
        let mut dated: Vec<&Update> = self
            .updates
            .iter()
            .filter(|u| as_of.is_none_or(|day| u.date <= day))
            .collect();
        // A stable sort: among updates of one date, the one recorded last wins.
        dated.sort_by_key(|u| u.date);
        for update in dated {
            if let Some(progress) = update.progress {
                standings.entry(update.task).or_default().progress = Some(progress);
            }
        }
        standings
    }

    /// The updates of one task, oldest first.
    pub fn updates_of(&self, task: u32) -> Vec<&Update> {
        let mut updates: Vec<&Update> = self.updates.iter().filter(|u| u.task == task).collect();
        updates.sort_by_key(|u| u.date);
        updates
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2021, 10, d).unwrap()
    }

    fn update(task: u32, date: NaiveDate, status: Status) -> Update {
        Update {
            task,
            date,
            status,
            progress: None,
            note: String::new(),
        }
    }

    #[test]
    fn recording_opens_the_meeting_once_and_in_order() {
        let mut state = State::default();
        state.record(update(1, day(18), Status::InProgress));
        state.record(update(2, day(11), Status::InProgress));
        state.record(update(3, day(18), Status::Done));
        let dates: Vec<_> = state.meetings.iter().map(|m| m.date).collect();
        assert_eq!(dates, vec![day(11), day(18)]);
    }

    #[test]
    fn latest_update_is_by_date_then_by_order_recorded() {
        let mut state = State::default();
        state.record(update(1, day(18), Status::InProgress));
        state.record(update(1, day(11), Status::Lagging));
        state.record(update(1, day(18), Status::Done));
        assert_eq!(state.latest_updates(None)[&1].status, Status::Done);
        assert_eq!(
            state.latest_updates(Some(day(17)))[&1].status,
            Status::Lagging
        );
        assert!(state.latest_updates(Some(day(10))).is_empty());
    }

    #[test]
    fn meetings_are_mended_from_the_updates() {
        let mut state = State {
            meetings: vec![
                Meeting { date: day(18) },
                Meeting { date: day(11) },
                Meeting { date: day(18) },
            ],
            updates: vec![update(1, day(25), Status::Done)],
        };
        state.mend_meetings();
        let dates: Vec<NaiveDate> = state.meetings.iter().map(|m| m.date).collect();
        assert_eq!(dates, [day(11), day(18), day(25)]);
    }
}
