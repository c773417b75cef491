//! Driving the real `duban` binary in tmux from tests: a server of its own
//! per test, keys typed as the secretary would, the screen read with
//! `capture-pane`, and the workspace checked through `duban list`. Shared by
//! the end-to-end test files.

#![allow(dead_code)] // Each test file uses its own part of these helpers.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_duban");

/// How long to wait for the screen or a file to show something. Polling ends
/// as soon as it does; the limit only matters on a loaded CI machine.
pub const PATIENCE: Duration = Duration::from_secs(10);
pub const POLL: Duration = Duration::from_millis(40);

/// Text from the shipped data, so that waits do not depend on UI wording.
pub const TASK_1: &str = "推动5G基站建设";
pub const TITLE: &str = "2021年数字威海建设重点任务清单";
/// A category's full name, shown by the category picker only.
pub const IN_CATEGORY_PICKER: &str = "健全保障有力的推进机制";

/// One tmux server on its own socket, running duban in one pane. Dropping it
/// kills the server, so a failed assertion leaves no process behind.
///
/// The socket lives in a temporary folder of its own (`-S`) rather than under
/// a name in tmux's shared folder (`-L`): tests in parallel cannot meet, and no
/// socket file is left behind.
pub struct Tmux {
    socket: PathBuf,
    /// Where the shell writes duban's exit status once it has quit.
    exit_file: PathBuf,
    /// Where the shell writes `stty -a` once duban has quit, to show whether
    /// the terminal was given back (PITFALLS 2).
    pub stty_file: PathBuf,
    /// Removed after the server is killed, since fields drop after `drop`.
    _socket_dir: tempfile::TempDir,
}

impl Tmux {
    /// Starts duban on `dir` in a `width`×`height` window.
    pub fn start(dir: &Path, width: u16, height: u16) -> Tmux {
        Tmux::start_with(dir, width, height, "")
    }

    /// Starts duban as [`Tmux::start`] does, after `shell`: shell text such
    /// as `NAME=value ` to set a variable, or `trap '' HUP; ` to shield it.
    pub fn start_with(dir: &Path, width: u16, height: u16, shell: &str) -> Tmux {
        require_tmux();
        let socket_dir = tempfile::tempdir().unwrap();
        let tmux = Tmux {
            socket: socket_dir.path().join("tmux"),
            exit_file: socket_dir.path().join("exit"),
            stty_file: socket_dir.path().join("stty"),
            _socket_dir: socket_dir,
        };
        // The exit status is written last, so once it is there, so is stty's.
        let command = format!(
            "{shell}{} --data {}; code=$?; stty -a > {}; echo $code > {}",
            quote(BIN),
            quote(&dir.to_string_lossy()),
            quote(&tmux.stty_file.to_string_lossy()),
            quote(&tmux.exit_file.to_string_lossy())
        );
        let (width, height) = (width.to_string(), height.to_string());
        // remain-on-exit keeps the pane after duban quits, so its last words
        // can still be read.
        let new_session = [
            "new-session",
            "-d",
            "-x",
            &width,
            "-y",
            &height,
            "-s",
            "duban",
        ];
        let remain = [";", "set-option", "-g", "remain-on-exit", "on"];
        tmux.run(&[&new_session[..], &[command.as_str()], &remain].concat());
        tmux
    }

    pub fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            // No user configuration; UTF-8 whatever the locale says.
            .args(["-f", "/dev/null", "-u"])
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("tmux runs")
    }

    /// Runs a tmux command that must succeed.
    pub fn run(&self, args: &[&str]) -> String {
        let out = self.tmux(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "tmux {args:?} failed: {stderr}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Types keys; each argument is a tmux key name or literal text.
    pub fn keys(&self, keys: &[&str]) {
        let args = [&["send-keys", "-t", "duban"][..], keys].concat();
        self.run(&args);
    }

    pub fn resize(&self, width: u16, height: u16) {
        let (width, height) = (width.to_string(), height.to_string());
        self.run(&["resize-window", "-t", "duban", "-x", &width, "-y", &height]);
    }

    /// Whether the pane is dead (its program exited); `None` when the session
    /// itself is gone.
    pub fn pane_dead(&self) -> Option<bool> {
        let out = self.tmux(&["list-panes", "-t", "duban", "-F", "#{pane_dead}"]);
        let text = String::from_utf8_lossy(&out.stdout);
        out.status.success().then(|| text.trim() == "1")
    }

    pub fn assert_alive(&self, when: &str) {
        let dead = self.pane_dead();
        assert!(
            dead == Some(false),
            "duban died {when} (pane dead: {dead:?}); last screen:\n{}",
            self.screen()
        );
    }

    /// The pane's text, or nothing once the session is gone.
    pub fn screen(&self) -> String {
        let out = self.tmux(&["capture-pane", "-p", "-t", "duban"]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Polls the screen until `ready` holds; fails with the last screen.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            if start.elapsed() > PATIENCE {
                panic!("the screen never showed {what}; last screen:\n{screen}");
            }
            self.assert_alive(&format!("while waiting for {what}"));
            sleep(POLL);
        }
    }

    pub fn wait_for_text(&self, text: &str) -> String {
        self.wait_for(text, |screen| screen.contains(text))
    }

    /// Waits for duban to exit after `q`; returns its exit status.
    ///
    /// The status comes from the shell, since tmux may show a pane as dead
    /// before it has reaped the process and learnt its status.
    pub fn wait_for_exit(&self) -> String {
        let start = Instant::now();
        loop {
            let dead = self.pane_dead();
            if dead != Some(false)
                && let Ok(status) = std::fs::read_to_string(&self.exit_file)
            {
                return status.trim().to_string();
            }
            if start.elapsed() > PATIENCE {
                panic!(
                    "duban did not exit (pane dead: {dead:?}):\n{}",
                    self.screen()
                );
            }
            sleep(POLL);
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

/// Fails, never skips, when tmux is missing: a skipped test would pass CI
/// without the board ever having been driven.
pub fn require_tmux() {
    let found = Command::new("tmux").arg("-V").output();
    assert!(
        found.is_ok_and(|out| out.status.success()),
        "tmux is not installed; install it (apt-get install tmux, brew install tmux) \
         to run the board's end-to-end tests. CI installs it."
    );
}

/// Quotes a word for the shell tmux runs the command with.
pub fn quote(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}

/// The status label of each task, read with `duban list --format tsv`.
pub fn status_of(dir: &Path, id: u32) -> String {
    let out = Command::new(BIN)
        .arg("--data")
        .arg(dir)
        .args(["list", "--format", "tsv"])
        .output()
        .expect("duban list runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut lines = stdout.lines().map(|l| l.split('\t').collect::<Vec<_>>());
    let header = lines.next().expect("a header row");
    let column = |name| header.iter().position(|h| *h == name).expect(name);
    let (id_col, status_col) = (column("id"), column("status"));
    let row = lines.find(|r| r[id_col] == id.to_string());
    row.unwrap_or_else(|| panic!("no task {id}"))[status_col].to_string()
}

/// Polls `duban list` until task `id` stands at `label`; every change is saved
/// at once, so it shows there while the board is still open.
pub fn wait_for_status(tmux: &Tmux, dir: &Path, id: u32, label: &str) {
    let start = Instant::now();
    loop {
        let status = status_of(dir, id);
        if status == label {
            return;
        }
        if start.elapsed() > PATIENCE {
            panic!(
                "task {id} is {status}, not {label}; screen:\n{}",
                tmux.screen()
            );
        }
        tmux.assert_alive(&format!("while waiting for task {id} to be {label}"));
        sleep(POLL);
    }
}
