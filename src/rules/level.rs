//! A unit's warning level (预警等级) at a date, from the lights of its tasks.
//!
//! Only tasks where the unit's role is accountable (by default: it leads or is
//! responsible) count; a unit that only cooperates on a task still lists it.

use std::collections::HashMap;

use serde::Serialize;

use super::RulesConfig;
use super::light::{Light, TaskLight, run_fires};
use super::timeline::Evaluation;
use crate::model::{Role, TaskList};

/// A unit's warning level, from the mildest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 提醒: a yellow task.
    Reminder,
    /// 预警: a red task, or a task yellow at this meeting and the previous one.
    Warning,
    /// 约谈: its head is interviewed by the leading group.
    Interview,
}

impl Level {
    /// The Chinese word, as the interview list shows it.
    pub fn label(self) -> &'static str {
        match self {
            Level::Reminder => "提醒",
            Level::Warning => "预警",
            Level::Interview => "约谈",
        }
    }

    /// The ASCII name used in files and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Level::Reminder => "reminder",
            Level::Warning => "warning",
            Level::Interview => "interview",
        }
    }
}

/// One fact that set a unit's level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LevelReason {
    /// 约谈: a task red at this many meetings in a row, up to this one.
    RedStreak {
        /// The task's number.
        task: u32,
        /// The length of the run.
        meetings: usize,
    },
    /// 约谈: this many red tasks.
    RedTasks {
        /// How many of its tasks are red.
        count: usize,
    },
    /// 约谈: a task open this many days past its deadline.
    LongOverdue {
        /// The task's number.
        task: u32,
        /// Days since its deadline.
        days: i64,
    },
    /// 预警: a red task.
    RedTask {
        /// The task's number.
        task: u32,
    },
    /// 预警: a task yellow at this many meetings in a row, up to this one.
    YellowStreak {
        /// The task's number.
        task: u32,
        /// The length of the run.
        meetings: usize,
    },
    /// 提醒: a yellow task.
    YellowTask {
        /// The task's number.
        task: u32,
    },
}

impl LevelReason {
    /// The reason in the words a meeting understands.
    pub fn text(&self) -> String {
        match self {
            LevelReason::RedStreak { task, meetings } => {
                format!("第 {task} 项连续 {meetings} 次调度会红灯")
            }
            LevelReason::RedTasks { count } => format!("红灯任务 {count} 项"),
            LevelReason::LongOverdue { task, days } => format!("第 {task} 项已逾期 {days} 天"),
            LevelReason::RedTask { task } => format!("第 {task} 项红灯"),
            LevelReason::YellowStreak { task, meetings } => {
                format!("第 {task} 项连续 {meetings} 次调度会黄灯")
            }
            LevelReason::YellowTask { task } => format!("第 {task} 项黄灯"),
        }
    }
}

/// A task named on a unit, with the unit's role there and the task's light.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnitTask {
    /// The task's number.
    pub id: u32,
    /// The unit's role on it; the accountable one when it is named twice.
    pub role: Role,
    /// Whether the role counts towards the unit's level.
    pub accountable: bool,
    /// The task's light at D.
    pub light: TaskLight,
    /// Meetings in a row, up to this one, at which the task was red.
    pub red_streak: usize,
    /// Meetings in a row, up to this one, at which the task was yellow.
    pub yellow_streak: usize,
    /// Days the task is past its deadline and not done; 0 when it is not.
    pub overdue: i64,
}

/// A unit's standing at D: its level, the reasons, and its tasks.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnitStanding {
    /// The unit's name.
    pub name: String,
    /// Its warning level; `None` when no rule holds.
    pub level: Option<Level>,
    /// The facts that set the level: those of that level only.
    pub reasons: Vec<LevelReason>,
    /// How many of its accountable tasks are red.
    pub red: usize,
    /// How many of its accountable tasks are yellow.
    pub yellow: usize,
    /// Its longest current red streak: the most meetings in a row, up to this
    /// one, that any one of its accountable tasks has been red.
    pub streak: usize,
    /// The most days any of its open accountable tasks is past its deadline; 0
    /// when none is.
    pub days_overdue: i64,
    /// Every task that names it, accountable or not, in the list's order.
    pub tasks: Vec<UnitTask>,
}

