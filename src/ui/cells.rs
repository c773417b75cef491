//! Building lines of cells: cutting to a width and marking search hits.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text::{self, ELLIPSIS};

/// The text drawn in at most `max` cells, with the characters at `hits`
/// (character indices) in the `hit` style and an ellipsis where it was cut.
///
/// Positions refer to the original text; drawing swaps ambiguous-width marks for
/// fixed-width look-alikes one for one, so they still line up.
pub fn highlighted(
    text: &str,
    hits: &[usize],
    max: usize,
    base: Style,
    hit: Style,
) -> Line<'static> {
    let drawn = text::for_terminal(text);
    let cut = text::width(&drawn) > max;
    let room = if cut {
        max.saturating_sub(text::width(ELLIPSIS))
    } else {
        max
    };
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_is_hit = false;
    let mut used = 0;
    for (i, c) in drawn.chars().enumerate() {
        let w = text::char_width(c);
        if used + w > room {
            break;
        }
        used += w;
        let is_hit = hits.binary_search(&i).is_ok();
        if is_hit != run_is_hit && !run.is_empty() {
            spans.push(styled(std::mem::take(&mut run), run_is_hit, base, hit));
        }
        run_is_hit = is_hit;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(styled(run, run_is_hit, base, hit));
    }
    if cut && max > 0 {
        spans.push(Span::styled(ELLIPSIS, base));
    }
    Line::from(spans)
}

/// A text field as it fits in `room` cells with its cursor in view: what to
/// draw (cut at its end by [`plain`] when long) and the cursor's column in it.
///
/// `cursor` is the cursor's column within `value`. Once the cursor would pass
/// the edge, the start of the value gives way instead, marked by "⋯", so the
/// secretary always sees what is being typed.
pub fn field(label: &str, value: &str, cursor: usize, room: usize) -> (String, usize) {
    let label_width = text::width(label);
    if label_width + cursor < room {
        return (format!("{label}{value}"), label_width + cursor);
    }
    // Where the cursor stands, in bytes.
    let mut cells = 0;
    let at_cursor = value
        .char_indices()
        .find(|&(_, c)| {
            let reached = cells >= cursor;
            cells += text::char_width(c);
            reached
        })
        .map_or(value.len(), |(at, _)| at);
    // Keep as much before the cursor as leaves, after the label and the mark,
    // one cell for the cursor itself.
    let fits = room.saturating_sub(label_width + text::width(ELLIPSIS) + 1);
    let mut kept = at_cursor;
    let mut width = 0;
    for (at, c) in value[..at_cursor].char_indices().rev() {
        if width + text::char_width(c) > fits {
            break;
        }
        width += text::char_width(c);
        kept = at;
    }
    let shown = format!("{label}{ELLIPSIS}{}", &value[kept..]);
    (shown, label_width + text::width(ELLIPSIS) + width)
}

/// The text cut to `max` cells in one style.
pub fn plain(text: &str, max: usize, style: Style) -> Line<'static> {
    highlighted(text, &[], max, style, style)
}

/// A title bar: the text cut to `width` cells and padded with the bar's style
/// to the full width, so the bar spans its pane whatever the text's length.
pub fn bar(text: &str, width: usize, style: Style) -> Line<'static> {
    let mut line = plain(text, width, style);
    let filled = line.width();
    line.spans.push(Span::styled(
        " ".repeat(width.saturating_sub(filled)),
        style,
    ));
    line
}

fn styled(text: String, is_hit: bool, base: Style, hit: Style) -> Span<'static> {
    Span::styled(text, if is_hit { base.patch(hit) } else { base })
}

#[cfg(test)]
mod tests {
    use super::*;

    const U1: &str = "市政务服务和大数据管理局";

    #[test]
    fn never_wider_than_asked_and_never_half_a_glyph() {
        for max in 0..30 {
            let line = highlighted(U1, &[6, 7, 8], max, Style::new(), Style::new());
            assert!(line.width() <= max, "{max}: {line:?}");
        }
        assert_eq!(plain(U1, 1, Style::new()).to_string(), "⋯");
        assert_eq!(plain(U1, 2, Style::new()).to_string(), "⋯");
        assert_eq!(plain(U1, 0, Style::new()).to_string(), "");
    }

    #[test]
    fn hits_are_styled_by_character() {
        let hit = Style::new().bold();
        let line = highlighted("市大数据中心", &[1, 2, 3], 20, Style::new(), hit);
        let texts: Vec<(String, bool)> = line
            .spans
            .iter()
            .map(|s| (s.content.to_string(), s.style == hit))
            .collect();
        assert_eq!(
            texts,
            vec![
                ("市".into(), false),
                ("大数据".into(), true),
                ("中心".into(), false)
            ]
        );
    }

    #[test]
    fn a_long_field_keeps_its_cursor_in_view() {
        let value = "一二三四五六七八九十".repeat(3);
        let (shown, x) = field("说明：", &value, text::width(&value), 20);
        assert!(x < 20, "{x}");
        assert!(
            shown.starts_with("说明：⋯") && shown.ends_with("九十"),
            "{shown}"
        );
        assert_eq!(
            text::width(&shown),
            x,
            "the cursor after the last character"
        );

        let (shown, x) = field("说明：", &value, 4, 20);
        assert_eq!(x, 10, "near the start nothing moves");
        assert!(shown.starts_with("说明：一二"), "{shown}");
    }
}
