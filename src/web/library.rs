//! The reader's library in localStorage: recently annotated articles, and the texts of those that
//! have no URL. Failures here only lose the convenience, never annotations.

use crate::core::storage::entry::{decode as decode_entry, Decoded, Stored};
use crate::core::storage::json::{from_text, to_text};
use crate::core::storage::keys::{entry_key, text_key, DEFAULT_NAMESPACE, RECENT_KEY};
use crate::core::storage::recent::{
    decode, encode, evictions, keeping_order, merge_restored, touch, Recent, StoredText,
    TEXTS_BUDGET, TEXT_MAX,
};
use crate::core::text::article::Article;
use crate::web::clock;
use crate::web::storage::Backend;
use crate::web::unsaved;

/// The recent articles, newest first (empty when storage is unavailable).
pub fn recent() -> Vec<Recent> {
    Backend::local().map_or_else(Vec::new, |b| {
        decode(b.read(RECENT_KEY).ok().flatten().as_deref())
    })
}

/// Records that `article` (from `url`, if any) was opened or now has `count` annotations; stores
/// the text of an article without a URL so it can be opened again. False when that text could not
/// be kept (too long, or storage full).
pub fn remember(article: &Article, url: Option<&str>, count: usize) -> bool {
    let Some(backend) = Backend::local() else {
        return true;
    };
    let mut list = decode(backend.read(RECENT_KEY).ok().flatten().as_deref());
    let mut kept = true;
    if url.is_none() {
        let key = text_key(&article.id);
        if backend.read(&key).ok().flatten().is_none() {
            let text = to_text(&StoredText::of(article));
            let length = text.chars().count();
            let sizes = text_sizes(&backend, &list, &article.id);
            kept = match evictions(&sizes, length, TEXTS_BUDGET) {
                Some(removed) if length <= TEXT_MAX => {
                    for id in removed {
                        remove(&backend, &text_key(&id));
                    }
                    backend.write(&key, &text).is_ok()
                }
                _ => false,
            };
        }
    }
    let entry = Recent {
        id: article.id.clone(),
        title: crate::core::text::units::short_quote(article.title(), 80),
        url: url.map(str::to_string),
        opened: clock::now_iso(),
        count,
    };
    touch(&mut list, entry);
    // Texts of articles that fell off the list go with them.
    for gone in decode(backend.read(RECENT_KEY).ok().flatten().as_deref())
        .iter()
        .filter(|r| !list.iter().any(|k| k.id == r.id))
    {
        remove(&backend, &text_key(&gone.id));
    }
    let _ = backend.write(RECENT_KEY, &encode(&list));
    kept
}

/// The stored texts of the articles in `list` (newest first), but `except`'s, in the order they
/// are kept by ([`keeping_order`]: the last goes first): their lengths in characters, and whether
/// the article holds work (stored, or kept in the page until there is room; whatever the list's
/// count says, which another tab may have changed since).
fn text_sizes(backend: &Backend, list: &[Recent], except: &str) -> Vec<(String, usize, bool)> {
    let kept = unsaved::kept_in(DEFAULT_NAMESPACE);
    keeping_order(list)
        .into_iter()
        .filter(|r| r.url.is_none() && r.id != except)
        .filter_map(|r| {
            let n = backend
                .read(&text_key(&r.id))
                .ok()
                .flatten()?
                .chars()
                .count();
            let annotated = r.count > 0 || holds_work(backend, &kept, &r.id);
            Some((r.id.clone(), n, annotated))
        })
        .collect()
}

/// Whether the article `id` has annotations or rejected suggestions, stored or kept in the page
/// until there is room (`kept`); an entry that cannot be read counts as work.
fn holds_work(backend: &Backend, kept: &[(String, Stored)], id: &str) -> bool {
    let stored = match decode_entry(backend.read(&entry_key(id)).ok().flatten().as_deref()) {
        Decoded::Stored(s) => s.holds_work(),
        _ => true,
    };
    stored || kept.iter().any(|(k, w)| k == id && w.holds_work())
}

fn remove(backend: &Backend, key: &str) {
    if let Backend::Local(storage) = backend {
        let _ = storage.remove_item(key);
    }
}

