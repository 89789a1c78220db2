//! The stored form of an article's annotations: one versioned JSON entry per article.

use crate::core::anchoring::selectors::{CONTEXT_LEN, MAX_QUOTE};
use crate::core::annotations::model::{Annotation, Tombstone};
use crate::core::claims::claim::{claimant_name, Claimant, MAX_EVIDENCE, URL_MAX};
use crate::core::entities::suggestions::Rejected;
use crate::core::json::Value;
use crate::core::storage::json::{Fields, Json, Object};
use crate::core::text::source::MAX_BYTES;

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

/// The longest note (code points) read from outside (an imported file, a stored entry): some fifty
/// pages; a note is typed by a reader, and a longer one is taken for a broken or hostile file.
pub const MAX_NOTE: usize = 100_000;

/// The largest stored entry (bytes) read: more than a browser's storage holds for a whole site.
pub const MAX_ENTRY: usize = 4 * MAX_BYTES;

/// What is kept for an article: its annotations and the suggestions the reader rejected.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stored {
    /// The annotations.
    pub annotations: Vec<Annotation>,
    /// Rejected suggestions.
    pub rejected: Vec<Rejected>,
    /// Deleted annotations and withdrawn rejections (kept so merging does not bring them back).
    pub deleted: Vec<Tombstone>,
}

impl Stored {
    /// Whether it holds anything a reader made that only the article's text leads back to
    /// (annotations or rejected suggestions; deletions alone are not).
    pub fn holds_work(&self) -> bool {
        !(self.annotations.is_empty() && self.rejected.is_empty())
    }
}

/// What reading an entry gave.
#[derive(Debug, PartialEq)]
pub enum Decoded {
    /// A valid entry (empty when there was none).
    Stored(Stored),
    /// The entry cannot be used; the reason says why. The raw entry must be kept as a backup.
    Unusable(String),
}

/// Serializes what is kept for an article as a storage entry:
/// `{"schema":1,"article":…,"annotations":[…],"rejected":[…],"deleted":[…]}`, without `rejected`
/// and `deleted` when empty.
pub fn encode(article_id: &str, stored: &Stored) -> String {
    let mut out = String::new();
    let mut o = Object::new(&mut out);
    o.num("schema", SCHEMA_VERSION.into())
        .str("article", article_id)
        .field("annotations", &stored.annotations);
    if !stored.rejected.is_empty() {
        o.field("rejected", &stored.rejected);
    }
    if !stored.deleted.is_empty() {
        o.field("deleted", &stored.deleted);
    }
    o.end();
    out
}

/// The schema version a raw entry names, when it is JSON with one.
pub fn schema_of(raw: &str) -> Option<u64> {
    crate::core::json::from_str(raw)
        .ok()
        .as_ref()
        .and_then(version)
}

/// The schema version a parsed entry names.
fn version(entry: &Value) -> Option<u64> {
    entry.get("schema").and_then(Value::as_u64)
}

/// The fields of an entry after its schema version (its `article` must be a string).
fn read_entry(entry: Value) -> Result<Stored, String> {
    let mut f = Fields::of(entry)?;
    f.get::<String>("article")?;
    Ok(Stored {
        annotations: f.get("annotations")?,
        rejected: f.or_default("rejected")?,
        deleted: f.or_default("deleted")?,
    })
}

