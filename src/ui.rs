//! Drawing the app's state into a frame. Drawing reads the state and changes
//! nothing; one file per screen part or popup.

mod board;
mod bottom;
mod cells;
mod chooser;
mod detail;
mod header;
mod help;
pub mod layout;
mod picker;
mod popup;
mod theme;
mod warnings;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::keymap::Mode;
use crate::labels;

pub use board::Columns;
pub use theme::Theme;

/// Draws the whole screen for the app's state.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if !layout::fits(area) {
        draw_too_small(frame, area);
        return;
    }
    let areas = layout::areas(area, app.header_rows());
    header::draw(frame, app, theme, areas.header);
    match (&app.warnings, app.mode) {
        (Some(view), Mode::Warnings) => warnings::draw(frame, app, view, theme, &areas),
        _ => {
            board::draw(frame, app, theme, areas.table);
            detail::draw(frame, app, theme, areas.detail);
        }
    }
    bottom::draw(frame, app, theme, areas.bottom);
    match app.mode {
        Mode::Picker => {
            if let Some(picker) = &app.picker {
                picker::draw(frame, picker, &app.matcher, theme, area);
            }
        }
        Mode::Status => chooser::draw_status(frame, app, theme, area),
        Mode::Note => chooser::draw_note(frame, app, theme, area),
        Mode::Help => help::draw(frame, app, theme, area),
        Mode::Board | Mode::Search | Mode::Jump | Mode::Meeting | Mode::Warnings => {}
    }
}

/// A short notice in place of the board, wrapped over whatever room there
/// is; the size is said in words, since `×` is drawn at two widths.
fn draw_too_small(frame: &mut Frame, area: Rect) {
    let notice = format!(
        "{} {} 列、{} 行",
        labels::TOO_SMALL,
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    let width = usize::from(area.width);
    // A blank line above, where there is room for it.
    let mut lines = if area.height > 2 {
        vec![Line::default()]
    } else {
        Vec::new()
    };
    // A wide character needs two cells: a one-cell window stays blank.
    if width >= 2 {
        lines.extend(
            crate::text::wrap(&notice, width)
                .into_iter()
                .map(Line::from),
        );
    }
    frame.render_widget(Paragraph::new(lines), area);
}
