//! The task table: number, category, task, units and status, one task a row.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use crate::app::App;
use crate::filter::TaskField;
use crate::labels;
use crate::rules::TaskLight;
use crate::search::Query;

use super::Theme;
use super::cells;

/// Cells of the status column: a symbol, a space, up to three characters.
const STATUS_WIDTH: u16 = 8;
/// Cells of the category column: four characters.
const CATEGORY_WIDTH: u16 = 8;
/// Cells of the light column: a symbol, a space, two characters.
const LIGHT_WIDTH: u16 = 6;
/// Cells of the progress column, shown on wide screens.
const PROGRESS_WIDTH: u16 = 4;
/// From this table width on, a progress column is shown.
const PROGRESS_FROM: u16 = 96;
/// The mark before the selected row, for projectors where the highlight washes out.
const SELECTED_MARK: &str = "▸";

/// The widths of the table's columns for a table `width` cells wide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Columns {
    /// Mark and number.
    pub id: u16,
    /// Category label.
    pub category: u16,
    /// Task text.
    pub task: u16,
    /// Units.
    pub units: u16,
    /// Progress, or 0 when not shown.
    pub progress: u16,
    /// Light.
    pub light: u16,
    /// Status.
    pub status: u16,
}

impl Columns {
    /// Splits the width: fixed columns first, then the task text gets about two
    /// thirds of what is left and the units the rest.
    pub fn for_width(width: u16, largest_id: u32) -> Columns {
        // Room for the mark and the digits, and never less than the heading 序号.
        let id = ((largest_id.max(9).ilog10() + 2) as u16).max(4);
        let progress = if width >= PROGRESS_FROM {
            PROGRESS_WIDTH
        } else {
            0
        };
        let columns = if progress > 0 { 7 } else { 6 };
        let fixed = id + CATEGORY_WIDTH + LIGHT_WIDTH + STATUS_WIDTH + progress + (columns - 1);
        let rest = width.saturating_sub(fixed);
        let units = (rest * 35 / 100).clamp(rest.min(10), 40);
        let task = rest - units;
        Columns {
            id,
            category: CATEGORY_WIDTH,
            task,
            units,
            progress,
            light: LIGHT_WIDTH,
            status: STATUS_WIDTH,
        }
    }

    fn constraints(&self) -> Vec<Constraint> {
        let mut widths = vec![self.id, self.category, self.task, self.units];
        if self.progress > 0 {
            widths.push(self.progress);
        }
        widths.push(self.light);
        widths.push(self.status);
        widths.into_iter().map(Constraint::Length).collect()
    }
}

/// Draws the table of visible tasks into `area`.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    if app.visible.is_empty() {
        let empty = Paragraph::new(vec![
            Line::default(),
            Line::from(format!("  {}", labels::NO_TASKS)),
        ]);
        frame.render_widget(empty.style(theme.text), area);
        return;
    }
    let largest_id = app.list.tasks.iter().map(|t| t.id).max().unwrap_or(0);
    let columns = Columns::for_width(area.width, largest_id);
    let query = Query::parse(&app.filter.search);
    let page = usize::from(area.height.saturating_sub(1));
    let rows: Vec<Row> = app
        .visible
        .iter()
        .enumerate()
        .skip(app.offset)
        .take(page)
        .map(|(row, &index)| task_row(app, theme, &columns, &query, index, row == app.selected))
        .collect();
    let mut headings = vec![
        labels::COL_ID,
        labels::COL_CATEGORY,
        labels::COL_TASK,
        labels::COL_UNITS,
    ];
    if columns.progress > 0 {
        headings.push(labels::PROGRESS);
    }
    headings.push(labels::COL_LIGHT);
    headings.push(labels::COL_STATUS);
    let header = Row::new(headings.into_iter().map(Cell::from)).style(theme.heading);
    let table = Table::new(rows, columns.constraints())
        .header(header)
        .column_spacing(1)
        .style(theme.text);
    frame.render_widget(table, area);
}

fn task_row<'a>(
    app: &App,
    theme: &Theme,
    columns: &Columns,
    query: &Query,
    index: usize,
    selected: bool,
) -> Row<'a> {
    let task = &app.list.tasks[index];
    let standing = app.standing(task.id);
    let (base, hit) = if selected {
        (theme.selected, theme.hit_on_light)
    } else {
        (theme.text, theme.hit)
    };
    let hits = |which| {
        if query.is_empty() {
            Vec::new()
        } else {
            app.matcher
                .positions(query, app.index().field(index, which))
        }
    };
    let mark = if selected { SELECTED_MARK } else { " " };
    let id_width = usize::from(columns.id) - 1;
    let id = Line::from(format!("{mark}{:>id_width$}", task.id));
    let category = cells::plain(&task.category, columns.category.into(), base);
    let content = cells::highlighted(
        &task.content,
        &hits(TaskField::Content),
        columns.task.into(),
        base,
        hit,
    );
    let units = cells::highlighted(
        &task.units_joined(),
        &hits(TaskField::Units),
        columns.units.into(),
        base,
        hit,
    );
    let status_style = if selected {
        base
    } else {
        theme.status(standing.status)
    };
    let status = Line::from(vec![
        Span::styled(standing.status.symbol(), status_style),
        Span::styled(" ", base),
        Span::styled(standing.status.label(), status_style),
    ]);
    let mut cells = vec![
        Cell::from(id),
        Cell::from(category),
        Cell::from(content),
        Cell::from(units),
    ];
    if columns.progress > 0 {
        let progress = standing
            .progress
            .map(|p| format!("{p:>3}%"))
            .unwrap_or_default();
        cells.push(Cell::from(progress));
    }
    cells.push(Cell::from(light_cell(
        app.light(task.id),
        theme,
        selected,
        base,
    )));
    cells.push(Cell::from(status));
    Row::new(cells).style(base)
}

/// The light as symbol and word in its colour; blank for a done task.
fn light_cell(
    light: Option<&TaskLight>,
    theme: &Theme,
    selected: bool,
    base: Style,
) -> Line<'static> {
    let Some(light) = light.and_then(|l| l.light) else {
        return Line::default();
    };
    let style = if selected { base } else { theme.light(light) };
    Line::from(vec![
        Span::styled(labels::light_symbol(light), style),
        Span::styled(" ", base),
        Span::styled(light.label(), style),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fill_the_width_exactly() {
        for width in [40, 60, 80, 100, 120, 160, 200] {
            let c = Columns::for_width(width, 90);
            let spacing = if c.progress > 0 { 6 } else { 5 };
            let total =
                c.id + c.category + c.task + c.units + c.progress + c.light + c.status + spacing;
            assert_eq!(total, width, "{c:?}");
        }
    }
}
