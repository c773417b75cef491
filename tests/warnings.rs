//! Issue 3's Done-when through the command line: six weekly meetings recorded
//! with `duban set … --date`, and at each of them `duban warnings --as-of` must
//! give exactly the unit levels the BRIEF's default rules give. The expected
//! levels are worked out by hand from the BRIEF's text in the comments below,
//! never by calling the rules code. Each test records into a folder of its own.
//!
//! Also here: `list --light` and `--as-of`, and the warnings' formats.

mod cli_support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;
use tempfile::TempDir;

use cli_support::{Tsv, fails, ok};

/// The meetings, Fridays a week apart. The schedule (序时进度) at each is the
/// days since 2021-01-01 over the 364 days to the deadline 2021-12-31:
/// 161, 168, 175, 182, 189 and 196 days, so 44.23%, 46.15%, 48.08%, 50.00%,
/// 51.92% and 53.85%. Red: progress more than 30 points below it; yellow: more
/// than 10 points below.
const MEETINGS: [&str; 6] = [
    "2021-06-11",
    "2021-06-18",
    "2021-06-25",
    "2021-07-02",
    "2021-07-09",
    "2021-07-16",
];

/// One update: task, status, progress.
type Recorded = (u32, &'static str, Option<u8>);

/// What is recorded at each meeting. Every other task of the list is never
/// updated. The light of each task at each meeting, by the BRIEF's rules
/// (R red, Y yellow, G green, - done), with why:
///
/// - 5 (市交通运输局), lagging three meetings running:
///   R R R (滞后) · Y (45 vs 50 is 5 behind, but red last time) ·
///   G (52 vs 51.92) · G (no update at M6 only: one meeting; 52 vs 53.85).
/// - 6 (市水务局, 市水文局), updated at M1, then left, then updated at M5:
///   G (50 vs 44.23) · G (no update at M2 only) · Y (none at M2 and M3) ·
///   Y (none at M3 and M4) · G (55 vs 51.92; yellow, not red, last time) ·
///   G (no update at M6 only; 55 vs 53.85).
/// - 29 (市地方金融监管局): done at M1, closed ever after.
/// - 30 (市发展改革委, 市商务局): G (50) · R (滞后) · Y (60, red last time) ·
///   G (no update at M4 only; 60 vs 50) · Y (none at M4 and M5) · Y (M4–M6).
/// - 31 (same units): Y (30 vs 44.23: 14.23 behind) · R (15 vs 46.15: 31.15
///   behind) · Y (40 vs 48.08: 8.08 behind, red last time) · G (45 vs 50) · done.
/// - 32 (same units): G (45) · R R R (滞后 at M2, M3, M4) · Y (30 vs 51.92:
///   21.92 behind; red last time) · G (50 vs 53.85).
/// - 47, 48 (市卫生健康委, 市大数据中心): updated at every meeting, progress 50
///   given once at M1 and kept as the latest recorded: G at every meeting
///   (at most 3.85 behind).
/// - 50 (市委政法委 leads; 市法院, 市检察院, 市公安局, 市司法局 responsible):
///   R (10 vs 44.23: 34.23 behind) · Y (50, red last time) · G · G · done · done.
/// - Every task never updated: G (no update and 未启动 at one meeting only) ·
///   Y (no update at this meeting and the previous) · Y · R (未启动 at this
///   meeting and the 3 before) · R · R.
const RECORDED: [&[Recorded]; 6] = [
    &[
        (5, "滞后", None),
        (6, "推进中", Some(50)),
        (29, "已完成", None),
        (30, "推进中", Some(50)),
        (31, "推进中", Some(30)),
        (32, "推进中", Some(45)),
        (47, "推进中", Some(50)),
        (48, "推进中", Some(50)),
        (50, "推进中", Some(10)),
    ],
    &[
        (5, "lagging", None),
        (30, "滞后", None),
        (31, "推进中", Some(15)),
        (32, "滞后", None),
        (47, "推进中", None),
        (48, "推进中", None),
        (50, "推进中", Some(50)),
    ],
    &[
        (5, "滞后", None),
        (30, "推进中", Some(60)),
        (31, "推进中", Some(40)),
        (32, "滞后", None),
        (47, "推进中", None),
        (48, "推进中", None),
        (50, "推进中", None),
    ],
    &[
        (5, "推进中", Some(45)),
        (31, "推进中", Some(45)),
        (32, "滞后", None),
        (47, "推进中", None),
        (48, "推进中", None),
        (50, "推进中", None),
    ],
    &[
        (5, "推进中", Some(52)),
        (6, "推进中", Some(55)),
        (31, "已完成", None),
        (32, "推进中", Some(30)),
        (47, "in_progress", None),
        (48, "推进中", None),
        (50, "已完成", None),
    ],
    &[
        (32, "推进中", Some(50)),
        (47, "推进中", None),
        (48, "推进中", None),
    ],
];

/// Each unit's level at each meeting ("" when it is not listed), from the
/// lights above and the BRIEF's unit rules: 约谈 for a task red at this
/// meeting and the 2 before, or 3 red tasks; 预警 for a red task, or a task
/// yellow at this meeting and the previous; 提醒 for a yellow task.
const EXPECTED: [(&str, [&str; 6]); 16] = [
    // 5: red, red, red (the third in a row: 约谈), yellow, green, green.
    ("市交通运输局", ["预警", "预警", "约谈", "提醒", "", ""]),
    // 6: green, green, yellow, yellow twice running (预警), green, green.
    ("市水务局", ["", "", "提醒", "预警", "", ""]),
    ("市水文局", ["", "", "提醒", "预警", "", ""]),
    // 29 is done: closed tasks have no light.
    ("市地方金融监管局", ["", "", "", "", "", ""]),
    // 30–32. M1: 31 yellow. M2: 30, 31, 32 red (3 red tasks: 约谈). M3: 32 red.
    // M4: 32 red at M2, M3 and M4 (约谈). M5: 30 and 32 yellow, neither
    // yellow last time. M6: 30 yellow at M5 and M6 (预警).
    ("市商务局", ["提醒", "约谈", "预警", "约谈", "提醒", "预警"]),
    // 30–32 as 市商务局, and 7, 28, 46 never updated. M3: 32 red. M4: 32 and
    // the three untouched red (4 red tasks). M5: the three untouched red.
    // M6: the untouched ones red at M4, M5 and M6.
    (
        "市发展改革委",
        ["提醒", "约谈", "预警", "约谈", "约谈", "约谈"],
    ),
    // 47, 48 always green.
    ("市卫生健康委", ["", "", "", "", "", ""]),
    // 50 only: red, yellow, green, green, done, done. 政法委 leads, which
    // counts like being responsible.
    ("市委政法委", ["预警", "提醒", "", "", "", ""]),
    ("市法院", ["预警", "提醒", "", "", "", ""]),
    ("市检察院", ["预警", "提醒", "", "", "", ""]),
    // 50 and the untouched 11, 86. M1: 50 red. M2: all yellow. M3: 11 and 86
    // yellow twice. M4, M5: 11 and 86 red (2 red tasks). M6: red three running.
    ("市公安局", ["预警", "提醒", "预警", "预警", "预警", "约谈"]),
    // 50 and the untouched 37: the same but for one red task from M4.
    ("市司法局", ["预警", "提醒", "预警", "预警", "预警", "约谈"]),
    // 47 and 48 green, 45 untouched tasks: green at M1, then as untouched.
    ("市大数据中心", ["", "提醒", "预警", "约谈", "约谈", "约谈"]),
    // Untouched single tasks: 27 and 88 (88 is shared with 市大数据中心).
    ("市邮政管理局", ["", "提醒", "预警", "预警", "预警", "约谈"]),
    ("市统计局", ["", "提醒", "预警", "预警", "预警", "约谈"]),
    // Only cooperates (配合) on 46: listed on the task, never counted.
    ("各行政执法部门", ["", "", "", "", "", ""]),
];

/// The level the BRIEF gives a unit whose `tasks` accountable tasks were
/// never updated, at meeting `m` (0-based): none while all are green; 提醒
/// when yellow; 预警 when yellow twice running or red; 约谈 with 3 red tasks
/// or one red three meetings running.
fn untouched_level(m: usize, tasks: usize) -> &'static str {
    match m {
        0 => "",
        1 => "提醒",
        2 => "预警",
        3 | 4 if tasks < 3 => "预警",
        _ => "约谈",
    }
}

