//! The annotation record Hamish keeps for each highlighted span.

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

/// One annotation on the article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    /// `urn:uuid:…`
    pub id: String,
    /// Claim or entity tag.
    pub kind: Kind,
    /// First code point of the span in the article's text.
    pub start: usize,
    /// Code point just past the span.
    pub end: usize,
    /// The span's text (TextQuoteSelector `exact`).
    pub exact: String,
    /// Up to 32 code points before the span.
    pub prefix: String,
    /// Up to 32 code points after the span.
    pub suffix: String,
    /// The reader's note (may be empty).
    #[serde(default)]
    pub note: String,
    /// ISO 8601 time with zone, e.g. `2026-11-29T10:15:30.123Z`.
    pub created: String,
    /// ISO 8601 time with zone of the last change.
    pub modified: String,
    /// True when the annotation could not be found in the current text: it keeps its last known
    /// selectors, is listed apart and is not highlighted.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub orphan: bool,
}

impl Annotation {
    /// Reading order: by start, then the longer span first (so an enclosing span precedes what it nests).
    pub fn reading_order(a: &Annotation, b: &Annotation) -> std::cmp::Ordering {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then_with(|| a.created.cmp(&b.created))
    }
}

impl Annotation {
    /// Points the annotation at the span `selectors` describe (it is no longer an orphan).
    pub fn attach(&mut self, selectors: crate::core::anchoring::selectors::TextSelectors) {
        self.start = selectors.start;
        self.end = selectors.end;
        self.exact = selectors.exact;
        self.prefix = selectors.prefix;
        self.suffix = selectors.suffix;
        self.orphan = false;
    }

    /// The annotation's selectors as an anchoring target.
    pub fn target(&self) -> crate::core::anchoring::anchor::Target {
        crate::core::anchoring::anchor::Target {
            exact: self.exact.clone(),
            prefix: self.prefix.clone(),
            suffix: self.suffix.clone(),
            start: Some(self.start),
            end: Some(self.end),
        }
    }

    /// A new annotation of `kind` on the span `selectors` describes, created at `now`.
    pub fn new(
        id: String,
        kind: Kind,
        selectors: crate::core::anchoring::selectors::TextSelectors,
        now: &str,
    ) -> Self {
        Annotation {
            id,
            kind,
            start: selectors.start,
            end: selectors.end,
            exact: selectors.exact,
            prefix: selectors.prefix,
            suffix: selectors.suffix,
            note: String::new(),
            created: now.into(),
            modified: now.into(),
            orphan: false,
        }
    }
}
