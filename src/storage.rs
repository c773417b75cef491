//! The workspace (工作区): a folder of RON files a person can read and diff.
//!
//! - `tasks.ron`: the key-task list; a new workspace gets the built-in 2021 list.
//! - `state.ron`: the meetings and every update recorded (see `state_file.rs`).
//! - `config.ron`: settings, such as key bindings.
//! - `reports/`: the summary sheets written by `p` in the board
//!   ([`write_html_report`]).
//!
//! A file that fails to load is never written over: loading stops with an error
//! that names the file, line and column, and nothing is saved.

pub(crate) mod atomic;
pub mod backup;
mod elementwise;
mod error;
mod excerpt;
mod locate;
mod lock;
mod reports;
mod state_file;
mod wording;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use ron::ser::PrettyConfig;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::keymap::KeyConfig;
use crate::model::{Problem, State, TaskList, validate};
use crate::rules::RulesConfig;

pub use error::{Located, StorageError};
pub use lock::{BOARD, LOCK_FILE, WorkspaceLock};
pub use reports::{REPORTS_DIR, report_file_name, write_html_report};
pub use state_file::{Merged, Saved};
use state_file::{Seen, read_state};

/// The 2021 list as shipped in `data/`, built into the binary.
pub const BUILTIN_TASKS: &str = include_str!("../data/tasks-2021.ron");

/// File name of the task list in a workspace.
pub const TASKS_FILE: &str = "tasks.ron";
/// File name of the recorded state in a workspace.
pub const STATE_FILE: &str = "state.ron";
/// File name of the settings in a workspace.
pub const CONFIG_FILE: &str = "config.ron";

/// The settings a workspace may override; every field has a default.
#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Key bindings that replace the defaults for the actions they name.
    pub keys: KeyConfig,
    /// The numbers of the warning rules.
    pub rules: RulesConfig,
}

/// What a workspace holds once loaded.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The task list.
    pub tasks: TaskList,
    /// The meetings and updates.
    pub state: State,
    /// The settings.
    pub config: Config,
}

/// A workspace folder.
#[derive(Clone, Debug)]
pub struct Workspace {
    dir: PathBuf,
    /// The state file as this program last read or wrote it, shared by
    /// clones: to notice a change made outside (an editor) and merge it.
    seen: Arc<Mutex<Option<Seen>>>,
}

impl Workspace {
    /// The workspace in `dir`; nothing is read or created yet.
    pub fn at(dir: impl Into<PathBuf>) -> Workspace {
        Workspace {
            dir: dir.into(),
            seen: Arc::default(),
        }
    }

    /// The default workspace: `duban` in the platform's data folder
    /// (`~/.local/share/duban` on Linux).
    pub fn default_dir() -> PathBuf {
        dirs::data_dir()
            .unwrap_or_else(|| PathBuf::from("."))
            .join("duban")
    }

    /// The workspace's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Puts a backup back as the state file, after backing up the current one,
    /// once it has checked that the backup loads against the task list; says
    /// where the current one went.
    pub fn restore(&self, backup: &Path) -> Result<Saved, StorageError> {
        let tasks: TaskList = read_ron(&self.path(TASKS_FILE))?;
        let state = read_state(backup, &read_bytes(backup)?, Some(&tasks))?;
        // What is put back replaces the file as it stands, whoever wrote it.
        self.forget_state();
        let saved = self.save_state(&tasks, &state)?;
        tracing::info!(backup = %backup.display(), "restored");
        Ok(saved)
    }

    /// Every problem of the workspace's files and of the state's backups, each
    /// a message naming its file, line and column. Reads only: unlike
    /// [`Workspace::load`], it creates nothing.
    pub fn check(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut found = |result: Result<(), StorageError>| match result {
            Err(StorageError::Invalid { problems: all, .. }) => {
                problems.extend(all.iter().map(ToString::to_string));
            }
            Err(error) => problems.push(error.to_string()),
            Ok(()) => {}
        };

        if !self.dir.is_dir() {
            return vec![format!(
                "{}：没有这个文件夹，无从检查。请确认 --data 所给的路径；直接运行 duban 会在那里\
                 新建工作区。",
                self.dir.display()
            )];
        }
        let tasks_path = self.path(TASKS_FILE);
        let tasks = if tasks_path.exists() {
            let read = read_ron_source::<TaskList>(&tasks_path);
            let tasks = read.map(|(tasks, source)| {
                found(refuse_problems(&tasks_path, &source, validate(&tasks)));
                tasks
            });
            tasks.map_err(|e| found(Err(e))).ok()
        } else {
            found(Err(StorageError::io(
                &tasks_path,
                std::io::ErrorKind::NotFound.into(),
                "请放回 tasks.ron；不放回的话，duban 下次启动时会写入内置的 2021 年清单\
                 （state.ron 里的进展按任务序号对应）。",
            )));
            None
        };

        // The backups too: one that does not load cannot be put back.
        let state_path = self.path(STATE_FILE);
        let mut states = backup::list(&state_path);
        if state_path.exists() {
            states.insert(0, state_path);
        }
        for path in &states {
            let read = read_bytes(path).and_then(|bytes| read_state(path, &bytes, tasks.as_ref()));
            found(read.map(|_| ()));
        }

        let config_path = self.path(CONFIG_FILE);
        if config_path.exists() {
            found(
                read_ron_source::<Config>(&config_path)
                    .and_then(|(config, source)| config_problem(&config_path, &source, &config)),
            );
        }
        problems
    }

