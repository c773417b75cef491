//! The corpus of bad inputs in `tests/corpus/`: each file, put into a
//! workspace in place of one of its files, must either load or be refused with
//! its own message at its own line and column — by `duban check`, `duban list`
//! and `duban set` alike — and be left byte for byte as it was (PITFALLS 12,
//! 14–16). A few inputs too large to keep in the repository are made here.

mod cli_support;

use std::fs;
use std::path::{Path, PathBuf};

use cli_support::{fails, ok, run, text};

/// A corpus file by name.
fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name)
}

/// A workspace with the built-in list whose file `file` holds `bytes`.
fn workspace_with(file: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["list", "--format", "tsv"]);
    fs::write(dir.path().join(file), bytes).unwrap();
    dir
}

/// Puts the corpus file `name` in place of `file` and checks that every
/// command refuses it at `place` (`LINE:COLUMN`) with each of `words`, and
/// leaves it untouched.
fn assert_refused(file: &str, bytes: &[u8], place: &str, words: &[&str]) {
    let dir = workspace_with(file, bytes);
    let at = format!("{file}:{place}: ");

    let out = run(dir.path(), &["check"]);
    assert!(!out.status.success(), "check passed a bad {file}");
    let said = text(&out.stdout);
    assert!(said.contains(&at), "check should say {at}…, said:\n{said}");
    for word in words {
        assert!(
            said.contains(word),
            "check should say {word:?}, said:\n{said}"
        );
    }

    for args in [&["list"][..], &["set", "1", "done"], &["warnings"]] {
        let stderr = fails(dir.path(), args);
        assert!(
            stderr.contains(&at),
            "duban {args:?} should say {at}…:\n{stderr}"
        );
        for word in words {
            assert!(
                stderr.contains(word),
                "duban {args:?}: {word:?} in\n{stderr}"
            );
        }
        assert!(
            stderr.contains("文件没有被改动"),
            "duban {args:?} says what became of the file:\n{stderr}"
        );
        let now = fs::read(dir.path().join(file)).unwrap();
        assert!(now == bytes, "duban {args:?} changed the refused {file}");
    }
}

fn refused(file: &str, name: &str, place: &str, words: &[&str]) {
    assert_refused(file, &fs::read(corpus(name)).unwrap(), place, words);
}

/// Puts the corpus file in place and checks that the workspace loads and
/// `duban check` finds nothing; returns the workspace.
fn loads(file: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = workspace_with(file, bytes);
    let said = ok(dir.path(), &["check"]);
    assert!(said.contains("没有发现问题"), "{said}");
    dir
}

/// The status column of task `id` in `duban list --as-of 2021-10-18`.
fn status_of(dir: &Path, id: u32) -> String {
    let tsv = ok(dir, &["list", "--format", "tsv", "--as-of", "2021-10-18"]);
    let row = tsv
        .lines()
        .find(|l| l.starts_with(&format!("{id}\t")))
        .unwrap_or_else(|| panic!("no task {id} in\n{tsv}"));
    row.split('\t').nth(4).unwrap().to_string()
}

/// Keeps the first half of a file, cut at a character boundary.
fn first_half(bytes: &[u8]) -> Vec<u8> {
    let text = std::str::from_utf8(bytes).unwrap();
    let mut at = text.len() / 2;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    bytes[..at].to_vec()
}

/// Any `LINE:COLUMN` in `file`'s message, for damage whose place depends on
/// where the file was cut.
fn assert_cut_in_half_is_refused(file: &str) {
    let dir = workspace_with("state.ron", &fs::read(corpus("state-good.ron")).unwrap());
    let whole = fs::read(dir.path().join(file)).unwrap();
    let half = first_half(&whole);
    fs::write(dir.path().join(file), &half).unwrap();

    let out = run(dir.path(), &["check"]);
    assert!(!out.status.success(), "check passed half a {file}");
    let said = text(&out.stdout);
    let named = said.lines().any(|line| {
        let Some(rest) = line.split_once(&format!("{file}:")).map(|(_, r)| r) else {
            return false;
        };
        let mut parts = rest.splitn(3, ':');
        let numbers = [parts.next(), parts.next()];
        numbers
            .iter()
            .all(|n| n.is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())))
    });
    assert!(named, "check should name {file}:LINE:COLUMN, said:\n{said}");

    for args in [&["list"][..], &["set", "1", "done"]] {
        fails(dir.path(), args);
        let now = fs::read(dir.path().join(file)).unwrap();
        assert!(now == half, "duban {args:?} changed half a {file}");
    }
}

#[test]
fn a_task_list_cut_in_half() {
    assert_cut_in_half_is_refused("tasks.ron");
}

