//! The sheet as plain text: the same pages as html and md, with table columns
//! lined up by display width (a Chinese character takes two columns) and long
//! text wrapped inside its column.

use super::layout::{self, Block, Cell, Column, Page, Table};
use super::{Kind, Report, md};
use crate::text;

/// Columns between two table columns.
const GAP: usize = 2;
/// The widest a column of running text grows before it wraps.
const TEXT_WIDTH: usize = 30;

/// The file's text: pages separated by a form feed, which starts a new sheet
/// when the file is printed.
pub(super) fn render(report: &Report, kind: Kind) -> String {
    let pages: Vec<String> = layout::pages(report, kind).iter().map(page).collect();
    pages.join("\u{c}\n")
}

fn page(page: &Page) -> String {
    let mut out = format!("{}\n", text::sanitize(&page.title));
    for line in &page.subtitle {
        out.push_str(&format!("{}\n", text::sanitize(line)));
    }
    for block in &page.blocks {
        match block {
            Block::Heading(heading) => out.push_str(&format!("\n{}\n", text::sanitize(heading))),
            Block::Paragraph(para) => out.push_str(&format!("{}\n", text::sanitize(para))),
            Block::Table(table) => out.push_str(&self::table(table)),
        }
    }
    out
}

fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Light(light) => md::light_text(*light),
        Cell::Text(content) => text::sanitize(content),
        Cell::Dated(dated) => text::sanitize(&layout::dated_text(dated)),
    }
}

/// The table with each column as wide as its widest cell (running text at
/// most [`TEXT_WIDTH`], wrapped), a rule under the header, and no trailing blanks.
pub(super) fn table(table: &Table) -> String {
    let header: Vec<String> = table.header.iter().map(|h| h.to_string()).collect();
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| row.iter().map(cell_text).collect())
        .collect();
    let widths: Vec<usize> = table
        .columns
        .iter()
        .enumerate()
        .map(|(i, column)| {
            let natural = std::iter::once(&header)
                .chain(&rows)
                .map(|row| row.get(i).map_or(0, |c| text::width(c)))
                .max()
                .unwrap_or(0);
            match column {
                Column::Short => natural,
                Column::Text => natural.min(TEXT_WIDTH.max(text::width(&header[i]))),
            }
        })
        .collect();

    let mut out = line(&header, &widths);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    out.push_str(&line(&rule, &widths));
    for row in &rows {
        out.push_str(&line(row, &widths));
    }
    out
}

/// One row, each cell wrapped to its column, as many lines as its tallest cell.
fn line(cells: &[String], widths: &[usize]) -> String {
    let wrapped: Vec<Vec<String>> = cells
        .iter()
        .zip(widths)
        .map(|(cell, width)| {
            if text::width(cell) <= *width {
                vec![cell.clone()]
            } else {
                text::wrap(cell, *width)
            }
        })
        .collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    let mut out = String::new();
    for i in 0..height {
        let mut row = String::new();
        for (lines, width) in wrapped.iter().zip(widths) {
            let part = lines.get(i).map_or("", String::as_str);
            row.push_str(part);
            row.push_str(&" ".repeat(width.saturating_sub(text::width(part)) + GAP));
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}