impl UnitStanding {
    /// Every reason's text, joined with 「；」 as one table cell shows them.
    pub fn reasons_text(&self) -> String {
        let texts: Vec<String> = self.reasons.iter().map(LevelReason::text).collect();
        texts.join("；")
    }

    /// Its tasks that count towards its level.
    pub fn accountable_tasks(&self) -> impl Iterator<Item = &UnitTask> {
        self.tasks.iter().filter(|t| t.accountable)
    }
}

/// Every unit named in the list, in the order the list first names it, with
/// its standing in `evaluation`.
pub(super) fn standings(
    list: &TaskList,
    config: &RulesConfig,
    evaluation: &Evaluation,
) -> Vec<UnitStanding> {
    let mut units: Vec<(String, Vec<UnitTask>)> = Vec::new();
    let mut slots: HashMap<&str, usize> = HashMap::new();
    for (task, judged) in list.tasks.iter().zip(&evaluation.tasks) {
        // A unit named twice on a task (牵头 and 配合, say) gets one row, in its
        // accountable role if it has one.
        let mut named: Vec<(&str, Role)> = Vec::new();
        for assignment in &task.units {
            let name = assignment.name.as_str();
            match named.iter_mut().find(|(n, _)| *n == name) {
                Some((_, role)) if !config.accountable(*role) => *role = assignment.role,
                Some(_) => {}
                None => named.push((name, assignment.role)),
            }
        }
        for (name, role) in named {
            let slot = *slots.entry(name).or_insert_with(|| {
                units.push((name.to_string(), Vec::new()));
                units.len() - 1
            });
            units[slot].1.push(UnitTask {
                id: task.id,
                role,
                accountable: config.accountable(role),
                light: judged.light.clone(),
                red_streak: judged.red_streak(),
                yellow_streak: judged.yellow_streak(),
                overdue: judged.overdue,
            });
        }
    }
    units
        .into_iter()
        .map(|(name, tasks)| standing(name, tasks, config))
        .collect()
}

/// One unit's standing, from the tasks that name it.
fn standing(name: String, tasks: Vec<UnitTask>, config: &RulesConfig) -> UnitStanding {
    let counted: Vec<&UnitTask> = tasks.iter().filter(|t| t.accountable).collect();
    let with = |light| counted.iter().filter(move |t| t.light.light == Some(light));
    let red = with(Light::Red).count();
    let yellow = with(Light::Yellow).count();
    let streak = counted.iter().map(|t| t.red_streak).max().unwrap_or(0);
    let days_overdue = counted.iter().map(|t| t.overdue).max().unwrap_or(0);

    let mut interview = Vec::new();
    for t in &counted {
        if run_fires(t.red_streak, config.interview_red_meetings) {
            let (task, meetings) = (t.id, t.red_streak);
            interview.push(LevelReason::RedStreak { task, meetings });
        }
    }
    if config.interview_red_tasks > 0 && red >= config.interview_red_tasks as usize {
        interview.push(LevelReason::RedTasks { count: red });
    }
    for t in &counted {
        if t.overdue > i64::from(config.interview_days_overdue) {
            let (task, days) = (t.id, t.overdue);
            interview.push(LevelReason::LongOverdue { task, days });
        }
    }

    let mut warning: Vec<LevelReason> = with(Light::Red)
        .map(|t| LevelReason::RedTask { task: t.id })
        .collect();
    for t in with(Light::Yellow) {
        if run_fires(t.yellow_streak, config.warning_yellow_meetings) {
            let (task, meetings) = (t.id, t.yellow_streak);
            warning.push(LevelReason::YellowStreak { task, meetings });
        }
    }
    let reminder: Vec<LevelReason> = with(Light::Yellow)
        .map(|t| LevelReason::YellowTask { task: t.id })
        .collect();

    let (level, reasons) = [
        (Level::Interview, interview),
        (Level::Warning, warning),
        (Level::Reminder, reminder),
    ]
    .into_iter()
    .find(|(_, reasons)| !reasons.is_empty())
    .map_or((None, Vec::new()), |(level, reasons)| {
        (Some(level), reasons)
    });
    UnitStanding {
        name,
        level,
        reasons,
        red,
        yellow,
        streak,
        days_overdue,
        tasks,
    }
}
