//! Drawing: what is drawn over the article for each annotation and suggestion, decided once for
//! both renderers ([`plan`]); [`segments`] splits a stretch of text into runs by what covers it.

pub mod plan;
pub mod segments;
