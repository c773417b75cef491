//! Unit warning levels, roles, the ranking of the interview list and moves.

use super::*;
use Level::{Interview, Reminder, Warning};
use Status::{InProgress, Lagging};

/// Every unit's level and reasons at a date under the default rules.
fn levels_at(list: &TaskList, state: &State, date: NaiveDate) -> Vec<UnitStanding> {
    let config = RulesConfig::default();
    let rules = Rules::new(list, state, &config);
    rules.units(&rules.evaluate(date))
}

/// The standing of one unit.
fn unit<'a>(units: &'a [UnitStanding], name: &str) -> &'a UnitStanding {
    units.iter().find(|u| u.name == name).unwrap()
}

#[test]
fn only_leading_and_responsible_units_are_counted() {
    let roles = [
        ("A局", Role::Lead),
        ("B局", Role::Responsible),
        ("C局", Role::Cooperating),
    ];
    let list = list(vec![task(1, &roles)]);
    let state = state(&[], vec![update(1, meeting(0), Lagging, None)]);
    let units = levels_at(&list, &state, meeting(0));

    let names: Vec<&str> = units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["A局", "B局", "C局"]);
    for name in ["A局", "B局"] {
        let u = unit(&units, name);
        assert_eq!((u.level, u.red), (Some(Warning), 1), "{name}");
        assert_eq!(u.reasons, [LevelReason::RedTask { task: 1 }]);
    }
    let c = unit(&units, "C局");
    assert_eq!((c.level, c.red, c.streak), (None, 0, 0));
    // The cooperating unit still lists the task, marked as not counted.
    assert_eq!(c.tasks.len(), 1);
    assert_eq!(c.tasks[0].role, Role::Cooperating);
    assert!(!c.tasks[0].accountable);
    assert_eq!(c.tasks[0].light.light, Some(Light::Red));
}

#[test]
fn accountable_roles_are_a_setting() {
    let list = list(vec![task(
        1,
        &[("A局", Role::Lead), ("B局", Role::Responsible)],
    )]);
    let state = state(&[], vec![update(1, meeting(0), Lagging, None)]);
    let config = RulesConfig {
        accountable_roles: vec![Role::Lead],
        ..RulesConfig::default()
    };
    let rules = Rules::new(&list, &state, &config);
    let units = rules.units(&rules.evaluate(meeting(0)));
    assert_eq!(unit(&units, "A局").level, Some(Warning));
    assert_eq!(unit(&units, "B局").level, None);
}

#[test]
fn a_unit_named_twice_on_a_task_counts_in_its_accountable_role() {
    let list = list(vec![task(
        1,
        &[("A局", Role::Cooperating), ("A局", Role::Lead)],
    )]);
    let state = state(&[], vec![update(1, meeting(0), Lagging, None)]);
    let units = levels_at(&list, &state, meeting(0));
    let a = unit(&units, "A局");
    assert_eq!(a.tasks.len(), 1);
    assert_eq!((a.tasks[0].role, a.level), (Role::Lead, Some(Warning)));
}

#[test]
fn interview_after_three_red_meetings_not_two() {
    let list = list(vec![led(1, "A局")]);
    for (held, level, reasons) in [
        (2, Warning, vec![LevelReason::RedTask { task: 1 }]),
        (
            3,
            Interview,
            vec![LevelReason::RedStreak {
                task: 1,
                meetings: 3,
            }],
        ),
    ] {
        let held = meetings(held);
        let state = state(&held, each(1, &held, Lagging));
        let units = levels_at(&list, &state, *held.last().unwrap());
        let a = unit(&units, "A局");
        assert_eq!((a.level, &a.reasons), (Some(level), &reasons), "{held:?}");
        assert_eq!(a.streak, held.len());
    }
}

#[test]
fn interview_at_three_red_tasks_not_two() {
    for (red_tasks, level) in [(2, Warning), (3, Interview)] {
        let tasks = (1..=red_tasks).map(|id| led(id, "A局")).collect();
        let updates = (1..=red_tasks)
            .map(|id| update(id, meeting(0), Lagging, None))
            .collect();
        let units = levels_at(&list(tasks), &state(&[], updates), meeting(0));
        let a = unit(&units, "A局");
        assert_eq!((a.level, a.red), (Some(level), red_tasks as usize));
        if level == Interview {
            assert_eq!(a.reasons, [LevelReason::RedTasks { count: 3 }]);
        }
    }
}

