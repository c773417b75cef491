//! Fixtures shared by the screen tests: the 2021 list, a sample meeting, a
//! fixed "today", and drawing into an in-memory terminal.

#![allow(dead_code)] // Each test file uses its own part of the fixtures.

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use duban::app::App;
use duban::keymap::{Key, Keymap};
use duban::model::{State, Status, TaskList, Update};
use duban::storage::BUILTIN_TASKS;
use duban::ui::{self, Theme};

/// The meeting date every screen test uses, so snapshots never depend on today.
pub fn meeting() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 10, 18).unwrap()
}

/// The built-in 2021 list.
pub fn list() -> TaskList {
    ron::from_str(BUILTIN_TASKS).unwrap()
}

/// Two meetings' worth of updates on a few tasks.
pub fn sample_state() -> State {
    let mut state = State::default();
    let earlier = NaiveDate::from_ymd_opt(2021, 10, 11).unwrap();
    let updates = [
        (1, earlier, Status::InProgress, Some(40), "新建基站800个"),
        (
            1,
            meeting(),
            Status::InProgress,
            Some(60),
            "新建基站1200个，年底前可完成",
        ),
        (
            38,
            meeting(),
            Status::Done,
            Some(100),
            "应用服务事项已达720项",
        ),
        (39, earlier, Status::InProgress, None, ""),
        (
            39,
            meeting(),
            Status::Lagging,
            Some(20),
            "方案尚未定稿，需<市委>协调 & 推进",
        ),
        (42, meeting(), Status::InProgress, Some(45), ""),
    ];
    for (task, date, status, progress, note) in updates {
        state.record(Update {
            task,
            date,
            status,
            progress,
            note: note.to_string(),
        });
    }
    state
}

/// The board on the 2021 list with the sample meeting, sized `width` × `height`.
pub fn app(width: u16, height: u16) -> App {
    let mut app = App::new(list(), sample_state(), meeting(), Keymap::default());
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
