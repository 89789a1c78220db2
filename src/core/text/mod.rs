//! Text: the article Hamish annotates and the units its offsets count in.
//!
//! [`article`] is the article (blocks and the one text every offset counts over); [`units`] converts
//! offsets between code points, UTF-16 and bytes and snaps them to grapheme clusters; [`fold`] makes
//! spelling variants equal for matching and [`case`] maps letter case; [`formats`] and [`source`] turn a document (plain text,
//! Markdown, its bytes) into blocks, [`furniture`] drops a comment form's lines from plain text, and
//! [`open_error`] says why one could not be opened;
//! [`elements`] decides which HTML elements are blocks and which are left out; [`collapse`] reads a
//! host page's text as the browser renders it; [`cursor`] moves a keyboard cursor by word and sentence.

pub mod article;
pub mod block;
pub mod case;
pub mod collapse;
pub mod cursor;
pub mod elements;
pub mod fold;
pub mod formats;
pub mod furniture;
pub mod graphemes;
pub mod hash;
pub mod open_error;
pub mod source;
pub mod span;
pub mod units;