/// Records meeting `m`'s updates with `duban set … --date`.
fn record_meeting(dir: &Path, m: usize) {
    for &(task, status, progress) in RECORDED[m] {
        let (task, progress) = (task.to_string(), progress.map(|p| p.to_string()));
        let mut args = vec!["set", &task, status, "--date", MEETINGS[m]];
        if let Some(progress) = &progress {
            args.extend(["--progress", progress]);
        }
        ok(dir, &args);
    }
}

/// A workspace with all six meetings recorded.
fn scenario() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for m in 0..MEETINGS.len() {
        record_meeting(dir.path(), m);
    }
    dir
}

fn warnings_tsv(dir: &Path, date: &str) -> Tsv {
    let args = ["warnings", "--as-of", date, "--format", "tsv"];
    Tsv::parse(&ok(dir, &args))
}

/// Every listed unit with its level.
fn levels(tsv: &Tsv) -> BTreeMap<String, String> {
    let (unit, level) = (tsv.column("unit"), tsv.column("level"));
    tsv.rows
        .iter()
        .map(|r| (r[unit].clone(), r[level].clone()))
        .collect()
}

fn assert_expected_levels(dir: &Path, m: usize) {
    let listed = levels(&warnings_tsv(dir, MEETINGS[m]));
    for (unit, by_meeting) in EXPECTED {
        let got = listed.get(unit).map_or("", String::as_str);
        assert_eq!(got, by_meeting[m], "{unit} at meeting {}", MEETINGS[m]);
    }
}

