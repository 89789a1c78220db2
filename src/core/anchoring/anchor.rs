//! Re-attaching stored selectors to a (possibly edited) article text.
//!
//! For each target, in order: the stored position if the text there still equals the quote; the
//! position shifted by how far the previous annotation moved; exact matches of the folded quote (see
//! [`crate::core::text::fold`]) near the expected place, then fuzzy matches there (Myers, with an error
//! budget of a quarter of the quote's length); then exact matches anywhere (through an index of where
//! each character occurs, built on first use; see [`crate::core::anchoring::occurrences`]) and fuzzy matches
//! within [`FAR_WINDOW`]. Candidates are
//! scored on quote similarity, prefix and suffix similarity and closeness, with Hypothesis's weights
//! (`match-quote.ts`: 50, 20, 20, 2); a best score under [`MIN_SCORE`] makes the target an orphan
//! rather than a guess. Every match is mapped back to the original text, widened to whole grapheme
//! clusters and trimmed of white space.
//!
//! A quote longer than [`LONG_QUOTE`] folded characters would make those searches cost the square
//! of its length (a whole-article claim on 100,000 characters took 13 s after a one-word edit). It
//! is anchored by its ends instead: its first and last [`END_LEN`] characters are each anchored like
//! a short quote (the head near the expected place, the tail where the head puts it, each with the
//! stored context on its outer side and the quote's own characters on its inner side); the span
//! between them must be within the error budget of the quote's length, and the middle's edit
//! distance is computed only when that is cheap ([`crate::core::anchoring::edits`]: time linear in
//! the length times the distance, at most [`MIDDLE_CELLS`] cells), else bounded from below by
//! comparing trigrams. An end that is not found makes the target an orphan.

use crate::core::anchoring::edits::{bounded_distance, qgram_lower_bound, Unknown};
use crate::core::anchoring::myers::{distance, prefix_distances, search, Match, ShortPattern};
use crate::core::anchoring::occurrences::Occurrences;
use crate::core::anchoring::selectors::TextSelector;
use crate::core::text::fold::{fold, fold_quote, Folded};
use crate::core::text::span::Span;
use crate::core::text::units::normalize_selection;
use std::cell::{Cell, OnceCell};

/// Below this score (0–1) the best candidate is not trusted and the target is an orphan.
pub const MIN_SCORE: f64 = 0.75;

/// Folded characters searched on each side of the expected place before searching further.
pub const WINDOW: usize = 2048;

/// How far (folded characters, each side of the expected place) a fuzzy search reaches when nothing
/// was found nearby: all of any ordinary article, while a 1 MB text is not scanned whole for every
/// lost quote. (Exact matches are searched in the whole text.)
pub const FAR_WINDOW: usize = 32_768;

/// Quotes longer than this (folded characters) are anchored by their ends (see the module's doc).
pub const LONG_QUOTE: usize = 1024;

/// Folded characters at each end of a long quote anchored like a short quote.
pub const END_LEN: usize = 128;

/// The most dynamic-programming cells spent on the exact edit distance of a long quote's middle (a
/// few tens of milliseconds); beyond it the distance is bounded from below instead.
pub const MIDDLE_CELLS: usize = 1 << 25;

/// The most search work (characters of text scanned × 64-character blocks of the pattern, plus
/// places compared by the exact search anywhere) one [`Anchorer`] spends on the searches beyond the
/// expected place's neighbourhood of exact matches: a few tenths of a second natively. Anchoring a
/// thousand ordinary annotations in a 1 MB text takes a hundredth of it; a hostile file of
/// thousands of long quotes found nowhere would otherwise take minutes. Once it is spent, targets
/// are only looked for at their place and exactly near it, and else are orphans.
pub const SEARCH_WORK: u64 = 200_000_000;

/// How much refining a fuzzy match's edges can raise its score, at most (the context weights).
const REFINE_REACH: f64 = (PREFIX_WEIGHT + SUFFIX_WEIGHT)
    / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT);

/// The most folded characters of a stored context compared with the text (one bit-parallel word).
const CONTEXT_MAX: usize = 64;

const QUOTE_WEIGHT: f64 = 50.0;
const PREFIX_WEIGHT: f64 = 20.0;
const SUFFIX_WEIGHT: f64 = 20.0;
const POSITION_WEIGHT: f64 = 2.0;

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
    /// Found at `span`.
    Found {
        span: Span,
        method: Method,
        score: f64,
    },
    /// Not found with enough confidence.
    Orphan,
}

