//! The command line end to end: each test runs the real `duban` binary on a
//! workspace of its own in a fresh temporary folder, and checks what it prints,
//! how it exits and what it leaves in the workspace's files.

mod cli_support;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use serde::Deserialize;
use serde_json::Value;

use cli_support::{BIN, Tsv, fails, ok, run, text};

/// The list shipped in `data/`, which a new workspace starts from.
const BUILTIN: &str = include_str!("../data/tasks-2021.ron");

const BIG_DATA_CENTRE: &str = "市大数据中心";

fn list_tsv(dir: &Path, filters: &[&str]) -> Tsv {
    let args = [&["list", "--format", "tsv"][..], filters].concat();
    Tsv::parse(&ok(dir, &args))
}

/// `list --format json` with extra filters, parsed.
fn list_json(dir: &Path, filters: &[&str]) -> Vec<Value> {
    let args = [&["list", "--format", "json"][..], filters].concat();
    let stdout = ok(dir, &args);
    let value: Value = serde_json::from_str(&stdout).expect("list --format json is JSON");
    value.as_array().expect("a JSON array of tasks").clone()
}

fn ids(tasks: &[Value]) -> BTreeSet<u64> {
    tasks
        .iter()
        .map(|t| t["id"].as_u64().expect("a numeric id"))
        .collect()
}

fn unit_names(task: &Value) -> Vec<&str> {
    let units = task["units"].as_array().expect("units is an array");
    units
        .iter()
        .map(|u| u["name"].as_str().expect("a unit name"))
        .collect()
}

/// True when `stderr` names `file` followed by `:LINE:COLUMN`.
fn names_line_and_column(stderr: &str, file: &str) -> bool {
    stderr.match_indices(file).any(|(at, _)| {
        let mut parts = stderr[at + file.len()..].split(':');
        let number = |p: Option<&str>| {
            p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        };
        parts.next() == Some("") && number(parts.next()) && number(parts.next())
    })
}

/// The state file as the program writes it; the field and enum names are the
/// file format, so they are spelled here on purpose (PITFALLS 14).
#[derive(Debug, Deserialize)]
struct StateFile {
    meetings: Vec<MeetingFile>,
    updates: Vec<UpdateFile>,
}

#[derive(Debug, Deserialize)]
struct MeetingFile {
    date: String,
}

#[derive(Debug, Deserialize)]
struct UpdateFile {
    task: u32,
    date: String,
    status: StatusName,
}

#[derive(Debug, PartialEq, Deserialize)]
enum StatusName {
    NotStarted,
    InProgress,
    Lagging,
    Done,
}

/// The parts of the shipped task list the filters are checked against.
#[derive(Debug, Deserialize)]
struct ListFile {
    categories: Vec<CategoryFile>,
    tasks: Vec<TaskFile>,
}

#[derive(Debug, Deserialize)]
struct CategoryFile {
    name: String,
    short: String,
}

#[derive(Debug, Deserialize)]
struct TaskFile {
    id: u32,
    category: String,
}

fn builtin_list() -> ListFile {
    ron::from_str(BUILTIN).expect("data/tasks-2021.ron parses")
}

fn read_state(dir: &Path) -> StateFile {
    let text = std::fs::read_to_string(dir.join("state.ron")).expect("state.ron is readable");
    ron::from_str(&text).expect("state.ron parses")
}

/// A workspace with two recorded updates, so that state.ron has some length.
fn workspace_with_state() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["set", "38", "done", "--date", "2021-10-11"]);
    ok(
        dir.path(),
        &[
            "set",
            "39",
            "lagging",
            "--date",
            "2021-10-18",
            "--note",
            "进度慢",
        ],
    );
    dir
}

/// Keeps the first half of a file, cut at a character boundary so the damage
/// is a RON syntax error rather than broken UTF-8.
fn cut_in_half(path: &Path) -> Vec<u8> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut at = text.len() / 2;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let half = text.as_bytes()[..at].to_vec();
    std::fs::write(path, &half).unwrap();
    half
}

