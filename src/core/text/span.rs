//! A span of the article's text: a half-open range of code points, the unit every stored and
//! exported offset counts in (see [`crate::core::text::units`]).

/// `[start, end)` in code points over the article's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First code point.
    pub start: usize,
    /// Code point just past the span.
    pub end: usize,
}

impl Span {
    /// The span `[start, end)`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// How many code points it covers.
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether it covers nothing.
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// Whether the two spans share at least one code point.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `inner` lies within this span (its edges may touch this span's edges; an empty
    /// `inner` is a caret position, inside when it is at or between the edges).
    pub fn covers(self, inner: Span) -> bool {
        self.start <= inner.start && inner.end <= self.end
    }
}
