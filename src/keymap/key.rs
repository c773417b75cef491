//! A key press as the keymap names it: `q`, `G`, `ctrl-z`, `enter`, `f1`.

use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with its Ctrl and Alt modifiers. Shift is folded into the character
/// (`G`, `?`), since terminals disagree about reporting it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key itself.
    pub code: KeyCode,
    /// Ctrl held.
    pub ctrl: bool,
    /// Alt held.
    pub alt: bool,
}

/// Named keys and their spelling in the config.
const NAMED: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("space", KeyCode::Char(' ')),
];

impl Key {
    /// Whether the key types a character (a letter, a digit, a space) rather
    /// than being a named key or a combination.
    pub fn is_typed(&self) -> bool {
        matches!(self.code, KeyCode::Char(_)) && !self.ctrl && !self.alt
    }

    /// A plain key with no modifiers.
    pub fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    /// The key of a terminal event.
    pub fn from_event(event: &KeyEvent) -> Key {
        Key {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// Reads a key's name: a character, a named key, `f1`–`f12`, with optional
    /// `ctrl-` and `alt-` prefixes.
    pub fn parse(name: &str) -> Option<Key> {
        // Names and modifiers in any case, as duban itself writes them ("Esc",
        // "Ctrl-z"); a single character keeps its case ("G" is not "g").
        let lower = name.to_lowercase();
        let name = if name.chars().count() > 1 {
            lower.as_str()
        } else {
            name
        };
        let mut key = Key::plain(KeyCode::Null);
        let mut rest = name;
        loop {
            if let Some(tail) = rest.strip_prefix("ctrl-").filter(|t| !t.is_empty()) {
                key.ctrl = true;
                rest = tail;
            } else if let Some(tail) = rest.strip_prefix("alt-").filter(|t| !t.is_empty()) {
                key.alt = true;
                rest = tail;
            } else {
                break;
            }
        }
        key.code = if let Some(&(_, code)) = NAMED.iter().find(|(n, _)| *n == rest) {
            code
        } else if let Some(n) = rest.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
            KeyCode::F(n)
        } else {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => KeyCode::Char(c),
                _ => return None,
            }
        };
        Some(key)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Up => f.write_str("Up"),
            KeyCode::Down => f.write_str("Down"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            other => write!(f, "{other:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_names_keys() {
        let ctrl_z = Key::parse("ctrl-z").unwrap();
        assert!(ctrl_z.ctrl && ctrl_z.code == KeyCode::Char('z'));
        assert_eq!(ctrl_z.to_string(), "Ctrl-z");
        assert_eq!(Key::parse("f1").unwrap().code, KeyCode::F(1));
        assert_eq!(Key::parse("-").unwrap().code, KeyCode::Char('-'));
        assert_eq!(Key::parse("ctrl-"), None);
        assert_eq!(Key::parse("nonsense"), None);
    }

    #[test]
    fn names_are_read_in_any_case_but_a_letter_keeps_its_own() {
        assert_eq!(Key::parse("Esc"), Key::parse("esc"));
        assert_eq!(Key::parse("Ctrl-Z"), Key::parse("ctrl-z"));
        assert_ne!(Key::parse("G"), Key::parse("g"));
    }
}
