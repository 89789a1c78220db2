//! Finding items by a string key (an id) without a hash map: the keys sorted once, then found by
//! binary search.
//!
//! Each `HashMap` over another key or value type copies hashbrown's insert, lookup, grow and drop
//! code into the bundle (about 1 KB of WebAssembly each); [`Index`] is one copy for every lookup by
//! id (storage merges, imports, changes, undo steps). Hand-written for size. Building it costs one
//! sort, O(n log n), and a lookup O(log n) string comparisons; nothing is hashed, so keys read from
//! files or storage cannot be chosen to collide.

use crate::core::collections::sort::sort;

/// Items' string keys, sorted: for a key, the position of the last item that has it.
pub struct Index<'a> {
    /// Each item's key and position, sorted by key, then by position.
    sorted: Vec<(&'a str, usize)>,
}

impl<'a> Index<'a> {
    /// Indexes items by their keys, in the items' order (the item at position `i` has the `i`-th key).
    pub fn new(keys: impl IntoIterator<Item = &'a str>) -> Index<'a> {
        Index::sorted(keys.into_iter().zip(0..).collect())
    }

    /// Indexes owned keys (the item at position `i` has `keys[i]`).
    pub fn of(keys: &'a [String]) -> Index<'a> {
        Index::new(keys.iter().map(String::as_str))
    }

    /// The one copy of the indexing that is not generic.
    #[inline(never)]
    fn sorted(mut sorted: Vec<(&'a str, usize)>) -> Index<'a> {
        sort(&mut sorted);
        Index { sorted }
    }

    /// The position of the last item keyed `key` (one position for every item with that key).
    pub fn find(&self, key: &str) -> Option<usize> {
        let after = self.sorted.partition_point(|(k, _)| *k <= key);
        match after.checked_sub(1).and_then(|i| self.sorted.get(i)) {
            Some(&(k, i)) if k == key => Some(i),
            _ => None,
        }
    }
}

/// For each of `keys`, whether an earlier one is equal to it (a repeat). One sort, O(n log n).
pub fn repeats(keys: &[&str]) -> Vec<bool> {
    // Sorted by key, then by position: in each run of one key, all but the first are repeats.
    let mut sorted: Vec<(&str, usize)> = keys.iter().copied().zip(0..).collect();
    sort(&mut sorted);
    let mut repeat = vec![false; keys.len()];
    for pair in sorted.windows(2) {
        if pair[0].0 == pair[1].0 {
            repeat[pair[1].1] = true;
        }
    }
    repeat
}

/// Two versions of one list paired by key (see [`pair`]).
pub struct Pairs {
    /// For each item of the later version, the position of the item with its key in the earlier
    /// one (`None`: it is new).
    pub matched: Vec<Option<usize>>,
    /// The positions of the earlier version's items whose key the later one does not have.
    pub gone: Vec<usize>,
}

/// Pairs the items of `after` with those of `before` by key. A change to a long list (a note typed,
/// one annotation added or removed) leaves its two ends in place: those are paired position by
/// position in one pass, and only the stretch between them is indexed (a common-prefix and
/// common-suffix trim, as diff tools do before their search), so the cost follows the size of the
/// change rather than the list's.
pub fn pair(before: &[&str], after: &[&str]) -> Pairs {
    let head = (before.iter().zip(after))
        .take_while(|(b, a)| b == a)
        .count();
    let (b_rest, a_rest) = (&before[head..], &after[head..]);
    let tail = (b_rest.iter().rev().zip(a_rest.iter().rev()))
        .take_while(|(b, a)| b == a)
        .count();
    let (b_end, a_end) = (before.len() - tail, after.len() - tail);
    let old = Index::new(before[head..b_end].iter().copied());
    let new = Index::new(after[head..a_end].iter().copied());
    let matched = (after.iter().enumerate())
        .map(|(i, key)| match i {
            i if i < head => Some(i),
            i if i >= a_end => Some(i - a_end + b_end),
            _ => old.find(key).map(|j| j + head),
        })
        .collect();
    let gone = (head..b_end)
        .filter(|&j| new.find(before[j]).is_none())
        .collect();
    Pairs { matched, gone }
}

/// Finds keys among `keys`: by a scan when there are few look-ups, through an [`Index`] (one sort)
/// when there are many; the last item with the key either way.
pub struct Lookup<'a> {
    /// The keys, in the items' order.
    keys: &'a [&'a str],
    /// Built when look-ups are many.
    index: Option<Index<'a>>,
}

impl<'a> Lookup<'a> {
    /// Finds among `keys`, expecting about `lookups` look-ups.
    pub fn new(keys: &'a [&'a str], lookups: usize) -> Lookup<'a> {
        // A scan costs n comparisons per look-up, the index n log n once: scans win for a handful.
        let index = (lookups > 8).then(|| Index::new(keys.iter().copied()));
        Lookup { keys, index }
    }

    /// The position of the last item keyed `key`.
    pub fn find(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.find(key),
            None => self.keys.iter().rposition(|k| *k == key),
        }
    }
}
