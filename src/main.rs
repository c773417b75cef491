//! The `duban` binary: parses the command line and hands over to the TUI or a
//! subcommand. Errors are printed once, after the terminal is restored.

use std::process::ExitCode;

use chrono::Local;

use duban::app::App;
use duban::cli;
use duban::keymap::Keymap;
use duban::storage::StorageError;

fn main() -> ExitCode {
    // Mistakes on the command line are told in Chinese and exit 2, as clap's do.
    let cli = match cli::parse(std::env::args_os()) {
        Ok(cli) => cli,
        Err(stop) => return stop.finish(),
    };
    let workspace = cli.workspace();
    // `check` only reads; everything else logs into the workspace.
    let checking = matches!(cli.command, Some(cli::Command::Check));
    let log = if checking {
        None
    } else {
        duban::log::start(workspace.dir())
    };
    if let Some(log) = log.clone() {
        // The board's own hook restores the terminal and then calls this one,
        // so the panic and the log's path are printed once, on a sane screen.
        let report = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // The log says what went wrong too, for whoever reads it later.
            tracing::error!(%info, "panicked");
            report(info);
            eprintln!(
                "duban: 督办出错退出了（这是程序的缺陷，不是操作有误）。每条记录在记下时就已保存；\
                 请把下面的日志文件发给维护人员。"
            );
            eprintln!("duban: log: {}", log.display());
        }));
    }
    let result = match &cli.command {
        Some(command) => cli::run(command, &workspace, &mut std::io::stdout().lock()),
        None => open_board(&workspace),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A reader such as `head` that stops early is not an error.
        Err(cli::CliError::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(error) => {
            tracing::error!(%error, "stopped");
            eprintln!("duban: {error}");
            if let Some(log) = &log {
                eprintln!("duban: log: {}", log.display());
            }
            ExitCode::FAILURE
        }
    }
}

/// Loads the workspace and runs the board at today's meeting.
fn open_board(workspace: &duban::storage::Workspace) -> Result<(), cli::CliError> {
    // The board holds the workspace while it runs; if another program holds
    // it, the board opens read-only and says so, rather than overwrite it.
    let lock = match workspace.lock(duban::storage::BOARD) {
        Ok(lock) => Ok(lock),
        Err(StorageError::Locked { holder, .. }) => Err(holder),
        Err(other) => return Err(other.into()),
    };
    let loaded = workspace.load()?;
    let keymap = Keymap::with_config(&loaded.config.keys)
        .map_err(|e| cli::CliError::Config(e.to_string()))?;
    let today = Local::now().date_naive();
    let mut app = App::new(loaded.tasks, loaded.state, today, keymap)
        .with_rules(loaded.config.rules)
        .with_workspace(workspace.clone());
    app = match lock {
        Ok(lock) => app.with_lock(lock),
        Err(holder) => app.read_only(holder),
    };
    let app = duban::tui::run(app).map_err(cli::CliError::Terminal)?;
    // Said again on the normal screen, where it stays after the board is gone.
    match (&app.rescued, app.unsaved) {
        (Some(path), true) => Err(cli::CliError::Unsaved(path.display().to_string())),
        _ => Ok(()),
    }
}
