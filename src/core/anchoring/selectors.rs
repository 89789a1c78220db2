//! Describing a span of the article as W3C selectors: a TextQuoteSelector and a TextPositionSelector.

use crate::core::text::units::{cp_len, slice_cp};

/// Code points of context kept on each side of a quote.
pub const CONTEXT_LEN: usize = 32;

/// A span described by its text and its surroundings (W3C `TextQuoteSelector`) and its place
/// (W3C `TextPositionSelector`, in code points).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextSelectors {
    /// The span's text.
    pub exact: String,
    /// Up to [`CONTEXT_LEN`] code points before it (fewer at the text's start).
    pub prefix: String,
    /// Up to [`CONTEXT_LEN`] code points after it (fewer at the text's end).
    pub suffix: String,
    /// First code point.
    pub start: usize,
    /// Code point just past the span.
    pub end: usize,
}

/// Describes `[start, end)` of `text`; out-of-range offsets are clamped to the text.
pub fn describe(text: &str, start: usize, end: usize) -> TextSelectors {
    let len = cp_len(text);
    let end = end.min(len);
    let start = start.min(end);
    TextSelectors {
        exact: slice_cp(text, start, end).to_string(),
        prefix: slice_cp(text, start.saturating_sub(CONTEXT_LEN), start).to_string(),
        suffix: slice_cp(text, end, end + CONTEXT_LEN).to_string(),
        start,
        end,
    }
}

/// [`describe`] over a text already split into characters (for describing many spans of a long text).
pub fn describe_chars(chars: &[char], start: usize, end: usize) -> TextSelectors {
    let end = end.min(chars.len());
    let start = start.min(end);
    let text = |a: usize, b: usize| chars[a..b.min(chars.len())].iter().collect::<String>();
    TextSelectors {
        exact: text(start, end),
        prefix: text(start.saturating_sub(CONTEXT_LEN), start),
        suffix: text(end, end + CONTEXT_LEN),
        start,
        end,
    }
}
