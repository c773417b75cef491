//! `duban list`: the tasks, filtered as on the board, with their lights at a
//! date, as a table, TSV or JSON.

use std::io::Write;

use serde::Serialize;

use crate::filter::{self, Facts, Filter, TaskIndex};
use crate::model::{Standing, Task, TaskList};
use crate::rules::{Evaluation, Reason, Rules, TaskLight};
use crate::search::Matcher;
use crate::storage::Loaded;

use super::{CliError, Format, ListArgs, output};

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
    /// `red`, `yellow` or `green`; `null` for a done task.
    light: Option<&'static str>,
    /// Why the light is lit, in the words of the meeting.
    reasons: Vec<String>,
}

#[derive(Debug, Serialize)]
struct Unit<'a> {
    name: &'a str,
    role: &'static str,
}

/// One listed task with what is known of it at the date.
struct Listed<'a> {
    task: &'a Task,
    standing: Standing,
    light: &'a TaskLight,
}

impl Listed<'_> {
    /// The light's word, empty for a done task.
    fn light_label(&self) -> &'static str {
        self.light.light.map_or("", |l| l.label())
    }
}

/// Runs `duban list`: statuses and lights are those at `--as-of` (today).
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
        light: args.light,
        search: args.search.clone().unwrap_or_default(),
    };
    let date = args.as_of.unwrap_or_else(super::today);
    let standings = loaded.state.standings(Some(date));
    let standing = |task: &Task| standings.get(&task.id).copied().unwrap_or_default();
    let rules = Rules::new(list, &loaded.state, &loaded.config.rules);
    let evaluation: Evaluation = rules.evaluate(date);

    // The evaluation holds the tasks in the list's order, so an index into
    // the list is an index into it.
    let facts = |i: usize| Facts {
        status: standing(&list.tasks[i]).status,
        light: evaluation.tasks[i].light.light,
    };
    let index = TaskIndex::new(list);
    let shown = filter::apply(&filter, list, &index, &Matcher::new(), facts);
    let listed: Vec<Listed> = shown
        .iter()
        .map(|&i| Listed {
            task: &list.tasks[i],
            standing: standing(&list.tasks[i]),
            light: &evaluation.tasks[i].light,
        })
        .collect();
    match args.format {
        Format::Tsv => write_tsv(&listed, out),
        Format::Json => write_json(&listed, out),
        Format::Table => write_table(&listed, out),
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

fn write_tsv(listed: &[Listed], out: &mut dyn Write) -> Result<(), CliError> {
    let header = [
        "id", "category", "task", "units", "status", "light", "progress",
    ];
    let rows: Vec<Vec<String>> = listed
        .iter()
        .map(|row| {
            let task = row.task;
            let progress = row.standing.progress.map(|p| p.to_string());
            vec![
                task.id.to_string(),
                task.category.clone(),
                task.content.clone(),
                task.units_joined(),
                row.standing.status.label().to_string(),
                row.light_label().to_string(),
                progress.unwrap_or_default(),
            ]
        })
        .collect();
    output::tsv(&header, &rows, out)
}

fn write_json(listed: &[Listed], out: &mut dyn Write) -> Result<(), CliError> {
    let rows: Vec<Row> = listed
        .iter()
        .map(|row| {
            let (task, Standing { status, progress }) = (row.task, row.standing);
            let units = task.units.iter().map(|a| Unit {
                name: &a.name,
                role: a.role.label(),
            });
            Row {
                id: task.id,
                category: &task.category,
                task: &task.content,
                units: units.collect(),
                status: status.name(),
                status_label: status.label(),
                progress,
                light: row.light.light.map(|l| l.name()),
                reasons: row.light.reasons.iter().map(Reason::text).collect(),
            }
        })
        .collect();
    output::json(&rows, out)
}

fn write_table(listed: &[Listed], out: &mut dyn Write) -> Result<(), CliError> {
    let header = ["序号", "类别", "状态", "灯", "责任单位", "主要任务"];
    let rows: Vec<Vec<String>> = listed
        .iter()
        .map(|row| {
            let task = row.task;
            vec![
                task.id.to_string(),
                task.category.clone(),
                row.standing.status.label().to_string(),
                row.light_label().to_string(),
                task.units_joined(),
                task.content.clone(),
            ]
        })
        .collect();
    output::table(&header, &rows, out)
}
