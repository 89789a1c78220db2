//! What changed between two versions of an article's annotations: what a host page is told about.

use crate::core::annotations::model::Annotation;
use crate::core::collections::index::Index;

/// How an annotation changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    /// It is new.
    Created,
    /// Its tag, note, span or orphan state changed.
    Updated,
    /// It is gone.
    Deleted,
}

impl ChangeKind {
    /// The name a host page sees (`created`, `updated`, `deleted`).
    pub fn name(self) -> &'static str {
        match self {
            ChangeKind::Created => "created",
            ChangeKind::Updated => "updated",
            ChangeKind::Deleted => "deleted",
        }
    }
}

/// One change: its kind and the annotation (as it is now, or as it was when deleted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Created, updated or deleted.
    pub kind: ChangeKind,
    /// The annotation.
    pub annotation: Annotation,
}

/// The changes from `before` to `after`: deletions first, then creations and updates in `after`'s
/// order. Annotations are matched by id; one counts as updated when any field differs.
pub fn changes(before: &[Annotation], after: &[Annotation]) -> Vec<Change> {
    let old = Index::new(before.iter().map(|a| a.id.as_str()));
    let new = Index::new(after.iter().map(|a| a.id.as_str()));
    let deleted = before
        .iter()
        .filter(|a| new.find(&a.id).is_none())
        .map(|a| Change {
            kind: ChangeKind::Deleted,
            annotation: a.clone(),
        });
    let rest = after.iter().filter_map(|a| {
        let kind = match old.find(&a.id).and_then(|i| before.get(i)) {
            None => ChangeKind::Created,
            Some(was) if was != a => ChangeKind::Updated,
            Some(_) => return None,
        };
        Some(Change {
            kind,
            annotation: a.clone(),
        })
    });
    deleted.chain(rest).collect()
}
