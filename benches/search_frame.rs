//! One keystroke of search, applied and drawn, over the 2021 list (90 tasks) and
//! over a synthetic list of 100,000 tasks made from the real ones.
//!
//! Each iteration starts from a board where `/` and the first letters of a query
//! are already typed, presses one more key, and draws the frame at 160×45 into
//! an in-memory terminal, as the secretary's next keystroke would.

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

/// The list repeated until it has `count` tasks, numbered 1 to `count`.
fn synthetic(count: usize) -> TaskList {
    let real: TaskList = ron::from_str(BUILTIN_TASKS).expect("built-in list parses");
    let mut list = real.clone();
    list.tasks = (0..count)
        .map(|i| {
            let mut task = real.tasks[i % real.tasks.len()].clone();
            task.id = i as u32 + 1;
            task
        })
        .collect();
    list
}

/// A board with `typed` already typed into the search prompt.
fn board(list: &TaskList, typed: &str) -> App {
    let meeting = NaiveDate::from_ymd_opt(2021, 10, 18).expect("valid date");
    let mut app = App::new(list.clone(), State::default(), meeting, Keymap::default());
    app.resize(160, 45);
    app.handle_key(Key::plain(KeyCode::Char('/')));
    for c in typed.chars() {
        app.handle_key(Key::plain(KeyCode::Char(c)));
    }
    app
}

fn keystroke(c: &mut Criterion, name: &str, list: &TaskList, typed: &str, next: char) {
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).expect("test terminal");
    let theme = Theme::default();
    c.bench_function(name, |b| {
        b.iter_batched(
            || board(list, typed),
            |mut app| {
                app.handle_key(Key::plain(KeyCode::Char(next)));
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
    let real = synthetic(90);
    let large = synthetic(100_000);
    keystroke(c, "90 tasks: first key 'd'", &real, "", 'd');
    keystroke(c, "90 tasks: 'ds' + 'j'", &real, "ds", 'j');
    keystroke(c, "90 tasks: '数' + '据'", &real, "数", '据');
    keystroke(c, "100k tasks: first key 'd'", &large, "", 'd');
    keystroke(c, "100k tasks: 'ds' + 'j'", &large, "ds", 'j');
    keystroke(c, "100k tasks: '数' + '据'", &large, "数", '据');
}

criterion_group! {
    name = search_frame;
    config = Criterion::default().sample_size(20);
    targets = benches
}
criterion_main!(search_frame);
