//! Importing W3C Web Annotations: Hamish's own export and other tools'. Accepts an
//! `AnnotationCollection`, an `AnnotationPage`, a single `Annotation` or an array of them; each
//! annotation needs a `TextQuoteSelector` or a `TextPositionSelector` (either alone is enough).

use crate::core::anchoring::anchor::{anchor_all_in, Anchor, Anchorer};
use crate::core::anchoring::selectors::{describe_chars, TextSelector, CONTEXT_LEN, MAX_QUOTE};
use crate::core::annotations::model::{Annotation, Kind};
use crate::core::entities::registry::Entity;
use crate::core::storage::entry::MAX_NOTE;
use crate::core::text::span::Span;
use serde_json::Value;
use std::collections::HashMap;

/// The most annotations read from one file; those after are rejected together (one rejection),
/// which keeps an import of a hostile file to a few seconds of anchoring.
pub const MAX_IMPORT: usize = 10_000;

/// The longest id (code points) kept; a longer one is replaced by a new id, like an unusable one.
const MAX_ID: usize = 256;

/// An annotation that could not be imported: its place in the file (1-based) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    /// 1-based position among the file's annotations.
    pub index: usize,
    /// What is wrong with it.
    pub reason: String,
}

/// The annotations a file holds, anchored to the current article, and those it could not use.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// Usable annotations; those not found in the article are orphans.
    pub annotations: Vec<Annotation>,
    /// Unusable ones, with reasons.
    pub rejected: Vec<Rejection>,
}

impl Parsed {
    /// How many of the usable annotations were found in the article.
    pub fn anchored(&self) -> usize {
        self.annotations.iter().filter(|a| !a.orphan).count()
    }

    /// How many of the usable annotations are orphans.
    pub fn orphaned(&self) -> usize {
        self.annotations.iter().filter(|a| a.orphan).count()
    }
}

/// How merging imported annotations into the existing ones went.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    /// New ids.
    pub added: usize,
    /// Known ids whose imported version is newer.
    pub updated: usize,
    /// Known ids whose imported version is not newer (the existing one stays).
    pub kept: usize,
}

