//! Finds where in a RON file's text a [`Place`] of its data stands, so that a
//! problem found after parsing (a duplicate task number, an update for task 999)
//! is reported at a line and column like a syntax error.
//!
//! `ron` keeps no positions once a value is parsed, so this walks the text
//! again: only brackets, commas and field names matter, with strings and
//! comments skipped so that a note saying `task: 999` is not taken for a field.

use crate::model::Place;

/// A line and a column in characters, both from 1, as `ron` counts them.
pub type Position = (usize, usize);

/// Where `place` stands in `source`: its field, else its element, else its
/// list, else the top of the file.
pub fn position(source: &str, place: &Place) -> Position {
    let tokens = tokens(source);
    let found = match place {
        Place::Field(name) => top_field(&tokens, name).map(|i| tokens[i].at),
        Place::Item { list, index, field } => item(&tokens, list, *index, *field),
    };
    found.unwrap_or((1, 1))
}

/// Where the bracket opens that is closed at or just before `close`: the start
/// of the entry a parser was reading when it reached its end.
pub fn opening(source: &str, close: Position) -> Option<Position> {
    let tokens = tokens(source);
    let last = tokens
        .iter()
        .rposition(|t| t.kind == Kind::Close && t.at <= close)?;
    let depth = tokens[last].depth;
    tokens[..last]
        .iter()
        .rev()
        .find(|t| t.kind == Kind::Open && t.depth == depth)
        .map(|t| t.at)
}

/// How many brackets are still open at the end of `source`: more than none
/// means the file was most likely cut off, by a save that did not finish or
/// a disk that filled.
pub fn unclosed(source: &str) -> usize {
    let tokens = tokens(source);
    let opened = tokens.iter().filter(|t| t.kind == Kind::Open).count();
    let closed = tokens.iter().filter(|t| t.kind == Kind::Close).count();
    opened.saturating_sub(closed)
}

/// One element of a top-level list: where its text starts and ends, in bytes,
/// and the line and column it starts at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    /// The byte range of its text, up to the comma or bracket after it.
    pub bytes: std::ops::Range<usize>,
    /// Where it starts.
    pub at: Position,
}

/// The elements of the top-level list `list`, so that each can be parsed on
/// its own; `None` when there is no such list or it is not closed.
pub fn elements(source: &str, list: &str) -> Option<Vec<Element>> {
    let tokens = tokens(source);
    let key = top_field(&tokens, list)?;
    let open = key + 1;
    if tokens.get(open)?.kind != Kind::Open {
        return None;
    }
    let mut found = Vec::new();
    let mut start = open + 1;
    loop {
        let end = boundary(&tokens, start);
        let after = tokens.get(end)?;
        if start < end {
            found.push(Element {
                bytes: tokens[start].offset..after.offset,
                at: tokens[start].at,
            });
        }
        if after.kind != Kind::Comma {
            return Some(found);
        }
        start = end + 1;
    }
}

/// Where the element of a top-level list that starts at token `from` ends:
/// at a comma between elements, or at the list's closing bracket.
fn boundary(tokens: &[Token], from: usize) -> usize {
    tokens[from..]
        .iter()
        .position(|t| {
            (t.kind == Kind::Comma && t.depth == 2) || (t.kind == Kind::Close && t.depth < 2)
        })
        .map_or(tokens.len(), |n| from + n)
}

/// Whether `source` holds nothing but comments and blanks.
pub fn is_blank(source: &str) -> bool {
    tokens(source).is_empty()
}

/// What the walk keeps of the text.
#[derive(Debug, PartialEq)]
enum Kind<'a> {
    /// `(`, `[` or `{`.
    Open,
    /// `)`, `]` or `}`.
    Close,
    /// `,`.
    Comma,
    /// A name followed by `:`.
    Key(&'a str),
    /// The start of any other value: a number, a string, a name.
    Value,
}

#[derive(Debug)]
struct Token<'a> {
    kind: Kind<'a>,
    /// How many brackets are open around it.
    depth: usize,
    at: Position,
    /// Where it starts, in bytes.
    offset: usize,
}

/// The index of the field `name` of the outer value.
fn top_field(tokens: &[Token], name: &str) -> Option<usize> {
    tokens
        .iter()
        .position(|t| t.depth == 1 && t.kind == Kind::Key(name))
}

