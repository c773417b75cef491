//! Checks of what a file says, beyond its syntax: the problems a person can fix.
//!
//! Each [`Problem`] carries the [`Place`] it is about, in terms of the data
//! (the third task, its `units`), so that storage can point at the line and
//! column of the file where the person has to look.

use std::collections::HashSet;

use super::{State, TaskList};

/// One problem found in a file's content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong, in plain words.
    pub message: String,
    /// Where in the file's data it is.
    pub place: Place,
}

/// A place in a file's data: a top-level field, or an element of a top-level
/// list and, within it, the `nth` occurrence of a field (0 for the first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// A field of the file's outer value, such as `plan_end`.
    Field(&'static str),
    /// Element `index` of the list `list` (`tasks`, `updates`…), at its field
    /// `field` when it has one.
    Item {
        /// The list's field name.
        list: &'static str,
        /// The element's index, from 0.
        index: usize,
        /// The field within the element, and which occurrence of it.
        field: Option<(&'static str, usize)>,
    },
}

impl Place {
    fn item(list: &'static str, index: usize, field: &'static str) -> Place {
        Place::Item {
            list,
            index,
            field: Some((field, 0)),
        }
    }
}

/// Every problem in a task list: duplicate or zero numbers, unknown categories,
/// empty text and names, tasks without units, deadlines outside the plan.
/// Empty when the list is sound.
pub fn validate(list: &TaskList) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut found = |message: String, place: Place| problems.push(Problem { message, place });

    if list.title.trim().is_empty() {
        found("清单没有标题（title）".into(), Place::Field("title"));
    }
    if list.plan_end < list.plan_start {
        let message = format!(
            "计划结束日 plan_end（{}）早于开始日 plan_start（{}）",
            list.plan_end, list.plan_start
        );
        found(message, Place::Field("plan_end"));
    }

    let mut shorts = HashSet::new();
    for (index, category) in list.categories.iter().enumerate() {
        if category.name.trim().is_empty() {
            let message = format!("第 {} 个类别的名称（name）是空的", index + 1);
            found(message, Place::item("categories", index, "name"));
        }
        if category.short.trim().is_empty() {
            let message = format!("第 {} 个类别的简称（short）是空的", index + 1);
            found(message, Place::item("categories", index, "short"));
        } else if !shorts.insert(category.short.as_str()) {
            let message = format!("类别简称“{}”用了两次", category.short);
            found(message, Place::item("categories", index, "short"));
        }
    }

    let mut seen = HashSet::new();
    for (index, task) in list.tasks.iter().enumerate() {
        let at = |field| Place::item("tasks", index, field);
        if task.id == 0 {
            found("任务序号为 0；序号从 1 开始".into(), at("id"));
        } else if !seen.insert(task.id) {
            let message = format!("任务序号 {} 出现了不止一次", task.id);
            found(message, at("id"));
        }
        if list.category(&task.category).is_none() {
            let message = format!(
                "第 {} 项的类别“{}”不存在，请用 categories 里的某个简称（short）",
                task.id, task.category
            );
            found(message, at("category"));
        }
        if task.content.trim().is_empty() {
            found(
                format!("第 {} 项没有任务内容（content）", task.id),
                at("content"),
            );
        }
        if task.units.is_empty() {
            found(
                format!("第 {} 项没有责任单位（units）", task.id),
                at("units"),
            );
        }
        for (nth, unit) in task.units.iter().enumerate() {
            if unit.name.trim().is_empty() {
                let message = format!("第 {} 项有一个责任单位的名称是空的", task.id);
                let field = Some(("name", nth));
                found(
                    message,
                    Place::Item {
                        list: "tasks",
                        index,
                        field,
                    },
                );
            }
        }
        if let Some(deadline) = task.deadline
            && (deadline < list.plan_start || deadline > list.plan_end)
        {
            let message = format!(
                "第 {} 项的截止日期 {deadline} 不在计划期内（{} 至 {}）",
                task.id, list.plan_start, list.plan_end
            );
            found(message, at("deadline"));
        }
    }
    problems
}

/// Every problem in the recorded state against its list: updates for tasks that
/// do not exist, progress outside 0–100.
pub fn validate_state(list: &TaskList, state: &State) -> Vec<Problem> {
    let ids: HashSet<u32> = list.tasks.iter().map(|t| t.id).collect();
    let mut problems = Vec::new();
    for (index, update) in state.updates.iter().enumerate() {
        if !ids.contains(&update.task) {
            problems.push(Problem {
                message: format!(
                    "{} 的一条进展记在第 {} 项上，但清单里没有这一项",
                    update.date, update.task
                ),
                place: Place::item("updates", index, "task"),
            });
        }
        if let Some(progress) = update.progress.filter(|&p| p > 100) {
            problems.push(Problem {
                message: format!(
                    "第 {} 项的一条进展记为 {progress}%，进度应在 0 到 100 之间",
                    update.task
                ),
                place: Place::item("updates", index, "progress"),
            });
        }
    }
    problems
}
