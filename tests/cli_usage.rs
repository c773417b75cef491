//! Mistakes on the command line and its help, end to end: each test runs the
//! real `duban` binary and checks that what the secretary reads is Chinese,
//! says what to do, and exits as scripts expect (2 for a mistake, 0 for help).

mod cli_support;

use std::process::Output;

use unicode_width::UnicodeWidthStr;

use cli_support::{run, text};

/// Words clap prints in its own English frame; none may reach the user.
const CLAP_ENGLISH: [&str; 10] = [
    "error:",
    "invalid",
    "unexpected",
    "Usage:",
    "Options:",
    "Commands:",
    "Arguments:",
    "For more information",
    "possible values",
    "[OPTIONS]",
];

/// Runs `duban ARGS…` on a fresh workspace.
fn duban(args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), args)
}

/// Runs a command line that must be refused as a mistake: exit 2, nothing on
/// stdout, no English. Returns stderr.
fn refused(args: &[&str]) -> String {
    let out = duban(args);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "duban {args:?}:\n{stderr}");
    assert!(out.stdout.is_empty(), "duban {args:?} printed on stdout");
    for word in CLAP_ENGLISH {
        assert!(
            !stderr.contains(word),
            "duban {args:?} says {word:?}:\n{stderr}"
        );
    }
    stderr
}

/// The first line of the refusal: what is wrong.
fn first_line(args: &[&str]) -> String {
    let stderr = refused(args);
    stderr.lines().next().unwrap_or_default().to_owned()
}

/// Runs a command line that must print help: exit 0, help on stdout.
fn shown(args: &[&str]) -> String {
    let out = duban(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "duban {args:?}:\n{}",
        text(&out.stderr)
    );
    text(&out.stdout)
}

#[test]
fn progress_out_of_range_says_the_range() {
    assert_eq!(
        first_line(&["set", "1", "done", "--progress", "150"]),
        "duban: 进度“150”不对：应是 0 到 100 之间的整数"
    );
}

#[test]
fn a_negative_progress_is_a_progress_not_an_option() {
    assert_eq!(
        first_line(&["set", "1", "done", "--progress", "-5"]),
        "duban: 进度“-5”不对：应是 0 到 100 之间的整数"
    );
}

#[test]
fn a_task_number_that_is_not_a_number_shows_one() {
    assert_eq!(
        first_line(&["set", "abc", "done"]),
        "duban: 任务序号“abc”不对：应是整数，如 38"
    );
}

#[test]
fn a_missing_status_is_named_with_the_usage_line() {
    let stderr = refused(&["set", "1"]);
    let mut lines = stderr.lines();
    let first = lines.next().unwrap_or_default();
    assert!(first.starts_with("duban: 缺少参数 <状态>："), "{stderr}");
    for status in ["未启动", "推进中", "滞后", "已完成", "done"] {
        assert!(first.contains(status), "{status} is not named:\n{stderr}");
    }
    assert_eq!(
        lines.next(),
        Some("用法：duban set [选项] <序号> <状态>（详见 duban set --help）")
    );
}

#[test]
fn a_format_outside_the_choices_lists_them() {
    assert_eq!(
        first_line(&["list", "--format", "xml"]),
        "duban: --format 不能是“xml”；可选 table、tsv、json"
    );
}

#[test]
fn an_unknown_command_or_option_gets_a_guess() {
    let first = first_line(&["lst"]);
    assert!(
        first.starts_with("duban: 没有“lst”这个命令，是不是 list？"),
        "{first}"
    );
    assert_eq!(
        first_line(&["list", "--bogus"]),
        "duban: 没有“--bogus”这个选项"
    );
}

#[test]
fn a_status_parser_s_message_reaches_the_user_whole() {
    let first = first_line(&["set", "1", "finished"]);
    assert_eq!(
        first,
        "duban: 没有“finished”这个状态；请用 not_started、in_progress、lagging、done \
         或 未启动、推进中、滞后、已完成"
    );
    let first = first_line(&["set", "1", "done", "--date", "2021-13-40"]);
    assert!(first.contains("“2021-13-40”不是日期"), "{first}");
}

#[test]
fn a_mistake_in_the_workspace_still_exits_1() {
    // Only the command line's own mistakes exit 2; a task the list lacks is
    // found after parsing and keeps the ordinary failure.
    let out = duban(&["set", "999", "done"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
}

#[test]
fn help_is_chinese_with_every_command() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let help = shown(args);
        for heading in [
            "用法：duban [选项] [命令]",
            "命令：",
            "选项：",
            "-h, --help",
        ] {
            assert!(help.contains(heading), "{args:?} lacks {heading}:\n{help}");
        }
        for command in ["list", "set", "warnings", "report", "restore", "check"] {
            assert!(
                help.contains(&format!("  {command}  ")),
                "{command}:\n{help}"
            );
        }
        for word in CLAP_ENGLISH.iter().chain(&["Print", "[default", "[env"]) {
            assert!(!help.contains(word), "{args:?} says {word:?}:\n{help}");
        }
    }
}

#[test]
fn each_command_s_help_is_chinese() {
    for command in ["list", "set", "warnings", "report", "restore", "check"] {
        for help in [shown(&[command, "--help"]), shown(&["help", command])] {
            let usage = format!("用法：duban {command} [选项]");
            assert!(help.contains(&usage), "{command}:\n{help}");
            assert!(help.contains("选项："), "{command}:\n{help}");
            for word in CLAP_ENGLISH.iter().chain(&["Print", "[default", "[env"]) {
                assert!(
                    !help.contains(word),
                    "{command} --help says {word:?}:\n{help}"
                );
            }
        }
    }
    let set = shown(&["set", "--help"]);
    assert!(set.contains("参数：\n  <序号>  任务序号，如 38"), "{set}");
}

/// The display column where the description of an entry begins: after the
/// entry's name (`--data <文件夹>`) and the gap of two or more spaces.
fn description_column(line: &str) -> Option<usize> {
    let indent = line.len() - line.trim_start().len();
    let gap = line[indent..].find("  ")? + indent;
    let start = gap + line[gap..].len() - line[gap..].trim_start().len();
    Some(line[..start].width())
}

#[test]
fn help_columns_line_up_by_display_width() {
    // The value names are Chinese, two cells a character; counted as one,
    // every description would start a cell or more off its neighbours.
    for command in ["list", "set", "report", "restore"] {
        let help = shown(&[command, "--help"]);
        for section in help.split("\n\n").filter(|s| s.starts_with("选项：")) {
            let entries = section.lines().skip(1).filter(|l| l.starts_with("  "));
            let columns: Vec<_> = entries.map(description_column).collect();
            assert!(columns.len() > 1, "{command}:\n{help}");
            assert!(
                columns.windows(2).all(|w| w[0] == w[1]),
                "{command} --help: descriptions at columns {columns:?}:\n{help}"
            );
        }
    }
}

#[test]
fn version_is_printed_and_exits_0() {
    let version = shown(&["--version"]);
    assert_eq!(
        version.trim(),
        format!("duban {}", env!("CARGO_PKG_VERSION"))
    );
}
