//! The status chooser and the note form popups.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::{App, NoteField};
use crate::keymap::{Action, Mode};
use crate::labels;
use crate::model::Status;

use super::Theme;
use super::bottom;
use super::cells;
use super::popup;

/// Draws the status chooser: one row per status with its key.
pub fn draw_status(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let Some(task) = app.selected_task() else {
        return;
    };
    let title = format!("{} ｜ 第 {} 项", labels::CHOOSE_STATUS, task.id);
    let (_, inner) = popup::open(frame, area, 30, 8, &title, theme);
    let actions = [
        Action::StatusNotStarted,
        Action::StatusInProgress,
        Action::StatusLagging,
        Action::StatusDone,
    ];
    let current = app.standing(task.id).status;
    let mut lines = vec![Line::default()];
    for (action, status) in actions.into_iter().zip(Status::ALL) {
        let key = app
            .keymap
            .key_of(Mode::Status, action)
            .map(|k| k.to_string())
            .unwrap_or_default();
        let now = if status == current {
            "  （当前）"
        } else {
            ""
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {key} "), theme.key),
            Span::styled(
                format!(" {} {}{now}", status.symbol(), status.label()),
                theme.popup,
            ),
        ]));
    }
    let cancel = app
        .keymap
        .key_of(Mode::Status, Action::Cancel)
        .map(|k| k.to_string());
    lines.push(Line::styled(
        format!(
            " {} {}",
            cancel.unwrap_or_default(),
            labels::action(Action::Cancel)
        ),
        theme.popup,
    ));
    frame.render_widget(Paragraph::new(lines).style(theme.popup), inner);
}

/// Draws the note form and places the cursor in the focused field.
pub fn draw_note(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let (Some(form), Some(task)) = (&app.note, app.selected_task()) else {
        return;
    };
    let title = format!("{} ｜ 第 {} 项", labels::NOTE_TITLE, task.id);
    let width = area.width.saturating_sub(4).min(72);
    let (_, inner) = popup::open(frame, area, width, 7, &title, theme);
    if inner.height < 4 || inner.width == 0 {
        return;
    }
    let room = usize::from(inner.width);
    // Each field scrolls to keep its cursor in view while it has the focus.
    let shown = |label: &str, field: &crate::app::TextInput, focused: bool| {
        let cursor = if focused { field.cursor_column() } else { 0 };
        cells::field(label, field.value(), cursor, room)
    };
    let (note, note_x) = shown(labels::NOTE_TEXT, &form.note, form.focus == NoteField::Note);
    let (progress, progress_x) = shown(
        labels::NOTE_PROGRESS,
        &form.progress,
        form.focus == NoteField::Progress,
    );
    let lines = vec![
        Line::default(),
        // The note first: it is what is typed most, and where the cursor starts.
        cells::plain(
            &note,
            room,
            field_style(form.focus == NoteField::Note, theme),
        ),
        cells::plain(
            &progress,
            room,
            field_style(form.focus == NoteField::Progress, theme),
        ),
        Line::default(),
        bottom::hints(app, theme, room),
    ];
    frame.render_widget(Paragraph::new(lines).style(theme.popup), inner);
    let (row, column) = match form.focus {
        NoteField::Note => (1, note_x),
        NoteField::Progress => (2, progress_x),
    };
    let column = column.min(room.saturating_sub(1));
    frame.set_cursor_position(Position::new(inner.x + column as u16, inner.y + row));
}

fn field_style(focused: bool, theme: &Theme) -> ratatui::style::Style {
    if focused {
        theme.popup.patch(theme.strong)
    } else {
        theme.popup
    }
}