/// Frees room for annotations when a save was refused: removes the oldest stored text of an
/// article without annotations (not `except`'s). False when there was none left to remove.
pub fn evict_oldest_text(except: &str) -> bool {
    let Some(backend) = Backend::local() else {
        return false;
    };
    let list = decode(backend.read(RECENT_KEY).ok().flatten().as_deref());
    let sizes = text_sizes(&backend, &list, except);
    match sizes.iter().rev().find(|(_, _, annotated)| !annotated) {
        Some((id, _, _)) => {
            remove(&backend, &text_key(id));
            true
        }
        None => false,
    }
}

/// An article taken off the recent list ([`forget`]): what puts it back ([`put_back`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Removed {
    /// Its place in the list.
    pub entry: Recent,
    /// Its stored text, when it had one.
    pub text: Option<String>,
}

/// Why [`forget`] or [`put_back`] changed nothing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NotDone {
    /// The article has annotations or rejected suggestions now (stored, or kept in the page until
    /// there is room): its stored text is the way back to them.
    Annotated,
    /// Storage refused the write.
    NoRoom,
}

/// Removes an article from the recent list with its stored text (its annotations stay: opening the
/// same text again brings them back) — unless it has annotations now ([`NotDone::Annotated`]:
/// another tab may have annotated it since the list was shown, or its work waits in the page for
/// room), and nothing changes. `Ok(None)` when it is not listed.
pub fn forget(id: &str) -> Result<Option<Removed>, NotDone> {
    let Some(backend) = Backend::local() else {
        return Ok(None);
    };
    if holds_work(&backend, &unsaved::kept_in(DEFAULT_NAMESPACE), id) {
        return Err(NotDone::Annotated);
    }
    let mut list = decode(backend.read(RECENT_KEY).ok().flatten().as_deref());
    let Some(at) = list.iter().position(|r| r.id == id) else {
        return Ok(None);
    };
    let key = text_key(id);
    let removed = Removed {
        entry: list.remove(at),
        text: backend.read(&key).ok().flatten(),
    };
    remove(&backend, &key);
    let _ = backend.write(RECENT_KEY, &encode(&list));
    Ok(Some(removed))
}

/// Puts back what [`forget`] removed: the article joins the list again (in the room its limits
/// leave) and its text is written back where its key is free; [`NotDone::NoRoom`] when storage
/// refused either (tried again, the text already back stays).
pub fn put_back(removed: &Removed) -> Result<(), NotDone> {
    let Some(backend) = Backend::local() else {
        return Ok(());
    };
    let key = text_key(&removed.entry.id);
    let text = match (&removed.text, backend.read(&key)) {
        (Some(text), Ok(None)) => backend.write(&key, text).is_ok(),
        _ => true,
    };
    let list = decode(backend.read(RECENT_KEY).ok().flatten().as_deref());
    let list = merge_restored(&list, std::slice::from_ref(&removed.entry));
    let listed = backend.write(RECENT_KEY, &encode(&list)).is_ok();
    if text && listed {
        Ok(())
    } else {
        Err(NotDone::NoRoom)
    }
}

/// Asks the browser, once per page, to keep this site's storage even under storage pressure
/// (`navigator.storage.persist()`); called once the reader has annotations.
pub fn ask_to_persist() {
    thread_local! {
        static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if ASKED.with(|a| a.replace(true)) {
        return;
    }
    let get = |target: &wasm_bindgen::JsValue, name: &str| {
        js_sys::Reflect::get(target, &name.into())
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    };
    let Some(storage) = get(&js_sys::global(), "navigator").and_then(|n| get(&n, "storage")) else {
        return;
    };
    if let Some(persist) = get(&storage, "persist")
        .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok())
    {
        let _ = persist.call0(&storage);
    }
}

/// The stored text of an article without a URL.
pub fn stored_article(id: &str) -> Option<Article> {
    let raw = Backend::local()?.read(&text_key(id)).ok().flatten()?;
    let stored: StoredText = from_text(&raw).ok()?;
    Some(stored.article(id))
}
