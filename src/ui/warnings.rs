//! The interview list (约谈预警名单) and the changes since the last meeting:
//! a ranked table of units or of changed tasks, with the selected row's detail.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use crate::app::{App, WarningsTab, WarningsView};
use crate::labels;
use crate::rules::{InterviewEntry, Level, Light, Move};
use crate::text;

use super::Theme;
use super::cells;
use super::layout::Areas;

/// Draws the warnings view into the board's table and detail areas.
pub fn draw(frame: &mut Frame, app: &App, view: &WarningsView, theme: &Theme, areas: &Areas) {
    let table = areas.table;
    let tabs = Rect { height: 1, ..table };
    frame.render_widget(
        Paragraph::new(tab_line(app, view, theme, table.width)),
        tabs,
    );
    let body = Rect {
        y: table.y + 1,
        height: table.height.saturating_sub(1),
        ..table
    };
    match view.tab {
        WarningsTab::Units => units_table(frame, view, theme, body),
        WarningsTab::Changes => changes_table(frame, app, view, theme, body),
    }
    let detail = match view.tab {
        WarningsTab::Units => view
            .list
            .entries
            .get(view.selected)
            .map(|e| unit_detail(e, theme, areas.detail.width)),
        WarningsTab::Changes => None,
    };
    let lines = detail.unwrap_or_default();
    frame.render_widget(Paragraph::new(lines).style(theme.text), areas.detail);
}

/// The two tabs, the one shown in the bar's style, and the dates compared.
fn tab_line(app: &App, view: &WarningsView, theme: &Theme, width: u16) -> Line<'static> {
    let tab = |title: &str, shown: bool| {
        let style = if shown { theme.bar } else { theme.dim };
        Span::styled(format!(" {title} "), style)
    };
    let previous = view.list.previous.map_or_else(
        || "（首次调度会）".to_string(),
        |day| format!("上次 {}", day.format("%Y-%m-%d")),
    );
    // The meeting the rules count as this one: the latest held on or before the
    // board's date, which may be the day before a sheet is prepared.
    let this = app.evaluation().this_meeting().map_or_else(
        || "尚未召开调度会".to_string(),
        |day| format!("本次{} {}", labels::MEETING, day.format("%Y-%m-%d")),
    );
    let note = format!("  {this} ｜ {previous}");
    let mut spans = vec![
        tab(labels::WARNINGS_TITLE, view.tab == WarningsTab::Units),
        Span::raw(" "),
        tab(labels::CHANGES_TITLE, view.tab == WarningsTab::Changes),
    ];
    let used: usize = spans.iter().map(|s| s.width()).sum();
    spans.extend(cells::plain(&note, usize::from(width).saturating_sub(used), theme.text).spans);
    Line::from(spans)
}

/// The level as marks and word: more marks, more serious, readable without colour.
fn level_text(level: Option<Level>) -> &'static str {
    match level {
        Some(Level::Interview) => "!!! 约谈",
        Some(Level::Warning) => "!!  预警",
        Some(Level::Reminder) => "!   提醒",
        None => "",
    }
}

fn move_text(movement: Move) -> &'static str {
    movement.label()
}

fn units_table(frame: &mut Frame, view: &WarningsView, theme: &Theme, area: Rect) {
    if view.list.entries.is_empty() {
        frame.render_widget(Paragraph::new(format!(" {}", labels::NO_WARNINGS)), area);
        return;
    }
    let unit_width: u16 = if area.width >= 120 { 24 } else { 16 };
    let fixed = [3, unit_width, 8, 3, 3, 4, 4, 4];
    let reasons = area
        .width
        .saturating_sub(fixed.iter().sum::<u16>() + fixed.len() as u16);
    let mut widths: Vec<Constraint> = fixed.iter().map(|&w| Constraint::Length(w)).collect();
    widths.push(Constraint::Length(reasons));
    let rows = usize::from(area.height.saturating_sub(1)).max(1);
    let first = view.selected.saturating_sub(rows - 1);
    let body: Vec<Row> = view
        .list
        .entries
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(row, entry)| {
            let selected = row == view.selected;
            let base = if selected { theme.selected } else { theme.text };
            let unit = &entry.unit;
            let level_style = if selected {
                base
            } else {
                theme.level(unit.level)
            };
            Row::new(vec![
                Cell::from(format!(
                    "{}{:>2}",
                    if selected { "▸" } else { " " },
                    entry.rank
                )),
                Cell::from(cells::plain(&unit.name, unit_width.into(), base)),
                Cell::from(Span::styled(level_text(unit.level), level_style)),
                Cell::from(format!("{:>3}", unit.red)),
                Cell::from(format!("{:>3}", unit.yellow)),
                Cell::from(format!("{:>4}", unit.streak)),
                Cell::from(format!("{:>4}", unit.days_overdue)),
                Cell::from(move_text(entry.movement)),
                Cell::from(cells::plain(&unit.reasons_text(), reasons.into(), base)),
            ])
            .style(base)
        })
        .collect();
    let header = Row::new([
        "序",
        "责任单位",
        "等级",
        "红",
        "黄",
        "连红",
        "逾期",
        "变化",
        "原因",
    ])
    .style(theme.heading);
    frame.render_widget(
        Table::new(body, widths).header(header).column_spacing(1),
        area,
    );
}

