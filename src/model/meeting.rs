//! Weekly meetings (调度会), known by their date and ISO week.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// One weekly progress meeting; updates recorded on its date belong to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// The day the meeting is held.
    pub date: NaiveDate,
}

impl Meeting {
    /// The meeting's ISO week label, such as `2021-W42`.
    pub fn week(&self) -> String {
        week_label(self.date)
    }
}

/// The ISO week label of a date, using the ISO week-year.
///
/// Around New Year the ISO year and the calendar year differ: 2024-12-30 falls
/// in 2025-W01 and 2021-01-03 in 2020-W53.
pub fn week_label(date: NaiveDate) -> String {
    let week = date.iso_week();
    format!("{}-W{:02}", week.year(), week.week())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn week_labels_use_the_iso_week_year() {
        assert_eq!(week_label(day(2024, 12, 30)), "2025-W01");
        assert_eq!(week_label(day(2021, 1, 3)), "2020-W53");
        assert_eq!(week_label(day(2021, 1, 4)), "2021-W01");
        assert_eq!(week_label(day(2021, 10, 18)), "2021-W42");
    }
}
