//! Approximate substring search: every place where a pattern occurs in a text with at most `k`
//! edits (insertions, deletions, substitutions), by Myers' bit-parallel algorithm.
//!
//! Hand-rolled: the crates that implement Myers' algorithm either work on bytes only (Arabic letters
//! are two UTF-8 bytes, so byte edit distances would be wrong) or come inside large bioinformatics
//! libraries. This follows G. Myers, "A fast bit-vector algorithm for approximate string matching
//! based on dynamic programming" (J. ACM 46(3), 1999), with its block-based extension (the
//! `advance_block` step of the paper, Fig. 7 and section 5) for patterns longer than 64, and finds
//! each match's start by searching backwards with the reversed pattern, as Hypothesis's
//! `approx-string-match` does.

use crate::core::collections::slots::Slots;
use crate::core::collections::sort::{sort, sort_by_key};

/// One approximate occurrence: `text[start..end]` is within `errors` edits of the pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    /// First character of the occurrence.
    pub start: usize,
    /// Just past its last character.
    pub end: usize,
    /// Edit distance to the pattern.
    pub errors: usize,
}

const W: usize = 64;

/// Characters below this code point (Latin, Greek, Cyrillic, Hebrew, Arabic) find their masks by
/// direct indexing; others through a map.
const DIRECT: usize = 0x800;

/// Above this many words (distinct characters × blocks) a pattern's masks are kept per block.
const DENSE_WORDS: usize = 1 << 16;

/// Per-character match masks of a pattern, one 64-bit word per block.
///
/// A dense table (a row of `blocks` words for each distinct character, found by direct indexing) is
/// the fastest to read, but takes distinct characters × blocks words: for a long pattern of mostly
/// distinct characters that grows with the square of its length (a quote of 140,000 distinct
/// characters would need 2.4 GB). Beyond [`DENSE_WORDS`] the masks are kept per block, only for
/// the characters of that block (at most 64 each), so memory stays linear in the pattern's length;
/// a character's mask in a block is then found by binary search.
struct Peq {
    blocks: usize,
    table: Table,
}

enum Table {
    Dense {
        direct: Vec<u32>,
        index: Slots,
        masks: Vec<u64>,
    },
    /// Per block, its characters' masks sorted by character.
    Sparse(Vec<Vec<(char, u64)>>),
}

/// One text character's masks: [`Row::get`] gives its word for a block.
enum Row<'a> {
    Dense(&'a [u64]),
    Sparse(&'a [Vec<(char, u64)>], char),
}

impl Row<'_> {
    fn get(&self, block: usize) -> u64 {
        match self {
            Row::Dense(words) => words[block],
            Row::Sparse(per_block, c) => {
                let masks = &per_block[block];
                masks
                    .binary_search_by_key(c, |(x, _)| *x)
                    .map_or(0, |i| masks[i].1)
            }
        }
    }
}

impl Peq {
    fn new(pattern: &[char]) -> Peq {
        let blocks = pattern.len().div_ceil(W);
        let mut distinct = pattern.to_vec();
        sort(&mut distinct);
        distinct.dedup();
        if distinct.len().saturating_mul(blocks) > DENSE_WORDS {
            let per_block = pattern
                .chunks(W)
                .map(|chunk| {
                    let mut masks: Vec<(char, u64)> = Vec::new();
                    for (i, &c) in chunk.iter().enumerate() {
                        match masks.iter_mut().find(|(x, _)| *x == c) {
                            Some((_, m)) => *m |= 1 << i,
                            None => masks.push((c, 1 << i)),
                        }
                    }
                    sort_by_key(&mut masks, |(c, _)| *c);
                    masks
                })
                .collect();
            return Peq {
                blocks,
                table: Table::Sparse(per_block),
            };
        }
        let mut direct = vec![0u32; DIRECT];
        let mut index = Slots::new();
        let mut masks = vec![0u64; blocks];
        for (i, &c) in pattern.iter().enumerate() {
            let u = u32::from(c) as usize;
            let known = if u < DIRECT {
                direct[u] as usize
            } else {
                index.get(&u64::from(c)).copied().unwrap_or(0)
            };
            let slot = if known == 0 {
                let next = masks.len() / blocks;
                masks.extend(std::iter::repeat_n(0u64, blocks));
                if u < DIRECT {
                    direct[u] = next as u32;
                } else {
                    index.insert(u64::from(c), next);
                }
                next
            } else {
                known
            };
            masks[slot * blocks + i / W] |= 1u64 << (i % W);
        }
        Peq {
            blocks,
            table: Table::Dense {
                direct,
                index,
                masks,
            },
        }
    }

