//! The detail pane keeps the newest update in view: on every task of the 2021
//! list, at every size the board is shown at, the latest update's date, status
//! and the start of its note stand under the task, however long its content.

mod common;

use chrono::NaiveDate;

use duban::model::{State, Status, Update};

/// From the smallest projector set-up to the largest (BRIEF: 80×24 to 120×35,
/// and 160×45).
const SIZES: [(u16, u16); 4] = [(80, 24), (100, 30), (120, 35), (160, 45)];

/// Two updates on every task: one at each meeting, the newest lagging.
fn two_updates_each() -> State {
    let mut state = State::default();
    for task in common::list().tasks {
        for (day, status, note) in [
            (11, Status::InProgress, "方案已报市政府常务会议审议"),
            (18, Status::Lagging, "资金尚未到位，需市财政局协调"),
        ] {
            state.record(Update {
                task: task.id,
                date: NaiveDate::from_ymd_opt(2021, 10, day).expect("an October day"),
                status,
                progress: None,
                note: note.to_string(),
            });
        }
    }
    state
}

#[test]
fn every_task_shows_its_newest_update_at_every_size() {
    for (width, height) in SIZES {
        let mut app = common::app_with_state(width, height, two_updates_each());
        for id in 1..=90 {
            let mut keys = vec![":".to_string()];
            keys.extend(id.to_string().chars().map(String::from));
            keys.push("enter".into());
            let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
            common::press(&mut app, &keys);
            let screen = common::screen(&app);
            assert!(
                screen.contains("2021-10-18 滞后 资金尚未到位"),
                "task {id} at {width}×{height}:\n{screen}"
            );
            if width >= 160 {
                // A pane beside the table has room for the whole history.
                assert!(
                    screen.contains("2021-10-11 推进中 方案已报"),
                    "task {id} at {width}×{height}:\n{screen}"
                );
            }
        }
    }
}