/// A damaged file must stop both `list` and `set`, be named with a position,
/// and be left exactly as it was (PITFALLS 12, 15).
fn assert_refused_with_position(dir: &Path, file: &str, damaged: &[u8]) {
    for args in [&["list"][..], &["set", "1", "done"][..]] {
        let stderr = fails(dir, args);
        assert!(
            names_line_and_column(&stderr, file),
            "duban {args:?}: the message should name {file}:LINE:COLUMN, got:\n{stderr}"
        );
        let now = std::fs::read(dir.join(file)).unwrap();
        assert!(now == damaged, "duban {args:?} changed the damaged {file}");
    }
}

#[test]
fn a_new_workspace_gets_its_files_and_the_90_tasks() {
    let dir = tempfile::tempdir().unwrap();
    let tsv = list_tsv(dir.path(), &[]);

    assert!(
        dir.path().join("tasks.ron").is_file(),
        "tasks.ron is created"
    );
    assert!(
        dir.path().join("config.ron").is_file(),
        "config.ron is created"
    );
    for name in ["id", "category", "task", "units", "status"] {
        tsv.column(name);
    }
    assert_eq!(tsv.rows.len(), 90, "one data row per task");
    let id_col = tsv.column("id");
    let listed: Vec<String> = tsv.rows.iter().map(|r| r[id_col].clone()).collect();
    let expected: Vec<String> = (1..=90).map(|n| n.to_string()).collect();
    assert_eq!(listed, expected, "tasks 1 to 90, once each, in order");
    assert!(
        tsv.rows.iter().all(|r| r.len() == tsv.header.len()),
        "every row is whole"
    );

    ok(dir.path(), &["set", "1", "in_progress"]);
    assert!(
        dir.path().join("state.ron").is_file(),
        "state.ron is written by set"
    );
}

#[test]
fn the_data_env_var_picks_the_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .args(["set", "5", "done"])
        .env("DUBAN_DATA", dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(read_state(dir.path()).updates[0].task, 5);
}

/// The Done-when, through the command line.
#[test]
fn set_done_shows_in_list_and_leaves_the_next_task_alone() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["set", "38", "done"]);

    let tsv = list_tsv(dir.path(), &[]);
    assert_eq!(tsv.cell(38, "status"), "已完成");
    assert_eq!(tsv.cell(39, "status"), "未启动");
}

#[test]
fn statuses_may_be_named_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let labels = [(1, "未启动"), (2, "推进中"), (3, "滞后"), (4, "已完成")];
    ok(dir.path(), &["set", "1", "done"]);
    for (id, label) in labels {
        ok(dir.path(), &["set", &id.to_string(), label]);
    }

    let tsv = list_tsv(dir.path(), &[]);
    for (id, label) in labels {
        assert_eq!(tsv.cell(id, "status"), label, "task {id}");
    }
    let done = list_tsv(dir.path(), &["--status", "已完成"]);
    assert_eq!(done.rows.len(), 1, "--status 已完成 filters too");
    assert_eq!(done.cell(4, "status"), "已完成");
}

#[test]
fn date_records_the_update_at_that_meeting() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["set", "38", "done", "--date", "2021-10-18"]);
    ok(
        dir.path(),
        &["set", "39", "in_progress", "--date", "2021-10-11"],
    );

    let state = read_state(dir.path());
    let meetings: Vec<&str> = state.meetings.iter().map(|m| m.date.as_str()).collect();
    assert_eq!(
        meetings,
        ["2021-10-11", "2021-10-18"],
        "meetings opened, in date order"
    );
    // Updates are kept in date order, whatever order they were recorded in.
    let dates: Vec<(u32, &str)> = state
        .updates
        .iter()
        .map(|u| (u.task, u.date.as_str()))
        .collect();
    assert_eq!(dates, [(39, "2021-10-11"), (38, "2021-10-18")]);
    assert_eq!(state.updates[1].status, StatusName::Done);
}

#[test]
fn progress_is_recorded_and_shown() {
    let dir = tempfile::tempdir().unwrap();
    ok(
        dir.path(),
        &["set", "7", "in_progress", "--progress", "100"],
    );
    assert_eq!(list_tsv(dir.path(), &[]).cell(7, "status"), "推进中");
    let task = list_json(dir.path(), &[])
        .into_iter()
        .find(|t| t["id"] == 7)
        .unwrap();
    assert_eq!(task["progress"], 100);
}

