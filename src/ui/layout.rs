//! Where each part of the screen goes, as pure functions of the screen's size.
//!
//! The app uses [`board_rows`] to scroll, and drawing uses [`areas`], so both
//! always agree on how many rows the table has.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this size the board is replaced by a short notice.
pub const MIN_WIDTH: u16 = 40;
/// Below this height the board is replaced by a short notice.
pub const MIN_HEIGHT: u16 = 10;
/// From this width on, the detail pane sits beside the table instead of below.
pub const SIDE_DETAIL_WIDTH: u16 = 140;

/// The parts of the board screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Areas {
    /// The title and filter bar.
    pub header: Rect,
    /// The task table, headings included.
    pub table: Rect,
    /// The selected task's detail.
    pub detail: Rect,
    /// The prompt, message or key hints.
    pub bottom: Rect,
}

/// Whether a screen of this size can show the board.
pub fn fits(area: Rect) -> bool {
    area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT
}

/// The parts of the board on a screen of this size, with a header of
/// `header_rows` lines (more than one when filters are active or the board is
/// read-only).
pub fn areas(area: Rect, header_rows: u16) -> Areas {
    let [header, main, bottom] = Layout::vertical([
        Constraint::Length(header_rows),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let [table, detail] = if area.width >= SIDE_DETAIL_WIDTH {
        let side = (area.width * 36 / 100).clamp(48, 64);
        // Two blank columns keep the status column from running into the pane.
        Layout::horizontal([Constraint::Min(1), Constraint::Length(side)])
            .spacing(2)
            .areas(main)
    } else {
        let below = (main.height * 35 / 100).clamp(5, 12);
        Layout::vertical([Constraint::Min(1), Constraint::Length(below)]).areas(main)
    };
    Areas {
        header,
        table,
        detail,
        bottom,
    }
}

/// How many task rows the table shows on a screen of `size` (width, height).
pub fn board_rows(size: (u16, u16), header_rows: u16) -> usize {
    let area = Rect::new(0, 0, size.0, size.1);
    if !fits(area) {
        return 0;
    }
    usize::from(areas(area, header_rows).table.height.saturating_sub(1))
}

/// A rectangle of at most `width` × `height` centred in `area`, never outside it.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}
