//! A task's status as the secretary records it, with its Chinese label and symbol.

use serde::{Deserialize, Serialize};

/// What a unit reports about a task: not started, in progress, lagging or done.
///
/// The names in files are these ASCII variant names; the Chinese words live in
/// [`Status::label`], so that a file never depends on how a RON version treats
/// non-ASCII identifiers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    /// 未启动: nothing reported yet, the state of every task at the start.
    #[default]
    NotStarted,
    /// 推进中: work under way.
    InProgress,
    /// 滞后: behind its schedule, by the unit's own account.
    Lagging,
    /// 已完成: done; the task is closed.
    Done,
}

impl Status {
    /// All statuses in the order of the status chooser (keys 1–4).
    pub const ALL: [Status; 4] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Lagging,
        Status::Done,
    ];

    /// The Chinese word for the status, as it is said in the meeting.
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "未启动",
            Status::InProgress => "推进中",
            Status::Lagging => "滞后",
            Status::Done => "已完成",
        }
    }

    /// The ASCII name used in files and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::InProgress => "in_progress",
            Status::Lagging => "lagging",
            Status::Done => "done",
        }
    }

    /// A one-cell symbol that reads the same in every terminal.
    ///
    /// Neutral-width on purpose: shapes such as ● or ▲ are drawn two cells wide by many
    /// Chinese-locale terminals and would push the table's columns out of line.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::NotStarted => "-",
            Status::InProgress => ">",
            Status::Lagging => "!",
            Status::Done => "✓",
        }
    }

    /// Reads a status from its ASCII name or its Chinese label.
    pub fn parse(text: &str) -> Option<Status> {
        let text = text.trim();
        Status::ALL
            .into_iter()
            .find(|s| s.name() == text || s.label() == text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_and_labels() {
        for status in Status::ALL {
            assert_eq!(Status::parse(status.name()), Some(status));
            assert_eq!(Status::parse(status.label()), Some(status));
        }
        assert_eq!(Status::parse(" done "), Some(Status::Done));
        assert_eq!(Status::parse("finished"), None);
    }
}
