//! duban (督办): the board for a city's weekly key-task supervision meeting.
//!
//! The crate is laid out by layer, each depending only on those above it:
//!
//! - [`model`]: tasks, units, statuses and updates; no I/O, no terminal.
//! - [`text`]: display widths, cutting and wrapping for wide characters.
//! - [`search`]: Chinese and pinyin search with ranking and highlights.
//! - [`filter`]: the board's filters (category, unit, status, search).
//! - [`rules`]: task lights, unit warning levels and the interview list, at a date.
//! - [`report`]: the summary sheet (调度通报) as a model, and as HTML, Markdown,
//!   plain text and CSV; pure, no I/O.
//! - [`storage`]: the workspace folder and its RON files, saved atomically.
//! - [`keymap`]: the one table from keys to actions.
//! - [`app`]: the board's state and `update`, which applies an action.
//! - [`ui`]: drawing the state into a frame, one file per screen or widget.
//! - [`cli`]: the subcommands for scripts.
//! - [`tui`]: the terminal's setup, event loop and restore.
//! - [`log`]: the log file in the workspace.

pub mod app;
pub mod cli;
pub mod filter;
pub mod keymap;
pub mod labels;
pub mod log;
pub mod model;
pub mod report;
pub mod rules;
pub mod search;
pub mod storage;
pub mod text;
pub mod tui;
pub mod ui;