/// The position of element `index` of the top-level list `list`, or of its
/// field when one is asked for and present.
fn item(
    tokens: &[Token],
    list: &str,
    index: usize,
    field: Option<(&str, usize)>,
) -> Option<Position> {
    let key = top_field(tokens, list)?;
    let open = key + 1;
    if tokens.get(open)?.kind != Kind::Open {
        return Some(tokens[key].at);
    }
    // Elements sit at depth 2; each ends at a comma of that depth or at the
    // list's closing bracket.
    let boundary = |from: usize| boundary(tokens, from);
    let mut start = open + 1;
    for _ in 0..index {
        let end = boundary(start);
        if tokens.get(end)?.kind != Kind::Comma {
            return Some(tokens[key].at);
        }
        start = end + 1;
    }
    let end = boundary(start);
    let Some(element) = tokens.get(start).filter(|_| start < end) else {
        return Some(tokens[key].at);
    };
    let within = |(name, nth): (&str, usize)| {
        tokens[start..end]
            .iter()
            .filter(|t| t.kind == Kind::Key(name))
            .nth(nth)
            .map(|t| t.at)
    };
    Some(field.and_then(within).unwrap_or(element.at))
}

/// Walks `source`, keeping brackets, commas, field names and value starts.
fn tokens(source: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut walk = Walk::new(source);
    let mut depth = 0usize;
    while let Some((offset, c)) = walk.peek() {
        let at = walk.at();
        match c {
            '/' if walk.rest().starts_with("//") => walk.skip_while(|c| c != '\n'),
            '/' if walk.rest().starts_with("/*") => walk.skip_block_comment(),
            '"' => {
                tokens.push(Token {
                    kind: Kind::Value,
                    depth,
                    at,
                    offset,
                });
                walk.skip_string();
            }
            'r' if walk.rest().starts_with("r\"") || walk.rest().starts_with("r#") => {
                tokens.push(Token {
                    kind: Kind::Value,
                    depth,
                    at,
                    offset,
                });
                walk.skip_raw_string();
            }
            '\'' => {
                tokens.push(Token {
                    kind: Kind::Value,
                    depth,
                    at,
                    offset,
                });
                walk.skip_char_literal();
            }
            '(' | '[' | '{' => {
                tokens.push(Token {
                    kind: Kind::Open,
                    depth,
                    at,
                    offset,
                });
                depth += 1;
                walk.next();
            }
            ')' | ']' | '}' => {
                depth = depth.saturating_sub(1);
                tokens.push(Token {
                    kind: Kind::Close,
                    depth,
                    at,
                    offset,
                });
                walk.next();
            }
            ',' => {
                tokens.push(Token {
                    kind: Kind::Comma,
                    depth,
                    at,
                    offset,
                });
                walk.next();
            }
            c if c.is_alphanumeric() || c == '_' => {
                walk.skip_while(|c| c.is_alphanumeric() || c == '_' || c == '.');
                let word = &source[offset..walk.offset()];
                walk.skip_while(char::is_whitespace);
                let kind = if walk.peek().is_some_and(|(_, c)| c == ':') {
                    walk.next();
                    Kind::Key(word)
                } else {
                    Kind::Value
                };
                tokens.push(Token {
                    kind,
                    depth,
                    at,
                    offset,
                });
            }
            _ => {
                walk.next();
            }
        }
    }
    tokens
}

/// A cursor over the text that counts lines and columns as it goes.
struct Walk<'a> {
    source: &'a str,
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    line: usize,
    column: usize,
}

impl<'a> Walk<'a> {
    fn new(source: &'a str) -> Walk<'a> {
        Walk {
            source,
            chars: source.char_indices().peekable(),
            line: 1,
            column: 1,
        }
    }

    fn peek(&mut self) -> Option<(usize, char)> {
        self.chars.peek().copied()
    }

    fn offset(&mut self) -> usize {
        self.peek().map_or(self.source.len(), |(i, _)| i)
    }

    fn rest(&mut self) -> &'a str {
        let offset = self.offset();
        &self.source[offset..]
    }

    fn at(&self) -> Position {
        (self.line, self.column)
    }

