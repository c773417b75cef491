//! The category and unit picker popup.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::{Picker, PickerKind};
use crate::labels;
use crate::search::Query;
use crate::text;

use super::Theme;
use super::cells;
use super::popup;

/// The mark before the typed search in a picker.
const PROMPT: &str = "> ";

/// Draws the picker over `area` and places the cursor in its search field.
pub fn draw(
    frame: &mut Frame,
    picker: &Picker,
    matcher: &crate::search::Matcher,
    theme: &Theme,
    area: Rect,
) {
    let title = match picker.kind {
        PickerKind::Category => labels::PICK_CATEGORY,
        PickerKind::Unit => labels::PICK_UNIT,
    };
    let width = area.width.saturating_sub(4).min(72);
    // Title, search field, the entries, and a blank row: no taller than needed.
    let rows = u16::try_from(picker.visible.len()).unwrap_or(u16::MAX);
    let height = area
        .height
        .saturating_sub(2)
        .min(24)
        .min(rows.saturating_add(3).max(6));
    let (_, inner) = popup::open(frame, area, width, height, title, theme);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let field_width = usize::from(inner.width);
    let input = &picker.input;
    let (typed, column) = cells::field(PROMPT, input.value(), input.cursor_column(), field_width);
    let mut lines = vec![cells::plain(&typed, field_width, theme.popup)];
    let query = Query::parse(picker.input.value());
    let rows = usize::from(inner.height.saturating_sub(1));
    let first = picker.selected.saturating_sub(rows.saturating_sub(1));
    for (row, &index) in picker.visible.iter().enumerate().skip(first).take(rows) {
        let item = &picker.items[index];
        let style = if row == picker.selected {
            theme.selected
        } else {
            theme.popup
        };
        let count = format!("{:>4} 项", item.count);
        let name_room = field_width.saturating_sub(text::width(&count) + 1);
        let name = if item.detail.is_empty() {
            item.label.clone()
        } else {
            format!("{} {}", item.label, item.detail)
        };
        let hits = if query.is_empty() {
            Vec::new()
        } else {
            matcher.positions(&query, item.field.as_ref())
        };
        let mut spans =
            cells::highlighted(&name, &hits, name_room, style, theme.hit_on_light).spans;
        let used: usize = spans.iter().map(|s| s.width()).sum();
        spans.push(Span::styled(
            " ".repeat(field_width - used - text::width(&count)),
            style,
        ));
        spans.push(Span::styled(count, style));
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines).style(theme.popup), inner);
    let x = inner.x + column.min(field_width.saturating_sub(1)) as u16;
    frame.set_cursor_position(Position::new(x, inner.y));
}
