//! Anchoring: describing a span as W3C selectors ([`selectors`]) and finding those selectors again in
//! a changed text ([`anchor`]). [`myers`] (approximate search), [`occurrences`] (exact search in
//! a long text), [`edits`] (distances between long texts), [`context`] (how well a stored prefix or
//! suffix fits beside a match) and [`words`] (word boundaries, the quote's words still there) are its
//! internals, public only for their tests.

pub mod anchor;
#[doc(hidden)]
pub mod context;
#[doc(hidden)]
pub mod edits;
#[doc(hidden)]
pub mod myers;
#[doc(hidden)]
pub mod occurrences;
pub mod selectors;
#[doc(hidden)]
pub mod words;
