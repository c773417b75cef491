//! A task's light (红黄绿灯) at one date, the reasons that lit it, and the schedule.
//!
//! [`judge`] applies the red and yellow rules to what is known of a task at a
//! date; walking the meetings to gather that knowledge is [`super::timeline`]'s.

use chrono::NaiveDate;
use serde::Serialize;

use super::RulesConfig;
use crate::model::Status;

/// The warning colour of an open task. A done task is closed and has none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Light {
    /// 绿灯: on track.
    Green,
    /// 黄灯: needs watching.
    Yellow,
    /// 红灯: behind; the unit is warned.
    Red,
}

impl Light {
    /// Every light, from the most urgent.
    pub const ALL: [Light; 3] = [Light::Red, Light::Yellow, Light::Green];

    /// The Chinese word, as the meeting says it.
    pub fn label(self) -> &'static str {
        match self {
            Light::Green => "绿灯",
            Light::Yellow => "黄灯",
            Light::Red => "红灯",
        }
    }

    /// The ASCII name used in files and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Light::Green => "green",
            Light::Yellow => "yellow",
            Light::Red => "red",
        }
    }

    /// Reads a light from its ASCII name or its Chinese word.
    pub fn parse(text: &str) -> Option<Light> {
        let text = text.trim();
        Light::ALL
            .into_iter()
            .find(|l| l.name() == text || l.label() == text)
    }
}

/// One fact that lit a task's light.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Red: the deadline has passed by this many days.
    Overdue {
        /// Days since the deadline, at least 1.
        days: i64,
    },
    /// Red: the unit reports the task as 滞后.
    StatusLagging,
    /// Red or yellow, by the gap: the latest progress is below the schedule.
    BehindSchedule {
        /// The latest progress recorded, in percent.
        progress: u8,
        /// The time-proportional schedule (序时进度) at the date, in percent.
        schedule: f64,
    },
    /// Red: 未启动 at this many meetings in a row, up to this one.
    NotStartedFor {
        /// The length of the run, at least the configured count.
        meetings: usize,
    },
    /// Yellow: the deadline is this many days away (0: it is today).
    DeadlineSoon {
        /// Days until the deadline.
        days: i64,
    },
    /// Yellow: no update at this many meetings in a row, up to this one.
    NoUpdate {
        /// The length of the run, at least the configured count.
        meetings: usize,
    },
    /// Yellow: the task was red at the previous meeting, so it passes through
    /// yellow before green.
    WasRed,
}

impl Reason {
    /// The reason in the words a meeting understands.
    pub fn text(&self) -> String {
        match self {
            Reason::Overdue { days } => format!("已逾期 {days} 天"),
            Reason::StatusLagging => "状态为滞后".to_string(),
            Reason::BehindSchedule { progress, schedule } => {
                format!("进度 {progress}%，序时进度 {}%", percent(*schedule))
            }
            Reason::NotStartedFor { meetings } => format!("连续 {meetings} 次调度会未启动"),
            Reason::DeadlineSoon { days: 0 } => "今天截止".to_string(),
            Reason::DeadlineSoon { days } => format!("距截止 {days} 天"),
            Reason::NoUpdate { meetings } => format!("连续 {meetings} 次调度会无进展"),
            Reason::WasRed => "上次调度会为红灯".to_string(),
        }
    }
}

/// A task's light at a date with the reasons that lit it: those of its colour
/// only (a red task lists its red reasons). Green and closed have none.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TaskLight {
    /// The colour; `None` when the task is done (closed).
    pub light: Option<Light>,
    /// Why, in the order of the rules.
    pub reasons: Vec<Reason>,
}

impl TaskLight {
    /// The light of a done task.
    pub fn closed() -> TaskLight {
        TaskLight {
            light: None,
            reasons: Vec::new(),
        }
    }

    /// Whether the task is done.
    pub fn is_closed(&self) -> bool {
        self.light.is_none()
    }

    /// Every reason's text, joined with 「；」 as one table cell shows them.
    pub fn reasons_text(&self) -> String {
        let texts: Vec<String> = self.reasons.iter().map(Reason::text).collect();
        texts.join("；")
    }
}

/// The time-proportional schedule (序时进度) at `date`, in percent: the share of
/// the days from `start` to `deadline` that have passed, 0 on the first day and
/// 100 on the deadline and after.
pub fn schedule(start: NaiveDate, deadline: NaiveDate, date: NaiveDate) -> f64 {
    if date >= deadline {
        return 100.0;
    }
    if date <= start {
        return 0.0;
    }
    let passed = (date - start).num_days() as f64;
    let period = (deadline - start).num_days() as f64;
    passed * 100.0 / period
}

/// A percentage to one decimal, without a trailing ".0", rounded *up*: with
/// whole-number thresholds, a gap that fires never reads as exactly on the
/// threshold, and one that does not never reads as past it.
fn percent(value: f64) -> String {
    // The small allowance keeps float noise (80.00000000001) from rounding up.
    let tenths = (value * 10.0 - 1e-6).ceil();
    if tenths % 10.0 == 0.0 {
        format!("{}", tenths / 10.0)
    } else {
        format!("{:.1}", tenths / 10.0)
    }
}

