//! The interview list (约谈预警名单): units at some level, ranked, with their moves.

use std::cmp::Reverse;
use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::level::{Level, UnitStanding};

/// The ranked units at some warning level at D, and how each moved since the
/// previous meeting.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InterviewList {
    /// The date D it was evaluated at.
    pub date: NaiveDate,
    /// The previous meeting, whose list the moves compare with; `None` when
    /// fewer than two meetings have been held.
    pub previous: Option<NaiveDate>,
    /// The units, first the most urgent.
    pub entries: Vec<InterviewEntry>,
    /// Units on the previous meeting's list that are no longer on it, in that
    /// list's order.
    pub left: Vec<String>,
}

/// One unit on the interview list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InterviewEntry {
    /// Its place on the list, from 1.
    pub rank: usize,
    /// Its move since the previous meeting.
    pub movement: Move,
    /// Its level on the previous meeting's list, if it was on it.
    pub previous_level: Option<Level>,
    /// Its standing: level, reasons, counts and tasks.
    pub unit: UnitStanding,
}

/// How a unit's warning level changed since the previous meeting's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Move {
    /// Not on the previous list (or no previous meeting was held).
    New,
    /// A more serious level than before.
    Up {
        /// Its place on the previous list.
        from: usize,
    },
    /// A less serious level than before.
    Down {
        /// Its place on the previous list.
        from: usize,
    },
    /// The same level.
    Same,
}

impl Move {
    /// A short word for the move, as the list shows it.
    pub fn label(self) -> &'static str {
        match self {
            Move::New => "新增",
            Move::Up { .. } => "上升",
            Move::Down { .. } => "下降",
            Move::Same => "持平",
        }
    }
}

/// The units with a level, ranked by level, then red count, then longest red
/// streak, each from the highest, then by name (in character order).
pub(super) fn rank(units: Vec<UnitStanding>) -> Vec<UnitStanding> {
    let mut listed: Vec<UnitStanding> = units.into_iter().filter(|u| u.level.is_some()).collect();
    listed.sort_by(|a, b| {
        let key = |u: &UnitStanding| (Reverse(u.level), Reverse(u.red), Reverse(u.streak));
        key(a).cmp(&key(b)).then_with(|| a.name.cmp(&b.name))
    });
    listed
}

/// The list at D, with moves against the ranked list of the previous meeting.
pub(super) fn interview_list(
    date: NaiveDate,
    now: Vec<UnitStanding>,
    previous: Option<(NaiveDate, Vec<UnitStanding>)>,
) -> InterviewList {
    let (previous, before) = previous.unzip();
    let before = before.unwrap_or_default();
    let places: HashMap<&str, (usize, Option<Level>)> = before
        .iter()
        .enumerate()
        .map(|(i, u)| (u.name.as_str(), (i + 1, u.level)))
        .collect();

    let entries: Vec<InterviewEntry> = now
        .into_iter()
        .enumerate()
        .map(|(i, unit)| {
            let rank = i + 1;
            let was = places.get(unit.name.as_str()).copied();
            // The move is the level's: a unit pushed down the list by others
            // joining above it has not improved, and one escalated from 预警
            // to 约谈 at the same place has not held steady.
            let movement = match was {
                None => Move::New,
                Some((from, before)) if unit.level > before => Move::Up { from },
                Some((from, before)) if unit.level < before => Move::Down { from },
                Some(_) => Move::Same,
            };
            InterviewEntry {
                rank,
                movement,
                previous_level: was.and_then(|(_, level)| level),
                unit,
            }
        })
        .collect();
    let left = before
        .iter()
        .filter(|u| !entries.iter().any(|e| e.unit.name == u.name))
        .map(|u| u.name.clone())
        .collect();
    InterviewList {
        date,
        previous,
        entries,
        left,
    }
}
