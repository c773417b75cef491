//! The first printed page of the summary sheet (调度通报): the HTML report of
//! the sample meeting, printed to PDF by headless Chromium, page 1 as PNG.

use std::fs;
use std::path::Path;
use std::process::Command;

use duban::model::TaskList;
use duban::report::{Format, Kind, Report};
use duban::rules::RulesConfig;

use crate::sample;

/// Chromium's flags for printing on a closed network, as root, with no profile.
const CHROMIUM_FLAGS: [&str; 8] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/// Writes `report-page1.png` into `dir`; says which package is missing, if one is.
pub fn first_page(dir: &Path, list: &TaskList) -> Result<(), String> {
    let scratch = std::env::temp_dir().join(format!("duban-print-{}", std::process::id()));
    fs::create_dir_all(&scratch)
        .map_err(|e| format!("cannot create {}: {e}", scratch.display()))?;
    let html = scratch.join("report.html");
    let state = sample::state();
    let config = RulesConfig::default();
    let report = Report::build(list, &state, &config, sample::meeting());
    fs::write(&html, report.render(Format::Html, Kind::Bulletin))
        .map_err(|e| format!("cannot write {}: {e}", html.display()))?;
    let pdf = scratch.join("report.pdf");
    let profile = scratch.join("profile");
    let printed = Command::new("chromium")
        .args(CHROMIUM_FLAGS)
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .map_err(|e| format!("cannot run chromium ({e}); install Debian's chromium"))?;
    if !pdf.exists() {
        let said = String::from_utf8_lossy(&printed.stderr);
        return Err(format!("chromium printed no PDF: {said}"));
    }
    let stem = dir.join("report-page1");
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&pdf)
        .arg(&stem)
        .status()
        .map_err(|e| format!("cannot run pdftoppm ({e}); install Debian's poppler-utils"))?;
    let _ = fs::remove_dir_all(&scratch);
    if !status.success() {
        return Err("pdftoppm could not render the PDF".to_string());
    }
    println!("{}.png", stem.display());
    Ok(())
}