    /// Takes the workspace for writing by `who` (the board is [`BOARD`]), or
    /// says who has it. Keep the lock for as long as the program may save.
    pub fn lock(&self, who: &str) -> Result<WorkspaceLock, StorageError> {
        self.taken(self.try_lock(who), who)
    }

    /// As [`Workspace::lock`], but waits a few seconds while another command
    /// holds the workspace: that one is done in a moment (several `duban set`
    /// in a script, say). A board holds it until closed, so it is not waited for.
    pub fn lock_patiently(&self, who: &str) -> Result<WorkspaceLock, StorageError> {
        let patience = std::time::Duration::from_secs(5);
        let start = std::time::Instant::now();
        loop {
            match self.try_lock(who) {
                Err(StorageError::Locked { holder, .. })
                    if !holder.starts_with(BOARD) && start.elapsed() < patience =>
                {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                taken => return self.taken(taken, who),
            }
        }
    }

    /// Takes the workspace for `who` if no one holds it, as a board opened
    /// read-only does from time to time; `None`, and nothing logged, while
    /// someone does.
    pub fn lock_if_free(&self, who: &str) -> Result<Option<WorkspaceLock>, StorageError> {
        match self.try_lock(who) {
            Err(StorageError::Locked { .. }) => Ok(None),
            taken => self.taken(taken, who).map(Some),
        }
    }

    /// Who holds the workspace, as its lock file says; to be trusted only
    /// while the lock is found held.
    pub fn holder(&self) -> Option<String> {
        lock::holder(&self.dir)
    }

    fn try_lock(&self, who: &str) -> Result<WorkspaceLock, StorageError> {
        fs::create_dir_all(&self.dir).map_err(|e| StorageError::io(&self.dir, e, WRITABLE_HINT))?;
        lock::take(&self.dir, who)
    }

    /// Logs the outcome of taking the lock; once it is held, clears away what
    /// killed saves left.
    fn taken(
        &self,
        taken: Result<WorkspaceLock, StorageError>,
        who: &str,
    ) -> Result<WorkspaceLock, StorageError> {
        let lock = taken.inspect_err(
            |error| tracing::warn!(workspace = %self.dir.display(), %error, "not locked"),
        )?;
        tracing::info!(workspace = %self.dir.display(), who, "locked");
        self.remove_leftovers();
        Ok(lock)
    }

    /// Removes temporary files left by saves that were killed half-way, in the
    /// workspace and in its backups folder (backups are saved the same way).
    /// Only the lock's holder saves, so while it is held none of them is in use.
    fn remove_leftovers(&self) {
        for dir in [self.dir.clone(), self.dir.join(backup::BACKUP_DIR)] {
            let Ok(entries) = fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let name = entry.file_name();
                if name.to_string_lossy().starts_with(atomic::TEMP_PREFIX) {
                    let removed = fs::remove_file(entry.path());
                    tracing::info!(path = %entry.path().display(), ok = removed.is_ok(),
                        "removed what a killed save left");
                }
            }
        }
    }

    /// The path of one of the workspace's files.
    pub fn path(&self, file: &str) -> PathBuf {
        self.dir.join(file)
    }

