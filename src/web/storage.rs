//! Where annotations are kept: localStorage when the browser allows it, else memory for this tab.

use crate::core::annotations::state::Notice;
use crate::core::annotations::time::instant_or_oldest;
use crate::core::entities::registry::decode_custom;
use crate::core::storage::entry::{
    decode, encode, salvage, schema_of, Decoded, Stored, SCHEMA_VERSION,
};
use crate::core::storage::keys::{
    backup_key_in, entry_key_in, DEFAULT_NAMESPACE, ENTITIES_KEY, PROBE_KEY,
};
use crate::core::storage::merge::{horizon, merge_since};
use crate::core::text::hash::Fnv;
use crate::web::unsaved;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// The browser refused a storage read or write (blocked storage, quota exceeded).
#[derive(Debug, PartialEq, Eq)]
pub struct Refused;

/// A key-value store of strings.
pub enum Backend {
    /// The browser's localStorage.
    Local(web_sys::Storage),
    /// Keys and values that live as long as the page (a list: a page holds a handful of keys, and
    /// a map type would add its own code to the bundle).
    Memory(Rc<RefCell<Vec<(String, String)>>>),
}

impl Backend {
    /// localStorage if it can be read, else `None`. A full localStorage is still the reader's
    /// storage: its refused writes keep the work in the tab and say so (a memory store would seem
    /// to save, and the work would be gone with the page).
    pub fn local() -> Option<Backend> {
        let storage = web_sys::window()?.local_storage().ok()??;
        storage.get_item(PROBE_KEY).ok()?;
        Some(Backend::Local(storage))
    }

    /// The page's in-memory store (shared by every article opened in this page, so switching
    /// articles without localStorage keeps what was annotated this session).
    pub fn memory() -> Backend {
        thread_local! {
            static SESSION: Rc<RefCell<Vec<(String, String)>>> = Rc::default();
        }
        Backend::Memory(SESSION.with(Rc::clone))
    }

    /// Reads a key (`Err` when the browser refuses).
    pub fn read(&self, key: &str) -> Result<Option<String>, Refused> {
        match self {
            Backend::Local(s) => s.get_item(key).map_err(|_| Refused),
            Backend::Memory(m) => Ok(m
                .borrow()
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())),
        }
    }

    /// Keeps a copy of `raw`, a stored value, when not all of it could be read (`whole` false), under
    /// `key_for(its hash)`, once: the same value read again writes nothing (it is read on every
    /// focus). The key (`None`: nothing to keep), or `Err` when no copy could be written (the value
    /// must then not be written over).
    pub fn set_aside(
        &self,
        raw: Option<&str>,
        whole: bool,
        key_for: fn(&str) -> String,
    ) -> Result<Option<String>, ()> {
        let Some(raw) = raw.filter(|_| !whole) else {
            return Ok(None);
        };
        let mut hash = Fnv::default();
        hash.write(raw.as_bytes());
        let key = key_for(&hash.hex());
        match self.read(&key) {
            Ok(Some(_)) => Ok(Some(key)),
            _ => self.write(&key, raw).map(|()| Some(key)).map_err(|_| ()),
        }
    }

    /// Every key and its value (those the browser lets be read).
    pub fn entries(&self) -> Vec<(String, String)> {
        match self {
            Backend::Local(s) => (0..s.length().unwrap_or(0))
                .filter_map(|i| s.key(i).ok().flatten())
                .filter_map(|key| Some((key.clone(), s.get_item(&key).ok().flatten()?)))
                .collect(),
            Backend::Memory(m) => m.borrow().clone(),
        }
    }

    /// Writes a key (`Err` when the browser refuses, e.g. over quota).
    pub fn write(&self, key: &str, value: &str) -> Result<(), Refused> {
        match self {
            Backend::Local(s) => s.set_item(key, value).map_err(|_| Refused),
            Backend::Memory(m) => {
                let mut m = m.borrow_mut();
                match m.iter_mut().find(|(k, _)| k == key) {
                    Some((_, v)) => *v = value.into(),
                    None => m.push((key.into(), value.into())),
                }
                Ok(())
            }
        }
    }
}

/// One article's annotations in a [`Backend`], as a versioned entry.
pub struct AnnotationStore {
    backend: Backend,
    namespace: String,
    article_id: String,
    saving: Cell<bool>,
    last_written: RefCell<String>,
}

impl AnnotationStore {
    /// Opens the article's store in localStorage, or in memory (with a notice) when that is unavailable.
    pub fn open(article_id: &str) -> (AnnotationStore, Vec<Notice>) {
        Self::open_in(DEFAULT_NAMESPACE, article_id)
    }

    /// [`AnnotationStore::open`] with keys in `namespace` (a host page's own).
    pub fn open_in(namespace: &str, article_id: &str) -> (AnnotationStore, Vec<Notice>) {
        let (backend, notices) = match Backend::local() {
            Some(local) => (local, Vec::new()),
            None => (Backend::memory(), vec![Notice::StorageUnavailable]),
        };
        let mut store = Self::with_backend(backend, article_id);
        store.namespace = namespace.into();
        (store, notices)
    }

