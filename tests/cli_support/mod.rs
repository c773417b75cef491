//! Running the real `duban` binary from tests, and reading its TSV output.
//! Shared by the command-line test files; each test passes its own folder.

#![allow(dead_code)] // Each test file uses its own part of these helpers.

use std::path::Path;
use std::process::{Command, Output};

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_duban");

/// Runs `duban --data DIR ARGS…` with `DUBAN_DATA` cleared, so that only the
/// test's own folder can be touched.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--data")
        .arg(dir)
        .args(args)
        .env_remove("DUBAN_DATA")
        .output()
        .expect("the duban binary runs")
}

/// Bytes printed by the binary, as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs a command that must succeed; returns its stdout.
pub fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(
        out.status.success(),
        "duban {args:?} failed ({}):\n{}",
        out.status,
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// Runs a command that must fail; returns its stderr.
pub fn fails(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(
        !out.status.success(),
        "duban {args:?} should fail but exited {}; stdout:\n{}",
        out.status,
        text(&out.stdout)
    );
    let stderr = text(&out.stderr);
    assert!(!stderr.trim().is_empty(), "duban {args:?} failed silently");
    stderr
}

/// A TSV listing as rows of named cells.
pub struct Tsv {
    /// The header row's names.
    pub header: Vec<String>,
    /// The data rows, each cut at the tabs.
    pub rows: Vec<Vec<String>>,
}

impl Tsv {
    /// Reads stdout of a `--format tsv` command.
    pub fn parse(stdout: &str) -> Tsv {
        let mut lines = stdout.lines();
        let header = lines.next().expect("a header row");
        let header: Vec<String> = header.split('\t').map(String::from).collect();
        let rows = lines
            .map(|line| line.split('\t').map(String::from).collect())
            .collect();
        Tsv { header, rows }
    }

    /// The index of the column `name`.
    pub fn column(&self, name: &str) -> usize {
        let found = self.header.iter().position(|h| h == name);
        found.unwrap_or_else(|| panic!("no column {name:?} in {:?}", self.header))
    }

    /// Every cell of column `name`, top to bottom.
    pub fn values(&self, name: &str) -> Vec<&str> {
        let col = self.column(name);
        self.rows.iter().map(|r| r[col].as_str()).collect()
    }

    /// The row whose column `key` holds `value`, if there is one.
    pub fn row(&self, key: &str, value: &str) -> Option<&[String]> {
        let col = self.column(key);
        let row = self.rows.iter().find(|r| r[col] == value);
        row.map(Vec::as_slice)
    }

    /// The cell of column `name` in the row whose column `key` holds `value`.
    pub fn cell_where(&self, key: &str, value: &str, name: &str) -> &str {
        let row = self.row(key, value);
        let row = row.unwrap_or_else(|| panic!("no row with {key} {value}"));
        &row[self.column(name)]
    }

    /// The cell of column `name` in the row of task `id`.
    pub fn cell(&self, id: u32, name: &str) -> &str {
        self.cell_where("id", &id.to_string(), name)
    }
}
