//! Mistakes on the command line, said in Chinese.
//!
//! clap explains a mistake in English ("invalid value '150' for …"), so its
//! error is not printed: the parts it records — the argument, the value, the
//! valid values, a suggestion — are put into a Chinese sentence that says what
//! is wrong and what to do, followed by the usage line of the command meant.
//! Help and the version are printed as clap writes them; `help` has made
//! their words Chinese.

use std::error::Error as _;
use std::ffi::OsString;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command, FromArgMatches};

use super::{Cli, help};

/// The exit code of a command line that cannot be run, as clap has it.
const USAGE_ERROR: u8 = 2;

/// Why parsing gave no [`Cli`] to run.
#[derive(Debug)]
pub enum Stop {
    /// `--help`, `--version` or `help` was asked for; clap prints it.
    Shown(clap::Error),
    /// A mistake in the command line, worded in Chinese.
    Refused(String),
}

impl Stop {
    /// Prints help on stdout or the mistake on stderr, and gives the exit
    /// code: 0 after help, 2 after a mistake.
    pub fn finish(self) -> ExitCode {
        match self {
            Stop::Shown(shown) => {
                // A reader that stops early (`duban --help | head`) is no error.
                let _ = shown.print();
                ExitCode::SUCCESS
            }
            Stop::Refused(message) => {
                eprintln!("duban: {message}");
                ExitCode::from(USAGE_ERROR)
            }
        }
    }
}

/// Parses a command line; `args` begins with the program's name.
pub fn parse<I, T>(args: I) -> Result<Cli, Stop>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString>,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let mut cmd = help::command();
    let matches = cmd.try_get_matches_from_mut(args.clone());
    let parsed = matches.and_then(|m| Cli::from_arg_matches(&m));
    parsed.map_err(|error| match error.use_stderr() {
        true => Stop::Refused(reword(&error, &mut cmd, &args)),
        false => Stop::Shown(error),
    })
}

/// The whole message for a mistake: what is wrong, then how the command meant
/// is written and where its help is.
fn reword(error: &clap::Error, root: &mut Command, args: &[OsString]) -> String {
    let meant = meant(root, args);
    let name = meant
        .as_ref()
        .map_or("duban".to_owned(), |sub| format!("duban {sub}"));
    let cmd = match &meant {
        Some(sub) => root
            .find_subcommand_mut(sub)
            .expect("meant() found it here"),
        None => root,
    };
    let wrong = what_is_wrong(error, cmd, args);
    let usage = help::usage_line(cmd);
    format!("{wrong}\n用法：{usage}（详见 {name} --help）")
}

/// The subcommand a command line names: its first word that is neither an
/// option nor the value of one.
fn meant(root: &Command, args: &[OsString]) -> Option<String> {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word.starts_with('-') {
            if find_arg(root, &word).is_some_and(takes_value) && !word.contains('=') {
                words.next();
            }
            continue;
        }
        return root
            .find_subcommand(&*word)
            .map(|s| s.get_name().to_owned());
    }
    None
}

/// One sentence on what is wrong, and where it can, what would be right.
fn what_is_wrong(error: &clap::Error, cmd: &Command, args: &[OsString]) -> String {
    let arg = first(error, ContextKind::InvalidArg);
    let value = first(error, ContextKind::InvalidValue);
    let option = bare(&arg);
    match error.kind() {
        // The value parsers of `values` and the date's say it in full.
        ErrorKind::ValueValidation => match error.source() {
            Some(why) => why.to_string(),
            None => format!("{option} 不能是“{value}”"),
        },
        ErrorKind::InvalidValue if value.is_empty() => lacks_value(error, cmd, option),
        ErrorKind::InvalidValue => {
            let valid = strings(error, ContextKind::ValidValue).join("、");
            let mut said = format!("{option} 不能是“{value}”；可选 {valid}");
            if let Some(guess) = strings(error, ContextKind::SuggestedValue).first() {
                said.push_str(&format!("，是不是 {guess}？"));
            }
            said
        }
        ErrorKind::UnknownArgument => unknown(error, cmd, &arg, args),
        ErrorKind::InvalidSubcommand => no_such_command(error, cmd),
        ErrorKind::MissingRequiredArgument => missing(error, cmd),
        ErrorKind::ArgumentConflict => {
            let prior = strings(error, ContextKind::PriorArg);
            let prior: Vec<&str> = prior.iter().map(|p| bare(p)).collect();
            if prior == [option] {
                format!("{option} 只能写一次")
            } else {
                format!("{option} 不能和 {} 一起用", prior.join("、"))
            }
        }
        ErrorKind::TooManyValues => format!("{option} 只要一个值，多了“{value}”"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("{option} 后面的值个数不对")
        }
        ErrorKind::NoEquals => format!("{option} 的值要用等号连着写，如 {option}=值"),
        ErrorKind::InvalidUtf8 => "命令行里有无法识别的字符（不是 UTF-8 编码）".to_owned(),
        ErrorKind::MissingSubcommand => "缺少命令".to_owned(),
        _ => "命令行有误".to_owned(),
    }
}

