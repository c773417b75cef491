//! `duban set`: record a task's status at a meeting.

use std::io::Write;

use crate::model::Update;
use crate::storage::{Loaded, Workspace};

use super::{CliError, SetArgs};

/// Runs `duban set`: one update at the meeting of the given date (today by
/// default), opening that meeting if it is new, saved atomically.
pub fn run(
    args: &SetArgs,
    workspace: &Workspace,
    loaded: Loaded,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let list = &loaded.tasks;
    if list.task(args.id).is_none() {
        let first = list.tasks.iter().map(|t| t.id).min().unwrap_or(0);
        let last = list.tasks.iter().map(|t| t.id).max().unwrap_or(0);
        return Err(CliError::UnknownTask {
            id: args.id,
            first,
            last,
        });
    }
    let date = args.date.unwrap_or_else(super::today);
    let note = args
        .note
        .as_deref()
        .map(crate::text::sanitize)
        .unwrap_or_default();
    let update = Update {
        task: args.id,
        date,
        status: args.status,
        progress: args.progress,
        note,
    };
    let mut state = loaded.state;
    state.record(update);
    workspace.save_state(list, &state)?;
    writeln!(
        out,
        "第 {} 项：{}（{}）",
        args.id,
        args.status.label(),
        date.format("%Y-%m-%d")
    )?;
    Ok(())
}