/// Each unit with the numbers of the tasks it leads or is responsible for.
fn accountable_tasks(dir: &Path) -> BTreeMap<String, BTreeSet<u32>> {
    let stdout = ok(dir, &["list", "--format", "json"]);
    let tasks: Value = serde_json::from_str(&stdout).unwrap();
    let mut units: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    for task in tasks.as_array().unwrap() {
        let id = task["id"].as_u64().unwrap() as u32;
        for unit in task["units"].as_array().unwrap() {
            let name = unit["name"].as_str().unwrap().to_string();
            let tasks = units.entry(name).or_default();
            if ["牵头", "负责"].contains(&unit["role"].as_str().unwrap()) {
                tasks.insert(id);
            }
        }
    }
    units
}

/// The Done-when: at each meeting, as it is held, and again afterwards (an
/// earlier meeting's list must not change when later meetings are recorded).
#[test]
fn each_meeting_gives_the_levels_the_brief_rules_give() {
    let dir = tempfile::tempdir().unwrap();
    for m in 0..MEETINGS.len() {
        record_meeting(dir.path(), m);
        assert_expected_levels(dir.path(), m);
    }
    for m in 0..MEETINGS.len() {
        assert_expected_levels(dir.path(), m);
    }
}

#[test]
fn units_never_updated_escalate_by_the_rules() {
    let dir = scenario();
    let touched: BTreeSet<u32> = RECORDED
        .iter()
        .flat_map(|r| r.iter().map(|u| u.0))
        .collect();
    let untouched: Vec<(String, usize)> = accountable_tasks(dir.path())
        .into_iter()
        .filter(|(_, tasks)| !tasks.is_empty() && tasks.is_disjoint(&touched))
        .map(|(unit, tasks)| (unit, tasks.len()))
        .collect();
    assert!(untouched.len() > 10, "most units are left alone");
    assert!(untouched.iter().any(|(_, n)| *n >= 3) && untouched.iter().any(|(_, n)| *n < 3));

    for (m, date) in MEETINGS.iter().enumerate() {
        let listed = levels(&warnings_tsv(dir.path(), date));
        for (unit, tasks) in &untouched {
            let got = listed.get(unit).map_or("", String::as_str);
            let want = untouched_level(m, *tasks);
            assert_eq!(got, want, "{unit} ({tasks} tasks) at {date}");
        }
    }
}

