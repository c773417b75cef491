//! Errors of loading and saving a workspace, with messages a person can act on.

use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::text;

/// What went wrong with a workspace file.
#[derive(Debug, Error)]
pub enum StorageError {
    /// The file could not be read or written.
    #[error("{path}: {source}\n{hint}", path = .path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
        /// What to do about it.
        hint: &'static str,
    },
    /// The file is not valid RON for what it should hold.
    #[error(
        "{path}:{line}:{column}: {message}\n{excerpt}\n\
         The file was left as it is. Correct it at that place, or put back a backup of \
         the state with `duban restore` (it lists them), then start duban again.",
        path = .path.display()
    )]
    Syntax {
        /// The file.
        path: PathBuf,
        /// The line, from 1.
        line: usize,
        /// The column in characters, from 1.
        column: usize,
        /// What the parser expected.
        message: String,
        /// The offending line with a caret under the place, drawn by display width.
        excerpt: String,
    },
    /// Another program holds the workspace.
    #[error(
        "{path}: another duban holds this workspace ({holder}). Record there, or close it \
         and try again; nothing was changed.",
        path = .path.display()
    )]
    Locked {
        /// The workspace folder.
        path: PathBuf,
        /// Who holds it, as its lock file says.
        holder: String,
    },
    /// The file parses but what it says cannot be right.
    #[error(
        "{path}: {problems}\nThe file was left as it is. Correct it, then start duban again.",
        path = .path.display(),
        problems = .problems.join("; ")
    )]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Every problem found.
        problems: Vec<String>,
    },
}

impl StorageError {
    /// An I/O error on `path`, with advice.
    pub fn io(path: &Path, source: std::io::Error, hint: &'static str) -> StorageError {
        StorageError::Io {
            path: path.to_path_buf(),
            source,
            hint,
        }
    }

    /// A value that parses but cannot be used, at the line of the field that
    /// sets it (or the top of the file, if it cannot be found).
    pub fn bad_value(path: &Path, source: &str, field: &str, message: String) -> StorageError {
        let (line, column) = source
            .lines()
            .enumerate()
            .find_map(|(n, text)| {
                let at = text.find(field)?;
                let after = text[at + field.len()..].trim_start();
                after
                    .starts_with(':')
                    .then(|| (n + 1, text[..at].chars().count() + 1))
            })
            .unwrap_or((1, 1));
        StorageError::Syntax {
            path: path.to_path_buf(),
            line,
            column,
            message,
            excerpt: excerpt(source, line, column),
        }
    }

    /// A RON error in `source`, read from `path`.
    pub fn syntax(path: &Path, source: &str, error: &ron::error::SpannedError) -> StorageError {
        let line = error.span.start.line.max(1);
        let column = error.span.start.col.max(1);
        StorageError::Syntax {
            path: path.to_path_buf(),
            line,
            column,
            message: error.code.to_string(),
            excerpt: excerpt(source, line, column),
        }
    }
}

/// The line `line` of `source` and a caret under character `column`.
///
/// RON counts columns in characters, but a Chinese character takes two cells, so
/// the caret is indented by the display width of what precedes it.
fn excerpt(source: &str, line: usize, column: usize) -> String {
    let Some(text) = source.lines().nth(line - 1) else {
        return String::new();
    };
    let text = text::sanitize(text);
    let before: String = text.chars().take(column - 1).collect();
    let prefix = format!("{line:>5} | ");
    let pad = " ".repeat(text::width(&prefix) + text::width(&before));
    format!("{prefix}{text}\n{pad}^")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_sits_under_the_place_by_display_width() {
        let source = "(\n    content: \"大数据\" x\n)";
        let shown = excerpt(source, 2, 20);
        let lines: Vec<&str> = shown.lines().collect();
        let caret = lines[1].find('^').unwrap();
        let cells_before_x = text::width(lines[0].split('x').next().unwrap());
        assert_eq!(caret, cells_before_x);
    }
}
