//! Every string the board shows, in one place.
//!
//! Domain words (statuses, roles) live with their types in [`crate::model`];
//! this file holds the words of the interface.

use crate::keymap::{Action, Mode};
use crate::rules::Light;

/// The program's name in the header.
pub const APP: &str = "督办";
/// Header: the count of tasks shown out of all.
pub const SHOWN: &str = "显示";
/// Header: the meeting's date.
pub const MEETING: &str = "调度会";
/// Table column headings.
pub const COL_ID: &str = "序号";
/// Table column heading: category.
pub const COL_CATEGORY: &str = "类别";
/// Table column heading: task.
pub const COL_TASK: &str = "主要任务";
/// Table column heading: units.
pub const COL_UNITS: &str = "责任单位";
/// Table column heading: status.
pub const COL_STATUS: &str = "状态";
/// Table column heading: light.
pub const COL_LIGHT: &str = "灯";
/// Filter names in the header.
pub const FILTER_CATEGORY: &str = "类别";
/// Filter name: unit.
pub const FILTER_UNIT: &str = "单位";
/// Filter name: search.
pub const FILTER_SEARCH: &str = "搜索";
/// Filter name: status.
pub const FILTER_STATUS: &str = "状态";
/// Shown when no task passes the filters.
pub const NO_TASKS: &str = "没有符合条件的任务。按 x 清除筛选。";
/// Detail pane headings.
pub const UNITS: &str = "责任单位";
/// Detail pane: the update history.
pub const UPDATES: &str = "进展";
/// Detail pane: no update yet.
pub const NO_UPDATES: &str = "尚无进展记录";
/// Detail pane, after the updates' heading when the pane is too short for
/// them all: how many were left out, older than those shown or in all.
pub fn updates_not_shown(hidden: usize, some_shown: bool) -> String {
    if some_shown {
        format!("（另有较早的 {hidden} 条）")
    } else {
        format!("（共 {hidden} 条）")
    }
}
/// Detail pane: how the row was read from the source.
pub const SOURCE_NOTE: &str = "整理说明";
/// Detail pane: progress.
pub const PROGRESS: &str = "进度";
/// Prompt of the search field.
pub const PROMPT_SEARCH: &str = "搜索：";
/// Prompt of the meeting date field.
pub const PROMPT_MEETING: &str = "调度会日期（年-月-日）：";
/// Prompt of the jump field.
pub const PROMPT_JUMP: &str = "跳转到第几项：";
/// Title of the category picker.
pub const PICK_CATEGORY: &str = "选择类别";
/// Title of the unit picker.
pub const PICK_UNIT: &str = "选择责任单位";
/// The picker's first row, which clears that filter.
pub const PICK_ALL: &str = "（全部）";
/// Title of the status chooser.
pub const CHOOSE_STATUS: &str = "记录状态";
/// Title of the note form.
pub const NOTE_TITLE: &str = "记录进展";
/// Note form: the progress field.
pub const NOTE_PROGRESS: &str = "进度（0-100，可空）：";
/// Note form: the note field.
pub const NOTE_TEXT: &str = "说明：";
/// Title of the help overlay.
pub const HELP_TITLE: &str = "按键说明";
/// Shown instead of the board when the window is too small, before the size
/// it needs.
pub const TOO_SMALL: &str = "窗口太小：请放大到至少";
/// Headings of the help overlay's sections, by mode.
pub const HELP_BOARD: &str = "任务表";
/// Help section: search.
pub const HELP_SEARCH: &str = "搜索（输入汉字或拼音，如 dsj）";
/// Help section: jump.
pub const HELP_JUMP: &str = "跳转";
/// Help section: meeting date.
pub const HELP_MEETING: &str = "调度会日期";
/// Help section: pickers.
pub const HELP_PICKER: &str = "类别、单位选择";
/// Help section: status chooser.
pub const HELP_STATUS: &str = "记录状态";
/// Help section: the interview list.
pub const HELP_WARNINGS: &str = "约谈预警名单";
/// Title of the interview list.
pub const WARNINGS_TITLE: &str = "约谈预警名单";
/// Title of the changes view.
pub const CHANGES_TITLE: &str = "较上次调度会变化";
/// Shown when no unit is at any warning level.
pub const NO_WARNINGS: &str = "没有需要提醒、预警或约谈的单位。";
/// Shown when no light changed.
pub const NO_CHANGES: &str = "与上次调度会相比，没有任务的灯色变化。";
/// Filter name: light.
pub const FILTER_LIGHT: &str = "灯";
/// Header: sorted by light.
pub const SORTED_BY_LIGHT: &str = "按灯排序";
/// Help section: note form.
pub const HELP_NOTE: &str = "记录进展";

/// Said when a paste was longer than the prompt's field holds.
pub fn paste_cut(max: usize) -> String {
    format!("粘贴内容已截断：最多 {max} 个字符")
}

/// A light's one-cell symbol, so it reads without colour: a cross for red, a
/// small triangle for yellow, a ringed dot for green. Each has one width in
/// every terminal (unlike ● ▲ ■).
pub fn light_symbol(light: Light) -> &'static str {
    match light {
        Light::Red => "✖",
        Light::Yellow => "▴",
        Light::Green => "◉",
    }
}

/// The name of a mode, as the help heads its section.
pub fn mode(mode: Mode) -> &'static str {
    match mode {
        Mode::Board => HELP_BOARD,
        Mode::Search => "搜索",
        Mode::Jump => HELP_JUMP,
        Mode::Meeting => HELP_MEETING,
        Mode::Picker => HELP_PICKER,
        Mode::Status => HELP_STATUS,
        Mode::Note => HELP_NOTE,
        Mode::Help => HELP_TITLE,
        Mode::Warnings => HELP_WARNINGS,
    }
}

/// What an action does, in the words of the hint bar and help.
pub fn action(action: Action) -> &'static str {
    match action {
        Action::Down => "下移",
        Action::Up => "上移",
        Action::PageDown => "下一页",
        Action::PageUp => "上一页",
        Action::First => "第一项",
        Action::Last => "最后一项",
        Action::Jump => "跳转",
        Action::Search => "搜索",
        Action::ChooseMeeting => "调度会日期",
        Action::PickCategory => "类别",
        Action::PickUnit => "单位",
        Action::CycleLight => "灯色",
        Action::SortByLight => "按灯排序",
        Action::Warnings => "约谈名单",
        Action::Report => "通报",
        Action::OpenReport => "打开通报",
        Action::ClearFilters => "清除筛选",
        Action::SetStatus => "状态",
        Action::AddNote => "进展",
        Action::Undo => "撤销",
        Action::Redo => "重做",
        Action::Help => "帮助",
        Action::Quit => "退出",
        Action::Confirm => "确定",
        Action::Cancel => "取消",
        Action::NextField => "切换",
        Action::StatusNotStarted => "未启动",
        Action::StatusInProgress => "推进中",
        Action::StatusLagging => "滞后",
        Action::StatusDone => "已完成",
    }
}