#[test]
fn search_in_pinyin_finds_every_task_of_the_big_data_centre() {
    let dir = tempfile::tempdir().unwrap();
    let centre = ids(&list_json(dir.path(), &["--unit", BIG_DATA_CENTRE]));
    assert!(!centre.is_empty(), "the centre has tasks");

    for query in ["dsj", "dashuju", "大数据中心"] {
        let found = ids(&list_json(dir.path(), &["--search", query]));
        let missing: Vec<_> = centre.difference(&found).collect();
        assert!(
            missing.is_empty(),
            "--search {query} misses tasks {missing:?}"
        );
    }
}

#[test]
fn unit_filter_lists_exactly_the_tasks_naming_the_unit() {
    let dir = tempfile::tempdir().unwrap();
    let all = list_json(dir.path(), &[]);
    let naming: Vec<Value> = all
        .into_iter()
        .filter(|t| unit_names(t).contains(&BIG_DATA_CENTRE))
        .collect();

    let listed = list_json(dir.path(), &["--unit", BIG_DATA_CENTRE]);
    assert_eq!(ids(&listed), ids(&naming));
}

#[test]
fn category_filter_lists_exactly_the_tasks_of_the_category() {
    let dir = tempfile::tempdir().unwrap();
    let in_file = builtin_list();
    let expected: BTreeSet<u64> = in_file
        .tasks
        .iter()
        .filter(|t| t.category == "数字政府")
        .map(|t| u64::from(t.id))
        .collect();
    assert!(!expected.is_empty());

    // The short label, a part of it, and the full name all choose it.
    for query in ["数字政府", "政府", "打造整体高效的数字政府"] {
        let listed = list_json(dir.path(), &["--category", query]);
        let categories: BTreeSet<&str> = listed
            .iter()
            .map(|t| t["category"].as_str().unwrap())
            .collect();
        assert_eq!(
            categories,
            BTreeSet::from(["数字政府"]),
            "--category {query}"
        );
        assert_eq!(ids(&listed), expected, "--category {query}");
    }
}

#[test]
fn an_ambiguous_category_is_an_error_listing_the_candidates() {
    let dir = tempfile::tempdir().unwrap();
    let stderr = fails(dir.path(), &["list", "--category", "数字"]);

    let in_file = builtin_list();
    let candidates = in_file
        .categories
        .iter()
        .filter(|c| c.name.contains("数字") || c.short.contains("数字"));
    for category in candidates {
        assert!(
            stderr.contains(&category.short) || stderr.contains(&category.name),
            "{} is not among the candidates:\n{stderr}",
            category.short
        );
    }
}

#[test]
fn an_unknown_category_or_unit_is_an_error_listing_the_names() {
    let dir = tempfile::tempdir().unwrap();
    let stderr = fails(dir.path(), &["list", "--category", "不存在的类别"]);
    for category in builtin_list().categories {
        assert!(
            stderr.contains(&category.short),
            "{} not listed:\n{stderr}",
            category.short
        );
    }

    let all = list_json(dir.path(), &[]);
    let units: BTreeSet<&str> = all.iter().flat_map(unit_names).collect();
    let stderr = fails(dir.path(), &["list", "--unit", "不存在的单位"]);
    for unit in units {
        assert!(stderr.contains(unit), "{unit} not listed:\n{stderr}");
    }
}

#[test]
fn setting_an_unknown_task_names_it_and_the_valid_range() {
    let dir = tempfile::tempdir().unwrap();
    for id in ["999", "0"] {
        let stderr = fails(dir.path(), &["set", id, "done"]);
        assert!(
            stderr.contains(id),
            "the message names task {id}:\n{stderr}"
        );
        assert!(
            stderr.contains('1') && stderr.contains("90"),
            "and 1 to 90:\n{stderr}"
        );
    }
    assert!(
        !dir.path().join("state.ron").exists(),
        "nothing was recorded"
    );
}

