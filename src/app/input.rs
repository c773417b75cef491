//! A one-line text field with a cursor that knows display columns.

use crate::text;

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
}

impl TextInput {
    /// A field holding `value`, with the cursor at its end.
    pub fn with(value: &str) -> TextInput {
        TextInput {
            value: value.to_string(),
            cursor: value.chars().count(),
            prefilled: false,
        }
    }

    /// A field holding a suggestion that the first character typed replaces,
    /// while the cursor keys or Backspace keep it for editing.
    pub fn suggested(value: &str) -> TextInput {
        TextInput {
            prefilled: true,
            ..TextInput::with(value)
        }
    }

    /// Empties the field.
    pub fn clear(&mut self) {
        *self = TextInput::default();
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
        let at = self.byte_at(self.cursor);
        self.value.insert(at, c);
        self.cursor += 1;
    }

    /// Inserts pasted text at the cursor, with its line breaks turned into spaces
    /// (this field has one line) and other control characters dropped.
    pub fn paste(&mut self, pasted: &str) {
        // Terminals send line breaks as CR, LF or both; any run of them is one break.
        let lines: Vec<&str> = pasted
            .split(['\r', '\n'])
            .filter(|l| !l.is_empty())
            .collect();
        let flat = lines.join(" ").replace('\t', " ");
        for c in flat.chars() {
            self.insert(c);
        }
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
}