/// The objects in `root` that stand for annotations, or an error when there are none.
fn annotation_objects(root: &Value) -> Result<Vec<&Value>, String> {
    fn collect<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
        match v {
            Value::Array(items) => items.iter().for_each(|i| collect(i, out)),
            Value::Object(o) => {
                let types: Vec<&str> = match o.get("type") {
                    Some(Value::String(t)) => vec![t.as_str()],
                    Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
                    _ => vec![],
                };
                if types.contains(&"AnnotationCollection") {
                    if let Some(first) = o.get("first") {
                        collect(first, out);
                    }
                    if let Some(items) = o.get("items") {
                        collect(items, out);
                    }
                } else if types.contains(&"AnnotationPage") {
                    if let Some(items) = o.get("items") {
                        collect(items, out);
                    }
                } else if types.contains(&"Annotation") || o.contains_key("target") {
                    out.push(v);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    collect(root, &mut out);
    if out.is_empty() {
        Err("it holds no annotations (expected a W3C AnnotationCollection, AnnotationPage, Annotation or an array of them)".into())
    } else {
        Ok(out)
    }
}

/// `v` as a list: an array's items, or `v` itself.
fn as_list(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(other) => vec![other],
        None => vec![],
    }
}

fn has_type(v: &Value, t: &str) -> bool {
    match v.get("type") {
        Some(Value::String(s)) => s == t,
        Some(Value::Array(ts)) => ts.iter().any(|x| x.as_str() == Some(t)),
        _ => false,
    }
}

/// The quote and position selectors of an annotation's target.
fn target_of(annotation: &Value) -> Result<TextSelector, String> {
    let targets = as_list(annotation.get("target"));
    if targets.is_empty() {
        return Err("it has no target".into());
    }
    let selectors: Vec<&Value> = targets
        .iter()
        .flat_map(|t| as_list(t.get("selector")))
        .collect();
    let mut target = TextSelector::default();
    for s in selectors {
        if has_type(s, "TextQuoteSelector") {
            if let Some(exact) = s
                .get("exact")
                .and_then(Value::as_str)
                .filter(|e| !e.is_empty())
            {
                let len = exact.chars().count();
                if len > MAX_QUOTE {
                    return Err(format!("its quote is longer than any article ({len} characters; the limit is {MAX_QUOTE})"));
                }
                target.exact = exact.into();
                // Context beyond what Hamish keeps (32 code points a side) only slows matching.
                let text = |key: &str| {
                    s.get(key)
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .chars()
                        .collect::<Vec<_>>()
                };
                let (prefix, suffix) = (text("prefix"), text("suffix"));
                target.prefix = prefix[prefix.len().saturating_sub(CONTEXT_LEN)..]
                    .iter()
                    .collect();
                target.suffix = suffix.iter().take(CONTEXT_LEN).collect();
            }
        } else if has_type(s, "TextPositionSelector") {
            let start = s.get("start").and_then(Value::as_u64);
            let end = s.get("end").and_then(Value::as_u64);
            if let (Some(a), Some(b)) = (start, end) {
                if let (Ok(a), Ok(b)) = (usize::try_from(a), usize::try_from(b)) {
                    if a < b {
                        target.position = Some(Span::new(a, b));
                    }
                }
            }
        }
    }
    if target.exact.is_empty() && target.position.is_none() {
        Err("its target has no usable TextQuoteSelector or TextPositionSelector".into())
    } else {
        Ok(target)
    }
}

/// The registry entity a tag names (label in either language or id, any case), or a Wikidata IRI.
fn entity_for<'a>(registry: &'a [Entity], tag: &str) -> Option<&'a Entity> {
    let tag = tag.trim();
    registry.iter().find(|e| {
        [&e.id, &e.label_en, &e.label_ar]
            .iter()
            .any(|l| l.eq_ignore_ascii_case(tag))
            || e.wikidata
                .as_deref()
                .is_some_and(|w| w == tag || w.replace("http://", "https://") == tag)
    })
}

/// What an annotation says (claim or entity) and its note, from its bodies. A `tagging` body must
/// name a known entity; a `classifying` body with the value `claim`, or no tag at all (a plain
/// highlight or comment from another tool), makes it a claim.
fn kind_and_note(annotation: &Value, registry: &[Entity]) -> Result<(Kind, String), String> {
    let mut kind = None;
    let mut notes = Vec::new();
    if let Some(text) = annotation.get("bodyValue").and_then(Value::as_str) {
        notes.push(text.to_string());
    }
    for body in as_list(annotation.get("body")) {
        let purposes: Vec<&str> = as_list(body.get("purpose"))
            .into_iter()
            .filter_map(Value::as_str)
            .collect();
        let value = body.get("value").and_then(Value::as_str);
        let source = body
            .get("source")
            .and_then(Value::as_str)
            .or_else(|| body.get("id").and_then(Value::as_str));
        if purposes.contains(&"tagging") || purposes.contains(&"identifying") {
            let named = value.or(source).unwrap_or_default();
            match value
                .and_then(|v| entity_for(registry, v))
                .or_else(|| source.and_then(|s| entity_for(registry, s)))
            {
                Some(entity) => kind = Some(Kind::Entity(entity.id.clone())),
                None if kind.is_none() && purposes.contains(&"tagging") => {
                    return Err(format!("its tag \u{ab}{named}\u{bb} is not a known entity"))
                }
                None => {}
            }
        } else if purposes.contains(&"classifying")
            && value.is_some_and(|v| v.eq_ignore_ascii_case("claim"))
        {
            kind.get_or_insert(Kind::Claim);
        } else if let Some(text) = value.filter(|v| !v.trim().is_empty()) {
            notes.push(text.to_string());
        } else if let Value::String(text) = body {
            if !text.starts_with("http") {
                notes.push(text.clone());
            }
        }
    }
    Ok((kind.unwrap_or(Kind::Claim), notes.join("\n\n")))
}