/// The BRIEF's order: level, then red count, then longest red streak, each
/// from the highest, then name.
#[test]
fn the_list_is_ranked_as_the_brief_says() {
    let dir = scenario();
    let severity = |level: &str| ["提醒", "预警", "约谈"].iter().position(|l| *l == level);
    for date in MEETINGS {
        let tsv = warnings_tsv(dir.path(), date);
        let (level, red) = (tsv.column("level"), tsv.column("red"));
        let (streak, unit) = (tsv.column("streak"), tsv.column("unit"));
        let keys: Vec<_> = tsv
            .rows
            .iter()
            .map(|r| {
                let number = |c: usize| std::cmp::Reverse(r[c].parse::<usize>().unwrap());
                let level = std::cmp::Reverse(severity(&r[level]).expect("a level"));
                (level, number(red), number(streak), r[unit].clone())
            })
            .collect();
        assert!(
            keys.is_sorted(),
            "{date}: not in the BRIEF's order: {keys:?}"
        );
        let ranks: Vec<String> = (1..=tsv.rows.len()).map(|n| n.to_string()).collect();
        assert_eq!(tsv.values("rank"), ranks, "{date}");
    }

    // At the first meeting only the updated tasks can be lit (see RECORDED).
    let first = warnings_tsv(dir.path(), MEETINGS[0]);
    let expected = [
        ("市交通运输局", "预警"),
        ("市公安局", "预警"),
        ("市司法局", "预警"),
        ("市委政法委", "预警"),
        ("市检察院", "预警"),
        ("市法院", "预警"),
        ("市发展改革委", "提醒"),
        ("市商务局", "提醒"),
    ];
    let got: Vec<(&str, &str)> = first
        .values("unit")
        .into_iter()
        .zip(first.values("level"))
        .collect();
    assert_eq!(got, expected);
    assert!(first.values("move").iter().all(|m| *m == "新增"));
}

#[test]
fn moves_compare_with_the_previous_meeting() {
    let dir = scenario();
    // M2: 市发展改革委 and 市商务局 (约谈, 3 red each, by name) come first,
    // then 市交通运输局, the one 预警 (rank 1 at M1).
    let second = warnings_tsv(dir.path(), MEETINGS[1]);
    let top: Vec<&str> = second.values("unit").into_iter().take(3).collect();
    assert_eq!(top, ["市发展改革委", "市商务局", "市交通运输局"]);
    let moved = |unit| second.cell_where("unit", unit, "move").to_string();
    // Moves follow the level, not the place on the list.
    assert_eq!(moved("市发展改革委"), "上升", "提醒 to 约谈");
    assert_eq!(
        moved("市交通运输局"),
        "持平",
        "预警 both times, though 1st to 3rd"
    );
    assert_eq!(moved("市邮政管理局"), "新增", "not listed at M1");
    let was = |unit| second.cell_where("unit", unit, "previous").to_string();
    assert_eq!(was("市发展改革委"), "提醒");
    assert_eq!(was("市交通运输局"), "预警");
    assert_eq!(was("市邮政管理局"), "");

    // M5: 市交通运输局 left the list; JSON names it.
    let args = ["warnings", "--as-of", MEETINGS[4], "--format", "json"];
    let json: Value = serde_json::from_str(&ok(dir.path(), &args)).unwrap();
    assert_eq!(json["previous"], MEETINGS[3]);
    let left = json["left"].as_array().unwrap();
    assert!(left.contains(&Value::from("市交通运输局")), "{left:?}");
    let table = ok(dir.path(), &["warnings", "--as-of", MEETINGS[4]]);
    let last = table.lines().last().unwrap();
    assert!(
        last.starts_with("不再列入") && last.contains("市交通运输局"),
        "{table}"
    );
}

