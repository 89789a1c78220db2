//! Re-attaching stored selectors to a (possibly edited) article text.
//!
//! For each target, in order: the stored position if the text there still equals the quote; the
//! position shifted by how far the previous annotation moved; exact matches of the folded quote (see
//! [`crate::core::fold`]) near the expected place, then fuzzy matches there (Myers, with an error
//! budget of a quarter of the quote's length); then exact and fuzzy matches anywhere. Candidates are
//! scored on quote similarity, prefix and suffix similarity and closeness, with Hypothesis's weights
//! (`match-quote.ts`: 50, 20, 20, 2); a best score under [`MIN_SCORE`] makes the target an orphan
//! rather than a guess. Every match is mapped back to the original text, widened to whole grapheme
//! clusters and trimmed of white space.

use crate::core::fold::{fold, fold_quote, Folded};
use crate::core::myers::{distance, search};
use crate::core::units::{cp_len, normalize_selection};
use std::cell::OnceCell;

/// Below this score (0–1) the best candidate is not trusted and the target is an orphan.
pub const MIN_SCORE: f64 = 0.75;

/// Folded characters searched on each side of the expected place before searching everywhere.
pub const WINDOW: usize = 2048;

const QUOTE_WEIGHT: f64 = 50.0;
const PREFIX_WEIGHT: f64 = 20.0;
const SUFFIX_WEIGHT: f64 = 20.0;
const POSITION_WEIGHT: f64 = 2.0;

/// What an annotation says about where it was: a W3C TextQuoteSelector and/or TextPositionSelector.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Target {
    /// The quote (empty when only a position is known).
    pub exact: String,
    /// Text before the quote.
    pub prefix: String,
    /// Text after the quote.
    pub suffix: String,
    /// Stored start (code points), if known.
    pub start: Option<usize>,
    /// Stored end (code points), if known.
    pub end: Option<usize>,
}

/// How a target was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// The text at the stored position equals the quote (or only a position was given).
    Position,
    /// An exact (orthography-folded) match of the quote.
    Exact,
    /// An approximate match of the quote.
    Fuzzy,
}

/// Where a target is in the current text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Anchor {
    /// Found at `[start, end)` (code points).
    Found { start: usize, end: usize, method: Method, score: f64 },
    /// Not found with enough confidence.
    Orphan,
}

/// A text prepared for anchoring many targets: its characters, and its folded form (built on first use).
pub struct Anchorer {
    chars: Vec<char>,
    folded: OnceCell<Folded>,
}

/// A candidate match in folded coordinates.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    start: usize,
    end: usize,
    errors: usize,
}

/// The folded quote and context of one target, and where it is expected (folded offset).
struct Query {
    quote: Vec<char>,
    prefix: Vec<char>,
    suffix: Vec<char>,
    expected: usize,
}

/// Edits allowed in a fuzzy match of a quote of `len` folded characters: a quarter of it.
pub fn error_budget(len: usize) -> usize {
    len / 4
}

/// 1 minus the edit distance between `expected` and `actual` relative to `expected`'s length (1 when
/// nothing was expected).
fn similarity(expected: &[char], actual: &[char]) -> f64 {
    if expected.is_empty() {
        return 1.0;
    }
    (1.0 - distance(expected, actual) as f64 / expected.len() as f64).max(0.0)
}

impl Anchorer {
    /// Prepares `text`.
    pub fn new(text: &str) -> Anchorer {
        Anchorer { chars: text.chars().collect(), folded: OnceCell::new() }
    }

    /// The text's characters.
    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    fn folded(&self) -> &Folded {
        self.folded.get_or_init(|| fold(&self.chars.iter().collect::<String>()))
    }

    fn equals_at(&self, start: usize, quote: &[char]) -> bool {
        self.chars.get(start..start + quote.len()) == Some(quote)
    }

