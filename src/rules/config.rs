//! The numbers of the warning rules, as the workspace's config file sets them.
//!
//! The defaults are the "Default warning rules" of the product brief. Every
//! field has a default, so a file that names only some settings keeps the rest.

use serde::{Deserialize, Serialize};

use crate::model::Role;

/// Every threshold of the task lights and the unit warning levels.
///
/// A meeting count of 0 turns its rule off, since "0 meetings in a row" would
/// otherwise hold for every task.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RulesConfig {
    /// Red when progress is more than this many points below the time-proportional
    /// schedule (序时进度).
    pub red_points_behind: f64,
    /// Red when the task was 未启动 at this many meetings in a row, counting this
    /// meeting (4: this meeting and the 3 before it).
    pub red_not_started_meetings: u32,
    /// Yellow when the deadline is at most this many days after the date.
    pub yellow_days_to_deadline: u32,
    /// Yellow when progress is more than this many points below the schedule.
    pub yellow_points_behind: f64,
    /// Yellow when the task had no update at this many meetings in a row, counting
    /// this meeting (2: this meeting and the previous one).
    pub yellow_no_update_meetings: u32,
    /// 约谈 when a task of the unit was red at this many meetings in a row, counting
    /// this meeting (3: this meeting and the 2 before it).
    pub interview_red_meetings: u32,
    /// 约谈 when the unit has at least this many red tasks.
    pub interview_red_tasks: u32,
    /// 约谈 when a task of the unit is open more than this many days past its deadline.
    pub interview_days_overdue: u32,
    /// 预警 when a task of the unit was yellow at this many meetings in a row, counting
    /// this meeting (2: this meeting and the previous one).
    pub warning_yellow_meetings: u32,
    /// The roles that make a unit accountable for a task; the others are listed
    /// but not counted.
    pub accountable_roles: Vec<Role>,
}

impl Default for RulesConfig {
    fn default() -> Self {
        RulesConfig {
            red_points_behind: 30.0,
            red_not_started_meetings: 4,
            yellow_days_to_deadline: 14,
            yellow_points_behind: 10.0,
            yellow_no_update_meetings: 2,
            interview_red_meetings: 3,
            interview_red_tasks: 3,
            interview_days_overdue: 30,
            warning_yellow_meetings: 2,
            accountable_roles: vec![Role::Lead, Role::Responsible],
        }
    }
}

impl RulesConfig {
    /// The first setting that cannot be used, with its field name and why.
    pub fn problem(&self) -> Option<(&'static str, String)> {
        let points = [
            ("red_points_behind", self.red_points_behind),
            ("yellow_points_behind", self.yellow_points_behind),
        ];
        let out_of_range = points.into_iter().find_map(|(field, value)| {
            let fine = value.is_finite() && (0.0..=100.0).contains(&value);
            let problem = format!("{field} 为 {value}，但落后序时进度的点数应在 0 到 100 之间");
            (!fine).then_some((field, problem))
        });
        out_of_range.or_else(|| {
            let problem = format!(
                "yellow_points_behind（{}）大于 red_points_behind（{}）：任务会先亮红灯\
                 再亮黄灯；请把它改小",
                self.yellow_points_behind, self.red_points_behind
            );
            (self.yellow_points_behind > self.red_points_behind)
                .then_some(("yellow_points_behind", problem))
        })
    }

    /// Whether a unit in this role is held accountable for the task.
    pub fn accountable(&self, role: Role) -> bool {
        self.accountable_roles.contains(&role)
    }
}

/// The defaults as commented RON, one comment line above each setting, for the
/// config file written on first use. It parses to exactly [`RulesConfig::default`].
pub const TEMPLATE: &str = "\
(
    // Red: progress more than this many points below the time-proportional schedule.
    red_points_behind: 30.0,
    // Red: 未启动 at this many meetings in a row, this one included (0 turns it off).
    red_not_started_meetings: 4,
    // Yellow: the deadline is at most this many days away.
    yellow_days_to_deadline: 14,
    // Yellow: progress more than this many points below the schedule.
    yellow_points_behind: 10.0,
    // Yellow: no update at this many meetings in a row, this one included (0: off).
    yellow_no_update_meetings: 2,
    // 约谈: a task red at this many meetings in a row, this one included (0: off).
    interview_red_meetings: 3,
    // 约谈: at least this many red tasks (0: off).
    interview_red_tasks: 3,
    // 约谈: a task not done more than this many days past its deadline.
    interview_days_overdue: 30,
    // 预警: a task yellow at this many meetings in a row, this one included (0: off).
    warning_yellow_meetings: 2,
    // Roles that count against a unit: Lead (牵头), Responsible (负责), Cooperating (配合).
    accountable_roles: [Lead, Responsible],
)
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_parses_to_the_defaults() {
        let parsed: RulesConfig = ron::from_str(TEMPLATE).unwrap();
        assert_eq!(parsed, RulesConfig::default());
    }

    #[test]
    fn the_template_has_one_comment_above_every_setting() {
        let serialized = ron::to_string(&RulesConfig::default()).unwrap();
        let value: ron::Value = ron::from_str(&serialized).unwrap();
        let ron::Value::Map(fields) = value else {
            panic!("a struct serializes as a map: {serialized}");
        };
        let lines: Vec<&str> = TEMPLATE.lines().map(str::trim).collect();
        for (key, _) in fields.iter() {
            let ron::Value::String(name) = key else {
                panic!("field names are strings");
            };
            let at = lines
                .iter()
                .position(|l| l.starts_with(&format!("{name}:")))
                .unwrap_or_else(|| panic!("the template misses {name}"));
            assert!(lines[at - 1].starts_with("//"), "no comment above {name}");
        }
    }

    #[test]
    fn missing_fields_keep_their_defaults() {
        let parsed: RulesConfig = ron::from_str("(red_points_behind: 25)").unwrap();
        let expected = RulesConfig {
            red_points_behind: 25.0,
            ..RulesConfig::default()
        };
        assert_eq!(parsed, expected);
        let empty: RulesConfig = ron::from_str("()").unwrap();
        assert_eq!(empty, RulesConfig::default());
    }

    #[test]
    fn template_lines_fit_the_file_width() {
        for line in TEMPLATE.lines() {
            assert!(line.chars().count() <= 100, "too long: {line}");
        }
    }
}
