//! The detail pane's updates (进展): a heading, then each update, newest first,
//! and how to cut them when the pane has too few rows.

use ratatui::text::{Line, Span};

use crate::app::App;
use crate::labels;
use crate::model::Task;

use super::{Theme, cells, indent, mark_cut, wrapped};

/// A task's updates as the pane draws them.
pub struct Updates {
    /// The heading, then the lines of each update, newest first.
    pub lines: Vec<Line<'static>>,
    /// The line each update drawn starts on.
    starts: Vec<usize>,
    /// How many updates the task has, drawn or not.
    total: usize,
}

impl Updates {
    /// The updates of `task`, wrapped to `width` cells, no more than `rows`
    /// lines of them: a task with a year of updates wraps only what can show.
    pub fn of(app: &App, task: &Task, width: usize, rows: usize, theme: &Theme) -> Updates {
        let updates = app.state.updates_of(task.id);
        if updates.is_empty() {
            let none = format!(" {}：{}", labels::UPDATES, labels::NO_UPDATES);
            return Updates {
                lines: vec![Line::styled(none, theme.dim)],
                starts: Vec::new(),
                total: 0,
            };
        }
        let mut lines = vec![Line::from(format!(" {}：", labels::UPDATES))];
        let mut starts = Vec::new();
        for update in updates.iter().rev() {
            if lines.len() > rows {
                break;
            }
            let mut entry = format!(
                "{} {}",
                update.date.format("%Y-%m-%d"),
                update.status.label()
            );
            if let Some(progress) = update.progress {
                entry.push_str(&format!(" {progress}%"));
            }
            if !update.note.is_empty() {
                entry.push(' ');
                entry.push_str(&update.note);
            }
            starts.push(lines.len());
            let entry = wrapped(&entry, width.saturating_sub(2), rows, theme.text);
            lines.extend(entry.into_iter().map(indent));
        }
        Updates {
            lines,
            starts,
            total: updates.len(),
        }
    }

    /// How many lines the heading and the newest update take.
    pub fn newest(&self) -> usize {
        self.starts.get(1).copied().unwrap_or(self.lines.len())
    }

    /// The first `keep` lines. An update cut short ends in an ellipsis; updates
    /// left out whole are counted on the heading, so that a note shown whole
    /// never looks cut.
    pub fn cut(&self, keep: usize, width: usize, theme: &Theme) -> Vec<Line<'static>> {
        let mut lines: Vec<Line<'static>> = self.lines.iter().take(keep).cloned().collect();
        let shown = self.starts.iter().filter(|&&start| start < keep).count();
        let whole = self.starts.get(shown).is_some_and(|&next| next == keep);
        if shown > 0
            && !whole
            && let Some(last) = lines.last_mut()
        {
            mark_cut(last, width);
        }
        let hidden = self.total - shown;
        if hidden > 0
            && let Some(heading) = lines.first_mut()
        {
            let said = labels::updates_not_shown(hidden, shown > 0);
            heading.spans.push(Span::styled(said, theme.dim));
            if heading.width() > width {
                *heading = cells::plain(&heading.to_string(), width, theme.text);
            }
        }
        lines
    }
}
