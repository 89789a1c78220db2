//! Backing up and restoring everything Hamish keeps in this browser's localStorage (see
//! [`crate::core::storage::backup`]): the glue that reads and writes the keys.

use crate::core::annotations::time::instant_or_oldest;
use crate::core::claims::settings::{encode as encode_settings, Settings};
use crate::core::entities::adopt::{adopt, rename_in};
use crate::core::entities::registry::Entity;
use crate::core::entities::registry::{decode_custom, encode_custom};
use crate::core::storage::backup::{
    keys_to_restore, read, restore, with_unsaved, write, BackupError, Restored,
};
use crate::core::storage::entry::{decode, Decoded, Stored};
use crate::core::storage::keys::{
    entities_backup_key, entry_article, entry_key, restored_where_free, DEFAULT_NAMESPACE,
    ENTITIES_KEY, RECENT_KEY, SETTINGS_KEY,
};
use crate::core::storage::merge::horizon;
use crate::core::storage::recent::{
    decode as decode_recent, encode as encode_recent, merge_restored,
};
use crate::web::storage::Backend;
use crate::web::unsaved;
use crate::web::{registry_store, settings_store};

/// The backup file of everything stored now: articles' entries, entities, the recent list, texts,
/// settings and the entries kept aside because they could not be read (from the page's memory when
/// localStorage is unavailable) — with what storage does not hold yet merged in: `open`'s work (the open article's
/// id and annotations), the work kept unsaved for other articles, and the reader's entities
/// `registry` when their last save could not be written, and the page's `settings` when they are not
/// the stored ones (storage refused them).
pub fn export_all(
    now: &str,
    open: (&str, &Stored),
    registry: &[Entity],
    settings: &Settings,
) -> String {
    let backend = Backend::local().unwrap_or_else(Backend::memory);
    let (mut entries, mut keys) = (Vec::new(), Vec::new());
    for (key, text) in backend.entries() {
        match entry_article(&key) {
            Some(id) => entries.push((id.to_string(), text)),
            None if restored_where_free(&key) => keys.push((key, text)),
            None => {}
        }
    }
    // Each with the entry it was made from; the open article's work from the one its kept work was
    // made from, when storage refused it (else it is what storage holds, and changes since).
    let kept = unsaved::kept_with_base(DEFAULT_NAMESPACE);
    let open_base =
        (kept.iter().find(|k| k.id == open.0)).map_or_else(Stored::default, |k| k.base.clone());
    let mut unsaved: Vec<(String, Stored, Stored)> =
        kept.into_iter().map(|k| (k.id, k.work, k.base)).collect();
    unsaved.push((open.0.to_string(), open.1.clone(), open_base));
    let prune_before = horizon(instant_or_oldest(now));
    let entries = with_unsaved(entries, &mut keys, &unsaved, prune_before, now);
    let read = |key| backend.read(key).ok().flatten();
    let entities = registry_store::unsaved_list(registry).or_else(|| read(ENTITIES_KEY));
    let recent = read(RECENT_KEY);
    // Settings this page uses that storage refused: carried as the page has them.
    if *settings != settings_store::stored() {
        keys.retain(|(key, _)| key != SETTINGS_KEY);
        keys.push((SETTINGS_KEY.to_string(), encode_settings(settings)));
    }
    write(&entries, entities.as_deref(), recent.as_deref(), &keys, now)
}

/// Restores a backup file: each article's entry merged with what is stored (see
/// [`crate::core::storage::backup::restore_into`]: never over newer work, never deleting), the
/// reader's entities added to theirs (an entity already there stays as it is), the articles of its
/// recent list added to the one here. The entry stored under `current` (the open article's key) is
/// not written but returned (empty when the backup has none), for the tab to restore as an undoable
/// step. Each other value it carries — a listed article's text, the settings, an entry kept aside —
/// is written back under its key when that key is free (never over anything).
pub fn import_all(text: &str, now: &str, current: &str) -> Result<(Restored, Stored), BackupError> {
    let mut backup = read(text)?;
    let backend = Backend::local().unwrap_or_else(Backend::memory);
    let prune_before = horizon(instant_or_oldest(now));
    let mut done = backup.left_out;
    // The backup's entities, each under an id that names it here (not another entity of this
    // reader's), and its tags with them.
    let current_entities = backend.read(ENTITIES_KEY).ok().flatten();
    let (mut mine, whole) = decode_custom(current_entities.as_deref());
    let incoming = decode_custom(backup.entities.as_deref()).0;
    let adopted = adopt(&mine, incoming);
    for (_, stored) in &mut backup.articles {
        rename_in(stored, &adopted.renamed);
    }
    let mut here = Stored::default();
    for (id, backed_up) in backup.articles {
        let key = entry_key(&id);
        if key == current {
            here = backed_up;
            continue;
        }
        let stored = match decode(backend.read(&key).ok().flatten().as_deref()) {
            Decoded::Stored(stored) => Some(stored),
            // An entry that cannot be read is never written over.
            Decoded::Unusable(_) => continue,
        };
        if let Some((entry, changed)) = restore(&id, &backed_up, stored.as_ref(), now, prune_before)
        {
            match backend.write(&key, &entry) {
                Ok(()) => done = done.and(changed),
                Err(_) => done.refused += 1,
            }
        }
    }
    // A stored list that could not all be read is copied aside before it is written over.
    if !adopted.added.is_empty() {
        let written = backend
            .set_aside(current_entities.as_deref(), whole, entities_backup_key)
            .is_ok()
            && {
                mine.extend(adopted.added);
                backend.write(ENTITIES_KEY, &encode_custom(&mine)).is_ok()
            };
        if !written {
            done.refused += 1;
        }
    }
    let listed = decode_recent(backend.read(RECENT_KEY).ok().flatten().as_deref());
    let list = merge_restored(&listed, &backup.recent);
    if list != listed && backend.write(RECENT_KEY, &encode_recent(&list)).is_err() {
        done.refused += 1;
    }
    for (key, text) in keys_to_restore(&backup.keys, &list) {
        if matches!(backend.read(key), Ok(None)) && backend.write(key, text).is_err() {
            done.refused += 1;
        }
    }
    Ok((done, here))
}
