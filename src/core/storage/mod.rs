//! Storage: what Hamish keeps in localStorage and under which keys: an article's versioned entry
//! ([`entry`]), the recent-articles list with the texts of articles without a URL ([`recent`]), and
//! every key and namespace ([`keys`], the one place keys are built); all of it written and read as
//! JSON by hand ([`json`]).

pub mod backup;
pub mod entry;
pub mod json;
pub mod keys;
pub mod merge;
pub mod recent;
