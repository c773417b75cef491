//! A one-line text field with a cursor that knows display columns.

use crate::text;

/// The most characters a prompt's field holds: search, jump, meeting date, the
/// pickers and the progress figure.
///
/// A search finds a task by a few words: the longest task of the 2021 list is
/// 88 characters, and an 80-column prompt shows about 35. A pasted document
/// as a query would match nothing useful, yet be matched against every task
/// on every keystroke after it. The note field has no cap: a pasted note is
/// kept whole.
pub const PROMPT_MAX_CHARS: usize = 200;

/// A single-line text field. The cursor is a character index; the terminal's
/// cursor goes at [`TextInput::cursor_column`], which counts wide characters as
/// two cells, so an input method's candidate window opens where the typing is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextInput {
    value: String,
    cursor: usize,
    /// Whether the text was filled in for the user, to be replaced by the
    /// first character typed (as a selected field is).
    prefilled: bool,
    /// The most characters the field holds; `None` for no limit.
    limit: Option<usize>,
}

impl TextInput {
    /// A field holding `value`, with the cursor at its end.
    pub fn with(value: &str) -> TextInput {
        TextInput {
            value: value.to_string(),
            cursor: value.chars().count(),
            prefilled: false,
            limit: None,
        }
    }

    /// A prompt's field holding `value`: at most [`PROMPT_MAX_CHARS`].
    pub fn prompt(value: &str) -> TextInput {
        TextInput::with(value).at_most(PROMPT_MAX_CHARS)
    }

    /// A field holding a suggestion that the first character typed replaces,
    /// while the cursor keys or Backspace keep it for editing.
    pub fn suggested(value: &str) -> TextInput {
        TextInput {
            prefilled: true,
            ..TextInput::with(value)
        }
    }

    /// The same field holding at most `max` characters: what is typed or
    /// pasted beyond that is dropped, and a longer value is cut.
    pub fn at_most(mut self, max: usize) -> TextInput {
        if let Some((cut, _)) = self.value.char_indices().nth(max) {
            self.value.truncate(cut);
        }
        self.cursor = self.cursor.min(max);
        self.limit = Some(max);
        self
    }

    /// Empties the field; its limit stays.
    pub fn clear(&mut self) {
        self.value.clear();
        self.cursor = 0;
        self.prefilled = false;
    }

    /// The text typed.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The cursor's offset in cells from the start of the field.
    pub fn cursor_column(&self) -> usize {
        let before: String = self.value.chars().take(self.cursor).collect();
        text::width(&before)
    }

    /// Inserts a character at the cursor; control characters are ignored.
    pub fn insert(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        if std::mem::take(&mut self.prefilled) {
            self.clear();
        }
        if self.room() == 0 {
            return;
        }
        let at = self.byte_at(self.cursor);
        self.value.insert(at, c);
        self.cursor += 1;
    }

