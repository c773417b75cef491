//! Bounded fuzzing with proptest: the file loaders, the search query and the
//! board must never panic or hang, whatever bytes, queries, keys, pastes and
//! window sizes they get. Each case runs under a deadline, so a hang fails
//! the test instead of stalling CI.

mod common;

use std::fs;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use proptest::prelude::*;

use duban::filter::TaskField;
use duban::keymap::Key;
use duban::search::{Matcher, Query};
use duban::storage::{BUILTIN_TASKS, CONFIG_FILE, STATE_FILE, TASKS_FILE, Workspace};

/// Far more than any case takes; a case past it is taken to hang.
const DEADLINE: Duration = Duration::from_secs(10);

/// Runs `work` on its own thread and fails if it panics or outlives the
/// [`DEADLINE`].
fn within_deadline<T: Send + 'static>(what: &str, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, result) = mpsc::channel();
    let worker = thread::spawn(move || {
        let _ = done.send(work());
    });
    match result.recv_timeout(DEADLINE) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{what} hung for {DEADLINE:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            let _ = worker.join();
            panic!("{what} panicked")
        }
    }
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        max_shrink_iters: 200,
        ..ProptestConfig::default()
    }
}

/// A state file with a few updates, as duban writes it.
const STATE: &str = include_str!("corpus/state-good.ron");

/// The text of a workspace file as duban would write it.
fn valid(file: &str) -> String {
    match file {
        TASKS_FILE => BUILTIN_TASKS.to_string(),
        STATE_FILE => STATE.to_string(),
        _ => duban::storage::config_template(),
    }
}

/// Damage done to a valid file: what a crash, an editor or a wrong program does.
#[derive(Clone, Debug)]
enum Damage {
    Cut(usize),
    Flip(usize, u8),
    Insert(usize, String),
    Remove(usize, usize),
    Junk(Vec<u8>),
}

fn damage() -> impl Strategy<Value = Damage> {
    let ron_bits = prop_oneof![
        Just("(".to_string()),
        Just(")".to_string()),
        Just("[".repeat(300)),
        Just("\"".to_string()),
        Just("/*".to_string()),
        Just("r#\"".to_string()),
        Just("task: 999,".to_string()),
        Just("progress: Some(255),".to_string()),
        Just("date: \"2021-02-30\",".to_string()),
        Just("id: 1,".to_string()),
        Just("\u{FEFF}".to_string()),
        Just("\r\n".to_string()),
        "\\PC{0,20}",
    ];
    prop_oneof![
        any::<usize>().prop_map(Damage::Cut),
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Damage::Flip(at, b)),
        (any::<usize>(), ron_bits).prop_map(|(at, s)| Damage::Insert(at, s)),
        (any::<usize>(), 1..200usize).prop_map(|(at, n)| Damage::Remove(at, n)),
        proptest::collection::vec(any::<u8>(), 0..400).prop_map(Damage::Junk),
    ]
}

fn apply(text: &str, damage: &Damage) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    let at = |n: usize| n % (bytes.len() + 1);
    match damage {
        Damage::Cut(n) => bytes.truncate(at(*n)),
        Damage::Flip(n, b) => {
            let i = at(*n).min(bytes.len().saturating_sub(1));
            if let Some(byte) = bytes.get_mut(i) {
                *byte ^= b | 1;
            }
        }
        Damage::Insert(n, s) => {
            let i = at(*n);
            bytes.splice(i..i, s.bytes());
        }
        Damage::Remove(n, len) => {
            let i = at(*n);
            let end = (i + len).min(bytes.len());
            bytes.drain(i..end);
        }
        Damage::Junk(junk) => bytes.clone_from(junk),
    }
    bytes
}

fn workspace_file() -> impl Strategy<Value = &'static str> {
    prop_oneof![Just(TASKS_FILE), Just(STATE_FILE), Just(CONFIG_FILE)]
}