/// Reads a file's text as W3C annotations and anchors them in `text` (the current article).
/// `new_id` names annotations that have no id; `now` dates those without times. Invalid JSON, or
/// JSON without annotations, is an error and yields nothing.
pub fn parse(
    json: &str,
    text: &str,
    registry: &[Entity],
    new_id: &mut dyn FnMut() -> String,
    now: &str,
) -> Result<Parsed, String> {
    let root: Value =
        serde_json::from_str(json).map_err(|e| format!("it is not valid JSON ({e})"))?;
    let objects = annotation_objects(&root)?;
    let mut rejected = Vec::new();
    let mut accepted: Vec<(Annotation, TextSelector)> = Vec::new();
    let count = objects.len();
    for (i, object) in objects.into_iter().enumerate() {
        if i == MAX_IMPORT {
            rejected.push(Rejection {
                index: i + 1,
                reason: format!("it and the {} after it were not read: a file can hold at most {MAX_IMPORT} annotations", count - i - 1),
            });
            break;
        }
        let outcome = target_of(object)
            .and_then(|target| kind_and_note(object, registry).map(|kn| (target, kn)))
            .and_then(|(target, (kind, note))| match note.chars().count() {
                len if len > MAX_NOTE => Err(format!(
                    "its note is too long ({len} characters; the limit is {MAX_NOTE})"
                )),
                _ => Ok((target, (kind, note))),
            });
        let (target, (kind, note)) = match outcome {
            Ok(ok) => ok,
            Err(reason) => {
                rejected.push(Rejection {
                    index: i + 1,
                    reason,
                });
                continue;
            }
        };
        let field = |name: &str| object.get(name).and_then(Value::as_str).map(str::to_string);
        let created = field("created").unwrap_or_else(|| now.to_string());
        let annotation = Annotation {
            // An id must survive a space-separated attribute and a CSS selector.
            id: field("id")
                .filter(|id| {
                    !id.is_empty()
                        && id.chars().count() <= MAX_ID
                        && !id
                            .chars()
                            .any(|c| c.is_whitespace() || c == '"' || c == '\\')
                })
                .unwrap_or_else(&mut *new_id),
            kind,
            target: target.clone(),
            note,
            modified: field("modified").unwrap_or_else(|| created.clone()),
            created,
            orphan: false,
        };
        accepted.push((annotation, target));
    }
    let anchorer = Anchorer::new(text);
    let targets: Vec<TextSelector> = accepted.iter().map(|(_, t)| t.clone()).collect();
    let anchors = anchor_all_in(&anchorer, &targets);
    let annotations = accepted
        .into_iter()
        .zip(anchors)
        .map(|((mut a, _), anchor)| {
            match anchor {
                Anchor::Found { start, end, .. } => {
                    a.attach(describe_chars(anchorer.chars(), start, end))
                }
                Anchor::Orphan => a.orphan = true,
            }
            a
        })
        .collect();
    Ok(Parsed {
        annotations,
        rejected,
    })
}

/// Merges `incoming` into `existing` by id: a new id is added; for a known id the version with the
/// later `modified` wins (the existing one on a tie), so importing the same file twice changes nothing.
pub fn merge(existing: &mut Vec<Annotation>, incoming: Vec<Annotation>) -> Merged {
    let mut merged = Merged::default();
    // Each id's place in `existing`, so that merging many annotations into many stays linear.
    let mut places: HashMap<String, usize> = existing
        .iter()
        .enumerate()
        .rev()
        .map(|(i, a)| (a.id.clone(), i))
        .collect();
    for annotation in incoming {
        match places.get(&annotation.id).map(|&i| &mut existing[i]) {
            Some(current) if annotation.modified > current.modified => {
                *current = annotation;
                merged.updated += 1;
            }
            Some(_) => merged.kept += 1,
            None => {
                places.insert(annotation.id.clone(), existing.len());
                existing.push(annotation);
                merged.added += 1;
            }
        }
    }
    merged
}
