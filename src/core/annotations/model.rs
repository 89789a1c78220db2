//! The annotation record Hamish keeps for each highlighted span.

use crate::core::anchoring::selectors::TextSelector;
use crate::core::claims::claim::ClaimDetails;
use crate::core::text::span::Span;
use serde::{Deserialize, Serialize};

/// What an annotation says about its span.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The span makes a claim.
    Claim,
    /// The span names the entity with this registry id.
    Entity(String),
}

/// One annotation on the article. Stored as one flat JSON object (see [`Stored`]), the same bytes
/// Hamish has always written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Stored", into = "Stored")]
pub struct Annotation {
    /// `urn:uuid:…`
    pub id: String,
    /// Claim or entity tag.
    pub kind: Kind,
    /// Where it is: quote, context and position.
    pub target: TextSelector,
    /// The reader's note (may be empty).
    pub note: String,
    /// What a fact-checker recorded about a claim (empty for entity tags and unchecked claims).
    pub claim: ClaimDetails,
    /// ISO 8601 time with zone, e.g. `2026-11-29T10:15:30.123Z`.
    pub created: String,
    /// ISO 8601 time with zone of the last change.
    pub modified: String,
    /// True when the annotation could not be found in the current text: it keeps its last known
    /// selectors, is listed apart and is not highlighted.
    pub orphan: bool,
}

/// A deleted annotation (or withdrawn rejection): its id and when it was deleted. Kept with the
/// article's entry so that a stale copy of the annotation, written by another tab or imported, does
/// not bring it back (see the storage capability's `merge`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    /// The annotation's id (a rejected suggestion's key).
    pub id: String,
    /// RFC 3339 time of the deletion.
    pub deleted: String,
}

/// The stored form of an [`Annotation`]: flat fields in the order Hamish writes them; a missing
/// position is written as `0, 0` (an empty span, which no annotation has) and read back as missing.
#[derive(Serialize, Deserialize)]
struct Stored {
    id: String,
    kind: Kind,
    start: usize,
    end: usize,
    exact: String,
    prefix: String,
    suffix: String,
    #[serde(default)]
    note: String,
    #[serde(default, skip_serializing_if = "ClaimDetails::is_empty")]
    claim: ClaimDetails,
    created: String,
    modified: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    orphan: bool,
}

impl From<Stored> for Annotation {
    fn from(s: Stored) -> Annotation {
        Annotation {
            id: s.id,
            kind: s.kind,
            target: TextSelector {
                exact: s.exact,
                prefix: s.prefix,
                suffix: s.suffix,
                position: Some(Span::new(s.start, s.end)).filter(|p| !p.is_empty()),
            },
            note: s.note,
            claim: s.claim,
            created: s.created,
            modified: s.modified,
            orphan: s.orphan,
        }
    }
}

impl From<Annotation> for Stored {
    fn from(a: Annotation) -> Stored {
        let span = a.span();
        Stored {
            id: a.id,
            kind: a.kind,
            start: span.start,
            end: span.end,
            exact: a.target.exact,
            prefix: a.target.prefix,
            suffix: a.target.suffix,
            note: a.note,
            claim: a.claim,
            created: a.created,
            modified: a.modified,
            orphan: a.orphan,
        }
    }
}

impl Annotation {
    /// A new annotation of `kind` on the span `target` describes, created at `now`.
    pub fn new(id: String, kind: Kind, target: TextSelector, now: &str) -> Self {
        Annotation {
            id,
            kind,
            target,
            note: String::new(),
            claim: ClaimDetails::default(),
            created: now.into(),
            modified: now.into(),
            orphan: false,
        }
    }

    /// Its span in the article (its last known one for an orphan; empty when never known).
    pub fn span(&self) -> Span {
        self.target.position.unwrap_or_default()
    }

    /// Reading order: by start, then the longer span first (so an enclosing span precedes what it nests).
    pub fn reading_order(a: &Annotation, b: &Annotation) -> std::cmp::Ordering {
        let (x, y) = (a.span(), b.span());
        x.start
            .cmp(&y.start)
            .then(y.end.cmp(&x.end))
            .then_with(|| a.created.cmp(&b.created))
    }

    /// Points the annotation at the span `target` describes (it is no longer an orphan).
    pub fn attach(&mut self, target: TextSelector) {
        self.target = target;
        self.orphan = false;
    }
}
