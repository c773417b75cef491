//! Tests of the report model and of each renderer, on a small list of four
//! tasks and two meetings with a fixed date.

use chrono::NaiveDate;

use super::layout::{self, Block, Cell};
use super::*;
use crate::model::{Assignment, Category, State, Task, TaskList, Update};
use crate::rules::RulesConfig;
use crate::text;

const SCRIPT: &str = "<script>alert(1)</script> & 协调";

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 10, d).unwrap()
}

fn task(id: u32, category: &str, content: &str, units: &[(&str, Role)]) -> Task {
    Task {
        id,
        category: category.to_string(),
        content: content.to_string(),
        units: units
            .iter()
            .map(|(name, role)| Assignment {
                name: name.to_string(),
                role: *role,
            })
            .collect(),
        deadline: None,
        source_note: String::new(),
    }
}

fn list() -> TaskList {
    let category = |name: &str, short: &str| Category {
        name: name.to_string(),
        short: short.to_string(),
    };
    TaskList {
        title: "2021年数字威海建设重点任务清单".to_string(),
        plan_start: NaiveDate::from_ymd_opt(2021, 1, 1).unwrap(),
        plan_end: NaiveDate::from_ymd_opt(2021, 12, 31).unwrap(),
        categories: vec![
            category("建设泛在领先的数字基础设施", "基础设施"),
            category("打造整体高效的数字政府", "数字政府"),
        ],
        tasks: vec![
            task(
                1,
                "基础设施",
                "推动5G基站建设",
                &[("市工业和信息化局", Role::Responsible)],
            ),
            task(
                2,
                "基础设施",
                "建设城市大脑",
                &[("市大数据局", Role::Lead), ("市公安局", Role::Cooperating)],
            ),
            task(
                3,
                "数字政府",
                "推进一网通办",
                &[("市大数据局", Role::Responsible)],
            ),
            task(
                4,
                "数字政府",
                "建设政务云",
                &[("市大数据中心", Role::Responsible)],
            ),
        ],
    }
}

fn update(task: u32, date: NaiveDate, status: Status, progress: Option<u8>, note: &str) -> Update {
    Update {
        task,
        date,
        status,
        progress,
        note: note.to_string(),
    }
}

/// Two meetings: task 1 goes from fine to lagging, task 2 carries a hostile
/// note, task 3 is done, task 4 has a note that looks like a formula.
fn state() -> State {
    let mut state = State::default();
    state.record(update(1, day(11), Status::InProgress, Some(80), "进展顺利"));
    state.record(update(2, day(11), Status::InProgress, Some(10), ""));
    state.record(update(3, day(11), Status::InProgress, Some(90), ""));
    state.record(update(4, day(11), Status::InProgress, Some(80), ""));
    state.record(update(1, day(18), Status::Lagging, None, "设备到货延迟"));
    state.record(update(2, day(18), Status::InProgress, Some(20), SCRIPT));
    state.record(update(3, day(18), Status::Done, Some(100), ""));
    state.record(update(
        4,
        day(18),
        Status::InProgress,
        Some(80),
        "=HYPERLINK(\"x\")",
    ));
    state
}

fn report() -> Report {
    Report::build(&list(), &state(), &RulesConfig::default(), day(18))
}

fn rendered(format: Format, kind: Kind) -> String {
    String::from_utf8(report().render(format, kind)).unwrap()
}

#[test]
fn the_model_follows_the_bulletin() {
    let report = report();
    assert_eq!(report.meeting, Some(day(18)));
    assert_eq!(report.previous, Some(day(11)));

    let total = &report.overview.total;
    assert_eq!((total.tasks, total.done, total.done_percent()), (4, 1, 25));
    assert_eq!(total.red + total.yellow + total.green + total.done, 4);
    let names: Vec<&str> = report
        .overview
        .categories
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["基础设施", "数字政府"]);

    // Red first: task 1 is lagging, task 2 is far behind its schedule.
    let problems: Vec<(u32, Option<Light>)> =
        report.problems.iter().map(|p| (p.id, p.light)).collect();
    assert_eq!(problems[0], (1, Some(Light::Red)));
    assert!(
        problems
            .iter()
            .all(|(_, l)| l.is_some() && *l != Some(Light::Green))
    );
    let first = &report.problems[0];
    assert_eq!(first.note, Some((day(18), "设备到货延迟".to_string())));
    assert!(first.reasons.contains("滞后"), "{}", first.reasons);

    assert!(
        report
            .interviews
            .iter()
            .any(|i| i.unit == "市工业和信息化局")
    );
    assert!(
        report
            .changes
            .iter()
            .any(|c| c.id == 3 && c.after.is_none())
    );
    assert!(
        report
            .changes
            .iter()
            .any(|c| c.id == 1 && c.after == Some(Light::Red))
    );

    let unit = report
        .units
        .iter()
        .find(|u| u.name == "市大数据局")
        .unwrap();
    let ids: Vec<(u32, Role)> = unit.tasks.iter().map(|(r, t)| (t.id, *r)).collect();
    assert_eq!(ids, [(2, Role::Lead), (3, Role::Responsible)]);
    let row = report.tasks.iter().find(|t| t.id == 2).unwrap();
    assert_eq!(row.units, "市大数据局（牵头）、市公安局（配合）");
}