    /// Inserts pasted text at the cursor, with its line breaks turned into spaces
    /// (this field has one line) and other control characters dropped. Returns
    /// whether all of it went in; what passes the field's limit is dropped.
    ///
    /// The text goes in at once: inserting it character by character, each
    /// insertion finding its place from the start, took seconds for 100 KB.
    pub fn paste(&mut self, pasted: &str) -> bool {
        // Terminals send line breaks as CR, LF or both; any run of them is one break.
        let lines: Vec<&str> = pasted
            .split(['\r', '\n'])
            .filter(|l| !l.is_empty())
            .collect();
        let flat: String = lines
            .join(" ")
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c })
            .filter(|c| !c.is_control())
            .collect();
        if flat.is_empty() {
            return true;
        }
        if std::mem::take(&mut self.prefilled) {
            self.clear();
        }
        let room = self.room();
        let kept = match flat.char_indices().nth(room) {
            Some((cut, _)) => &flat[..cut],
            None => &flat,
        };
        let at = self.byte_at(self.cursor);
        self.value.insert_str(at, kept);
        self.cursor += kept.chars().count();
        kept.len() == flat.len()
    }

    /// How many more characters the field takes.
    fn room(&self) -> usize {
        self.limit.map_or(usize::MAX, |max| {
            max.saturating_sub(self.value.chars().count())
        })
    }

    /// Deletes the character before the cursor.
    pub fn backspace(&mut self) {
        self.prefilled = false;
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte_at(self.cursor);
            self.value.remove(at);
        }
    }

    /// Deletes the character under the cursor.
    pub fn delete(&mut self) {
        self.prefilled = false;
        if self.cursor < self.value.chars().count() {
            let at = self.byte_at(self.cursor);
            self.value.remove(at);
        }
    }

    /// Moves the cursor one character left.
    pub fn left(&mut self) {
        self.prefilled = false;
        self.cursor = self.cursor.saturating_sub(1);
    }

    /// Moves the cursor one character right.
    pub fn right(&mut self) {
        self.prefilled = false;
        self.cursor = (self.cursor + 1).min(self.value.chars().count());
    }

    /// Moves the cursor to the start.
    pub fn home(&mut self) {
        self.prefilled = false;
        self.cursor = 0;
    }

    /// Moves the cursor to the end.
    pub fn end(&mut self) {
        self.prefilled = false;
        self.cursor = self.value.chars().count();
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.value
            .char_indices()
            .nth(chars)
            .map_or(self.value.len(), |(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_column_counts_wide_characters_twice() {
        let mut input = TextInput::default();
        for c in "A市大数据".chars() {
            input.insert(c);
        }
        assert_eq!(input.cursor_column(), 9);
        input.left();
        assert_eq!(input.cursor_column(), 7);
        input.backspace();
        assert_eq!(input.value(), "A市大据");
        assert_eq!(input.cursor_column(), 5);
    }

    #[test]
    fn paste_flattens_line_breaks() {
        let mut input = TextInput::default();
        input.paste("第一行\r\n第二行\r第三行\n");
        assert_eq!(input.value(), "第一行 第二行 第三行");
        let mut input = TextInput::default();
        input.paste("甲\r\r乙");
        assert_eq!(input.value(), "甲 乙");
    }

    #[test]
    fn a_long_paste_goes_in_whole_at_the_cursor() {
        // 100 KB of lines ended every way a terminal ends them, with a tab and
        // a stray escape that a one-line field drops.
        let breaks = ["\r\n", "\n", "\r"];
        let mut pasted = String::new();
        let mut expected = Vec::new();
        for i in 0..3_000 {
            let line = format!("第{i}项\t推进中，完成率{}%", i % 100);
            pasted.push_str(&line);
            pasted.push('\u{1b}');
            pasted.push_str(breaks[i % 3]);
            expected.push(line.replace('\t', " "));
        }
        assert!(pasted.len() > 100_000);
        let mut input = TextInput::with("前后");
        input.left();
        assert!(input.paste(&pasted));
        let expected = format!("前{}后", expected.join(" "));
        assert_eq!(input.value(), expected);
        assert_eq!(
            input.cursor_column(),
            text::width(&expected) - text::width("后")
        );
    }

    #[test]
    fn a_paste_replaces_a_suggestion_unless_it_is_empty() {
        let mut input = TextInput::suggested("2021-10-18");
        assert!(input.paste("\r\n"));
        assert_eq!(input.value(), "2021-10-18");
        input.paste("2021-10-25\r");
        assert_eq!(input.value(), "2021-10-25");
    }

    #[test]
    fn a_prompt_keeps_what_fits_and_says_it_cut() {
        let mut input = TextInput::prompt("大数据");
        let long = "市".repeat(PROMPT_MAX_CHARS);
        assert!(!input.paste(&long));
        assert_eq!(input.value().chars().count(), PROMPT_MAX_CHARS);
        assert!(input.value().starts_with("大数据市"));
        input.insert('局');
        assert_eq!(input.value().chars().count(), PROMPT_MAX_CHARS);
        // Emptied with Ctrl-U, the field keeps its limit.
        input.clear();
        assert!(!input.paste(&long.repeat(2)));
        assert_eq!(input.value(), long);
    }
}
