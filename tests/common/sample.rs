//! The sample meeting that screen tests and screenshots show: two weekly
//! meetings' worth of updates on the 2021 list, as a secretary would have
//! recorded them. `examples/screenshots.rs` includes this file by path.

use chrono::NaiveDate;
use duban::model::{State, Status, Update};

/// The meeting every screenshot is taken at, so they never depend on today.
pub fn meeting() -> NaiveDate {
    day(18)
}

/// The meeting held the week before.
fn previous() -> NaiveDate {
    day(11)
}

/// A day of October 2021.
fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 10, d).expect("a real October day")
}

/// Updates on a dozen tasks over the meetings of 11 and 18 October, with the
/// statuses, progress and notes a real meeting produces.
pub fn state() -> State {
    use Status::{Done, InProgress, Lagging, NotStarted};

    let (before, now) = (previous(), meeting());
    let updates = [
        (1, before, InProgress, Some(40), "新建基站800个"),
        (1, now, InProgress, Some(60), "新建基站1200个，年底前可完成"),
        (4, before, InProgress, Some(55), "机房扩建主体完工"),
        (4, now, InProgress, Some(70), "设备已到货，正在安装调试"),
        (7, now, InProgress, Some(55), "已建成充电桩1100个"),
        (20, before, InProgress, Some(30), "已认定智能工厂3家"),
        (
            20,
            now,
            Lagging,
            Some(35),
            "新认定4家，低于序时进度，需加快申报",
        ),
        (33, now, InProgress, Some(50), "双全双百事项梳理完成"),
        (34, before, InProgress, Some(90), ""),
        (34, now, Done, Some(100), "74项跨省通办事项已全部上线"),
        (36, now, NotStarted, None, "方案征求意见中"),
        (38, now, Done, Some(100), "应用服务事项已达720项"),
        (39, before, InProgress, None, ""),
        (
            39,
            now,
            Lagging,
            Some(20),
            "方案尚未定稿，需<市委>协调 & 推进",
        ),
        (42, now, InProgress, Some(45), ""),
        (44, now, InProgress, Some(35), "分析平台完成招标"),
        (54, before, InProgress, Some(60), ""),
        (54, now, InProgress, Some(65), "新增云主机200台"),
        (70, now, Lagging, Some(15), "地址编码规则待省厅确认"),
        (80, now, Done, Some(100), "首批供需清单已发布"),
    ];

    let mut state = State::default();
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