#[test]
fn a_state_cut_in_half() {
    assert_cut_in_half_is_refused("state.ron");
    refused(
        "state.ron",
        "state-cut-in-half.ron",
        "17:13",
        &["看来文件被截断了"],
    );
}

/// Cut inside a Chinese character, the file ends in the middle of its bytes:
/// that is a cut, not another encoding (PITFALLS 12).
#[test]
fn a_state_cut_inside_a_character_says_it_was_cut() {
    let good = fs::read(corpus("state-good.ron")).unwrap();
    let text = std::str::from_utf8(&good).unwrap();
    let (at, wide) = text
        .char_indices()
        .find(|(_, c)| c.len_utf8() == 3)
        .unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let column = text[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    assert!(wide.len_utf8() == 3);
    assert_refused(
        "state.ron",
        &good[..at + 1],
        &format!("{line}:{column}"),
        &["看来文件被截断了"],
    );
}

/// What Windows Notepad saves as "Unicode".
#[test]
fn a_state_in_utf16_is_named_so() {
    let good = fs::read_to_string(corpus("state-good.ron")).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(good.encode_utf16().flat_map(u16::to_le_bytes));
    assert_refused("state.ron", &utf16, "1:1", &["UTF-16", "另存为 UTF-8"]);
}

/// A key given to two actions would stop the board from starting: `check`
/// must say so before the meeting does (and point at the setting, not at the
/// comment above it that shows an example).
#[test]
fn a_key_given_twice_in_the_config() {
    refused(
        "config.ron",
        "config-key-twice.ron",
        "6:13",
        &["按键 q", "跳转", "退出"],
    );
}

/// UTF-16 without its byte-order mark: ASCII comes out as valid UTF-8 with a
/// NUL after each letter, which must be named, not echoed.
#[test]
fn a_state_in_utf16_without_a_mark_is_named_so() {
    let good = fs::read_to_string(corpus("state-good.ron")).unwrap();
    for bytes in [
        good.encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect::<Vec<u8>>(),
        good.encode_utf16().flat_map(u16::to_be_bytes).collect(),
    ] {
        let place = if bytes[0] == 0 { "1:1" } else { "1:2" };
        assert_refused("state.ron", &bytes, place, &["空字节", "UTF-16"]);
        let dir = workspace_with("state.ron", &bytes);
        let out = run(dir.path(), &["check"]);
        assert!(!out.stdout.contains(&0), "no raw NUL reaches the terminal");
    }
}

#[test]
fn a_config_cut_in_half() {
    assert_cut_in_half_is_refused("config.ron");
}

#[test]
fn an_empty_state() {
    refused("state.ron", "state-empty.ron", "1:1", &["文件是空的"]);
}

/// Cut inside its first line, the file keeps only part of its header comment.
#[test]
fn a_state_of_only_a_comment() {
    assert_refused("state.ron", b"// duban: the me", "1:3", &["只有注释"]);
}

#[test]
fn a_state_with_a_byte_order_mark_loads() {
    let dir = loads("state.ron", &fs::read(corpus("state-bom.ron")).unwrap());
    assert_eq!(status_of(dir.path(), 38), "已完成");
}

#[test]
fn a_state_with_crlf_line_ends_loads() {
    let dir = loads("state.ron", &fs::read(corpus("state-crlf.ron")).unwrap());
    assert_eq!(status_of(dir.path(), 39), "滞后");
    let json = ok(
        dir.path(),
        &["list", "--format", "json", "--as-of", "2021-10-18"],
    );
    assert!(
        !json.contains("\\r"),
        "no carriage return reaches a note: {json}"
    );
}

#[test]
fn a_state_in_gbk_is_refused_where_the_text_stops_being_utf8() {
    refused(
        "state.ron",
        "state-gbk.ron",
        // The first two bytes of 应 in GBK, D3 A6, happen to be UTF-8 for Ӧ.
        "17:21",
        &["不是 UTF-8 文本", "另存为 UTF-8"],
    );
}

#[test]
fn an_unknown_status_names_the_known_ones() {
    refused(
        "state.ron",
        "state-unknown-status.ron",
        "22:21",
        &["Finished", "NotStarted", "InProgress", "Lagging", "Done"],
    );
}

#[test]
fn an_update_for_task_999() {
    refused(
        "state.ron",
        "state-update-for-task-999.ron",
        "20:13",
        &["第 999 项", "清单里没有这一项"],
    );
}

#[test]
fn a_progress_of_150() {
    refused(
        "state.ron",
        "state-progress-150.ron",
        "16:13",
        &["150%", "0 到 100"],
    );
}

#[test]
fn an_impossible_date() {
    refused(
        "state.ron",
        "state-impossible-date.ron",
        "14:20",
        &["“2021-02-30”不是日历上的日期", "YYYY-MM-DD"],
    );
}

#[test]
fn a_missing_field_says_where_its_entry_begins() {
    refused(
        "state.ron",
        "state-missing-field.ron",
        "23:9",
        &["从第 19 行开始", "缺少字段“task”"],
    );
}

#[test]
fn deeply_nested_junk_is_refused_at_once() {
    refused(
        "state.ron",
        "state-nested-junk.ron",
        "1:12",
        &["这里应当是“(”"],
    );
    refused(
        "config.ron",
        "config-nested-junk.ron",
        "1:16",
        &["英文双引号"],
    );
}

#[test]
fn a_duplicate_task_number() {
    refused(
        "tasks.ron",
        "tasks-duplicate-number.ron",
        "28:13",
        &["任务序号 2 出现了不止一次"],
    );
}

#[test]
fn every_problem_of_a_task_list_is_listed_at_its_place() {
    let bytes = fs::read(corpus("tasks-three-problems.ron")).unwrap();
    let dir = workspace_with("tasks.ron", &bytes);
    let out = run(dir.path(), &["check"]);
    assert!(!out.status.success());
    let said = text(&out.stdout);
    for expected in [
        "tasks.ron:28:13: 任务序号 2 出现了不止一次",
        "tasks.ron:33:18: 第 2 项有一个责任单位的名称是空的",
        "tasks.ron:35:13: 第 2 项的截止日期 2022-03-31 不在计划期内",
    ] {
        assert!(said.contains(expected), "{expected} in\n{said}");
    }
    assert_refused("tasks.ron", &bytes, "33:18", &["出现了不止一次"]);
}

/// Mistakes of several kinds in one hand-edited state: each is listed at once,
/// not one per run of `duban check`.
#[test]
fn every_problem_of_a_state_is_listed_at_its_place() {
    let bytes = fs::read(corpus("state-six-problems.ron")).unwrap();
    let dir = workspace_with("state.ron", &bytes);
    let out = run(dir.path(), &["check"]);
    assert!(!out.status.success());
    let said = text(&out.stdout);
    for expected in [
        "state.ron:9:47: 没有“Finished”这个名称",
        "state.ron:10:26: “2021-02-30”不是日历上的日期",
        "state.ron:11:53: 第 4 项的一条进展记为 150%",
        "state.ron:12:10: 2021-10-18 的一条进展记在第 999 项上",
        "state.ron:13:70: 进度写的是 -1，进度应是 0 到 100 之间的整数",
        "state.ron:14:71: 进度写的是 300",
    ] {
        assert!(said.contains(expected), "{expected} in\n{said}");
    }
    assert!(text(&out.stderr).contains("发现 6 个问题"));
    assert_refused("state.ron", &bytes, "9:47", &["Finished", "2021-02-30"]);
}

#[test]
fn a_one_megabyte_note_loads_and_is_kept_whole() {
    let good = fs::read_to_string(corpus("state-good.ron")).unwrap();
    let note = "进展顺利，".repeat(70_000);
    assert!(note.len() > 1_000_000);
    let big = good.replace("等待“一网通办”2.0接口联调", &note);
    let dir = loads("state.ron", big.as_bytes());
    assert_eq!(status_of(dir.path(), 39), "滞后");

    ok(
        dir.path(),
        &["set", "40", "in_progress", "--date", "2021-10-18"],
    );
    let saved = fs::read_to_string(dir.path().join("state.ron")).unwrap();
    assert!(saved.contains(&note), "the note survives a save whole");
}

#[test]
fn a_state_written_before_meetings_were_kept_loads() {
    let bytes = fs::read(corpus("state-before-meetings.ron")).unwrap();
    let dir = loads("state.ron", &bytes);
    assert_eq!(status_of(dir.path(), 38), "已完成");
    let warnings = ok(dir.path(), &["warnings", "--as-of", "2021-10-18"]);
    assert!(
        warnings.contains("2021-10-18"),
        "the meeting is known: {warnings}"
    );
}

#[test]
fn a_config_written_before_the_rules_loads_and_gets_them() {
    let bytes = fs::read(corpus("config-before-rules.ron")).unwrap();
    let dir = loads("config.ron", &bytes);
    ok(dir.path(), &["list"]);
    let now = fs::read_to_string(dir.path().join("config.ron")).unwrap();
    assert!(
        now.starts_with(std::str::from_utf8(&bytes[..80]).unwrap()),
        "{now}"
    );
    assert!(
        now.contains("red_points_behind"),
        "the rules are written in: {now}"
    );
}
