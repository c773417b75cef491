//! `duban list`: the tasks, filtered as on the board, as a table, TSV or JSON.

use std::collections::HashMap;
use std::io::Write;

use serde::Serialize;

use crate::filter::{self, Facts, Filter, TaskIndex};
use crate::model::{Standing, Task, TaskList};
use crate::search::Matcher;
use crate::storage::Loaded;
use crate::text;

use super::{CliError, Format, ListArgs};

/// One task as `list --format json` prints it.
#[derive(Debug, Serialize)]
struct Row<'a> {
    id: u32,
    category: &'a str,
    task: &'a str,
    units: Vec<Unit<'a>>,
    status: &'static str,
    status_label: &'static str,
    progress: Option<u8>,
}

#[derive(Debug, Serialize)]
struct Unit<'a> {
    name: &'a str,
    role: &'static str,
}

/// Each task's standing, by number.
type Standings = HashMap<u32, Standing>;

fn standing(standings: &Standings, task: u32) -> Standing {
    standings.get(&task).copied().unwrap_or_default()
}

/// Runs `duban list`.
pub fn run(args: &ListArgs, loaded: &Loaded, out: &mut dyn Write) -> Result<(), CliError> {
    let list = &loaded.tasks;
    let filter = Filter {
        category: args
            .category
            .as_deref()
            .map(|c| resolve_category(list, c))
            .transpose()?,
        unit: args
            .unit
            .as_deref()
            .map(|u| resolve_unit(list, u))
            .transpose()?,
        status: args.status,
        light: None,
        search: args.search.clone().unwrap_or_default(),
    };
    let standings = loaded.state.standings(None);
    let facts = |i: usize| {
        let status = standings.get(&list.tasks[i].id).map(|s| s.status);
        Facts {
            status: status.unwrap_or_default(),
            light: None,
        }
    };
    let index = TaskIndex::new(list);
    let shown = filter::apply(&filter, list, &index, &Matcher::new(), facts);
    let tasks: Vec<&Task> = shown.iter().map(|&i| &list.tasks[i]).collect();
    match args.format {
        Format::Tsv => write_tsv(&tasks, &standings, out),
        Format::Json => write_json(&tasks, &standings, out),
        Format::Table => write_table(&tasks, &standings, out),
    }
}

fn resolve_category(list: &TaskList, text: &str) -> Result<String, CliError> {
    let names = list
        .categories
        .iter()
        .map(|c| (c.short.as_str(), vec![c.short.as_str(), c.name.as_str()]));
    filter::resolve(text, names).map_err(|ambiguity| CliError::Ambiguous {
        option: "category",
        text: text.to_string(),
        ambiguity,
    })
}

fn resolve_unit(list: &TaskList, text: &str) -> Result<String, CliError> {
    let units = list.unit_counts();
    let names = units
        .iter()
        .map(|u| (u.name.as_str(), vec![u.name.as_str()]));
    filter::resolve(text, names).map_err(|ambiguity| CliError::Ambiguous {
        option: "unit",
        text: text.to_string(),
        ambiguity,
    })
}

fn write_tsv(tasks: &[&Task], standings: &Standings, out: &mut dyn Write) -> Result<(), CliError> {
    let mut writer = csv::WriterBuilder::new().delimiter(b'\t').from_writer(out);
    let header = ["id", "category", "task", "units", "status", "progress"];
    writer.write_record(header).map_err(csv_error)?;
    for task in tasks {
        let Standing { status, progress } = standing(standings, task.id);
        let progress = progress.map(|p| p.to_string()).unwrap_or_default();
        let record = [
            task.id.to_string(),
            task.category.clone(),
            task.content.clone(),
            task.units_joined(),
            status.label().to_string(),
            progress,
        ];
        writer.write_record(&record).map_err(csv_error)?;
    }
    writer.flush()?;
    Ok(())
}

/// Keeps a write error's own kind, so that a reader closing early (`head`)
/// is still recognised as a broken pipe.
fn csv_error(error: csv::Error) -> CliError {
    match error.into_kind() {
        csv::ErrorKind::Io(io) => CliError::Output(io),
        other => CliError::Output(std::io::Error::other(format!("{other:?}"))),
    }
}

fn write_json(tasks: &[&Task], standings: &Standings, out: &mut dyn Write) -> Result<(), CliError> {
    let rows: Vec<Row> = tasks
        .iter()
        .map(|task| {
            let Standing { status, progress } = standing(standings, task.id);
            Row {
                id: task.id,
                category: &task.category,
                task: &task.content,
                units: task
                    .units
                    .iter()
                    .map(|a| Unit {
                        name: &a.name,
                        role: a.role.label(),
                    })
                    .collect(),
                status: status.name(),
                status_label: status.label(),
                progress,
            }
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &rows).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(())
}

/// Columns lined up by display width: a Chinese character counts two.
fn write_table(
    tasks: &[&Task],
    standings: &Standings,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let rows: Vec<[String; 5]> = tasks
        .iter()
        .map(|task| {
            let status = standing(standings, task.id).status;
            [
                task.id.to_string(),
                task.category.clone(),
                status.label().to_string(),
                task.units_joined(),
                task.content.clone(),
            ]
        })
        .collect();
    let header = ["序号", "类别", "状态", "责任单位", "主要任务"].map(String::from);
    let mut widths = [0usize; 4];
    for row in std::iter::once(&header).chain(&rows) {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(text::width(cell));
        }
    }
    for row in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (cell, width) in row.iter().zip(widths) {
            line.push_str(cell);
            line.push_str(&" ".repeat(width - text::width(cell) + 2));
        }
        line.push_str(&row[4]);
        writeln!(out, "{line}")?;
    }
    Ok(())
}
