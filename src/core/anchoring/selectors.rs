//! Describing a span of the article as W3C selectors: a TextQuoteSelector and a TextPositionSelector.

use crate::core::text::span::Span;
use crate::core::text::units::{cp_len, slice_cp};

/// Code points of context kept on each side of a quote.
pub const CONTEXT_LEN: usize = 32;

/// The longest quote (code points) read from outside (an imported file, a stored entry): as long as
/// the largest article Hamish opens ([`crate::core::text::source::MAX_BYTES`] bytes hold at most as
/// many code points), so no quote that could be in an article is refused.
pub const MAX_QUOTE: usize = crate::core::text::source::MAX_BYTES;

/// Where an annotation is: its text and surroundings (W3C `TextQuoteSelector`) and, when known, its
/// place (W3C `TextPositionSelector`, in code points). What an annotation holds, and what anchoring
/// looks for again in a changed text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextSelector {
    /// The span's text (empty when only a position is known).
    pub exact: String,
    /// Up to [`CONTEXT_LEN`] code points before it (fewer at the text's start).
    pub prefix: String,
    /// Up to [`CONTEXT_LEN`] code points after it (fewer at the text's end).
    pub suffix: String,
    /// The span, when known (an imported quote may come without one).
    pub position: Option<Span>,
}

/// Describes `span` of `text`; out-of-range offsets are clamped to the text.
pub fn describe(text: &str, span: Span) -> TextSelector {
    let len = cp_len(text);
    let end = span.end.min(len);
    let start = span.start.min(end);
    TextSelector {
        exact: slice_cp(text, start, end).to_string(),
        prefix: slice_cp(text, start.saturating_sub(CONTEXT_LEN), start).to_string(),
        suffix: slice_cp(text, end, end + CONTEXT_LEN).to_string(),
        position: Some(Span::new(start, end)),
    }
}

/// [`describe`] over a text already split into characters (for describing many spans of a long text).
pub fn describe_chars(chars: &[char], span: Span) -> TextSelector {
    let end = span.end.min(chars.len());
    let start = span.start.min(end);
    let text = |a: usize, b: usize| chars[a..b.min(chars.len())].iter().collect::<String>();
    TextSelector {
        exact: text(start, end),
        prefix: text(start.saturating_sub(CONTEXT_LEN), start),
        suffix: text(end, end + CONTEXT_LEN),
        position: Some(Span::new(start, end)),
    }
}
