//! Rows full of Chinese keep their columns: at every width the status column
//! starts in the same cell on every row, and nothing drawn has a width that
//! terminals disagree on (PITFALLS 4–6).

mod common;

use chrono::NaiveDate;
use ratatui::style::Color;
use unicode_width::UnicodeWidthStr;

use duban::app::App;
use duban::keymap::Keymap;
use duban::model::{Assignment, Role, State, Status, Task, Update};
use duban::ui::layout;

const U1: &str = "市政务服务和大数据管理局";
const U2: &str = "A市大数据局";
const T1: &str = "推进“一网通办”2.0建设";

/// A list whose every cell is as hard as it gets: long Chinese, odd ASCII
/// prefixes, quotes and dots of ambiguous width, an emoji in a note.
fn hard_app(width: u16, height: u16) -> App {
    let mut list = common::list();
    for (i, task) in list.tasks.iter_mut().enumerate() {
        let content = match i % 3 {
            0 => format!("{T1}{U1}{T1}"),
            1 => format!("{U2}·{T1}…{U1}"),
            _ => task.content.clone(),
        };
        *task = Task {
            content,
            units: vec![
                Assignment {
                    name: U1.into(),
                    role: Role::Lead,
                },
                Assignment {
                    name: U2.into(),
                    role: Role::Responsible,
                },
            ],
            ..task.clone()
        };
    }
    let mut state = State::default();
    let date = NaiveDate::from_ymd_opt(2021, 10, 18).unwrap();
    for (i, task) in list.tasks.iter().enumerate() {
        let status = Status::ALL[i % 4];
        let note = "已推进👍🏽，见“附件”".to_string();
        state.record(Update {
            task: task.id,
            date,
            status,
            progress: Some(50),
            note,
        });
    }
    let mut app = App::new(list, state, date, Keymap::default());
    app.resize(width, height);
    app
}

#[test]
fn status_column_starts_in_one_cell_on_every_row() {
    for width in [40, 41, 57, 80, 99, 100, 120, 139, 140, 160, 200] {
        let app = hard_app(width, 30);
        let terminal = common::draw(&app);
        let buffer = terminal.backend().buffer();
        let table = layout::areas(buffer.area, 1).table;
        let status_x = table.right() - 8;
        for y in table.y + 1..table.bottom() {
            let symbol = buffer[(status_x, y)].symbol();
            assert!(
                ["-", ">", "!", "✓"].contains(&symbol),
                "width {width}, row {y}: status column holds {symbol:?}"
            );
            let gap = buffer[(status_x - 1, y)].symbol();
            assert!(
                gap == " " || gap.is_empty(),
                "width {width}, row {y}: no gap before status"
            );
        }
    }
}

#[test]
fn nothing_drawn_has_an_ambiguous_width() {
    for (width, height) in [(80, 24), (160, 45)] {
        let mut app = hard_app(width, height);
        common::press(&mut app, &[":", "2", "enter"]);
        let terminal = common::draw(&app);
        for cell in terminal.backend().buffer().content() {
            let symbol = cell.symbol();
            assert_eq!(
                symbol.width(),
                symbol.width_cjk(),
                "{symbol:?} at {width}x{height}"
            );
        }
    }
}

#[test]
fn status_carries_its_colour_and_its_word() {
    let app = hard_app(100, 30);
    let terminal = common::draw(&app);
    let buffer = terminal.backend().buffer();
    let table = layout::areas(buffer.area, 1).table;
    let status_x = table.right() - 8;
    // Row 3 of the table shows the third task, recorded as 滞后; the selected
    // first row is drawn in the selection's colours instead.
    let y = table.y + 3;
    assert_eq!(buffer[(status_x, y)].symbol(), "!");
    assert_eq!(buffer[(status_x + 2, y)].symbol(), "滞");
    assert_eq!(buffer[(status_x, y)].fg, Color::LightRed);
}
