//! The board end to end: each test runs the real `duban` binary inside a tmux
//! server of its own, types keys as the secretary would, reads the screen with
//! `capture-pane`, and checks the workspace through `duban list`.
//!
//! tmux is required. Without it these tests fail with a message asking for it,
//! rather than passing without having looked at anything.

mod tmux_support;

use std::process::Command;
use std::thread::sleep;

use tmux_support::{IN_CATEGORY_PICKER, POLL, TASK_1, TITLE, Tmux, status_of, wait_for_status};

/// The Done-when, key for key, in a 100×30 terminal.
#[test]
fn marking_undoing_and_quitting_are_saved() {
    let dir = tempfile::tempdir().unwrap();
    let tmux = Tmux::start(dir.path(), 100, 30);
    tmux.wait_for_text(TASK_1);

    tmux.keys(&[":38", "Enter"]);
    tmux.keys(&["s"]);
    tmux.keys(&["4"]);
    wait_for_status(&tmux, dir.path(), 38, "已完成");

    tmux.keys(&[":39", "Enter"]);
    tmux.keys(&["s"]);
    tmux.keys(&["3"]);
    wait_for_status(&tmux, dir.path(), 39, "滞后");
    tmux.keys(&["C-z"]);
    wait_for_status(&tmux, dir.path(), 39, "未启动");

    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), "0", "duban's exit status");
    assert_eq!(status_of(dir.path(), 38), "已完成");
    assert_eq!(status_of(dir.path(), 39), "未启动");
}

#[test]
fn the_first_screen_at_80x24_shows_task_1_and_the_hints() {
    let dir = tempfile::tempdir().unwrap();
    let tmux = Tmux::start(dir.path(), 80, 24);

    // The hint bar is the last row drawn; it must name at least quit and search.
    let hint_bar = |screen: &str| {
        let last = screen.lines().rev().find(|l| !l.trim().is_empty());
        last.is_some_and(|l| ["q", "退出", "/", "搜索"].iter().all(|h| l.contains(h)))
    };
    let screen = tmux.wait_for("task 1 and the hint bar", |screen| {
        screen.contains(TASK_1) && hint_bar(screen)
    });
    assert!(
        screen.contains(TITLE),
        "the header names the list:\n{screen}"
    );
}

/// PITFALLS 3: a popup open while the window shrinks to almost nothing and
/// grows back must not crash the board.
#[test]
fn resizing_with_a_popup_open_keeps_the_board_alive() {
    let dir = tempfile::tempdir().unwrap();
    let tmux = Tmux::start(dir.path(), 100, 30);
    tmux.wait_for_text(TASK_1);
    tmux.keys(&["c"]);
    tmux.wait_for_text(IN_CATEGORY_PICKER);

    // Below its minimum size the board draws a short notice, and one cell may
    // well stay blank; the wording is the UI's, so only survival is checked.
    for (width, height) in [(30, 8), (1, 1)] {
        tmux.resize(width, height);
        for _ in 0..10 {
            sleep(POLL);
            tmux.assert_alive(&format!("after a resize to {width}×{height}"));
        }
    }
    tmux.resize(100, 30);
    tmux.wait_for("the board and picker again", |screen| {
        screen.contains(TITLE) && screen.contains(IN_CATEGORY_PICKER)
    });

    tmux.keys(&["Escape"]);
    tmux.wait_for("the board without the picker", |screen| {
        screen.contains(TASK_1) && !screen.contains(IN_CATEGORY_PICKER)
    });
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), "0", "duban's exit status");
}

/// PITFALLS 3 from the other side: a board started in a window far too small
/// survives every screen's keys, and draws the board once the window grows.
#[test]
fn a_board_started_at_20x5_survives_keys_and_draws_once_grown() {
    let dir = tempfile::tempdir().unwrap();
    let tmux = Tmux::start(dir.path(), 20, 5);
    // Too small for the board: what the notice says is the UI's concern, so
    // only that something is drawn is waited for.
    tmux.wait_for("anything at 20×5", |screen| !screen.trim().is_empty());

    // Every screen's way in and out: search with text typed, the category
    // picker, help, the status chooser, warnings, and paging the list.
    let keys = [
        "j", "k", "/", "d", "s", "j", "Escape", "c", "Escape", "?", "Escape", "s", "Escape", "w",
        "Escape", "PageDown",
    ];
    for key in keys {
        tmux.keys(&[key]);
        // A pause after each key, so that Escape and the next key reach the
        // board apart rather than as one Alt chord.
        sleep(POLL);
        tmux.assert_alive(&format!("after {key} in 20×5"));
    }

    // After PageDown, task 1 may sit above the view; Home brings it back,
    // which shows the rows are drawn and the keys still work.
    tmux.resize(100, 30);
    tmux.wait_for_text(TITLE);
    tmux.keys(&["Home"]);
    tmux.wait_for("the board from task 1 at 100×30", |screen| {
        screen.contains(TITLE) && screen.contains(TASK_1)
    });
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), "0", "duban's exit status");
}

#[test]
fn quitting_ends_the_process() {
    let dir = tempfile::tempdir().unwrap();
    let tmux = Tmux::start(dir.path(), 100, 30);
    tmux.wait_for_text(TASK_1);

    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), "0", "duban's exit status");
    assert!(!tmux.screen().contains("duban:"), "no error was printed");

    let stty = std::fs::read_to_string(&tmux.stty_file).expect("stty ran after duban");
    let settings: Vec<&str> = stty.split_whitespace().collect();
    for setting in ["icanon", "echo"] {
        assert!(
            settings.contains(&setting),
            "raw mode left on, no {setting}:\n{stty}"
        );
    }
}

#[test]
fn sigterm_ends_the_board_and_gives_the_terminal_back() {
    let dir = tempfile::tempdir().unwrap();
    let tmux = Tmux::start(dir.path(), 100, 30);
    tmux.wait_for_text(TASK_1);

    // The board is the process whose command line names this test's folder.
    let found = Command::new("pgrep")
        .args(["-f", "--", &format!("--data {}", dir.path().display())])
        .output()
        .expect("pgrep runs");
    let pids = String::from_utf8_lossy(&found.stdout).to_string();
    let pid = pids.lines().next().expect("the board is running");
    let killed = Command::new("kill").args(["-TERM", pid]).status().unwrap();
    assert!(killed.success());

    assert_eq!(
        tmux.wait_for_exit(),
        "0",
        "duban's exit status after SIGTERM"
    );
    let stty = std::fs::read_to_string(&tmux.stty_file).expect("stty ran after duban");
    let settings: Vec<&str> = stty.split_whitespace().collect();
    for setting in ["icanon", "echo"] {
        assert!(
            settings.contains(&setting),
            "raw mode left on, no {setting}:\n{stty}"
        );
    }
}