/// Reads a storage entry (`None`: there is none). An entry over [`MAX_ENTRY`] bytes, or holding a
/// quote over [`MAX_QUOTE`] or a note over [`MAX_NOTE`] code points, is unusable (Hamish never
/// writes one; the caller keeps it as a backup). Contexts are cut to [`CONTEXT_LEN`] code points a
/// side, all Hamish writes and all anchoring uses.
pub fn decode(raw: Option<&str>) -> Decoded {
    let Some(raw) = raw else {
        return Decoded::Stored(Stored::default());
    };
    if raw.len() > MAX_ENTRY {
        return Decoded::Unusable(format!(
            "too large ({} bytes; the limit is {MAX_ENTRY})",
            raw.len()
        ));
    }
    let value = match crate::core::json::from_str(raw) {
        Ok(value) => value,
        Err(e) => return Decoded::Unusable(format!("not valid JSON ({e})")),
    };
    match version(&value) {
        Some(v) if v == u64::from(SCHEMA_VERSION) => {}
        Some(v) => return Decoded::Unusable(format!("unknown schema version {v}")),
        None => return Decoded::Unusable("no schema version".into()),
    }
    let mut stored = match read_entry(value) {
        Ok(stored) => stored,
        Err(e) => return Decoded::Unusable(format!("malformed entry ({e})")),
    };
    for (i, a) in stored.annotations.iter_mut().enumerate() {
        if let Err(reason) = within_limits(a) {
            return Decoded::Unusable(format!("annotation {} {reason}", i + 1));
        }
    }
    Decoded::Stored(stored)
}

/// What can still be read, item by item, of an entry [`decode`] found unusable: the annotations,
/// rejections and tombstones that read on their own and are within the limits (a claim's evidence
/// cut to them), when the entry is
/// JSON of this schema no larger than [`MAX_ENTRY`]; nothing otherwise. The caller keeps the raw entry
/// as a backup, so the items left out are not lost.
pub fn salvage(raw: &str) -> Stored {
    let mut stored = Stored::default();
    if raw.len() > MAX_ENTRY {
        return stored;
    }
    let Ok(value) = crate::core::json::from_str(raw) else {
        return stored;
    };
    if version(&value) != Some(u64::from(SCHEMA_VERSION)) {
        return stored;
    }
    let Ok(mut f) = Fields::of(value) else {
        return stored;
    };
    stored.annotations = readable(&mut f, "annotations");
    // A claim's evidence past the limits is cut here (the caller keeps the whole entry).
    for a in &mut stored.annotations {
        a.claim.cut_evidence();
    }
    stored.annotations.retain_mut(|a| within_limits(a).is_ok());
    stored.rejected = readable(&mut f, "rejected");
    stored.deleted = readable(&mut f, "deleted");
    stored
}

/// The items of the list field `key` that read as a `T` on their own.
pub fn readable<T: Json>(f: &mut Fields, key: &str) -> Vec<T> {
    match f.take(key) {
        Ok(Value::Array(items)) => items
            .into_iter()
            .filter_map(|item| T::read_json(item).ok())
            .collect(),
        _ => Vec::new(),
    }
}

/// Refuses a stored annotation whose quote or note is over its limit, or a claim with more evidence
/// links than [`MAX_EVIDENCE`] or one longer than [`URL_MAX`]; cuts its contexts and a claimant's
/// name (to [`crate::core::claims::claim::MAX_CLAIMANT`]).
fn within_limits(a: &mut Annotation) -> Result<(), String> {
    if !a.claim.evidence_fits() {
        return Err(format!(
            "has {} evidence links (a claim keeps at most {MAX_EVIDENCE}, each at most {URL_MAX} characters)",
            a.claim.evidence.len()
        ));
    }
    if let Some(Claimant::Named { name, .. }) = &mut a.claim.claimant {
        *name = claimant_name(name);
    }
    let quote = a.target.exact.chars().count();
    if quote > MAX_QUOTE {
        return Err(format!(
            "has a quote of {quote} characters (the limit is {MAX_QUOTE})"
        ));
    }
    let note = a.note.chars().count();
    if note > MAX_NOTE {
        return Err(format!(
            "has a note of {note} characters (the limit is {MAX_NOTE})"
        ));
    }
    let prefix = &a.target.prefix;
    if let Some((cut, _)) = prefix.char_indices().rev().nth(CONTEXT_LEN - 1) {
        a.target.prefix = prefix[cut..].to_string();
    }
    if let Some((cut, _)) = a.target.suffix.char_indices().nth(CONTEXT_LEN) {
        a.target.suffix.truncate(cut);
    }
    Ok(())
}
