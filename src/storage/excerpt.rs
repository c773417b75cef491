//! The line of a file that an error is about, with a caret under the place.

use crate::text;

/// How many cells of a long line an excerpt shows: a line of a 1 MB note
/// or of junk must not flood the terminal.
const CELLS: usize = 72;
/// How many of them stand before the caret when the line is cut.
const CELLS_BEFORE: usize = 24;
/// Marks a cut end of the line; ASCII, so it is one cell in every terminal.
const CUT: &str = "...";

/// The line `line` of `source` and a caret under character `column`.
///
/// RON counts columns in characters, but a Chinese character takes two cells,
/// so the caret is indented by the display width of what precedes it. A long
/// line is cut to a window around the place.
pub fn excerpt(source: &str, line: usize, column: usize) -> String {
    let Some(text) = source.lines().nth(line.saturating_sub(1)) else {
        return String::new();
    };
    let chars: Vec<char> = text.chars().collect();
    let caret = column.saturating_sub(1).min(chars.len());
    let cells = |part: &[char]| part.iter().copied().map(shown_width).sum::<usize>();

    let (start, end) = if cells(&chars) <= CELLS {
        (0, chars.len())
    } else {
        let mut start = caret;
        while start > 0 && cells(&chars[start - 1..caret]) <= CELLS_BEFORE {
            start -= 1;
        }
        let mut end = caret;
        let mut used = cells(&chars[start..caret]);
        while end < chars.len() && used + shown_width(chars[end]) <= CELLS {
            used += shown_width(chars[end]);
            end += 1;
        }
        (start, end)
    };

    let shown = |part: &[char]| text::sanitize(&part.iter().collect::<String>());
    let lead = if start > 0 { CUT } else { "" };
    let tail = if end < chars.len() { CUT } else { "" };
    let prefix = format!("{line:>5} | {lead}");
    let before = shown(&chars[start..caret]);
    let pad = " ".repeat(text::width(&prefix) + text::width(&before));
    let after = shown(&chars[caret..end]);
    format!("{prefix}{before}{after}{tail}\n{pad}^")
}

/// The cells a character takes once sanitised for the terminal.
fn shown_width(c: char) -> usize {
    text::width(&text::sanitize(&c.to_string()))
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

    #[test]
    fn a_long_line_is_cut_around_the_place() {
        let line = format!("(note: \"{}\", x: 1)", "大".repeat(500_000));
        let column = line.chars().position(|c| c == 'x').unwrap() + 1;
        let shown = excerpt(&line, 1, column);
        let lines: Vec<&str> = shown.lines().collect();
        assert!(text::width(lines[0]) <= CELLS + 20, "{shown}");
        assert!(lines[0].starts_with("    1 | ...大"), "{shown}");
        let caret = lines[1].find('^').unwrap();
        let cells_before_x = text::width(lines[0].split('x').next().unwrap());
        assert_eq!(caret, cells_before_x);
    }

    #[test]
    fn a_dropped_selector_does_not_shift_the_caret() {
        let source = "(note: \"☎\u{FE0F}\" x)";
        let column = source.chars().position(|c| c == 'x').unwrap() + 1;
        let shown = excerpt(source, 1, column);
        let lines: Vec<&str> = shown.lines().collect();
        let caret = lines[1].find('^').unwrap();
        assert_eq!(caret, text::width(lines[0].split('x').next().unwrap()));
    }
}