    /// Loads the workspace, creating it from the built-in list if it is new.
    ///
    /// Only missing files are created; a file that exists and fails to load is an
    /// error, and nothing is written.
    pub fn load(&self) -> Result<Loaded, StorageError> {
        fs::create_dir_all(&self.dir).map_err(|e| StorageError::io(&self.dir, e, WRITABLE_HINT))?;
        let tasks_path = self.path(TASKS_FILE);
        if !tasks_path.exists() {
            self.write_new(&tasks_path, BUILTIN_TASKS)?;
        }
        let (tasks, source) = read_ron_source::<TaskList>(&tasks_path)?;
        refuse_problems(&tasks_path, &source, validate(&tasks))?;

        let state_path = self.path(STATE_FILE);
        let mut state = if state_path.exists() {
            read_state(&state_path, &read_bytes(&state_path)?, Some(&tasks))?
        } else {
            State::default()
        };
        // A hand-edited file may list its meetings out of order or leave out
        // the meeting of an update; both follow from the updates.
        state.mend_meetings();
        // No file yet counts as an empty one: one made outside before the
        // first save is then merged too.
        self.seen_state(&fs::read(&state_path).unwrap_or_default(), &state);

        let config_path = self.path(CONFIG_FILE);
        if !config_path.exists() {
            self.write_new(&config_path, &config_template())?;
        }
        let (config, source) = read_ron_source::<Config>(&config_path)?;
        tracing::info!(workspace = %self.dir.display(), tasks = tasks.tasks.len(),
            updates = state.updates.len(), "loaded");
        config_problem(&config_path, &source, &config)?;
        // A workspace made before the rules existed gets them written in, with
        // their comments, so the secretary can see and change them.
        add_missing_rules(&config_path, &source, &config)?;
        Ok(Loaded {
            tasks,
            state,
            config,
        })
    }

    fn write_new(&self, path: &Path, contents: &str) -> Result<(), StorageError> {
        atomic::write(path, contents.as_bytes())
            .map_err(|e| StorageError::io(path, e, WRITABLE_HINT))
    }
}

/// What to do when the workspace folder cannot be written.
pub(crate) const WRITABLE_HINT: &str = "请用 --data 目录 选一个可以写入的文件夹。";

impl StorageError {
    /// A short message for the board's bottom line, in the secretary's words.
    pub fn short(&self) -> String {
        match self {
            StorageError::Io { path, source, hint } => format!(
                "未能保存 {}：{}。记录仍在屏幕上；{}",
                path.display(),
                wording::io_error(source),
                match source.kind() {
                    std::io::ErrorKind::IsADirectory => *hint,
                    _ => "请检查磁盘空间或文件夹权限后再记一次",
                }
            ),
            StorageError::ChangedOutside { path, place } => format!(
                "未保存：{} 在督办之外被改动，现在读不出来（第 {} 行第 {} 列：{}）。督办没有覆盖它，\
                 记录仍在屏幕上；改好该文件后再记一次，两边的改动会合并保存",
                path.display(),
                place.line,
                place.column,
                place.message
            ),
            other => format!("未能保存：{other}"),
        }
    }
}

/// The rules block of the settings file, with its comment, indented to sit
/// inside the outer parentheses.
fn rules_block() -> String {
    let rules = crate::rules::TEMPLATE.trim_end().replace('\n', "\n    ");
    format!("    // The warning rules (红黄绿灯 and 预警等级).\n    rules: {rules},\n")
}

/// Writes the default rules, commented, into a settings file that has none,
/// keeping everything else in it as it was. A file the insertion would not
/// leave readable, or readable with other settings, is left alone.
fn add_missing_rules(path: &Path, source: &str, config: &Config) -> Result<(), StorageError> {
    let has_rules = source.lines().any(|line| {
        let line = line.trim_start();
        line.strip_prefix("rules")
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    });
    let Some(close) = source.rfind(')') else {
        return Ok(());
    };
    if has_rules {
        return Ok(());
    }
    let before = source[..close].trim_end();
    let comma = if before.ends_with(',') || before.ends_with('(') {
        ""
    } else {
        ","
    };
    let upgraded = format!("{before}{comma}\n{}{}", rules_block(), &source[close..]);
    let expected = Config {
        rules: RulesConfig::default(),
        ..config.clone()
    };
    match ron::from_str::<Config>(&upgraded) {
        Ok(parsed) if parsed == expected => atomic::write(path, upgraded.as_bytes())
            .map_err(|e| StorageError::io(path, e, WRITABLE_HINT)),
        _ => Ok(()),
    }
}

/// The settings file a new workspace starts with: every setting, commented,
/// at its default.
pub fn config_template() -> String {
    format!(
        "\
// duban settings for this workspace. Delete a setting to go back to its default.
(
    // Key bindings: an action's name and its keys, replacing its default keys,
    // for example keys: {{ jump: [\":\", \"#\"], quit: [\"q\", \"Q\"] }}.
    // The board's actions: {}; in popups and prompts: confirm, cancel.
    keys: {{}},
{})
",
        board_action_names(),
        rules_block()
    )
}

