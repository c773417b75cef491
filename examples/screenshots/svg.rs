//! A drawn screen as SVG on a fixed character grid, the way a terminal shows it.
//!
//! Backgrounds are one rectangle per run of equal colour, then underlines, then
//! the text. Every glyph sits on the grid: ASCII in runs (the CJK monospace
//! font gives it exactly half an em, one cell), any other glyph alone and
//! centred on its cells, so a font's idea of its width can never shift a column.

use std::fmt::Write;

use duban::text;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Position;
use ratatui::style::Modifier;

use crate::palette::{self, DEFAULT_BG, DEFAULT_FG, Rgb};

/// The width of one cell in pixels; a wide character takes two.
const CELL_WIDTH: u32 = 8;
/// The height of one cell in pixels.
const CELL_HEIGHT: u32 = 20;
/// The text size in pixels: twice the cell width, so a CJK glyph fills two cells.
const FONT_SIZE: u32 = 16;
/// From a cell's top to the text's baseline.
const BASELINE: u32 = 15;
/// From a cell's top to its underline.
const UNDERLINE: u32 = 18;
/// The text fonts: a monospace CJK font whose ASCII is exactly half an em.
const TEXT_FONTS: &str = "'Noto Sans Mono CJK SC', 'Noto Sans CJK SC', monospace";
/// Fonts for one-cell symbols (▸ ⋯ ✓), which CJK fonts draw a full em wide.
const SYMBOL_FONTS: &str = "'DejaVu Sans Mono', 'Noto Sans Mono CJK SC', monospace";
/// DejaVu Sans Mono's advance in ems; symbols are sized so it is one cell.
const SYMBOL_ADVANCE: f32 = 0.602;
/// The block cursor's colour.
const CURSOR: Rgb = DEFAULT_FG;

/// How one cell shows once its modifiers and the cursor are applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Look {
    /// The text's colour.
    fg: Rgb,
    /// The cell's background.
    bg: Rgb,
    /// Drawn in bold.
    bold: bool,
    /// Underlined, in the text's colour.
    underline: bool,
}

impl Look {
    /// The look a cell's style gives it.
    fn of(cell: &Cell) -> Look {
        let (mut fg, mut bg) = (palette::fg(cell.fg), palette::bg(cell.bg));
        if cell.modifier.contains(Modifier::REVERSED) {
            (fg, bg) = (bg, fg);
        }
        Look {
            fg,
            bg,
            bold: cell.modifier.contains(Modifier::BOLD),
            underline: cell.modifier.contains(Modifier::UNDERLINED),
        }
    }

    /// The look under a block cursor.
    fn under_cursor(self) -> Look {
        Look {
            fg: self.bg,
            bg: CURSOR,
            ..self
        }
    }
}

/// The screen in `buffer` as an SVG document, with a block cursor at `cursor`.
pub fn render(buffer: &Buffer, cursor: Option<Position>) -> String {
    let (width, height) = (buffer.area.width, buffer.area.height);
    let looks: Vec<Vec<Look>> = (0..height).map(|y| row_looks(buffer, y, cursor)).collect();

    let mut svg = header(width, height);
    for (y, row) in looks.iter().enumerate() {
        backgrounds(&mut svg, y, row);
    }
    for (y, row) in looks.iter().enumerate() {
        underlines(&mut svg, y, row);
    }
    let _ = writeln!(svg, "<g fill=\"{DEFAULT_FG}\">");
    for (y, row) in looks.iter().enumerate() {
        texts(&mut svg, buffer, y as u16, row);
    }
    svg.push_str("</g>\n</svg>\n");
    svg
}

/// The looks of one row. The blank cell a wide character covers takes that
/// character's look, since a terminal paints both cells with its colours.
fn row_looks(buffer: &Buffer, y: u16, cursor: Option<Position>) -> Vec<Look> {
    let width = buffer.area.width;
    let mut looks = Vec::with_capacity(width.into());
    while looks.len() < usize::from(width) {
        let x = looks.len() as u16;
        let cell = &buffer[(x, y)];
        let look = Look::of(cell);
        let cells = text::width(cell.symbol()).max(1);
        looks.extend(std::iter::repeat_n(look, cells));
    }
    looks.truncate(width.into());
    if let Some(at) = cursor.filter(|at| at.y == y && at.x < width) {
        let x = usize::from(at.x);
        looks[x] = looks[x].under_cursor();
    }
    looks
}

/// The document's opening: size, fonts and the terminal's background.
fn header(width: u16, height: u16) -> String {
    let (w, h) = (
        u32::from(width) * CELL_WIDTH,
        u32::from(height) * CELL_HEIGHT,
    );
    let symbol_size = CELL_WIDTH as f32 / SYMBOL_ADVANCE;
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
         viewBox=\"0 0 {w} {h}\" xml:space=\"preserve\">\n\
         <style>\n\
         text {{ font-family: {TEXT_FONTS}; font-size: {FONT_SIZE}px; }}\n\
         .s {{ font-family: {SYMBOL_FONTS}; font-size: {symbol_size:.2}px; }}\n\
         .c {{ text-anchor: middle; }}\n\
         .b {{ font-weight: bold; }}\n\
         </style>\n\
         <rect width=\"{w}\" height=\"{h}\" fill=\"{DEFAULT_BG}\"/>\n"
    )
}

