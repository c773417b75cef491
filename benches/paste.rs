//! A 100 KB bracketed paste, applied and drawn: into the search prompt, where a
//! query is capped, and into the note form, where the whole text is kept.
//!
//! The pasted text is the 2021 list's task contents, one per line with the
//! `\r` line breaks a terminal sends, repeated to 100 KB: a document copied
//! from a word processor. Each iteration starts from a fresh board, pastes once
//! and draws the frame at 80×24 into an in-memory terminal.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

use duban::app::App;
use duban::keymap::{Key, Keymap};
use duban::model::{State, TaskList};
use duban::storage::BUILTIN_TASKS;
use duban::ui::{self, Theme};

/// Bytes in the pasted text.
const PASTED_BYTES: usize = 100 * 1024;

/// The list's task contents, one a line, repeated to about [`PASTED_BYTES`].
fn pasted(list: &TaskList) -> String {
    let mut text = String::new();
    for task in list.tasks.iter().cycle() {
        if text.len() >= PASTED_BYTES {
            break;
        }
        text.push_str(&task.content);
        text.push('\r');
    }
    text
}

/// A board at 80×24 with `keys` pressed.
fn board(list: &TaskList, keys: &[KeyCode]) -> App {
    let meeting = NaiveDate::from_ymd_opt(2021, 10, 18).expect("valid date");
    let mut app = App::new(list.clone(), State::default(), meeting, Keymap::default());
    app.resize(80, 24);
    for &code in keys {
        app.handle_key(Key::plain(code));
    }
    app
}

fn paste(c: &mut Criterion, name: &str, keys: &[KeyCode]) {
    let list: TaskList = ron::from_str(BUILTIN_TASKS).expect("built-in list parses");
    let text = pasted(&list);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
    let theme = Theme::default();
    c.bench_function(name, |b| {
        b.iter_batched(
            || board(&list, keys),
            |mut app| {
                app.paste(&text);
                terminal
                    .draw(|frame| ui::draw(frame, &app, &theme))
                    .expect("draw");
                black_box(app.visible.len());
                app
            },
            BatchSize::LargeInput,
        );
    });
}

fn benches(c: &mut Criterion) {
    paste(c, "100 KB paste into search", &[KeyCode::Char('/')]);
    paste(c, "100 KB paste into the note form", &[KeyCode::Char('n')]);
}

criterion_group! {
    name = paste_bench;
    config = Criterion::default().sample_size(10);
    targets = benches
}
criterion_main!(paste_bench);
