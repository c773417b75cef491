//! Snapshots of every screen at 80×24 and at projector size 160×45, on the 2021
//! list with a sample meeting and a fixed date. A snapshot proves a screen stays
//! as it was reviewed; the screenshots in the README show how it looks.

mod common;

use chrono::NaiveDate;
use duban::model::{Status, Update};

use common::{app, app_with_state, press, screen, type_text};

/// Both sizes every screen is checked at.
const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];

fn check(name: &str, setup: impl Fn(&mut duban::app::App)) {
    for (width, height) in SIZES {
        let mut app = app(width, height);
        setup(&mut app);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), screen(&app));
    }
}

#[test]
fn board() {
    check("board", |_| {});
}

#[test]
fn detail_of_a_task_with_updates() {
    check("detail", |app| press(app, &[":", "3", "9", "enter"]));
}

/// The sample meeting, but task 38 (whose content takes three lines at 80
/// columns) lagging, with an update at each of the two meetings.
fn long_task_lagging() -> duban::model::State {
    let mut state = common::sample_state();
    state.updates.retain(|u| u.task != 38);
    let updates = [
        (
            11,
            Status::InProgress,
            40,
            "爱山东APP完成改版，上线事项520项",
        ),
        (
            18,
            Status::Lagging,
            55,
            "语音搜索功能待验收，应用服务事项达到610项，低于序时进度",
        ),
    ];
    for (day, status, progress, note) in updates {
        state.record(Update {
            task: 38,
            date: NaiveDate::from_ymd_opt(2021, 10, day).expect("an October day"),
            status,
            progress: Some(progress),
            note: note.to_string(),
        });
    }
    state
}

#[test]
fn detail_of_a_long_task_shows_its_newest_update() {
    for (width, height) in SIZES {
        let mut app = app_with_state(width, height, long_task_lagging());
        press(&mut app, &[":", "3", "8", "enter"]);
        let screen = screen(&app);
        // What the meeting discusses: the newest update's date, status and note.
        assert!(
            screen.contains("2021-10-18 滞后 55% 语音搜索功能待验收"),
            "{screen}"
        );
        insta::assert_snapshot!(format!("detail_long_task_{width}x{height}"), screen);
    }
}

#[test]
fn filtered_and_searched() {
    check("filtered", |app| {
        press(app, &["c"]);
        type_text(app, "szzf");
        press(app, &["enter", "/"]);
        type_text(app, "dsj");
        press(app, &["enter"]);
    });
}

#[test]
fn category_picker() {
    check("category_picker", |app| press(app, &["c"]));
}

#[test]
fn unit_picker_searched() {
    check("unit_picker", |app| {
        press(app, &["u"]);
        type_text(app, "sj");
    });
}

#[test]
fn status_chooser() {
    check("status_chooser", |app| {
        press(app, &[":", "3", "8", "enter", "s"])
    });
}

#[test]
fn note_form() {
    check("note_form", |app| {
        press(app, &["n"]);
        type_text(app, "已完成主体");
    });
}

#[test]
fn help_overlay() {
    check("help", |app| press(app, &["?"]));
}

#[test]
fn too_small() {
    let mut app = app(30, 8);
    press(&mut app, &["c"]);
    insta::assert_snapshot!("too_small_30x8", screen(&app));
}

#[test]
fn interview_list() {
    check("interview_list", |app| press(app, &["w", "j"]));
}

#[test]
fn changes_since_the_last_meeting() {
    check("changes", |app| press(app, &["w", "tab"]));
}

#[test]
fn red_tasks_sorted_by_light() {
    check("red_tasks", |app| press(app, &["l", "o"]));
}
