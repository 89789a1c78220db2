//! The entity registry in localStorage: the reader's own entities, shared by every article; and
//! retagging or removing a deleted entity's tags in every stored article.

use crate::core::annotations::history::{replay_stored, Snapshot, Step, StepKind};
use crate::core::annotations::model::Kind;
use crate::core::annotations::state::retag_entity;
use crate::core::entities::registry::{
    decode_custom, default_registry, encode_custom, is_default, Entity,
};
use crate::core::storage::entry::{decode, encode, Decoded};
use crate::core::storage::keys::{entities_backup_key, entry_article, entry_key, ENTITIES_KEY};
use crate::web::storage::Backend;

/// The registry: the defaults, then the reader's own entities. A stored list that cannot be read at
/// all is copied to a backup key first, so saving a new list later never loses it.
pub fn load() -> Vec<Entity> {
    let mut registry = default_registry();
    if let Some(backend) = Backend::local() {
        let raw = backend.read(ENTITIES_KEY).ok().flatten();
        match decode_custom(raw.as_deref()) {
            Some(custom) => registry.extend(custom),
            None => {
                let backup = entities_backup_key(&crate::web::clock::now_iso());
                if let Some(raw) = raw {
                    let _ = backend.write(&backup, &raw);
                }
            }
        }
    }
    registry
}

/// Saves the reader's own entities of `registry`.
pub fn save(registry: &[Entity]) {
    let custom: Vec<Entity> = registry
        .iter()
        .filter(|e| !is_default(&e.id))
        .cloned()
        .collect();
    if let Some(backend) = Backend::local() {
        let _ = backend.write(ENTITIES_KEY, &encode_custom(&custom));
    }
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
/// article, undone or redone); an entry that cannot be read is left alone.
pub fn replay_in(article: &str, step: &Step, at: &str) {
    let Some(backend) = Backend::local() else {
        return;
    };
    let key = entry_key(article);
    let Decoded::Stored(mut stored) = decode(backend.read(&key).ok().flatten().as_deref()) else {
        return;
    };
    replay_stored(step, at, &mut stored);
    let _ = backend.write(&key, &encode(article, &stored));
}
