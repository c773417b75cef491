//! `duban report` end to end: formats, `--output`, `--by-unit`, each test on a
//! workspace of its own in a fresh temporary folder.

mod cli_support;

use std::path::Path;

use cli_support::{fails, ok, run};

fn record(dir: &Path) {
    ok(
        dir,
        &[
            "set",
            "1",
            "lagging",
            "--note",
            "=1+2",
            "--date",
            "2021-10-11",
        ],
    );
    ok(
        dir,
        &[
            "set",
            "1",
            "lagging",
            "--note",
            "=1+2",
            "--date",
            "2021-10-18",
        ],
    );
}

#[test]
fn csv_on_stdout_starts_with_the_bom_and_neutralises_formulas() {
    let temp = tempfile::tempdir().unwrap();
    record(temp.path());
    let out = run(
        temp.path(),
        &["report", "--format", "csv", "--as-of", "2021-10-18"],
    );
    assert!(out.status.success());
    assert!(out.stdout.starts_with("\u{feff}序号,".as_bytes()));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(",'=1+2,"), "{text}");
    assert!(text.contains("\r\n第1项,"));
}

#[test]
fn output_writes_the_file_and_nothing_on_stdout() {
    let temp = tempfile::tempdir().unwrap();
    record(temp.path());
    let file = temp.path().join("通报.md");
    let file_arg = file.to_str().unwrap();
    let stdout = ok(
        temp.path(),
        &[
            "report",
            "--format",
            "md",
            "--as-of",
            "2021-10-18",
            "--output",
            file_arg,
        ],
    );
    assert_eq!(stdout, "");
    let md = std::fs::read_to_string(&file).unwrap();
    assert!(md.starts_with("# 2021年数字威海建设重点任务调度通报"));
    assert!(md.contains("2021-W42"));
}

#[test]
fn by_unit_gives_one_page_per_unit() {
    let temp = tempfile::tempdir().unwrap();
    record(temp.path());
    let args = [
        "report",
        "--format",
        "txt",
        "--by-unit",
        "--as-of",
        "2021-10-18",
    ];
    let txt = ok(temp.path(), &args);
    assert!(txt.contains("单位任务通报：市工业和信息化局"));
    assert!(
        txt.matches('\u{c}').count() > 10,
        "pages are separated by form feeds"
    );
}

#[test]
fn an_unwritable_output_says_what_to_do() {
    let temp = tempfile::tempdir().unwrap();
    let missing = temp.path().join("no-such-folder").join("r.html");
    let stderr = fails(
        temp.path(),
        &["report", "--output", missing.to_str().unwrap()],
    );
    assert!(stderr.contains("no-such-folder"), "{stderr}");
    assert!(stderr.contains("--output"), "{stderr}");
}
