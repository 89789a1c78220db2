//! The reader's library in localStorage: recently annotated articles, and the texts of those that
//! have no URL. Failures here only lose the convenience, never annotations.

use crate::core::storage::keys::{text_key, RECENT_KEY};
use crate::core::storage::recent::{decode, encode, touch, Recent, StoredText};
use crate::core::text::article::Article;
use crate::web::clock;
use crate::web::storage::Backend;

/// The recent articles, newest first (empty when storage is unavailable).
pub fn recent() -> Vec<Recent> {
    Backend::local().map_or_else(Vec::new, |b| {
        decode(b.read(RECENT_KEY).ok().flatten().as_deref())
    })
}

/// Records that `article` (from `url`, if any) was opened or now has `count` annotations; stores
/// the text of an article without a URL so it can be opened again.
pub fn remember(article: &Article, url: Option<&str>, count: usize) {
    let Some(backend) = Backend::local() else {
        return;
    };
    if url.is_none() {
        let key = text_key(&article.id);
        if backend.read(&key).ok().flatten().is_none() {
            let _ = backend.write(
                &key,
                &serde_json::to_string(&StoredText::of(article)).unwrap_or_default(),
            );
        }
    }
    let mut list = decode(backend.read(RECENT_KEY).ok().flatten().as_deref());
    let entry = Recent {
        id: article.id.clone(),
        title: crate::core::text::units::short_quote(article.title(), 80),
        url: url.map(str::to_string),
        opened: clock::now_iso(),
        count,
    };
    touch(&mut list, entry);
    // Texts of articles that fell off the list go with them (they can be up to 5 MB each).
    for gone in decode(backend.read(RECENT_KEY).ok().flatten().as_deref())
        .iter()
        .filter(|r| !list.iter().any(|k| k.id == r.id))
    {
        if let Backend::Local(storage) = &backend {
            let _ = storage.remove_item(&text_key(&gone.id));
        }
    }
    let _ = backend.write(RECENT_KEY, &encode(&list));
}

/// The stored text of an article without a URL.
pub fn stored_article(id: &str) -> Option<Article> {
    let raw = Backend::local()?.read(&text_key(id)).ok().flatten()?;
    let stored: StoredText = serde_json::from_str(&raw).ok()?;
    Some(stored.article(id))
}
