//! Actions applied to the app's state, with no terminal.

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyCode;

use super::*;
use crate::model::TaskList;
use crate::storage::BUILTIN_TASKS;

fn app() -> App {
    let list: TaskList = ron::from_str(BUILTIN_TASKS).unwrap();
    let meeting = NaiveDate::from_ymd_opt(2021, 10, 18).unwrap();
    let mut app = App::new(list, State::default(), meeting, Keymap::default());
    app.resize(100, 30);
    app
}

/// A board recording into a fresh workspace in `dir`, at the 2021-10-18 meeting.
fn app_in(dir: &std::path::Path) -> App {
    let workspace = Workspace::at(dir);
    let loaded = workspace.load().unwrap();
    let meeting = NaiveDate::from_ymd_opt(2021, 10, 18).unwrap();
    App::new(loaded.tasks, loaded.state, meeting, Keymap::default()).with_workspace(workspace)
}

fn keys(app: &mut App, typed: &str) {
    for c in typed.chars() {
        app.handle_key(Key::plain(KeyCode::Char(c)));
    }
}

fn press(app: &mut App, name: &str) {
    app.handle_key(Key::parse(name).unwrap());
}

fn selected_id(app: &App) -> u32 {
    app.selected_task().unwrap().id
}

#[test]
fn jump_selects_the_task_and_scrolls_to_it() {
    let mut app = app();
    keys(&mut app, ":38");
    press(&mut app, "enter");
    assert_eq!(selected_id(&app), 38);
    assert_eq!(app.mode, Mode::Board);
    assert!(app.offset <= app.selected && app.selected < app.offset + app.page());
}

#[test]
fn jump_to_a_filtered_out_task_clears_the_filters() {
    let mut app = app();
    app.filter.category = Some("推进机制".into());
    app.refresh();
    assert_eq!(app.visible.len(), 4);
    keys(&mut app, ":38");
    press(&mut app, "enter");
    assert_eq!(selected_id(&app), 38);
    assert!(!app.filter.is_active());
}

#[test]
fn jump_to_a_missing_number_says_so() {
    let mut app = app();
    keys(&mut app, ":999");
    press(&mut app, "enter");
    assert!(matches!(&app.message, Some(Message::Error(m)) if m.contains("999")));
}

#[test]
fn status_then_undo_then_redo() {
    let mut app = app();
    keys(&mut app, ":38");
    press(&mut app, "enter");
    keys(&mut app, "s4");
    assert_eq!(app.standing(38).status, Status::Done);
    keys(&mut app, ":39");
    press(&mut app, "enter");
    keys(&mut app, "s3");
    assert_eq!(app.standing(39).status, Status::Lagging);
    press(&mut app, "ctrl-z");
    assert_eq!(app.standing(39).status, Status::NotStarted);
    assert_eq!(app.standing(38).status, Status::Done);
    press(&mut app, "ctrl-z");
    assert_eq!(app.standing(38).status, Status::NotStarted);
    assert!(
        app.state.meetings.is_empty(),
        "undo removes the meeting it opened"
    );
    press(&mut app, "ctrl-y");
    press(&mut app, "ctrl-y");
    assert_eq!(app.standing(38).status, Status::Done);
    assert_eq!(app.standing(39).status, Status::Lagging);
}

#[test]
fn updates_are_dated_at_the_meeting() {
    let mut app = app();
    keys(&mut app, "s2");
    let update = app.state.updates.last().unwrap();
    assert_eq!(update.date, app.meeting);
    assert_eq!(update.status, Status::InProgress);
}

#[test]
fn note_with_progress_keeps_the_status() {
    let mut app = app();
    keys(&mut app, ":5");
    press(&mut app, "enter");
    keys(&mut app, "s2n");
    press(&mut app, "tab");
    keys(&mut app, "60");
    press(&mut app, "tab");
    keys(&mut app, "主体完工");
    press(&mut app, "enter");
    let standing = app.standing(5);
    assert_eq!(standing.status, Status::InProgress);
    assert_eq!(standing.progress, Some(60));
    assert_eq!(app.state.updates.last().unwrap().note, "主体完工");
    // On a task never started, a progress above zero means work has begun.
    keys(&mut app, ":6");
    press(&mut app, "enter");
    keys(&mut app, "n");
    press(&mut app, "tab");
    keys(&mut app, "10");
    press(&mut app, "enter");
    assert_eq!(app.standing(6).status, Status::InProgress);
}

#[test]
fn bad_progress_keeps_the_form_open() {
    let mut app = app();
    keys(&mut app, "n");
    press(&mut app, "tab");
    keys(&mut app, "150");
    press(&mut app, "enter");
    assert_eq!(app.mode, Mode::Note);
    assert!(matches!(app.message, Some(Message::Error(_))));
    assert!(app.state.updates.is_empty());
}

