//! The reader's fact-checking settings in localStorage (see [`crate::core::claims::settings`]).

use crate::core::claims::settings::{decode, encode, Settings};
use crate::core::storage::keys::SETTINGS_KEY;
use crate::web::storage::Backend;

/// The stored settings, or the defaults.
pub fn load() -> Settings {
    Backend::local()
        .map(|b| decode(b.read(SETTINGS_KEY).ok().flatten().as_deref()))
        .unwrap_or_default()
}

/// Saves the settings; false when storage refused.
pub fn save(settings: &Settings) -> bool {
    Backend::local().is_some_and(|b| b.write(SETTINGS_KEY, &encode(settings)).is_ok())
}
