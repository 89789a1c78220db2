//! A backup of everything a reader keeps in this browser — every article's entry (annotations,
//! rejections, tombstones) and the reader's own entities — in one JSON file, so they can move to
//! another browser or survive "clear site data". Restoring merges each article's entry with what is
//! stored (see [`merge`]): a backup never writes over newer work.

use crate::core::json::Value;
use crate::core::storage::entry::{decode, encode, Decoded, Stored};
use crate::core::storage::json::{pretty, Fields, Object};
use crate::core::storage::merge::merge;

/// What a backup file says it is.
pub const FORMAT: &str = "hamish-backup";

/// The backup format's version this build writes and reads.
pub const VERSION: u32 = 1;

/// Why a file could not be restored (nothing changed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    /// It is not JSON (the parser's message).
    NotJson(String),
    /// It is JSON but not a Hamish backup of a version this build reads.
    NotABackup,
}

/// A backup read from a file.
#[derive(Debug, PartialEq)]
pub struct Backup {
    /// Each article's id and what was kept for it (unusable entries are left out).
    pub articles: Vec<(String, Stored)>,
    /// The reader's own entities as stored (`None` when the backup had none).
    pub entities: Option<String>,
}

/// Whether `text` looks like a backup (so Import can tell it from annotations).
pub fn is_backup(text: &str) -> bool {
    crate::core::json::from_str(text)
        .is_ok_and(|v| v.get("format").and_then(Value::as_str) == Some(FORMAT))
}

/// The backup file of `entries` (each article's id and raw stored entry) and the raw stored
/// entities, made at time `exported`: `{"format","version","exported","entities","articles":[{"id",
/// "entry"}]}`, laid out on lines; an entry or the entities that are not JSON are left out.
pub fn write(entries: &[(String, String)], entities: Option<&str>, exported: &str) -> String {
    let json = |raw: &str| crate::core::json::from_str(raw).ok();
    let mut articles = String::from("[");
    for (id, entry) in entries
        .iter()
        .filter_map(|(id, raw)| Some((id, json(raw)?)))
    {
        if articles.len() > 1 {
            articles.push(',');
        }
        Object::new(&mut articles)
            .str("id", id)
            .field("entry", &entry)
            .end();
    }
    articles.push(']');
    let mut out = String::new();
    Object::new(&mut out)
        .str("format", FORMAT)
        .num("version", VERSION.into())
        .str("exported", exported)
        .field("entities", &entities.and_then(json).unwrap_or(Value::Null))
        .raw("articles", &articles)
        .end();
    pretty(&out)
}

/// A backup file's fields: the articles' ids and entries, and the entities (`null` when none).
fn read_file(file: Value) -> Option<(Vec<(String, Value)>, Value)> {
    let mut f = Fields::of(file).ok()?;
    let format: String = f.get("format").ok()?;
    let version = f.take("version").ok()?.as_u64()?;
    f.get::<String>("exported").ok()?;
    if format != FORMAT || version != u64::from(VERSION) {
        return None;
    }
    let entities = f.or("entities", || Value::Null).ok()?;
    let Value::Array(items) = f.take("articles").ok()? else {
        return None;
    };
    let articles = items
        .into_iter()
        .map(|a| {
            let mut a = Fields::of(a).ok()?;
            Some((a.get("id").ok()?, a.take("entry").ok()?))
        })
        .collect::<Option<Vec<_>>>()?;
    Some((articles, entities))
}

/// Reads a backup file.
pub fn read(text: &str) -> Result<Backup, BackupError> {
    let file =
        crate::core::json::from_str(text).map_err(|e| BackupError::NotJson(e.to_string()))?;
    let (articles, entities) = read_file(file).ok_or(BackupError::NotABackup)?;
    let articles = articles
        .into_iter()
        .filter_map(|(id, entry)| match decode(Some(&entry.to_string())) {
            Decoded::Stored(stored) => Some((id, stored)),
            Decoded::Unusable(_) => None,
        })
        .collect();
    let entities = (!entities.is_null()).then(|| entities.to_string());
    Ok(Backup { articles, entities })
}

/// The entry to store for `article` after restoring `backed_up` over what is stored (`stored`, if
/// any), with tombstones older than `prune_before` dropped; `None` when nothing changes.
pub fn restore(
    article: &str,
    backed_up: &Stored,
    stored: Option<&Stored>,
    prune_before: i64,
) -> Option<String> {
    let merged = match stored {
        Some(current) => merge(current, backed_up, prune_before),
        None => merge(backed_up, &Stored::default(), prune_before),
    };
    (Some(&merged) != stored).then(|| encode(article, &merged))
}