#[test]
fn search_narrows_as_you_type_and_esc_clears() {
    let mut app = app();
    keys(&mut app, "/d");
    let after_one = app.visible.len();
    keys(&mut app, "sj");
    assert!(app.visible.len() <= after_one);
    assert!(app.selected_task().unwrap().has_unit("市大数据中心"));
    press(&mut app, "backspace");
    press(&mut app, "backspace");
    assert_eq!(
        app.visible.len(),
        after_one,
        "backspace restores the wider result"
    );
    press(&mut app, "esc");
    assert_eq!(app.visible.len(), 90);
    assert_eq!(app.mode, Mode::Board);
}

#[test]
fn incremental_search_equals_search_from_scratch() {
    let mut typed = app();
    keys(&mut typed, "/shuju");
    let mut fresh = app();
    fresh.filter.search = "shuju".into();
    fresh.search_cache.clear();
    fresh.refresh();
    assert_eq!(typed.visible, fresh.visible);
}

#[test]
fn keys_typed_in_search_are_text_not_bindings() {
    let mut app = app();
    keys(&mut app, "/q");
    assert!(!app.quit);
    assert_eq!(app.filter.search, "q");
}

#[test]
fn pickers_filter_and_combine() {
    let mut app = app();
    press(&mut app, "c");
    keys(&mut app, "szzf");
    press(&mut app, "enter");
    assert_eq!(app.filter.category.as_deref(), Some("数字政府"));
    let in_category = app.visible.len();
    press(&mut app, "u");
    keys(&mut app, "dsj");
    assert_eq!(
        app.picker.as_ref().unwrap().chosen().unwrap().label,
        "市大数据中心"
    );
    press(&mut app, "enter");
    assert!(app.visible.len() < in_category);
    for &i in &app.visible {
        let task = &app.list.tasks[i];
        assert!(task.category == "数字政府" && task.has_unit("市大数据中心"));
    }
    press(&mut app, "x");
    assert_eq!(app.visible.len(), 90);
}

#[test]
fn paste_is_text_and_never_runs_bindings() {
    let mut app = app();
    app.paste("q\r\nx");
    assert!(!app.quit);
    assert_eq!(app.mode, Mode::Search);
    assert_eq!(app.filter.search, "q x");
}

/// About 100 KB of the list's own text, its lines ended as terminals end them,
/// and the one line the paste should become.
fn long_paste(app: &App) -> (String, String) {
    let breaks = ["\r\n", "\n", "\r"];
    let (mut pasted, mut lines) = (String::new(), Vec::new());
    for (i, task) in app.list.tasks.iter().cycle().take(1_500).enumerate() {
        pasted.push_str(&task.content);
        pasted.push_str(breaks[i % 3]);
        lines.push(task.content.as_str());
    }
    (pasted, lines.join(" "))
}

#[test]
fn a_long_pasted_note_is_recorded_whole() {
    let mut app = app();
    let (pasted, expected) = long_paste(&app);
    assert!(pasted.len() > 100_000);
    keys(&mut app, ":38");
    press(&mut app, "enter");
    keys(&mut app, "n");
    app.paste(&pasted);
    assert_eq!(app.message, None, "nothing was cut");
    press(&mut app, "enter");
    let updates = app.state.updates_of(38);
    assert_eq!(updates.len(), 1);
    assert_eq!(updates[0].note, expected);
}

#[test]
fn a_long_paste_into_search_is_cut_to_the_prompt_and_says_so() {
    let mut app = app();
    let (pasted, expected) = long_paste(&app);
    app.paste(&pasted);
    assert_eq!(app.mode, Mode::Search);
    let kept: String = expected.chars().take(PROMPT_MAX_CHARS).collect();
    assert_eq!(app.filter.search, kept);
    assert_eq!(app.input.value(), kept);
    let said = labels::paste_cut(PROMPT_MAX_CHARS);
    assert_eq!(app.message, Some(Message::Info(said)));
    keys(&mut app, "甲");
    assert_eq!(app.message, None);
    assert_eq!(app.input.value(), kept, "the field is full");
}

#[test]
fn a_number_pasted_into_jump_previews_the_task() {
    let mut app = app();
    keys(&mut app, ":");
    app.paste("38\r\n");
    assert_eq!(selected_id(&app), 38);
    press(&mut app, "enter");
    assert_eq!(selected_id(&app), 38);
}

#[test]
fn moving_stays_in_bounds_and_keeps_the_selection_on_screen() {
    let mut app = app();
    press(&mut app, "end");
    assert_eq!(selected_id(&app), 90);
    assert!(app.selected < app.offset + app.page());
    for _ in 0..200 {
        press(&mut app, "down");
    }
    assert_eq!(selected_id(&app), 90);
    press(&mut app, "home");
    assert_eq!((app.selected, app.offset), (0, 0));
    app.resize(1, 1);
    press(&mut app, "pagedown");
    app.resize(100, 30);
    assert!(app.selected < app.offset + app.page());
}

