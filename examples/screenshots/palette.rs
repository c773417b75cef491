//! A dark terminal palette: what each ratatui [`Color`] looks like on screen.

use std::fmt;

use ratatui::style::Color;

/// A colour on screen, written as `#rrggbb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The terminal's own text colour, used where a cell says `Reset`.
pub const DEFAULT_FG: Rgb = Rgb(0xd0, 0xd0, 0xd0);

/// The terminal's own background, used where a cell says `Reset`.
pub const DEFAULT_BG: Rgb = Rgb(0x10, 0x14, 0x18);

/// The sixteen ANSI colours, in the order of their index: black, red, green,
/// yellow, blue, magenta, cyan, grey, then the bright eight.
const ANSI: [Rgb; 16] = [
    Rgb(0x00, 0x00, 0x00),
    Rgb(0xcd, 0x31, 0x31),
    Rgb(0x0d, 0xbc, 0x79),
    Rgb(0xe5, 0xe5, 0x10),
    Rgb(0x24, 0x72, 0xc8),
    Rgb(0xbc, 0x3f, 0xbc),
    Rgb(0x11, 0xa8, 0xcd),
    Rgb(0xc0, 0xc0, 0xc0),
    Rgb(0x66, 0x66, 0x66),
    Rgb(0xf1, 0x4c, 0x4c),
    Rgb(0x23, 0xd1, 0x8b),
    Rgb(0xf5, 0xf5, 0x43),
    Rgb(0x3b, 0x8e, 0xea),
    Rgb(0xd6, 0x70, 0xd6),
    Rgb(0x29, 0xb8, 0xdb),
    Rgb(0xff, 0xff, 0xff),
];

/// The colour a cell's foreground shows.
pub fn fg(color: Color) -> Rgb {
    resolve(color).unwrap_or(DEFAULT_FG)
}

/// The colour a cell's background shows.
pub fn bg(color: Color) -> Rgb {
    resolve(color).unwrap_or(DEFAULT_BG)
}

/// A colour's value, or `None` for `Reset`, whose value depends on the layer.
fn resolve(color: Color) -> Option<Rgb> {
    let index = match color {
        Color::Reset => return None,
        Color::Rgb(r, g, b) => return Some(Rgb(r, g, b)),
        Color::Indexed(i) => return Some(indexed(i)),
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
    };
    Some(ANSI[index])
}

/// The xterm 256-colour table: the ANSI sixteen, a 6×6×6 cube, 24 greys.
fn indexed(i: u8) -> Rgb {
    match i {
        0..=15 => ANSI[usize::from(i)],
        16..=231 => {
            let level = |n: u8| if n == 0 { 0 } else { 55 + 40 * n };
            let n = i - 16;
            Rgb(level(n / 36), level(n / 6 % 6), level(n % 6))
        }
        _ => {
            let grey = 8 + 10 * (i - 232);
            Rgb(grey, grey, grey)
        }
    }
}
