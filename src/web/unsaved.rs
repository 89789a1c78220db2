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
    /// (namespace, article id, the work).
    static KEPT: RefCell<Vec<(String, String, Stored)>> = const { RefCell::new(Vec::new()) };
}

/// Keeps `work` for `article_id` in `namespace`, merged with any kept before.
pub fn keep(namespace: &str, article_id: &str, work: &Stored, prune_before: i64) {
    KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        match kept
            .iter_mut()
            .find(|(n, id, _)| n == namespace && id == article_id)
        {
            Some((.., old)) => *old = merge(work, old, prune_before),
            None => kept.push((namespace.into(), article_id.into(), work.clone())),
        }
    });
}

/// The work kept for `article_id` in `namespace`, taken out (the caller holds it now).
pub fn take(namespace: &str, article_id: &str) -> Option<Stored> {
    KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        let at = kept
            .iter()
            .position(|(n, id, _)| n == namespace && id == article_id)?;
        Some(kept.swap_remove(at).2)
    })
}

/// Every kept work, taken out: (namespace, article id, the work).
pub fn take_all() -> Vec<(String, String, Stored)> {
    KEPT.with(|kept| std::mem::take(&mut *kept.borrow_mut()))
}

/// A copy of the work kept for `namespace`: (article id, the work).
pub fn kept_in(namespace: &str) -> Vec<(String, Stored)> {
    KEPT.with(|kept| {
        kept.borrow()
            .iter()
            .filter(|(n, ..)| n == namespace)
            .map(|(_, id, work)| (id.clone(), work.clone()))
            .collect()
    })
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
