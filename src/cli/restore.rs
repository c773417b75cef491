//! `duban restore`: list the state's backups, or put one back.

use std::io::Write;
use std::path::PathBuf;

use crate::storage::{STATE_FILE, Workspace, backup};

use super::{CliError, RestoreArgs};

/// Lists the backups newest first, or restores the one named. Works when the
/// state file itself no longer loads, which is when it is needed.
pub fn run(args: &RestoreArgs, workspace: &Workspace, out: &mut dyn Write) -> Result<(), CliError> {
    let backups = backup::list(&workspace.path(STATE_FILE));
    let Some(name) = &args.backup else {
        if backups.is_empty() {
            writeln!(out, "没有备份：第一次保存之后才会有。")?;
        }
        for path in &backups {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            // What it holds, so the right one can be told from the others.
            let holds = match backup::read(path) {
                Some(state) => match state.updates.iter().map(|u| u.date).max() {
                    Some(last) => format!("{} 条进展，最近的记于 {last}", state.updates.len()),
                    None => "没有进展".to_string(),
                },
                None => "读不出来，不能放回".to_string(),
            };
            writeln!(out, "{name}\t{holds}")?;
        }
        return Ok(());
    };
    let chosen = backups
        .iter()
        .find(|p| p.file_name().is_some_and(|f| f.to_string_lossy() == *name))
        .cloned()
        .unwrap_or_else(|| PathBuf::from(name));
    if !chosen.is_file() {
        return Err(CliError::NoBackup(name.clone()));
    }
    let saved = workspace.restore(&chosen)?;
    write!(out, "已恢复 {}", chosen.display())?;
    if let Some(kept) = &saved.backup {
        write!(out, "；恢复前的状态备份为 {}", kept.display())?;
    }
    if let Some(kept) = &saved.kept_broken {
        write!(out, "；恢复前那份读不出来的文件另存为 {}", kept.display())?;
    }
    writeln!(out, "。")?;
    Ok(())
}
