//! The terminal: set up, the event loop, and always given back.
//!
//! Raw mode and the alternate screen are entered by `ratatui::init`, whose panic
//! hook restores the terminal before the panic message prints, so the message
//! is seen once and the shell echoes again. Every other exit restores too.

use std::io;

use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind,
};
use ratatui::crossterm::execute;

use crate::app::App;
use crate::keymap::Key;
use crate::ui::{self, Theme};

/// Runs the board until the user quits; the terminal is restored on return,
/// whether the loop ended well or with an error.
pub fn run(mut app: App) -> io::Result<()> {
    // TODO(#5): log to a file in the workspace and name it in the panic message.
    let mut terminal = ratatui::init();
    let result = execute!(io::stdout(), EnableBracketedPaste).and_then(|()| {
        let size = terminal.size()?;
        app.resize(size.width, size.height);
        event_loop(&mut terminal, &mut app)
    });
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> io::Result<()> {
    let theme = Theme::default();
    while !app.quit {
        terminal.draw(|frame| ui::draw(frame, app, &theme))?;
        match event::read()? {
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