    /// `c`'s masks (all zeros for characters not in the pattern).
    fn get(&self, c: char) -> Row<'_> {
        match &self.table {
            Table::Dense {
                direct,
                index,
                masks,
            } => {
                let u = u32::from(c) as usize;
                // Slot 0 holds all zeros.
                let slot = if u < DIRECT {
                    direct[u] as usize
                } else {
                    index.get(&u64::from(c)).copied().unwrap_or(0)
                };
                Row::Dense(&masks[slot * self.blocks..(slot + 1) * self.blocks])
            }
            Table::Sparse(per_block) => Row::Sparse(per_block, c),
        }
    }
}

/// Ends (exclusive) of every prefix of `text` whose best-matching suffix is within `k` edits of
/// `pattern`, with that edit distance: `(end, errors)` for each `end` in `1..=text.len()`. When
/// `anchored`, the match must start at the text's start (the distance is to the whole prefix).
fn match_ends(text: &[char], pattern: &[char], k: usize, anchored: bool) -> Vec<(usize, usize)> {
    let m = pattern.len();
    if m == 0 {
        return Vec::new();
    }
    let peq = Peq::new(pattern);
    let blocks = peq.blocks;
    let mut pv = vec![!0u64; blocks];
    let mut mv = vec![0u64; blocks];
    let last_bit = 1u64 << ((m - 1) % W);
    let mut score = m;
    let mut ends = Vec::new();
    for (j, &c) in text.iter().enumerate() {
        let eqs = peq.get(c);
        // Horizontal delta entering the top of the first block: 0 when a match may start anywhere
        // (the top row is all zeros), +1 when it must start at the text's start (the top row counts up).
        let mut h_in: i32 = i32::from(anchored);
        for b in 0..blocks {
            let top = if b + 1 == blocks {
                last_bit
            } else {
                1u64 << (W - 1)
            };
            let (p, mm) = (pv[b], mv[b]);
            let mut eq = eqs.get(b);
            let xv = eq | mm;
            if h_in < 0 {
                eq |= 1;
            }
            let xh = ((eq & p).wrapping_add(p) ^ p) | eq;
            let mut ph = mm | !(xh | p);
            let mut mh = p & xh;
            let h_out = if ph & top != 0 {
                1
            } else if mh & top != 0 {
                -1
            } else {
                0
            };
            ph <<= 1;
            mh <<= 1;
            if h_in < 0 {
                mh |= 1;
            } else if h_in > 0 {
                ph |= 1;
            }
            pv[b] = mh | !(xv | ph);
            mv[b] = ph & xv;
            h_in = h_out;
        }
        score = (score as i64 + h_in as i64) as usize;
        if score <= k {
            ends.push((j + 1, score));
        }
    }
    ends
}

/// Every approximate occurrence of `pattern` in `text` with at most `k` errors, one per local
/// minimum of the error count, earliest first. Empty when the pattern is empty.
pub fn search(text: &[char], pattern: &[char], k: usize) -> Vec<Match> {
    // One occurrence shows as a run of neighbouring ends with slightly different scores: keep the
    // best (first lowest) end of each run.
    let mut best: Vec<(usize, usize)> = Vec::new();
    let mut previous_end = None;
    for (end, errors) in match_ends(text, pattern, k, false) {
        let continues_run = previous_end == Some(end - 1);
        previous_end = Some(end);
        match best.last_mut() {
            Some(last) if continues_run => {
                if errors < last.1 {
                    *last = (end, errors);
                }
            }
            _ => best.push((end, errors)),
        }
    }
    let reversed: Vec<char> = pattern.iter().rev().copied().collect();
    best.into_iter()
        .map(|(end, errors)| {
            let from = end.saturating_sub(pattern.len() + errors);
            let window: Vec<char> = text[from..end].iter().rev().copied().collect();
            let reach = match_ends(&window, &reversed, errors, true)
                .into_iter()
                .filter(|&(_, e)| e <= errors)
                .map(|(e, _)| e)
                .max()
                .unwrap_or(pattern.len().min(end - from));
            Match {
                start: end - reach,
                end,
                errors,
            }
        })
        .collect()
}

