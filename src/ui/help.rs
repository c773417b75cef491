//! The help overlay, generated from the live key table so it never lies.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::keymap::{Action, Mode};
use crate::labels;
use crate::text;

use super::Theme;
use super::popup;

/// The modes in the order the help lists them, with their headings.
const SECTIONS: [(Mode, &str); 8] = [
    (Mode::Board, labels::HELP_BOARD),
    (Mode::Search, labels::HELP_SEARCH),
    (Mode::Jump, labels::HELP_JUMP),
    (Mode::Meeting, labels::HELP_MEETING),
    (Mode::Picker, labels::HELP_PICKER),
    (Mode::Status, labels::HELP_STATUS),
    (Mode::Warnings, labels::HELP_WARNINGS),
    (Mode::Note, labels::HELP_NOTE),
];

/// From this popup width on, the help is laid out in two columns.
const TWO_COLUMNS_FROM: u16 = 96;

/// The lines of one mode's section: its heading, then its keys and actions.
fn section(app: &App, theme: &Theme, mode: Mode, heading: &str) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(
        format!(" {heading}"),
        theme.popup.patch(theme.strong),
    )];
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
    lines
}

/// Every line of the help, one section after another.
pub fn lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    SECTIONS
        .iter()
        .flat_map(|&(mode, heading)| section(app, theme, mode, heading))
        .collect()
}

/// Draws the help overlay over `area`, scrolled by the app's help scroll: the
/// board's keys on the left and the rest on the right where there is room, one
/// column otherwise, with a note on how to scroll when it does not all fit.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let width = if area.width >= TWO_COLUMNS_FROM + 4 {
        TWO_COLUMNS_FROM
    } else {
        60
    };
    let width = width.min(area.width.saturating_sub(4));
    // The help names the open workspace: a mistyped --data starts a new one.
    let title = match &app.workspace {
        Some(workspace) => format!(
            "{} ｜ 工作区 {}",
            labels::HELP_TITLE,
            workspace.dir().display()
        ),
        None => labels::HELP_TITLE.to_string(),
    };
    let (_, inner) = popup::open(
        frame,
        area,
        width,
        area.height.saturating_sub(2),
        &title,
        theme,
    );
    let columns: Vec<Vec<Line>> = if width >= TWO_COLUMNS_FROM {
        let (board, rest) = SECTIONS.split_at(1);
        let left = section(app, theme, board[0].0, board[0].1);
        let right = rest
            .iter()
            .flat_map(|&(mode, heading)| section(app, theme, mode, heading));
        vec![left, right.collect()]
    } else {
        vec![lines(app, theme)]
    };
    let tallest = columns.iter().map(Vec::len).max().unwrap_or(0);
    let overflows = tallest > usize::from(inner.height);
    let body_height = inner.height.saturating_sub(u16::from(overflows));
    let scroll = app
        .help_scroll
        .min(tallest.saturating_sub(usize::from(body_height)));
    let body = Rect {
        height: body_height,
        ..inner
    };
    let parts = Layout::horizontal(vec![Constraint::Fill(1); columns.len()]).split(body);
    for (column, part) in columns.into_iter().zip(parts.iter()) {
        let shown: Vec<Line> = column.into_iter().skip(scroll).collect();
        frame.render_widget(Paragraph::new(shown).style(theme.popup), *part);
    }
    if overflows {
        let footer = Rect {
            y: inner.bottom() - 1,
            height: 1,
            ..inner
        };
        frame.render_widget(
            Paragraph::new(Line::styled(scroll_hint(app), theme.popup)),
            footer,
        );
    }
}

/// How to scroll the help and close it, in the live keys.
fn scroll_hint(app: &App) -> String {
    let key = |action| app.keymap.key_of(Mode::Help, action).map(|k| k.to_string());
    let (down, up, close) = (key(Action::Down), key(Action::Up), key(Action::Cancel));
    format!(
        " {} {} 滚动  {} {}",
        down.unwrap_or_default(),
        up.unwrap_or_default(),
        close.unwrap_or_default(),
        labels::action(Action::Cancel)
    )
}
