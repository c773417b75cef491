//! Remakes the screenshots in `screenshots/`: `cargo run --example screenshots`.
//!
//! Each screen is the real app on the built-in 2021 list with a sample meeting,
//! driven by key presses, drawn into an in-memory terminal, written as SVG on a
//! fixed character grid (`svg`) and converted to PNG with `rsvg-convert`
//! (Debian: librsvg2-bin; the fonts come from fonts-noto-cjk). Where pngquant
//! is installed, the PNGs are then quantised to a quarter of their size.

#[path = "screenshots/palette.rs"]
mod palette;
#[path = "screenshots/printed.rs"]
mod printed;
#[path = "../tests/common/sample.rs"]
mod sample;
#[path = "screenshots/svg.rs"]
mod svg;

use std::fs;
use std::io;
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};

use duban::app::App;
use duban::keymap::{Key, Keymap};
use duban::model::TaskList;
use duban::storage::BUILTIN_TASKS;
use duban::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// One input to the app: a key by its keymap name, or text typed key by key.
#[derive(Clone, Copy, Debug)]
enum Step {
    /// A key such as `c`, `enter`, `esc`, `ctrl-z`.
    Press(&'static str),
    /// Characters typed one after another.
    Type(&'static str),
}

use Step::{Press, Type};

/// One screenshot: its file name without extension, its size in cells, and
/// the steps that bring the board to it.
struct Shot {
    /// The file name, without `.svg` or `.png`.
    name: &'static str,
    /// Width and height in cells.
    size: (u16, u16),
    /// The keys pressed on the board before the picture is taken.
    steps: &'static [Step],
}

/// A projector at a large font: the size most screens are shown at.
const PROJECTOR: (u16, u16) = (120, 35);

/// Every screenshot, in the order they are written.
const SHOTS: &[Shot] = &[
    Shot {
        name: "board",
        size: (160, 45),
        steps: &[],
    },
    Shot {
        name: "board-80x24",
        size: (80, 24),
        steps: &[],
    },
    Shot {
        name: "filtered",
        size: PROJECTOR,
        steps: &[
            Press("c"),
            Type("szzf"),
            Press("enter"),
            Press("/"),
            Type("dsj"),
            Press("enter"),
        ],
    },
    Shot {
        name: "unit-picker",
        size: PROJECTOR,
        steps: &[Press("u"), Type("dsj")],
    },
    Shot {
        name: "interview-list",
        size: PROJECTOR,
        steps: &[Press("w")],
    },
    Shot {
        name: "changes",
        size: PROJECTOR,
        steps: &[Press("w"), Press("tab")],
    },
    Shot {
        name: "help",
        size: PROJECTOR,
        steps: &[Press("?")],
    },
    Shot {
        name: "status",
        size: PROJECTOR,
        steps: &[Press(":"), Type("38"), Press("enter"), Press("s")],
    },
];

/// The converter from SVG to PNG.
const CONVERTER: &str = "rsvg-convert";
/// The Debian package that has the converter.
const CONVERTER_PACKAGE: &str = "librsvg2-bin";
/// The optional PNG quantiser, which is also its Debian package's name.
const QUANTISER: &str = "pngquant";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("screenshots: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Writes every SVG, then converts them all; says what to do when it cannot.
fn run() -> Result<(), String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots");
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;

    let mut written = Vec::new();
    for shot in SHOTS {
        let path = dir.join(format!("{}.svg", shot.name));
        fs::write(&path, render(shot))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(path);
    }

    warn_if_fonts_missing();
    let quantise = installed(QUANTISER);
    if !quantise {
        eprintln!(
            "screenshots: note: {QUANTISER} not found; the PNGs stay about four times larger \
             (Debian: `apt-get install {QUANTISER}`)"
        );
    }
    for svg in &written {
        let png = svg.with_extension("png");
        convert(svg, &png)?;
        if quantise {
            shrink(&png)?;
        }
        println!("{}", png.display());
    }
    let list = ron::from_str(BUILTIN_TASKS).map_err(|e| format!("built-in list: {e}"))?;
    printed::first_page(&dir, &list)
}

/// The screen a shot shows, as SVG. The in-memory terminal cannot fail.
fn render(shot: &Shot) -> String {
    let app = drive(shot);
    let (width, height) = shot.size;
    let Ok(mut terminal) = Terminal::new(TestBackend::new(width, height));
    let Ok(_) = terminal.draw(|frame| ui::draw(frame, &app, &Theme::default()));

    let backend = terminal.backend();
    let cursor = backend.cursor_visible().then(|| backend.cursor_position());
    svg::render(backend.buffer(), cursor)
}

/// The app at the sample meeting, sized for the shot, after its steps.
fn drive(shot: &Shot) -> App {
    let list: TaskList = ron::from_str(BUILTIN_TASKS).expect("the built-in list parses");
    let mut app = App::new(list, sample::state(), sample::meeting(), Keymap::default());
    app.resize(shot.size.0, shot.size.1);
    for step in shot.steps {
        match *step {
            Press(name) => app.handle_key(key(name)),
            Type(text) => {
                for c in text.chars() {
                    app.handle_key(key(&c.to_string()));
                }
            }
        }
    }
    app
}

/// The key of a name the keymap knows; the names are fixed above, so a typo
/// is a bug in this file.
fn key(name: &str) -> Key {
    Key::parse(name).unwrap_or_else(|| panic!("no key is named {name:?}"))
}

/// Converts one SVG to PNG at one pixel per SVG unit.
fn convert(svg: &Path, png: &Path) -> Result<(), String> {
    let status = Command::new(CONVERTER)
        .arg("--format=png")
        .arg("--output")
        .arg(png)
        .arg(svg)
        .status();
    match status {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(format!(
            "{CONVERTER} failed on {} ({status})",
            svg.display()
        )),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(format!(
            "{CONVERTER} is not installed, so only the SVGs were written to {}.\n\
             Install it (Debian/Ubuntu: `apt-get install {CONVERTER_PACKAGE} fonts-noto-cjk`) \
             and run `cargo run --example screenshots` again.",
            svg.parent()
                .map_or_else(String::new, |d| d.display().to_string())
        )),
        Err(e) => Err(format!("cannot run {CONVERTER}: {e}")),
    }
}

/// Quantises a PNG in place: text on flat colours needs no more than 256 of them.
fn shrink(png: &Path) -> Result<(), String> {
    let status = Command::new(QUANTISER)
        .args(["--force", "--strip", "--output"])
        .arg(png)
        .arg(png)
        .status()
        .map_err(|e| format!("cannot run {QUANTISER}: {e}"))?;
    if !status.success() {
        return Err(format!(
            "{QUANTISER} failed on {} ({status})",
            png.display()
        ));
    }
    Ok(())
}

/// Whether a program can be run from the search path.
fn installed(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// Warns when fontconfig cannot find the CJK monospace font: without it Chinese
/// turns to boxes or columns drift. Says nothing where fontconfig is absent.
fn warn_if_fonts_missing() {
    let found = Command::new("fc-list")
        .args(["-q", "Noto Sans Mono CJK SC"])
        .status();
    if found.is_ok_and(|status| !status.success()) {
        eprintln!(
            "screenshots: warning: font \"Noto Sans Mono CJK SC\" not found; \
             install fonts-noto-cjk or the PNGs will show boxes and uneven columns"
        );
    }
}
