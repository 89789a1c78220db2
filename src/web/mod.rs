//! Browser glue: adapts the DOM and browser APIs to the pure core. Nothing here decides anything.

pub mod backup;
pub mod case;
pub mod clock;
pub mod download;
pub mod graphemes;
pub mod highlights;
pub mod host_text;
pub mod html;
pub mod library;
pub mod open;
pub mod page;
pub mod registry_store;
pub mod selection;
pub mod settings_store;
pub mod storage;
pub mod unsaved;
