//! doccano's JSONL, both ways. Offsets count UTF-16 units, as doccano's own do (its annotations are
//! made in the browser, by JavaScript's string indices: doccano issue #2290), not the code points of
//! the W3C selectors and Python's `str`: they differ after a character outside the Basic
//! Multilingual Plane (an emoji, a flag).
//!
//! * Out: one line for the article, `{"id", "text", "label": [[start, end, label], …], "claims":
//!   [[start, end, verdict], …]}` — `label`, the column doccano's sequence-labelling import reads,
//!   holds every span: an entity tag's registry id, or `claim`; `claims`, Hamish's own, each claim's
//!   verdict id or `null`; orphans are left out.
//! * In: one JSON object per line with a `text` and spans in `label` or `entities` (`[start, end,
//!   label]` or `{start_offset, end_offset, label}`) or `claims` (Hamish's own, the third item a
//!   verdict). A span labelled `claim` (or under `claims`) becomes a claim, one whose label names a
//!   known entity an entity tag (the W3C importer refuses other labels). Each span is anchored by its
//!   quote and context in the line's text; a line that is the article's text or a part of it also
//!   gives its position. A span not found in the open article is refused.

use crate::core::anchoring::selectors::CONTEXT_LEN;
use crate::core::annotations::model::{Annotation, Kind};
use crate::core::collections::sort::sort_by;
use crate::core::exchange::{Export, Foreign, ForeignReason, PLACE_MARK};
use crate::core::json::Value;
use crate::core::text::hash::Fnv;
use crate::core::text::units::{byte_to_cp, Utf16Map};
use crate::core::w3c::import::{ImportError, RejectReason, Rejection, FROM_SPANS};
use crate::core::w3c::shapes;
use crate::json;

/// The most lines (and spans) read from one file.
pub const MAX_LINES: usize = 10_000;

/// The longest line read, in bytes (a long article's text with its spans).
pub const MAX_LINE: usize = 2_000_000;

/// How many bytes of article are searched for lines' texts in all (beyond it, spans are anchored by
/// their quote alone).
const SEARCH_BUDGET: usize = 50_000_000;

/// Records that the item at `place` was refused.
fn refuse(out: &mut Foreign, place: usize, reason: ForeignReason) {
    out.rejected.push(Rejection {
        index: place,
        reason: RejectReason::Foreign(reason),
    });
}

/// The time imported spans are dated with: doccano records none, and a fixed one means importing the
/// same file again changes nothing (an annotation edited since is newer and stays).
pub const UNDATED: &str = crate::core::annotations::time::EPOCH;

/// The article's line.
pub fn jsonl(export: &Export) -> String {
    let mut spans: Vec<_> = export.annotations.iter().filter(|a| !a.orphan).collect();
    sort_by(&mut spans, |a, b| Annotation::reading_order(a, b));
    let units = Utf16Map::new(&export.article.text);
    let at = |a: &Annotation| {
        let span = a.span();
        (units.to_utf16(span.start), units.to_utf16(span.end))
    };
    let labels: Vec<Value> = spans
        .iter()
        .map(|a| {
            let label = match &a.kind {
                Kind::Entity(id) => id.as_str(),
                Kind::Claim => "claim",
            };
            let (start, end) = at(a);
            json!([start, end, label])
        })
        .collect();
    let claims: Vec<Value> = spans
        .iter()
        .filter(|a| a.kind == Kind::Claim)
        .map(|a| {
            let (start, end) = at(a);
            json!([start, end, a.claim.verdict])
        })
        .collect();
    let line = json!({
        "id": export.article.id,
        "text": export.article.text,
        "label": labels,
        "claims": claims,
    });
    format!("{line}\n")
}

/// Whether `v` is one doccano line: an object with a `text` and spans, and none of the W3C model's
/// `type` or `target`.
pub fn is_doccano_line(v: &Value) -> bool {
    v.as_object().is_some_and(|o| {
        o.get("text").is_some_and(Value::is_string)
            && ["label", "entities", "claims"]
                .iter()
                .any(|k| o.get(k).is_some_and(Value::is_array))
            && !o.contains_key("type")
            && !o.contains_key("target")
    })
}

/// Whether a file that is not one JSON value starts like JSONL: its first line a doccano line.
pub fn looks_like_jsonl(file: &str) -> bool {
    file.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .filter(|l| l.len() <= MAX_LINE)
        .and_then(|l| crate::core::json::from_str(l).ok())
        .is_some_and(|v| is_doccano_line(&v))
}

/// One span of a line: offsets, label, and whether it was listed as a claim.
struct Span {
    start: Option<usize>,
    end: Option<usize>,
    label: String,
    claim: bool,
}

