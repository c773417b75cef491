//! The command line's help in Chinese.
//!
//! clap writes the frame of its help in English: the headings ("Usage:",
//! "Options:"), `[OPTIONS]` in a usage line, its own `-h`, `-V` and `help`,
//! and the notes after an option ("[default: table]"). Here each command gets
//! Chinese ones, made from the same definitions the parser uses, so that the
//! help cannot disagree with what is accepted.

use std::collections::HashMap;

use clap::{Arg, ArgAction, Command, CommandFactory};

use super::Cli;

/// The headings of a help page, in the order they are shown.
const USAGE: &str = "用法";
const COMMANDS: &str = "命令";
const ARGUMENTS: &str = "参数";
const OPTIONS: &str = "选项";

/// Where the options every command shares are listed: after its own, in
/// the order `--data`, `-V`, `-h`.
const SHARED: usize = 1000;

/// What the `help` command does.
const HELP_ABOUT: &str = "显示本说明，或某个命令的说明";

/// The command line as it is parsed, with its help in Chinese throughout.
pub fn command() -> Command {
    let root = Cli::command()
        .mut_arg("data", |data| data.display_order(SHARED))
        .subcommand_value_name(COMMANDS)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .display_order(SHARED + 1)
                .help("显示版本号"),
        )
        .after_help("各命令的用法：duban 命令 --help，如 duban set --help");
    let mut root = with_usage_lines(localise(root).mut_subcommands(localise));

    // clap adds its `help` command while building, so it is reworded after;
    // it lists the commands again, and itself, under `help help`.
    root.build();
    root.mut_subcommands(|sub| {
        if sub.get_name() != "help" {
            return sub;
        }
        let mut sub = sub
            .about(HELP_ABOUT)
            .subcommand_value_name(COMMANDS)
            .mut_subcommands(|inner| match inner.get_name() {
                "help" => inner.about(HELP_ABOUT),
                _ => inner,
            });
        let line = usage_line(&mut sub);
        let page = template(&sub);
        sub.override_usage(line).help_template(page)
    })
}

/// The usage line of a built command, as clap makes it, with `[OPTIONS]` in
/// Chinese: `duban set [选项] <序号> <状态>`.
pub fn usage_line(cmd: &mut Command) -> String {
    let rendered = cmd.render_usage().to_string();
    let line = rendered.strip_prefix("Usage:").unwrap_or(&rendered).trim();
    line.replace("[OPTIONS]", &format!("[{OPTIONS}]"))
}

/// Gives one command its own `-h`/`--help`, the notes of each argument in
/// its help text, and Chinese headings.
fn localise(cmd: Command) -> Command {
    let cmd = cmd
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .display_order(SHARED + 2)
                .help("显示本说明"),
        )
        .mut_args(with_notes);
    let page = template(&cmd);
    cmd.help_template(page)
}

/// The help page of `cmd`: only the sections it has, under Chinese headings.
fn template(cmd: &Command) -> String {
    let mut page = format!("{{about-with-newline}}\n{USAGE}：{{usage}}");
    if cmd.has_subcommands() {
        page.push_str(&format!("\n\n{COMMANDS}：\n{{subcommands}}"));
    }
    if cmd.get_positionals().next().is_some() {
        page.push_str(&format!("\n\n{ARGUMENTS}：\n{{positionals}}"));
    }
    if cmd.get_arguments().any(|a| !a.is_positional()) {
        page.push_str(&format!("\n\n{OPTIONS}：\n{{options}}"));
    }
    page.push_str("{after-help}");
    page
}

