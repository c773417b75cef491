//! Snapshots of every screen at 80×24 and at projector size 160×45, on the 2021
//! list with a sample meeting and a fixed date. A snapshot proves a screen stays
//! as it was reviewed; the screenshots in the README show how it looks.

mod common;

use common::{app, press, screen, type_text};

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
