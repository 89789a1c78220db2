//! Splitting a stretch of text into runs for rendering: each run carries every annotation covering
//! it, so overlapping and nested annotations can all be drawn and clicked.

/// A half-open range of code points, labelled with the index of the annotation it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// Index of the annotation (into the caller's list).
    pub index: usize,
    /// First code point.
    pub start: usize,
    /// Code point just past the span.
    pub end: usize,
}

/// A maximal stretch of text covered by the same set of annotations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// First code point.
    pub start: usize,
    /// Code point just past the run.
    pub end: usize,
    /// Indices of the covering annotations, outermost first: by start, then longest first.
    pub covering: Vec<usize>,
}

/// Splits `[from, to)` into consecutive runs that together cover it exactly. Empty spans and the
/// parts of spans outside `[from, to)` are ignored.
///
/// Hand-rolled because no crate does this: collect every span edge inside the range, sort them, and
/// for each gap between neighbouring edges take the spans that contain it — O(edges × spans), fine
/// for the few hundred annotations one article carries.
pub fn runs(from: usize, to: usize, spans: &[Span]) -> Vec<Run> {
    if to <= from {
        return Vec::new();
    }
    let mut inside: Vec<Span> = spans
        .iter()
        .filter(|s| s.end > s.start && s.end > from && s.start < to)
        .copied()
        .collect();
    inside.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.index.cmp(&b.index))
    });
    let mut edges: Vec<usize> = vec![from, to];
    for s in &inside {
        edges.push(s.start.max(from));
        edges.push(s.end.min(to));
    }
    edges.sort_unstable();
    edges.dedup();
    edges
        .windows(2)
        .map(|w| Run {
            start: w[0],
            end: w[1],
            covering: inside
                .iter()
                .filter(|s| s.start <= w[0] && s.end >= w[1])
                .map(|s| s.index)
                .collect(),
        })
        .collect()
}
