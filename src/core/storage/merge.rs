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
use crate::core::collections::index::Index;
use crate::core::collections::sort::sort_by;
use crate::core::entities::suggestions::Rejected;
use crate::core::storage::entry::Stored;

/// How long a tombstone is kept: 180 days, far longer than a tab stays open or a backup is restored.
pub const TOMBSTONE_DAYS: i64 = 180;

/// The pruning horizon for tombstones at `now`: [`TOMBSTONE_DAYS`] before it.
pub fn horizon(now: Instant) -> Instant {
    now.saturating_sub(TOMBSTONE_DAYS * 86_400_000)
}

/// `ours` and `theirs` merged; tombstones deleted before `prune_before` are dropped.
pub fn merge(ours: &Stored, theirs: &Stored, prune_before: Instant) -> Stored {
    // What is kept for each key is at the one position its [`Index`] gives for that key.
    let graves: Vec<&Tombstone> = ours.deleted.iter().chain(&theirs.deleted).collect();
    let grave_ids = Index::new(graves.iter().map(|t| t.id.as_str()));
    let mut deleted: Vec<Option<(Instant, &Tombstone)>> = vec![None; graves.len()];
    for t in &graves {
        let at = instant_or_oldest(&t.deleted);
        if let Some(kept) = grave_ids.find(&t.id).and_then(|g| deleted.get_mut(g)) {
            match kept {
                Some((d, _)) if at <= *d => {}
                _ => *kept = Some((at, t)),
            }
        }
    }
    let alive = |id: &str, at: Instant| {
        grave_ids
            .find(id)
            .and_then(|g| deleted.get(g).copied().flatten())
            .is_none_or(|(d, _)| at > d)
    };

    let versions: Vec<&Annotation> = ours.annotations.iter().chain(&theirs.annotations).collect();
    let ids = Index::new(versions.iter().map(|a| a.id.as_str()));
    let mut kept: Vec<Option<usize>> = vec![None; versions.len()];
    let mut annotations: Vec<Annotation> = Vec::new();
    for a in versions {
        let at = instant_or_oldest(&a.modified);
        let Some(slot) = ids.find(&a.id).and_then(|g| kept.get_mut(g)) else {
            continue;
        };
        if !alive(&a.id, at) {
            continue;
        }
        match *slot {
            Some(i) if at > instant_or_oldest(&annotations[i].modified) => {
                annotations[i] = a.clone()
            }
            Some(_) => {}
            None => {
                *slot = Some(annotations.len());
                annotations.push(a.clone());
            }
        }
    }
    sort_by(&mut annotations, Annotation::reading_order);

    let decisions: Vec<&Rejected> = ours.rejected.iter().chain(&theirs.rejected).collect();
    let keys: Vec<String> = decisions.iter().map(|r| r.key()).collect();
    let index = Index::of(&keys);
    let mut kept: Vec<Option<usize>> = vec![None; keys.len()];
    let mut rejected: Vec<Rejected> = Vec::new();
    for (r, key) in decisions.into_iter().zip(&keys) {
        let at = instant_or_oldest(&r.at);
        let Some(slot) = index.find(key).and_then(|g| kept.get_mut(g)) else {
            continue;
        };
        if !alive(key, at) {
            continue;
        }
        match *slot {
            Some(i) if at > instant_or_oldest(&rejected[i].at) => rejected[i] = r.clone(),
            Some(_) => {}
            None => {
                *slot = Some(rejected.len());
                rejected.push(r.clone());
            }
        }
    }

    let mut tombstones: Vec<Tombstone> = deleted
        .into_iter()
        .flatten()
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
