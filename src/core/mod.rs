//! The pure core: no `web-sys`, tested on the host.

pub mod anchor;
pub mod article;
pub mod entities;
pub mod model;
pub mod persist;
pub mod segments;
pub mod selectors;
pub mod state;
pub mod units;
pub mod w3c;
pub mod fold;
pub mod myers;