/// A text prepared for anchoring many targets: its characters, its folded form and an index of the
/// folded form (both built on first use).
pub struct Anchorer {
    chars: Vec<char>,
    folded: OnceCell<Folded>,
    occurrences: OnceCell<Occurrences>,
    /// Search work spent so far (see [`SEARCH_WORK`]).
    work: Cell<u64>,
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
    prefix: Context,
    suffix: Context,
    expected: usize,
}

/// Edits allowed in a fuzzy match of a quote of `len` folded characters: a quarter of it.
pub fn error_budget(len: usize) -> usize {
    len / 4
}

/// A stored context (prefix or suffix), folded and prepared for comparison with many candidates.
#[derive(Clone)]
struct Context {
    chars: Vec<char>,
    pattern: Option<ShortPattern>,
}

impl Context {
    /// A prefix: at most its last 64 folded characters count (Hamish keeps 32 code points; a longer
    /// context would only slow the comparison, which is quadratic beyond 64).
    fn prefix(text: &str) -> Context {
        let chars = fold(text).chars;
        Context::of(&chars[chars.len().saturating_sub(CONTEXT_MAX)..])
    }

    /// A suffix: at most its first 64 folded characters count.
    fn suffix(text: &str) -> Context {
        let chars = fold(text).chars;
        Context::of(&chars[..chars.len().min(CONTEXT_MAX)])
    }

    /// Already folded characters.
    fn of(chars: &[char]) -> Context {
        Context {
            chars: chars.to_vec(),
            pattern: ShortPattern::new(chars),
        }
    }

    fn len(&self) -> usize {
        self.chars.len()
    }

    /// 1 minus the edit distance to `actual` relative to the context's length (1 for no context).
    fn similarity(&self, actual: &[char]) -> f64 {
        if self.chars.is_empty() {
            return 1.0;
        }
        let d = self
            .pattern
            .as_ref()
            .map_or_else(|| distance(&self.chars, actual), |p| p.distance(actual));
        (1.0 - d as f64 / self.chars.len() as f64).max(0.0)
    }
}

impl Anchorer {
    /// Prepares `text`.
    pub fn new(text: &str) -> Anchorer {
        Anchorer {
            chars: text.chars().collect(),
            folded: OnceCell::new(),
            occurrences: OnceCell::new(),
            work: Cell::new(0),
        }
    }

    /// The text's characters.
    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    fn folded(&self) -> &Folded {
        self.folded
            .get_or_init(|| fold(&self.chars.iter().collect::<String>()))
    }

    fn occurrences(&self) -> &Occurrences {
        self.occurrences
            .get_or_init(|| Occurrences::new(&self.folded().chars))
    }

    fn equals_at(&self, start: usize, quote: &[char]) -> bool {
        start
            .checked_add(quote.len())
            .and_then(|end| self.chars.get(start..end))
            == Some(quote)
    }

    /// Anchors one target; `expected` is where it is most likely now (its stored start shifted by how
    /// far its neighbours moved), when known.
    pub fn anchor(&self, target: &TextSelector, expected: Option<usize>) -> Anchor {
        let len = self.chars.len();
        let quote: Vec<char> = target.exact.chars().collect();
        let start = target.position.map(|p| p.start);
        if quote.is_empty() {
            return match target.position {
                Some(p) if !p.is_empty() && p.end <= len => {
                    self.found(p.start, p.end, Method::Position, 1.0)
                }
                _ => Anchor::Orphan,
            };
        }
        if let Some(start) = start {
            if self.equals_at(start, &quote) {
                return self.found(start, start + quote.len(), Method::Position, 1.0);
            }
        }
        if let Some(x) = expected.filter(|&x| Some(x) != start) {
            if self.equals_at(x, &quote) {
                return self.found(x, x + quote.len(), Method::Exact, 1.0);
            }
        }
        let folded = self.folded();
        let query = Query {
            quote: fold_quote(&target.exact),
            prefix: Context::prefix(&target.prefix),
            suffix: Context::suffix(&target.suffix),
            expected: folded.from_original(expected.or(start).unwrap_or(0)),
        };
        if query.quote.is_empty() {
            return Anchor::Orphan;
        }
        let best = if query.quote.len() > LONG_QUOTE {
            self.locate_long(&query)
        } else {
            self.locate(&query)
        };
        match best {
            Some((score, c)) => {
                let (s, e) = folded.to_original(c.start, c.end);
                let method = if c.errors == 0 {
                    Method::Exact
                } else {
                    Method::Fuzzy
                };
                self.found(s, e, method, score)
            }
            None => Anchor::Orphan,
        }
    }

