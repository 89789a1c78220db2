//! The entity registry in localStorage: the reader's own entities, shared by every article; and
//! retagging or removing a deleted entity's tags in every stored article.

use crate::core::annotations::history::{replay_stored, Snapshot, Step, StepKind};
use crate::core::annotations::model::Kind;
use crate::core::annotations::state::retag_entity;
use crate::core::entities::registry::{
    decode_custom, default_registry, encode_custom, is_default, Entity,
};
use crate::core::entities::registry_changes::carry;
use crate::core::storage::entry::{decode, encode, Decoded};
use crate::core::storage::keys::{entities_backup_key, entry_article, entry_key, ENTITIES_KEY};
use crate::web::storage::{ask_before_leaving, Backend};
use crate::web::unsaved;
use std::cell::RefCell;

thread_local! {
    /// The registry as this page last read or wrote it: what its next save's changes are measured
    /// from.
    static BASE: RefCell<Option<Vec<Entity>>> = const { RefCell::new(None) };
}

/// The stored registry as read: the defaults, then the reader's own entities that could be read.
struct Read {
    registry: Vec<Entity>,
    raw: Option<String>,
    /// When not all of the stored list could be read: where a copy of it is kept (`Err` when none
    /// could be written, and the list must not be written over).
    kept: Result<Option<String>, ()>,
}

/// Reads the stored registry; a list that cannot all be read is copied aside first (once), so saving
/// a new list later never loses what could not be read.
fn read_stored(backend: &Backend) -> Read {
    let mut registry = default_registry();
    let raw = backend.read(ENTITIES_KEY).ok().flatten();
    let (custom, whole) = decode_custom(raw.as_deref());
    registry.extend(custom);
    let kept = backend.set_aside(raw.as_deref(), whole, entities_backup_key);
    Read {
        registry,
        raw,
        kept,
    }
}

/// The registry (the defaults, then the reader's own entities), and where a copy of a stored list
/// that could not all be read is kept.
pub fn load() -> (Vec<Entity>, Option<String>) {
    // Without localStorage, the page's memory: another article opened in this page keeps them.
    let read = read_stored(&Backend::local().unwrap_or_else(Backend::memory));
    let (registry, kept) = (read.registry, read.kept.ok().flatten());
    BASE.with(|base| *base.borrow_mut() = Some(registry.clone()));
    (registry, kept)
}

/// Saves the reader's own entities of `registry`, merged with what another tab stored since this
/// page last read or wrote the list: this page's changes (from that list to `registry`, entity by
/// entity) carried onto the stored list, so neither tab's edits are written over. Returns the merged
/// registry when it is not `registry` (the widget then shows it); `Err` when it could not be written
/// (storage full, or an unreadable list that could not be copied aside first): it is tried again
/// with the next change and whenever the page follows the stored list ([`follow`]).
pub fn save(registry: &[Entity]) -> Result<Option<Vec<Entity>>, ()> {
    let Some(backend) = Backend::local() else {
        // Kept in the page's memory (for the other articles opened in it); leaving asks first.
        let _ = Backend::memory().write(ENTITIES_KEY, &encode_custom(&own(registry)));
        ask_before_leaving();
        return Ok(None);
    };
    let (Read { raw, kept, .. }, merged, text) = to_write(&backend, registry);
    let written = kept.is_ok()
        && (raw.as_deref() == Some(text.as_str()) || backend.write(ENTITIES_KEY, &text).is_ok());
    unsaved::set_entities_pending(!written);
    if !written {
        ask_before_leaving();
        return Err(());
    }
    BASE.with(|base| *base.borrow_mut() = Some(merged.clone()));
    Ok((merged != registry).then_some(merged))
}

/// What [`save`] writes: the stored list as read, `registry`'s changes carried onto it, and the
/// reader's own entities of that as stored text.
fn to_write(backend: &Backend, registry: &[Entity]) -> (Read, Vec<Entity>, String) {
    let read = read_stored(backend);
    let base = BASE
        .with(|base| base.borrow().clone())
        .unwrap_or_else(|| read.registry.clone());
    let merged = carry(&read.registry, &base, registry);
    let text = encode_custom(&own(&merged));
    (read, merged, text)
}

/// The reader's own entities of `registry` (not the defaults).
fn own(registry: &[Entity]) -> Vec<Entity> {
    registry
        .iter()
        .filter(|e| !is_default(&e.id))
        .cloned()
        .collect()
}

/// The reader's own entities as the next save would write them, while this page's last save of
/// `registry` could not be written, or all of them when localStorage is unavailable (`None` when
/// what is stored is current): a backup made now carries them.
pub fn unsaved_list(registry: &[Entity]) -> Option<String> {
    match Backend::local() {
        Some(backend) => unsaved().then(|| to_write(&backend, registry).2),
        None => Some(encode_custom(&own(registry))),
    }
}

/// Whether this page's last save of the entity list could not be written (it is tried again).
pub fn unsaved() -> bool {
    unsaved::entities_pending()
}

/// The list the page should show when the stored one may have changed (another tab, coming back):
/// the stored list when it differs from `shown`; or, while this page's last save could not be
/// written, `shown` saved again (merged with the stored list) — never the stored list over it.
pub fn follow(shown: &[Entity]) -> Option<Vec<Entity>> {
    if unsaved() {
        return save(shown).ok().flatten();
    }
    let stored = load().0;
    (stored != shown).then_some(stored)
}

/// Retags (or, without a replacement, removes) entity `id`'s tags in every stored article but
/// `except` (the open one, which the reducer changes); returns each changed article's id and what
/// changed in it, so that undo can take it back.
pub fn retag_everywhere(
    id: &str,
    replacement: Option<&Kind>,
    modified: &str,
    except: &str,
) -> Vec<(String, Step)> {
    let Some(Backend::Local(storage)) = Backend::local() else {
        return Vec::new();
    };
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| entry_article(k).is_some_and(|a| a != except))
        .collect();
    let mut changed = Vec::new();
    for key in keys {
        let raw = storage.get_item(&key).ok().flatten();
        if let (Decoded::Stored(mut stored), Some(article)) =
            (decode(raw.as_deref()), entry_article(&key))
        {
            let before = Snapshot::of_stored(&stored);
            stored.rejected.retain(|r| r.entity != id);
            let annotations = &mut stored.annotations;
            retag_entity(annotations, &mut stored.deleted, id, replacement, modified);
            if let Some(step) = Step::between(
                StepKind::Entities,
                &before,
                &Snapshot::of_stored(&stored),
                None,
            ) {
                if storage.set_item(&key, &encode(article, &stored)).is_ok() {
                    changed.push((article.to_string(), step));
                }
            }
        }
    }
    changed
}

/// Replays `step` (dated `at`) on the stored entry of `article` (an entity deletion in another
/// article, undone or redone), except on annotations changed there since (see [`replay_stored`]);
/// an entry that cannot be read is left alone. Returns whether anything was left for being newer.
pub fn replay_in(article: &str, step: &Step, at: &str) -> bool {
    let Some(backend) = Backend::local() else {
        return false;
    };
    let key = entry_key(article);
    let Decoded::Stored(mut stored) = decode(backend.read(&key).ok().flatten().as_deref()) else {
        return false;
    };
    let left = replay_stored(step, at, &mut stored);
    let _ = backend.write(&key, &encode(article, &stored));
    left
}
