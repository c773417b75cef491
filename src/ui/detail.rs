//! The detail pane: the selected task's full text, units with roles, and updates,
//! with rows shared among them when they do not all fit (see `rows`).

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

mod rows;
mod updates;

/// Draws the selected task's detail into `area`.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let width = usize::from(area.width);
    let Some(task) = app.selected_task() else {
        frame.render_widget(Paragraph::new("").style(theme.text), area);
        return;
    };
    let mut lines = vec![cells::bar(&title(app, task), width, theme.bar)];
    let height = usize::from(area.height).saturating_sub(1);
    lines.extend(body(app, task, theme, width, height));
    frame.render_widget(Paragraph::new(lines).style(theme.text), area);
}

/// The title bar's text: number, status, progress, light and category.
fn title(app: &App, task: &Task) -> String {
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
    if let Some(light) = app.light(task.id).and_then(|l| l.light) {
        title.push_str(&format!(
            " ｜ {} {}",
            labels::light_symbol(light),
            light.label()
        ));
    }
    title.push_str(&format!(" ｜ {category}"));
    title
}

/// The lines under the title, at most `height` of them: every part whole when
/// all fit, else as much of each as [`rows::share`] gives it, and an ellipsis
/// wherever something was left out.
fn body(app: &App, task: &Task, theme: &Theme, width: usize, height: usize) -> Vec<Line<'static>> {
    let text_width = width.saturating_sub(2);
    let mut parts: [Vec<Line<'static>>; rows::PARTS] = Default::default();
    parts[rows::CONTENT] = wrapped(&task.content, text_width, height, theme.strong);
    if let Some(lit) = app.light(task.id)
        && let Some(light) = lit.light
    {
        let reasons = lit.reasons_text();
        if !reasons.is_empty() {
            let why = format!("{}：{reasons}", light.label());
            parts[rows::REASONS] = wrapped(&why, text_width, height, theme.light(light));
        }
    }
    parts[rows::UNITS] = wrapped(&units_by_role(task), text_width, height, theme.text);
    let updates = updates::Updates::of(app, task, text_width, height, theme);
    parts[rows::UPDATES] = updates.lines.clone();
    if !task.source_note.is_empty() {
        let note = format!("{}：{}", labels::SOURCE_NOTE, task.source_note);
        parts[rows::SOURCE_NOTE] = wrapped(&note, text_width, height, theme.dim);
    }

    let wanted = parts.each_ref().map(Vec::len);
    let shares = rows::share(height, wanted, updates.newest());
    let mut lines = Vec::new();
    let mut dropped = false;
    for (part, (mut shown, keep)) in parts.into_iter().zip(shares).enumerate() {
        dropped |= keep == 0 && !shown.is_empty();
        if keep < shown.len() {
            shown = if part == rows::UPDATES {
                updates.cut(keep, width, theme)
            } else {
                cut(shown, keep, width)
            };
        }
        lines.extend(shown);
    }
    // A part left out whole (the source note, mostly) is still said to follow.
    if dropped && let Some(last) = lines.last_mut() {
        more_follows(last, width);
    }
    lines
}

/// The first `keep` of `lines`, the last of them ending in an ellipsis.
fn cut(mut lines: Vec<Line<'static>>, keep: usize, width: usize) -> Vec<Line<'static>> {
    lines.truncate(keep);
    if let Some(last) = lines.last_mut() {
        mark_cut(last, width);
    }
    lines
}

/// Ends a line that was cut short with an ellipsis, in the style of its last
/// character, taking characters off its end if the mark would not fit.
fn mark_cut(line: &mut Line<'static>, width: usize) {
    let style = line.spans.last().map_or(Style::default(), |s| s.style);
    while line.width() + text::width(text::ELLIPSIS) > width {
        let Some(span) = line.spans.iter_mut().rev().find(|s| !s.content.is_empty()) else {
            break;
        };
        span.content.to_mut().pop();
    }
    line.spans.push(Span::styled(text::ELLIPSIS, style));
}

/// Ends a whole line with a spaced ellipsis: not this line but more after it
/// was left out. A line already ending in one is left as it is.
fn more_follows(line: &mut Line<'static>, width: usize) {
    if line
        .spans
        .last()
        .is_some_and(|s| s.content.ends_with(text::ELLIPSIS))
    {
        return;
    }
    if line.width() + 1 + text::width(text::ELLIPSIS) <= width {
        line.spans.push(Span::raw(" "));
    }
    mark_cut(line, width);
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
