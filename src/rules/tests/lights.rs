//! Task lights: each rule at its boundaries, the catch-up, closed tasks.

use super::*;
use Light::{Green, Red, Yellow};
use Status::{Done, InProgress, Lagging, NotStarted};

#[test]
fn progress_rules_fire_only_past_their_thresholds() {
    // A 200-day period: each day is half a point of schedule.
    let deadline = after_start(200);
    let list = list(vec![due(led(1, "A局"), deadline)]);
    let behind = |progress, schedule| Reason::BehindSchedule { progress, schedule };
    let cases = [
        (60, 0, lit(Yellow, vec![behind(0, 30.0)])),
        (61, 0, lit(Red, vec![behind(0, 30.5)])),
        (100, 20, lit(Yellow, vec![behind(20, 50.0)])),
        (100, 19, lit(Red, vec![behind(19, 50.0)])),
        (20, 0, green()),
        (21, 0, lit(Yellow, vec![behind(0, 10.5)])),
        (150, 80, green()),
    ];
    for (days, progress, expected) in cases {
        let date = after_start(days);
        let state = state(&[], vec![update(1, date, InProgress, Some(progress))]);
        let got = light_of(&list, &state, date, 1);
        assert_eq!(got, expected, "day {days}, progress {progress}");
    }
}

#[test]
fn progress_rules_read_the_latest_recorded_progress() {
    let list = list(vec![due(led(1, "A局"), after_start(200))]);
    let (first, second) = (after_start(100), after_start(107));
    let updates = vec![
        update(1, first, InProgress, Some(10)),
        update(1, second, InProgress, None),
    ];
    // 53.5% of the period has passed; 10% is the latest progress anyone gave.
    let got = light_of(&list, &state(&[], updates), second, 1);
    let reason = Reason::BehindSchedule {
        progress: 10,
        schedule: 53.5,
    };
    assert_eq!(got, lit(Red, vec![reason]));

    // Without any progress figure, the progress rules stay silent.
    let updates = vec![update(1, second, InProgress, None)];
    assert_eq!(light_of(&list, &state(&[], updates), second, 1), green());
}

#[test]
fn deadline_rules_fire_at_14_days_and_after_the_deadline() {
    let deadline = day(6, 30);
    let list = list(vec![due(led(1, "A局"), deadline), led(2, "A局")]);
    let cases = [
        (15, green()),
        (14, lit(Yellow, vec![Reason::DeadlineSoon { days: 14 }])),
        (0, lit(Yellow, vec![Reason::DeadlineSoon { days: 0 }])),
        (-1, lit(Red, vec![Reason::Overdue { days: 1 }])),
        (-31, lit(Red, vec![Reason::Overdue { days: 31 }])),
    ];
    for (days_left, expected) in cases {
        let date = deadline - chrono::Duration::days(days_left);
        let state = state(&[], vec![update(1, date, InProgress, None)]);
        assert_eq!(
            light_of(&list, &state, date, 1),
            expected,
            "{days_left} days"
        );
    }

    // A task without its own deadline is due at the plan's end.
    let date = day(12, 17);
    let state = state(&[], vec![update(2, date, InProgress, None)]);
    let expected = lit(Yellow, vec![Reason::DeadlineSoon { days: 14 }]);
    assert_eq!(light_of(&list, &state, date, 2), expected);
}

#[test]
fn lagging_is_red() {
    let list = list(vec![led(1, "A局")]);
    let state = state(&[], vec![update(1, meeting(0), Lagging, None)]);
    let got = light_of(&list, &state, meeting(0), 1);
    assert_eq!(got, lit(Red, vec![Reason::StatusLagging]));
}

