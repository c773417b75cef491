//! Errors of loading and saving a workspace, with messages a person can act on.

use std::path::{Path, PathBuf};

use thiserror::Error;

use super::excerpt::excerpt;
use super::locate::{self, Position};
use super::wording;
use crate::model::Problem;

/// What went wrong with a workspace file.
#[derive(Debug, Error)]
pub enum StorageError {
    /// The file could not be read or written.
    #[error("{path}：{said}\n{hint}", path = .path.display(), said = wording::io_error(.source))]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
        /// What to do about it.
        hint: &'static str,
    },
    /// The file is not valid RON for what it should hold, or a value in it
    /// cannot be used.
    #[error("{0}\n{hint}", hint = recovery(&.0.path))]
    Syntax(Located),
    /// Another program holds the workspace.
    #[error(
        "{path}：另一个 duban 正在使用这个工作区（{holder}）。请在那边记录，或把它关闭后\
         再试；这里什么也没有改动。",
        path = .path.display()
    )]
    Locked {
        /// The workspace folder.
        path: PathBuf,
        /// Who holds it, as its lock file says.
        holder: String,
    },
    /// The state file was changed outside duban into something that does not
    /// load: it is left as it is, and nothing was saved.
    #[error(
        "{path} 在督办之外被改动，现在读不出来；督办没有覆盖它，这次的记录也还没有保存。\n\
         {place}\n请改正该文件，再记一次：两边的改动会合并保存。",
        path = .path.display()
    )]
    ChangedOutside {
        /// The state file.
        path: PathBuf,
        /// Where it is broken first.
        place: Box<Located>,
    },
    /// The file parses but what it says cannot be right.
    #[error(
        "{problems}{hint}",
        problems = .problems.iter().map(|p| format!("{p}\n")).collect::<String>(),
        hint = recovery(.path)
    )]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Every problem found, each at its place.
        problems: Vec<Located>,
    },
}

/// How to get going again after a file of the workspace failed to load.
fn recovery(path: &Path) -> &'static str {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    match name {
        super::TASKS_FILE => {
            "文件没有被改动。请在上面所指的位置改正，再启动 duban；如要从内置的 2021 年清单\
             重新开始，把 tasks.ron 移出这个文件夹（state.ron 里的进展按任务序号对应）。"
        }
        super::CONFIG_FILE => {
            "文件没有被改动。请在上面所指的位置改正，再启动 duban；或把 config.ron 移出这个\
             文件夹，duban 会重新写入默认设置。"
        }
        _ => {
            "文件没有被改动。请在上面所指的位置改正；或用 duban restore 放回一份备份（不带参数\
             即列出所有备份），再启动 duban。"
        }
    }
}

/// A problem of a file's content, at the line and column it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    /// The file.
    pub path: PathBuf,
    /// The line, from 1.
    pub line: usize,
    /// The column in characters, from 1.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// The line with a caret under the place.
    pub excerpt: String,
}

impl std::fmt::Display for Located {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = self.path.display();
        let (line, column) = (self.line, self.column);
        write!(
            f,
            "{path}:{line}:{column}: {}\n{}",
            self.message, self.excerpt
        )
    }
}

/// Puts each problem of `source`, read from `path`, at its line and column.
pub fn locate(path: &Path, source: &str, problems: Vec<Problem>) -> Vec<Located> {
    problems
        .into_iter()
        .map(|problem| {
            let (line, column) = locate::position(source, &problem.place);
            Located {
                path: path.to_path_buf(),
                line,
                column,
                message: problem.message,
                excerpt: excerpt(source, line, column),
            }
        })
        .collect()
}

impl StorageError {
    /// An I/O error on `path`, with advice.
    pub fn io(path: &Path, source: std::io::Error, hint: &'static str) -> StorageError {
        // A folder where a file belongs is not cured by disk space or rights,
        // whatever the caller expected.
        let hint = match source.kind() {
            std::io::ErrorKind::IsADirectory => {
                "这里应是文件，却是一个文件夹：请把这个文件夹移走或改名，再试一次。"
            }
            _ => hint,
        };
        StorageError::Io {
            path: path.to_path_buf(),
            source,
            hint,
        }
    }

    /// The state file at `path`, changed outside duban, failed to load with
    /// `error`: said with the first place it is broken.
    pub fn changed_outside(path: &Path, error: StorageError) -> StorageError {
        let place = match error {
            StorageError::Syntax(place) => place,
            StorageError::Invalid { mut problems, .. } if !problems.is_empty() => {
                problems.swap_remove(0)
            }
            other => return other,
        };
        StorageError::ChangedOutside {
            path: path.to_path_buf(),
            place: Box::new(place),
        }
    }

