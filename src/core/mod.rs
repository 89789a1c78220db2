//! The pure core: no `web-sys`, tested on the host.

pub mod anchor;
pub mod article;
pub mod entities;
pub mod fold;
pub mod import;
pub mod mentions;
pub mod model;
pub mod myers;
pub mod occurrences;
pub mod persist;
pub mod segments;
pub mod selectors;
pub mod state;
pub mod units;
pub mod w3c;
