//! Annotations: the record Hamish keeps for a span ([`model`]), the widget's state and the one
//! reducer every change goes through ([`state`]), and what changed between two versions
//! ([`changes`], what a host page is told).

pub mod changes;
pub mod history;
pub mod model;
pub mod reattach;
pub mod state;
pub mod time;