/// An option written last, or before another option, with no value.
fn lacks_value(error: &clap::Error, cmd: &Command, option: &str) -> String {
    let valid = strings(error, ContextKind::ValidValue);
    if !valid.is_empty() {
        return format!("{option} 后面少了值；可选 {}", valid.join("、"));
    }
    match find_arg(cmd, option).and_then(Arg::get_help) {
        Some(help) => format!("{option} 后面少了值：{help}"),
        None => format!("{option} 后面少了值"),
    }
}

/// An option the command does not have, or a word too many.
fn unknown(error: &clap::Error, cmd: &Command, arg: &str, args: &[OsString]) -> String {
    if !arg.starts_with('-') {
        return format!("多出了“{arg}”");
    }
    let mut said = format!("没有“{arg}”这个选项");
    if let Some(guess) = strings(error, ContextKind::SuggestedArg).first() {
        said.push_str(&format!("，是不是 {guess}？"));
    }

    // clap takes `--date -5` as an option with no value followed by an
    // unknown `-5`; what was meant is a value for the option before it.
    let at = args.iter().position(|a| a.to_string_lossy() == arg);
    let before = at
        .and_then(|at| at.checked_sub(1))
        .map(|at| args[at].to_string_lossy());
    let option = before
        .as_deref()
        .and_then(|b| find_arg(cmd, b))
        .filter(|a| takes_value(a));
    if let Some((long, help)) = option.and_then(|o| o.get_long().zip(o.get_help())) {
        said.push_str(&format!("；--{long} 的值应是{help}"));
    }
    said
}

/// A word where a command was expected that names none.
fn no_such_command(error: &clap::Error, cmd: &Command) -> String {
    let word = first(error, ContextKind::InvalidSubcommand);
    let mut said = format!("没有“{word}”这个命令");
    match strings(error, ContextKind::SuggestedSubcommand).first() {
        Some(guess) => said.push_str(&format!("，是不是 {guess}？")),
        None => said.push('；'),
    }
    let names: Vec<&str> = cmd.get_subcommands().map(Command::get_name).collect();
    said.push_str(&format!("可用的命令有 {}", names.join("、")));
    said
}

/// Required arguments not given: named, and when there is one, described.
fn missing(error: &clap::Error, cmd: &Command) -> String {
    let names = strings(error, ContextKind::InvalidArg);
    let help = match names.as_slice() {
        [one] => find_arg(cmd, one).and_then(Arg::get_help),
        _ => None,
    };
    match help {
        Some(help) => format!("缺少参数 {}：{help}", names.join(" ")),
        None => format!("缺少参数 {}", names.join(" ")),
    }
}

/// The argument of `cmd` that clap shows as `shown`: `--progress <进度>`,
/// `--progress`, `-o` or `<状态>`.
fn find_arg<'c>(cmd: &'c Command, shown: &str) -> Option<&'c Arg> {
    let name = bare(shown);
    let is = |arg: &&Arg| {
        if let Some(long) = name.strip_prefix("--") {
            arg.get_long() == Some(long.split('=').next().unwrap_or(long))
        } else if let Some(short) = name.strip_prefix('-') {
            arg.get_short().is_some_and(|s| short.starts_with(s))
        } else {
            let value_name = name.trim_matches(['<', '>', '[', ']', '.']);
            let names = arg.get_value_names().unwrap_or_default();
            arg.is_positional() && names.iter().any(|n| n.as_str() == value_name)
        }
    };
    cmd.get_arguments().find(is)
}

/// Whether an option is followed by a value.
fn takes_value(arg: &Arg) -> bool {
    arg.get_action().takes_values()
}

/// `--progress` of `--progress <进度>`: the option as it is typed.
fn bare(shown: &str) -> &str {
    shown.split(' ').next().unwrap_or(shown)
}

/// The texts clap recorded under `kind`, as plain strings.
fn strings(error: &clap::Error, kind: ContextKind) -> Vec<String> {
    match error.get(kind) {
        Some(ContextValue::String(one)) => vec![one.clone()],
        Some(ContextValue::Strings(many)) => many.clone(),
        Some(ContextValue::StyledStr(one)) => vec![one.to_string()],
        Some(ContextValue::StyledStrs(many)) => many.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    }
}