#[test]
fn changes_are_saved_at_once_and_reload() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = Workspace::at(dir.path());
    let mut app = app_in(dir.path());
    keys(&mut app, ":38");
    press(&mut app, "enter");
    keys(&mut app, "s4");
    keys(&mut app, ":39");
    press(&mut app, "enter");
    keys(&mut app, "s3");
    press(&mut app, "ctrl-z");
    let reloaded = workspace.load().unwrap().state;
    let standings = reloaded.standings(None);
    assert_eq!(standings[&38].status, Status::Done);
    assert!(!standings.contains_key(&39));
}

#[test]
fn the_meeting_date_can_be_chosen() {
    let mut app = app();
    press(&mut app, "m");
    keys(&mut app, "10-25");
    press(&mut app, "enter");
    assert_eq!(app.meeting, NaiveDate::from_ymd_opt(2021, 10, 25).unwrap());
    keys(&mut app, "s2");
    assert_eq!(app.state.updates.last().unwrap().date, app.meeting);
    press(&mut app, "m");
    keys(&mut app, "x");
    press(&mut app, "enter");
    assert!(matches!(app.message, Some(Message::Error(_))));
    assert_eq!(app.meeting, NaiveDate::from_ymd_opt(2021, 10, 25).unwrap());
}

#[test]
fn jump_follows_the_digits_and_esc_goes_back() {
    let mut app = app();
    keys(&mut app, ":3");
    assert_eq!(selected_id(&app), 3);
    keys(&mut app, "8");
    assert_eq!(selected_id(&app), 38);
    press(&mut app, "esc");
    assert_eq!(selected_id(&app), 1);
}

#[test]
fn p_writes_the_summary_sheet_into_the_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    keys(&mut app, "s3p");
    let path = app.last_report.clone().expect("a report was written");
    assert!(
        path.starts_with(dir.path().join("reports")),
        "{}",
        path.display()
    );
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.contains("2021-10-18") && html.contains("lang=\"zh-CN\""));
    assert!(matches!(&app.message, Some(Message::Info(m)) if m.contains("调度通报")));
}

#[test]
fn a_read_only_board_records_nothing_and_says_why() {
    let mut app = app().read_only("进程 42".to_string());
    keys(&mut app, "s");
    assert!(matches!(&app.message, Some(Message::Error(m)) if m.contains("进程 42")));
    assert_eq!(app.mode, Mode::Board, "no status chooser opens");
    keys(&mut app, "4");
    assert!(app.state.updates.is_empty());
    press(&mut app, "ctrl-z");
    assert!(app.state.updates.is_empty());
}

#[test]
fn a_read_only_board_follows_the_holder_and_takes_over_when_it_goes() {
    let dir = tempfile::tempdir().unwrap();
    let holder = Workspace::at(dir.path());
    let held = holder.lock(crate::storage::BOARD).unwrap();
    let loaded = holder.load().unwrap();
    let mut app = app_in(dir.path()).read_only("督办界面，进程 42".to_string());
    app.resize(100, 30);
    assert!(
        app.look_again(),
        "the holder is named as its lock file says"
    );
    let pid = std::process::id().to_string();
    assert!(app.read_only.as_ref().is_some_and(|h| h.contains(&pid)));
    assert!(!app.look_again(), "nothing changed since");
    keys(&mut app, "n");
    assert_eq!(
        app.mode,
        Mode::Board,
        "no note form to type into for nothing"
    );

    let mut recorded = loaded.state.clone();
    recorded.record(crate::model::Update {
        task: 5,
        date: NaiveDate::from_ymd_opt(2021, 10, 18).unwrap(),
        status: Status::Lagging,
        progress: None,
        note: String::new(),
    });
    holder.save_state(&loaded.tasks, &recorded).unwrap();
    assert!(app.look_again(), "the holder's record is shown");
    assert_eq!(app.state, recorded);
    assert!(app.read_only.is_some());

    drop(held);
    assert!(app.look_again());
    assert_eq!(app.read_only, None, "taken over");
    keys(&mut app, ":6");
    press(&mut app, "enter");
    keys(&mut app, "s4");
    let saved = Workspace::at(dir.path()).load().unwrap().state;
    assert_eq!(
        saved.updates.len(),
        2,
        "the holder's record and this board's"
    );
    let second = Workspace::at(dir.path()).lock(crate::storage::BOARD);
    assert!(second.is_err(), "this board holds the workspace now");
}

