//! Merging two versions of an article's entry — this tab's and the one stored by another tab (or
//! imported) — so that no save writes over work it has not merged.
//!
//! Each annotation and each rejected suggestion is a last-writer-wins element keyed by its id (a
//! rejection by its entity and span): of two versions, the one whose `modified` names the later
//! instant wins (see [`crate::core::annotations::time`]); a deletion is a [`Tombstone`] that beats
//! every version not modified after it, so a deleted annotation does not come back from a stale
//! copy, and one restored by undo (modified again, later) does. Tombstones older than the pruning
//! horizon are dropped. On an exact tie the first argument's version is kept (a tab's own re-anchored
//! copy of an annotation is never replaced by the same version's stored selectors).

use crate::core::annotations::model::{Annotation, Tombstone};
use crate::core::annotations::time::{instant_or_oldest, Instant};
use crate::core::collections::sort::sort_by;
use crate::core::entities::suggestions::Rejected;
use crate::core::storage::entry::Stored;
use std::collections::HashMap;

/// How long a tombstone is kept: 180 days, far longer than a tab stays open or a backup is restored.
pub const TOMBSTONE_DAYS: i64 = 180;

/// The pruning horizon for tombstones at `now`: [`TOMBSTONE_DAYS`] before it.
pub fn horizon(now: Instant) -> Instant {
    now.saturating_sub(TOMBSTONE_DAYS * 86_400_000)
}

/// `ours` and `theirs` merged; tombstones deleted before `prune_before` are dropped.
pub fn merge(ours: &Stored, theirs: &Stored, prune_before: Instant) -> Stored {
    let mut deleted: HashMap<&str, (Instant, &Tombstone)> = HashMap::new();
    for t in ours.deleted.iter().chain(&theirs.deleted) {
        let at = instant_or_oldest(&t.deleted);
        deleted
            .entry(t.id.as_str())
            .and_modify(|kept| {
                if at > kept.0 {
                    *kept = (at, t);
                }
            })
            .or_insert((at, t));
    }
    let alive = |id: &str, at: Instant| deleted.get(id).is_none_or(|(d, _)| at > *d);

    let mut annotations: Vec<Annotation> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for a in ours.annotations.iter().chain(&theirs.annotations) {
        let at = instant_or_oldest(&a.modified);
        if !alive(&a.id, at) {
            continue;
        }
        match index.get(a.id.as_str()) {
            Some(&i) if at > instant_or_oldest(&annotations[i].modified) => {
                annotations[i] = a.clone()
            }
            Some(_) => {}
            None => {
                index.insert(a.id.as_str(), annotations.len());
                annotations.push(a.clone());
            }
        }
    }
    sort_by(&mut annotations, Annotation::reading_order);

    let mut rejected: Vec<Rejected> = Vec::new();
    let mut keys: HashMap<String, usize> = HashMap::new();
    for r in ours.rejected.iter().chain(&theirs.rejected) {
        let key = r.key();
        let at = instant_or_oldest(&r.at);
        if !alive(&key, at) {
            continue;
        }
        match keys.get(&key) {
            Some(&i) if at > instant_or_oldest(&rejected[i].at) => rejected[i] = r.clone(),
            Some(_) => {}
            None => {
                keys.insert(key, rejected.len());
                rejected.push(r.clone());
            }
        }
    }

    let mut tombstones: Vec<Tombstone> = deleted
        .into_values()
        .filter(|(at, _)| *at >= prune_before)
        .map(|(_, t)| t.clone())
        .collect();
    sort_by(&mut tombstones, |a, b| a.id.cmp(&b.id));
    Stored {
        annotations,
        rejected,
        deleted: tombstones,
    }
}
