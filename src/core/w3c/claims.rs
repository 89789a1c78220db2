//! A claim's fact-checking details in the W3C model, both ways:
//!
//! * verdict — a `TextualBody` with `"purpose": "assessing"` whose `value` is the verdict's id in its
//!   scale (e.g. `"false"`) and whose `created` is when it was given (read back; a file without it
//!   gives the annotation's `modified`);
//! * status — a `TextualBody` with `"purpose": "moderating"`, value `unverified`, `in-review` or
//!   `checked` (written whenever anything is recorded about the claim);
//! * check-worthiness — a `classifying` `TextualBody`, value `check-worthy` or `not-check-worthy`;
//! * evidence — `{"type": "SpecificResource", "purpose": "linking", "source": URL, "stance": …}`,
//!   the stance (`supports`, `refutes`, `context`) in Hamish's own `stance` property;
//! * a claimant typed by name — an `identifying` `TextualBody` with the name, plus an `identifying`
//!   `SpecificResource` whose `source` is its Wikidata IRI when given;
//! * a claimant that is one of the article's entity annotations — a separate annotation,
//!   `"motivation": "linking"`, body `{"type": "TextualBody", "purpose": "tagging", "value":
//!   "attributedTo"}`, target `[claim id, entity annotation id]`;
//! * the claim's date — Hamish's own `claimDate` property of the annotation (`YYYY-MM-DD`);
//! * where its fact-check is published — `{"type": "SpecificResource", "purpose": "assessing",
//!   "source": URL}`: the assessment is at that address.

use crate::core::annotations::model::Annotation;
use crate::core::annotations::time::dated;
use crate::core::claims::claim::{
    claim_date, claimant_name, evidence_url, ClaimDetails, Claimant, Evidence, Stance, Status,
    MAX_EVIDENCE,
};
use crate::core::json::Value;
use crate::core::w3c::shapes;
use crate::json;

/// The value of the claimant link's `tagging` body.
pub const ATTRIBUTED_TO: &str = "attributedTo";

/// The bodies that carry a claim's details (none when nothing is recorded).
pub fn bodies(claim: &ClaimDetails) -> Vec<Value> {
    if claim.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    if let Some(worthy) = claim.check_worthy {
        let value = if worthy {
            "check-worthy"
        } else {
            "not-check-worthy"
        };
        out.push(shapes::plain("classifying", value, false));
    }
    if let Some(verdict) = &claim.verdict {
        let mut body = shapes::plain("assessing", verdict, false);
        // When the verdict was given, if known: the model allows lifecycle times on a body too.
        let at = claim.verdict_at.as_ref().filter(|t| dated(t));
        if let (Value::Object(fields), Some(at)) = (&mut body, at) {
            fields.insert("created".into(), Value::String(at.clone()));
        }
        out.push(body);
    }
    out.push(shapes::plain("moderating", claim.status.name(), false));
    if let Some(Claimant::Named { name, wikidata }) = &claim.claimant {
        out.push(shapes::plain("identifying", name, false));
        if let Some(iri) = wikidata {
            out.push(shapes::resource("identifying", iri, None));
        }
    }
    for e in &claim.evidence {
        out.push(shapes::resource("linking", &e.url, Some(e.stance.name())));
    }
    if let Some(url) = &claim.review {
        out.push(shapes::resource("assessing", url, None));
    }
    out
}

/// The linking annotation that attributes `claim` to the entity annotation it names as claimant,
/// when it names one that is among `annotations`.
pub fn claimant_link(claim: &Annotation, annotations: &[Annotation]) -> Option<Value> {
    let Some(Claimant::Entity(entity)) = &claim.claim.claimant else {
        return None;
    };
    annotations.iter().find(|a| a.id == *entity)?;
    Some(json!({
        "id": format!("{}#attributedTo", claim.id),
        "type": "Annotation",
        "motivation": "linking",
        "created": claim.modified,
        "modified": claim.modified,
        "body": { "type": "TextualBody", "purpose": "tagging", "value": ATTRIBUTED_TO },
        "target": [claim.id, entity]
    }))
}

/// `(claim id, entity annotation id)` when `annotation` is a claimant link.
pub fn read_link(annotation: &Value) -> Option<(String, String)> {
    let motivations = list(annotation.get("motivation"));
    if !motivations.iter().any(|m| m.as_str() == Some("linking")) {
        return None;
    }
    let tagged = list(annotation.get("body")).iter().any(|b| {
        list(b.get("purpose"))
            .iter()
            .any(|p| p.as_str() == Some("tagging"))
            && b.get("value").and_then(Value::as_str) == Some(ATTRIBUTED_TO)
    });
    let targets: Vec<&str> = list(annotation.get("target"))
        .iter()
        .filter_map(|t| t.as_str().or_else(|| t.get("id").and_then(Value::as_str)))
        .collect();
    match (tagged, targets.as_slice()) {
        (true, [claim, entity]) => Some(((*claim).to_string(), (*entity).to_string())),
        _ => None,
    }
}

