//! Re-attaching stored selectors to a (possibly edited) article text.
//!
//! For each target, in order: the stored position if the text there still equals the quote with the
//! words beside it as stored; the position shifted by how far the previous annotation moved, the
//! same way; exact matches of the folded quote (see
//! [`crate::core::text::fold`]) near the expected place, then fuzzy matches there (Myers, with an error
//! budget of a quarter of the quote's length); then the text between the stored prefix and suffix
//! there, when both are found side by side and it still holds half of the quote's words (a short
//! quote with one word changed is beyond a quarter of its characters); then exact matches anywhere
//! (through an index of where each character occurs, built on first use; see
//! [`crate::core::anchoring::occurrences`]) and fuzzy matches within [`FAR_WINDOW`].
//!
//! Candidates are scored on quote similarity, prefix and suffix similarity (each context against the
//! best-fitting text beside the match, see [`crate::core::anchoring::context`]) and closeness, with
//! Hypothesis's weights (`match-quote.ts`: 50, 20, 20, 2); a best score under [`MIN_SCORE`] makes
//! the target an orphan rather than a guess, and so do two nearby candidates that only closeness
//! tells apart. A match whose stored contexts are both unchanged beside it ([`Anchorer::settlement`])
//! wins over the others; a match whose surroundings changed (the quote at its old place with other
//! words around it, or the first stage's pick) is held while the stages near the expected place look
//! for one whose surroundings did not — a quote's other copy when this one was edited, a headline
//! its lede repeats. Two copies of the old words whose surroundings say opposite things (one with
//! the words next to it unchanged, the other with the wider context unchanged) make an orphan. A fuzzy match's edges are moved to where quote and context together need the fewest
//! edits, on word boundaries when the quote's were. Every match is mapped back to the original
//! text, widened to whole grapheme clusters and trimmed of white space.
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

use crate::core::anchoring::context::{Context, Side, CONTEXT_MAX};
use crate::core::anchoring::edits::{bounded_distance, qgram_lower_bound, Unknown};
use crate::core::anchoring::myers::{prefix_distances, search, Match};
use crate::core::anchoring::occurrences::Occurrences;
use crate::core::anchoring::selectors::TextSelector;
use crate::core::anchoring::selectors::CONTEXT_LEN;
use crate::core::anchoring::words::{inside_word, kept_words, words};
use crate::core::collections::sort::{sort, sort_by, sort_by_key};
use crate::core::text::fold::{fold, fold_quote, Folded};
use crate::core::text::span::Span;
use crate::core::text::units::normalize_selection;
use std::cell::{Cell, OnceCell};
use std::cmp::Reverse;
use std::ops::Range;

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

/// How many of a stage's fuzzy matches (the best-scoring) have their edges refined.
const REFINED: usize = 4;

/// How many places between a found prefix and a found suffix (the nearest the expected place) are
/// weighed as the quote's new text.
const CONTEXT_PAIRS: usize = 8;

/// The fewest folded characters of each context for the text between them to be taken as the quote.
const MIN_CONTEXT: usize = 8;

/// How far (folded characters, each side of the expected place) a match with unchanged
/// surroundings is looked for to replace a held one (see [`Anchorer::locate`]): the claim's own
/// sentence, edited, is where it was expected, give or take its context.
const HELD_REACH: usize = 2 * CONTEXT_MAX;

/// The most candidates of a stage weighed against a held match (see [`Anchorer::locate`]).
const HELD_CANDIDATES: usize = 64;

/// The folded characters of each context nearest the quote that, unchanged, settle a match at
/// level 1 (see [`Anchorer::settlement`]): about two words.
const NEAR: usize = 12;

/// How similar (0–1) each context must be to the text beside the span between them.
const CONTEXT_AGREES: f64 = 0.75;

/// How much less well (fit, 0–1) a match apart from the best one may fit and still make the choice
/// unsure (see [`Anchorer::best_of`]): less than a one-word difference in a sentence.
const RIVAL_MARGIN: f64 = 0.025;

/// How much refining a fuzzy match's edges can raise its score, at most (the context weights).
const REFINE_REACH: f64 = (PREFIX_WEIGHT + SUFFIX_WEIGHT) / TOTAL_WEIGHT;

