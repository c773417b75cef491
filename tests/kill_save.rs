//! PITFALLS 12: a save killed at any moment loses nothing. `duban set` is
//! killed with SIGKILL at random moments over the time one run takes, so that
//! kills land before, during and after its save. After each kill the
//! workspace still loads, and its state file is either the state before that
//! `set`, byte for byte, or that state plus exactly the one update it records.
//!
//! The delays and updates come from a seed that changes on every run; a
//! failure prints it with every attempt so far, and `DUBAN_KILL_SEED=N`
//! replays the same updates and delays (the machine's timing still varies).

#![cfg(unix)]

mod cli_support;

use std::collections::BTreeSet;
use std::collections::hash_map::RandomState;
use std::fmt::Write as _;
use std::fs;
use std::hash::BuildHasher;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant, SystemTime};

use chrono::NaiveDate;
use proptest::prelude::RngExt;
use proptest::test_runner::{RngAlgorithm, TestRng};

use duban::model::{State, Status, Update};
use duban::storage::STATE_FILE;
use duban::storage::backup::BACKUP_DIR;

use cli_support::{BIN, ok, text};

/// How many runs are killed; each gets one SIGKILL.
const ATTEMPTS: usize = 100;
/// A run is timed again every so many attempts, since how long one takes
/// follows the machine's load.
const RETIME_EVERY: usize = 10;
/// Delays reach past one run's time by this factor, so that some kills come
/// after the run has ended: proof that the end of the save was covered.
const SPREAD: f64 = 1.15;
/// SIGKILL's number, the same on every Unix; `Child::kill` sends it.
const SIGKILL: i32 = 9;
/// How the names of a save's temporary files begin (`storage::atomic`).
const TEMP_PREFIX: &str = ".duban-saving-";
/// A note as one is said in a meeting, long enough that writing it takes
/// some of the save's time.
const NOTE: &str = "资金已到位，招标文件已于上周编制完成并报市财政局审核，\
    预计本月下旬完成招标；机房改造与网络割接方案已经市大数据中心评审，\
    待招标完成后立即进场施工，力争年底前完成全部建设任务。";
/// The meetings the updates are recorded at.
const DATES: [&str; 3] = ["2021-10-11", "2021-10-18", "2021-10-25"];

/// Random numbers from proptest's generator, seeded so that a seed replays
/// the same updates and delays.
struct Rng(TestRng);

impl Rng {
    fn seeded(seed: u64) -> Rng {
        let mut bytes = [0u8; 32];
        bytes[..8].copy_from_slice(&seed.to_le_bytes());
        Rng(TestRng::from_seed(RngAlgorithm::ChaCha, &bytes))
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: u64, high: u64) -> u64 {
        self.0.random_range(low..=high)
    }

    /// One of `items`.
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.0.random_range(0..items.len())]
    }
}

/// The seed from `DUBAN_KILL_SEED`, or a new one from the hasher's random
/// keys and the clock.
fn seed() -> u64 {
    if let Ok(text) = std::env::var("DUBAN_KILL_SEED") {
        return text.trim().parse().expect("DUBAN_KILL_SEED is a number");
    }
    RandomState::new().hash_one(SystemTime::now())
}

/// Where one attempt's kill landed, judged by what it left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Landing {
    /// Killed, and the state file is as it was: before the save took effect.
    Before,
    /// Killed, and the state file holds the new update: after the rename.
    After,
    /// The run had exited on its own before the kill reached it.
    Finished,
}

/// What one attempt found.
struct Outcome {
    landing: Landing,
    /// The kill left a temporary file of the state file's own write.
    in_state_write: bool,
    /// The kill left a temporary file of a backup's write.
    in_backup_write: bool,
}

/// The test's seed, the times of the un-killed runs and a line per attempt,
/// printed with any failure.
struct Trial {
    seed: u64,
    run_times: Vec<Duration>,
    log: String,
}

impl Trial {
    fn fail(&self, message: &str) -> ! {
        panic!(
            "{message}\nseed {} (DUBAN_KILL_SEED replays it); un-killed runs took {:?}; \
             attempts so far:\n{}",
            self.seed, self.run_times, self.log
        );
    }

