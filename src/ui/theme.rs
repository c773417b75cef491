//! Every style the board uses, named by what it marks.
//!
//! High contrast for projectors that wash colours out: meaning is never carried
//! by colour alone, and every colour here comes with a symbol or a word.

use ratatui::style::{Color, Modifier, Style};

use crate::model::Status;
use crate::rules::{Level, Light};

/// The styles of the board.
#[derive(Clone, Debug)]
pub struct Theme {
    /// Body text.
    pub text: Style,
    /// Text that leads a pane: the task's content.
    pub strong: Style,
    /// Secondary text: counts, dates, category labels.
    pub dim: Style,
    /// The header bar and pane title bars.
    pub bar: Style,
    /// Table column headings.
    pub heading: Style,
    /// The selected row.
    pub selected: Style,
    /// Characters that a search matched, on the board's dark rows.
    pub hit: Style,
    /// Characters that a search matched, on a light background: the selected
    /// row and popups.
    pub hit_on_light: Style,
    /// A key's name in the hint bar and help.
    pub key: Style,
    /// A popup's body.
    pub popup: Style,
    /// A popup's title bar.
    pub popup_bar: Style,
    /// An error message.
    pub error: Style,
    /// An informational message.
    pub info: Style,
}

impl Default for Theme {
    fn default() -> Theme {
        Theme {
            text: Style::default(),
            strong: Style::default().add_modifier(Modifier::BOLD),
            dim: Style::default().fg(Color::Gray),
            bar: Style::default()
                .fg(Color::Black)
                .bg(Color::White)
                .add_modifier(Modifier::BOLD),
            heading: Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: Style::default().fg(Color::Black).bg(Color::Yellow),
            hit: Style::default()
                .fg(Color::LightYellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            hit_on_light: Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            key: Style::default()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            popup: Style::default().fg(Color::Black).bg(Color::White),
            popup_bar: Style::default()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            error: Style::default()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            info: Style::default().fg(Color::Black).bg(Color::Green),
        }
    }
}

impl Theme {
    /// The style of a light's symbol and word.
    pub fn light(&self, light: Light) -> Style {
        match light {
            Light::Red => Style::default()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            Light::Yellow => Style::default().fg(Color::LightYellow),
            Light::Green => Style::default().fg(Color::LightGreen),
        }
    }

    /// The style of a unit's warning level.
    pub fn level(&self, level: Option<Level>) -> Style {
        match level {
            Some(Level::Interview) => Style::default()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            Some(Level::Warning) => Style::default()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            Some(Level::Reminder) => Style::default().fg(Color::LightYellow),
            None => Style::default(),
        }
    }

    /// The style of a status's symbol and word.
    pub fn status(&self, status: Status) -> Style {
        match status {
            Status::NotStarted => Style::default(),
            Status::InProgress => Style::default().fg(Color::LightCyan),
            Status::Lagging => Style::default()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            Status::Done => Style::default().fg(Color::LightGreen),
        }
    }
}
