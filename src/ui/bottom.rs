//! The bottom line: the prompt being typed, a message, or the key hints.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::app::{App, Message};
use crate::keymap::{Action, Mode};
use crate::labels;
use crate::text;

use super::Theme;
use super::cells;

/// Draws the bottom line and, while a prompt is open, places the terminal's cursor.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let prompt = match app.mode {
        Mode::Search => Some(labels::PROMPT_SEARCH),
        Mode::Jump => Some(labels::PROMPT_JUMP),
        Mode::Meeting => Some(labels::PROMPT_MEETING),
        _ => None,
    };
    if let Some(prompt) = prompt {
        draw_prompt(frame, app, theme, area, prompt);
        return;
    }
    let (text, style) = match &app.message {
        Some(Message::Info(text)) => (text, theme.info),
        Some(Message::Error(text)) => (text, theme.error),
        None => {
            let line = hints(app, theme, usize::from(area.width));
            frame.render_widget(Paragraph::new(line), area);
            return;
        }
    };
    // A message too long for the line (a path, a file's broken place) rises
    // over the rows above it rather than lose its end, where the advice is.
    let room = usize::from(area.width).saturating_sub(2).max(1);
    let mut lines = text::wrap(text, room);
    let most = usize::from(MESSAGE_ROWS.min(area.y + 1));
    if lines.len() > most {
        // The last row ends in an ellipsis where the rest is cut.
        let rest = lines.split_off(most - 1).concat();
        lines.push(rest);
    }
    let rows = lines.len().max(1) as u16;
    let over = Rect::new(area.x, area.y + 1 - rows, area.width, rows);
    let lines: Vec<Line> = lines
        .iter()
        .map(|line| cells::bar(&format!(" {line}"), area.width.into(), style))
        .collect();
    frame.render_widget(Clear, over);
    frame.render_widget(Paragraph::new(lines), over);
}

/// The most rows a message takes, counting the bottom line.
const MESSAGE_ROWS: u16 = 4;

/// A prompt and its text field, with the real cursor at the typing position so
/// that an input method's candidate window opens there. A message (a paste
/// cut to the field's limit) stands where the hints would.
fn draw_prompt(frame: &mut Frame, app: &App, theme: &Theme, area: Rect, prompt: &str) {
    let half = usize::from(area.width) / 2;
    let hints = match &app.message {
        Some(Message::Info(text)) => cells::plain(&format!(" {text} "), half, theme.info),
        Some(Message::Error(text)) => cells::plain(&format!(" {text} "), half, theme.error),
        None => hints(app, theme, half),
    };
    let hints_width = hints.width();
    let room = usize::from(area.width).saturating_sub(hints_width + 1);
    let (typed, column) = cells::field(prompt, app.input.value(), app.input.cursor_column(), room);
    let mut spans = cells::plain(&typed, room, theme.strong).spans;
    let used: usize = spans.iter().map(|s| s.width()).sum();
    spans.push(Span::raw(" ".repeat(
        usize::from(area.width).saturating_sub(used + hints_width),
    )));
    spans.extend(hints.spans);
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    let x = area.x + column.min(room) as u16;
    frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(1)), area.y));
}

/// The mode's hints, as many as fit in `width` cells: key, then what it does.
///
/// Help and quit are always kept, at the end: whatever else is cut, the room
/// can see how to find the rest and how to leave.
pub fn hints(app: &App, theme: &Theme, width: usize) -> Line<'static> {
    let entries: Vec<_> = app
        .keymap
        .hints(app.mode)
        .into_iter()
        .filter(|(action, _, _)| *action != Action::ClearFilters || app.filter.is_active())
        // A read-only board offers no keys that record.
        .filter(|(action, _, _)| {
            app.read_only.is_none()
                || !matches!(
                    action,
                    Action::SetStatus | Action::AddNote | Action::Undo | Action::Redo
                )
        })
        .collect();
    let kept = |action: &Action| matches!(action, Action::Help | Action::Quit);
    let entry_width = |key: &str, label: &str| text::width(key) + text::width(label) + 3;
    let reserved: usize = entries
        .iter()
        .filter(|(action, _, _)| kept(action))
        .map(|(_, key, label)| entry_width(key, label))
        .sum();
    let mut room = width.saturating_sub(reserved);
    let mut shown = Vec::new();
    for (action, key, label) in &entries {
        if kept(action) {
            continue;
        }
        let needed = entry_width(key, label);
        if needed > room {
            break;
        }
        room -= needed;
        shown.push((key.clone(), *label));
    }
    let last = entries.iter().filter(|(action, _, _)| kept(action));
    shown.extend(last.map(|(_, key, label)| (key.clone(), *label)));
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, label) in shown {
        used += entry_width(&key, label);
        if used > width {
            break;
        }
        spans.push(Span::styled(format!(" {key} "), theme.key));
        spans.push(Span::styled(format!("{label} "), theme.text));
    }
    Line::from(spans)
}