#[test]
fn counts_tasks_and_reasons_are_shown() {
    let dir = scenario();
    let second = warnings_tsv(dir.path(), MEETINGS[1]);
    let cell = |tsv: &Tsv, unit, column| tsv.cell_where("unit", unit, column).to_string();
    assert_eq!(cell(&second, "市商务局", "red"), "3");
    assert_eq!(cell(&second, "市商务局", "yellow"), "0");
    assert_eq!(cell(&second, "市商务局", "streak"), "1");
    assert_eq!(cell(&second, "市商务局", "overdue"), "0");
    assert_eq!(cell(&second, "市商务局", "tasks"), "30、31、32");
    assert!(cell(&second, "市商务局", "reasons").contains("红灯任务 3 项"));

    let third = warnings_tsv(dir.path(), MEETINGS[2]);
    assert_eq!(cell(&third, "市交通运输局", "streak"), "3");
    let reasons = cell(&third, "市交通运输局", "reasons");
    assert!(reasons.contains("第 5 项连续 3 次调度会红灯"), "{reasons}");

    // M4: 32 and the untouched 7, 28, 46 red; 30 and 31 green.
    let fourth = warnings_tsv(dir.path(), MEETINGS[3]);
    assert_eq!(cell(&fourth, "市发展改革委", "red"), "4");
    assert_eq!(cell(&fourth, "市发展改革委", "streak"), "3");
    assert_eq!(cell(&fourth, "市发展改革委", "tasks"), "7、28、32、46");
    let reasons = cell(&fourth, "市发展改革委", "reasons");
    assert!(reasons.contains("；"), "reasons joined with ；: {reasons}");
}

#[test]
fn list_light_red_lists_exactly_the_red_tasks() {
    let dir = scenario();
    let list_ids = |args: &[&str]| -> BTreeSet<u32> {
        let args = [&["list", "--format", "tsv"][..], args].concat();
        let tsv = Tsv::parse(&ok(dir.path(), &args));
        tsv.values("id")
            .iter()
            .map(|id| id.parse().unwrap())
            .collect()
    };
    let all: BTreeSet<u32> = (1..=90).collect();
    let except = |ids: &[u32]| &all - &ids.iter().copied().collect();

    // M2: 5, 30, 31 and 32 are red; 50 caught up (yellow), the rest are not
    // yet red.
    let red = list_ids(&["--light", "red", "--as-of", MEETINGS[1]]);
    assert_eq!(red, BTreeSet::from([5, 30, 31, 32]));
    // M4: 32 and every task never updated (未启动 four meetings running).
    let red = list_ids(&["--light", "red", "--as-of", MEETINGS[3]]);
    assert_eq!(red, except(&[5, 6, 29, 30, 31, 47, 48, 50]));
    for name in ["红灯", "红"] {
        assert_eq!(list_ids(&["--light", name, "--as-of", MEETINGS[3]]), red);
    }
    let yellow = list_ids(&["--light", "黄", "--as-of", MEETINGS[3]]);
    assert_eq!(yellow, BTreeSet::from([5, 6]));
    let green = list_ids(&["--light", "green", "--as-of", MEETINGS[3]]);
    assert_eq!(green, BTreeSet::from([30, 31, 47, 48, 50]));
    // Filters combine: the red tasks of one unit.
    let args = [
        "--light",
        "red",
        "--unit",
        "市商务局",
        "--as-of",
        MEETINGS[3],
    ];
    assert_eq!(list_ids(&args), BTreeSet::from([32]));
}

#[test]
fn list_shows_statuses_progress_and_lights_at_the_date() {
    let dir = scenario();
    let list = |date| {
        Tsv::parse(&ok(
            dir.path(),
            &["list", "--format", "tsv", "--as-of", date],
        ))
    };
    let header = [
        "id", "category", "task", "units", "status", "light", "progress",
    ];
    assert_eq!(list(MEETINGS[0]).header, header);

    let first = list(MEETINGS[0]);
    assert_eq!(first.cell(31, "progress"), "30");
    assert_eq!(first.cell(31, "light"), "黄灯");
    assert_eq!(first.cell(5, "light"), "红灯");
    assert_eq!(first.cell(29, "status"), "已完成");
    assert_eq!(first.cell(29, "light"), "", "a done task has no light");
    let second = list(MEETINGS[1]);
    assert_eq!(second.cell(31, "progress"), "15");
    assert_eq!(second.cell(32, "status"), "滞后");
    assert_eq!(list(MEETINGS[3]).cell(5, "light"), "黄灯");
    // Before the first meeting nothing was recorded yet.
    let before = list("2021-06-10");
    assert_eq!(before.cell(29, "status"), "未启动");
    assert_eq!(before.cell(29, "light"), "绿灯");

    let table = ok(dir.path(), &["list", "--as-of", MEETINGS[0]]);
    let heading = table.lines().next().unwrap();
    let words: Vec<&str> = heading.split_whitespace().collect();
    assert_eq!(
        words,
        ["序号", "类别", "状态", "灯", "责任单位", "主要任务"]
    );
}