/// The spans of a line, in the order `label`, `entities`, `claims`; a span labelled `claim` that
/// `claims` lists too (Hamish's own lines) is read once, from `claims`, with its verdict.
fn spans(line: &Value) -> Vec<Span> {
    let offset = |v: Option<&Value>| {
        v.and_then(Value::as_u64)
            .and_then(|n| usize::try_from(n).ok())
    };
    let mut out = Vec::new();
    for (key, claim) in [("label", false), ("entities", false), ("claims", true)] {
        for item in line
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let (start, end, label) = match item {
                Value::Array(parts) => (
                    offset(parts.first()),
                    offset(parts.get(1)),
                    parts.get(2).and_then(Value::as_str).unwrap_or_default(),
                ),
                Value::Object(_) => (
                    offset(item.get("start_offset")),
                    offset(item.get("end_offset")),
                    item.get("label")
                        .and_then(Value::as_str)
                        .unwrap_or_default(),
                ),
                _ => (None, None, ""),
            };
            out.push(Span {
                start,
                end,
                label: label.trim().to_string(),
                claim,
            });
        }
    }
    let listed: Vec<(Option<usize>, Option<usize>)> = out
        .iter()
        .filter(|s| s.claim)
        .map(|s| (s.start, s.end))
        .collect();
    out.retain(|s| {
        s.claim || !s.label.eq_ignore_ascii_case("claim") || !listed.contains(&(s.start, s.end))
    });
    out
}

/// A doccano file as W3C annotations, one per span, numbered by span in file order (a line that
/// cannot be read counts as one). `article` is the open article's text.
pub fn convert(file: &str, article: &str) -> Result<Foreign, ImportError> {
    let mut out = Foreign {
        w3c: String::new(),
        places: Vec::new(),
        rejected: Vec::new(),
        orphans_refused: true,
        by_span: true,
    };
    let mut annotations = Vec::new();
    let (mut place, mut lines) = (0, 0);
    // Finding each line's text in the article costs the article's length: bounded in all.
    let mut search_budget = SEARCH_BUDGET;
    for line in file.lines().map(str::trim).filter(|l| !l.is_empty()) {
        lines += 1;
        if lines > MAX_LINES || place >= MAX_LINES {
            refuse(&mut out, place + 1, ForeignReason::TooMany);
            break;
        }
        if line.len() > MAX_LINE {
            place += 1;
            refuse(&mut out, place, ForeignReason::LineTooLong);
            continue;
        }
        let value = crate::core::json::from_str(line)
            .ok()
            .filter(is_doccano_line);
        let Some(value) = value else {
            place += 1;
            refuse(&mut out, place, ForeignReason::BadLine);
            continue;
        };
        let text = value
            .get("text")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let chars: Vec<char> = text.chars().collect();
        let units = Utf16Map::new(text);
        // Where the line's text starts in the article, when it is the article or a part of it.
        let shift = if text == article {
            Some(0)
        } else if search_budget >= article.len() + text.len() {
            search_budget -= article.len() + text.len();
            article.find(text).map(|b| byte_to_cp(article, b))
        } else {
            None
        };
        let line_hash = {
            let mut h = Fnv::default();
            h.write(text.as_bytes());
            h.hex()
        };
        for span in spans(&value) {
            place += 1;
            if place > MAX_LINES {
                refuse(&mut out, place, ForeignReason::TooMany);
                break;
            }
            let cps = match (span.start, span.end) {
                (Some(s), Some(e)) if e <= units.utf16_len() => (units.to_cp(s), units.to_cp(e)),
                _ => (0, 0),
            };
            let (start, end) = match cps {
                (s, e) if s < e => (s, e),
                _ => {
                    refuse(&mut out, place, ForeignReason::BadSpan);
                    continue;
                }
            };
            let exact: String = chars[start..end].iter().collect();
            let prefix: String = chars[start.saturating_sub(CONTEXT_LEN)..start]
                .iter()
                .collect();
            let suffix: String = chars[end..(end + CONTEXT_LEN).min(chars.len())]
                .iter()
                .collect();
            let is_claim = span.claim || span.label.eq_ignore_ascii_case("claim");
            let mut bodies = vec![if is_claim {
                shapes::textual("classifying", "claim")
            } else {
                shapes::textual("tagging", &span.label)
            }];
            if span.claim && !span.label.is_empty() {
                bodies.push(shapes::textual("assessing", &span.label));
            }
            let mut selectors = vec![shapes::quote_selector(&exact, &prefix, &suffix)];
            if let Some(shift) = shift {
                selectors.push(shapes::position_selector(shift + start, shift + end));
            }
            let mut id = Fnv::default();
            id.write(line_hash.as_bytes());
            id.write(format!("{start}:{end}:{}:{is_claim}", span.label).as_bytes());
            annotations.push(json!({
                "type": "Annotation",
                "id": format!("{FROM_SPANS}{}{PLACE_MARK}{place}", id.hex()),
                "created": UNDATED,
                "modified": UNDATED,
                "body": bodies,
                "target": { "selector": selectors },
            }));
            out.places.push(place);
        }
    }
    out.w3c = Value::Array(annotations).to_string();
    Ok(out)
}