    /// The storage key of this article's entry.
    pub fn key(&self) -> String {
        entry_key_in(&self.namespace, &self.article_id)
    }

    /// Opens the article's store in the given backend.
    pub fn with_backend(backend: Backend, article_id: &str) -> AnnotationStore {
        AnnotationStore {
            backend,
            namespace: DEFAULT_NAMESPACE.into(),
            article_id: article_id.into(),
            saving: Cell::new(true),
            last_written: RefCell::new(String::new()),
        }
    }

    /// Whether annotations outlive the tab.
    pub fn is_persistent(&self) -> bool {
        matches!(self.backend, Backend::Local(_))
    }

    /// Loads the article's annotations and rejected suggestions. An unusable entry is copied
    /// unchanged to a backup key (named with `stamp`) and replaced by what can still be read of it
    /// item by item ([`salvage`]; nothing when it is not JSON); if even the backup fails, saving is
    /// switched off so the entry is never overwritten. An entry of a newer schema (written by a
    /// newer Hamish), or one that cannot be read at all, is never overwritten either: saving stays
    /// off and the tab keeps its changes in memory. Work kept unsaved for the article
    /// ([`AnnotationStore::mark_unsaved`]) is merged in.
    pub fn load(&self, stamp: &str) -> (Stored, Vec<Notice>) {
        let (stored, notices) = self.load_entry(stamp);
        match unsaved::take(&self.namespace, &self.article_id) {
            Some(kept) => {
                let prune = horizon(instant_or_oldest(stamp));
                let merged = merge_since(&kept.base, &kept.work, &stored, prune, stamp);
                (merged, notices)
            }
            None => (stored, notices),
        }
    }

    /// Keeps `work` when `unsaved` — no save could write it — for the rest of the page's life (see
    /// [`crate::web::unsaved`]): it comes back when the article opens again, is written by
    /// [`flush_unsaved`], and the browser asks before the page is left while it is kept. Forgets
    /// what was kept for this article once a save went through.
    pub fn mark_unsaved(&self, unsaved: bool, work: &Stored, now: &str) {
        if !unsaved {
            unsaved::take(&self.namespace, &self.article_id);
            return;
        }
        let prune = horizon(instant_or_oldest(now));
        unsaved::keep(&self.namespace, &self.article_id, work, &self.base(), prune);
        ask_before_leaving();
    }

    /// The entry as stored (see [`AnnotationStore::load`]).
    fn load_entry(&self, stamp: &str) -> (Stored, Vec<Notice>) {
        let key = self.key();
        let raw = match self.backend.read(&key) {
            Ok(raw) => raw,
            Err(Refused) => {
                self.saving.set(false);
                return (Stored::default(), vec![Notice::StorageUnavailable]);
            }
        };
        if let Some(version) = raw.as_deref().and_then(schema_of) {
            if version > u64::from(SCHEMA_VERSION) {
                self.saving.set(false);
                return (Stored::default(), vec![Notice::SavingPaused]);
            }
        }
        match decode(raw.as_deref()) {
            Decoded::Stored(stored) => {
                *self.last_written.borrow_mut() = raw.unwrap_or_default();
                (stored, Vec::new())
            }
            Decoded::Unusable(reason) => {
                let backup = backup_key_in(&self.namespace, &self.article_id, stamp);
                let kept = raw
                    .as_deref()
                    .is_some_and(|r| self.backend.write(&backup, r).is_ok());
                if kept {
                    let salvaged = raw.as_deref().map(salvage).unwrap_or_default();
                    let clean = encode(&self.article_id, &salvaged);
                    if self.backend.write(&key, &clean).is_ok() {
                        *self.last_written.borrow_mut() = clean;
                    }
                    let notice = Notice::StoredEntryBackedUp {
                        reason,
                        backup_key: backup,
                        salvaged: salvaged.annotations.len(),
                    };
                    (salvaged, vec![notice])
                } else {
                    self.saving.set(false);
                    (Stored::default(), vec![Notice::StoredEntryKept { reason }])
                }
            }
        }
    }

    /// The entry as this tab last read or wrote it (what its work since was made from; empty when it
    /// has read nothing, or nothing readable).
    pub fn base(&self) -> Stored {
        match decode(Some(self.last_written.borrow().as_str())) {
            Decoded::Stored(base) => base,
            Decoded::Unusable(_) => Stored::default(),
        }
    }

    /// Takes `base` as the entry this tab last read (work kept from an earlier store of the article
    /// was made from it).
    pub fn made_from(&self, base: &Stored) {
        if *base != Stored::default() {
            *self.last_written.borrow_mut() = encode(&self.article_id, base);
        }
    }

    /// How many characters the entry had when this tab last read or wrote it.
    pub fn stored_len(&self) -> usize {
        self.last_written.borrow().len()
    }

    /// Whether saving is on (it is off while the stored entry cannot be read or is of a newer
    /// schema: this tab then keeps its changes in memory).
    pub fn is_saving(&self) -> bool {
        self.saving.get()
    }

