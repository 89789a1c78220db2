//! schema.org `ClaimReview` (JSON-LD): one per claim that has a verdict, in a `@graph`. Google no
//! longer shows ClaimReview rich results and counts only one per page: the file is for fact-check
//! databases and tools, not for marking up another site's pages. Its text writes every `<` as
//! `\u003c` (`Export::write`), so a `</script>` in a quote or an address cannot end the `<script>`
//! element a site pastes it into.
//!
//! The claimant (`itemReviewed.author`) is an `Organization` or a `Person`: an entity tag's entity is
//! a `Person` when it is one of [`PERSONS`] (by registry id or Wikidata IRI) and an `Organization`
//! otherwise (the built-in entities are countries and their governments); a name typed by hand is a
//! `Person`, unless its Wikidata IRI is that of a registry entity that is an `Organization`.

use crate::core::annotations::model::{Annotation, Kind};
use crate::core::annotations::time::dated;
use crate::core::claims::claim::Claimant;
use crate::core::entities::registry::{find, Entity};
use crate::core::exchange::Export;
use crate::core::json::{Map, Value};
use crate::core::text::graphemes::cluster_start;
use crate::json;

/// The registry entities that are people: ids and Wikidata IRIs (al-Assad).
pub const PERSONS: [&str; 2] = ["al-assad", "http://www.wikidata.org/entity/Q44329"];

/// The longest `claimReviewed`, in code points (with its ellipsis).
pub const CLAIM_MAX: usize = 75;

/// `quote` with its white space collapsed, at most [`CLAIM_MAX`] code points: a longer one is cut at
/// the last word boundary that leaves room for an ellipsis (mid-word only when its first word is
/// that long, and then between two letter clusters: a letter keeps its diacritics, an emoji stays
/// whole).
pub fn shorten(quote: &str) -> String {
    let flat = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= CLAIM_MAX {
        return flat;
    }
    let room: String = flat.chars().take(CLAIM_MAX).collect();
    // Cut before the word the limit falls in (a space at the limit keeps every word before it).
    let cut = match room.rfind(' ') {
        Some(b) if b > 0 => &room[..b],
        _ => {
            let chars: Vec<char> = room.chars().collect();
            let end = room
                .char_indices()
                .nth(cluster_start(&chars, CLAIM_MAX - 1))
                .map_or(room.len(), |(b, _)| b);
            &room[..end]
        }
    };
    format!("{}…", cut.trim_end())
}

/// Whether the entity is a person (see [`PERSONS`]).
fn is_person(entity: &Entity) -> bool {
    PERSONS.contains(&entity.id.as_str())
        || entity
            .wikidata
            .as_deref()
            .is_some_and(|w| PERSONS.contains(&w))
}

/// A `Person` or `Organization` with a name and, when known, `sameAs` its Wikidata IRI.
fn party(person: bool, name: &str, wikidata: Option<&str>) -> Value {
    let mut out = Map::new();
    out.insert(
        "@type".into(),
        json!(if person { "Person" } else { "Organization" }),
    );
    out.insert("name".into(), json!(name));
    if let Some(iri) = wikidata {
        out.insert("sameAs".into(), json!(iri));
    }
    Value::Object(out)
}

/// Who made the claim, when known.
fn claimant(claim: &Annotation, export: &Export) -> Option<Value> {
    match claim.claim.claimant.as_ref()? {
        Claimant::Entity(annotation) => {
            let tag = export.annotations.iter().find(|a| a.id == *annotation)?;
            let Kind::Entity(id) = &tag.kind else {
                return None;
            };
            let entity = find(export.registry, id)?;
            Some(party(
                is_person(entity),
                entity.label(export.arabic),
                entity.wikidata.as_deref(),
            ))
        }
        Claimant::Named { name, wikidata } => {
            let organization = wikidata.as_deref().is_some_and(|w| {
                export
                    .registry
                    .iter()
                    .any(|e| e.wikidata.as_deref() == Some(w) && !is_person(e))
            });
            Some(party(!organization, name, wikidata.as_deref()))
        }
    }
}