    fn next(&mut self) -> Option<char> {
        let (_, c) = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn skip_while(&mut self, keep: impl Fn(char) -> bool) {
        while self.peek().is_some_and(|(_, c)| keep(c)) {
            self.next();
        }
    }

    /// Skips `"…"`, with its backslash escapes.
    fn skip_string(&mut self) {
        self.next();
        while let Some(c) = self.next() {
            match c {
                '\\' => {
                    self.next();
                }
                '"' => return,
                _ => {}
            }
        }
    }

    /// Skips `r"…"` or `r#"…"#` with any number of `#`.
    fn skip_raw_string(&mut self) {
        self.next();
        let mut hashes = 0;
        while self.peek().is_some_and(|(_, c)| c == '#') {
            hashes += 1;
            self.next();
        }
        if self.peek().is_none_or(|(_, c)| c != '"') {
            return;
        }
        self.next();
        let close = format!("\"{}", "#".repeat(hashes));
        while !self.rest().is_empty() && !self.rest().starts_with(&close) {
            self.next();
        }
        for _ in 0..close.len() {
            self.next();
        }
    }

    /// Skips `'x'` or `'\n'`.
    fn skip_char_literal(&mut self) {
        self.next();
        if self.next() == Some('\\') {
            self.next();
        }
        self.skip_while(|c| c != '\'' && c != '\n');
        self.next();
    }

    /// Skips `/* … */`, which may nest in RON.
    fn skip_block_comment(&mut self) {
        let mut open = 0usize;
        while !self.rest().is_empty() {
            if self.rest().starts_with("/*") {
                open += 1;
                self.next();
            } else if self.rest().starts_with("*/") {
                open -= 1;
                self.next();
                if open == 0 {
                    self.next();
                    return;
                }
            }
            self.next();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STATE: &str = r#"// a comment with task: 1
(
    meetings: [(date: "2021-10-18")],
    updates: [
        (task: 38, date: "2021-10-18", status: Done),
        (
            task: 999,
            date: "2021-10-18",
            status: Lagging,
            note: "内容 task: 5, progress: 7",
            progress: 150,
        ),
    ],
)
"#;

    fn at(list: &'static str, index: usize, field: Option<(&'static str, usize)>) -> Position {
        position(STATE, &Place::Item { list, index, field })
    }

    #[test]
    fn splits_a_list_into_its_elements_with_a_trailing_comma() {
        let found = elements(STATE, "updates").unwrap();
        let texts: Vec<&str> = found
            .iter()
            .map(|e| STATE[e.bytes.clone()].trim())
            .collect();
        assert_eq!(texts.len(), 2);
        assert_eq!(texts[0], r#"(task: 38, date: "2021-10-18", status: Done)"#);
        assert!(
            texts[1].starts_with('(') && texts[1].ends_with(')'),
            "{}",
            texts[1]
        );
        assert_eq!(found[1].at, (6, 9));
        assert_eq!(elements(STATE, "meetings").unwrap().len(), 1);
        assert_eq!(
            elements("(updates: [(task: 1)", "updates"),
            None,
            "not closed"
        );
    }

    #[test]
    fn finds_the_field_of_an_element() {
        assert_eq!(at("updates", 0, Some(("task", 0))), (5, 10));
        assert_eq!(at("updates", 1, Some(("task", 0))), (7, 13));
        assert_eq!(at("updates", 1, Some(("progress", 0))), (11, 13));
    }

    #[test]
    fn text_inside_strings_and_comments_is_not_a_field() {
        assert_eq!(
            at("updates", 0, Some(("progress", 0))),
            (5, 9),
            "the element"
        );
        assert_eq!(position(STATE, &Place::Field("updates")), (4, 5));
    }

    #[test]
    fn a_missing_element_falls_back_to_its_list_or_the_top() {
        assert_eq!(at("updates", 5, None), (4, 5), "the list");
        assert_eq!(at("tasks", 0, None), (1, 1));
    }

    #[test]
    fn nested_fields_are_counted_in_order() {
        let list = "(tasks: [(id: 1, units: [(name: \"甲\"), (name: \"\")])])";
        let place = Place::Item {
            list: "tasks",
            index: 0,
            field: Some(("name", 1)),
        };
        assert_eq!(position(list, &place), (1, 40));
    }

    #[test]
    fn the_opening_of_an_entry_is_found_from_its_close() {
        assert_eq!(opening(STATE, (12, 9)), Some((6, 9)));
        assert_eq!(opening(STATE, (5, 54)), Some((5, 9)));
    }

    #[test]
    fn a_cut_file_has_brackets_left_open() {
        assert_eq!(unclosed(STATE), 0);
        assert_eq!(unclosed(&STATE[..STATE.len() / 2]), 3);
        assert_eq!(unclosed("(note: \"((\")"), 0);
    }

    #[test]
    fn raw_strings_and_block_comments_are_skipped() {
        let text = "(/* id: 3 /* nested */ */ x: r#\"id: 4\"#, id: 5)";
        assert_eq!(position(text, &Place::Field("id")), (1, 42));
    }
}