fn changes_table(frame: &mut Frame, app: &App, view: &WarningsView, theme: &Theme, area: Rect) {
    let changes = &view.changes;
    if changes.changed.is_empty() {
        frame.render_widget(Paragraph::new(format!(" {}", labels::NO_CHANGES)), area);
        return;
    }
    let task_width = area.width.saturating_sub(4 + 6 + 2 + 6 + 6 + 5);
    let widths = [4, 6, 2, 6, 6, task_width].map(Constraint::Length);
    let rows = usize::from(area.height.saturating_sub(1)).max(1);
    let first = view.selected.saturating_sub(rows - 1);
    let body: Vec<Row> = changes
        .changed
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(row, change)| {
            let selected = row == view.selected;
            let base = if selected { theme.selected } else { theme.text };
            let light = |light: Option<Light>| light_span(light, theme, selected, base);
            let note = if changes.newly_done.contains(&change.id) {
                "新完成"
            } else if changes.newly_red.contains(&change.id) {
                "新红灯"
            } else {
                ""
            };
            let content = app.list.task(change.id).map_or("", |t| t.content.as_str());
            Row::new(vec![
                Cell::from(format!(
                    "{}{:>3}",
                    if selected { "▸" } else { " " },
                    change.id
                )),
                Cell::from(light(change.before)),
                Cell::from("->"),
                Cell::from(light(change.after)),
                Cell::from(note),
                Cell::from(cells::plain(content, task_width.into(), base)),
            ])
            .style(base)
        })
        .collect();
    let header = Row::new(["序号", "上次", "", "本次", "", "主要任务"]).style(theme.heading);
    frame.render_widget(
        Table::new(body, widths).header(header).column_spacing(1),
        area,
    );
}

/// A light as symbol and word, or 已完成 for a closed task.
fn light_span(light: Option<Light>, theme: &Theme, selected: bool, base: Style) -> Span<'static> {
    match light {
        Some(light) => {
            let style = if selected { base } else { theme.light(light) };
            Span::styled(
                format!("{} {}", labels::light_symbol(light), light.label()),
                style,
            )
        }
        None => Span::styled("✓ 完成", base),
    }
}

/// The selected unit: its level and reasons, then each task that counts.
fn unit_detail(entry: &InterviewEntry, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let unit = &entry.unit;
    let width = usize::from(width);
    let title = format!(
        " {} ｜ {} ｜ 红灯 {} 项 ｜ 黄灯 {} 项 ｜ {}",
        unit.name,
        level_text(unit.level).trim_start_matches('!').trim(),
        unit.red,
        unit.yellow,
        entry.movement.label()
    );
    let mut lines = vec![cells::bar(&title, width, theme.bar)];
    let body = width.saturating_sub(2);
    for line in text::wrap(&text::for_terminal(&unit.reasons_text()), body) {
        lines.push(Line::styled(format!(" {line}"), theme.level(unit.level)));
    }
    // Red tasks first: they are what the unit will be asked about.
    let mut tasks: Vec<_> = unit.accountable_tasks().collect();
    tasks.sort_by_key(|t| t.light.light != Some(Light::Red));
    for task in tasks {
        let Some(light) = task.light.light.filter(|&l| l != Light::Green) else {
            continue;
        };
        let entry = format!(
            "第 {} 项 {} {}：{}",
            task.id,
            labels::light_symbol(light),
            light.label(),
            task.light.reasons_text()
        );
        for line in text::wrap(&text::for_terminal(&entry), body) {
            lines.push(Line::styled(format!(" {line}"), theme.light(light)));
        }
    }
    lines
}
