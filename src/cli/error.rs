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
    #[error("没有第 {id} 项；清单的任务序号是 {first} 到 {last}（见 duban list）")]
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
    #[error("终端出错：{0}")]
    Terminal(std::io::Error),
    /// `duban check` found problems, which it has listed.
    #[error("发现 {0} 个问题；请按每条所指的位置改正")]
    Problems(usize),
    /// The board was left with records the state file lacks.
    #[error(
        "有记录没能保存到 state.ron；它们已另存为 {0}。改正保存失败的原因后，\
         用 duban restore 放回这份文件"
    )]
    Unsaved(String),
    /// The backup named is not there.
    #[error("没有名为“{0}”的备份；duban restore 会列出现有的备份")]
    NoBackup(String),
    /// Writing the output failed.
    #[error("无法写出结果：{0}")]
    Output(#[from] std::io::Error),
}
