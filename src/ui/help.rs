//! The help overlay, generated from the live key table so it never lies.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::keymap::Mode;
use crate::labels;
use crate::text;

use super::Theme;
use super::popup;

/// The modes in the order the help lists them, with their headings.
const SECTIONS: [(Mode, &str); 6] = [
    (Mode::Board, labels::HELP_BOARD),
    (Mode::Search, labels::HELP_SEARCH),
    (Mode::Jump, labels::HELP_JUMP),
    (Mode::Picker, labels::HELP_PICKER),
    (Mode::Status, labels::HELP_STATUS),
    (Mode::Note, labels::HELP_NOTE),
];

/// Every line of the help: a heading per mode, then its keys and actions.
pub fn lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (mode, heading) in SECTIONS {
        lines.push(Line::styled(
            format!(" {heading}"),
            theme.popup.patch(theme.strong),
        ));
        for binding in app.keymap.bindings(mode) {
            let keys: Vec<String> = binding.keys.iter().map(|k| k.to_string()).collect();
            let keys = keys.join(" / ");
            let pad = 16usize.saturating_sub(text::width(&keys));
            lines.push(Line::from(vec![
                Span::styled(
                    format!("   {keys}{}", " ".repeat(pad)),
                    theme.popup.patch(theme.strong),
                ),
                Span::styled(labels::action(binding.action), theme.popup),
            ]));
        }
        lines.push(Line::default());
    }
    lines
}

/// Draws the help overlay over `area`, scrolled by the app's help scroll.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let all = lines(app, theme);
    let width = area.width.saturating_sub(4).min(60);
    let height = area.height.saturating_sub(2);
    let (_, inner) = popup::open(frame, area, width, height, labels::HELP_TITLE, theme);
    let most = all.len().saturating_sub(usize::from(inner.height));
    let scroll = app.help_scroll.min(most);
    let shown: Vec<Line> = all.into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(shown).style(theme.popup), inner);
}
