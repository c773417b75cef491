//! The output formats shared by the subcommands: a table lined up by display
//! width for reading, TSV for scripts, and pretty JSON.
//!
//! Each subcommand turns its results into rows of cells and hands them here, so
//! that alignment, quoting and write errors are dealt with once.

use std::io::Write;

use serde::Serialize;

use super::CliError;
use crate::text;

/// Cells between two columns of a table.
const GAP: usize = 2;

/// Writes a header and rows as columns lined up by display width, a Chinese
/// character counting two cells. The last column is left unpadded, so long
/// text (a task, reasons) runs on without trailing blanks.
pub(super) fn table(
    header: &[&str],
    rows: &[Vec<String>],
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    let last = header.len().saturating_sub(1);
    let mut widths = vec![0usize; last];
    for row in std::iter::once(&header).chain(rows) {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(text::width(cell));
        }
    }
    for row in std::iter::once(&header).chain(rows) {
        let mut line = String::new();
        for (cell, width) in row.iter().zip(&widths) {
            line.push_str(cell);
            line.push_str(&" ".repeat(width - text::width(cell) + GAP));
        }
        line.push_str(row.get(last).map_or("", String::as_str));
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// Writes a header and rows as tab-separated values.
pub(super) fn tsv(
    header: &[&str],
    rows: &[Vec<String>],
    out: &mut dyn Write,
) -> Result<(), CliError> {
    // Plain TSV, as `cut -f` and spreadsheets read it: no quoting, so a tab or
    // line break inside a cell (a pasted note) becomes a space instead.
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .quote_style(csv::QuoteStyle::Never)
        .from_writer(out);
    writer.write_record(header).map_err(csv_error)?;
    for row in rows {
        let cells = row.iter().map(|cell| cell.replace(['\t', '\r', '\n'], " "));
        writer.write_record(cells).map_err(csv_error)?;
    }
    writer.flush()?;
    Ok(())
}

/// Writes a value as pretty JSON and a final newline.
pub(super) fn json(value: &impl Serialize, out: &mut dyn Write) -> Result<(), CliError> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(())
}

/// Keeps a write error's own kind, so that a reader closing early (`head`)
/// is still recognised as a broken pipe.
fn csv_error(error: csv::Error) -> CliError {
    match error.into_kind() {
        csv::ErrorKind::Io(io) => CliError::Output(io),
        other => CliError::Output(std::io::Error::other(format!("{other:?}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(row: &[&str]) -> Vec<String> {
        row.iter().map(|c| c.to_string()).collect()
    }

    fn table_text(header: &[&str], rows: &[Vec<String>]) -> String {
        let mut out = Vec::new();
        table(header, rows, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn columns_line_up_by_display_width() {
        let rows = [
            cells(&["1", "市政务服务和大数据管理局", "约谈", "第 1 项红灯"]),
            cells(&["12", "A市大数据局", "提醒", "第 2 项黄灯"]),
        ];
        let text = table_text(&["名次", "单位", "等级", "原因"], &rows);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3);
        // The third column starts at the same display column on every line.
        let starts: Vec<usize> = lines
            .iter()
            .map(|line| {
                let cut = ["等级", "约谈", "提醒"].iter().find_map(|w| line.find(w));
                text::width(&line[..cut.unwrap()])
            })
            .collect();
        assert_eq!(starts, vec![32, 32, 32], "{text}");
    }

    #[test]
    fn the_last_column_is_not_padded() {
        let rows = [cells(&["1", ""]), cells(&["2", "长长的原因"])];
        let text = table_text(&["名次", "原因"], &rows);
        assert!(text.lines().all(|l| l == l.trim_end()), "{text:?}");
    }

    #[test]
    fn tsv_has_one_header_row_and_no_tab_inside_a_cell() {
        let mut out = Vec::new();
        let rows = [cells(&["1", "a\tb\r\n\"c\""])];
        tsv(&["rank", "unit"], &rows, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "rank\tunit\n1\ta b  \"c\"\n"
        );
    }
}
