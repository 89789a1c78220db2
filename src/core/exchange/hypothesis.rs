//! Hypothesis API JSON in: a search result `{"total", "rows": […]}`, a single row, or an array of
//! rows, each with `id`, `text`, `tags`, `created`, `updated` and `target[].source` /
//! `target[].selector[]`. Each row becomes a W3C annotation: id `urn:x-hypothesis:<id>` (so importing
//! the same file again changes nothing), `text` the note, a tag naming a known entity (id, label in
//! either language, or Wikidata IRI) an entity tag, otherwise a claim; `TextQuoteSelector` and
//! `TextPositionSelector` are kept (`RangeSelector`, which names DOM nodes, is not).

use crate::core::entities::registry::Entity;
use crate::core::exchange::Foreign;
use crate::core::json::{Map, Value};
use crate::core::w3c::import::{entity_for, ImportError};
use crate::core::w3c::shapes;
use crate::json;

/// The most rows read from one file.
pub const MAX_ROWS: usize = 10_000;

/// Whether a row looks like Hypothesis's: an object with a `target`, none of the W3C model's `type`
/// or `@context`, and one of Hypothesis's own fields.
fn is_row(v: &Value) -> bool {
    let Some(o) = v.as_object() else {
        return false;
    };
    o.contains_key("target")
        && !o.contains_key("type")
        && !o.contains_key("@context")
        && [
            "uri",
            "user",
            "tags",
            "links",
            "group",
            "document",
            "permissions",
        ]
        .iter()
        .any(|k| o.contains_key(k))
}

/// Whether `root` has the shape of a Hypothesis API answer or export.
pub fn is_hypothesis(root: &Value) -> bool {
    match root {
        Value::Object(o) if o.get("rows").is_some_and(Value::is_array) => {
            !o.contains_key("type") && !o.contains_key("@context")
        }
        Value::Array(items) => items.first().is_some_and(is_row),
        other => is_row(other),
    }
}

/// The rows of a Hypothesis answer (at most [`MAX_ROWS`]).
fn rows(root: &Value) -> Vec<&Value> {
    let rows: Vec<&Value> = match root {
        Value::Object(o) => match o.get("rows") {
            Some(Value::Array(items)) => items.iter().collect(),
            _ => vec![root],
        },
        Value::Array(items) => items.iter().collect(),
        _ => Vec::new(),
    };
    rows.into_iter().take(MAX_ROWS).collect()
}

/// One row as a W3C annotation.
fn annotation(row: &Value, registry: &[Entity]) -> Value {
    let mut out = Map::new();
    out.insert("type".into(), json!("Annotation"));
    if let Some(id) = row
        .get("id")
        .and_then(Value::as_str)
        .filter(|id| !id.is_empty())
    {
        out.insert("id".into(), json!(format!("urn:x-hypothesis:{id}")));
    }
    for (from, to) in [("created", "created"), ("updated", "modified")] {
        if let Some(t) = row.get(from).and_then(Value::as_str) {
            out.insert(to.into(), json!(t));
        }
    }
    let mut bodies = Vec::new();
    let tags = row.get("tags").and_then(Value::as_array);
    let entity = tags
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .find_map(|t| entity_for(registry, t));
    match entity {
        Some(e) => bodies.push(shapes::textual("tagging", &e.id)),
        None => bodies.push(shapes::textual("classifying", "claim")),
    }
    if let Some(text) = row
        .get("text")
        .and_then(Value::as_str)
        .filter(|t| !t.trim().is_empty())
    {
        bodies.push(shapes::textual("commenting", text));
    }
    out.insert("body".into(), Value::Array(bodies));
    let targets: Vec<Value> = match row.get("target") {
        Some(Value::Array(ts)) => ts.iter().map(target).collect(),
        Some(t @ Value::Object(_)) => vec![target(t)],
        _ => Vec::new(),
    };
    if !targets.is_empty() {
        out.insert("target".into(), Value::Array(targets));
    }
    Value::Object(out)
}

/// A Hypothesis target with only the selectors Hamish reads.
fn target(t: &Value) -> Value {
    let selectors: Vec<Value> = match t.get("selector") {
        Some(Value::Array(s)) => s.clone(),
        Some(s @ Value::Object(_)) => vec![s.clone()],
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|s| {
        matches!(
            s.get("type").and_then(Value::as_str),
            Some("TextQuoteSelector" | "TextPositionSelector")
        )
    })
    .collect();
    let mut out = Map::new();
    if let Some(source) = t.get("source") {
        out.insert("source".into(), source.clone());
    }
    out.insert("selector".into(), Value::Array(selectors));
    Value::Object(out)
}

/// A Hypothesis answer as W3C annotations, one per row in the file's order.
pub fn convert(root: &Value, registry: &[Entity]) -> Result<Foreign, ImportError> {
    let annotations: Vec<Value> = rows(root)
        .into_iter()
        .map(|r| annotation(r, registry))
        .collect();
    if annotations.is_empty() {
        return Err(ImportError::NoAnnotations);
    }
    Ok(Foreign {
        places: (1..=annotations.len()).collect(),
        w3c: Value::Array(annotations).to_string(),
        rejected: Vec::new(),
        orphans_refused: false,
        by_span: false,
    })
}
