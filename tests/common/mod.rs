//! Fixtures shared by the screen tests: the 2021 list, a sample meeting, a
//! fixed "today", and drawing into an in-memory terminal.

#![allow(dead_code)] // Each test file uses its own part of the fixtures.

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use duban::app::App;
use duban::keymap::{Key, Keymap};
use duban::model::{State, TaskList};
use duban::storage::BUILTIN_TASKS;
use duban::ui::{self, Theme};

pub mod sample;

/// The meeting date every screen test uses, so snapshots never depend on today.
pub fn meeting() -> NaiveDate {
    sample::meeting()
}

/// The built-in 2021 list.
pub fn list() -> TaskList {
    ron::from_str(BUILTIN_TASKS).unwrap()
}

/// Two meetings' worth of updates on a dozen tasks.
pub fn sample_state() -> State {
    sample::state()
}

/// The board on the 2021 list with the sample meeting, sized `width` × `height`.
pub fn app(width: u16, height: u16) -> App {
    app_with_state(width, height, sample_state())
}

/// The board on the 2021 list with `state`, at the sample meeting.
pub fn app_with_state(width: u16, height: u16, state: State) -> App {
    let mut app = App::new(list(), state, meeting(), Keymap::default());
    app.resize(width, height);
    app
}

/// Presses each key named, such as `[":", "3", "8", "enter"]`.
pub fn press(app: &mut App, keys: &[&str]) {
    for name in keys {
        app.handle_key(Key::parse(name).unwrap());
    }
}

/// Types text as key presses.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(Key::plain(ratatui::crossterm::event::KeyCode::Char(c)));
    }
}

/// Draws the app into an in-memory terminal of its size.
pub fn draw(app: &App) -> Terminal<TestBackend> {
    let (width, height) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| ui::draw(frame, app, &Theme::default()))
        .unwrap();
    terminal
}

/// The screen as text, one line per row, as a person sees it: a wide character
/// once, without the blank cell it covers.
pub fn screen(app: &App) -> String {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    let mut lines = Vec::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        let mut x = 0;
        while x < buffer.area.width {
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            x += (duban::text::width(symbol) as u16).max(1);
        }
        lines.push(line.trim_end().to_string());
    }
    lines.join("\n")
}