/// Moves what clap would add after an argument's help in English brackets —
/// its possible values, default and environment variable — into its help.
fn with_notes(arg: Arg) -> Arg {
    let mut notes = Vec::new();
    if arg.get_action().takes_values() {
        let values = arg.get_possible_values();
        let names: Vec<&str> = values
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name())
            .collect();
        if !names.is_empty() {
            notes.push(format!("可选 {}", names.join("、")));
        }
        let defaults: Vec<_> = arg
            .get_default_values()
            .iter()
            .map(|d| d.to_string_lossy())
            .collect();
        if !defaults.is_empty() {
            notes.push(format!("默认 {}", defaults.join("、")));
        }
    }
    if let Some(env) = arg.get_env() {
        notes.push(format!("也可用环境变量 {} 指定", env.to_string_lossy()));
    }
    if notes.is_empty() {
        return arg;
    }
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    arg.help(format!("{help}（{}）", notes.join("；")))
        .hide_possible_values(true)
        .hide_default_value(true)
        .hide_env(true)
}

/// Sets each command's usage line to clap's own with `[OPTIONS]` reworded.
/// The line is worked out on a built copy, where `--data` has reached the
/// subcommands and each knows its full name (`duban set`).
fn with_usage_lines(cmd: Command) -> Command {
    let mut built = cmd.clone();
    built.build();
    let root = usage_line(&mut built);
    let subs: HashMap<String, String> = built
        .get_subcommands_mut()
        .map(|sub| (sub.get_name().to_owned(), usage_line(sub)))
        .collect();
    cmd.override_usage(root)
        .mut_subcommands(|sub| match subs.get(sub.get_name()) {
            Some(line) => sub.override_usage(line),
            None => sub,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every help page, long and short: the root's and each command's.
    fn pages() -> Vec<(String, String)> {
        let mut root = command();
        let mut pages = vec![("duban".to_owned(), root.render_long_help().to_string())];
        for sub in root.get_subcommands_mut() {
            let name = format!("duban {}", sub.get_name());
            pages.push((name.clone(), sub.render_long_help().to_string()));
            pages.push((name, sub.render_help().to_string()));
        }
        pages
    }

    #[test]
    fn no_help_page_has_clap_english() {
        let english = [
            "Usage",
            "Commands",
            "Options",
            "Arguments",
            "OPTIONS",
            "COMMAND",
            "Print",
            "default:",
            "possible values",
            "env:",
        ];
        for (name, page) in pages() {
            for word in english {
                assert!(!page.contains(word), "{name} --help says {word:?}:\n{page}");
            }
            assert!(page.contains("用法：duban"), "{name} --help:\n{page}");
            // clap's `help` takes no options, so it lists none.
            let has_flag = name == "duban help" || page.contains("-h, --help");
            assert!(has_flag, "{name} --help:\n{page}");
        }
    }

    fn chinese(text: &str) -> bool {
        text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn every_command_and_argument_has_chinese_help() {
        let root = command();
        for cmd in root.get_subcommands().chain([&root]) {
            for arg in cmd.get_arguments() {
                let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
                assert!(
                    chinese(&help),
                    "{} {}: {help:?}",
                    cmd.get_name(),
                    arg.get_id()
                );
            }
            let about = cmd.get_about().map(ToString::to_string).unwrap_or_default();
            assert!(chinese(&about), "{}: {about:?}", cmd.get_name());
        }
    }

    #[test]
    fn possible_values_and_defaults_are_named_in_the_help() {
        let mut root = command();
        let list = root.find_subcommand_mut("list").unwrap();
        let format = list
            .get_arguments()
            .find(|a| a.get_id() == "format")
            .unwrap();
        let help = format.get_help().unwrap().to_string();
        assert!(
            help.ends_with("（可选 table、tsv、json；默认 table）"),
            "{help}"
        );

        let data = root.get_arguments().find(|a| a.get_id() == "data").unwrap();
        assert!(data.get_help().unwrap().to_string().contains("DUBAN_DATA"));
    }

    #[test]
    fn usage_lines_are_clap_s_own_in_chinese() {
        let mut root = command();
        assert_eq!(usage_line(&mut root), "duban [选项] [命令]");
        let set = root.find_subcommand_mut("set").unwrap();
        assert_eq!(usage_line(set), "duban set [选项] <序号> <状态>");
    }
}
