//! The board's filters: by category, unit, status and search, combined.
//!
//! Shared by the TUI and `duban list`, so that a filter means the same in both.

use std::fmt;

use crate::model::{Status, TaskList};
use crate::rules::Light;
use crate::search::{Field, FieldArena, FieldRef, Matcher, Query};

/// Which tasks to show. Every set part must hold; an empty filter shows all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// The short label of a category.
    pub category: Option<String>,
    /// A unit's full name; tasks naming it in any role.
    pub unit: Option<String>,
    /// A recorded status.
    pub status: Option<Status>,
    /// A light; done tasks, which have none, never pass.
    pub light: Option<Light>,
    /// Search text over the task's content and units.
    pub search: String,
}

impl Filter {
    /// Whether any part is set.
    pub fn is_active(&self) -> bool {
        self.category.is_some()
            || self.unit.is_some()
            || self.status.is_some()
            || self.light.is_some()
            || !self.search.trim().is_empty()
    }
}

/// The searchable texts of every task, prepared once per list.
#[derive(Clone, Debug)]
pub struct TaskIndex {
    /// Two texts per task, in list order: content, then units.
    fields: FieldArena,
}

/// Which field of a task a highlight belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskField {
    /// The task's content (主要任务).
    Content = 0,
    /// The task's units, joined with 、.
    Units = 1,
}

impl TaskIndex {
    /// Prepares the content and units of each task, in list order.
    pub fn new(list: &TaskList) -> TaskIndex {
        let mut fields = FieldArena::default();
        for task in &list.tasks {
            fields.push(Field::new(&task.content));
            fields.push(Field::names(&task.units_joined()));
        }
        TaskIndex { fields }
    }

    /// The prepared field of the task at `index` in the list.
    pub fn field(&self, index: usize, which: TaskField) -> FieldRef<'_> {
        self.fields.get(2 * index + which as usize)
    }

    /// Both prepared fields of the task at `index`.
    fn fields(&self, index: usize) -> [FieldRef<'_>; 2] {
        [
            self.field(index, TaskField::Content),
            self.field(index, TaskField::Units),
        ]
    }
}

/// What the filters need to know of a task beyond its text: its status and its
/// light (`None` when it is done).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    /// The latest status recorded.
    pub status: Status,
    /// The light at the date the board is evaluated at.
    pub light: Option<Light>,
}

/// From this many candidates on, scoring is split across threads.
const PARALLEL_FROM: usize = 20_000;

/// The tasks a filter lets through, as indices into the list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filtered {
    /// In the order to show: best search hits first, otherwise list order.
    pub ranked: Vec<usize>,
    /// The same tasks in list order, for narrowing the next search: walking
    /// the index in order reads memory in order, which ranked order does not.
    pub in_order: Vec<usize>,
}

/// Applies the filter: the indices of matching tasks, best search hits first,
/// otherwise in list order.
pub fn apply(
    filter: &Filter,
    list: &TaskList,
    index: &TaskIndex,
    matcher: &Matcher,
    facts: impl Fn(usize) -> Facts + Sync,
) -> Vec<usize> {
    apply_within(filter, list, index, matcher, facts, None).ranked
}

/// Applies the filter to the tasks `within` (list order), or to all.
///
/// Narrowing to an earlier result is valid whenever the earlier search text is
/// a prefix of this one: adding characters to a query can only remove matches.
pub fn apply_within(
    filter: &Filter,
    list: &TaskList,
    index: &TaskIndex,
    matcher: &Matcher,
    facts: impl Fn(usize) -> Facts + Sync,
    within: Option<&[usize]>,
) -> Filtered {
    let query = Query::parse(&filter.search);
    let keep = |&i: &usize| {
        let task = &list.tasks[i];
        filter.category.as_ref().is_none_or(|c| &task.category == c)
            && filter.unit.as_ref().is_none_or(|u| task.has_unit(u))
            && (filter.status.is_none() && filter.light.is_none() || {
                let facts = facts(i);
                filter.status.is_none_or(|s| facts.status == s)
                    && filter.light.is_none_or(|l| facts.light == Some(l))
            })
    };
    let all: Vec<usize>;
    let candidates = match within {
        Some(within) => within,
        None => {
            all = (0..list.tasks.len()).collect();
            &all
        }
    };
    if query.is_empty() {
        let kept: Vec<usize> = candidates.iter().copied().filter(keep).collect();
        return Filtered {
            ranked: kept.clone(),
            in_order: kept,
        };
    }
    // Each part is scored and sorted on its own, so that on a large list both
    // steps run on every core; the sorted parts are then merged.
    let rank = |chunk: &[usize]| -> (Vec<usize>, Vec<Scored>) {
        let kept = chunk.iter().copied().filter(keep);
        let mut scored: Vec<Scored> = kept
            .filter_map(|i| Some((matcher.score(&query, &index.fields(i))?, i)))
            .collect();
        let in_order = scored.iter().map(|&(_, i)| i).collect();
        scored.sort_unstable_by(best_first);
        (in_order, scored)
    };
    let parts = if candidates.len() < PARALLEL_FROM {
        vec![rank(candidates)]
    } else {
        // The first keystroke of a search over 100,000 tasks must still fit in
        // a frame.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = candidates.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let workers: Vec<_> = candidates
                .chunks(chunk)
                .map(|part| scope.spawn(move || rank(part)))
                .collect();
            let joined = workers.into_iter().map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            });
            joined.collect::<Vec<_>>()
        })
    };
    let mut in_order = Vec::new();
    let mut ranked: Vec<Scored> = Vec::new();
    for (order, sorted) in parts {
        in_order.extend(order);
        ranked = merge(ranked, sorted);
    }
    let ranked = ranked.into_iter().map(|(_, i)| i).collect();
    Filtered { ranked, in_order }
}

