//! Work no save could write when its widget went (another article opened, the embed unmounted or its
//! article removed by the host page) while storage was full or saving paused: kept for the rest of
//! the page's life, by article (and namespace), so that it is neither dropped nor forgotten. The store merges it
//! back when the article opens again and writes it when there is room
//! (`web::storage::flush_unsaved`). Also whether the entity list is unsaved, so that the page asks
//! before it is left (`web::storage::ask_before_leaving`) without the store depending on the registry.

use crate::core::storage::entry::Stored;
use crate::core::storage::merge::merge;
use std::cell::{Cell, RefCell};

thread_local! {
    /// Whether the page's last save of the entity list could not be written (storage full).
    static ENTITIES: Cell<bool> = const { Cell::new(false) };
    /// What is kept, by namespace and article.
    static KEPT: RefCell<Vec<Kept>> = const { RefCell::new(Vec::new()) };
}

/// Work kept for an article: the work, and the entry it was made from (as the tab last read or
/// wrote it), so that another tab's changes since are merged field by field when it is written.
#[derive(Clone)]
pub struct Kept {
    /// The store's namespace.
    pub namespace: String,
    /// The article's id.
    pub id: String,
    /// The work.
    pub work: Stored,
    /// The entry it was made from.
    pub base: Stored,
}

/// Keeps `work` for `article_id` in `namespace`, made from `base`, merged with any kept before (whose
/// base, the older, stays).
pub fn keep(namespace: &str, article_id: &str, work: &Stored, base: &Stored, prune_before: i64) {
    KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        match kept
            .iter_mut()
            .find(|k| k.namespace == namespace && k.id == article_id)
        {
            Some(old) => old.work = merge(work, &old.work, prune_before),
            None => kept.push(Kept {
                namespace: namespace.into(),
                id: article_id.into(),
                work: work.clone(),
                base: base.clone(),
            }),
        }
    });
}

/// What is kept for `article_id` in `namespace`, taken out (the caller holds it now).
pub fn take(namespace: &str, article_id: &str) -> Option<Kept> {
    KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        let at = kept
            .iter()
            .position(|k| k.namespace == namespace && k.id == article_id)?;
        Some(kept.swap_remove(at))
    })
}

/// Everything kept, taken out.
pub fn take_all() -> Vec<Kept> {
    KEPT.with(|kept| std::mem::take(&mut *kept.borrow_mut()))
}

/// A copy of what is kept for `namespace`.
pub fn kept_with_base(namespace: &str) -> Vec<Kept> {
    KEPT.with(|kept| {
        kept.borrow()
            .iter()
            .filter(|k| k.namespace == namespace)
            .cloned()
            .collect()
    })
}

/// A copy of the work kept for `namespace`: (article id, the work).
pub fn kept_in(namespace: &str) -> Vec<(String, Stored)> {
    kept_with_base(namespace)
        .into_iter()
        .map(|k| (k.id, k.work))
        .collect()
}

/// Whether any work is kept.
pub fn any() -> bool {
    KEPT.with(|kept| !kept.borrow().is_empty())
}

/// Records whether the page's entity list is unsaved (its last save could not be written).
pub fn set_entities_pending(pending: bool) {
    ENTITIES.set(pending);
}

/// Whether the page's entity list is unsaved.
pub fn entities_pending() -> bool {
    ENTITIES.get()
}