/// The first text recorded under `kind`, or nothing.
fn first(error: &clap::Error, kind: ContextKind) -> String {
    strings(error, kind).into_iter().next().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The message for `duban ARGS…`, which must be refused.
    fn refused(args: &[&str]) -> String {
        let line = std::iter::once("duban").chain(args.iter().copied());
        match parse(line) {
            Err(Stop::Refused(message)) => message,
            Err(Stop::Shown(shown)) => panic!("{args:?} showed help:\n{shown}"),
            Ok(cli) => panic!("{args:?} was accepted: {cli:?}"),
        }
    }

    /// The message's first line: what is wrong.
    fn wrong(args: &[&str]) -> String {
        refused(args).lines().next().unwrap_or_default().to_owned()
    }

    #[test]
    fn a_bad_progress_says_the_range() {
        for bad in ["150", "-5", "abc"] {
            assert_eq!(
                wrong(&["set", "1", "done", "--progress", bad]),
                format!("进度“{bad}”不对：应是 0 到 100 之间的整数")
            );
        }
    }

    #[test]
    fn a_bad_task_number_says_what_one_looks_like() {
        for bad in ["abc", "-3", "1.5"] {
            assert_eq!(
                wrong(&["set", bad, "done"]),
                format!("任务序号“{bad}”不对：应是整数，如 38")
            );
        }
    }

    #[test]
    fn a_custom_parser_s_message_arrives_whole() {
        let date = wrong(&["set", "1", "done", "--date", "18/10/2021"]);
        assert_eq!(
            date,
            "“18/10/2021”不是日期，请按 年-月-日 输入，如 2021-10-18"
        );
        let status = wrong(&["set", "1", "finished"]);
        assert!(
            status.starts_with("没有“finished”这个状态；请用 not_started"),
            "{status}"
        );
    }

    #[test]
    fn the_second_line_is_the_usage_of_the_command_meant() {
        let message = refused(&["--data", "set", "set", "1"]);
        assert_eq!(
            message.lines().nth(1),
            Some("用法：duban set [选项] <序号> <状态>（详见 duban set --help）")
        );
        let message = refused(&["lst"]);
        assert_eq!(
            message.lines().nth(1),
            Some("用法：duban [选项] [命令]（详见 duban --help）")
        );
    }

    #[test]
    fn a_missing_argument_is_named_and_described() {
        let said = wrong(&["set", "1"]);
        assert!(
            said.starts_with("缺少参数 <状态>：未启动、推进中"),
            "{said}"
        );
        assert_eq!(wrong(&["set"]), "缺少参数 <序号> <状态>");
    }

    #[test]
    fn a_value_outside_the_choices_lists_them() {
        assert_eq!(
            wrong(&["list", "--format", "xml"]),
            "--format 不能是“xml”；可选 table、tsv、json"
        );
        let said = wrong(&["report", "--format"]);
        assert_eq!(said, "--format 后面少了值；可选 html、md、txt、csv");
        let said = wrong(&["set", "1", "done", "--date"]);
        assert!(said.starts_with("--date 后面少了值：会议日期"), "{said}");
    }

    #[test]
    fn unknown_options_and_commands_get_a_guess() {
        let said = wrong(&["set", "1", "done", "--progres", "5"]);
        assert_eq!(said, "没有“--progres”这个选项，是不是 --progress？");
        let said = wrong(&["lst"]);
        assert!(said.starts_with("没有“lst”这个命令，是不是 list？可用的命令有 list、set"));
        let said = wrong(&["zzz"]);
        assert!(
            said.starts_with("没有“zzz”这个命令；可用的命令有 list、set"),
            "{said}"
        );
        assert_eq!(wrong(&["set", "1", "done", "extra"]), "多出了“extra”");
    }

    #[test]
    fn a_dash_value_after_an_option_says_what_the_option_wants() {
        let said = wrong(&["set", "1", "done", "--date", "-5"]);
        assert!(
            said.starts_with("没有“-5”这个选项；--date 的值应是会议日期"),
            "{said}"
        );
    }

    #[test]
    fn an_option_given_twice_is_refused() {
        let said = wrong(&["set", "1", "done", "--progress", "5", "--progress", "6"]);
        assert_eq!(said, "--progress 只能写一次");
    }

    #[test]
    fn no_message_carries_clap_s_english() {
        let lines: [&[&str]; 9] = [
            &["set", "1", "done", "--progress", "150"],
            &["set", "abc", "done"],
            &["set", "1", "done", "--progress", "-5"],
            &["set", "1"],
            &["list", "--format", "xml"],
            &["lst"],
            &["list", "--bogus"],
            &["set", "1", "done", "--note"],
            &["report", "-x"],
        ];
        let english = [
            "error", "invalid", "argument", "Usage", "OPTIONS", "help'", "tip",
        ];
        for args in lines {
            let message = refused(args);
            for word in english {
                assert!(
                    !message.contains(word),
                    "{args:?} says {word:?}:\n{message}"
                );
            }
        }
    }

    #[test]
    fn help_and_version_are_shown_not_refused() {
        for args in [
            &["--help"][..],
            &["-h"],
            &["set", "--help"],
            &["help", "set"],
            &["-V"],
        ] {
            let line = std::iter::once("duban").chain(args.iter().copied());
            assert!(matches!(parse(line), Err(Stop::Shown(_))), "{args:?}");
        }
    }
}
