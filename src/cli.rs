//! The command line: the TUI by default, and subcommands for scripts.
//!
//! Subcommands print results on stdout and errors on stderr, and exit non-zero
//! on error with a message that says what to do.

mod error;
mod list;
mod output;
mod report;
mod restore;
mod set;
mod warnings;

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use crate::rules::Light;
use crate::storage::{Loaded, Workspace};

pub use error::CliError;

/// 督办: the board for the weekly key-task supervision meeting.
#[derive(Debug, Parser)]
#[command(name = "duban", version, about)]
pub struct Cli {
    /// The workspace folder; a new one starts from the built-in 2021 list.
    /// Default: the platform's data folder (~/.local/share/duban on Linux).
    #[arg(long, global = true, env = "DUBAN_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// What to do; without a subcommand, the board opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List tasks, filtered like the board.
    List(ListArgs),
    /// Record a task's status, with optional progress and note.
    Set(SetArgs),
    /// The interview list (约谈预警名单): units at a warning level, ranked.
    Warnings(WarningsArgs),
    /// The summary sheet (调度通报) of a meeting, to print or send.
    Report(ReportArgs),
    /// List the backups of the recorded state, or put one back.
    Restore(RestoreArgs),
    /// Check the workspace's files and list every problem found.
    Check,
}

/// Arguments of `duban restore`.
#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// The backup to put back: a name `duban restore` lists, or a path.
    /// Without it, the backups are listed, newest first.
    pub backup: Option<String>,
}

/// Arguments of `duban list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only this category: any unambiguous part of its name (数字政府).
    #[arg(long)]
    pub category: Option<String>,
    /// Only tasks naming this unit: any unambiguous part of its name.
    #[arg(long)]
    pub unit: Option<String>,
    /// Only this status: not_started|in_progress|lagging|done or 未启动|推进中|滞后|已完成.
    #[arg(long, value_parser = parse_status)]
    pub status: Option<crate::model::Status>,
    /// Only tasks of this light at the date: red|yellow|green or 红灯|黄灯|绿灯 (红|黄|绿).
    #[arg(long, value_parser = parse_light)]
    pub light: Option<Light>,
    /// Search as the board does: Chinese, pinyin initials (dsj) or full pinyin.
    #[arg(long)]
    pub search: Option<String>,
    /// The date lights are evaluated and statuses taken at, YYYY-MM-DD; default today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::model::parse_date)]
    pub as_of: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Arguments of `duban warnings`.
#[derive(Debug, clap::Args)]
pub struct WarningsArgs {
    /// The date the rules are evaluated at, YYYY-MM-DD; default today. The
    /// latest meeting on or before it is "this meeting".
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::model::parse_date)]
    pub as_of: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Arguments of `duban report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The sheet's format: html to print, md, txt, or csv for Excel.
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    pub format: ReportFormat,
    /// Write the sheet to this file (replaced atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The date the rules are evaluated at, YYYY-MM-DD; default today. The
    /// latest meeting on or before it is the meeting reported.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::model::parse_date)]
    pub as_of: Option<NaiveDate>,
    /// One page per unit with just its tasks, to send to each unit.
    #[arg(long)]
    pub by_unit: bool,
}

/// Arguments of `duban set`.
#[derive(Debug, clap::Args)]
pub struct SetArgs {
    /// The task's number (序号).
    pub id: u32,
    /// not_started|in_progress|lagging|done or 未启动|推进中|滞后|已完成.
    #[arg(value_parser = parse_status)]
    pub status: crate::model::Status,
    /// Percent complete, 0 to 100.
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=100))]
    pub progress: Option<u8>,
    /// What was said. May begin with a dash ("-5% 资金未到位").
    #[arg(long, allow_hyphen_values = true)]
    pub note: Option<String>,
    /// The meeting's date, YYYY-MM-DD; default today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::model::parse_date)]
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

fn parse_status(text: &str) -> Result<crate::model::Status, String> {
    crate::model::Status::parse(text).ok_or_else(|| {
        format!(
            "没有“{text}”这个状态；请用 not_started、in_progress、lagging、done \
             或 未启动、推进中、滞后、已完成"
        )
    })
}

fn parse_light(text: &str) -> Result<Light, String> {
    // 红, 黄 and 绿 alone are how a meeting says them; the label adds 灯.
    let short = |l: &Light| l.label().strip_suffix('灯') == Some(text.trim());
    Light::parse(text)
        .or_else(|| Light::ALL.into_iter().find(short))
        .ok_or_else(|| {
            format!(
                "没有“{text}”这种灯色；请用 red、yellow、green，或 红灯、黄灯、绿灯、红、黄、绿"
            )
        })
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
