//! Sharing the detail pane's rows among its parts when they do not all fit.
//!
//! At 80×24 the pane below the table has six rows under its title, and a long
//! task's content alone can take three. Drawn top to bottom, the updates came
//! last and were cut to a lone ellipsis; yet the newest update is what the
//! meeting discusses. So rows are handed out in rounds: first a line of each
//! part that matters at a glance, then a little more of the content and the
//! newest update, then everything in the order drawn.

/// The parts of the pane, in the order drawn.
pub const PARTS: usize = 5;
/// The task's content.
pub const CONTENT: usize = 0;
/// Why the light is lit.
pub const REASONS: usize = 1;
/// The responsible units.
pub const UNITS: usize = 2;
/// The updates' heading and the updates, newest first.
pub const UPDATES: usize = 3;
/// How the row was read from the source notice.
pub const SOURCE_NOTE: usize = 4;

/// The content's rows in the second round: enough to say what the task is
/// about, and the table's row shows its first words too.
const CONTENT_SHORT: usize = 2;
/// The newest update's rows, its heading included, in the second round; a
/// pasted report as a note must not crowd out the content.
const NEWEST_SHORT: usize = 4;

/// How many of each part's `wanted` rows to draw within `rows`. `newest` is
/// how many rows the updates' heading and the newest update take.
///
/// When everything fits, every part is drawn whole, as before any sharing.
pub fn share(rows: usize, wanted: [usize; PARTS], newest: usize) -> [usize; PARTS] {
    if wanted.iter().sum::<usize>() <= rows {
        return wanted;
    }
    let all = usize::MAX;
    let rounds: [&[(usize, usize)]; 3] = [
        // What the task is, its newest update's first line under the
        // heading, why the light, and who: in that order while rows last.
        &[(CONTENT, 1), (UPDATES, 2), (REASONS, 1), (UNITS, 1)],
        &[
            (CONTENT, CONTENT_SHORT),
            (UPDATES, newest.min(NEWEST_SHORT)),
        ],
        &[
            (CONTENT, all),
            (REASONS, all),
            (UNITS, all),
            (UPDATES, all),
            (SOURCE_NOTE, all),
        ],
    ];
    let mut given = [0; PARTS];
    let mut left = rows;
    for round in rounds {
        for &(part, cap) in round {
            let more = cap.min(wanted[part]).saturating_sub(given[part]).min(left);
            given[part] += more;
            left -= more;
        }
    }
    given
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_that_fits_is_drawn_whole() {
        assert_eq!(share(6, [1, 1, 1, 3, 0], 2), [1, 1, 1, 3, 0]);
        assert_eq!(share(40, [3, 1, 1, 5, 2], 2), [3, 1, 1, 5, 2]);
    }

    #[test]
    fn a_long_task_leaves_room_for_the_newest_update() {
        // Task 38 at 80×24: three lines of content, two updates of one line.
        assert_eq!(share(6, [3, 1, 1, 3, 0], 2), [2, 1, 1, 2, 0]);
        // One row more shows the content whole; older updates come after it.
        assert_eq!(share(7, [3, 1, 1, 3, 0], 2), [3, 1, 1, 2, 0]);
        // A newest update of two lines, and rows enough for it.
        assert_eq!(share(8, [3, 1, 1, 4, 0], 3), [3, 1, 1, 3, 0]);
    }

    #[test]
    fn the_fewest_rows_keep_content_and_newest_update() {
        assert_eq!(share(4, [3, 1, 1, 3, 1], 2), [1, 1, 0, 2, 0]);
        // The updates' heading alone still says that there are updates.
        assert_eq!(share(2, [3, 1, 1, 3, 1], 2), [1, 0, 0, 1, 0]);
        assert_eq!(share(0, [3, 1, 1, 3, 1], 2), [0; PARTS]);
    }

    #[test]
    fn a_huge_newest_note_leaves_the_content_whole() {
        assert_eq!(share(42, [3, 1, 1, 60, 0], 60), [3, 1, 1, 37, 0]);
    }
}
