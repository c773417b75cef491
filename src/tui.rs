//! The terminal: set up, the event loop, and always given back.
//!
//! Raw mode and the alternate screen are entered by `ratatui::init`, whose panic
//! hook restores the terminal before the panic message prints, so the message
//! is seen once and the shell echoes again. Every other exit restores too.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind,
};
use ratatui::crossterm::execute;

mod hangup;

use crate::app::App;
use crate::keymap::Key;
use crate::ui::{self, Theme};

/// Runs the board until the user quits, and gives it back for what it has to
/// say after; the terminal is restored on return, whether the loop ended well
/// or with an error.
pub fn run(mut app: App) -> io::Result<App> {
    let mut terminal = ratatui::init();
    let result = execute!(io::stdout(), EnableBracketedPaste).and_then(|()| {
        let size = terminal.size()?;
        app.resize(size.width, size.height);
        event_loop(&mut terminal, &mut app)
    });
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    result.map(|()| app)
}

/// How often the loop looks up from waiting for a key to see whether it was
/// asked to stop.
const SIGNAL_CHECK: Duration = Duration::from_millis(200);

/// How often a read-only board looks whether the workspace came free.
const LOOK_AGAIN: Duration = Duration::from_secs(1);

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> io::Result<()> {
    let theme = Theme::default();
    let stop = stop_on_signals()?;
    hangup::watch(Arc::clone(&stop));
    let mut redraw = true;
    let mut looked = Instant::now();
    while !app.quit && !stop.load(Ordering::Relaxed) {
        if redraw {
            terminal.draw(|frame| ui::draw(frame, app, &theme))?;
        }
        let pending = event::poll(SIGNAL_CHECK)?;
        redraw = pending;
        if looked.elapsed() >= LOOK_AGAIN {
            looked = Instant::now();
            redraw |= app.look_again();
        }
        if !pending {
            continue;
        }
        match event::read()? {
            // Debug builds only: lets the tests see the terminal given back
            // and the message printed once after a panic (PITFALLS 2).
            #[cfg(debug_assertions)]
            Event::Key(key)
                if key.code == event::KeyCode::F(12)
                    && std::env::var_os("DUBAN_TEST_PANIC_ON_F12").is_some() =>
            {
                panic!("a panic asked for by the test key F12")
            }
            // Only presses act: Windows also reports releases, which would run
            // every binding twice. Auto-repeat arrives as presses on most
            // terminals and as Repeat where reported; both move, as a held key should.
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                app.handle_key(Key::from_event(&key));
            }
            Event::Paste(text) => app.paste(&text),
            Event::Resize(width, height) => app.resize(width, height),
            _ => {}
        }
    }
    Ok(())
}

/// A flag that SIGTERM, SIGHUP or SIGQUIT sets: the loop then ends and `run`
/// restores the terminal, as it does on `q`. Every change is already saved.
fn stop_on_signals() -> io::Result<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGQUIT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    Ok(stop)
}