#[test]
fn list_json_has_the_light_and_its_reasons() {
    let dir = scenario();
    let args = ["list", "--format", "json", "--as-of", MEETINGS[1]];
    let tasks: Value = serde_json::from_str(&ok(dir.path(), &args)).unwrap();
    let task = |id: u32| {
        let tasks = tasks.as_array().unwrap();
        tasks.iter().find(|t| t["id"] == id).unwrap().clone()
    };
    assert_eq!(task(31)["light"], "red");
    let reasons = task(31)["reasons"].as_array().unwrap().clone();
    assert_eq!(reasons, [Value::from("进度 15%，序时进度 46.2%")]);
    assert_eq!(task(50)["light"], "yellow");
    assert_eq!(task(50)["reasons"][0], "上次调度会为红灯");
    assert_eq!(task(47)["light"], "green");
    assert_eq!(task(47)["reasons"], Value::Array(Vec::new()));
    assert_eq!(task(29)["light"], Value::Null);
}

#[test]
fn a_bad_light_is_an_error_naming_the_valid_values() {
    let dir = tempfile::tempdir().unwrap();
    let stderr = fails(dir.path(), &["list", "--light", "amber"]);
    for name in ["amber", "red", "yellow", "green", "红灯", "黄灯", "绿灯"] {
        assert!(stderr.contains(name), "{name} is not named:\n{stderr}");
    }
    fails(dir.path(), &["list", "--as-of", "2021-13-01"]);
    fails(dir.path(), &["warnings", "--as-of", "yesterday"]);
    fails(dir.path(), &["warnings", "--format", "html"]);
}

/// ISO weeks name the week-year, which differs from the calendar year around
/// New Year (PITFALLS 17).
#[test]
fn the_title_names_iso_weeks_around_new_year() {
    let dir = tempfile::tempdir().unwrap();
    let title = |date| ok(dir.path(), &["warnings", "--as-of", date]);
    let before = title("2024-12-30");
    assert!(
        before
            .lines()
            .next()
            .unwrap()
            .contains("2024-12-30（2025-W01）"),
        "{before}"
    );
    assert!(before.contains("尚未召开调度会"), "{before}");

    ok(dir.path(), &["set", "1", "推进中", "--date", "2021-01-03"]);
    let held = title("2021-01-03");
    let first = held.lines().next().unwrap();
    assert!(first.contains("2021-01-03（2020-W53）"), "{first}");
    assert!(
        first.contains("本次调度会 2021-01-03（2020-W53）"),
        "{first}"
    );
    let later = title("2021-01-05");
    let first = later.lines().next().unwrap();
    assert!(first.contains("2021-01-05（2021-W01）"), "{first}");
    assert!(
        first.contains("本次调度会 2021-01-03（2020-W53）"),
        "{first}"
    );
}

