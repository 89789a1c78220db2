//! The JSON shapes every W3C writer builds (the export, a claim's details, the Hypothesis and doccano
//! converters) — bodies and selectors: one function each, so that each shape is built by one copy of
//! the code.

use crate::core::json::{Map, Value};
use crate::json;

/// `{"type": kind, "purpose": purpose, key: value}`.
fn body(kind: &str, purpose: &str, key: &str, value: &str) -> Map {
    let mut out = Map::new();
    out.insert("type".into(), Value::String(kind.into()));
    out.insert("purpose".into(), Value::String(purpose.into()));
    out.insert(key.into(), Value::String(value.into()));
    out
}

/// A `TextualBody`: `{"type": "TextualBody", "purpose": purpose, "value": value}`.
pub fn textual(purpose: &str, value: &str) -> Value {
    Value::Object(body("TextualBody", purpose, "value", value))
}

/// A [`textual`] body with `"format": "text/plain"`, and `"language": "en"` when `english`.
pub fn plain(purpose: &str, value: &str, english: bool) -> Value {
    let mut out = body("TextualBody", purpose, "value", value);
    out.insert("format".into(), Value::String("text/plain".into()));
    if english {
        out.insert("language".into(), Value::String("en".into()));
    }
    Value::Object(out)
}

/// A `SpecificResource` body: `{"type": "SpecificResource", "purpose": purpose, "source": source}`,
/// with `"stance": stance` when given (evidence).
pub fn resource(purpose: &str, source: &str, stance: Option<&str>) -> Value {
    let mut out = body("SpecificResource", purpose, "source", source);
    if let Some(stance) = stance {
        out.insert("stance".into(), Value::String(stance.into()));
    }
    Value::Object(out)
}

/// A `TextQuoteSelector`: the quote with the text before and after it.
pub fn quote_selector(exact: &str, prefix: &str, suffix: &str) -> Value {
    json!({ "type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix })
}

/// A `TextPositionSelector`: code-point offsets in the article.
pub fn position_selector(start: usize, end: usize) -> Value {
    json!({ "type": "TextPositionSelector", "start": start, "end": end })
}