/// The names of the board's actions as the settings file spells them.
fn board_action_names() -> String {
    let keymap = crate::keymap::Keymap::default();
    let names: Vec<String> = keymap
        .bindings(crate::keymap::Mode::Board)
        .filter_map(|b| ron::to_string(&b.action).ok())
        .collect();
    names.join(", ")
}

/// Refuses a file whose content has problems, each placed at its line and column.
fn refuse_problems(path: &Path, source: &str, problems: Vec<Problem>) -> Result<(), StorageError> {
    if problems.is_empty() {
        return Ok(());
    }
    Err(StorageError::Invalid {
        path: path.to_path_buf(),
        problems: error::locate(path, source, problems),
    })
}

/// Refuses settings that parse but cannot be used, at the line that sets them:
/// a rule's number out of range, or keys the board could not be run with.
fn config_problem(path: &Path, source: &str, config: &Config) -> Result<(), StorageError> {
    if let Some((field, problem)) = config.rules.problem() {
        return Err(StorageError::bad_value(path, source, field, problem));
    }
    if let Err(error) = crate::keymap::Keymap::with_config(&config.keys) {
        let field = ron::to_string(&error.action).unwrap_or_default();
        return Err(StorageError::bad_value(path, source, &field, error.message));
    }
    Ok(())
}

/// Reads and parses one RON file.
fn read_ron<T: DeserializeOwned>(path: &Path) -> Result<T, StorageError> {
    read_ron_source(path).map(|(value, _)| value)
}

/// Reads and parses one RON file, with a byte-order mark tolerated, and keeps
/// its text for placing later problems.
fn read_ron_source<T: DeserializeOwned>(path: &Path) -> Result<(T, String), StorageError> {
    let text = text_of(path, read_bytes(path)?)?;
    match ron::from_str(&text) {
        Ok(value) => Ok((value, text)),
        Err(e) => Err(StorageError::syntax(path, &text, &e)),
    }
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, StorageError> {
    fs::read(path).map_err(|e| StorageError::io(path, e, "请确认文件存在，并且可以读取。"))
}

/// The text of a file read from `path`: UTF-8, a byte-order mark tolerated.
fn text_of(path: &Path, bytes: Vec<u8>) -> Result<String, StorageError> {
    // A UTF-16 byte-order mark has its own message, from the UTF-8 check.
    let marked = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if let Some(at) = bytes.iter().position(|&b| b == 0).filter(|_| !marked) {
        return Err(StorageError::has_nul(path, &bytes, at));
    }
    let mut text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => return Err(StorageError::not_utf8(path, e.as_bytes(), &e.utf8_error())),
    };
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    Ok(text)
}

/// Writes a value as pretty RON with a header comment.
fn to_ron<T: Serialize>(value: &T, header: &str) -> std::io::Result<String> {
    let pretty = PrettyConfig::new()
        .indentor("    ".to_string())
        .struct_names(false);
    let body = ron::ser::to_string_pretty(value, pretty)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
    Ok(format!("{header}\n{body}\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_threshold_out_of_range_is_refused_at_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let workspace = Workspace::at(dir.path());
        workspace.load().unwrap();
        let path = workspace.path(CONFIG_FILE);
        let text = fs::read_to_string(&path).unwrap();
        let bad = text.replace("yellow_points_behind: 10.0", "yellow_points_behind: -5.0");
        fs::write(&path, &bad).unwrap();
        let error = workspace.load().unwrap_err().to_string();
        let line = bad.lines().position(|l| l.contains("-5.0")).unwrap() + 1;
        assert!(error.contains(&format!("config.ron:{line}:")), "{error}");
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            bad,
            "the file is left as it is"
        );
    }

    #[test]
    fn an_old_config_gets_the_rules_and_keeps_its_keys() {
        let dir = tempfile::tempdir().unwrap();
        let workspace = Workspace::at(dir.path());
        let path = workspace.path(CONFIG_FILE);
        fs::write(&path, "// mine\n(keys: {quit: [\"q\", \"Q\"]})\n").unwrap();
        let config = workspace.load().unwrap().config;
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("// mine\n(keys: {quit: [\"q\", \"Q\"]},\n"),
            "{text}"
        );
        assert!(text.contains("red_points_behind: 30.0"), "{text}");
        assert_eq!(config.keys.len(), 1);
        let again: Config = ron::from_str(&text).unwrap();
        assert_eq!(again, config);
    }

    #[test]
    fn the_config_template_holds_the_defaults() {
        let parsed: Config = ron::from_str(&config_template()).unwrap();
        assert_eq!(parsed, Config::default());
    }
}