#[test]
fn warnings_json_is_the_interview_list() {
    let dir = scenario();
    let args = ["warnings", "--as-of", MEETINGS[2], "--format", "json"];
    let json: Value = serde_json::from_str(&ok(dir.path(), &args)).expect("JSON");
    assert_eq!(json["date"], MEETINGS[2]);
    assert_eq!(json["previous"], MEETINGS[1]);
    let entries = json["entries"].as_array().expect("entries");
    let tsv = warnings_tsv(dir.path(), MEETINGS[2]);
    assert_eq!(entries.len(), tsv.rows.len());
    let names: Vec<&str> = entries
        .iter()
        .map(|e| e["unit"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, tsv.values("unit"));
    assert_eq!(entries[0]["rank"], 1);
}

#[test]
fn an_empty_list_is_a_line_in_a_table_and_a_header_in_tsv() {
    let dir = tempfile::tempdir().unwrap();
    // No meeting held and every deadline months away: every task is green.
    let date = "2021-06-01";
    let table = ok(dir.path(), &["warnings", "--as-of", date]);
    assert!(table.contains("没有需要提醒、预警或约谈的单位"), "{table}");
    let tsv = ok(
        dir.path(),
        &["warnings", "--as-of", date, "--format", "tsv"],
    );
    assert_eq!(tsv.lines().count(), 1, "{tsv}");
    for column in [
        "rank", "unit", "level", "red", "yellow", "streak", "overdue", "move",
    ] {
        assert!(
            tsv.split('\t').any(|c| c.trim() == column),
            "{column} in {tsv}"
        );
    }
    for column in ["tasks", "reasons"] {
        assert!(tsv.contains(column), "{column} in {tsv}");
    }
}

/// The deadline rules at their boundaries, with no meeting held (a deadline
/// passes whether or not a meeting is): every deadline is 2021-12-31.
#[test]
fn deadlines_warn_at_their_boundaries() {
    let dir = tempfile::tempdir().unwrap();
    let listed = |date| levels(&warnings_tsv(dir.path(), date));
    // 15 days before: green. 14 days before: yellow (提醒), every accountable unit.
    assert!(listed("2021-12-16").is_empty());
    let soon = listed("2021-12-17");
    assert_eq!(soon.get("市邮政管理局").map(String::as_str), Some("提醒"));
    assert!(soon.values().all(|l| l == "提醒"));
    assert!(!soon.contains_key("各行政执法部门"), "it only cooperates");
    // 30 days past: red but not yet long overdue; 31: more than 30 days (约谈).
    let thirty = listed("2022-01-30");
    assert_eq!(thirty["市邮政管理局"], "预警", "one red task");
    assert_eq!(thirty["市商务局"], "约谈", "three red tasks");
    let tsv = warnings_tsv(dir.path(), "2022-01-31");
    assert_eq!(tsv.cell_where("unit", "市邮政管理局", "level"), "约谈");
    assert_eq!(tsv.cell_where("unit", "市邮政管理局", "overdue"), "31");
    assert!(tsv.row("unit", "各行政执法部门").is_none());
}

/// Table columns line up by display width, a Chinese character counting two.
#[test]
fn the_warnings_table_lines_up() {
    let dir = scenario();
    let table = ok(dir.path(), &["warnings", "--as-of", MEETINGS[3]]);
    let lines: Vec<&str> = table
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with("不再"))
        .collect();
    assert!(lines.len() > 10);
    // Every column of the header starts where a cell of every row starts:
    // after a blank, and never on the right half of a wide character.
    let header = cells(lines[0]);
    let starts: Vec<usize> = (1..header.len())
        .filter(|&x| header[x - 1] == Some(' ') && header[x].is_some_and(|c| c != ' '))
        .collect();
    assert_eq!(starts.len(), 11 - 1, "{}", lines[0]);
    for line in &lines[1..] {
        let row = cells(line);
        for &x in &starts {
            let blank_before = row.get(x - 1).is_none_or(|c| *c == Some(' '));
            let whole = row.get(x).is_none_or(Option::is_some);
            assert!(blank_before && whole, "column at {x} broken in:\n{line}");
        }
        let level: String = row[starts[1]..starts[1] + 4].iter().flatten().collect();
        assert!(["约谈", "预警", "提醒"].contains(&level.as_str()), "{line}");
    }
}

/// A line as terminal cells: `None` on the right half of a wide character.
fn cells(line: &str) -> Vec<Option<char>> {
    let mut cells = Vec::new();
    for c in line.chars() {
        cells.push(Some(c));
        let width = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        cells.extend(std::iter::repeat_n(None, width.saturating_sub(1)));
    }
    cells
}
