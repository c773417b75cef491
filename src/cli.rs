//! The command line: the TUI by default, and subcommands for scripts.
//!
//! Subcommands print results on stdout and errors on stderr, and exit non-zero
//! on error with a message that says what to do.

mod error;
mod help;
mod list;
mod output;
mod report;
mod restore;
mod set;
mod usage;
mod values;
mod warnings;

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use crate::rules::Light;
use crate::storage::{Loaded, Workspace};

pub use error::CliError;
pub use usage::{Stop, parse};
use values::{parse_light, parse_progress, parse_status, parse_task_id};

// The `///` lines on the command, its subcommands and their arguments are
// also the help `duban --help` prints, so they are written in Chinese for the
// secretary; each is one line, since clap joins a paragraph's lines with a
// space. `help` adds the possible values, defaults and headings.

/// 督办：重点任务周调度会的看板；不带命令时打开看板
#[derive(Debug, Parser)]
#[command(name = "duban", version)]
pub struct Cli {
    /// 工作区文件夹；不写则用本机的数据文件夹，Linux 上是 ~/.local/share/duban
    #[arg(long, global = true, env = "DUBAN_DATA", value_name = "文件夹")]
    pub data: Option<PathBuf>,

    /// 要做的事；不写则打开看板
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// 列出任务，可像看板上一样筛选
    List(ListArgs),
    /// 记录一项任务的状态，可附进度和说明
    Set(SetArgs),
    /// 约谈预警名单：达到预警等级的责任单位，按轻重排列
    Warnings(WarningsArgs),
    /// 一次调度会的调度通报，供打印或分发
    Report(ReportArgs),
    /// 列出所记状态的备份，或放回其中一份
    Restore(RestoreArgs),
    /// 检查工作区的文件，列出发现的每个问题
    Check,
}

/// Arguments of `duban restore`.
#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// 要放回的备份：duban restore 列出的名称或路径；不写则列出备份，新的在前
    #[arg(value_name = "备份")]
    pub backup: Option<String>,
}

/// Arguments of `duban list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// 只看这一类别：类别名称中不致混淆的任一部分，如 数字政府
    #[arg(long, value_name = "类别")]
    pub category: Option<String>,
    /// 只看列有这个责任单位的任务：单位名称中不致混淆的任一部分
    #[arg(long, value_name = "单位")]
    pub unit: Option<String>,
    /// 只看这一状态：未启动、推进中、滞后、已完成，或 not_started、in_progress、lagging、done
    #[arg(long, value_name = "状态", value_parser = parse_status)]
    pub status: Option<crate::model::Status>,
    /// 只看这一灯色：红、黄、绿，或 红灯、黄灯、绿灯，或 red、yellow、green
    #[arg(long, value_name = "灯色", value_parser = parse_light)]
    pub light: Option<Light>,
    /// 像看板上一样查找：中文、拼音首字母（如 dsj）或全拼
    #[arg(long, value_name = "文字")]
    pub search: Option<String>,
    /// 按哪一天评灯色、取状态，如 2021-10-18；不写则为今天
    #[arg(long, value_name = "日期", value_parser = crate::model::parse_date)]
    pub as_of: Option<NaiveDate>,
    /// 输出格式：table 为对齐的表格，tsv 以制表符分隔
    #[arg(long, value_name = "格式", value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Arguments of `duban warnings`.
#[derive(Debug, clap::Args)]
pub struct WarningsArgs {
    /// 按哪一天评定，以这天或之前最近的一次调度会为本次会议；不写则为今天
    #[arg(long, value_name = "日期", value_parser = crate::model::parse_date)]
    pub as_of: Option<NaiveDate>,
    /// 输出格式：table 为对齐的表格，tsv 以制表符分隔
    #[arg(long, value_name = "格式", value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Arguments of `duban report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// 通报的格式：html 便于打印，csv 供 Excel 打开
    #[arg(long, value_name = "格式", value_enum, default_value_t = ReportFormat::Html)]
    pub format: ReportFormat,
    /// 把通报写入这个文件（整份替换旧文件）；不写则直接输出
    #[arg(long, short, value_name = "文件")]
    pub output: Option<PathBuf>,
    /// 按哪一天评定，通报这天或之前最近的一次调度会；不写则为今天
    #[arg(long, value_name = "日期", value_parser = crate::model::parse_date)]
    pub as_of: Option<NaiveDate>,
    /// 每个单位一页，只含该单位的任务，便于分发
    #[arg(long)]
    pub by_unit: bool,
}

