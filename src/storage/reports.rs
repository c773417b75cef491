//! The summary sheets a workspace keeps: `reports/调度通报-YYYY-MM-DD.html`.
//!
//! The name is Chinese, as the secretary and the units call the sheet, and
//! sorts by date; the date is the meeting's as the board shows it.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{StorageError, atomic};
use crate::model::{State, TaskList};
use crate::report::{Format, Kind, Report};
use crate::rules::RulesConfig;

/// The folder of the workspace that holds the sheets.
pub const REPORTS_DIR: &str = "reports";

/// What to do when a sheet cannot be written.
const WRITE_HINT: &str =
    "请确认工作区文件夹及其中的 reports 文件夹可以写入、磁盘没有写满；其他内容都没有改动。";

/// The file name of the sheet of `date`: `调度通报-2021-10-18.html`.
pub fn report_file_name(date: NaiveDate) -> String {
    format!("调度通报-{}.html", date.format("%Y-%m-%d"))
}

/// Writes the HTML sheet (调度通报) of `date` into the workspace's `reports/`
/// folder, atomically, replacing the sheet of the same date; returns its path.
///
/// This is what the board's `p` key calls.
pub fn write_html_report(
    workspace_dir: &Path,
    list: &TaskList,
    state: &State,
    config: &RulesConfig,
    date: NaiveDate,
) -> Result<PathBuf, StorageError> {
    let dir = workspace_dir.join(REPORTS_DIR);
    std::fs::create_dir_all(&dir).map_err(|e| StorageError::io(&dir, e, WRITE_HINT))?;
    let path = dir.join(report_file_name(date));
    let html = Report::build(list, state, config, date).render(Format::Html, Kind::Bulletin);
    atomic::write(&path, &html).map_err(|e| StorageError::io(&path, e, WRITE_HINT))?;
    Ok(path)
}