    /// How long a run takes now: the middle of the last three timed.
    fn run_time(&self) -> Duration {
        let mut recent: Vec<Duration> = self.run_times.iter().rev().take(3).copied().collect();
        recent.sort();
        recent[recent.len() / 2]
    }
}

/// Starts `duban set` with the update's fields, output captured.
fn spawn_set(dir: &Path, update: &Update) -> Child {
    let date = update.date.format("%Y-%m-%d").to_string();
    let mut command = Command::new(BIN);
    command
        .arg("--data")
        .arg(dir)
        .args(["set", &update.task.to_string(), update.status.name()])
        .args(["--note", &update.note, "--date", &date])
        .env_remove("DUBAN_DATA")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(progress) = update.progress {
        command.args(["--progress", &progress.to_string()]);
    }
    command.spawn().expect("the duban binary starts")
}

/// A random update; the number in the note makes each one unique.
fn random_update(rng: &mut Rng, number: usize) -> Update {
    let date = rng.pick(&DATES);
    Update {
        task: rng.between(1, 90) as u32,
        date: NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
        status: rng.pick(&Status::ALL),
        progress: (rng.between(0, 1) == 0).then(|| rng.between(0, 100) as u8),
        note: format!("第{number}次：{NOTE}"),
    }
}

fn read_state(bytes: &[u8]) -> Result<State, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| e.to_string())?;
    ron::from_str(text).map_err(|e| e.to_string())
}

/// Whether `after` is `before` with `update` added, and its meeting opened if
/// it was new: compared field by field, not through the program's own
/// `State::record`.
fn is_one_more(before: &State, after: &State, update: &Update) -> bool {
    let Some(at) = after.updates.iter().position(|u| u == update) else {
        return false;
    };
    let mut rest = after.updates.clone();
    rest.remove(at);

    let mut dates: Vec<NaiveDate> = before.meetings.iter().map(|m| m.date).collect();
    if !dates.contains(&update.date) {
        dates.push(update.date);
        dates.sort();
    }
    let after_dates: Vec<NaiveDate> = after.meetings.iter().map(|m| m.date).collect();
    rest == before.updates && after_dates == dates
}

/// The paths of leftover temporary files in `dir`.
fn leftovers(dir: &Path) -> BTreeSet<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return BTreeSet::new();
    };
    let temporary = |p: &PathBuf| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with(TEMP_PREFIX))
    };
    entries
        .flatten()
        .map(|e| e.path())
        .filter(temporary)
        .collect()
}

/// Leftover temporary files in the workspace and in its backups folder.
fn all_leftovers(dir: &Path) -> BTreeSet<PathBuf> {
    let mut found = leftovers(dir);
    found.extend(leftovers(&dir.join(BACKUP_DIR)));
    found
}

/// Runs one `set` to its end and records how long it took. As the next
/// holder of the lock it clears the temporary files killed saves left, and
/// leaves none of its own.
fn time_one_run(dir: &Path, rng: &mut Rng, trial: &mut Trial) {
    let update = random_update(rng, 1000 + trial.run_times.len());
    let child = spawn_set(dir, &update);
    let start = Instant::now();
    let out = child.wait_with_output().unwrap();
    trial.run_times.push(start.elapsed());
    if !out.status.success() {
        trial.fail(&format!("an un-killed set failed:\n{}", text(&out.stderr)));
    }
    let left = all_leftovers(dir);
    if !left.is_empty() {
        trial.fail(&format!("temporary files stay after a clean set: {left:?}"));
    }
}

