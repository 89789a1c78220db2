//! The reader's fact-checking settings in localStorage (see [`crate::core::claims::settings`]).

use crate::core::claims::settings::{decode, encode, Settings};
use crate::core::storage::keys::{settings_backup_key, SETTINGS_KEY};
use crate::web::storage::Backend;

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

/// The stored settings, or the defaults.
pub fn load() -> Settings {
    read().0
}

/// Saves the settings; false when storage refused (or unreadable stored ones could not be copied
/// aside first).
pub fn save(settings: &Settings) -> bool {
    read().1.is_ok()
        && Backend::local().is_some_and(|b| b.write(SETTINGS_KEY, &encode(settings)).is_ok())
}
