//! The stored form of an article's annotations: one versioned JSON entry per article.

use crate::core::annotations::model::{Annotation, Tombstone};
use crate::core::entities::suggestions::Rejected;
use serde::{Deserialize, Serialize};

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Entry {
    schema: u32,
    article: String,
    annotations: Vec<Annotation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    rejected: Vec<Rejected>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    deleted: Vec<Tombstone>,
}

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

/// What reading an entry gave.
#[derive(Debug, PartialEq)]
pub enum Decoded {
    /// A valid entry (empty when there was none).
    Stored(Stored),
    /// The entry cannot be used; the reason says why. The raw entry must be kept as a backup.
    Unusable(String),
}

/// Serializes what is kept for an article as a storage entry.
pub fn encode(article_id: &str, stored: &Stored) -> String {
    let entry = Entry {
        schema: SCHEMA_VERSION,
        article: article_id.into(),
        annotations: stored.annotations.clone(),
        rejected: stored.rejected.clone(),
        deleted: stored.deleted.clone(),
    };
    serde_json::to_string(&entry).unwrap_or_default()
}

/// The schema version a raw entry names, when it is JSON with one.
pub fn schema_of(raw: &str) -> Option<u64> {
    #[derive(Deserialize)]
    struct Version {
        schema: u64,
    }
    serde_json::from_str::<Version>(raw).ok().map(|v| v.schema)
}

/// Reads a storage entry (`None`: there is none).
pub fn decode(raw: Option<&str>) -> Decoded {
    let Some(raw) = raw else {
        return Decoded::Stored(Stored::default());
    };
    let value: serde_json::Value = match serde_json::from_str(raw) {
        Ok(v) => v,
        Err(e) => return Decoded::Unusable(format!("not valid JSON ({e})")),
    };
    match value.get("schema").and_then(serde_json::Value::as_u64) {
        Some(v) if v == u64::from(SCHEMA_VERSION) => {}
        Some(v) => return Decoded::Unusable(format!("unknown schema version {v}")),
        None => return Decoded::Unusable("no schema version".into()),
    }
    match serde_json::from_value::<Entry>(value) {
        Ok(entry) => Decoded::Stored(Stored {
            annotations: entry.annotations,
            rejected: entry.rejected,
            deleted: entry.deleted,
        }),
        Err(e) => Decoded::Unusable(format!("malformed entry ({e})")),
    }
}