/// Edit distance between `pattern` and every prefix of `text`: element `j - 1` is the distance to
/// `text[..j]`, for `j` in `1..=text.len()`.
pub fn prefix_distances(text: &[char], pattern: &[char]) -> Vec<usize> {
    if pattern.is_empty() {
        return (1..=text.len()).collect();
    }
    match_ends(text, pattern, usize::MAX / 2, true)
        .into_iter()
        .map(|(_, d)| d)
        .collect()
}

/// A pattern of at most 64 characters prepared for many bit-parallel distance computations (the
/// contexts of a quote, compared with the text around each candidate match).
#[derive(Clone)]
pub struct ShortPattern {
    masks: Vec<(char, u64)>,
    len: usize,
}

impl ShortPattern {
    /// Prepares `pattern`; `None` when it is longer than 64 characters.
    pub fn new(pattern: &[char]) -> Option<ShortPattern> {
        if pattern.len() > W {
            return None;
        }
        let mut masks: Vec<(char, u64)> = Vec::new();
        for (i, &c) in pattern.iter().enumerate() {
            match masks.iter_mut().find(|(x, _)| *x == c) {
                Some((_, m)) => *m |= 1 << i,
                None => masks.push((c, 1 << i)),
            }
        }
        sort_by_key(&mut masks, |(c, _)| *c);
        Some(ShortPattern {
            masks,
            len: pattern.len(),
        })
    }

    /// Levenshtein distance between the pattern and `text`.
    pub fn distance(&self, text: &[char]) -> usize {
        if self.len == 0 {
            return text.len();
        }
        self.scores(text.iter().copied()).last().unwrap_or(self.len)
    }

    /// The smallest Levenshtein distance between the pattern and a prefix of `text` (the empty one
    /// included): how well the pattern fits text that starts where it must start but may end anywhere.
    pub fn best_prefix_distance(&self, text: impl Iterator<Item = char>) -> usize {
        self.scores(text).fold(self.len, usize::min)
    }

    /// The distance between the pattern and each prefix of `text`, shortest first.
    fn scores<I: Iterator<Item = char>>(
        &self,
        text: I,
    ) -> impl Iterator<Item = usize> + use<'_, I> {
        let m = self.len;
        let last = 1u64 << (m.max(1) - 1);
        let (mut pv, mut mv, mut score) = (!0u64, 0u64, m);
        text.map(move |c| {
            if m == 0 {
                return 0;
            }
            let eq = self
                .masks
                .binary_search_by_key(&c, |(x, _)| *x)
                .map_or(0, |i| self.masks[i].1);
            let xv = eq | mv;
            let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
            let mut ph = mv | !(xh | pv);
            let mut mh = pv & xh;
            if ph & last != 0 {
                score += 1;
            } else if mh & last != 0 {
                score -= 1;
            }
            // The top row counts up (the match must start at the text's start): +1 enters each column.
            ph = (ph << 1) | 1;
            mh <<= 1;
            pv = mh | !(xv | ph);
            mv = ph & xv;
            score
        })
    }
}

/// Levenshtein distance between `a` and `b` (used to compare short contexts).
pub fn distance(a: &[char], b: &[char]) -> usize {
    if a.is_empty() {
        return b.len();
    }
    let mut row: Vec<usize> = (0..=a.len()).collect();
    for (j, cb) in b.iter().enumerate() {
        let mut diag = row[0];
        row[0] = j + 1;
        for (i, ca) in a.iter().enumerate() {
            let up = row[i + 1];
            row[i + 1] = if ca == cb {
                diag
            } else {
                1 + diag.min(up).min(row[i])
            };
            diag = up;
        }
    }
    row[a.len()]
}