#[test]
fn html_is_for_paper_and_escapes_user_text() {
    let html = rendered(Format::Html, Kind::Bulletin);
    for needed in [
        "<!DOCTYPE html>",
        "<html lang=\"zh-CN\">",
        "<meta charset=\"utf-8\">",
        "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\"",
        "size: A4",
        "thead { display: table-header-group; }",
        "break-inside: avoid",
        "white-space: nowrap",
        "● 红灯",
        "2021年10月18日（2021-W42）",
    ] {
        assert!(html.contains(needed), "missing {needed}");
    }
    assert!(!html.contains("<script>"), "a note became markup");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; 协调"));
    assert_eq!(html.matches("<script").count(), 0);
}

#[test]
fn escape_html_leaves_no_markup() {
    assert_eq!(
        escape_html("<a href='x'>\"&\"</a>"),
        "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;"
    );
    assert_eq!(escape_html("市大数据局"), "市大数据局");
}

#[test]
fn html_by_unit_breaks_pages_between_units() {
    let html = rendered(Format::Html, Kind::ByUnit);
    assert_eq!(html.matches("<section class=\"page\">").count(), 4);
    assert!(html.contains(".page + .page { break-before: page;"));
    assert!(html.contains("单位任务通报：市大数据局"));
}

#[test]
fn csv_has_a_bom_and_no_formulas() {
    let bytes = report().render(Format::Csv, Kind::Bulletin);
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let text = String::from_utf8(bytes).unwrap();
    let mut reader = ::csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    for row in &rows {
        for cell in row {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell}");
        }
    }
    assert_eq!(&rows[0][0], "第1项");
    assert_eq!(&rows[3][9], "'=HYPERLINK(\"x\")");
}

#[test]
fn neutralising_prefixes_only_formula_starts() {
    for cell in ["=1+2", "+1", "-3", "@SUM(A1)", "\t=1"] {
        assert_eq!(csv::neutralise(cell), format!("'{cell}"));
    }
    assert_eq!(csv::neutralise("进度 -3"), "进度 -3");
    assert_eq!(csv::neutralise(""), "");
}

#[test]
fn txt_columns_line_up_by_display_width() {
    let txt = rendered(Format::Txt, Kind::Bulletin);
    let lines: Vec<&str> = txt.lines().collect();
    // In the overview, 任务数 starts at the same display column on every row.
    let header = lines.iter().position(|l| l.starts_with("类别")).unwrap();
    let column = |line: &str, word: &str| text::width(&line[..line.find(word).unwrap()]);
    let start = column(lines[header], "任务数");
    assert_eq!(start, text::width("基础设施") + 2);
    assert_eq!(column(lines[header + 2], "2"), start, "{txt}");
    assert!(lines[header + 2].starts_with("基础设施  2"));
    assert!(lines[header + 4].starts_with("合计      4"));
    assert!(txt.lines().all(|l| l == l.trim_end()));
}

#[test]
fn txt_wraps_long_text_inside_its_column() {
    let mut report = report();
    report.problems[0].content = "长".repeat(40);
    let txt = String::from_utf8(report.render(Format::Txt, Kind::Bulletin)).unwrap();
    let wrapped: Vec<&str> = txt.lines().filter(|l| l.contains("长长")).collect();
    assert_eq!(wrapped.len(), 3, "{txt}");
    // The cell's continuation starts under its first line.
    let start = |l: &str| text::width(&l[..l.find('长').unwrap()]);
    assert!(
        wrapped.iter().all(|l| start(l) == start(wrapped[0])),
        "{txt}"
    );
}

#[test]
fn md_escapes_markup_and_pipes() {
    let md = rendered(Format::Md, Kind::Bulletin);
    assert!(
        md.contains(r"\<script\>alert(1)\</script\> \& 协调"),
        "{md}"
    );
    assert!(!md.contains("<script>"));
    assert_eq!(md::escape("a|b\nc"), r"a\|b c");
}

/// Every heading, paragraph and cell of the pages, as md or txt shows it
/// unescaped.
fn contents(kind: Kind) -> Vec<String> {
    let mut all = Vec::new();
    for page in layout::pages(&report(), kind) {
        all.push(page.title.clone());
        all.extend(page.subtitle.iter().cloned());
        for block in &page.blocks {
            match block {
                Block::Heading(t) | Block::Paragraph(t) => all.push(t.clone()),
                Block::Table(table) => {
                    all.extend(table.header.iter().map(|h| h.to_string()));
                    for cell in table.rows.iter().flatten() {
                        all.push(match cell {
                            Cell::Light(light) => md::light_text(*light),
                            Cell::Text(t) => t.clone(),
                            Cell::Dated(d) => layout::dated_text(d),
                        });
                    }
                }
            }
        }
    }
    all
}

#[test]
fn md_and_txt_carry_the_same_content() {
    for kind in [Kind::Bulletin, Kind::ByUnit] {
        let md = rendered(Format::Md, kind);
        let txt = rendered(Format::Txt, kind);
        let unescaped = md.replace('\\', "");
        for item in contents(kind).iter().filter(|c| !c.is_empty()) {
            assert!(unescaped.contains(item.as_str()), "md lacks {item}");
            // txt may wrap a long cell inside its column; every cell here is short
            // enough to stay on one line except the hostile note, checked whole.
            if text::width(item) <= 30 {
                assert!(txt.contains(item.as_str()), "txt lacks {item}\n{txt}");
            }
        }
        assert!(txt.contains("<script>"), "{txt}");
    }
}