#[test]
fn an_unknown_status_names_the_valid_ones() {
    let dir = tempfile::tempdir().unwrap();
    let stderr = fails(dir.path(), &["set", "1", "finished"]);
    let names = ["not_started", "in_progress", "lagging", "done"];
    for name in names.iter().chain(&["未启动", "推进中", "滞后", "已完成"]) {
        assert!(stderr.contains(name), "{name} is not named:\n{stderr}");
    }
    fails(dir.path(), &["list", "--status", "finished"]);
}

#[test]
fn progress_over_100_and_bad_dates_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let stderr = fails(dir.path(), &["set", "1", "done", "--progress", "101"]);
    assert!(stderr.contains("101"), "{stderr}");
    fails(dir.path(), &["set", "1", "done", "--progress", "-1"]);
    fails(dir.path(), &["set", "1", "done", "--date", "2021-13-40"]);
    fails(dir.path(), &["set", "1", "done", "--date", "18/10/2021"]);
    assert!(
        !dir.path().join("state.ron").exists(),
        "nothing was recorded"
    );
}

#[test]
fn a_task_list_cut_in_half_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["list"]);
    let damaged = cut_in_half(&dir.path().join("tasks.ron"));

    assert_refused_with_position(dir.path(), "tasks.ron", &damaged);
    assert!(
        !dir.path().join("state.ron").exists(),
        "set recorded nothing"
    );
}

#[test]
fn a_state_cut_in_half_is_refused_and_left_alone() {
    let dir = workspace_with_state();
    let damaged = cut_in_half(&dir.path().join("state.ron"));

    assert_refused_with_position(dir.path(), "state.ron", &damaged);
}

#[test]
fn a_state_with_a_byte_order_mark_and_crlf_still_loads() {
    let dir = workspace_with_state();
    let path = dir.path().join("state.ron");
    let plain = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("\u{FEFF}{}", plain.replace('\n', "\r\n"))).unwrap();

    let tsv = list_tsv(dir.path(), &[]);
    assert_eq!(tsv.cell(38, "status"), "已完成");
    assert_eq!(tsv.cell(39, "status"), "滞后");
    ok(dir.path(), &["set", "40", "done"]);
    assert_eq!(list_tsv(dir.path(), &[]).cell(40, "status"), "已完成");
}

#[test]
fn a_task_list_with_a_byte_order_mark_and_crlf_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    let crlf = format!("\u{FEFF}{}", BUILTIN.replace('\n', "\r\n"));
    std::fs::write(dir.path().join("tasks.ron"), crlf).unwrap();

    assert_eq!(list_tsv(dir.path(), &[]).rows.len(), 90);
}

#[test]
fn a_state_with_an_update_for_a_missing_task_is_refused() {
    let dir = workspace_with_state();
    let path = dir.path().join("state.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("task: 38,"),
        "the test expects this spelling:\n{text}"
    );
    let broken = text.replace("task: 38,", "task: 999,");
    std::fs::write(&path, &broken).unwrap();

    for args in [&["list"][..], &["set", "1", "done"][..]] {
        let stderr = fails(dir.path(), args);
        assert!(
            stderr.contains("999"),
            "duban {args:?} should name task 999:\n{stderr}"
        );
        assert!(stderr.contains("state.ron"), "and the file:\n{stderr}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            broken,
            "left as it was"
        );
    }
}