/// Starts one `set`, kills it after `delay`, and checks the state file it
/// leaves.
fn kill_one(dir: &Path, update: &Update, delay: Duration, trial: &mut Trial) -> Outcome {
    let state_path = dir.join(STATE_FILE);
    let before_bytes = fs::read(&state_path).unwrap();
    let before = read_state(&before_bytes).unwrap();
    let known = all_leftovers(dir);

    let mut child = spawn_set(dir, update);
    sleep(delay);
    child.kill().expect("SIGKILL is sent");
    let out = child.wait_with_output().unwrap();
    let killed = out.status.signal() == Some(SIGKILL);
    let _ = write!(
        trial.log,
        " task {} {} {} killed after {delay:?}: ",
        update.task,
        update.status.name(),
        update.date
    );
    if !killed && !out.status.success() {
        let stderr = text(&out.stderr);
        trial.fail(&format!("set failed ({}):\n{stderr}", out.status));
    }

    let after_bytes = fs::read(&state_path)
        .unwrap_or_else(|e| trial.fail(&format!("state.ron cannot be read: {e}")));
    let landing = if after_bytes == before_bytes {
        Landing::Before
    } else {
        match read_state(&after_bytes) {
            Ok(after) if is_one_more(&before, &after, update) => Landing::After,
            Ok(after) => trial.fail(&format!(
                "state.ron is neither the old state nor the old one plus {update:?}: \
                 {} updates before, {} now",
                before.updates.len(),
                after.updates.len()
            )),
            Err(error) => trial.fail(&format!(
                "state.ron no longer parses: {error}\n{}",
                String::from_utf8_lossy(&after_bytes)
            )),
        }
    };
    let landing = if killed { landing } else { Landing::Finished };
    if landing == Landing::Finished && after_bytes == before_bytes {
        trial.fail("a set that exited on its own did not save its update");
    }

    // Temporary files of a write this kill interrupted.
    let new: Vec<PathBuf> = all_leftovers(dir).difference(&known).cloned().collect();
    let _ = writeln!(trial.log, "{landing:?}, {} temporary files left", new.len());
    Outcome {
        landing,
        in_state_write: new.iter().any(|p| p.parent() == Some(dir)),
        in_backup_write: new.iter().any(|p| p.parent() != Some(dir)),
    }
}

/// The workspace still loads: `list` shows the tasks and `check`, which also
/// reads every backup, finds no problem.
fn assert_loads(dir: &Path, trial: &Trial) {
    let listed = cli_support::run(dir, &["list", "--format", "tsv"]);
    if !listed.status.success() || text(&listed.stdout).lines().count() < 2 {
        let stderr = text(&listed.stderr);
        trial.fail(&format!("the workspace no longer lists:\n{stderr}"));
    }
    let checked = cli_support::run(dir, &["check"]);
    if !checked.status.success() {
        let stdout = text(&checked.stdout);
        trial.fail(&format!("duban check found problems:\n{stdout}"));
    }
}

#[test]
fn a_set_killed_at_any_moment_leaves_the_old_state_or_the_new() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    // A meeting none of the random updates is at; the first three timed
    // runs add more history before the first kill.
    ok(dir, &["set", "38", "done", "--date", "2021-10-04"]);

    let seed = seed();
    let mut rng = Rng::seeded(seed);
    let mut trial = Trial {
        seed,
        run_times: Vec::new(),
        log: String::new(),
    };
    let started = Instant::now();
    let mut outcomes = Vec::new();
    for attempt in 0..ATTEMPTS {
        if attempt % RETIME_EVERY == 0 {
            let runs = if attempt == 0 { 3 } else { 1 };
            for _ in 0..runs {
                time_one_run(dir, &mut rng, &mut trial);
            }
        }
        // The save is the last part of a run, so every other delay is drawn
        // from the run's second half.
        let end = trial.run_time().mul_f64(SPREAD).as_micros() as u64;
        let start = if attempt % 2 == 0 { 0 } else { end / 2 };
        let delay = Duration::from_micros(rng.between(start, end));
        let update = random_update(&mut rng, attempt);
        let _ = write!(trial.log, "  #{attempt}:");
        outcomes.push(kill_one(dir, &update, delay, &mut trial));
        assert_loads(dir, &trial);
    }

    let count = |l: Landing| outcomes.iter().filter(|o| o.landing == l).count();
    let (before, after) = (count(Landing::Before), count(Landing::After));
    let in_state = outcomes.iter().filter(|o| o.in_state_write).count();
    let in_backup = outcomes.iter().filter(|o| o.in_backup_write).count();
    println!(
        "{ATTEMPTS} kills in {:?} (seed {seed}; un-killed runs took {:?}): \
         {before} before the save took effect, {after} after it, {} after the run had \
         ended; {in_state} interrupted the state file's write, {in_backup} a backup's",
        started.elapsed(),
        trial.run_times,
        count(Landing::Finished)
    );
    if before + after == 0 {
        trial.fail("no kill interrupted a run: each came after the run had ended");
    }

    // The next holder of the lock clears what the killed saves left, in the
    // workspace and in its backups folder.
    time_one_run(dir, &mut rng, &mut trial);
}
