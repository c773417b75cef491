//! One frame of the board with a task selected whose note is 1 MB long (a
//! pasted document, say): the detail pane must wrap only what it shows, or
//! every keystroke on that task waits for the whole note to be wrapped.
//!
//! Each iteration moves the selection off the task and back (`j`, `k`) and
//! draws the frame into an in-memory terminal.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

use duban::app::App;
use duban::keymap::{Key, Keymap};
use duban::model::{State, Status, TaskList, Update};
use duban::storage::BUILTIN_TASKS;
use duban::ui::{self, Theme};

fn board_with_long_note(width: u16, height: u16) -> App {
    let list: TaskList = ron::from_str(BUILTIN_TASKS).expect("built-in list parses");
    let meeting = NaiveDate::from_ymd_opt(2021, 10, 18).expect("valid date");
    let mut state = State::default();
    state.record(Update {
        task: 1,
        date: meeting,
        status: Status::Lagging,
        progress: Some(20),
        note: "进展顺利，".repeat(70_000),
    });
    let mut app = App::new(list, state, meeting, Keymap::default());
    app.resize(width, height);
    app
}

fn frame(c: &mut Criterion, name: &str, width: u16, height: u16) {
    let mut app = board_with_long_note(width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    let theme = Theme::default();
    c.bench_function(name, |b| {
        b.iter(|| {
            app.handle_key(Key::plain(KeyCode::Char('j')));
            app.handle_key(Key::plain(KeyCode::Char('k')));
            terminal
                .draw(|frame| ui::draw(frame, &app, &theme))
                .expect("draw");
            black_box(app.selected);
        });
    });
}

fn benches(c: &mut Criterion) {
    frame(c, "1 MB note selected: frame at 160×45", 160, 45);
    frame(c, "1 MB note selected: frame at 80×24", 80, 24);
}

criterion_group! {
    name = long_note;
    config = Criterion::default().sample_size(20);
    targets = benches
}
criterion_main!(long_note);