#[test]
fn a_state_that_is_not_utf8_is_refused_naming_the_file() {
    let dir = workspace_with_state();
    let path = dir.path().join("state.ron");
    let mut bytes = std::fs::read(&path).unwrap();
    // A GBK-encoded note, as a Chinese Windows editor might save it.
    let at = bytes.len() / 2;
    bytes.splice(at..at, [0xBD, 0xF8, 0xB6, 0xC8, 0xFF]);
    std::fs::write(&path, &bytes).unwrap();

    for args in [&["list"][..], &["set", "1", "done"][..]] {
        let stderr = fails(dir.path(), args);
        assert!(
            stderr.contains("state.ron"),
            "duban {args:?} should name the file:\n{stderr}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "left as it was");
    }
}

#[test]
fn json_output_has_the_task_fields() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["set", "38", "done"]);
    let tasks = list_json(dir.path(), &[]);
    assert_eq!(tasks.len(), 90);

    let roles = ["lead", "responsible", "cooperating", "牵头", "负责", "配合"];
    for task in &tasks {
        assert!(task["id"].is_u64(), "{task}");
        assert!(
            task["category"].as_str().is_some_and(|c| !c.is_empty()),
            "{task}"
        );
        assert!(
            task["task"].as_str().is_some_and(|c| !c.is_empty()),
            "{task}"
        );
        assert!(task["status"].is_string(), "{task}");
        let units = task["units"].as_array().expect("units");
        assert!(!units.is_empty(), "every task has a unit: {task}");
        for unit in units {
            assert!(
                unit["name"].as_str().is_some_and(|n| !n.is_empty()),
                "{unit}"
            );
            let role = unit["role"].as_str().unwrap_or_default();
            assert!(roles.contains(&role), "unknown role in {unit}");
        }
    }
    let status = |id: u64| tasks.iter().find(|t| t["id"] == id).unwrap()["status"].clone();
    assert!(["done", "已完成"].contains(&status(38).as_str().unwrap()));
    assert!(["not_started", "未启动"].contains(&status(39).as_str().unwrap()));
}

/// `duban list | head -1`: a reader that stops early is not an error, so
/// nothing is printed on stderr and the exit is a success.
fn assert_quiet_when_reader_stops(format: &str) {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["list"]);
    let mut child = Command::new(BIN)
        .arg("--data")
        .arg(dir.path())
        .args(["list", "--format", format])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    stdout.read_line(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert!(!first.is_empty(), "a first line was printed");
    assert_eq!(
        text(&out.stderr),
        "",
        "--format {format}: no error on stderr"
    );
    assert!(
        out.status.success(),
        "--format {format}: exit {}",
        out.status
    );
}

/// The same with the reader gone before the first write, which does not
/// depend on how much the pipe buffers.
fn assert_quiet_when_reader_is_gone(format: &str) {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["list"]);
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = Command::new(BIN)
        .arg("--data")
        .arg(dir.path())
        .args(["list", "--format", format])
        .stdout(writer)
        .output()
        .unwrap();
    assert_eq!(
        text(&out.stderr),
        "",
        "--format {format}: no error on stderr"
    );
    assert!(
        out.status.success(),
        "--format {format}: exit {}",
        out.status
    );
}

#[test]
fn an_early_closed_pipe_is_not_an_error_for_tsv() {
    assert_quiet_when_reader_stops("tsv");
    assert_quiet_when_reader_is_gone("tsv");
}

#[test]
fn an_early_closed_pipe_is_not_an_error_for_json() {
    assert_quiet_when_reader_stops("json");
    assert_quiet_when_reader_is_gone("json");
}

#[test]
fn an_early_closed_pipe_is_not_an_error_for_table() {
    assert_quiet_when_reader_stops("table");
    assert_quiet_when_reader_is_gone("table");
}

#[test]
fn a_note_may_begin_with_a_dash() {
    let dir = tempfile::tempdir().unwrap();
    ok(
        dir.path(),
        &[
            "set",
            "20",
            "lagging",
            "--note",
            "-5% 资金未到位",
            "--date",
            "2021-10-18",
        ],
    );
    let state = std::fs::read_to_string(dir.path().join("state.ron")).unwrap();
    assert!(state.contains("-5% 资金未到位"), "{state}");
}

#[test]
fn set_refuses_while_another_program_holds_the_workspace() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["list"]);
    let workspace = duban::storage::Workspace::at(dir.path());
    let lock = workspace.lock(duban::storage::BOARD).unwrap();
    let said = fails(dir.path(), &["set", "38", "done"]);
    assert!(said.contains("另一个 duban 正在使用这个工作区"), "{said}");
    assert!(
        !dir.path().join("state.ron").exists(),
        "nothing was written"
    );
    drop(lock);
    ok(dir.path(), &["set", "38", "done"]);
}

/// System errors are said in words first: a missing folder, a file where a
/// folder should be.
#[test]
fn a_wrong_workspace_path_is_said_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("没有");
    let out = cli_support::run(&missing, &["check"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stdout).contains("没有这个文件夹"),
        "{}",
        text(&out.stdout)
    );

    let file = dir.path().join("a-file");
    std::fs::write(&file, "").unwrap();
    let said = fails(&file, &["list"]);
    assert!(
        said.contains("已有同名的文件，而这里需要的是文件夹"),
        "{said}"
    );
}

