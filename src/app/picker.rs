//! The category and unit pickers: a searchable list, each entry with its task count.

use crate::model::TaskList;
use crate::search::{Field, Matcher, Query};

use super::input::TextInput;

/// What a picker chooses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickerKind {
    /// A category (类别).
    Category,
    /// A responsible unit (责任单位).
    Unit,
}

/// One entry of a picker.
#[derive(Clone, Debug)]
pub struct PickerItem {
    /// The filter value it sets; `None` for the entry that clears the filter.
    pub value: Option<String>,
    /// The name shown.
    pub label: String,
    /// More text shown after the name: a category's full name.
    pub detail: String,
    /// How many tasks it has.
    pub count: usize,
    /// The label and detail, prepared for search.
    pub field: Field,
}

/// An open picker: its entries, what is typed, and what passes.
#[derive(Clone, Debug)]
pub struct Picker {
    /// Category or unit.
    pub kind: PickerKind,
    /// Every entry, the clearing entry first.
    pub items: Vec<PickerItem>,
    /// The search typed into the picker.
    pub input: TextInput,
    /// Indices of the entries that match, best first.
    pub visible: Vec<usize>,
    /// Index into `visible` of the highlighted entry.
    pub selected: usize,
}

impl Picker {
    /// A picker over the list's categories or units, with `current` highlighted.
    pub fn new(kind: PickerKind, list: &TaskList, current: Option<&str>) -> Picker {
        let all = item(None, crate::labels::PICK_ALL, "", list.tasks.len());
        let mut items = vec![all];
        match kind {
            PickerKind::Category => {
                for (category, count) in list.category_counts() {
                    items.push(item(
                        Some(&category.short),
                        &category.short,
                        &category.name,
                        count,
                    ));
                }
            }
            PickerKind::Unit => {
                for unit in list.unit_counts() {
                    items.push(item(Some(&unit.name), &unit.name, "", unit.tasks));
                }
            }
        }
        let visible: Vec<usize> = (0..items.len()).collect();
        let selected = items
            .iter()
            .position(|i| i.value.as_deref() == current)
            .unwrap_or(0);
        Picker {
            kind,
            items,
            input: TextInput::prompt(""),
            visible,
            selected,
        }
    }

    /// Re-filters the entries after the search text changed.
    pub fn refresh(&mut self, matcher: &Matcher) {
        let query = Query::parse(self.input.value());
        let mut scored: Vec<(i64, usize)> = self
            .items
            .iter()
            .enumerate()
            .filter(|(_, item)| query.is_empty() || item.value.is_some())
            .filter_map(|(i, item)| Some((matcher.score(&query, &[item.field.as_ref()])?, i)))
            .collect();
        if !query.is_empty() {
            scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        }
        self.visible = scored.into_iter().map(|(_, i)| i).collect();
        self.selected = 0;
    }

    /// The highlighted entry, if any passes the search.
    pub fn chosen(&self) -> Option<&PickerItem> {
        self.visible.get(self.selected).map(|&i| &self.items[i])
    }

    /// Moves the highlight by `step` rows, staying within the list.
    pub fn step(&mut self, step: isize) {
        let last = self.visible.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(step).min(last);
    }
}

fn item(value: Option<&str>, label: &str, detail: &str, count: usize) -> PickerItem {
    PickerItem {
        value: value.map(str::to_string),
        label: label.to_string(),
        detail: detail.to_string(),
        count,
        field: Field::new(&format!("{label} {detail}")),
    }
}