/// What is known of an open or closed task at one date: enough to judge its light.
#[derive(Clone, Copy, Debug)]
pub(super) struct Facts {
    /// The date the light is for.
    pub date: NaiveDate,
    /// The start of the task's period: the plan's start.
    pub start: NaiveDate,
    /// The task's deadline.
    pub deadline: NaiveDate,
    /// The status of its latest update on or before the date.
    pub status: Status,
    /// Its latest recorded progress on or before the date.
    pub progress: Option<u8>,
    /// Meetings in a row, up to this one, at which it stood 未启动.
    pub not_started_run: usize,
    /// Meetings in a row, up to this one, with no update of it.
    pub no_update_run: usize,
    /// Whether it was red at the previous meeting.
    pub was_red: bool,
}

/// The light the rules give a task: red when a red rule holds, else yellow when
/// a yellow rule holds, else green; closed when it is done.
pub(super) fn judge(facts: &Facts, config: &RulesConfig) -> TaskLight {
    if facts.status == Status::Done {
        return TaskLight::closed();
    }
    let days_left = (facts.deadline - facts.date).num_days();
    let behind = facts.progress.map(|progress| {
        let schedule = schedule(facts.start, facts.deadline, facts.date);
        let gap = schedule - f64::from(progress);
        (Reason::BehindSchedule { progress, schedule }, gap)
    });

    let mut red = Vec::new();
    if days_left < 0 {
        red.push(Reason::Overdue { days: -days_left });
    }
    if facts.status == Status::Lagging {
        red.push(Reason::StatusLagging);
    }
    if let Some((reason, gap)) = &behind
        && *gap > config.red_points_behind
    {
        red.push(reason.clone());
    }
    if run_fires(facts.not_started_run, config.red_not_started_meetings) {
        let meetings = facts.not_started_run;
        red.push(Reason::NotStartedFor { meetings });
    }
    if !red.is_empty() {
        return lit(Light::Red, red);
    }

    let mut yellow = Vec::new();
    if days_left <= i64::from(config.yellow_days_to_deadline) {
        yellow.push(Reason::DeadlineSoon { days: days_left });
    }
    if let Some((reason, gap)) = behind
        && gap > config.yellow_points_behind
    {
        yellow.push(reason);
    }
    if run_fires(facts.no_update_run, config.yellow_no_update_meetings) {
        let meetings = facts.no_update_run;
        yellow.push(Reason::NoUpdate { meetings });
    }
    if facts.was_red {
        yellow.push(Reason::WasRed);
    }
    if !yellow.is_empty() {
        return lit(Light::Yellow, yellow);
    }
    lit(Light::Green, Vec::new())
}

/// Whether a run of meetings reaches a look-back of `needed` meetings; a run
/// never exceeds the meetings held, so a look-back over more does not fire.
pub(super) fn run_fires(run: usize, needed: u32) -> bool {
    needed > 0 && run >= needed as usize
}

fn lit(light: Light, reasons: Vec<Reason>) -> TaskLight {
    TaskLight {
        light: Some(light),
        reasons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2021, m, d).unwrap()
    }

    #[test]
    fn schedule_is_the_share_of_the_period_passed() {
        let (start, end) = (day(1, 1), day(7, 20)); // 200 days
        let cases = [
            (day(1, 1), 0.0),
            (day(3, 2), 30.0),
            (day(3, 3), 30.5),
            (day(7, 20), 100.0),
            (day(12, 1), 100.0),
        ];
        for (date, expected) in cases {
            assert_eq!(schedule(start, end, date), expected, "at {date}");
        }
        assert_eq!(schedule(start, end, day(1, 1) - chrono::Days::new(5)), 0.0);
        // A period of no days: due at once.
        assert_eq!(schedule(start, start, start), 100.0);
    }

    #[test]
    fn reasons_read_as_a_meeting_says_them() {
        let cases = [
            (Reason::Overdue { days: 12 }, "已逾期 12 天"),
            (Reason::StatusLagging, "状态为滞后"),
            (
                Reason::BehindSchedule {
                    progress: 40,
                    schedule: 80.0,
                },
                "进度 40%，序时进度 80%",
            ),
            (
                Reason::BehindSchedule {
                    progress: 0,
                    schedule: 30.000_001,
                },
                "进度 0%，序时进度 30.1%",
            ),
            (
                Reason::BehindSchedule {
                    progress: 0,
                    schedule: 100.0 * 61.0 / 200.0,
                },
                "进度 0%，序时进度 30.5%",
            ),
            (
                Reason::NotStartedFor { meetings: 4 },
                "连续 4 次调度会未启动",
            ),
            (Reason::DeadlineSoon { days: 10 }, "距截止 10 天"),
            (Reason::DeadlineSoon { days: 0 }, "今天截止"),
            (Reason::NoUpdate { meetings: 2 }, "连续 2 次调度会无进展"),
            (Reason::WasRed, "上次调度会为红灯"),
        ];
        for (reason, text) in cases {
            assert_eq!(reason.text(), text);
        }
    }

    #[test]
    fn lights_parse_from_names_and_words() {
        for light in Light::ALL {
            assert_eq!(Light::parse(light.name()), Some(light));
            assert_eq!(Light::parse(light.label()), Some(light));
        }
        assert_eq!(Light::parse("amber"), None);
    }
}
