//! Merging two lines of changes to one state: the board's, and an edit made to
//! `state.ron` outside duban while the board had it open.
//!
//! Updates and meetings have no identity beyond their content, so each side's
//! change is what it added and what it removed, counted as multisets against
//! the state both started from. Nothing either side added is dropped: when both
//! changed one update differently, both versions are kept for a person to sort.

use super::State;

/// The state `ours` would be had it also made the changes that turned `base`
/// into `theirs`.
///
/// What `theirs` removed is removed from `ours` when `ours` still has it; what
/// `theirs` added and `ours` did not is put where `theirs` has it, among the
/// updates of its date. Meetings are then put back in order.
pub fn merge(base: &State, theirs: &State, ours: &State) -> State {
    let mut merged = ours.clone();
    let kept = left_over(&base.updates, &theirs.updates);
    for (gone, _) in base.updates.iter().zip(kept).filter(|(_, kept)| *kept) {
        if let Some(at) = merged.updates.iter().position(|u| u == gone) {
            merged.updates.remove(at);
        }
    }
    add_theirs(&mut merged, base, theirs, ours);

    let kept = left_over(&base.meetings, &theirs.meetings);
    for (gone, _) in base.meetings.iter().zip(kept).filter(|(_, kept)| *kept) {
        merged.meetings.retain(|m| m != gone);
    }
    let added = left_over(&theirs.meetings, &base.meetings);
    for (meeting, _) in theirs
        .meetings
        .iter()
        .zip(added)
        .filter(|(_, added)| *added)
    {
        merged.open_meeting(meeting.date);
    }
    merged.mend_meetings();
    merged
}

/// Adds the updates `theirs` added and `ours` did not, each after the update
/// it follows in `theirs`, so that an update edited outside keeps its place
/// among those of its date (the last of a date is the one that counts).
fn add_theirs(merged: &mut State, base: &State, theirs: &State, ours: &State) {
    let ours_added: Vec<_> = ours
        .updates
        .iter()
        .zip(left_over(&ours.updates, &base.updates))
        .filter_map(|(u, added)| added.then_some(u.clone()))
        .collect();
    let mut added = left_over(&theirs.updates, &base.updates);
    let mut also_ours = vec![true; ours_added.len()];
    for (update, added) in theirs.updates.iter().zip(added.iter_mut()) {
        let twin = (0..ours_added.len()).find(|&i| also_ours[i] && ours_added[i] == *update);
        if *added && let Some(i) = twin {
            also_ours[i] = false;
            *added = false;
        }
    }

    let mut anchor: Option<usize> = None;
    for (update, added) in theirs.updates.iter().zip(added) {
        if !added {
            if let Some(at) = merged.updates.iter().position(|u| u == update) {
                anchor = Some(at);
            }
            continue;
        }
        let updates = &merged.updates;
        let earliest = updates.partition_point(|u| u.date < update.date);
        let latest = updates.partition_point(|u| u.date <= update.date);
        let at = anchor.map_or(earliest, |a| a + 1).clamp(earliest, latest);
        merged.open_meeting(update.date);
        merged.updates.insert(at, update.clone());
        anchor = Some(at);
    }
}

/// For each item of `all`, whether it is left once each item of `taken` has
/// cancelled one equal item.
fn left_over<T: PartialEq>(all: &[T], taken: &[T]) -> Vec<bool> {
    let mut used = vec![false; taken.len()];
    all.iter()
        .map(|item| {
            let twin = (0..taken.len()).find(|&i| !used[i] && taken[i] == *item);
            if let Some(i) = twin {
                used[i] = true;
            }
            twin.is_none()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{Status, Update};

    fn update(task: u32, day: u32, note: &str) -> Update {
        Update {
            task,
            date: NaiveDate::from_ymd_opt(2021, 10, day).unwrap(),
            status: Status::InProgress,
            progress: None,
            note: note.to_string(),
        }
    }

    fn state(updates: &[Update]) -> State {
        let mut state = State::default();
        for u in updates {
            state.record(u.clone());
        }
        state
    }

    #[test]
    fn both_sides_additions_are_kept() {
        let base = state(&[update(1, 11, "")]);
        let theirs = state(&[update(1, 11, ""), update(2, 11, "手工")]);
        let ours = state(&[update(1, 11, ""), update(3, 18, "会上")]);
        let merged = merge(&base, &theirs, &ours);
        let tasks: Vec<u32> = merged.updates.iter().map(|u| u.task).collect();
        assert_eq!(tasks, [1, 2, 3], "the outside update sits in date order");
        assert_eq!(merged.meetings.len(), 2);
    }

    #[test]
    fn an_outside_edit_keeps_its_place_among_its_date() {
        let base = state(&[update(1, 11, "先"), update(1, 11, "后")]);
        let theirs = state(&[update(1, 11, "先，改过"), update(1, 11, "后")]);
        let ours = state(&[update(1, 11, "先"), update(1, 11, "后"), update(2, 11, "")]);
        let notes: Vec<String> = merge(&base, &theirs, &ours)
            .updates
            .into_iter()
            .map(|u| u.note)
            .collect();
        assert_eq!(notes, ["先，改过", "后", ""]);
    }

    #[test]
    fn an_outside_edit_replaces_the_old_version() {
        let base = state(&[update(1, 11, "旧")]);
        let theirs = state(&[update(1, 11, "新")]);
        let ours = state(&[update(1, 11, "旧"), update(2, 18, "")]);
        let merged = merge(&base, &theirs, &ours);
        assert_eq!(merged, state(&[update(1, 11, "新"), update(2, 18, "")]));
    }

    #[test]
    fn an_outside_removal_removes_and_an_equal_addition_is_not_doubled() {
        let base = state(&[update(1, 11, ""), update(2, 11, "")]);
        let theirs = state(&[update(2, 11, ""), update(4, 18, "")]);
        let ours = state(&[update(1, 11, ""), update(2, 11, ""), update(4, 18, "")]);
        let merged = merge(&base, &theirs, &ours);
        assert_eq!(merged, state(&[update(2, 11, ""), update(4, 18, "")]));
    }

    #[test]
    fn both_changing_one_update_keeps_both_versions() {
        let base = state(&[update(1, 11, "旧")]);
        let theirs = state(&[update(1, 11, "那边")]);
        let ours = state(&[update(1, 11, "这边")]);
        let notes: Vec<String> = merge(&base, &theirs, &ours)
            .updates
            .into_iter()
            .map(|u| u.note)
            .collect();
        assert_eq!(
            notes,
            ["那边", "这边"],
            "the board's, after, is the one that counts"
        );
    }

    #[test]
    fn nothing_changed_outside_leaves_ours() {
        let base = state(&[update(1, 11, "")]);
        let ours = state(&[update(1, 11, ""), update(1, 18, "")]);
        assert_eq!(merge(&base, &base, &ours), ours);
    }
}
