//! The reader's fact-checking settings in localStorage (see [`crate::core::claims::settings`]).

use crate::core::claims::settings::{decode, encode, Settings};
use crate::core::storage::keys::{settings_backup_key, SETTINGS_KEY};
use crate::web::storage::Backend;
use std::cell::RefCell;

/// The stored settings (the defaults when there are none or they cannot be read), and where a copy of
/// unreadable ones is kept (`Err` when none could be written: they must not be written over).
pub fn read() -> (Settings, Result<Option<String>, ()>) {
    let Some(backend) = Backend::local() else {
        return (Settings::default(), Ok(None));
    };
    let raw = backend.read(SETTINGS_KEY).ok().flatten();
    let (settings, whole) = decode(raw.as_deref());
    let kept = backend.set_aside(raw.as_deref(), whole, settings_backup_key);
    (settings, kept)
}

thread_local! {
    /// Settings storage refused, for the page's life (whichever article it shows): what the reader
    /// saved, and the stored settings they were made from.
    static PENDING: RefCell<Option<(Settings, Settings)>> = const { RefCell::new(None) };
}

/// The stored settings, or the defaults.
pub fn stored() -> Settings {
    read().0
}

/// The settings this page uses: the stored ones, with the fields of settings storage refused carried
/// onto them (another tab's saves since are kept).
pub fn load() -> Settings {
    let stored = stored();
    PENDING.with_borrow(|p| match p {
        Some((mine, base)) => mine.carried_onto(base, &stored),
        None => stored,
    })
}

/// Saves the settings; false when storage refused (or unreadable stored ones could not be copied
/// aside first): they are then kept in the page ([`load`]) until [`retry`] writes them.
pub fn save(settings: &Settings) -> bool {
    if write(settings) {
        PENDING.set(None);
        return true;
    }
    // The page's settings again (another tab's save carried in): the reader's own are still what
    // was kept, and another tab's later saves are carried in their turn.
    let pending = PENDING.with_borrow(|p| p.as_ref().map(|(_, base)| base.clone()));
    if pending.is_some() && *settings == load() {
        return false;
    }
    let base = pending.unwrap_or_else(stored);
    PENDING.set(Some((settings.clone(), base)));
    false
}

/// Writes the settings storage refused, carried onto the stored ones; whether it did.
pub fn retry() -> bool {
    let Some(next) = PENDING.with_borrow(|p| p.is_some()).then(load) else {
        return false;
    };
    let saved = write(&next);
    if saved {
        PENDING.set(None);
    }
    saved
}

/// Forgets settings storage refused (the page is back to the stored ones).
pub fn forget_pending() {
    PENDING.set(None);
}

/// Writes `settings`; false when storage refused (or unreadable stored ones could not be copied aside).
fn write(settings: &Settings) -> bool {
    read().1.is_ok()
        && Backend::local().is_some_and(|b| b.write(SETTINGS_KEY, &encode(settings)).is_ok())
}