proptest! {
    #![proptest_config(config(200))]

    /// Whatever a file holds, `check` and `load` end, agree on whether there
    /// is a problem, and a file that does not load is left as it was.
    #[test]
    fn damaged_files_never_panic_and_are_never_written(
        file in workspace_file(),
        damage in damage(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let workspace = Workspace::at(dir.path());
        for other in [TASKS_FILE, STATE_FILE, CONFIG_FILE] {
            fs::write(workspace.path(other), valid(other)).unwrap();
        }
        let bytes = apply(&valid(file), &damage);
        fs::write(workspace.path(file), &bytes).unwrap();

        let checked = workspace.clone();
        let problems = within_deadline("check", move || checked.check());
        let loading = workspace.clone();
        let loaded = within_deadline("load", move || loading.load().map(|_| ()));

        match &loaded {
            Ok(()) => prop_assert!(problems.is_empty(), "loads, yet check says {problems:?}"),
            Err(error) => {
                prop_assert!(!problems.is_empty(), "check passes what load refuses: {error}");
                let now = fs::read(workspace.path(file)).unwrap();
                prop_assert!(now == bytes, "a refused {} was written", file);
            }
        }
        for problem in &problems {
            prop_assert!(problem.contains(file) || problem.contains(".ron"), "{problem}");
        }
    }

    /// Any query, typed or pasted, parses and ranks the 2021 list without
    /// panicking; its highlights stay inside the texts they mark.
    #[test]
    fn any_query_searches_the_list(query in "\\PC{0,12}|[a-z ]{0,12}|[大数据中心市局 ]{0,8}") {
        let list = common::list();
        let index = duban::filter::TaskIndex::new(&list);
        let matcher = Matcher::new();
        let parsed = Query::parse(&query);
        for n in 0..list.tasks.len() {
            let fields = [
                index.field(n, TaskField::Content),
                index.field(n, TaskField::Units),
            ];
            let _ = matcher.score(&parsed, &fields);
            let task = &list.tasks[n];
            let lengths = [task.content.chars().count(), task.units_joined().chars().count()];
            for (field, length) in fields.into_iter().zip(lengths) {
                let hits = matcher.positions(&parsed, field);
                prop_assert!(hits.iter().all(|&i| i < length), "{query:?}: {hits:?}");
            }
        }
    }

    /// Keys, pastes and window sizes in any order, down to 1×1: the board
    /// keeps drawing and never panics.
    #[test]
    fn any_keys_pastes_and_sizes_keep_the_board_drawing(
        steps in proptest::collection::vec(step(), 1..40),
    ) {
        let mut app = common::app(80, 24);
        for step in &steps {
            match step {
                Step::Key(name) => app.handle_key(Key::parse(name).unwrap()),
                Step::Paste(text) => app.paste(text),
                Step::Resize(width, height) => app.resize(*width, *height),
            }
            common::draw(&app);
        }
    }
}

#[derive(Clone, Debug)]
enum Step {
    Key(&'static str),
    Paste(String),
    Resize(u16, u16),
}

fn step() -> impl Strategy<Value = Step> {
    const KEYS: &[&str] = &[
        "j",
        "k",
        "g",
        "G",
        "/",
        ":",
        "c",
        "u",
        "x",
        "l",
        "o",
        "w",
        "s",
        "n",
        "m",
        "?",
        "f1",
        "1",
        "2",
        "3",
        "4",
        "9",
        "d",
        "s",
        "j",
        "市",
        "enter",
        "esc",
        "tab",
        "backtab",
        "backspace",
        "left",
        "right",
        "home",
        "end",
        "pageup",
        "pagedown",
        "up",
        "down",
        "ctrl-z",
        "ctrl-y",
        "space",
        "delete",
        "q",
    ];
    prop_oneof![
        6 => proptest::sample::select(KEYS).prop_map(Step::Key),
        1 => "\\PC{0,30}|[\r\n\t]{1,4}|市政务服务和大数据管理局\r\n推进“一网通办”2.0建设"
            .prop_map(Step::Paste),
        1 => (1..200u16, 1..60u16).prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}