#[test]
fn not_started_is_red_at_the_fourth_meeting_in_a_row() {
    let list = list(vec![led(1, "A局")]);
    let red = |meetings| lit(Red, vec![Reason::NotStartedFor { meetings }]);
    // Updated at every meeting, so that the no-update rule stays out of it.
    let cases = [(3, green()), (4, red(4)), (5, red(5))];
    for (held, expected) in cases {
        let held = meetings(held);
        let state = state(&held, each(1, &held, NotStarted));
        let date = *held.last().unwrap();
        assert_eq!(
            light_of(&list, &state, date, 1),
            expected,
            "{} meetings",
            held.len()
        );
    }

    // 推进中 at the second of four meetings breaks the run.
    let held = meetings(4);
    let mut updates = each(1, &held, NotStarted);
    updates[1].status = InProgress;
    assert_eq!(
        light_of(&list, &state(&held, updates), meeting(3), 1),
        green()
    );

    // 未启动 at a meeting is the status as of its date, updated there or not.
    let updates = vec![update(1, meeting(0), NotStarted, None)];
    let got = light_of(&list, &state(&held, updates), meeting(3), 1);
    assert_eq!(got, red(4));
}

#[test]
fn no_update_is_yellow_at_the_second_meeting_in_a_row() {
    let list = list(vec![led(1, "A局")]);
    let quiet = |meetings| lit(Yellow, vec![Reason::NoUpdate { meetings }]);
    // (meetings held, the meetings with an update of the task, expected)
    let cases = [
        (1, vec![], green()),
        (2, vec![], quiet(2)),
        (2, vec![0], green()),
        (2, vec![1], green()),
        (3, vec![0], quiet(2)),
        (3, vec![], quiet(3)),
    ];
    for (held, updated, expected) in cases {
        let held = meetings(held);
        let updates = updated
            .iter()
            .map(|&n| update(1, meeting(n), InProgress, None))
            .collect();
        let date = *held.last().unwrap();
        let got = light_of(&list, &state(&held, updates), date, 1);
        assert_eq!(got, expected, "{} held, updated at {updated:?}", held.len());
    }
}

#[test]
fn a_red_task_that_catches_up_passes_through_yellow() {
    let list = list(vec![led(1, "A局")]);
    let updates = vec![
        update(1, meeting(0), Lagging, None),
        update(1, meeting(1), InProgress, None),
        update(1, meeting(2), InProgress, None),
    ];
    let state = state(&[], updates);
    let config = RulesConfig::default();
    let rules = Rules::new(&list, &state, &config);
    let lights: Vec<TaskLight> = (0..3)
        .map(|n| rules.evaluate(meeting(n)).light(1).unwrap().clone())
        .collect();
    let expected = [
        lit(Red, vec![Reason::StatusLagging]),
        lit(Yellow, vec![Reason::WasRed]),
        green(),
    ];
    assert_eq!(lights, expected);

    // Between meetings the previous meeting is still the red one.
    let between = rules.evaluate(meeting(1) + Days::new(3));
    assert_eq!(between.light(1), Some(&expected[1]));
    assert_eq!(between.task(1).unwrap().history, [Some(Red), Some(Yellow)]);
}

#[test]
fn the_catch_up_rule_walks_a_long_history_quickly() {
    // Red and recovered in turn over a year of meetings: a recursion over earlier
    // meetings without memory would take 2^52 steps here.
    let list = list(vec![led(1, "A局")]);
    let held: Vec<NaiveDate> = (0..52).map(|n| day(1, 4) + Days::new(7 * n)).collect();
    let updates = held
        .iter()
        .enumerate()
        .map(|(i, &d)| update(1, d, if i % 3 == 0 { Lagging } else { InProgress }, None))
        .collect();
    let state = state(&held, updates);
    let config = RulesConfig::default();
    let evaluation = Rules::new(&list, &state, &config).evaluate(day(12, 27));
    let history = &evaluation.task(1).unwrap().history;
    assert_eq!(history.len(), 52);
    assert_eq!(
        history[..4],
        [Some(Red), Some(Yellow), Some(Green), Some(Red)]
    );
}

