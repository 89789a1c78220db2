//! Where annotations are kept: localStorage when the browser allows it, else memory for this tab.

use crate::core::annotations::state::Notice;
use crate::core::storage::entry::{decode, encode, Decoded, Stored};
use crate::core::storage::keys::{backup_key_in, entry_key_in, DEFAULT_NAMESPACE, PROBE_KEY};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

/// The browser refused a storage read or write (blocked storage, quota exceeded).
#[derive(Debug, PartialEq, Eq)]
pub struct Refused;

/// A key-value store of strings.
pub enum Backend {
    /// The browser's localStorage.
    Local(web_sys::Storage),
    /// A map that lives as long as the page.
    Memory(Rc<RefCell<BTreeMap<String, String>>>),
}

impl Backend {
    /// localStorage if it can be read and written, else `None`.
    pub fn local() -> Option<Backend> {
        let storage = web_sys::window()?.local_storage().ok()??;
        storage.set_item(PROBE_KEY, "1").ok()?;
        storage.remove_item(PROBE_KEY).ok()?;
        Some(Backend::Local(storage))
    }

    /// The page's in-memory store (shared by every article opened in this page, so switching
    /// articles without localStorage keeps what was annotated this session).
    pub fn memory() -> Backend {
        thread_local! {
            static SESSION: Rc<RefCell<BTreeMap<String, String>>> = Rc::default();
        }
        Backend::Memory(SESSION.with(Rc::clone))
    }

    /// Reads a key (`Err` when the browser refuses).
    pub fn read(&self, key: &str) -> Result<Option<String>, Refused> {
        match self {
            Backend::Local(s) => s.get_item(key).map_err(|_| Refused),
            Backend::Memory(m) => Ok(m.borrow().get(key).cloned()),
        }
    }

    /// Writes a key (`Err` when the browser refuses, e.g. over quota).
    pub fn write(&self, key: &str, value: &str) -> Result<(), Refused> {
        match self {
            Backend::Local(s) => s.set_item(key, value).map_err(|_| Refused),
            Backend::Memory(m) => {
                m.borrow_mut().insert(key.into(), value.into());
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
    /// unchanged to a backup key (named with `stamp`) and replaced by an empty one, so Hamish starts
    /// clean; if even the backup fails, saving is switched off so the entry is never overwritten.
    pub fn load(&self, stamp: &str) -> (Stored, Vec<Notice>) {
        let key = self.key();
        let raw = match self.backend.read(&key) {
            Ok(raw) => raw,
            Err(Refused) => return (Stored::default(), vec![Notice::StorageUnavailable]),
        };
        match decode(raw.as_deref()) {
            Decoded::Stored(stored) => {
                *self.last_written.borrow_mut() = encode(&self.article_id, &stored);
                (stored, Vec::new())
            }
            Decoded::Unusable(reason) => {
                let backup = backup_key_in(&self.namespace, &self.article_id, stamp);
                let kept = raw
                    .as_deref()
                    .is_some_and(|r| self.backend.write(&backup, r).is_ok());
                if kept {
                    let clean = encode(&self.article_id, &Stored::default());
                    if self.backend.write(&key, &clean).is_ok() {
                        *self.last_written.borrow_mut() = clean;
                    }
                    (
                        Stored::default(),
                        vec![Notice::StoredEntryBackedUp {
                            reason,
                            backup_key: backup,
                        }],
                    )
                } else {
                    self.saving.set(false);
                    (Stored::default(), vec![Notice::StoredEntryKept { reason }])
                }
            }
        }
    }

    /// Takes on an entry another tab of this browser just wrote (so it is not written back), and
    /// returns it; `None` when it is not a usable entry.
    pub fn adopt(&self, raw: Option<&str>) -> Option<Stored> {
        match decode(raw) {
            Decoded::Stored(stored) => {
                *self.last_written.borrow_mut() = encode(&self.article_id, &stored);
                Some(stored)
            }
            Decoded::Unusable(_) => None,
        }
    }

    /// Saves the article's annotations and rejected suggestions (nothing is written when they have
    /// not changed since the last load or save, or when saving is off).
    pub fn save(&self, stored: &Stored) -> Result<(), Notice> {
        if !self.saving.get() {
            return Ok(());
        }
        let encoded = encode(&self.article_id, stored);
        if *self.last_written.borrow() == encoded {
            return Ok(());
        }
        self.backend
            .write(&self.key(), &encoded)
            .map_err(|Refused| Notice::SaveFailed)?;
        *self.last_written.borrow_mut() = encoded;
        Ok(())
    }
}