/// The reviewer as ClaimReview's `author`: their organisation (with its website), else their name.
fn reviewer(export: &Export) -> Option<Value> {
    let r = export.reviewer;
    let (org, name, url) = (r.organization.trim(), r.name.trim(), r.url.trim());
    if !org.is_empty() {
        let mut author = party(false, org, None);
        if let (false, Some(map)) = (url.is_empty(), author.as_object_mut()) {
            map.insert("url".into(), json!(url));
        }
        Some(author)
    } else if !name.is_empty() {
        Some(party(true, name, None))
    } else {
        None
    }
}

/// The article's address with a fragment naming the claim (`#hamish-claim=<id>`, any fragment the
/// address had replaced).
pub fn claim_url(source: &str, id: &str) -> String {
    let base = source.split('#').next().unwrap_or(source);
    let id: String = id
        .chars()
        .map(|c| match c {
            '#' | '%' | ' ' | '"' | '<' | '>' => format!("%{:02X}", c as u32),
            _ => c.to_string(),
        })
        .collect();
    format!("{base}#hamish-claim={id}")
}

/// One claim's review, when it has a verdict.
fn review(claim: &Annotation, export: &Export) -> Option<Value> {
    let verdict_id = claim.claim.verdict.as_deref()?;
    let judged = export.scale.judged(verdict_id);
    let (verdict, range) = match &judged {
        Some((v, range)) => (Some(v), *range),
        None => (None, export.scale.range()),
    };
    let mut rating = Map::new();
    rating.insert("@type".into(), json!("Rating"));
    rating.insert(
        "alternateName".into(),
        json!(verdict.map_or(verdict_id, |v| v.label(export.arabic))),
    );
    if let Some(value) = verdict.and_then(|v| v.value) {
        rating.insert("ratingValue".into(), json!(value));
    }
    if let Some((best, worst)) = range {
        rating.insert("bestRating".into(), json!(best));
        rating.insert("worstRating".into(), json!(worst));
    }
    let mut item = Map::new();
    item.insert("@type".into(), json!("Claim"));
    if let Some(author) = claimant(claim, export) {
        item.insert("author".into(), author);
    }
    if let Some(date) = &claim.claim.date {
        item.insert("datePublished".into(), json!(date));
    }
    // An article opened from a file or a paste has no web address: no URL rather than its `urn:`.
    let source = export.article_url();
    if !source.is_empty() {
        item.insert(
            "appearance".into(),
            json!({ "@type": "CreativeWork", "url": source }),
        );
    }
    let mut out = Map::new();
    out.insert("@type".into(), json!("ClaimReview"));
    // The fact-check's own page when the reader gave it, else the claim in the article.
    match &claim.claim.review {
        Some(review) => out.insert("url".into(), json!(review)),
        None if !source.is_empty() => out.insert("url".into(), json!(claim_url(source, &claim.id))),
        None => None,
    };
    out.insert("claimReviewed".into(), json!(shorten(&claim.target.exact)));
    out.insert("itemReviewed".into(), Value::Object(item));
    out.insert("reviewRating".into(), Value::Object(rating));
    if let Some(author) = reviewer(export) {
        out.insert("author".into(), author);
    }
    if let Some(day) = claim
        .claim
        .verdict_at
        .as_deref()
        .filter(|t| dated(t))
        .and_then(|t| t.get(..10))
        .filter(|d| crate::core::claims::claim::claim_date(d).is_ok_and(|d| d.is_some()))
    {
        out.insert("datePublished".into(), json!(day));
    }
    Some(Value::Object(out))
}

/// The reviews of every claim with a verdict, in reading order, as one JSON-LD document.
pub fn claim_reviews(export: &Export) -> Value {
    let graph: Vec<Value> = export
        .claims()
        .into_iter()
        .filter_map(|c| review(c, export))
        .collect();
    json!({ "@context": "https://schema.org", "@graph": graph })
}