    /// Saves `local` (this tab's annotations, rejections and tombstones, at time `now`), merged with
    /// whatever another tab stored since this tab last read or wrote the entry (see
    /// [`crate::core::storage::merge`]); nothing is written when nothing changed. Returns the merged
    /// version when it differs from `local` (the tab then shows it). Never writes over an entry it
    /// could not read or whose schema is newer: saving is switched off and the notice says so; a
    /// refused write (quota) is retried after each time `make_room` frees something, and otherwise
    /// leaves the stored entry as it was, to be retried with the next change.
    pub fn sync(
        &self,
        local: &Stored,
        now: &str,
        make_room: &dyn Fn() -> bool,
    ) -> Result<Option<Stored>, Notice> {
        if !self.saving.get() {
            return Err(Notice::SavingPaused);
        }
        let key = self.key();
        let raw = self.backend.read(&key).map_err(|Refused| {
            self.saving.set(false);
            Notice::SavingPaused
        })?;
        let raw = raw.unwrap_or_default();
        let merged = if raw.is_empty() || raw == *self.last_written.borrow() {
            None
        } else {
            if raw_schema_is_newer(&raw) {
                self.saving.set(false);
                return Err(Notice::SavingPaused);
            }
            match decode(Some(&raw)) {
                Decoded::Stored(theirs) => {
                    // What both were made from: the entry as this tab last read or wrote it.
                    let prune = horizon(instant_or_oldest(now));
                    Some(merge_since(&self.base(), local, &theirs, prune, now))
                        .filter(|m| m != local)
                }
                Decoded::Unusable(_) => {
                    self.saving.set(false);
                    return Err(Notice::SavingPaused);
                }
            }
        };
        let next = merged.as_ref().unwrap_or(local);
        // No entry and nothing to keep: nothing is written (an empty entry would only take room).
        if raw.is_empty() && *next == Stored::default() {
            return Ok(merged);
        }
        let encoded = encode(&self.article_id, next);
        if encoded != raw {
            // Over quota: `make_room` frees what is less precious than annotations, if it can.
            while self.backend.write(&key, &encoded).is_err() {
                if !make_room() {
                    return Err(Notice::SaveFailed);
                }
            }
        }
        if !self.is_persistent() {
            ask_before_leaving();
        }
        *self.last_written.borrow_mut() = encoded;
        Ok(merged)
    }
}

thread_local! {
    /// The page's listeners for kept work: one writes it when the page is shown again, one asks
    /// before leaving while some is still kept.
    static GUARD: std::cell::OnceCell<[gloo::events::EventListener; 2]> = const { std::cell::OnceCell::new() };
}

/// Whether annotations or the reader's own entities are kept only in the page's memory
/// (localStorage is unavailable): leaving the page would lose them.
fn only_in_memory() -> bool {
    Backend::local().is_none()
        && Backend::memory().entries().iter().any(|(key, text)| {
            (key == ENTITIES_KEY && !decode_custom(Some(text)).0.is_empty())
                || matches!(decode(Some(text)), Decoded::Stored(s) if !s.annotations.is_empty())
        })
}

/// Installs (once) the page's listeners for work no save could write: one writes kept annotations
/// when the page is shown again, one asks before the page is left while some work — kept
/// annotations ([`flush_unsaved`]), the entity list ([`unsaved::entities_pending`]), or annotations
/// that only the page's memory holds — is unsaved.
pub fn ask_before_leaving() {
    GUARD.with(|guard| {
        guard.get_or_init(|| {
            let leaving = gloo::events::EventListener::new_with_options(
                &gloo::utils::window(),
                "beforeunload",
                gloo::events::EventListenerOptions::enable_prevent_default(),
                |e| {
                    let kept = flush_unsaved(&crate::web::clock::now_iso());
                    if kept || unsaved::entities_pending() || only_in_memory() {
                        e.prevent_default();
                        let _ = js_sys::Reflect::set(e, &"returnValue".into(), &"".into());
                    }
                },
            );
            let back = gloo::events::EventListener::new(
                &gloo::utils::document(),
                "visibilitychange",
                |_| {
                    flush_unsaved(&crate::web::clock::now_iso());
                },
            );
            [leaving, back]
        });
    });
}

/// Writes the work kept unsaved ([`AnnotationStore::mark_unsaved`]) where there is room now, merged
/// with what is stored; returns whether some is still kept.
pub fn flush_unsaved(now: &str) -> bool {
    for kept in unsaved::take_all() {
        // A store that has read nothing yet but the entry the work was made from: `sync` merges with
        // a readable entry (field by field since that one) and never writes over one it cannot read
        // (that is left for the article's next opening to report).
        let (store, _) = AnnotationStore::open_in(&kept.namespace, &kept.id);
        store.made_from(&kept.base);
        let failed = store.sync(&kept.work, now, &|| false).is_err();
        store.mark_unsaved(failed, &kept.work, now);
    }
    unsaved::any()
}

/// Whether a raw entry names a schema newer than this build's.
fn raw_schema_is_newer(raw: &str) -> bool {
    schema_of(raw).is_some_and(|v| v > u64::from(SCHEMA_VERSION))
}