/// Arguments of `duban set`.
#[derive(Debug, clap::Args)]
pub struct SetArgs {
    /// 任务序号，如 38
    // A negative number is read as a value, so that it is refused as a task
    // number rather than as an unknown option.
    #[arg(value_name = "序号", value_parser = parse_task_id, allow_negative_numbers = true)]
    pub id: u32,
    /// 未启动、推进中、滞后、已完成，或 not_started、in_progress、lagging、done
    #[arg(value_name = "状态", value_parser = parse_status)]
    pub status: crate::model::Status,
    /// 完成的百分比，0 到 100 之间的整数
    #[arg(long, value_name = "进度", value_parser = parse_progress, allow_negative_numbers = true)]
    pub progress: Option<u8>,
    /// 会上所说的情况；可以“-”开头，如“-5% 资金未到位”
    #[arg(long, value_name = "说明", allow_hyphen_values = true)]
    pub note: Option<String>,
    /// 会议日期，如 2021-10-18；不写则为今天
    #[arg(long, value_name = "日期", value_parser = crate::model::parse_date)]
    pub date: Option<NaiveDate>,
}

/// How `list` and `warnings` print.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Columns lined up by display width, for reading.
    Table,
    /// Tab-separated, one header row; units joined with 、.
    Tsv,
    /// JSON: an array of tasks, or the interview list.
    Json,
}

/// Today's date on this machine: the default of `--as-of` and `--date`.
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

impl Cli {
    /// The workspace chosen by `--data`, `DUBAN_DATA`, or the default.
    pub fn workspace(&self) -> Workspace {
        Workspace::at(self.data.clone().unwrap_or_else(Workspace::default_dir))
    }
}

/// The formats of `duban report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// One self-contained HTML file for A4 paper.
    Html,
    /// Markdown.
    Md,
    /// Plain text, columns lined up by display width.
    Txt,
    /// CSV for Excel: UTF-8 with a byte-order mark.
    Csv,
}

/// Runs a subcommand, writing its output to `out`.
pub fn run(
    command: &Command,
    workspace: &Workspace,
    out: &mut dyn std::io::Write,
) -> Result<(), CliError> {
    // A command that writes holds the workspace while it reads and saves, so
    // that it neither overwrites an open board's marks nor is overwritten.
    let _lock = match command {
        Command::Set(_) => Some(workspace.lock_patiently("duban set")?),
        Command::Restore(RestoreArgs { backup: Some(_) }) => {
            Some(workspace.lock_patiently("duban restore")?)
        }
        _ => None,
    };
    if let Command::Check = command {
        // Before loading, and without creating anything: it reports, never mends.
        let problems = workspace.check();
        for problem in &problems {
            writeln!(out, "{problem}\n")?;
        }
        if problems.is_empty() {
            writeln!(out, "{}：没有发现问题", workspace.dir().display())?;
            return Ok(());
        }
        return Err(CliError::Problems(problems.len()));
    }
    if let Command::Restore(args) = command {
        // Before loading: restoring is for when the state no longer loads.
        return restore::run(args, workspace, out);
    }
    let loaded: Loaded = workspace.load()?;
    match command {
        Command::List(args) => list::run(args, &loaded, out),
        Command::Set(args) => set::run(args, workspace, loaded, out),
        Command::Warnings(args) => warnings::run(args, &loaded, out),
        Command::Report(args) => report::run(args, &loaded, out),
        Command::Restore(_) | Command::Check => Ok(()),
    }
}
