//! The detail pane: the selected task's full text, units with roles, and updates.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::labels;
use crate::model::{Role, Task};
use crate::text;

use super::Theme;
use super::cells;

/// Draws the selected task's detail into `area`.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let width = usize::from(area.width);
    let Some(task) = app.selected_task() else {
        frame.render_widget(Paragraph::new("").style(theme.text), area);
        return;
    };
    let category = app
        .list
        .category(&task.category)
        .map_or(task.category.as_str(), |c| &c.name);
    let standing = app.standing(task.id);
    let mut title = format!(
        " 第 {} 项 ｜ {} {}",
        task.id,
        standing.status.symbol(),
        standing.status.label()
    );
    if let Some(progress) = standing.progress {
        title.push_str(&format!(" {progress}%"));
    }
    let light = app.light(task.id).and_then(|l| l.light);
    if let Some(light) = light {
        title.push_str(&format!(
            " ｜ {} {}",
            labels::light_symbol(light),
            light.label()
        ));
    }
    title.push_str(&format!(" ｜ {category}"));
    let room = usize::from(area.height);
    let mut lines = vec![cells::bar(&title, width, theme.bar)];
    let body = width.saturating_sub(2);
    lines.extend(wrapped(&task.content, body, room, theme.strong));
    if let (Some(light), Some(lit)) = (light, app.light(task.id)) {
        let reasons = lit.reasons_text();
        if !reasons.is_empty() {
            let why = format!("{}：{reasons}", light.label());
            lines.extend(wrapped(&why, body, room, theme.light(light)));
        }
    }
    lines.extend(wrapped(&units_by_role(task), body, room, theme.text));
    lines.extend(updates(app, task, body, room, theme));
    if !task.source_note.is_empty() {
        let note = format!("{}：{}", labels::SOURCE_NOTE, task.source_note);
        lines.extend(wrapped(&note, body, room, theme.dim));
    }
    if lines.len() > room && room > 0 {
        // Say that more follows rather than cutting off silently.
        lines.truncate(room - 1);
        lines.push(Line::styled(
            format!(" {}", crate::text::ELLIPSIS),
            theme.dim,
        ));
    }
    frame.render_widget(Paragraph::new(lines).style(theme.text), area);
}

/// The task's updates, newest first, one or more lines each.
fn updates(app: &App, task: &Task, width: usize, room: usize, theme: &Theme) -> Vec<Line<'static>> {
    let updates = app.state.updates_of(task.id);
    if updates.is_empty() {
        return vec![Line::styled(
            format!(" {}：{}", labels::UPDATES, labels::NO_UPDATES),
            theme.dim,
        )];
    }
    let mut lines = vec![Line::from(format!(" {}：", labels::UPDATES))];
    for update in updates.iter().rev() {
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
        lines.extend(
            wrapped(&entry, width.saturating_sub(2), room, theme.text)
                .into_iter()
                .map(indent),
        );
    }
    lines
}

/// Units grouped by role: 责任单位：市委政法委（牵头）；市法院、市检察院（负责）.
fn units_by_role(task: &Task) -> String {
    let groups: Vec<String> = [Role::Lead, Role::Responsible, Role::Cooperating]
        .into_iter()
        .filter_map(|role| {
            let names: Vec<&str> = task
                .units
                .iter()
                .filter(|a| a.role == role)
                .map(|a| a.name.as_str())
                .collect();
            (!names.is_empty()).then(|| format!("{}（{}）", names.join("、"), role.label()))
        })
        .collect();
    format!("{}：{}", labels::UNITS, groups.join("；"))
}

/// Text wrapped to `width` cells, each line indented by one cell, and no
/// more of it than `room` lines can hold: a note may be a megabyte long, and
/// wrapping all of it on every frame would stall the board.
fn wrapped(content: &str, width: usize, room: usize, style: Style) -> Vec<Line<'static>> {
    // Every character drawn takes at least one cell, so this many are enough
    // to fill the lines there is room for and show that more follows.
    let enough = room * width.max(1) + 1;
    let shown: String = content.chars().take(enough).collect();
    text::wrap(&text::for_terminal(&shown), width)
        .into_iter()
        .map(|line| Line::styled(format!(" {line}"), style))
        .collect()
}

fn indent(mut line: Line<'static>) -> Line<'static> {
    line.spans.insert(0, Span::raw("  "));
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_megabyte_note_is_wrapped_only_as_far_as_the_pane_shows() {
        let note = "进展顺利，".repeat(70_000);
        let lines = wrapped(&note, 40, 12, Style::default());
        // Enough to fill the pane; wide characters fill a line with half as many
        // characters, so up to twice the room, and not the 17,500 lines of it all.
        assert!((12..=25).contains(&lines.len()), "{} lines", lines.len());
    }
}
