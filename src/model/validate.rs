//! Checks of what a file says, beyond its syntax: the problems a person can fix.

use std::collections::HashSet;

use super::{State, TaskList};

/// Every problem in a task list: duplicate numbers, unknown categories, empty
/// text, tasks without units. Empty when the list is sound.
pub fn validate(list: &TaskList) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for task in &list.tasks {
        if !seen.insert(task.id) {
            problems.push(format!("task number {} appears more than once", task.id));
        }
        if list.category(&task.category).is_none() {
            problems.push(format!(
                "task {} names unknown category \"{}\"",
                task.id, task.category
            ));
        }
        if task.content.trim().is_empty() {
            problems.push(format!("task {} has no content", task.id));
        }
        if task.units.is_empty() {
            problems.push(format!("task {} names no unit", task.id));
        }
        if task.units.iter().any(|u| u.name.trim().is_empty()) {
            problems.push(format!("task {} has a unit with an empty name", task.id));
        }
    }
    if list.plan_end < list.plan_start {
        problems.push("plan_end is before plan_start".to_string());
    }
    problems
}

/// Every problem in the recorded state against its list: updates for tasks that
/// do not exist, progress outside 0–100.
pub fn validate_state(list: &TaskList, state: &State) -> Vec<String> {
    let ids: HashSet<u32> = list.tasks.iter().map(|t| t.id).collect();
    let mut problems = Vec::new();
    for update in &state.updates {
        if !ids.contains(&update.task) {
            problems.push(format!(
                "an update of {} is for task {}, which the list does not have",
                update.date, update.task
            ));
        }
        if update.progress.is_some_and(|p| p > 100) {
            problems.push(format!(
                "an update of task {} gives progress over 100%",
                update.task
            ));
        }
    }
    problems
}
