//! `duban report`: the summary sheet (调度通报) of a meeting, on stdout or in a
//! file written atomically.
//!
//! The sheet itself is [`crate::report`]'s; this file only picks the format and
//! where the bytes go.

use std::io::Write;

use crate::report::{Format, Kind, Report};
use crate::storage::{Loaded, StorageError, atomic};

use super::{CliError, ReportArgs, ReportFormat};

/// What to do when `--output` cannot be written.
const OUTPUT_HINT: &str = "请选一个存在且可以写入的文件夹里的文件，或去掉 --output。";

/// Runs `duban report` at `--as-of` (today).
pub fn run(args: &ReportArgs, loaded: &Loaded, out: &mut dyn Write) -> Result<(), CliError> {
    let date = args.as_of.unwrap_or_else(super::today);
    let report = Report::build(&loaded.tasks, &loaded.state, &loaded.config.rules, date);
    let kind = if args.by_unit {
        Kind::ByUnit
    } else {
        Kind::Bulletin
    };
    let bytes = report.render(format(args.format), kind);
    match &args.output {
        Some(path) => {
            atomic::write(path, &bytes).map_err(|e| StorageError::io(path, e, OUTPUT_HINT))?;
        }
        None => {
            out.write_all(&bytes)?;
            out.flush()?;
        }
    }
    Ok(())
}

fn format(format: ReportFormat) -> Format {
    match format {
        ReportFormat::Html => Format::Html,
        ReportFormat::Md => Format::Md,
        ReportFormat::Txt => Format::Txt,
        ReportFormat::Csv => Format::Csv,
    }
}
