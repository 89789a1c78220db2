//! Export in the W3C Web Annotation Data Model (JSON-LD, `http://www.w3.org/ns/anno.jsonld`).

use crate::core::annotations::model::{Annotation, Kind};
use crate::core::collections::sort::sort_by;
use crate::core::entities::registry::{find, Entity};
use crate::core::json::Value;
use crate::core::text::article::Article;
use crate::core::w3c::{claims, shapes};
use crate::json;

/// The JSON-LD context of every export.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// Hamish's own properties (an evidence link's `stance`, a claim's `claimDate`, an orphan's
/// `detached`) named as IRIs beside the Web Annotation context, so that a JSON-LD processor keeps
/// them instead of dropping terms no context defines.
fn own_terms() -> Value {
    json!({
        "stance": "urn:hamish:terms:stance",
        "claimDate": "urn:hamish:terms:claimDate",
        "detached": "urn:hamish:terms:detached"
    })
}

/// The bodies that say what an annotation is: a claim is `classifying` with the value `claim`; an
/// entity tag is a `tagging` TextualBody with the entity's English label, plus an `identifying`
/// SpecificResource pointing at its Wikidata item when it has one; a note is a `commenting` body.
fn bodies(annotation: &Annotation, registry: &[Entity]) -> Vec<Value> {
    let mut out = Vec::new();
    match &annotation.kind {
        Kind::Claim => out.push(shapes::plain("classifying", "claim", true)),
        Kind::Entity(id) => {
            let entity = find(registry, id);
            let label = entity.map_or(id.as_str(), |e| e.label_en.as_str());
            // An entity named in Arabic only is tagged by that name, not marked as English.
            let english = entity.is_none_or(|e| !e.given_names().1.is_empty());
            out.push(shapes::plain("tagging", label, english));
            if let Some(iri) = entity.and_then(|e| e.wikidata.as_deref()) {
                out.push(shapes::resource("identifying", iri, None));
            }
        }
    }
    if annotation.kind == Kind::Claim {
        out.extend(claims::bodies(&annotation.claim));
    }
    if !annotation.note.trim().is_empty() {
        out.push(shapes::plain("commenting", &annotation.note, false));
    }
    out
}

/// One annotation as a W3C `Annotation` (without `@context`: it inherits the collection's).
pub fn annotation_json(annotation: &Annotation, article: &Article, registry: &[Entity]) -> Value {
    let motivation = match annotation.kind {
        Kind::Claim => "classifying",
        Kind::Entity(_) => "tagging",
    };
    let (target, span) = (&annotation.target, annotation.span());
    let selectors = vec![
        shapes::quote_selector(&target.exact, &target.prefix, &target.suffix),
        shapes::position_selector(span.start, span.end),
    ];
    // The language and direction of the paragraph it is on (an English quote in an Arabic article).
    let (lang, dir) = if annotation.orphan {
        (article.lang.as_str(), article.dir.as_str())
    } else {
        (article.lang_at(span.start), article.dir_at(span.start))
    };
    let mut value = json!({
        "id": annotation.id,
        "type": "Annotation",
        "motivation": motivation,
        "created": annotation.created,
        "modified": annotation.modified,
        "generator": { "id": "urn:hamish:generator", "type": "Software", "name": "Hamish" },
        "body": bodies(annotation, registry),
        "target": {
            "type": "SpecificResource",
            "source": article.source,
            "language": lang,
            "textDirection": dir,
            "selector": selectors
        }
    });
    if let Some(map) = value.as_object_mut() {
        if let (Kind::Claim, Some(date)) = (&annotation.kind, &annotation.claim.date) {
            map.insert("claimDate".into(), json!(date));
        }
        // The reader said the words it was found on are not its own: an import keeps it an orphan.
        if annotation.detached {
            map.insert("detached".into(), Value::Bool(true));
        }
    }
    value
}

/// The whole export: an `AnnotationCollection` whose one page holds every annotation in reading order.
/// `export_id` is a fresh IRI for this export and `generated` the time of export.
pub fn export_collection(
    annotations: &[Annotation],
    article: &Article,
    registry: &[Entity],
    export_id: &str,
    generated: &str,
) -> Value {
    let mut ordered: Vec<&Annotation> = annotations.iter().collect();
    sort_by(&mut ordered, |a, b| Annotation::reading_order(a, b));
    let links = ordered
        .iter()
        .filter(|a| a.kind == Kind::Claim)
        .filter_map(|a| claims::claimant_link(a, annotations));
    let items: Vec<Value> = ordered
        .iter()
        .map(|a| annotation_json(a, article, registry))
        .chain(links)
        .collect();
    json!({
        "@context": [CONTEXT, own_terms()],
        "id": export_id,
        "type": "AnnotationCollection",
        "label": article.title(),
        "generated": generated,
        "total": items.len(),
        "first": {
            "id": format!("{export_id}#page1"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items
        }
    })
}
