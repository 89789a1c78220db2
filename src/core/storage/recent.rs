//! The list of recently annotated articles (title, when, how many annotations), newest first.

use crate::core::collections::index::Index;
use crate::core::collections::sort::sort_by;
use crate::core::json::Value;
use crate::core::storage::json::{from_text, write_list, Fields, Json, Object};

/// How many articles without annotations the list keeps (the newest).
pub const KEEP: usize = 20;

/// How many articles with annotations the list keeps (the newest): every one a reader is likely to
/// have, with a bound on what a stored list can cost.
pub const KEEP_ANNOTATED: usize = 1_000;

/// The longest stored text (characters of its JSON) Hamish keeps for reopening; a longer one is
/// annotated as usual but must be opened again from its file to come back.
pub const TEXT_MAX: usize = 1_000_000;

/// How many characters all stored texts may take together: the rest of localStorage's quota (about
/// five million characters) stays for annotations.
pub const TEXTS_BUDGET: usize = 2_000_000;

/// Which stored texts to remove so that one of `adding` characters fits within `budget`: from the
/// end of `stored`, which lists `(id, length, annotated)` in the order they are kept by (see
/// [`keeping_order`]). The text of an article with annotations is never removed: it is the way back
/// to them. `None` when removing every other text still leaves too little room (nothing is removed).
pub fn evictions(
    stored: &[(String, usize, bool)],
    adding: usize,
    budget: usize,
) -> Option<Vec<String>> {
    let mut total: usize = stored.iter().map(|(_, n, _)| n).sum::<usize>() + adding;
    let mut out = Vec::new();
    for (id, n, _) in stored.iter().rev().filter(|(_, _, annotated)| !annotated) {
        if total <= budget {
            break;
        }
        total -= n;
        out.push(id.clone());
    }
    (total <= budget).then_some(out)
}

/// One recently opened article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recent {
    /// The article's id (its storage key's suffix).
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its URL, for an article that came from one (else its text is stored under
    /// [`crate::core::storage::keys::text_key`]).
    pub url: Option<String>,
    /// When it was last opened or changed (ISO 8601).
    pub opened: String,
    /// How many annotations it has.
    pub count: usize,
}

/// Stored with every field (`url` is `null` for an article without one).
impl Json for Recent {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .str("id", &self.id)
            .str("title", &self.title)
            .opt_str("url", self.url.as_deref())
            .str("opened", &self.opened)
            .num("count", self.count as u64)
            .end();
    }

    fn read_json(value: Value) -> Result<Self, String> {
        let mut f = Fields::of(value)?;
        Ok(Recent {
            id: f.get("id")?,
            title: f.get("title")?,
            url: f.opt("url")?,
            opened: f.get("opened")?,
            count: f.count("count")?,
        })
    }
}

/// Reads the stored list (an unreadable one counts as empty: it is only a convenience).
pub fn decode(raw: Option<&str>) -> Vec<Recent> {
    raw.and_then(|r| from_text(r).ok()).unwrap_or_default()
}

/// Serializes the list.
pub fn encode(list: &[Recent]) -> String {
    let mut out = String::new();
    write_list(&mut out, list);
    out
}

/// Puts `entry` first, replacing the older entry of the same article, and keeps the newest
/// [`KEEP_ANNOTATED`] articles with annotations and the newest [`KEEP`] without: an annotated
/// article never makes way for articles only opened.
pub fn touch(list: &mut Vec<Recent>, entry: Recent) {
    list.retain(|r| r.id != entry.id);
    list.insert(0, entry);
    keep_newest(list);
}

/// `list` with the articles of `restored` (a backup's list) it does not have — the newest of them,
/// in the room the limits of [`touch`] leave: an article listed here is never pushed out, and one
/// listed in both stays as `list` has it — all newest first by when they were opened.
pub fn merge_restored(list: &[Recent], restored: &[Recent]) -> Vec<Recent> {
    let here = Index::new(list.iter().map(|r| r.id.as_str()));
    let there = Index::new(restored.iter().map(|r| r.id.as_str()));
    let mut new: Vec<Recent> = restored
        .iter()
        .enumerate()
        // Once each (the last of a file listing one twice), and only when not here.
        .filter(|(i, r)| there.find(&r.id) == Some(*i) && here.find(&r.id).is_none())
        .map(|(_, r)| r.clone())
        .collect();
    let newest_first = |a: &Recent, b: &Recent| b.opened.cmp(&a.opened);
    sort_by(&mut new, newest_first);
    let annotated = list.iter().filter(|r| r.count > 0).count();
    keep_within(&mut new, annotated, list.len() - annotated);
    let mut merged = list.to_vec();
    merged.extend(new);
    sort_by(&mut merged, newest_first);
    merged
}

/// Keeps the newest [`KEEP_ANNOTATED`] articles of `list` with annotations and the newest [`KEEP`]
/// without.
fn keep_newest(list: &mut Vec<Recent>) {
    keep_within(list, 0, 0);
}

/// Keeps the first articles of `list` that fit in the limits with `annotated` and `plain` articles
/// already kept.
fn keep_within(list: &mut Vec<Recent>, annotated: usize, plain: usize) {
    let (mut annotated, mut plain) = (annotated, plain);
    list.retain(|r| {
        let (seen, limit) = if r.count > 0 {
            (&mut annotated, KEEP_ANNOTATED)
        } else {
            (&mut plain, KEEP)
        };
        *seen += 1;
        *seen <= limit
    });
}

/// The articles of `list` (newest first) in the order their stored texts are kept by: those with
/// annotations first, then the others, each newest first — so texts are evicted from articles only
/// opened before any annotated article's.
pub fn keeping_order(list: &[Recent]) -> Vec<&Recent> {
    let annotated = list.iter().filter(|r| r.count > 0);
    annotated
        .chain(list.iter().filter(|r| r.count == 0))
        .collect()
}

/// The blocks of an article without a URL, stored so that it can be opened again from the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredText {
    /// `(kind, text)` per block; kind is `title`, `heading` or `paragraph`.
    pub blocks: Vec<(String, String)>,
}

/// Stored as `{"blocks":[[kind,text],…]}`.
impl Json for StoredText {
    fn write_json(&self, out: &mut String) {
        Object::new(out).field("blocks", &self.blocks).end();
    }

    fn read_json(value: Value) -> Result<Self, String> {
        Ok(StoredText {
            blocks: Fields::of(value)?.get("blocks")?,
        })
    }
}

impl StoredText {
    /// The blocks of `article`.
    pub fn of(article: &crate::core::text::article::Article) -> StoredText {
        StoredText {
            blocks: article
                .blocks
                .iter()
                .map(|b| (b.kind.name().to_string(), b.text.clone()))
                .collect(),
        }
    }

    /// The article these blocks make, named `id`.
    pub fn article(&self, id: &str) -> crate::core::text::article::Article {
        use crate::core::text::article::{Article, BlockKind};
        let blocks = self
            .blocks
            .iter()
            .map(|(k, t)| (BlockKind::of_name(k), t.clone()))
            .collect();
        Article::from_blocks(id, &format!("urn:hamish:{id}"), blocks)
    }
}