/// Commands run one after another by a script, or at once, wait their turn
/// rather than fail: a command holds the workspace only for a moment.
#[test]
fn sets_run_at_once_all_land() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["list"]);
    let workspace = duban::storage::Workspace::at(dir.path());
    let held = workspace.lock("duban set").unwrap();
    let release = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(300));
        drop(held);
    });
    let sets: Vec<_> = (1..=8)
        .map(|task| {
            let dir = dir.path().to_path_buf();
            std::thread::spawn(move || run(&dir, &["set", &task.to_string(), "done"]))
        })
        .collect();
    for set in sets {
        let out = set.join().unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    release.join().unwrap();
    let state = std::fs::read_to_string(dir.path().join("state.ron")).unwrap();
    assert_eq!(state.matches("Done").count(), 8, "{state}");
}

#[test]
fn a_broken_state_is_put_back_from_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["set", "38", "done", "--date", "2021-10-11"]);
    ok(
        dir.path(),
        &["set", "39", "lagging", "--date", "2021-10-18"],
    );
    let state = dir.path().join("state.ron");
    let whole = std::fs::read_to_string(&state).unwrap();
    std::fs::write(&state, &whole[..whole.len() / 2]).unwrap();
    fails(dir.path(), &["list"]);

    let listed = ok(dir.path(), &["restore"]);
    let newest = listed
        .lines()
        .next()
        .unwrap()
        .split('\t')
        .next()
        .unwrap()
        .to_string();
    assert!(newest.starts_with("state-"), "{listed}");
    ok(dir.path(), &["restore", &newest]);
    // The newest backup is the state before the last save: 38 done, 39 not yet.
    let tsv = ok(
        dir.path(),
        &["list", "--format", "tsv", "--as-of", "2021-10-18"],
    );
    assert!(
        tsv.lines()
            .any(|l| l.starts_with("38\t") && l.contains("已完成")),
        "{tsv}"
    );
    assert!(
        tsv.lines()
            .any(|l| l.starts_with("39\t") && l.contains("未启动")),
        "{tsv}"
    );
    fails(dir.path(), &["restore", "no-such-backup.ron"]);

    // The broken file was kept aside, out of the backups `check` reads.
    let said = ok(dir.path(), &["check"]);
    assert!(said.contains("没有发现问题"), "{said}");
    let broken: Vec<_> = std::fs::read_dir(dir.path().join("backups/broken"))
        .unwrap()
        .flatten()
        .collect();
    assert_eq!(broken.len(), 1);
    let kept = std::fs::read_to_string(broken[0].path()).unwrap();
    assert_eq!(kept, whole[..whole.len() / 2], "kept as it was");
}

#[test]
fn check_lists_every_problem_and_fails_until_they_are_gone() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["set", "38", "done", "--date", "2021-10-18"]);
    let clean = ok(dir.path(), &["check"]);
    assert!(clean.contains("没有发现问题"), "{clean}");

    let state = dir.path().join("state.ron");
    let text = std::fs::read_to_string(&state).unwrap();
    let bad = text.replace("task: 38", "task: 999");
    std::fs::write(&state, &bad).unwrap();
    let tasks = dir.path().join("tasks.ron");
    let list = std::fs::read_to_string(&tasks).unwrap();
    std::fs::write(&tasks, list.replacen("id: 2,", "id: 1,", 1)).unwrap();

    let out = std::process::Command::new(BIN)
        .args(["--data", &dir.path().to_string_lossy(), "check"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stdout);
    for expected in ["出现了不止一次", "第 999 项"] {
        assert!(said.contains(expected), "{expected} in {said}");
    }
    assert_eq!(
        std::fs::read_to_string(&state).unwrap(),
        bad,
        "check changes nothing"
    );

    std::fs::write(&state, &text[..text.len() / 2]).unwrap();
    let out = std::process::Command::new(BIN)
        .args(["--data", &dir.path().to_string_lossy(), "check"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("state.ron:"),
        "names the file and its line: {said}"
    );
}
