//! The values the command line accepts — task numbers, statuses, progress and
//! lights — each read by a clap value parser that refuses in Chinese words.
//!
//! clap's own parsers for numbers say "invalid digit found in string" or
//! "150 is not in 0..=100"; these say what the value should have been. Their
//! messages reach the user whole, inside the frame `usage` puts around them.

use crate::model::Status;
use crate::rules::Light;

/// Reads a task number (序号). Any whole number is taken here, so that a
/// number the list lacks is refused later with the list's real range.
pub fn parse_task_id(text: &str) -> Result<u32, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("任务序号“{text}”不对：应是整数，如 38"))
}

/// Reads a progress in percent, a whole number from 0 to 100.
pub fn parse_progress(text: &str) -> Result<u8, String> {
    let number = text.trim().parse::<u8>().ok();
    number
        .filter(|n| *n <= 100)
        .ok_or_else(|| format!("进度“{text}”不对：应是 0 到 100 之间的整数"))
}

/// Reads a status by its ASCII name or its Chinese word.
pub fn parse_status(text: &str) -> Result<Status, String> {
    Status::parse(text).ok_or_else(|| {
        format!(
            "没有“{text}”这个状态；请用 not_started、in_progress、lagging、done \
             或 未启动、推进中、滞后、已完成"
        )
    })
}

/// Reads a light by its ASCII name, its label (红灯) or its colour alone (红).
pub fn parse_light(text: &str) -> Result<Light, String> {
    // 红, 黄 and 绿 alone are how a meeting says them; the label adds 灯.
    let short = |l: &Light| l.label().strip_suffix('灯') == Some(text.trim());
    Light::parse(text)
        .or_else(|| Light::ALL.into_iter().find(short))
        .ok_or_else(|| {
            format!(
                "没有“{text}”这种灯色；请用 red、yellow、green，或 红灯、黄灯、绿灯、红、黄、绿"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_numbers_are_whole_numbers_and_refused_in_chinese() {
        assert_eq!(parse_task_id("38"), Ok(38));
        assert_eq!(parse_task_id(" 7 "), Ok(7));
        // 0 is a number; that the list has no task 0 is said elsewhere.
        assert_eq!(parse_task_id("0"), Ok(0));
        for bad in ["abc", "-3", "3.5", "", "99999999999"] {
            let message = parse_task_id(bad).unwrap_err();
            assert!(message.contains(&format!("“{bad}”")), "{message}");
            assert!(message.contains("如 38"), "{message}");
        }
    }

    #[test]
    fn progress_is_0_to_100_and_refused_in_chinese() {
        assert_eq!(parse_progress("0"), Ok(0));
        assert_eq!(parse_progress("100"), Ok(100));
        for bad in ["150", "101", "-5", "50%", "abc", "256"] {
            let message = parse_progress(bad).unwrap_err();
            assert_eq!(
                message,
                format!("进度“{bad}”不对：应是 0 到 100 之间的整数")
            );
        }
    }

    #[test]
    fn lights_are_read_by_name_label_or_colour() {
        for light in Light::ALL {
            let colour = light.label().strip_suffix('灯').unwrap();
            assert_eq!(parse_light(colour), Ok(light));
            assert_eq!(parse_light(light.label()), Ok(light));
        }
        assert!(parse_light("紫").unwrap_err().contains("“紫”"));
    }
}