#[test]
fn interview_more_than_30_days_past_the_deadline() {
    let deadline = day(9, 1);
    let list = list(vec![due(led(1, "A局"), deadline)]);
    for (days, level) in [(30, Warning), (31, Interview)] {
        let date = deadline + Days::new(days);
        let state = state(&[], vec![update(1, date, InProgress, None)]);
        let units = levels_at(&list, &state, date);
        let a = unit(&units, "A局");
        assert_eq!((a.level, a.days_overdue), (Some(level), days as i64));
        if level == Interview {
            let days = 31;
            assert_eq!(a.reasons, [LevelReason::LongOverdue { task: 1, days }]);
        }
    }
}

#[test]
fn warning_after_two_yellow_meetings_reminder_after_one() {
    // Due a week after the second meeting: 14 days away at the first.
    let list = list(vec![due(led(1, "A局"), meeting(1) + Days::new(7))]);
    for (held, level, reasons) in [
        (1, Reminder, vec![LevelReason::YellowTask { task: 1 }]),
        (
            2,
            Warning,
            vec![LevelReason::YellowStreak {
                task: 1,
                meetings: 2,
            }],
        ),
    ] {
        let held = meetings(held);
        let state = state(&held, each(1, &held, InProgress));
        let units = levels_at(&list, &state, *held.last().unwrap());
        let a = unit(&units, "A局");
        assert_eq!((a.level, &a.reasons, a.yellow), (Some(level), &reasons, 1));
    }
}

#[test]
fn level_reasons_read_as_a_meeting_says_them() {
    let cases = [
        (
            LevelReason::RedStreak {
                task: 12,
                meetings: 3,
            },
            "第 12 项连续 3 次调度会红灯",
        ),
        (LevelReason::RedTasks { count: 3 }, "红灯任务 3 项"),
        (
            LevelReason::LongOverdue { task: 7, days: 45 },
            "第 7 项已逾期 45 天",
        ),
        (LevelReason::RedTask { task: 7 }, "第 7 项红灯"),
        (
            LevelReason::YellowStreak {
                task: 7,
                meetings: 2,
            },
            "第 7 项连续 2 次调度会黄灯",
        ),
        (LevelReason::YellowTask { task: 7 }, "第 7 项黄灯"),
    ];
    for (reason, text) in cases {
        assert_eq!(reason.text(), text);
    }
}

/// A unit's standing with only what the ranking reads.
fn ranked(name: &str, level: Option<Level>, red: usize, streak: usize) -> UnitStanding {
    UnitStanding {
        name: name.to_string(),
        level,
        reasons: Vec::new(),
        red,
        yellow: 0,
        streak,
        days_overdue: 0,
        tasks: Vec::new(),
    }
}

#[test]
fn ranking_is_by_level_then_red_count_then_streak_then_name() {
    let units = vec![
        ranked("F局", Some(Reminder), 0, 0),
        ranked("E局", None, 0, 0),
        ranked("D局", Some(Warning), 2, 1),
        ranked("C局", Some(Interview), 1, 3),
        ranked("B局", Some(Interview), 1, 3),
        ranked("A局", Some(Interview), 1, 2),
        ranked("G局", Some(Interview), 3, 1),
    ];
    let order: Vec<String> = ranking::rank(units).into_iter().map(|u| u.name).collect();
    assert_eq!(order, ["G局", "B局", "C局", "A局", "D局", "F局"]);
}

#[test]
fn moves_compare_places_with_the_previous_meeting() {
    let before = vec![
        ranked("A局", Some(Interview), 3, 1),
        ranked("B局", Some(Warning), 1, 1),
        ranked("C局", Some(Warning), 1, 1),
        ranked("D局", Some(Reminder), 0, 0),
    ];
    let now = vec![
        ranked("C局", Some(Interview), 2, 2),
        ranked("A局", Some(Warning), 1, 2),
        ranked("E局", Some(Warning), 1, 1),
        ranked("D局", Some(Reminder), 0, 0),
    ];
    let list = ranking::interview_list(meeting(1), now, Some((meeting(0), before)));
    let moves: Vec<(&str, usize, Move, Option<Level>)> = list
        .entries
        .iter()
        .map(|e| (e.unit.name.as_str(), e.rank, e.movement, e.previous_level))
        .collect();
    let expected = [
        ("C局", 1, Move::Up { from: 3 }, Some(Warning)),
        ("A局", 2, Move::Down { from: 1 }, Some(Interview)),
        ("E局", 3, Move::New, None),
        ("D局", 4, Move::Same, Some(Reminder)),
    ];
    assert_eq!(moves, expected);
    assert_eq!(list.left, ["B局"]);
    assert_eq!(list.previous, Some(meeting(0)));

    // At the first meeting every unit is new.
    let first = ranking::interview_list(meeting(0), vec![ranked("A局", Some(Warning), 1, 1)], None);
    assert_eq!(first.entries[0].movement, Move::New);
    assert_eq!(first.previous, None);
}