/// PITFALLS 1: when saving fails, leaving must not drop what the disk lacks.
#[test]
fn quitting_with_unsaved_records_keeps_them_where_restore_finds_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    let path = dir.path().join(crate::storage::STATE_FILE);
    std::fs::create_dir(&path).unwrap();
    keys(&mut app, "s3");
    assert!(app.unsaved, "a folder cannot be saved over");

    keys(&mut app, "q");
    assert!(!app.quit, "the first quit only warns");
    let Some(Message::Error(said)) = &app.message else {
        panic!("{:?}", app.message);
    };
    let rescued = said
        .split("另存为 ")
        .nth(1)
        .and_then(|rest| rest.split('（').next())
        .expect("names where the records went");
    let kept: crate::model::State =
        ron::from_str(&std::fs::read_to_string(rescued).unwrap()).unwrap();
    assert_eq!(kept, app.state);
    let listed = crate::storage::backup::list(&path);
    assert!(
        listed.iter().any(|p| p.to_str() == Some(rescued)),
        "{listed:?}"
    );
    keys(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn a_state_changed_outside_is_merged_kept_in_a_backup_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = Workspace::at(dir.path());
    let mut app = app_in(dir.path());
    keys(&mut app, "s2");
    assert!(
        matches!(&app.message, Some(Message::Info(_))),
        "a first save is quiet"
    );

    // Someone edits the file by hand while the board is open.
    let path = workspace.path(crate::storage::STATE_FILE);
    let edited = std::fs::read_to_string(&path)
        .unwrap()
        .replace("InProgress", "Lagging");
    std::fs::write(&path, &edited).unwrap();
    keys(&mut app, "js4");

    let Some(Message::Error(said)) = &app.message else {
        panic!("the secretary is told: {:?}", app.message);
    };
    let name = said.split("backups/").nth(1).expect("names the backup");
    let name = name.trim_end_matches('）');
    let kept = std::fs::read_to_string(dir.path().join("backups").join(name)).unwrap();
    assert_eq!(kept, edited, "the outside version is kept whole");
    let statuses = |app: &App| -> Vec<(u32, Status)> {
        app.state
            .updates
            .iter()
            .map(|u| (u.task, u.status))
            .collect()
    };
    let both = vec![(1, Status::Lagging), (2, Status::Done)];
    assert_eq!(statuses(&app), both, "the hand edit and the board's mark");
    let on_disk = std::fs::read_to_string(&path).unwrap();
    assert!(
        on_disk.contains("Lagging") && on_disk.contains("Done"),
        "{on_disk}"
    );

    keys(&mut app, "js3");
    assert!(matches!(&app.message, Some(Message::Info(_))), "said once");
    press(&mut app, "ctrl-z");
    assert_eq!(statuses(&app), both, "an undo keeps the hand edit");
    press(&mut app, "ctrl-z");
    assert_eq!(statuses(&app), [(1, Status::Lagging)], "still");

    // The board's first mark was the one edited outside: undoing or redoing
    // it changes nothing, and says so rather than claim it did.
    for key in ["ctrl-z", "ctrl-y"] {
        press(&mut app, key);
        assert_eq!(statuses(&app), [(1, Status::Lagging)]);
        assert!(
            matches!(&app.message, Some(Message::Info(m)) if m.contains("没有改变什么")),
            "{key}: {:?}",
            app.message
        );
    }
}

/// PITFALLS 1: a hand edit that breaks the file is never written over.
#[test]
fn a_state_broken_outside_is_not_written_over() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = Workspace::at(dir.path());
    let mut app = app_in(dir.path());
    keys(&mut app, "s2");
    let path = workspace.path(crate::storage::STATE_FILE);
    let whole = std::fs::read_to_string(&path).unwrap();
    let cut = &whole[..whole.len() / 2];
    std::fs::write(&path, cut).unwrap();

    keys(&mut app, "js4");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        cut,
        "left as it was"
    );
    assert!(app.unsaved);
    assert!(
        matches!(&app.message, Some(Message::Error(m)) if m.contains("读不出来")),
        "{:?}",
        app.message
    );

    std::fs::write(&path, &whole).unwrap();
    keys(&mut app, "js3");
    assert!(!app.unsaved, "{:?}", app.message);
    let saved = crate::storage::Workspace::at(dir.path())
        .load()
        .unwrap()
        .state;
    assert_eq!(
        saved.updates.len(),
        3,
        "every mark of the board is saved once mended"
    );
}

#[test]
fn a_window_too_small_for_the_board_takes_only_quit() {
    let mut app = app();
    app.resize(20, 5);
    keys(&mut app, "s4");
    app.paste("dsj");
    assert!(app.state.updates.is_empty(), "nothing recorded unseen");
    assert_eq!(app.mode, Mode::Board);
    keys(&mut app, "q");
    assert!(app.quit);
}
