//! The board and its workspace, end to end in tmux: what happens to the
//! record when a second program comes along, when the window is closed, and
//! when the board panics (PITFALLS 2, 13).

mod cli_support;
mod tmux_support;

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::Instant;

use cli_support::{fails, ok};
use tmux_support::{PATIENCE, POLL, TASK_1, Tmux, status_of, wait_for_status};

/// The processes whose command line names this workspace: the boards on it.
fn boards_on(dir: &Path) -> Vec<String> {
    let found = Command::new("pgrep")
        .args(["-f", "--", &format!("--data {}", dir.display())])
        .output()
        .expect("pgrep runs");
    String::from_utf8_lossy(&found.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

/// Polls until `duban set ID STATUS` is let through, which it is once no
/// board holds the workspace; fails after [`PATIENCE`].
fn wait_until_set_succeeds(dir: &Path, id: &str, status: &str) {
    let start = Instant::now();
    loop {
        let out = cli_support::run(dir, &["set", id, status]);
        if out.status.success() {
            return;
        }
        if start.elapsed() > PATIENCE {
            panic!(
                "the workspace stayed held; boards still running: {:?}\n{}",
                boards_on(dir),
                cli_support::text(&out.stderr)
            );
        }
        sleep(POLL);
    }
}

#[test]
fn a_set_while_the_board_is_open_is_refused_and_neither_side_loses_a_mark() {
    let dir = tempfile::tempdir().unwrap();
    let tmux = Tmux::start(dir.path(), 100, 30);
    tmux.wait_for_text(TASK_1);

    let before = std::fs::read(dir.path().join("state.ron")).ok();
    let refused = fails(dir.path(), &["set", "38", "done"]);
    assert!(
        refused.contains("另一个 duban 正在使用这个工作区") && refused.contains("进程"),
        "the refusal says who holds the workspace:\n{refused}"
    );
    let after = std::fs::read(dir.path().join("state.ron")).ok();
    assert_eq!(before, after, "a refused set writes nothing");

    tmux.keys(&[":39", "Enter"]);
    tmux.keys(&["s"]);
    tmux.keys(&["3"]);
    wait_for_status(&tmux, dir.path(), 39, "滞后");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), "0", "duban's exit status");

    ok(dir.path(), &["set", "38", "done"]);
    assert_eq!(
        status_of(dir.path(), 38),
        "已完成",
        "the set, once let through"
    );
    assert_eq!(status_of(dir.path(), 39), "滞后", "the board's mark");
}

#[test]
fn a_second_board_opens_read_only_names_the_holder_and_records_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let first = Tmux::start(dir.path(), 100, 30);
    first.wait_for_text(TASK_1);
    let second = Tmux::start(dir.path(), 100, 30);
    second.wait_for_text("只读");

    second.keys(&["s"]);
    second.keys(&["4"]);
    second.wait_for("the holder named", |screen| screen.contains("进程"));
    assert_eq!(
        status_of(dir.path(), 1),
        "未启动",
        "the second board wrote nothing"
    );

    first.keys(&["s"]);
    first.keys(&["2"]);
    wait_for_status(&first, dir.path(), 1, "推进中");
    second.keys(&["q"]);
    assert_eq!(second.wait_for_exit(), "0");
    assert_eq!(
        status_of(dir.path(), 1),
        "推进中",
        "quitting the second loses nothing"
    );
}

/// The read-only board follows what the holder records, and once the holder
/// quits it takes the workspace and records itself.
#[test]
fn a_read_only_board_takes_over_when_the_holder_quits() {
    let dir = tempfile::tempdir().unwrap();
    let first = Tmux::start(dir.path(), 100, 30);
    first.wait_for_text(TASK_1);
    let second = Tmux::start(dir.path(), 100, 30);
    second.wait_for_text("只读");

    first.keys(&["s"]);
    first.keys(&["3"]);
    wait_for_status(&first, dir.path(), 1, "滞后");
    second.wait_for("the holder's mark", |screen| screen.contains("滞后"));
    first.keys(&["q"]);
    assert_eq!(first.wait_for_exit(), "0");

    second.wait_for("taken over", |screen| screen.contains("这里现在可以记录了"));
    second.keys(&["j", "s"]);
    second.keys(&["2"]);
    wait_for_status(&second, dir.path(), 2, "推进中");
    assert_eq!(
        status_of(dir.path(), 1),
        "滞后",
        "the first board's mark stays"
    );
}

/// A closed window (here the whole tmux server killed) hangs up the board's
/// terminal; it must end and let go of the workspace rather than spin on.
#[test]
fn closing_the_window_ends_the_board_and_frees_the_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let tmux = Tmux::start(dir.path(), 100, 30);
    tmux.wait_for_text(TASK_1);
    tmux.keys(&["s"]);
    tmux.keys(&["2"]);
    wait_for_status(&tmux, dir.path(), 1, "推进中");

    drop(tmux);
    wait_until_set_succeeds(dir.path(), "2", "in_progress");
    assert!(boards_on(dir.path()).is_empty(), "no board left running");
    assert_eq!(
        status_of(dir.path(), 1),
        "推进中",
        "the board's mark was saved"
    );
}

/// As above when no SIGHUP reaches the board, because the shell that started
/// it ignores the signal: the board must notice the terminal is gone.
#[test]
fn a_board_shielded_from_sighup_still_ends_when_its_terminal_goes() {
    let dir = tempfile::tempdir().unwrap();
    let tmux = Tmux::start_with(dir.path(), 100, 30, "trap '' HUP; ");
    tmux.wait_for_text(TASK_1);

    drop(tmux);
    wait_until_set_succeeds(dir.path(), "3", "done");
    assert!(boards_on(dir.path()).is_empty(), "no board left running");
}

/// PITFALLS 2: after a panic the shell echoes again and the message, with
/// the log's path, is printed once on the normal screen. Debug builds panic
/// on F12 when asked to by this variable.
#[test]
fn a_panic_gives_the_terminal_back_and_says_so_once() {
    let dir = tempfile::tempdir().unwrap();
    let tmux = Tmux::start_with(dir.path(), 100, 30, "DUBAN_TEST_PANIC_ON_F12=1 ");
    tmux.wait_for_text(TASK_1);

    tmux.keys(&["F12"]);
    assert_eq!(tmux.wait_for_exit(), "101", "a panic's exit status");
    let screen = tmux.screen();
    assert_eq!(
        screen
            .matches("a panic asked for by the test key F12")
            .count(),
        1,
        "the message once:\n{screen}"
    );
    assert_eq!(screen.matches("duban: log:").count(), 1, "{screen}");
    let log = std::fs::read_to_string(dir.path().join("duban.log")).unwrap();
    assert!(
        log.contains("ERROR duban: panicked") && log.contains("test key F12"),
        "the log it points to says what happened:\n{log}"
    );
    assert!(
        !screen.contains(TASK_1),
        "the board's screen is gone:\n{screen}"
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
