//! One stable sort for the whole bundle.
//!
//! Each `sort_by` on another element type or comparator copies the standard library's driftsort
//! (about 3 KB of WebAssembly) into the bundle. [`sort_by`] sorts positions instead — one copy,
//! through a `dyn` comparator — and then moves the items into place, so only that last, small step
//! is generic. Hand-written for size; the ordering is the standard library's (stable).

use std::cmp::Ordering;

/// Lists up to this long (most lists sorted while drawing a block) are sorted without allocating.
const SMALL: usize = 32;

/// Sorts `items` stably by `order` (like `slice::sort_by`).
pub fn sort_by<T>(items: &mut [T], mut order: impl FnMut(&T, &T) -> Ordering) {
    let n = items.len();
    if n < 2 {
        return;
    }
    // The items are only read while sorting and only swapped after: two borrows taken in turn.
    let items_cell = std::cell::RefCell::new(items);
    sort_and_swap(
        n,
        &mut |a, b| {
            let items = items_cell.borrow();
            order(&items[a], &items[b])
        },
        &mut |a, b| items_cell.borrow_mut().swap(a, b),
    );
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

/// The one instance of the standard library's stable sort: the positions `0..n`, compared through
/// `order`, then applied with `swap`, each cycle of the permutation followed once (linear time, no
/// copies of the items). Not generic, so the bundle holds it once.
#[inline(never)]
fn sort_and_swap(
    n: usize,
    order: &mut dyn FnMut(usize, usize) -> Ordering,
    swap: &mut dyn FnMut(usize, usize),
) {
    let (mut small_positions, mut small_placed) = ([0usize; SMALL], [false; SMALL]);
    let (mut positions, mut placed) = (Vec::new(), Vec::new());
    let (positions, placed) = if n <= SMALL {
        (&mut small_positions[..n], &mut small_placed[..n])
    } else {
        positions.resize(n, 0);
        placed.resize(n, false);
        (&mut positions[..], &mut placed[..])
    };
    for (k, p) in positions.iter_mut().enumerate() {
        *p = k;
    }
    positions.sort_by(|&a, &b| order(a, b));
    for start in 0..n {
        let mut k = start;
        while !placed[k] {
            placed[k] = true;
            let from = positions[k];
            if from == start {
                break;
            }
            swap(k, from);
            k = from;
        }
    }
}
