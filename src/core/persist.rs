//! The stored form of an article's annotations: one versioned JSON entry per article.

use crate::core::model::Annotation;
use serde::{Deserialize, Serialize};

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

/// Storage key of an article's entry.
pub fn entry_key(article_id: &str) -> String {
    format!("hamish:v1:annotations:{article_id}")
}

/// Storage key a bad entry is moved to before Hamish starts clean; `stamp` keeps backups apart.
pub fn backup_key(article_id: &str, stamp: &str) -> String {
    format!("hamish:backup:{stamp}:{article_id}")
}

#[derive(Serialize, Deserialize)]
struct Entry {
    schema: u32,
    article: String,
    annotations: Vec<Annotation>,
}

/// What reading an entry gave.
#[derive(Debug, PartialEq)]
pub enum Decoded {
    /// The annotations of a valid entry (empty when there was no entry).
    Annotations(Vec<Annotation>),
    /// The entry cannot be used; the reason says why. The raw entry must be kept as a backup.
    Unusable(String),
}

/// Serializes an article's annotations as a storage entry.
pub fn encode(article_id: &str, annotations: &[Annotation]) -> String {
    let entry = Entry {
        schema: SCHEMA_VERSION,
        article: article_id.into(),
        annotations: annotations.to_vec(),
    };
    serde_json::to_string(&entry).unwrap_or_default()
}

/// Reads a storage entry (`None`: there is none).
pub fn decode(raw: Option<&str>) -> Decoded {
    let Some(raw) = raw else {
        return Decoded::Annotations(Vec::new());
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
        Ok(entry) => Decoded::Annotations(entry.annotations),
        Err(e) => Decoded::Unusable(format!("malformed entry ({e})")),
    }
}
