//! The README's key table is written for people, so this test keeps it honest:
//! every key the board's hint bar offers must appear in it.

use duban::keymap::{Keymap, Mode};

#[test]
fn readme_names_every_hinted_board_key() {
    let readme = include_str!("../README.md");
    let keys = readme
        .split("## Keys")
        .nth(1)
        .expect("README has a Keys section");
    for (action, key, _) in Keymap::default().hints(Mode::Board) {
        assert!(
            keys.contains(&format!("`{key}`")),
            "README's key table lacks {key} ({action:?})"
        );
    }
}