    /// The best candidate for a query (folded coordinates) scoring at least [`MIN_SCORE`]: exact
    /// matches near the expected place, fuzzy ones there, exact ones anywhere, fuzzy ones within
    /// [`FAR_WINDOW`]; the first stage with a good enough candidate wins.
    fn locate(&self, query: &Query) -> Option<(f64, Candidate)> {
        let folded = self.folded();
        let n = folded.chars.len();
        let around = |reach: usize| {
            query.expected.saturating_sub(reach)
                ..(query.expected + query.quote.len() + reach).min(n)
        };
        let (near, far) = (around(WINDOW), around(FAR_WINDOW));
        let budget = error_budget(query.quote.len());
        let shift = |offset: usize, m: Match| Candidate {
            start: offset + m.start,
            end: offset + m.end,
            errors: m.errors,
        };
        let exact = |offset: usize, s: usize| Candidate {
            start: offset + s,
            end: offset + s + query.quote.len(),
            errors: 0,
        };
        let blocks = query.quote.len().div_ceil(64) as u64;
        let (near_work, far_work) = (near.len() as u64 * blocks, far.len() as u64 * blocks);
        for stage in 0..4 {
            let cost = match stage {
                1 => near_work,
                2 => self.occurrences().candidates(&query.quote) as u64,
                3 => far_work,
                _ => 0,
            };
            if self.work.get().saturating_add(cost) > SEARCH_WORK {
                continue;
            }
            self.work.set(self.work.get() + cost);
            let candidates: Vec<Candidate> = match stage {
                0 => exact_matches(&folded.chars[near.clone()], &query.quote)
                    .map(|s| exact(near.start, s))
                    .collect(),
                1 if budget > 0 => search(&folded.chars[near.clone()], &query.quote, budget)
                    .into_iter()
                    .map(|m| shift(near.start, m))
                    .collect(),
                2 => self
                    .occurrences()
                    .find_all(&folded.chars, &query.quote)
                    .into_iter()
                    .map(|s| exact(0, s))
                    .collect(),
                3 if budget > 0 => search(&folded.chars[far.clone()], &query.quote, budget)
                    .into_iter()
                    .map(|m| shift(far.start, m))
                    .collect(),
                _ => Vec::new(),
            };
            let best = candidates
                .into_iter()
                .map(|c| (self.score(&query, c), c))
                .max_by(|a, b| {
                    a.0.total_cmp(&b.0).then(
                        b.1.start
                            .abs_diff(query.expected)
                            .cmp(&a.1.start.abs_diff(query.expected)),
                    )
                });
            // Refining costs more than scoring: only for fuzzy matches that could reach the threshold.
            let best = best.map(|(score, c)| {
                if c.errors > 0 && score >= MIN_SCORE - REFINE_REACH {
                    self.refine(&query, c, budget)
                } else {
                    (score, c)
                }
            });
            if let Some(found) = best.filter(|(score, _)| *score >= MIN_SCORE) {
                return Some(found);
            }
        }
        None
    }

    /// [`Anchorer::locate`] for a quote longer than [`LONG_QUOTE`]: its head and tail anchored like
    /// short quotes, the span between them checked against the whole quote (see the module's doc).
    fn locate_long(&self, query: &Query) -> Option<(f64, Candidate)> {
        let f = &self.folded().chars;
        let q = &query.quote;
        let m = q.len();
        let inner = |from: usize| Context::of(&q[from..(from + CONTEXT_MAX).min(m)]);
        let head = Query {
            quote: q[..END_LEN].to_vec(),
            prefix: query.prefix.clone(),
            suffix: inner(END_LEN),
            expected: query.expected,
        };
        let (_, h) = self.locate(&head)?;
        let tail = Query {
            quote: q[m - END_LEN..].to_vec(),
            prefix: Context::of(&q[m - END_LEN - CONTEXT_MAX..m - END_LEN]),
            suffix: query.suffix.clone(),
            expected: (h.start + m - END_LEN).min(f.len()),
        };
        let (_, t) = self.locate(&tail)?;
        let budget = error_budget(m);
        if t.start < h.end || (t.end - h.start).abs_diff(m) > budget {
            return None;
        }
        let left = budget.checked_sub(h.errors + t.errors)?;
        let (expected_middle, actual_middle) = (&q[END_LEN..m - END_LEN], &f[h.end..t.start]);
        let middle = match bounded_distance(expected_middle, actual_middle, left, MIDDLE_CELLS) {
            Ok(d) => d,
            Err(Unknown::Over) => return None,
            Err(Unknown::Costly) => qgram_lower_bound(expected_middle, actual_middle),
        };
        let c = Candidate {
            start: h.start,
            end: t.end,
            errors: h.errors + middle + t.errors,
        };
        if c.errors > budget {
            return None;
        }
        let score = self.score(query, c);
        (score >= MIN_SCORE).then_some((score, c))
    }

