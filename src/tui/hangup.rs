//! Ends the board when its terminal is gone.
//!
//! crossterm's event reader spins on a terminal that has hung up (a closed
//! window, a dropped SSH session, a killed tmux pane; crossterm issue 793):
//! `event::poll` then never returns, so the loop never sees the flag that
//! SIGHUP sets, and the process would go on holding the workspace's lock and
//! a core for good — the next board would open read-only. A watcher thread
//! notices instead, by the signal or because the controlling terminal can no
//! longer be opened, and ends the process if the loop has not ended by itself
//! within [`GRACE`]. Every change is saved when it is made, and saves are
//! atomic, so ending here loses nothing.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

/// How often the watcher looks.
const LOOK_EVERY: Duration = Duration::from_millis(250);
/// How long the loop has to end by itself once the terminal is gone; it looks
/// up from waiting for a key five times a second, so this is plenty.
const GRACE: Duration = Duration::from_secs(1);

/// Starts the watcher. `stop` is the flag the signals set.
pub fn watch(stop: Arc<AtomicBool>) {
    // Only a terminal that was there at the start can be found gone later.
    let had_terminal = controlling_terminal();
    let spawned = thread::Builder::new().name("hangup".into()).spawn(move || {
        let mut gone_since: Option<Instant> = None;
        loop {
            thread::sleep(LOOK_EVERY);
            let gone = stop.load(Ordering::Relaxed) || (had_terminal && !controlling_terminal());
            if !gone {
                gone_since = None;
                continue;
            }
            let since = *gone_since.get_or_insert_with(Instant::now);
            if since.elapsed() >= GRACE {
                tracing::warn!("the terminal is gone and the board did not end; ending it");
                std::process::exit(0);
            }
        }
    });
    if let Err(error) = spawned {
        tracing::warn!(%error, "no hangup watcher");
    }
}

/// Whether the process still has a terminal to open.
#[cfg(unix)]
fn controlling_terminal() -> bool {
    std::fs::File::open("/dev/tty").is_ok()
}

#[cfg(not(unix))]
fn controlling_terminal() -> bool {
    true
}
