//! The key-task list (重点任务清单): categories, tasks and their responsible units.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A year's list of key tasks, as the notice's attachment gives it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskList {
    /// The list's title, shown in the header and on printed sheets.
    pub title: String,
    /// The first day of the plan's period.
    #[serde(with = "super::meeting::file_date")]
    pub plan_start: NaiveDate,
    /// The plan's end: every task's deadline unless it sets its own.
    #[serde(with = "super::meeting::file_date")]
    pub plan_end: NaiveDate,
    /// The list's areas, in the notice's order.
    pub categories: Vec<Category>,
    /// The tasks, in number order.
    pub tasks: Vec<Task>,
}

/// One area of the list (类别), with a short label for narrow columns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// The full name, as in the notice: 打造整体高效的数字政府.
    pub name: String,
    /// The short label that tasks refer to and the board shows: 数字政府.
    pub short: String,
}

/// One numbered task (任务) of the list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// The task's number (序号), as spoken in the meeting: 第 38 项.
    pub id: u32,
    /// The short label of its category.
    pub category: String,
    /// What is to be done (主要任务), in clean Chinese text.
    pub content: String,
    /// The units named on the task, each with its role.
    pub units: Vec<Assignment>,
    /// The task's own deadline, when it is earlier than the plan's end.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::meeting::file_date::option"
    )]
    pub deadline: Option<NaiveDate>,
    /// How this row was read from the source, where that took judgment.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source_note: String,
}

/// A unit named on a task, and its role there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    /// The unit's name (责任单位), such as 市大数据中心.
    pub name: String,
    /// Whether it leads, is responsible, or cooperates.
    pub role: Role,
}

/// A unit's role on a task (角色).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// 牵头: leads, with others responsible under it.
    Lead,
    /// 负责: responsible, alone or for its own part.
    Responsible,
    /// 配合: cooperates; listed, but not held accountable.
    Cooperating,
}

impl Role {
    /// The Chinese word for the role.
    pub fn label(self) -> &'static str {
        match self {
            Role::Lead => "牵头",
            Role::Responsible => "负责",
            Role::Cooperating => "配合",
        }
    }
}

/// A unit and the number of tasks that name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitCount {
    /// The unit's name.
    pub name: String,
    /// How many tasks name it, in any role.
    pub tasks: usize,
}

impl Task {
    /// The unit names joined with 、, as a table cell shows them.
    pub fn units_joined(&self) -> String {
        let names: Vec<&str> = self.units.iter().map(|a| a.name.as_str()).collect();
        names.join("、")
    }

    /// Whether the task names this unit, in any role.
    pub fn has_unit(&self, unit: &str) -> bool {
        self.units.iter().any(|a| a.name == unit)
    }
}

impl TaskList {
    /// A task's deadline: its own when it sets one, else the plan's end.
    pub fn deadline(&self, task: &Task) -> NaiveDate {
        task.deadline.unwrap_or(self.plan_end)
    }

    /// The task with this number, if the list has it.
    pub fn task(&self, id: u32) -> Option<&Task> {
        self.tasks.iter().find(|t| t.id == id)
    }

    /// The category with this short label.
    pub fn category(&self, short: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.short == short)
    }

    /// How many tasks each category has, in the list's order of categories.
    pub fn category_counts(&self) -> Vec<(&Category, usize)> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for task in &self.tasks {
            *counts.entry(task.category.as_str()).or_default() += 1;
        }
        self.categories
            .iter()
            .map(|c| (c, counts.get(c.short.as_str()).copied().unwrap_or(0)))
            .collect()
    }

    /// Every unit named in the list with its task count, most tasks first, then
    /// in the order the list first names them.
    pub fn unit_counts(&self) -> Vec<UnitCount> {
        let mut units: Vec<UnitCount> = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        for task in &self.tasks {
            for assignment in &task.units {
                let slot = *index.entry(assignment.name.as_str()).or_insert_with(|| {
                    units.push(UnitCount {
                        name: assignment.name.clone(),
                        tasks: 0,
                    });
                    units.len() - 1
                });
                units[slot].tasks += 1;
            }
        }
        // A stable sort keeps first-named order among units with equal counts.
        units.sort_by_key(|u| std::cmp::Reverse(u.tasks));
        units
    }
}
