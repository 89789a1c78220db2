//! The pure core: no `web-sys`, tested on the host. One folder per capability; each `mod.rs` says
//! what the capability is and what it exposes.

pub mod anchoring;
pub mod annotations;
pub mod claims;
pub mod collections;
pub mod drawing;
pub mod embed;
pub mod entities;
pub mod exchange;
pub mod json;
pub mod storage;
pub mod text;
pub mod w3c;
