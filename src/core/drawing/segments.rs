//! Splitting a stretch of text into runs for rendering: each run carries every span covering it, so
//! overlapping and nested annotations can all be drawn and clicked.

use crate::core::collections::sort::{sort, sort_by};
use crate::core::text::span::Span;

/// A span labelled with the index of what it belongs to (in the caller's list).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Labelled {
    /// Index into the caller's list.
    pub index: usize,
    /// Where it is.
    pub span: Span,
}

/// A maximal stretch of text covered by the same set of spans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// Where it is.
    pub span: Span,
    /// Indices of the covering spans, outermost first: by start, then longest first.
    pub covering: Vec<usize>,
}

/// Splits `range` into consecutive runs that together cover it exactly. Empty spans and the parts of
/// spans outside `range` are ignored.
///
/// Hand-rolled because no crate does this: collect every span edge inside the range, sort them, and
/// for each gap between neighbouring edges take the spans that contain it — O(edges × spans), fine
/// for the spans one block carries.
pub fn runs(range: Span, spans: &[Labelled]) -> Vec<Run> {
    if range.is_empty() {
        return Vec::new();
    }
    let mut inside: Vec<Labelled> = spans
        .iter()
        .filter(|s| !s.span.is_empty() && s.span.overlaps(range))
        .copied()
        .collect();
    sort_by(&mut inside, |a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
            .then(a.index.cmp(&b.index))
    });
    let mut edges: Vec<usize> = vec![range.start, range.end];
    for s in &inside {
        edges.push(s.span.start.max(range.start));
        edges.push(s.span.end.min(range.end));
    }
    sort(&mut edges);
    edges.dedup();
    edges
        .windows(2)
        .map(|w| {
            let span = Span::new(w[0], w[1]);
            Run {
                span,
                covering: inside
                    .iter()
                    .filter(|s| s.span.covers(span))
                    .map(|s| s.index)
                    .collect(),
            }
        })
        .collect()
}
