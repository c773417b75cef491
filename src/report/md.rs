//! The sheet as Markdown: the same pages as html and txt, as headings,
//! paragraphs and pipe tables.

use super::layout::{self, Block, Cell, Page, Table};
use super::{Kind, Report};
use crate::labels;
use crate::rules::Light;

/// The file's text: pages separated by a thematic break.
pub(super) fn render(report: &Report, kind: Kind) -> String {
    let pages: Vec<String> = layout::pages(report, kind).iter().map(page).collect();
    pages.join("\n---\n\n")
}

fn page(page: &Page) -> String {
    let mut md = format!("# {}\n\n", escape(&page.title));
    for line in &page.subtitle {
        md.push_str(&format!("{}\n\n", escape(line)));
    }
    for block in &page.blocks {
        match block {
            Block::Heading(text) => md.push_str(&format!("## {}\n\n", escape(text))),
            Block::Paragraph(text) => md.push_str(&format!("{}\n\n", escape(text))),
            Block::Table(table) => md.push_str(&self::table(table)),
        }
    }
    md
}

fn table(table: &Table) -> String {
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    let mut md = line(table.header.iter().map(|h| escape(h)).collect());
    md.push_str(&line(
        table.header.iter().map(|_| "---".to_string()).collect(),
    ));
    for row in &table.rows {
        md.push_str(&line(row.iter().map(cell).collect()));
    }
    md.push('\n');
    md
}

/// A cell's text: a light as symbol and word, other text escaped.
pub(super) fn cell(cell: &Cell) -> String {
    match cell {
        Cell::Light(light) => light_text(*light),
        Cell::Text(text) => escape(text),
        Cell::Dated(dated) => escape(&layout::dated_text(dated)),
    }
}

/// A light as the terminal shows it, symbol and word: ✖ 红灯, or ✓ 已完成.
pub(super) fn light_text(light: Option<Light>) -> String {
    let symbol = light.map_or(crate::model::Status::Done.symbol(), labels::light_symbol);
    format!("{symbol} {}", layout::light_word(light))
}

/// Text that Markdown shows as typed: punctuation that could start markup or
/// HTML (`<`, `&`, `|`, `*`…) is escaped with a backslash, and line breaks,
/// which would end a table row, become spaces.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '&' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ if c.is_control() => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}
