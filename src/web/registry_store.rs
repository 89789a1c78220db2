//! The entity registry in localStorage: the reader's own entities, shared by every article; and
//! retagging or removing a deleted entity's tags in every stored article.

use crate::core::annotations::model::Kind;
use crate::core::annotations::state::retag_entity;
use crate::core::entities::registry::{
    decode_custom, default_registry, encode_custom, is_default, Entity,
};
use crate::core::storage::entry::{decode, encode, Decoded};
use crate::core::storage::keys::{entities_backup_key, entry_article, ENTITIES_KEY};
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

/// Retags (or, without a replacement, removes) entity `id`'s tags in every stored article.
pub fn retag_everywhere(id: &str, replacement: Option<&Kind>, modified: &str) {
    let Some(Backend::Local(storage)) = Backend::local() else {
        return;
    };
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| entry_article(k).is_some())
        .collect();
    for key in keys {
        let raw = storage.get_item(&key).ok().flatten();
        if let (Decoded::Stored(mut stored), Some(article)) =
            (decode(raw.as_deref()), entry_article(&key))
        {
            stored.rejected.retain(|r| r.entity != id);
            let annotations = &mut stored.annotations;
            if retag_entity(annotations, &mut stored.deleted, id, replacement, modified) {
                let _ = storage.set_item(&key, &encode(article, &stored));
            }
        }
    }
}
