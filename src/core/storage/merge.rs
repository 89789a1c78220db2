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
use crate::core::annotations::time::{after, instant_or_oldest, Instant};
use crate::core::claims::claim::{ClaimDetails, Evidence};
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

/// `ours` and `theirs` merged as [`merge`] does, where `base` is the version both were made from
/// (what this tab last read or wrote): an annotation that both changed since keeps, on the later
/// version, each field only the earlier one changed ([`combine`]) — a verdict given in a tab whose
/// save was refused is not lost to a note another tab added meanwhile. `now` dates such a version.
pub fn merge_since(
    base: &Stored,
    ours: &Stored,
    theirs: &Stored,
    prune_before: Instant,
    now: &str,
) -> Stored {
    let mut merged = merge(ours, theirs, prune_before);
    if base.annotations.is_empty() {
        return merged;
    }
    let (in_base, in_ours, in_theirs) = (ids_of(base), ids_of(ours), ids_of(theirs));
    let find = |index: &Index, list: &'_ [Annotation], id: &str| -> Option<usize> {
        index.find(id).filter(|&i| i < list.len())
    };
    let mut combined = false;
    for a in &mut merged.annotations {
        let (Some(b), Some(o), Some(t)) = (
            find(&in_base, &base.annotations, &a.id).map(|i| &base.annotations[i]),
            find(&in_ours, &ours.annotations, &a.id).map(|i| &ours.annotations[i]),
            find(&in_theirs, &theirs.annotations, &a.id).map(|i| &theirs.annotations[i]),
        ) else {
            continue;
        };
        // Changed on one side only (or alike): the later version is the whole answer.
        if o == t || o == b || t == b {
            continue;
        }
        let (winner, loser) = if a == t { (t, o) } else { (o, t) };
        *a = combine(winner, loser, b, now);
        combined = true;
    }
    if combined {
        sort_by(&mut merged.annotations, Annotation::reading_order);
    }
    merged
}

/// The annotations of `stored` found by id.
fn ids_of(stored: &Stored) -> Index<'_> {
    Index::new(stored.annotations.iter().map(|a| a.id.as_str()))
}

/// `winner` (the later of two versions of one annotation) with each field that only `loser` changed
/// since `base`, their common version; a field both changed keeps the winner's. A claim's details
/// count field by field (a verdict with its time; evidence links link by link: each side's added
/// links kept, removed ones gone); the place (selectors, orphan, detached) as one.
/// Dated after the winner (`now`, when that is later).
fn combine(winner: &Annotation, loser: &Annotation, base: &Annotation, now: &str) -> Annotation {
    /// `out` takes `loser`'s value when only the loser changed it since `base`.
    fn keep<T: PartialEq + Clone>(out: &mut T, loser: &T, base: &T) {
        if loser != base && *out == *base {
            out.clone_from(loser);
        }
    }
    let mut out = winner.clone();
    // Every field named, so that a new one cannot be forgotten here.
    let Annotation {
        id: _,
        kind,
        target,
        note,
        claim,
        created: _,
        modified: _,
        orphan,
        detached,
        checked,
    } = &mut out;
    keep(kind, &loser.kind, &base.kind);
    let mut place = (target.clone(), *orphan, *detached);
    keep(
        &mut place,
        &(loser.target.clone(), loser.orphan, loser.detached),
        &(base.target.clone(), base.orphan, base.detached),
    );
    (*target, *orphan, *detached) = place;
    keep(checked, &loser.checked, &base.checked);
    keep(note, &loser.note, &base.note);
    let ClaimDetails {
        verdict,
        verdict_at,
        status,
        claimant,
        evidence,
        date,
        check_worthy,
        review,
    } = claim;
    let (l, b) = (&loser.claim, &base.claim);
    let mut judged = (verdict.clone(), verdict_at.clone());
    keep(
        &mut judged,
        &(l.verdict.clone(), l.verdict_at.clone()),
        &(b.verdict.clone(), b.verdict_at.clone()),
    );
    (*verdict, *verdict_at) = judged;
    keep(status, &l.status, &b.status);
    keep(claimant, &l.claimant, &b.claimant);
    // Evidence links as a set: the links each added are kept, those each removed go.
    let (winner_links, loser_links) = (evidence.clone(), &l.evidence);
    let listed = |list: &[Evidence], e: &Evidence| list.iter().any(|x| x.url == e.url);
    evidence.retain(|e| !(listed(&b.evidence, e) && !listed(loser_links, e)));
    evidence.extend(
        loser_links
            .iter()
            .filter(|e| !listed(&b.evidence, e) && !listed(&winner_links, e))
            .cloned(),
    );
    keep(date, &l.date, &b.date);
    keep(check_worthy, &l.check_worthy, &b.check_worthy);
    keep(review, &l.review, &b.review);
    if out != *winner {
        out.modified = after(now, &winner.modified);
    }
    out
}
