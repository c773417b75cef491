//! Weekly meetings (调度会), known by their date and ISO week.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// One weekly progress meeting; updates recorded on its date belong to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// The day the meeting is held.
    #[serde(with = "file_date")]
    pub date: NaiveDate,
}

impl Meeting {
    /// The meeting's ISO week label, such as `2021-W42`.
    pub fn week(&self) -> String {
        week_label(self.date)
    }
}

/// Reads a date written `YYYY-MM-DD`, with a four-digit year: `21-10-18` would
/// otherwise be read as the year 21.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    strict_date(text).ok_or_else(|| {
        let text = text.trim();
        format!("“{text}”不是日期，请按 年-月-日 输入，如 2021-10-18")
    })
}

/// A real calendar date written `YYYY-MM-DD` with a four-digit year.
fn strict_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let year_digits = text.split('-').next().map_or(0, str::len);
    let four_digits = year_digits == 4 && text.starts_with(|c: char| c.is_ascii_digit());
    let parsed = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
    parsed.filter(|_| four_digits)
}

/// Dates in files, as `"YYYY-MM-DD"`; one that is not a real date is refused
/// in words a person editing the file can act on, rather than chrono's
/// "input is out of range".
pub mod file_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serialize, Serializer, de::Error};

    /// Writes the date as `"YYYY-MM-DD"`.
    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        date.serialize(serializer)
    }

    /// Reads a `"YYYY-MM-DD"` date.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(deserializer)?;
        read(&text).map_err(D::Error::custom)
    }

    pub(super) fn read(text: &str) -> Result<NaiveDate, String> {
        super::strict_date(text).ok_or_else(|| {
            format!(
                "“{text}”不是日历上的日期；日期请写成 \"YYYY-MM-DD\"，年份四位，\
                 如 \"2021-10-18\""
            )
        })
    }

    /// The same for an optional date, such as a task's own deadline.
    pub mod option {
        use chrono::NaiveDate;
        use serde::{Deserialize, Deserializer, Serialize, Serializer, de::Error};

        /// Writes the date, or nothing.
        pub fn serialize<S: Serializer>(
            date: &Option<NaiveDate>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            date.serialize(serializer)
        }

        /// Reads `Some("YYYY-MM-DD")` or `None`.
        pub fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<NaiveDate>, D::Error> {
            let text = Option::<String>::deserialize(deserializer)?;
            text.map(|t| super::read(&t).map_err(D::Error::custom))
                .transpose()
        }
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
    fn dates_need_a_four_digit_year() {
        assert_eq!(parse_date("2021-10-18"), Ok(day(2021, 10, 18)));
        assert_eq!(parse_date(" 2021-1-8 "), Ok(day(2021, 1, 8)));
        for bad in [
            "21-10-18",
            "+12021-01-08",
            "2021-13-01",
            "2021-02-30",
            "",
            "昨天",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn week_labels_use_the_iso_week_year() {
        assert_eq!(week_label(day(2024, 12, 30)), "2025-W01");
        assert_eq!(week_label(day(2021, 1, 3)), "2020-W53");
        assert_eq!(week_label(day(2021, 1, 4)), "2021-W01");
        assert_eq!(week_label(day(2021, 10, 18)), "2021-W42");
    }
}
