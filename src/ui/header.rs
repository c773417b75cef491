//! The header bar: the list, the meeting, the count shown, and active filters.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::keymap::{Action, Mode};
use crate::labels;
use crate::model::week_label;
use crate::text;

use super::Theme;
use super::cells;

/// Draws the header into `area` (one line, or two with filters).
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let width = usize::from(area.width);
    let mut right = format!(
        "{} {} {}  {} {}/{} ",
        labels::MEETING,
        app.meeting.format("%Y-%m-%d"),
        week_label(app.meeting),
        labels::SHOWN,
        app.visible.len(),
        app.list.tasks.len()
    );
    if app.unsaved {
        right = format!("未保存！ {right}");
    }
    let room = width.saturating_sub(text::width(&right));
    let left = format!(" {}  {}", labels::APP, app.list.title);
    let mut spans = cells::plain(&left, room, theme.bar).spans;
    let gap = room.saturating_sub(spans.iter().map(|s| s.width()).sum());
    spans.push(Span::styled(" ".repeat(gap), theme.bar));
    spans.extend(cells::plain(&right, width, theme.bar).spans);
    let mut lines = vec![Line::from(spans)];
    if let Some(holder) = &app.read_only {
        // A banner of its own: the room must not take a read-only board for
        // the one that records.
        let banner = format!(" 只读（那边关闭后自动转为可记录） · 在记录的是{holder}");
        lines.push(cells::plain(&banner, width, theme.error));
    }
    if app.has_filter_line() {
        lines.push(cells::plain(
            &filter_summary(app),
            width,
            theme.text.patch(theme.heading),
        ));
    }
    frame.render_widget(Paragraph::new(lines).style(theme.text), area);
}

/// The active filters in words: 类别：数字政府  单位：市大数据中心  搜索：dsj.
fn filter_summary(app: &App) -> String {
    let filter = &app.filter;
    let mut parts = vec!["筛选".to_string()];
    if let Some(category) = &filter.category {
        parts.push(format!("{}：{category}", labels::FILTER_CATEGORY));
    }
    if let Some(unit) = &filter.unit {
        parts.push(format!("{}：{unit}", labels::FILTER_UNIT));
    }
    if let Some(status) = filter.status {
        parts.push(format!("{}：{}", labels::FILTER_STATUS, status.label()));
    }
    if let Some(light) = filter.light {
        parts.push(format!("{}：{}", labels::FILTER_LIGHT, light.label()));
    }
    if app.sort_by_light {
        parts.push(labels::SORTED_BY_LIGHT.to_string());
    }
    if !filter.search.trim().is_empty() {
        parts.push(format!(
            "{}：{}",
            labels::FILTER_SEARCH,
            filter.search.trim()
        ));
    }
    if let Some(key) = app.keymap.key_of(Mode::Board, Action::ClearFilters) {
        parts.push(format!(
            "（{key} {}）",
            labels::action(Action::ClearFilters)
        ));
    }
    format!(" {}", parts.join("  "))
}
