//! The `duban` binary: parses the command line and hands over to the TUI or a
//! subcommand. Errors are printed once, after the terminal is restored.

use std::process::ExitCode;

use chrono::Local;
use clap::Parser;

use duban::app::App;
use duban::cli::{self, Cli};
use duban::keymap::Keymap;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let workspace = cli.workspace();
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
            eprintln!("duban: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Loads the workspace and runs the board at today's meeting.
fn open_board(workspace: &duban::storage::Workspace) -> Result<(), cli::CliError> {
    let loaded = workspace.load()?;
    let keymap = Keymap::with_config(&loaded.config.keys)
        .map_err(|e| cli::CliError::Config(e.to_string()))?;
    let today = Local::now().date_naive();
    let app = App::new(loaded.tasks, loaded.state, today, keymap)
        .with_rules(loaded.config.rules)
        .with_workspace(workspace.clone());
    duban::tui::run(app).map_err(cli::CliError::Terminal)
}
