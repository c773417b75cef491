//! Popup frames: a filled box with a title bar, drawn without box-drawing
//! characters, whose width differs between terminals.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::text;

use super::Theme;
use super::cells;
use super::layout;

/// Clears a box of at most `width` × `height` centred in `area`, draws its title
/// bar, and returns the box and the area inside it below the title.
pub fn open(
    frame: &mut Frame,
    area: Rect,
    width: u16,
    height: u16,
    title: &str,
    theme: &Theme,
) -> (Rect, Rect) {
    let outer = layout::centered(area, width, height);
    frame.render_widget(Clear, outer);
    blank_straddling(frame, outer);
    frame.render_widget(Block::default().style(theme.popup), outer);
    if outer.height == 0 {
        return (outer, outer);
    }
    let bar = Rect { height: 1, ..outer };
    let title = cells::plain(&format!(" {title}"), outer.width.into(), theme.popup_bar);
    frame.render_widget(Paragraph::new(title).style(theme.popup_bar), bar);
    let inner = Rect {
        x: outer.x.saturating_add(1).min(outer.right()),
        y: outer.y + 1,
        width: outer.width.saturating_sub(2),
        height: outer.height - 1,
    };
    (outer, inner)
}

/// Blanks a wide character just left of the box whose second half lies under
/// it: the terminal would draw that character over the box's first column.
fn blank_straddling(frame: &mut Frame, outer: Rect) {
    let Some(left) = outer.x.checked_sub(1) else {
        return;
    };
    let buffer = frame.buffer_mut();
    for y in outer.top()..outer.bottom() {
        let cell = &mut buffer[(left, y)];
        if text::width(cell.symbol()) > 1 {
            cell.set_symbol(" ");
        }
    }
}
