//! The HTML sheet printed in a real browser (PITFALLS 19, 20): a small meeting
//! is recorded with the real binary, the sheet is written, printed to PDF by
//! Debian's headless Chromium, and read back with poppler's pdftotext and
//! pdffonts. Missing tools fail the test with the packages to install; they
//! never let it pass unchecked.

mod cli_support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use cli_support::ok;
use duban::storage::{Workspace, write_html_report};

/// What to install when a tool is missing.
const PACKAGES: &str = "apt-get install chromium fonts-noto-cjk poppler-utils";

/// The longest Chromium may take to print.
const PRINT_TIMEOUT: Duration = Duration::from_secs(120);

const HOSTILE: &str = "<script>alert(1)</script>";

/// Records two meetings on the 2021 list, one note holding a script tag.
fn record_meetings(dir: &Path) {
    for args in [
        &[
            "set",
            "1",
            "in_progress",
            "--progress",
            "40",
            "--date",
            "2021-10-11",
        ][..],
        &[
            "set",
            "38",
            "in_progress",
            "--progress",
            "30",
            "--date",
            "2021-10-11",
        ],
        &[
            "set",
            "1",
            "lagging",
            "--note",
            "设备延迟",
            "--date",
            "2021-10-18",
        ],
        &[
            "set",
            "38",
            "in_progress",
            "--progress",
            "35",
            "--date",
            "2021-10-18",
        ],
        &[
            "set",
            "38",
            "in_progress",
            "--note",
            HOSTILE,
            "--date",
            "2021-10-18",
        ],
        &["set", "2", "done", "--date", "2021-10-18"],
    ] {
        ok(dir, args);
    }
}

/// Runs a tool that must be installed, failing with what to install if not.
fn tool(name: &str) -> Command {
    let found = Command::new(name)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    if let Err(error) = found {
        panic!("`{name}` cannot be run ({error}). Install Debian's packages: {PACKAGES}");
    }
    Command::new(name)
}

/// Prints `html` to `pdf` with headless Chromium, with a profile of its own.
fn print_to_pdf(html: &Path, pdf: &Path, profile: &Path) {
    let mut child = tool("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("chromium can be waited for") {
            break status;
        }
        if started.elapsed() > PRINT_TIMEOUT {
            let _ = child.kill();
            panic!(
                "chromium did not print {} within {PRINT_TIMEOUT:?}",
                html.display()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "chromium failed: {status}");
    assert!(pdf.exists(), "chromium wrote no PDF at {}", pdf.display());
}

/// A poppler tool's stdout on the PDF, with `after` after the PDF's path.
fn poppler(name: &str, pdf: &Path, after: &[&str]) -> String {
    let out = tool(name)
        .arg(pdf)
        .args(after)
        .output()
        .expect("poppler runs");
    assert!(
        out.status.success(),
        "{name} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_printed_sheet_has_the_chinese_text_and_a_cjk_font() {
    let temp = tempfile::tempdir().unwrap();
    let workspace = temp.path().join("工作区");
    record_meetings(&workspace);
    let date = chrono::NaiveDate::from_ymd_opt(2021, 10, 18).unwrap();

    // The function the board's `p` calls, and the command line, agree.
    let loaded = Workspace::at(&workspace).load().unwrap();
    let html = write_html_report(
        &workspace,
        &loaded.tasks,
        &loaded.state,
        &loaded.config.rules,
        date,
    )
    .unwrap();
    assert_eq!(
        html,
        workspace.join("reports").join("调度通报-2021-10-18.html")
    );
    let from_cli = ok(&workspace, &["report", "--as-of", "2021-10-18"]);
    assert_eq!(std::fs::read_to_string(&html).unwrap(), from_cli);

    let pdf = temp.path().join("out.pdf");
    print_to_pdf(&html, &pdf, &temp.path().join("profile"));

    // Table cells wrap, and pdftotext gives a cell's lines one after another,
    // so each needle is looked for with line breaks and spaces taken out too.
    let text = poppler("pdftotext", &pdf, &["-"]);
    let joined: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for needed in [
        "2021年数字威海建设重点任务调度通报",
        "2021-W42",
        "市工业和信息化局",
        "推动5G基站建设",
        "设备延迟",
        "约谈预警名单",
        "● 红灯",
        "<script>",
        "alert(1)",
    ] {
        let found = text.contains(needed) || joined.contains(&needed.replace(' ', ""));
        assert!(found, "the PDF's text lacks {needed}:\n{text}");
    }

    // Chromium embeds OpenType CJK fonts as Type 3 fonts, which pdffonts lists
    // without a name; the embedded font's own name stays in its descriptor.
    let fonts = poppler("pdffonts", &pdf, &[]);
    let embedded = fonts.lines().skip(2).any(|l| l.contains(" yes "));
    assert!(embedded, "pdffonts lists no embedded font:\n{fonts}");
    let bytes = std::fs::read(&pdf).unwrap();
    let named = |name: &[u8]| bytes.windows(name.len()).any(|w| w == name);
    let cjk = fonts.contains("CJK") || named(b"+NotoSansCJK") || named(b"+NotoSerifCJK");
    assert!(
        cjk,
        "no CJK font is embedded in the PDF (is fonts-noto-cjk installed? {PACKAGES}); \
         pdffonts says:\n{fonts}"
    );
}
