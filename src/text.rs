//! Display widths for Chinese text: measuring, cutting with an ellipsis, wrapping.
//!
//! A Chinese character takes two terminal cells, so every cut and wrap here is by
//! cells, never by `chars().count()` or bytes.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The mark left where text was cut.
///
/// U+22EF is narrow in every width table, unlike U+2026 (…), which Chinese-locale
/// terminals draw two cells wide.
pub const ELLIPSIS: &str = "⋯";

/// Characters that must not begin a line in Chinese typesetting (避头点).
const NO_LINE_START: &str = "，。、；：？！）》」』】”’%％,.;:?!)]";

/// Characters that must not end a line (避尾点): opening brackets and quotes.
const NO_LINE_END: &str = "（《「『【“‘([";

/// The number of terminal cells the text takes.
pub fn width(text: &str) -> usize {
    text.width()
}

/// The cells one character takes; control characters take none.
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Cuts the text to at most `max` cells, ending in [`ELLIPSIS`] when anything was cut.
///
/// A wide character that would straddle the limit is dropped whole, so the result
/// may be one cell short; callers pad to the column width.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let room = max - width(ELLIPSIS);
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push_str(ELLIPSIS);
    out
}

/// Wraps text into lines of at most `max` cells.
///
/// Chinese may break between any two characters, but runs of Latin letters and
/// digits ("NB-IoT", "1500") stay whole where they fit, and closing punctuation
/// never starts a line: it pulls the character before it down with it.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(2);
    let mut lines: Vec<String> = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for token in tokens(paragraph) {
            place_token(&mut lines, &mut line, token, max);
        }
        lines.push(line);
    }
    lines
}

/// Adds one token to the current line, starting a new line when it does not fit.
fn place_token(lines: &mut Vec<String>, line: &mut String, token: &str, max: usize) {
    let token_width = width(token);
    if width(line) + token_width <= max {
        line.push_str(token);
        return;
    }
    if token.trim().is_empty() {
        // A space where the line breaks is the break: no line starts with it.
        lines.push(std::mem::take(line));
        return;
    }
    if token_width > max {
        // A token longer than a whole line is broken wherever the line is full.
        for c in token.chars() {
            if width(line) + char_width(c) > max {
                lines.push(std::mem::take(line));
            }
            line.push(c);
        }
        return;
    }
    let starts_badly = token
        .chars()
        .next()
        .is_some_and(|c| NO_LINE_START.contains(c));
    let mut carried = String::new();
    if starts_badly && let Some(last) = line.pop() {
        if line.is_empty() {
            line.push(last);
        } else {
            carried.push(last);
        }
    }
    // Nor may a line end in an opening bracket: it moves down with its word.
    while line.chars().count() > 1 && line.ends_with(|c| NO_LINE_END.contains(c)) {
        if let Some(last) = line.pop() {
            carried.insert(0, last);
        }
    }
    lines.push(std::mem::take(line));
    line.push_str(&carried);
    line.push_str(token);
}

/// Splits text into units that wrapping keeps whole: a run of ASCII letters and
/// digits, or any single other character.
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let len = if is_word_char(first) {
            rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len())
        } else {
            first.len_utf8()
        };
        let (token, tail) = rest.split_at(len);
        rest = tail;
        Some(token)
    })
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '.' | '%' | '_')
}

/// Makes user text safe to draw in one line of cells.
///
/// Control characters (a pasted tab or line break) become spaces, and variation
/// selectors and zero-width joiners are dropped: terminals disagree with width
/// tables about emoji sequences, and a disagreement must not shift what follows.
pub fn sanitize(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{200D}'))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The form of a character to draw in a terminal grid.
///
/// Punctuation of ambiguous East Asian width (“ ” ‘ ’ — · …) is drawn one cell
/// wide by some terminals and two by others, so that a row holding it can push
/// every later column out of line. Each such mark is drawn as a look-alike of
/// fixed width instead, one character for one so that highlight positions hold.
/// Files and reports keep the text as it is.
pub fn terminal_char(c: char) -> char {
    match c {
        '“' => '「',
        '”' => '」',
        '‘' | '’' => '\'',
        '—' | '–' => '－',
        '·' => '・',
        '…' => '⋯',
        '×' => '✕',
        '°' => '˚',
        '①'..='⑨' => char::from_u32(c as u32 - '①' as u32 + '1' as u32).unwrap_or(c),
        _ if c.is_control() => ' ',
        _ => c,
    }
}

/// The text as drawn in a terminal grid: see [`terminal_char`].
pub fn for_terminal(text: &str) -> String {
    sanitize(text).chars().map(terminal_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const U1: &str = "市政务服务和大数据管理局";

    #[test]
    fn truncates_by_cells_with_an_ellipsis() {
        assert_eq!(width(U1), 24);
        assert_eq!(truncate(U1, 24), U1);
        assert_eq!(truncate(U1, 10), "市政务服⋯");
        // 9 cells: four characters and the mark would be 9; never half a glyph.
        assert_eq!(truncate(U1, 9), "市政务服⋯");
        assert_eq!(truncate(U1, 2), "⋯");
        assert_eq!(truncate(U1, 1), "⋯");
        assert_eq!(truncate(U1, 0), "");
        for max in 0..30 {
            assert!(width(&truncate(U1, max)) <= max, "cut to {max}");
        }
    }

    #[test]
    fn truncates_mixed_ascii_prefix() {
        assert_eq!(truncate("A市大数据局", 6), "A市大⋯");
        assert_eq!(truncate("A市大数据局", 5), "A市⋯");
    }

    #[test]
    fn wraps_by_cells_and_keeps_words_whole() {
        let lines = wrap("推进“一网通办”2.0建设", 10);
        for line in &lines {
            assert!(width(line) <= 10, "{line:?}");
        }
        assert_eq!(lines.concat(), "推进“一网通办”2.0建设");
        assert_eq!(wrap("实现NB-IoT网络", 6), vec!["实现", "NB-IoT", "网络"]);
    }

    #[test]
    fn no_line_starts_with_the_space_it_broke_at() {
        assert_eq!(
            wrap("共有十二项 42 项已逾期", 10),
            vec!["共有十二项", "42 项已逾", "期"]
        );
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        let lines = wrap("一二三四，五六", 8);
        assert_eq!(lines, vec!["一二三", "四，五六"]);
    }

    #[test]
    fn drawn_text_has_one_width_in_every_terminal() {
        use unicode_width::UnicodeWidthChar;
        let list: crate::model::TaskList = ron::from_str(crate::storage::BUILTIN_TASKS).unwrap();
        let texts = list
            .tasks
            .iter()
            .flat_map(|t| [t.content.clone(), t.units_joined()]);
        for text in texts.chain(["推进“一网通办”2.0建设".to_string()]) {
            for c in for_terminal(&text).chars() {
                assert_eq!(
                    c.width(),
                    c.width_cjk(),
                    "{c:?} U+{:04X} in {text}",
                    c as u32
                );
            }
        }
    }

    #[test]
    fn opening_brackets_never_end_a_line() {
        let lines = wrap("一二三「四五」", 8);
        assert_eq!(lines, vec!["一二三", "「四五」"]);
    }

    #[test]
    fn sanitize_removes_controls_and_joiners() {
        assert_eq!(sanitize("a\tb\r\nc"), "a b  c");
        assert_eq!(sanitize("好\u{FE0F}的\u{200D}"), "好的");
    }
}