    /// Moves a fuzzy match's edges to where the whole score is best. The bit-parallel search
    /// reports one alignment among equally cheap ones, and may start a match inside a word the
    /// quote's context says comes before it; this weighs the quote's errors against how well the
    /// stored prefix and suffix fit at each nearby edge. Start first (end fixed), then end.
    fn refine(&self, q: &Query, c: Candidate, budget: usize) -> (f64, Candidate) {
        let f = &self.folded().chars;
        let slack = 2 * budget + 8;
        let pick = |options: &mut dyn Iterator<Item = Candidate>,
                    origin: usize,
                    edge: fn(&Candidate) -> usize| {
            options.map(|x| (self.score(q, x), x)).max_by(|a, b| {
                a.0.total_cmp(&b.0).then(
                    edge(&b.1)
                        .abs_diff(origin)
                        .cmp(&edge(&a.1).abs_diff(origin)),
                )
            })
        };
        // Distances from the quote to f[s..c.end] for every s, via the reversed texts.
        let lo = c.start.saturating_sub(slack);
        let reversed_window: Vec<char> = f[lo..c.end].iter().rev().copied().collect();
        let reversed_quote: Vec<char> = q.quote.iter().rev().copied().collect();
        let to_end = prefix_distances(&reversed_window, &reversed_quote);
        let hi = (c.start + slack).min(c.end - 1);
        let starts = &mut (lo..=hi).map(|s| Candidate {
            start: s,
            end: c.end,
            errors: to_end[c.end - s - 1],
        });
        let Some((_, with_start)) = pick(starts, c.start, |x| x.start) else {
            return (self.score(q, c), c);
        };
        // Distances from the quote to f[start..e] for every e.
        let start = with_start.start;
        let far = (c.end + slack).min(f.len());
        let from_start = prefix_distances(&f[start..far], &q.quote);
        let ends = &mut ((start + 1).max(c.end.saturating_sub(slack))..=far).map(|e| Candidate {
            start,
            end: e,
            errors: from_start[e - start - 1],
        });
        pick(ends, c.end, |x| x.end).unwrap_or((self.score(q, with_start), with_start))
    }

    fn score(&self, q: &Query, c: Candidate) -> f64 {
        let f = &self.folded().chars;
        let quote = 1.0 - c.errors as f64 / q.quote.len() as f64;
        let before = &f[c.start.saturating_sub(q.prefix.len())..c.start];
        let after = &f[c.end..(c.end + q.suffix.len()).min(f.len())];
        let position = 1.0 - c.start.abs_diff(q.expected) as f64 / f.len().max(1) as f64;
        (QUOTE_WEIGHT * quote
            + PREFIX_WEIGHT * q.prefix.similarity(before)
            + SUFFIX_WEIGHT * q.suffix.similarity(after)
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
            Some((s, e)) => Anchor::Found {
                span: Span::new(from + s, from + e),
                method,
                score,
            },
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
pub fn anchor_all(text: &str, targets: &[TextSelector]) -> Vec<Anchor> {
    anchor_all_in(&Anchorer::new(text), targets)
}

/// [`anchor_all`] with a prepared text.
pub fn anchor_all_in(anchorer: &Anchorer, targets: &[TextSelector]) -> Vec<Anchor> {
    let len = anchorer.chars().len() as i64;
    let mut order: Vec<usize> = (0..targets.len()).collect();
    order.sort_by_key(|&i| targets[i].position.map_or(usize::MAX, |p| p.start));
    let mut results = vec![Anchor::Orphan; targets.len()];
    let mut shift: i64 = 0;
    for i in order {
        let target = &targets[i];
        let old = target.position.map(|p| p.start);
        let expected = old.map(|s| (s as i64 + shift).clamp(0, len) as usize);
        let anchor = anchorer.anchor(target, expected);
        if let (Anchor::Found { span, .. }, Some(old)) = (anchor, old) {
            shift = span.start as i64 - old as i64;
        }
        results[i] = anchor;
    }
    results
}
