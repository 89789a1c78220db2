//! A backup of everything a reader keeps in this browser — every article's entry (annotations,
//! rejections, tombstones) and the reader's own entities — in one JSON file, so they can move to
//! another browser or survive "clear site data". Restoring merges each article's entry with what is
//! stored (see [`merge`]): a backup never writes over newer work.

use crate::core::storage::entry::{decode, encode, Decoded, Stored};
use crate::core::storage::merge::merge;
use serde::{Deserialize, Serialize};
use serde_json::Value;

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

#[derive(Serialize, Deserialize)]
struct File {
    format: String,
    version: u32,
    exported: String,
    /// The reader's own entities, as stored.
    #[serde(default)]
    entities: Value,
    articles: Vec<Article>,
}

#[derive(Serialize, Deserialize)]
struct Article {
    id: String,
    /// The article's stored entry, as stored.
    entry: Value,
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
    #[derive(Deserialize)]
    struct Head {
        format: String,
    }
    serde_json::from_str::<Head>(text).is_ok_and(|h| h.format == FORMAT)
}

/// The backup file of `entries` (each article's id and raw stored entry) and the raw stored
/// entities, made at time `exported`.
pub fn write(entries: &[(String, String)], entities: Option<&str>, exported: &str) -> String {
    let articles = entries
        .iter()
        .filter_map(|(id, raw)| {
            Some(Article {
                id: id.clone(),
                entry: serde_json::from_str(raw).ok()?,
            })
        })
        .collect();
    let file = File {
        format: FORMAT.into(),
        version: VERSION,
        exported: exported.into(),
        entities: entities
            .and_then(|e| serde_json::from_str(e).ok())
            .unwrap_or(Value::Null),
        articles,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads a backup file.
pub fn read(text: &str) -> Result<Backup, BackupError> {
    let file: File = serde_json::from_str(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            BackupError::NotJson(e.to_string())
        } else {
            BackupError::NotABackup
        }
    })?;
    if file.format != FORMAT || file.version != VERSION {
        return Err(BackupError::NotABackup);
    }
    let articles = file
        .articles
        .into_iter()
        .filter_map(|a| match decode(Some(&a.entry.to_string())) {
            Decoded::Stored(stored) => Some((a.id, stored)),
            Decoded::Unusable(_) => None,
        })
        .collect();
    let entities = (!file.entities.is_null()).then(|| file.entities.to_string());
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
