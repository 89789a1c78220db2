//! One stable sort for the whole bundle.
//!
//! Each `sort_by` on another element type or comparator copies the standard library's driftsort
//! (about 3 KB of WebAssembly) into the bundle. [`sort_by`] sorts positions instead — one copy,
//! through a `dyn` comparator — and then moves the items into place, so only that last, small step
//! is generic. Hand-written for size; the ordering is the standard library's (stable).

use std::cmp::Ordering;

/// Sorts `items` stably by `order` (like `slice::sort_by`).
pub fn sort_by<T>(items: &mut [T], mut order: impl FnMut(&T, &T) -> Ordering) {
    let mut positions: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut positions, &mut |a, b| order(&items[a], &items[b]));
    permute(items, &positions);
}

/// Sorts `items` in their natural order (like `slice::sort`; used for `sort_unstable` too: one copy of
/// the sort code, not one per element type).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts `items` stably by the key `key` gives (like `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The one instance of the standard library's stable sort: positions, compared through `order`.
#[inline(never)]
fn sort_positions(positions: &mut [usize], order: &mut dyn FnMut(usize, usize) -> Ordering) {
    positions.sort_by(|&a, &b| order(a, b));
}

/// Reorders `items` so that item `k` is the one that was at `positions[k]`: each cycle of the
/// permutation is followed once with swaps (linear time, no copies of the items).
fn permute<T>(items: &mut [T], positions: &[usize]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut k = start;
        while !placed[k] {
            placed[k] = true;
            let from = positions[k];
            if from == start {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}
