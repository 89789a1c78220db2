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