    /// A value that parses but cannot be used, at the line of the field that
    /// sets it (or the top of the file, if it cannot be found).
    pub fn bad_value(path: &Path, source: &str, field: &str, message: String) -> StorageError {
        let (line, column) = source
            .lines()
            .enumerate()
            // A comment may show the setting as an example.
            .filter(|(_, text)| !text.trim_start().starts_with("//"))
            .find_map(|(n, text)| {
                let at = text.find(field)?;
                let after = text[at + field.len()..].trim_start();
                after
                    .starts_with(':')
                    .then(|| (n + 1, text[..at].chars().count() + 1))
            })
            .unwrap_or((1, 1));
        StorageError::at(path, source, (line, column), message)
    }

    /// A RON error in `source`, read from `path`.
    pub fn syntax(path: &Path, source: &str, error: &ron::error::SpannedError) -> StorageError {
        StorageError::Syntax(StorageError::syntax_place(path, source, error))
    }

    /// The same error as a problem at its place.
    pub fn syntax_place(path: &Path, source: &str, error: &ron::error::SpannedError) -> Located {
        let line = error.span.start.line.max(1);
        let column = error.span.start.col.max(1);
        let message = match &error.code {
            _ if source.trim().is_empty() => {
                "文件是空的（可能是保存时中断，或内容被误删）".to_string()
            }
            _ if locate::is_blank(source) => {
                "文件里只有注释，没有内容（可能是保存时中断，或内容被误删）".to_string()
            }
            // RON notices a missing field only at the closing bracket, far from
            // where it belongs: say where the entry without it begins.
            ron::Error::MissingStructField { field, .. } => {
                match locate::opening(source, (line, column)) {
                    Some((start, _)) => format!(
                        "从第 {start} 行开始、到这里结束的这一项缺少字段“{field}”，\
                         请在其中补上 {field}: …"
                    ),
                    None => wording::ron_error(&error.code),
                }
            }
            code => wording::ron_error(code),
        };
        let message = match locate::unclosed(source) {
            0 => message,
            // The likely cause first: what the parser tripped on is only where
            // the cut happened to fall.
            open => format!(
                "文件结尾还有 {open} 个括号没有闭合，看来文件被截断了（保存没有完成，\
                 或磁盘已满）；读到这里时：{message}"
            ),
        };
        place(path, source, (line, column), message)
    }

    /// Bytes of `path` that are not UTF-8 (a file saved as GBK, say), at the
    /// line and column where the text stops being readable.
    pub fn not_utf8(path: &Path, bytes: &[u8], error: &std::str::Utf8Error) -> StorageError {
        let at = error.valid_up_to();
        let message = if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            "文件是 UTF-16 编码（Windows 记事本所说的“Unicode”）；请在编辑器中把它另存为 UTF-8"
                .to_string()
        } else if error.error_len().is_none() {
            // The bytes stop inside a character: the end is missing, not the
            // encoding wrong.
            format!(
                "文件在一个字的中间结束（共 {} 个字节），看来文件被截断了（保存没有完成，\
                 或磁盘已满）",
                bytes.len()
            )
        } else {
            format!(
                "从这里起不是 UTF-8 文本（第 {} 个字节为 0x{:02X}），文件可能是 GBK 编码；\
                 请在编辑器中把它另存为 UTF-8",
                at + 1,
                bytes[at]
            )
        };
        StorageError::at_byte(path, bytes, at, message)
    }

    /// A file with a NUL byte, which no text file has: UTF-16 saved without
    /// its byte-order mark, most likely, or not a text file at all.
    pub fn has_nul(path: &Path, bytes: &[u8], at: usize) -> StorageError {
        let message = format!(
            "第 {} 个字节是空字节（0x00），文本文件里不会有；文件多半是 UTF-16 编码（Windows \
             记事本所说的“Unicode”），或者根本不是文本。请在编辑器中把它另存为 UTF-8",
            at + 1
        );
        StorageError::at_byte(path, bytes, at, message)
    }

    /// A problem at byte `at` of a file that is not (all) text.
    fn at_byte(path: &Path, bytes: &[u8], at: usize, message: String) -> StorageError {
        let before = String::from_utf8_lossy(&bytes[..at]);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        StorageError::at(
            path,
            &String::from_utf8_lossy(bytes),
            (line, column),
            message,
        )
    }

    fn at(path: &Path, source: &str, position: Position, message: String) -> StorageError {
        StorageError::Syntax(place(path, source, position, message))
    }
}

fn place(path: &Path, source: &str, (line, column): Position, message: String) -> Located {
    Located {
        path: path.to_path_buf(),
        line,
        column,
        message,
        excerpt: excerpt(source, line, column),
    }
}
