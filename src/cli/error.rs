//! Errors a command-line user can meet, each saying what to do.

use thiserror::Error;

use crate::filter::Ambiguity;
use crate::storage::StorageError;

/// Why a subcommand failed.
#[derive(Debug, Error)]
pub enum CliError {
    /// The workspace could not be loaded or saved.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// The task number is not in the list.
    #[error(
        "there is no task {id}; the list numbers its tasks {first} to {last} (see `duban list`)"
    )]
    UnknownTask {
        /// The number given.
        id: u32,
        /// The smallest number.
        first: u32,
        /// The largest number.
        last: u32,
    },
    /// A category or unit name chose no single one.
    #[error("--{option} \"{text}\": {ambiguity}")]
    Ambiguous {
        /// `category` or `unit`.
        option: &'static str,
        /// What was given.
        text: String,
        /// What it matched.
        ambiguity: Ambiguity,
    },
    /// A setting in config.ron cannot be used.
    #[error("{0}")]
    Config(String),
    /// The terminal could not be driven.
    #[error("the terminal failed: {0}")]
    Terminal(std::io::Error),
    /// `duban check` found problems, which it has listed.
    #[error("{0} problem(s) found; correct them where each says, or `duban restore` a backup")]
    Problems(usize),
    /// The backup named is not there.
    #[error("no backup \"{0}\"; `duban restore` lists the backups there are")]
    NoBackup(String),
    /// Writing the output failed.
    #[error("cannot write the output: {0}")]
    Output(#[from] std::io::Error),
}