const QUOTE_WEIGHT: f64 = 50.0;
const PREFIX_WEIGHT: f64 = 20.0;
const SUFFIX_WEIGHT: f64 = 20.0;
const POSITION_WEIGHT: f64 = 2.0;
const TOTAL_WEIGHT: f64 = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

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
    /// Whether the stored prefix (suffix) was shorter than [`CONTEXT_LEN`]: the quote was that
    /// close to the text's start (end), and a match with the same context there is settled.
    edges: (bool, bool),
}

impl Query {
    fn new(quote: Vec<char>, prefix: Context, suffix: Context, expected: usize) -> Query {
        Query {
            quote,
            prefix,
            suffix,
            expected,
            edges: (false, false),
        }
    }

    /// Whether a match may start and end at `c`'s edges: a quote that began (ended) at a word
    /// boundary when it was described must begin (end) at one now, so that a short quote is not
    /// found inside a longer word and a changed last word is not cut in two.
    fn fits(&self, text: &[char], c: &Candidate) -> bool {
        let cuts =
            |context: &Context, at: usize| context.at_word_boundary() && inside_word(text, at);
        !cuts(&self.prefix, c.start) && !cuts(&self.suffix, c.end)
    }
}

/// Edits allowed in a fuzzy match of a quote of `len` folded characters: a quarter of it.
pub fn error_budget(len: usize) -> usize {
    len / 4
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
        // The quote where it was (or where its neighbours' moves put it), with the text around it
        // as it was: found. The same words with other words around them may be a look-alike that
        // took its place (a paragraph inserted above with the same figures): searched for.
        // Compared as stored (not folded): an unchanged text is always found in place.
        // The stored context's characters nearest the quote (at most NEAR each side), in order.
        let mut before: Vec<char> = target.prefix.chars().rev().take(NEAR).collect();
        before.reverse();
        let after: Vec<char> = target.suffix.chars().take(NEAR).collect();
        let unchanged_at = |at: usize| {
            let end = at + quote.len();
            let (kp, ks) = (before.len(), after.len());
            self.equals_at(at, &quote)
                && at.checked_sub(kp).and_then(|a| self.chars.get(a..at)) == Some(&before[..])
                && self.chars.get(end..end + ks) == Some(&after[..])
                && (kp == NEAR || at == kp)
                && (ks == NEAR || end + ks == len)
        };
        if let Some(start) = start.filter(|&s| unchanged_at(s)) {
            return self.found(start, start + quote.len(), Method::Position, 1.0);
        }
        if let Some(x) = expected.filter(|&x| Some(x) != start && unchanged_at(x)) {
            return self.found(x, x + quote.len(), Method::Exact, 1.0);
        }
        let folded = self.folded();
        let mut query = Query::new(
            fold_quote(&target.exact),
            Context::prefix(&target.prefix),
            Context::suffix(&target.suffix),
            folded.from_original(expected.or(start).unwrap_or(0)),
        );
        let short = |context: &str| context.chars().count() < CONTEXT_LEN;
        query.edges = (short(&target.prefix), short(&target.suffix));
        if query.quote.is_empty() {
            // Nothing to search for (marks or white space alone): where it was, or nowhere.
            return match start.filter(|&s| self.equals_at(s, &quote)) {
                Some(s) => self.found(s, s + quote.len(), Method::Position, 1.0),
                None => Anchor::Orphan,
            };
        }
        // The quote there with other words around it: kept unless a match whose surroundings are
        // unchanged is found near (see [`Anchorer::locate`]).
        let held = [start, expected].into_iter().flatten().find_map(|at| {
            self.equals_at(at, &quote).then(|| {
                let c = Candidate {
                    start: folded.from_original(at),
                    end: folded.from_original(at + quote.len()),
                    errors: 0,
                };
                (self.score(&query, c), c)
            })
        });
        let best = if query.quote.len() > LONG_QUOTE {
            self.locate_long(&query)
        } else {
            self.locate(&query, held)
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
    /// matches near the expected place, fuzzy ones there, the text between the stored prefix and
    /// suffix there ([`Anchorer::between_contexts`]), exact ones anywhere, fuzzy ones within
    /// [`FAR_WINDOW`]; the first stage with a good enough candidate wins.
    fn locate(&self, query: &Query, held: Option<(f64, Candidate)>) -> Option<(f64, Candidate)> {
        let folded = self.folded();
        let f = &folded.chars;
        let n = f.len();
        let around = |reach: usize| {
            query.expected.saturating_sub(reach)
                ..(query.expected + query.quote.len() + reach).min(n)
        };
        let far = around(FAR_WINDOW);
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
        let far_work = far.len() as u64 * blocks;
        let refining = refine_work(query.quote.len());
        let mut held = held;
        for stage in 0..5 {
            // A match whose surroundings changed is held while the stages near the expected place
            // look for one whose surroundings did not (the claim's own sentence, edited, beside a
            // look-alike that still reads as the old quote); only such a match replaces it, and it
            // is looked for where the quote was expected, not a screen around.
            if held.is_some() && stage > 2 {
                break;
            }
            // Exact matches are looked for a screen around; the costlier searches, for a held
            // match, only where the quote was expected.
            let near = around(if held.is_some() && stage > 0 {
                HELD_REACH
            } else {
                WINDOW
            });
            let near_work = near.len() as u64 * blocks;
            let between = 2 * near.len() as u64
                + CONTEXT_PAIRS as u64
                    * ((2 * query.quote.len() + MIN_CONTEXT) as u64 * blocks + refining);
            let cost = match stage {
                1 => near_work + 2 * REFINED as u64 * refining,
                2 => between,
                3 => self.occurrences().candidates(&query.quote) as u64,
                4 => far_work + 2 * REFINED as u64 * refining,
                _ => 0,
            };
            if self.work.get().saturating_add(cost) > SEARCH_WORK {
                continue;
            }
            self.work.set(self.work.get() + cost);
            let (candidates, fuzzy): (Vec<Candidate>, bool) = match stage {
                0 => (
                    exact_matches(&f[near.clone()], &query.quote)
                        .map(|s| exact(near.start, s))
                        .collect(),
                    false,
                ),
                1 if budget > 0 => (
                    search(&f[near.clone()], &query.quote, budget)
                        .into_iter()
                        .map(|m| shift(near.start, m))
                        .collect(),
                    true,
                ),
                2 => match (
                    self.between_contexts(query, near.clone()).accepted(0.0),
                    held,
                ) {
                    (Ok(Some((_, c))), Some(_)) if !self.settled(query, c) => break,
                    (Ok(None), _) => continue,
                    (Ok(found), _) => return found,
                    (Err(Unsure::Alike), Some(_)) => break,
                    (Err(_), _) => return None,
                },
                3 => (
                    self.occurrences()
                        .find_all(f, &query.quote)
                        .into_iter()
                        .map(|s| exact(0, s))
                        .collect(),
                    false,
                ),
                4 if budget > 0 => (
                    search(&f[far.clone()], &query.quote, budget)
                        .into_iter()
                        .map(|m| shift(far.start, m))
                        .collect(),
                    true,
                ),
                _ => continue,
            };
            // A text repeating the quote all around (a column of one line, a hostile file): what
            // would tell its copies apart costs more than it can tell; the held match stays.
            if held.is_some() && candidates.len() > HELD_CANDIDATES {
                break;
            }
            let pick = if fuzzy {
                self.best_fuzzy(query, candidates)
            } else {
                self.best_of(
                    query,
                    candidates
                        .into_iter()
                        .filter(|c| query.fits(f, c))
                        .map(|c| (self.score(query, c), c)),
                )
            };
            match (pick.accepted(MIN_SCORE), held) {
                (Ok(Some(found)), _) if self.settled(query, found.1) => return Some(found),
                (Ok(Some(found)), None) => held = Some(found),
                (Err(Unsure::Conflicting), _) | (Err(Unsure::Alike), None) => return None,
                _ => {}
            }
        }
        held
    }

    /// The best of a stage's fuzzy matches once their edges are refined. Refining costs more than
    /// scoring: only matches that could reach the threshold are refined, the [`REFINED`]
    /// best-scoring and the [`REFINED`] with the fewest errors. The search reports one end of each
    /// occurrence, which may be short of the quote's real end, so an occurrence's context can score
    /// badly until refined: in sentences that differ in one word, the one the quote is in may be
    /// outscored before refining by its neighbours, whose ends happened to be right.
    fn best_fuzzy(&self, query: &Query, candidates: Vec<Candidate>) -> Pick {
        let mut scored: Vec<(f64, Candidate)> = candidates
            .into_iter()
            .map(|c| (self.score(query, c), c))
            .filter(|(score, _)| *score >= MIN_SCORE - REFINE_REACH)
            .collect();
        sort_by(&mut scored, |a, b| b.0.total_cmp(&a.0));
        let mut rest = scored.split_off(REFINED.min(scored.len()));
        // And the one nearest the expected place (see [`Anchorer::best_of`]).
        if let Some(nearest) =
            (0..rest.len()).min_by_key(|&i| rest[i].1.start.abs_diff(query.expected))
        {
            scored.push(rest.swap_remove(nearest));
        }
        for _ in 0..REFINED {
            let Some(fewest) = (0..rest.len()).min_by_key(|&i| rest[i].1.errors) else {
                break;
            };
            scored.push(rest.swap_remove(fewest));
        }
        let refined = scored
            .into_iter()
            .filter_map(|(_, c)| self.refine(query, c, refine_slack(query.quote.len())))
            .map(|c| (self.score(query, c), c));
        self.best_of(query, refined)
    }

    /// The span between where the stored prefix and suffix are found near the expected place, when
    /// the quote itself changed too much to be found by its characters (a short quote with a word
    /// replaced, inserted or deleted is beyond a quarter of its characters).
    ///
    /// Trusted only when both contexts agree — each found within a quarter of its length, side by
    /// side with at most twice the quote's length between them — and at least half of the quote's
    /// words are still there, in order ([`kept_words`]); otherwise the quote is treated as gone.
    fn between_contexts(&self, q: &Query, near: Range<usize>) -> Pick {
        if q.prefix.len() < MIN_CONTEXT || q.suffix.len() < MIN_CONTEXT {
            return Pick::Nothing;
        }
        let f = &self.folded().chars;
        let quote_words = words(&q.quote);
        if quote_words.is_empty() {
            return Pick::Nothing;
        }
        let hay = &f[near.clone()];
        let mut ends: Vec<usize> = search(hay, &q.prefix.chars, error_budget(q.prefix.len()))
            .into_iter()
            .map(|m| near.start + m.end)
            .collect();
        let mut starts: Vec<usize> = search(hay, &q.suffix.chars, error_budget(q.suffix.len()))
            .into_iter()
            .map(|m| near.start + m.start)
            .collect();
        sort(&mut starts);
        // Text that repeats its context everywhere (hostile, or a column of the same line) could pair
        // every found prefix with every found suffix: only the pairs nearest the expected place count.
        sort_by_key(&mut ends, |e| e.abs_diff(q.expected));
        let gap = 2 * q.quote.len() + MIN_CONTEXT;
        let pairs = ends.iter().flat_map(|&a| {
            let from = starts.partition_point(|&s| s <= a);
            let to = starts.partition_point(|&s| s <= a + gap);
            starts[from..to.max(from)].iter().map(move |&b| (a, b))
        });
        let mut found = Vec::new();
        for (mut a, mut b) in pairs.take(CONTEXT_PAIRS) {
            while a < b && f[a] == ' ' {
                a += 1;
            }
            while b > a && f[b - 1] == ' ' {
                b -= 1;
            }
            if a == b {
                continue;
            }
            let errors = prefix_distances(&f[a..b], &q.quote)
                .last()
                .copied()
                .unwrap_or(q.quote.len());
            let c = Candidate {
                start: a,
                end: b,
                errors,
            };
            found.extend(self.refine(q, c, refine_slack(q.quote.len())));
        }
        let trusted = found.into_iter().filter(|c| {
            let kept = kept_words(&quote_words, &words(&f[c.start..c.end])).unwrap_or(0);
            2 * kept >= quote_words.len()
                && q.prefix.similarity_at(f, c.start) >= CONTEXT_AGREES
                && q.suffix.similarity_at(f, c.end) >= CONTEXT_AGREES
        });
        self.best_of(q, trusted.map(|c| (self.score(q, c), c)))
    }

    /// [`Anchorer::locate`] for a quote longer than [`LONG_QUOTE`]: its head and tail anchored like
    /// short quotes, the span between them checked against the whole quote (see the module's doc).
    fn locate_long(&self, query: &Query) -> Option<(f64, Candidate)> {
        let f = &self.folded().chars;
        let q = &query.quote;
        let m = q.len();
        let inner = |from: usize| Context::of(&q[from..(from + CONTEXT_MAX).min(m)], Side::Suffix);
        let head = Query::new(
            q[..END_LEN].to_vec(),
            query.prefix.clone(),
            inner(END_LEN),
            query.expected,
        );
        let (_, h) = self.locate(&head, None)?;
        let tail = Query::new(
            q[m - END_LEN..].to_vec(),
            Context::of(&q[m - END_LEN - CONTEXT_MAX..m - END_LEN], Side::Prefix),
            query.suffix.clone(),
            (h.start + m - END_LEN).min(f.len()),
        );
        let (_, t) = self.locate(&tail, None)?;
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

    /// Moves a fuzzy match's edges to where the quote and its context fit the text best: the fewest
    /// edits in all (the quote's, plus the prefix's before the start and the suffix's after the end),
    /// within `slack` of each edge, on word boundaries when the quote was ([`Query::fits`]); `None`
    /// when no edge there fits.
    ///
    /// The bit-parallel search reports one alignment among equally cheap ones, and may start a match
    /// inside a word the quote's context says comes before it. Counting every edit alike aligns the
    /// quote with its context as one text, so a word inserted just before the quote, or a last word
    /// replaced, lands on the side the context says. Of two equally good edges, the one where the
    /// quote itself fits better wins, then one at a word boundary (a quote at the text's end has no
    /// context to stop its end mid-word), then the one nearer the inside (a word inserted at the
    /// quote's edge was not part of what the reader chose).
    /// Start first (end fixed), then end, then the start again for that end.
    fn refine(&self, q: &Query, c: Candidate, slack: usize) -> Option<Candidate> {
        if c.end <= c.start {
            return None;
        }
        let f = &self.folded().chars;
        let c = self.refine_start(q, c, slack)?;
        let far = (c.end + slack).min(f.len());
        // Distances from the quote to f[start..e] for every e.
        let from_start = prefix_distances(&f[c.start..far], &q.quote);
        let ends = ((c.start + 1).max(c.end.saturating_sub(slack))..=far)
            .filter(|&e| !(q.suffix.at_word_boundary() && inside_word(f, e)))
            .map(|e| {
                let errors = from_start[e - c.start - 1];
                // The quote's errors doubled, plus one inside a word: fewer errors, then a boundary.
                let fit = 2 * errors + usize::from(inside_word(f, e));
                (errors + q.suffix.errors_at(f, e), fit, e)
            });
        let (_, fit, end) = ends.min()?;
        let errors = fit / 2;
        self.refine_start(
            q,
            Candidate {
                start: c.start,
                end,
                errors,
            },
            slack,
        )
    }

    /// [`Anchorer::refine`]'s move of the start, the end fixed.
    fn refine_start(&self, q: &Query, c: Candidate, slack: usize) -> Option<Candidate> {
        let f = &self.folded().chars;
        // Distances from the quote to f[s..c.end] for every s, via the reversed texts.
        let lo = c.start.saturating_sub(slack);
        let reversed_window: Vec<char> = f[lo..c.end].iter().rev().copied().collect();
        let reversed_quote: Vec<char> = q.quote.iter().rev().copied().collect();
        let to_end = prefix_distances(&reversed_window, &reversed_quote);
        let hi = (c.start + slack).min(c.end - 1);
        let starts = (lo..=hi)
            .filter(|&s| !(q.prefix.at_word_boundary() && inside_word(f, s)))
            .map(|s| {
                let errors = to_end[c.end - s - 1];
                let fit = 2 * errors + usize::from(inside_word(f, s));
                (errors + q.prefix.errors_at(f, s), fit, Reverse(s))
            });
        let (_, fit, Reverse(start)) = starts.min()?;
        let errors = fit / 2;
        Some(Candidate {
            start,
            end: c.end,
            errors,
        })
    }

    fn score(&self, q: &Query, c: Candidate) -> f64 {
        self.fit(q, c) + self.closeness(q, c)
    }

    /// The score's part from the quote and its context.
    fn fit(&self, q: &Query, c: Candidate) -> f64 {
        let f = &self.folded().chars;
        let quote = 1.0 - c.errors as f64 / q.quote.len() as f64;
        (QUOTE_WEIGHT * quote.max(0.0)
            + PREFIX_WEIGHT * q.prefix.similarity_at(f, c.start)
            + SUFFIX_WEIGHT * q.suffix.similarity_at(f, c.end))
            / TOTAL_WEIGHT
    }

    /// The score's part from closeness to the expected place.
    fn closeness(&self, q: &Query, c: Candidate) -> f64 {
        let n = self.folded().chars.len().max(1);
        POSITION_WEIGHT * (1.0 - c.start.abs_diff(q.expected) as f64 / n as f64) / TOTAL_WEIGHT
    }

    /// The best-scoring candidate (of equal scores, the one nearest the expected place), or
    /// [`Pick::Ambiguous`] when another one that does not overlap it fits the quote and its context
    /// as well or nearly as well (within [`RIVAL_MARGIN`]), so that only closeness to the expected
    /// place would tell them apart: a word repeated by an edit, look-alike sentences, where which is
    /// the annotated one cannot be told, and a guess would be wrong half the time.
    fn best_of(&self, q: &Query, scored: impl Iterator<Item = (f64, Candidate)>) -> Pick {
        let mut scored: Vec<(f64, Candidate)> = scored.collect();
        if (scored.iter()).any(|&(score, c)| score >= MIN_SCORE && self.settlement(q, c) == 2) {
            scored.retain(|&(_, c)| self.settlement(q, c) == 2);
        }
        let Some(&(score, best)) = scored.iter().max_by(|a, b| {
            a.0.total_cmp(&b.0).then(
                b.1.start
                    .abs_diff(q.expected)
                    .cmp(&a.1.start.abs_diff(q.expected)),
            )
        }) else {
            return Pick::Nothing;
        };
        let apart = |a: Candidate, b: Candidate| a.end <= b.start || a.start >= b.end;
        let fit = self.fit(q, best);
        // Another match apart from it that fits as well (a word repeated by an edit), or nearly as
        // well: sentences that differ in one word, the claimed one edited (its own first or last
        // word, and its neighbour's), look more like the old quote a sentence away; after a
        // paragraph above was deleted or two swapped, a look-alike stands where the edited sentence
        // stood. Neither the words nor the place can be trusted: an orphan, not a guess.
        // A quote without context (as some files give) takes the nearest of its copies: there is
        // nothing else to tell them apart by, and only a copy close by makes it unsure.
        let no_context = q.prefix.is_empty() && q.suffix.is_empty();
        let rival = scored.iter().any(|&(_, c)| {
            apart(c, best)
                && if no_context {
                    c.start.abs_diff(best.start) <= CONTEXT_MAX && self.fit(q, c) >= fit - 1e-9
                } else {
                    self.fit(q, c) >= fit - RIVAL_MARGIN
                }
        });
        // Two copies of the old words, one with the words next to it as stored and the words
        // beyond them changed, the other the reverse (a town's paragraph with the same figures
        // inserted above; a word added beside the claimed copy of a quote the article repeats):
        // the text around them says opposite things, and either guess would be wrong as often as
        // right.
        // A copy with one whole stored context unchanged beside it says more than one with only
        // the words next to it as stored: the copy at its old place with its sentence's start
        // intact and a word added after it is still the claim's; of two towns' lines with the same
        // figures, the one still followed by the next town's is.
        let whole_side = |c: Candidate| self.unchanged_sides(q, c) != (false, false);
        if best.errors == 0 && self.settlement(q, best) == 0 {
            let (mut near_only, mut sided, mut pick) = (0, 0, best);
            for &(score, c) in &scored {
                if apart(c, best) && score >= MIN_SCORE && self.settlement(q, c) == 1 {
                    near_only += 1;
                    if whole_side(c) {
                        sided += 1;
                        pick = c;
                    }
                }
            }
            match (near_only, whole_side(best), sided) {
                (0, _, _) | (_, true, 0) => {}
                (_, false, 1) => return Pick::Best(self.score(q, pick), pick),
                _ => return Pick::Conflict(score),
            }
        }
        if rival {
            Pick::Ambiguous(score)
        } else {
            Pick::Best(score, best)
        }
    }

    /// How sure the text around `c` makes it: 2 when both stored contexts (of at least
    /// [`MIN_CONTEXT`] characters) are found unchanged beside it — the text around the quote is as it
    /// was, only the quote's own words changed; 1 when the quote is found unchanged and at least the
    /// contexts' [`NEAR`] characters nearest it are (a paragraph above was inserted or deleted, and
    /// the stored context reached into it); 0 otherwise. Level 2 wins over the others, however like
    /// the old quote their words are: of sentences that differ in one word, the one whose last word
    /// the publisher replaced is still the claim's, not the sentence before it, which now differs
    /// from the quote by fewer letters. Level 1 ends the search for a held match, and against a
    /// better-fitting copy of level 0 makes a conflict ([`Pick::Conflict`]).
    ///
    /// A context shorter than that counts only when the quote was at the text's edge
    /// ([`Query::edges`]) and is now as far from it: a headline is settled at the text's start, and
    /// its copy in the lede is not.
    fn settlement(&self, q: &Query, c: Candidate) -> u8 {
        if self.unchanged_sides(q, c) == (true, true) {
            return 2;
        }
        let f = &self.folded().chars;
        let at_edge = |context: &Context, edge: bool, room: usize| edge && room == context.len();
        let (p, s) = (&q.prefix.chars, &q.suffix.chars);
        let (kp, ks) = (p.len().min(NEAR), s.len().min(NEAR));
        let before = c.start.checked_sub(kp).map(|a| &f[a..c.start]);
        let after = f.get(c.end..c.end + ks);
        let near = c.errors == 0
            && before == Some(&p[p.len() - kp..])
            && after == Some(&s[..ks])
            && (kp == NEAR || at_edge(&q.prefix, q.edges.0, c.start))
            && (ks == NEAR || at_edge(&q.suffix, q.edges.1, f.len().saturating_sub(c.end)));
        u8::from(near)
    }

    /// Whether each whole stored context (prefix, suffix) is found unchanged beside `c`: one of at
    /// least [`MIN_CONTEXT`] characters, or a shorter one at the text's edge as far from it as
    /// it was ([`Query::edges`]).
    fn unchanged_sides(&self, q: &Query, c: Candidate) -> (bool, bool) {
        let f = &self.folded().chars;
        let whole = |context: &Context, edge: bool, room: usize, errors: usize| {
            errors == 0 && (context.len() >= MIN_CONTEXT || (edge && room == context.len()))
        };
        (
            whole(
                &q.prefix,
                q.edges.0,
                c.start,
                q.prefix.errors_at(f, c.start),
            ),
            whole(
                &q.suffix,
                q.edges.1,
                f.len().saturating_sub(c.end),
                q.suffix.errors_at(f, c.end),
            ),
        )
    }

    /// Whether the text around `c` is as it was, at least next to the quote ([`Anchorer::settlement`]).
    fn settled(&self, q: &Query, c: Candidate) -> bool {
        self.settlement(q, c) > 0
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

/// How far [`Anchorer::refine`] moves each edge of a match of a quote of `len` folded characters.
fn refine_slack(len: usize) -> usize {
    2 * error_budget(len) + 8
}

/// The search work (as counted for [`SEARCH_WORK`]) of one [`Anchorer::refine`] for a quote of `len`
/// folded characters: three passes, each over the edge's possible places (a context compared at
/// each) and the quote's distances to the text there.
fn refine_work(len: usize) -> u64 {
    let slack = refine_slack(len);
    let per_edge =
        (2 * slack + 1) * (CONTEXT_MAX * 3 / 2 + 1) + (len + 2 * slack) * len.div_ceil(64);
    3 * per_edge as u64
}

/// What one stage of [`Anchorer::locate`] found.
enum Pick {
    /// No candidate.
    Nothing,
    /// The best candidate and its score.
    Best(f64, Candidate),
    /// Two candidates as good as each other (see [`Anchorer::best_of`]), and their score.
    Ambiguous(f64),
    /// Two copies of the quote whose surroundings say opposite things (see [`Anchorer::best_of`]),
    /// and the best score.
    Conflict(f64),
}

/// Why a stage's candidates cannot be trusted.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unsure {
    /// Two fit as well: a match held from its old place may still be kept.
    Alike,
    /// Their surroundings conflict: an orphan, whatever was held.
    Conflicting,
}

impl Pick {
    /// The candidate when it scores at least `min`; `Err` when the stage found two that good and
    /// the target must be an orphan (or keep the match held, see [`Unsure`]); `Ok(None)` when the
    /// next stage should be tried.
    fn accepted(self, min: f64) -> Result<Option<(f64, Candidate)>, Unsure> {
        match self {
            Pick::Best(score, c) if score >= min => Ok(Some((score, c))),
            Pick::Ambiguous(score) if score >= min => Err(Unsure::Alike),
            Pick::Conflict(score) if score >= min => Err(Unsure::Conflicting),
            _ => Ok(None),
        }
    }
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
    sort_by_key(&mut order, |&i| {
        targets[i].position.map_or(usize::MAX, |p| p.start)
    });
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
