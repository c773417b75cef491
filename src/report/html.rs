//! The sheet as one self-contained HTML file made for paper (A4).
//!
//! It must print right on a machine the secretary does not control (PITFALLS
//! 19, 20): `lang="zh-CN"` and `<meta charset="utf-8">`, a CJK font stack, A4
//! page rules, table headers repeated on every printed page, rows never split,
//! dates, statuses and lights never broken across lines, and each light shown
//! by symbol and word as well as colour, since the sheet is printed in black
//! and white. Every piece of text passes through [`escape_html`].

use std::fmt::Write;

use super::layout::{self, Block, Cell, Column, Page, Table};
use super::{Kind, Report, escape_html};
use crate::rules::Light;

/// The style sheet: A4, a CJK font stack, and print rules.
const STYLE: &str = r#"
@page { size: A4; margin: 18mm 15mm 16mm 15mm;
  @top-left { content: ""; } @top-center { content: ""; } @top-right { content: ""; }
  @bottom-left { content: ""; } @bottom-right { content: ""; }
  @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页";
    font-size: 9pt; color: #000; } }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
    "Microsoft YaHei", "SimSun", sans-serif;
  font-size: 10.5pt; line-height: 1.5; color: #000; margin: 0; }
.page + .page { break-before: page; page-break-before: always; }
header { text-align: center; border-bottom: 3px double #c00; padding-bottom: 6pt;
  margin-bottom: 12pt; }
h1 { font-size: 20pt; font-weight: bold; color: #c00; letter-spacing: 1pt;
  margin: 0 0 6pt 0; }
header p { margin: 0; font-size: 11pt; }
h2 { font-size: 13pt; font-weight: bold; margin: 14pt 0 6pt 0;
  break-after: avoid; page-break-after: avoid; }
p { margin: 4pt 0; text-indent: 2em; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt 0; font-size: 9.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #e8e8e8; font-weight: bold; white-space: nowrap; }
td.short, .date { white-space: nowrap; }
td.text { min-width: 6em; }
.light { white-space: nowrap; font-weight: bold; }
.red { color: #c00; }
.yellow { color: #a86400; }
.green { color: #1d6b2e; font-weight: normal; }
.done { color: #444; font-weight: normal; }
footer { margin-top: 14pt; font-size: 9pt; border-top: 0.75pt solid #000; padding-top: 4pt; }
"#;

/// The file's text.
pub(super) fn render(report: &Report, kind: Kind) -> String {
    let pages = layout::pages(report, kind);
    let title = pages.first().map_or(String::new(), |p| p.title.clone());
    let mut html = String::new();
    html.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    html.push_str("<meta name=\"viewport\" content=\"width=device-width\">\n");
    let _ = writeln!(html, "<title>{}</title>", escape_html(&title));
    let _ = writeln!(html, "<style>{STYLE}</style>\n</head>\n<body>");
    for page in &pages {
        write_page(&mut html, page);
    }
    let _ = writeln!(
        html,
        "<footer>本通报由督办（duban）按调度会记录生成，灯色按预警规则于 {} 评定。</footer>",
        report.date.format("%Y-%m-%d")
    );
    html.push_str("</body>\n</html>\n");
    html
}

fn write_page(html: &mut String, page: &Page) {
    html.push_str("<section class=\"page\">\n<header>\n");
    let _ = writeln!(html, "<h1>{}</h1>", escape_html(&page.title));
    for line in &page.subtitle {
        let _ = writeln!(html, "<p>{}</p>", escape_html(line));
    }
    html.push_str("</header>\n");
    for block in &page.blocks {
        match block {
            Block::Heading(text) => {
                let _ = writeln!(html, "<h2>{}</h2>", escape_html(text));
            }
            Block::Paragraph(text) => {
                let _ = writeln!(html, "<p>{}</p>", escape_html(text));
            }
            Block::Table(table) => write_table(html, table),
        }
    }
    html.push_str("</section>\n");
}

fn write_table(html: &mut String, table: &Table) {
    html.push_str("<table>\n<thead><tr>");
    for heading in &table.header {
        let _ = write!(html, "<th>{}</th>", escape_html(heading));
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        html.push_str("<tr>");
        for (cell, column) in row.iter().zip(&table.columns) {
            match cell {
                Cell::Light(light) => html.push_str(&light_cell(*light)),
                Cell::Text(text) if *column == Column::Short => {
                    let _ = write!(html, "<td class=\"short\">{}</td>", escape_html(text));
                }
                Cell::Text(text) => {
                    let _ = write!(html, "<td class=\"text\">{}</td>", escape_html(text));
                }
                Cell::Dated(None) => html.push_str("<td class=\"text\"></td>"),
                Cell::Dated(Some((day, text))) => {
                    let day = day.format("%Y-%m-%d");
                    let text = escape_html(text);
                    let _ = write!(
                        html,
                        "<td class=\"text\"><span class=\"date\">{day}</span>：{text}</td>"
                    );
                }
            }
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table>\n");
}

/// A light as symbol, word and colour. The symbols are in every CJK font
/// (unlike the terminal's ✖ ▴ ◉), and differ in shape for black-and-white print.
fn light_cell(light: Option<Light>) -> String {
    let (class, symbol) = match light {
        Some(Light::Red) => ("red", "●"),
        Some(Light::Yellow) => ("yellow", "▲"),
        Some(Light::Green) => ("green", "○"),
        None => ("done", "✓"),
    };
    let word = layout::light_word(light);
    format!("<td class=\"light {class}\">{symbol} {word}</td>")
}