/// One rectangle per run of cells whose background is not the terminal's own.
fn backgrounds(svg: &mut String, y: usize, row: &[Look]) {
    let top = y as u32 * CELL_HEIGHT;
    for (start, len, bg) in runs(row, |look| Some(look.bg).filter(|bg| *bg != DEFAULT_BG)) {
        rect(svg, start, len, top, CELL_HEIGHT, bg);
    }
}

/// One line per run of underlined cells of one colour.
fn underlines(svg: &mut String, y: usize, row: &[Look]) {
    let top = y as u32 * CELL_HEIGHT + UNDERLINE;
    for (start, len, fg) in runs(row, |look| look.underline.then_some(look.fg)) {
        rect(svg, start, len, top, 1, fg);
    }
}

/// Writes a rectangle over `len` cells from cell `start`.
fn rect(svg: &mut String, start: usize, len: usize, top: u32, height: u32, fill: Rgb) {
    let (x, w) = (start as u32 * CELL_WIDTH, len as u32 * CELL_WIDTH);
    let _ = writeln!(
        svg,
        "<rect x=\"{x}\" y=\"{top}\" width=\"{w}\" height=\"{height}\" fill=\"{fill}\"/>"
    );
}

/// The runs of neighbouring cells with the same key: start, length, key.
/// Cells whose key is `None` belong to no run.
fn runs<K: PartialEq>(row: &[Look], key: impl Fn(&Look) -> Option<K>) -> Vec<(usize, usize, K)> {
    let mut runs: Vec<(usize, usize, K)> = Vec::new();
    for (x, look) in row.iter().enumerate() {
        let Some(k) = key(look) else { continue };
        match runs.last_mut() {
            Some((start, len, last)) if *start + *len == x && *last == k => *len += 1,
            _ => runs.push((x, 1, k)),
        }
    }
    runs
}

/// A run of ASCII text in one colour and weight, from cell `start`.
struct Run {
    /// The cell of the first character.
    start: u16,
    /// The look of the first character, which all others share.
    look: Look,
    /// The characters, spaces included.
    text: String,
}

/// The text of one row: ASCII in runs, every other glyph centred on its cells.
fn texts(svg: &mut String, buffer: &Buffer, y: u16, row: &[Look]) {
    let mut run: Option<Run> = None;
    let mut x = 0;
    while x < buffer.area.width {
        let symbol = buffer[(x, y)].symbol();
        let cells = text::width(symbol).max(1) as u16;
        let look = row[usize::from(x)];
        if !is_ascii(symbol) {
            flush(svg, y, run.take());
            glyph(svg, x, y, cells, symbol, look);
        } else if symbol == " " {
            if let Some(run) = &mut run {
                run.text.push(' ');
            }
        } else {
            match &mut run {
                Some(open) if same_text_style(&open.look, &look) => open.text.push_str(symbol),
                _ => {
                    flush(svg, y, run.take());
                    let text = symbol.to_string();
                    run = Some(Run {
                        start: x,
                        look,
                        text,
                    });
                }
            }
        }
        x += cells;
    }
    flush(svg, y, run);
}

/// Whether a cell holds one printable ASCII character or a space.
fn is_ascii(symbol: &str) -> bool {
    matches!(symbol.as_bytes(), [b' '..=b'~'])
}

/// Whether two looks draw text the same way; backgrounds are drawn apart.
fn same_text_style(a: &Look, b: &Look) -> bool {
    a.fg == b.fg && a.bold == b.bold
}

/// Writes an ASCII run, left-aligned on its first cell.
fn flush(svg: &mut String, y: u16, run: Option<Run>) {
    let Some(run) = run else { return };
    let x = u32::from(run.start) * CELL_WIDTH;
    text_element(svg, x as f32, y, "", &run.look, run.text.trim_end());
}

/// Writes one non-ASCII glyph centred on its `cells` cells from cell `x`.
fn glyph(svg: &mut String, x: u16, y: u16, cells: u16, symbol: &str, look: Look) {
    if symbol.trim().is_empty() {
        return;
    }
    let centre = (f32::from(x) + f32::from(cells) / 2.0) * CELL_WIDTH as f32;
    let class = if cells == 1 { "c s" } else { "c" };
    text_element(svg, centre, y, class, &look, symbol);
}

/// Writes a `<text>` element on row `y` at `x` pixels with the look's colour and weight.
fn text_element(svg: &mut String, x: f32, y: u16, class: &str, look: &Look, content: &str) {
    let baseline = u32::from(y) * CELL_HEIGHT + BASELINE;
    let mut classes = class.to_string();
    if look.bold {
        classes.push_str(if classes.is_empty() { "b" } else { " b" });
    }
    let _ = write!(svg, "<text x=\"{x}\" y=\"{baseline}\"");
    if !classes.is_empty() {
        let _ = write!(svg, " class=\"{classes}\"");
    }
    if look.fg != DEFAULT_FG {
        let _ = write!(svg, " fill=\"{}\"", look.fg);
    }
    let _ = writeln!(svg, ">{}</text>", escape(content));
}

/// Text made safe inside an XML element: markup characters escaped, control
/// characters (not allowed in XML) shown as spaces.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            c if c.is_control() => escaped.push(' '),
            c => escaped.push(c),
        }
    }
    escaped
}
