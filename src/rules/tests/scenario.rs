//! Five weekly meetings of a small list, checked meeting by meeting: lights,
//! unit levels with reasons, ranks, moves and what changed.
//!
//! - Task 1 (大数据局 leads, 发改委 cooperates): 滞后 at three meetings, then
//!   推进中: red, red, red, yellow (catch-up), green.
//! - Task 2 (大数据局 leads, 财政局 cooperates): 推进中 at every meeting: green.
//! - Task 3 (大数据局 leads): due 27 October, 推进中 at every meeting: green,
//!   green, yellow, yellow, red (overdue).
//! - Task 4 (工信局 responsible): never updated: green, then no update (yellow)
//!   at the second and third meetings, 未启动 four times (red) from the fourth.
//! - Task 5 (发改委 leads): 50% at the first meeting (25.8 points behind),
//!   70% at the second (7.7 behind), done at the third.

use super::*;
use Level::{Interview, Reminder, Warning};
use LevelReason::{RedStreak, RedTask, YellowStreak, YellowTask};
use Light::{Green, Red, Yellow};
use Status::{Done, InProgress, Lagging};

fn scenario() -> (TaskList, State) {
    let list = list(vec![
        task(
            1,
            &[("大数据局", Role::Lead), ("发改委", Role::Cooperating)],
        ),
        task(
            2,
            &[("大数据局", Role::Lead), ("财政局", Role::Cooperating)],
        ),
        due(led(3, "大数据局"), day(10, 27)),
        task(4, &[("工信局", Role::Responsible)]),
        led(5, "发改委"),
    ]);
    let held = meetings(5);
    let mut updates = Vec::new();
    updates.extend(each(1, &held[..3], Lagging));
    updates.extend(each(1, &held[3..], InProgress));
    updates.extend(each(2, &held, InProgress));
    updates.extend(each(3, &held, InProgress));
    updates.push(update(5, meeting(0), InProgress, Some(50)));
    updates.push(update(5, meeting(1), InProgress, Some(70)));
    updates.push(update(5, meeting(2), Done, Some(100)));
    (list, state(&held, updates))
}

#[test]
fn lights_at_each_meeting() {
    let (list, state) = scenario();
    let config = RulesConfig::default();
    let rules = Rules::new(&list, &state, &config);
    let expected: [[Option<Light>; 5]; 5] = [
        [
            Some(Red),
            Some(Green),
            Some(Green),
            Some(Green),
            Some(Yellow),
        ],
        [
            Some(Red),
            Some(Green),
            Some(Green),
            Some(Yellow),
            Some(Green),
        ],
        [Some(Red), Some(Green), Some(Yellow), Some(Yellow), None],
        [Some(Yellow), Some(Green), Some(Yellow), Some(Red), None],
        [Some(Green), Some(Green), Some(Red), Some(Red), None],
    ];
    for (n, lights) in expected.iter().enumerate() {
        let evaluation = rules.evaluate(meeting(n as u64));
        let got: Vec<Option<Light>> = evaluation.tasks.iter().map(|t| t.light.light).collect();
        assert_eq!(got, lights, "meeting {n}");
    }
    // The history at the last meeting is the lights above, read down a column.
    let last = rules.evaluate(meeting(4));
    let history: Vec<Option<Light>> = expected.iter().map(|row| row[3]).collect();
    assert_eq!(last.task(4).unwrap().history, history);
    let reasons = &last.light(4).unwrap().reasons;
    assert_eq!(reasons, &[Reason::NotStartedFor { meetings: 5 }]);
}

#[test]
fn the_interview_list_at_each_meeting() {
    let (list, state) = scenario();
    let config = RulesConfig::default();
    let rules = Rules::new(&list, &state, &config);
    let streak = |task, meetings| RedStreak { task, meetings };
    let yellows = |task, meetings| YellowStreak { task, meetings };
    // Per meeting: (unit, level, reasons, move), in rank order.
    let expected = [
        vec![
            ("大数据局", Warning, vec![RedTask { task: 1 }], Move::New),
            ("发改委", Reminder, vec![YellowTask { task: 5 }], Move::New),
        ],
        vec![
            ("大数据局", Warning, vec![RedTask { task: 1 }], Move::Same),
            ("工信局", Reminder, vec![YellowTask { task: 4 }], Move::New),
        ],
        // Moves follow the level: both escalate, whatever their places.
        vec![
            (
                "大数据局",
                Interview,
                vec![streak(1, 3)],
                Move::Up { from: 1 },
            ),
            ("工信局", Warning, vec![yellows(4, 2)], Move::Up { from: 2 }),
        ],
        vec![
            ("工信局", Warning, vec![RedTask { task: 4 }], Move::Same),
            (
                "大数据局",
                Warning,
                vec![yellows(3, 2)],
                Move::Down { from: 1 },
            ),
        ],
        // Both have one red task; 工信局's has been red longer.
        vec![
            ("工信局", Warning, vec![RedTask { task: 4 }], Move::Same),
            ("大数据局", Warning, vec![RedTask { task: 3 }], Move::Same),
        ],
    ];
    for (n, rows) in expected.into_iter().enumerate() {
        let list = rules.interview_list(meeting(n as u64));
        let got: Vec<(&str, Level, Vec<LevelReason>, Move)> = list
            .entries
            .iter()
            .map(|e| {
                let u = &e.unit;
                (
                    u.name.as_str(),
                    u.level.unwrap(),
                    u.reasons.clone(),
                    e.movement,
                )
            })
            .collect();
        assert_eq!(got, rows, "meeting {n}");
    }

    let second = rules.interview_list(meeting(1));
    assert_eq!(second.left, ["发改委"]);
    let last = rules.interview_list(meeting(4));
    let counts: Vec<(usize, usize, usize, i64)> = last
        .entries
        .iter()
        .map(|e| {
            (
                e.unit.red,
                e.unit.yellow,
                e.unit.streak,
                e.unit.days_overdue,
            )
        })
        .collect();
    assert_eq!(counts, [(1, 0, 2, 0), (1, 0, 1, 5)]);
}

#[test]
fn what_changed_at_each_meeting() {
    let (list, state) = scenario();
    let config = RulesConfig::default();
    let rules = Rules::new(&list, &state, &config);
    let changed = |n: u64| {
        let changes = rules.evaluate(meeting(n)).changes();
        let ids: Vec<u32> = changes.changed.iter().map(|c| c.id).collect();
        (ids, changes.newly_done, changes.newly_red)
    };
    assert_eq!(changed(0), (vec![], vec![], vec![]));
    assert_eq!(changed(1), (vec![4, 5], vec![], vec![]));
    assert_eq!(changed(2), (vec![3, 5], vec![5], vec![]));
    assert_eq!(changed(3), (vec![1, 4], vec![], vec![4]));
    assert_eq!(changed(4), (vec![1, 3], vec![], vec![3]));
}