    /// Anchors one target; `expected` is where it is most likely now (its stored start shifted by how
    /// far its neighbours moved), when known.
    pub fn anchor(&self, target: &Target, expected: Option<usize>) -> Anchor {
        let len = self.chars.len();
        let quote: Vec<char> = target.exact.chars().collect();
        if quote.is_empty() {
            return match (target.start, target.end) {
                (Some(s), Some(e)) if s < e && e <= len => self.found(s, e, Method::Position, 1.0),
                _ => Anchor::Orphan,
            };
        }
        if let Some(start) = target.start {
            if self.equals_at(start, &quote) {
                return self.found(start, start + quote.len(), Method::Position, 1.0);
            }
        }
        if let Some(x) = expected.filter(|&x| Some(x) != target.start) {
            if self.equals_at(x, &quote) {
                return self.found(x, x + quote.len(), Method::Exact, 1.0);
            }
        }
        let folded = self.folded();
        let query = Query {
            quote: fold_quote(&target.exact),
            prefix: fold(&target.prefix).chars,
            suffix: fold(&target.suffix).chars,
            expected: folded.from_original(expected.or(target.start).unwrap_or(0)),
        };
        if query.quote.is_empty() {
            return Anchor::Orphan;
        }
        let n = folded.chars.len();
        let near = query.expected.saturating_sub(WINDOW)..(query.expected + query.quote.len() + WINDOW).min(n);
        let budget = error_budget(query.quote.len());
        let stages: [(std::ops::Range<usize>, bool); 4] =
            [(near.clone(), false), (near, true), (0..n, false), (0..n, true)];
        for (range, fuzzy) in stages {
            if fuzzy && budget == 0 {
                continue;
            }
            let hay = &folded.chars[range.clone()];
            let candidates: Vec<Candidate> = if fuzzy {
                search(hay, &query.quote, budget)
                    .into_iter()
                    .map(|m| Candidate { start: range.start + m.start, end: range.start + m.end, errors: m.errors })
                    .collect()
            } else {
                exact_matches(hay, &query.quote)
                    .map(|s| Candidate { start: range.start + s, end: range.start + s + query.quote.len(), errors: 0 })
                    .collect()
            };
            let best = candidates
                .into_iter()
                .map(|c| (self.score(&query, c), c))
                .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.start.abs_diff(query.expected).cmp(&a.1.start.abs_diff(query.expected))));
            if let Some((score, c)) = best.filter(|(score, _)| *score >= MIN_SCORE) {
                let (s, e) = folded.to_original(c.start, c.end);
                let method = if c.errors == 0 { Method::Exact } else { Method::Fuzzy };
                return self.found(s, e, method, score);
            }
        }
        Anchor::Orphan
    }

    fn score(&self, q: &Query, c: Candidate) -> f64 {
        let f = &self.folded().chars;
        let quote = 1.0 - c.errors as f64 / q.quote.len() as f64;
        let before = &f[c.start.saturating_sub(q.prefix.len())..c.start];
        let after = &f[c.end..(c.end + q.suffix.len()).min(f.len())];
        let position = 1.0 - c.start.abs_diff(q.expected) as f64 / f.len().max(1) as f64;
        (QUOTE_WEIGHT * quote
            + PREFIX_WEIGHT * similarity(&q.prefix, before)
            + SUFFIX_WEIGHT * similarity(&q.suffix, after)
            + POSITION_WEIGHT * position)
            / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT)
    }

    /// A found anchor, widened to whole grapheme clusters and trimmed of white space (computed on a
    /// small neighbourhood of the match, so anchoring stays linear in the text's length).
    fn found(&self, start: usize, end: usize, method: Method, score: f64) -> Anchor {
        const MARGIN: usize = 64;
        let from = start.saturating_sub(MARGIN);
        let to = (end + MARGIN).min(self.chars.len());
        let local: String = self.chars[from..to].iter().collect();
        match normalize_selection(&local, start - from, end - from) {
            Some((s, e)) => Anchor::Found { start: from + s, end: from + e, method, score },
            None => Anchor::Orphan,
        }
    }
}

/// Start offsets of every exact occurrence of `needle` in `hay`.
fn exact_matches<'a>(hay: &'a [char], needle: &'a [char]) -> impl Iterator<Item = usize> + 'a {
    let first = needle[0];
    (0..hay.len().saturating_sub(needle.len() - 1))
        .filter(move |&i| hay[i] == first && hay[i..i + needle.len()] == *needle)
}

/// Anchors every target in `text`, in reading order of their stored positions, each expected where
/// its stored start lands after shifting by how far the previous anchored target moved.
pub fn anchor_all(text: &str, targets: &[Target]) -> Vec<Anchor> {
    let anchorer = Anchorer::new(text);
    let len = cp_len(text) as i64;
    let mut order: Vec<usize> = (0..targets.len()).collect();
    order.sort_by_key(|&i| targets[i].start.unwrap_or(usize::MAX));
    let mut results = vec![Anchor::Orphan; targets.len()];
    let mut shift: i64 = 0;
    for i in order {
        let target = &targets[i];
        let expected = target.start.map(|s| (s as i64 + shift).clamp(0, len) as usize);
        let anchor = anchorer.anchor(target, expected);
        if let (Anchor::Found { start, .. }, Some(old)) = (anchor, target.start) {
            shift = start as i64 - old as i64;
        }
        results[i] = anchor;
    }
    results
}