/// An entity tag's id and the claimant it names, by its `tagging` label and `identifying` Wikidata
/// IRI: what a claim attributed to it keeps when the tag itself cannot be imported (its entity is not
/// known here).
pub fn tag_as_claimant(annotation: &Value) -> Option<(String, Claimant)> {
    let (mut name, mut wikidata) = (None, None);
    for body in list(annotation.get("body")) {
        let has = |p: &str| {
            list(body.get("purpose"))
                .iter()
                .any(|x| x.as_str() == Some(p))
        };
        match (
            body.get("value").and_then(Value::as_str),
            body.get("source").and_then(Value::as_str),
        ) {
            (Some(v), _) if has("tagging") && !v.trim().is_empty() => {
                name = Some(claimant_name(v.trim()))
            }
            (_, Some(iri)) if has("identifying") => {
                wikidata = crate::core::entities::registry::wikidata_iri(iri)
                    .ok()
                    .flatten()
            }
            _ => {}
        }
    }
    let id = annotation.get("id").and_then(Value::as_str)?;
    Some((
        id.to_string(),
        Claimant::Named {
            name: name?,
            wikidata,
        },
    ))
}

/// A claim's details read from an annotation's bodies and `claimDate` (what is not valid is left out).
pub fn read(annotation: &Value) -> ClaimDetails {
    let mut claim = ClaimDetails::default();
    let (mut name, mut wikidata) = (None, None);
    for body in list(annotation.get("body")) {
        let purposes: Vec<&str> = list(body.get("purpose"))
            .iter()
            .filter_map(|p| p.as_str())
            .collect();
        let value = body.get("value").and_then(Value::as_str).map(str::trim);
        let source = body.get("source").and_then(Value::as_str);
        let has = |p: &str| purposes.contains(&p);
        match (value, source) {
            (Some("check-worthy"), _) if has("classifying") => claim.check_worthy = Some(true),
            (Some("not-check-worthy"), _) if has("classifying") => claim.check_worthy = Some(false),
            (Some(v), _) if has("assessing") && !v.is_empty() => {
                claim.verdict = Some(v.to_string());
                claim.verdict_at = body
                    .get("created")
                    .and_then(Value::as_str)
                    .map(str::to_string);
            }
            (Some(v), _) if has("moderating") => {
                if let Some(status) = Status::from_name(v) {
                    claim.status = status;
                }
            }
            (Some(v), None) if has("identifying") && !v.is_empty() => name = Some(claimant_name(v)),
            (_, Some(iri)) if has("identifying") => {
                wikidata = crate::core::entities::registry::wikidata_iri(iri)
                    .ok()
                    .flatten()
            }
            (None, Some(url)) if has("assessing") => claim.review = evidence_url(url).ok(),
            (_, Some(url)) if has("linking") => {
                if let Some(url) = evidence_url(url)
                    .ok()
                    .filter(|_| claim.evidence.len() < MAX_EVIDENCE)
                {
                    let stance = body
                        .get("stance")
                        .and_then(Value::as_str)
                        .and_then(Stance::from_name)
                        .unwrap_or(Stance::Context);
                    claim.evidence.push(Evidence { url, stance });
                }
            }
            _ => {}
        }
    }
    if let Some(name) = name {
        claim.claimant = Some(Claimant::Named { name, wikidata });
    }
    claim.date = annotation
        .get("claimDate")
        .and_then(Value::as_str)
        .and_then(|d| claim_date(d).ok().flatten());
    if claim.verdict.is_some() && claim.verdict_at.is_none() {
        claim.verdict_at = annotation
            .get("modified")
            .and_then(Value::as_str)
            .map(str::to_string);
    }
    claim
}

/// How many evidence links of an annotation's bodies [`read`] leaves out: not web addresses,
/// addresses that could pose as another (see [`evidence_url`]), or those past [`MAX_EVIDENCE`].
pub fn refused_links(annotation: &Value) -> usize {
    let (refused, kept): (Vec<&str>, Vec<&str>) = list(annotation.get("body"))
        .iter()
        .filter(|body| {
            list(body.get("purpose"))
                .iter()
                .any(|p| p.as_str() == Some("linking"))
        })
        .filter_map(|body| body.get("source").and_then(Value::as_str))
        .partition(|url| evidence_url(url).is_err());
    refused.len() + kept.len().saturating_sub(MAX_EVIDENCE)
}

/// Whether a body is one of a claim's details (so it is neither a tag nor a note).
pub fn is_claim_body(body: &Value) -> bool {
    let purposes: Vec<&str> = list(body.get("purpose"))
        .iter()
        .filter_map(|p| p.as_str())
        .collect();
    let value = body.get("value").and_then(Value::as_str);
    purposes
        .iter()
        .any(|p| matches!(*p, "assessing" | "moderating" | "linking"))
        || (purposes.contains(&"classifying")
            && matches!(value, Some("check-worthy" | "not-check-worthy")))
}

fn list(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(other) => vec![other],
        None => vec![],
    }
}
