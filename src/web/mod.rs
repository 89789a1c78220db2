//! Browser glue: adapts the DOM and browser APIs to the pure core. Nothing here decides anything.

pub mod clock;
pub mod download;
pub mod fetch;
pub mod page;
pub mod selection;
pub mod storage;