/// A task's search score and its index in the list.
type Scored = (i64, usize);

/// Higher scores first; among equal scores, list order.
fn best_first(a: &Scored, b: &Scored) -> std::cmp::Ordering {
    b.0.cmp(&a.0).then(a.1.cmp(&b.1))
}

/// Merges two lists each sorted [`best_first`] into one.
fn merge(a: Vec<Scored>, b: Vec<Scored>) -> Vec<Scored> {
    if a.is_empty() {
        return b;
    }
    let mut merged = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
        let next = if best_first(x, y).is_le() {
            a.next()
        } else {
            b.next()
        };
        merged.extend(next);
    }
    merged.extend(a);
    merged.extend(b);
    merged
}

/// Why a name given on the command line chooses no single category or unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ambiguity {
    /// Nothing contains the text; these are all the names there are.
    Unknown(Vec<String>),
    /// Several names contain it; these are they.
    Several(Vec<String>),
}

impl fmt::Display for Ambiguity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ambiguity::Unknown(all) => {
                write!(f, "没有名称包含它；可选的名称有：{}", all.join("、"))
            }
            Ambiguity::Several(some) => {
                write!(
                    f,
                    "它是多个名称的一部分：{}；请多写几个字，只合一个",
                    some.join("、")
                )
            }
        }
    }
}

/// Chooses the one name that equals `text` or, failing that, contains it.
///
/// `names` pairs the name to return with the texts that may be matched against it
/// (a category's short label and its full name).
pub fn resolve<'a>(
    text: &str,
    names: impl IntoIterator<Item = (&'a str, Vec<&'a str>)>,
) -> Result<String, Ambiguity> {
    let text = text.trim();
    let names: Vec<(&str, Vec<&str>)> = names.into_iter().collect();
    if let Some((name, _)) = names.iter().find(|(_, texts)| texts.contains(&text)) {
        return Ok(name.to_string());
    }
    let matching: Vec<String> = names
        .iter()
        .filter(|(_, texts)| texts.iter().any(|t| t.contains(text)))
        .map(|(name, _)| name.to_string())
        .collect();
    match matching.len() {
        1 => Ok(matching.into_iter().next().unwrap_or_default()),
        0 => Err(Ambiguity::Unknown(
            names.iter().map(|(n, _)| n.to_string()).collect(),
        )),
        _ => Err(Ambiguity::Several(matching)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Vec<(&'static str, Vec<&'static str>)> {
        vec![
            ("数字政府", vec!["数字政府", "打造整体高效的数字政府"]),
            ("数字社会", vec!["数字社会", "构建智慧便民的数字社会"]),
        ]
    }

    #[test]
    fn a_large_list_ranks_as_a_small_one_would() {
        let real: TaskList = ron::from_str(crate::storage::BUILTIN_TASKS).unwrap();
        let mut list = real.clone();
        list.tasks = (0..PARALLEL_FROM + 1000)
            .map(|i| real.tasks[i % 90].clone())
            .collect();
        let index = TaskIndex::new(&list);
        let matcher = Matcher::new();
        let filter = Filter {
            search: "dsj".into(),
            ..Filter::default()
        };
        let facts = |_| Facts::default();
        let done = apply_within(&filter, &list, &index, &matcher, facts, None);
        let query = Query::parse("dsj");
        let score = |i: usize| matcher.score(&query, &index.fields(i)).unwrap();
        let expected: Vec<usize> = {
            let mut all: Vec<Scored> = done.in_order.iter().map(|&i| (score(i), i)).collect();
            all.sort_by(best_first);
            all.into_iter().map(|(_, i)| i).collect()
        };
        assert_eq!(done.ranked, expected);
        assert!(done.in_order.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn resolves_an_unambiguous_part() {
        assert_eq!(resolve("数字政府", names()), Ok("数字政府".to_string()));
        assert_eq!(resolve("整体高效", names()), Ok("数字政府".to_string()));
        assert_eq!(resolve("政府", names()), Ok("数字政府".to_string()));
    }

    #[test]
    fn ambiguous_and_unknown_parts_list_the_candidates() {
        assert_eq!(
            resolve("数字", names()),
            Err(Ambiguity::Several(vec![
                "数字政府".into(),
                "数字社会".into()
            ]))
        );
        assert!(matches!(resolve("经济", names()), Err(Ambiguity::Unknown(all)) if all.len() == 2));
    }
}
