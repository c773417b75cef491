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
}
