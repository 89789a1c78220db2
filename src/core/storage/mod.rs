//! Storage: what Hamish keeps in localStorage and under which keys: an article's versioned entry
//! ([`entry`]) and the recent-articles list with the texts of articles without a URL ([`recent`]).

pub mod entry;
pub mod merge;
pub mod recent;
