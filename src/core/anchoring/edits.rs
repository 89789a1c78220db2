//! Edit distances between two long texts at a cost that grows with the texts' length times the
//! distance, not with the square of their length: how far the middle of a long quote is from the
//! text between where its head and tail were found.
//!
//! Hand-rolled: the distance needed is Levenshtein's on characters (not bytes), cut off at a bound
//! and refusing work beyond a cost, which the edit-distance crates do not offer. [`bounded_distance`]
//! is Ukkonen's cut-off ("Algorithms for approximate string matching", Information and Control 64,
//! 1985): only the diagonals within `t` of the main one are computed, which gives the exact distance
//! whenever it is at most `t`; `t` doubles until it does. [`qgram_lower_bound`] is the q-gram lemma
//! (E. Ukkonen, "Approximate string-matching with q-grams and maximal matches", TCS 92, 1992): one
//! edit changes at most `q` of a text's q-grams, so the q-gram profiles of two texts at distance `d`
//! differ by at most `2qd`.

use crate::core::collections::slots::Slots;

/// Why [`bounded_distance`] gave no answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unknown {
    /// The distance is more than the bound.
    Over,
    /// Telling would compute more than the allowed number of cells.
    Costly,
}

/// Levenshtein distance between `a` and `b` when it is at most `max`, computing at most about
/// `2 × cells` dynamic-programming cells (each try of a band of `t` diagonals costs
/// `(a.len() + 1) × (2t + 1)`; `t` doubles from 16, or the length difference, up to `max`).
pub fn bounded_distance(
    a: &[char],
    b: &[char],
    max: usize,
    cells: usize,
) -> Result<usize, Unknown> {
    let diff = a.len().abs_diff(b.len());
    if diff > max {
        return Err(Unknown::Over);
    }
    let mut t = diff.max(16).min(max);
    loop {
        let cost = (a.len() + 1).saturating_mul(t.saturating_mul(2).saturating_add(1));
        if cost > cells {
            return Err(Unknown::Costly);
        }
        if let Some(d) = banded(a, b, t) {
            return Ok(d);
        }
        if t >= max {
            return Err(Unknown::Over);
        }
        t = t.saturating_mul(2).min(max);
    }
}

/// The distance between `a` and `b` computed on the diagonals `|i - j| <= t` only: exact when it is
/// at most `t`, `None` otherwise.
fn banded(a: &[char], b: &[char], t: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > t {
        return None;
    }
    let width = 2 * t + 1;
    let far = usize::MAX / 2;
    // Row i holds D[i][j] for j in i - t ..= i + t at index j + t - i.
    let mut prev = vec![far; width];
    let mut cur = vec![far; width];
    for (j, cell) in prev.iter_mut().skip(t).take(m.min(t) + 1).enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        cur.fill(far);
        for j in i.saturating_sub(t)..=(i + t).min(m) {
            let k = j + t - i;
            let mut v = if j == 0 {
                i
            } else {
                let mut best = prev[k] + usize::from(a[i - 1] != b[j - 1]);
                if k > 0 {
                    best = best.min(cur[k - 1] + 1);
                }
                best
            };
            if k + 1 < width {
                v = v.min(prev[k + 1] + 1);
            }
            cur[k] = v;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[m + t - n];
    (d <= t).then_some(d)
}

/// A lower bound of the Levenshtein distance between `a` and `b`, in time and memory linear in their
/// lengths: the difference of their trigram profiles over 6 (one edit changes at most 3 trigrams of
/// each), and at least their length difference.
pub fn qgram_lower_bound(a: &[char], b: &[char]) -> usize {
    const Q: usize = 3;
    // Each trigram's count in `a` less its count in `b`, found by the trigram's code points (21 bits
    // each) packed into one key.
    let mut slots = Slots::new();
    let mut profile: Vec<i64> = Vec::new();
    let grams = a
        .windows(Q)
        .map(|g| (g, 1))
        .chain(b.windows(Q).map(|g| (g, -1)));
    for (g, count) in grams {
        let key = g.iter().fold(0u64, |key, &c| key << 21 | u64::from(c));
        let next = profile.len();
        let slot = *slots.entry(key).or_insert(next);
        if slot == next {
            profile.push(0);
        }
        profile[slot] += count;
    }
    let differ: u64 = profile.iter().map(|v| v.unsigned_abs()).sum();
    let bound = usize::try_from(differ.div_ceil(2 * Q as u64)).unwrap_or(usize::MAX);
    bound.max(a.len().abs_diff(b.len()))
}
