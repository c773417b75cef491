//! When the state file fails to parse whole, its updates and meetings parsed
//! one by one, so that every bad entry is reported at once rather than the
//! first: a secretary mending a hand-edited file should not have to run
//! `duban check` once per mistake.
//!
//! `ron` stops at its first error; here each element's text is parsed on its
//! own, at its own place in the file, and the entries that parse are checked
//! against the task list as a whole file would be.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::error::{Located, StorageError, locate};
use super::excerpt::excerpt;
use super::locate::{Element, elements};
use crate::model::{Meeting, Place, State, TaskList, Update, validate_state};

/// Every problem of a state file `source` that failed to parse, when they lie
/// in its updates or meetings; `None` when the fault is elsewhere (a bracket
/// of the file itself, say), for the whole file's error to stand.
pub fn state_problems(path: &Path, source: &str, tasks: Option<&TaskList>) -> Option<StorageError> {
    let (updates, mut problems) = parse_list::<Update>(path, source, "updates")?;
    let (_, meeting_problems) = parse_list::<Meeting>(path, source, "meetings").unwrap_or_default();
    problems.extend(meeting_problems);
    if problems.is_empty() {
        return None;
    }

    // The updates that parsed, checked as a file of only them would be, with
    // each problem put back at its own element's place.
    if let Some(tasks) = tasks {
        let (indices, parsed): (Vec<usize>, Vec<Update>) = updates
            .into_iter()
            .enumerate()
            .filter_map(|(index, update)| update.map(|u| (index, u)))
            .unzip();
        let state = State {
            meetings: Vec::new(),
            updates: parsed,
        };
        let mut found = validate_state(tasks, &state);
        for problem in &mut found {
            if let Place::Item { list, index, .. } = &mut problem.place
                && *list == "updates"
            {
                *index = indices[*index];
            }
        }
        problems.extend(locate(path, source, found));
    }
    problems.sort_by_key(|p| (p.line, p.column));
    Some(StorageError::Invalid {
        path: path.to_path_buf(),
        problems,
    })
}

/// Each element of the list `list` parsed on its own: the value, or `None`
/// with its problem; `None` for all when the list cannot be found whole.
fn parse_list<T: DeserializeOwned>(
    path: &Path,
    source: &str,
    list: &str,
) -> Option<(Vec<Option<T>>, Vec<Located>)> {
    let mut values = Vec::new();
    let mut problems = Vec::new();
    for element in elements(source, list)? {
        match parse_element(path, source, &element) {
            Ok(value) => values.push(Some(value)),
            Err(problem) => {
                values.push(None);
                problems.push(problem);
            }
        }
    }
    Some((values, problems))
}

/// Parses one element where it stands: the text before it is blanked, lines
/// kept, so that the parser's line and column are the file's.
fn parse_element<T: DeserializeOwned>(
    path: &Path,
    source: &str,
    element: &Element,
) -> Result<T, Located> {
    let start = element.bytes.start;
    let line_start = source[..start].rfind('\n').map_or(0, |n| n + 1);
    let (line, _) = element.at;
    let before = "\n".repeat(line - 1) + &" ".repeat(source[line_start..start].chars().count());
    let text = format!("{before}{}", &source[element.bytes.clone()]);
    ron::from_str(&text).map_err(|error| {
        let mut located = StorageError::syntax_place(path, &text, &error);
        located.excerpt = excerpt(source, located.line, located.column);
        located
    })
}