#[test]
fn done_tasks_are_closed_until_reopened() {
    let list = list(vec![due(led(1, "A局"), day(3, 1))]);
    let updates = vec![update(1, meeting(0), Done, Some(100))];
    let closed = light_of(&list, &state(&[], updates.clone()), meeting(0), 1);
    assert_eq!(closed, TaskLight::closed());
    assert!(closed.is_closed());

    let mut updates = updates;
    updates.push(update(1, meeting(1), InProgress, Some(90)));
    let reopened = light_of(&list, &state(&[], updates), meeting(1), 1);
    assert_eq!(reopened.light, Some(Red));
}

#[test]
fn with_no_meeting_held_only_the_deadline_rules_fire() {
    let list = list(vec![
        due(led(1, "A局"), day(3, 1)),
        due(led(2, "A局"), day(3, 20)),
        led(3, "A局"),
    ]);
    let state = State::default();
    let config = RulesConfig::default();
    let evaluation = Rules::new(&list, &state, &config).evaluate(day(3, 10));
    assert!(evaluation.meetings.is_empty());
    assert_eq!(evaluation.this_meeting(), None);
    let lights: Vec<Option<Light>> = evaluation.tasks.iter().map(|t| t.light.light).collect();
    assert_eq!(lights, [Some(Red), Some(Yellow), Some(Green)]);
    assert!(evaluation.tasks.iter().all(|t| t.history.is_empty()));
    assert_eq!(evaluation.changes(), Changes::default());
}

#[test]
fn every_update_date_counts_as_a_meeting() {
    // A hand-edited state whose meetings lost a date its updates still carry.
    let list = list(vec![led(1, "A局")]);
    let state = State {
        meetings: vec![crate::model::Meeting { date: meeting(1) }],
        updates: vec![update(1, meeting(0), InProgress, None)],
    };
    let config = RulesConfig::default();
    let rules = Rules::new(&list, &state, &config);
    assert_eq!(rules.meetings(), [meeting(0), meeting(1)]);
    // Meetings after D do not count.
    assert_eq!(rules.evaluate(meeting(0)).meetings, [meeting(0)]);
}

#[test]
fn config_numbers_change_the_rules() {
    let list = list(vec![due(led(1, "A局"), after_start(200))]);
    let date = after_start(61);
    let state = state(&[], vec![update(1, date, InProgress, Some(0))]);
    let config = RulesConfig {
        red_points_behind: 40.0,
        yellow_points_behind: 35.0,
        ..RulesConfig::default()
    };
    let evaluation = Rules::new(&list, &state, &config).evaluate(date);
    assert_eq!(evaluation.light(1), Some(&green()));

    // A look-back of 0 meetings is off, not always on.
    let list = super::list(vec![led(1, "A局")]);
    let held = meetings(2);
    let state = super::state(&held, vec![]);
    let config = RulesConfig {
        yellow_no_update_meetings: 0,
        red_not_started_meetings: 0,
        ..RulesConfig::default()
    };
    let evaluation = Rules::new(&list, &state, &config).evaluate(meeting(1));
    assert_eq!(evaluation.light(1), Some(&green()));
}

#[test]
fn changes_list_lights_that_moved_since_the_previous_meeting() {
    let list = list(vec![
        led(1, "A局"),
        led(2, "A局"),
        led(3, "A局"),
        led(4, "A局"),
    ]);
    let mut updates = each(4, &meetings(2), InProgress);
    updates.extend([
        update(1, meeting(0), InProgress, None),
        update(1, meeting(1), Lagging, None),
        update(2, meeting(0), InProgress, None),
        update(2, meeting(1), Done, None),
        update(3, meeting(0), Lagging, None),
        update(3, meeting(1), InProgress, None),
    ]);
    let state = state(&[], updates);
    let config = RulesConfig::default();
    let changes = Rules::new(&list, &state, &config)
        .evaluate(meeting(1))
        .changes();
    let change = |id, before, after| LightChange { id, before, after };
    let expected = Changes {
        previous: Some(meeting(0)),
        changed: vec![
            change(1, Some(Green), Some(Red)),
            change(2, Some(Green), None),
            change(3, Some(Red), Some(Yellow)),
        ],
        newly_done: vec![2],
        newly_red: vec![1],
    };
    assert_eq!(changes, expected);
}
