//! Suggested entity tags: the mentions the matcher found that the reader has neither tagged nor
//! rejected. They are shown apart from tags and never exported until accepted.

use crate::core::anchoring::selectors::{describe, describe_chars};
use crate::core::annotations::model::{Annotation, Kind};
use crate::core::entities::mentions::Mention;
use crate::core::json::Value;
use crate::core::storage::json::{Fields, Json, Object};
use crate::core::text::span::Span;

/// A suggestion the reader turned down (kept with the article's annotations, so it stays rejected).
///
/// Stored as `{"entity":…,"start":…,"end":…}`: the span's fields sit beside the entity's id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// The entity's id.
    pub entity: String,
    /// Where the mention was.
    pub span: Span,
    /// RFC 3339 time of the rejection (empty in entries written before it was kept).
    pub at: String,
    /// The mention's text and context when it was rejected, so the rejection follows it when the
    /// article is edited (empty in entries written before they were kept).
    pub quote: Quote,
}

/// A mention's text with up to 32 code points of context each side.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Quote {
    /// The text.
    pub exact: String,
    /// Before it.
    pub prefix: String,
    /// After it.
    pub suffix: String,
}

impl Quote {
    /// Whether nothing was kept.
    pub fn is_empty(&self) -> bool {
        self.exact.is_empty()
    }
}

/// Stored as `{"entity","start","end","at","quote"}`, without `at` and `quote` when empty.
impl Json for Rejected {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.str("entity", &self.entity)
            .num("start", self.span.start as u64)
            .num("end", self.span.end as u64);
        if !self.at.is_empty() {
            o.str("at", &self.at);
        }
        if !self.quote.is_empty() {
            o.field("quote", &self.quote);
        }
        o.end();
    }

    fn read_json(value: Value) -> Result<Self, String> {
        let mut f = Fields::of(value)?;
        Ok(Rejected {
            entity: f.get("entity")?,
            span: Span::new(f.count("start")?, f.count("end")?),
            at: f.or_default("at")?,
            quote: f.or_default("quote")?,
        })
    }
}

impl Json for Quote {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .str("exact", &self.exact)
            .str("prefix", &self.prefix)
            .str("suffix", &self.suffix)
            .end();
    }

    fn read_json(value: Value) -> Result<Self, String> {
        let mut f = Fields::of(value)?;
        Ok(Quote {
            exact: f.get("exact")?,
            prefix: f.get("prefix")?,
            suffix: f.get("suffix")?,
        })
    }
}

impl Rejected {
    /// What names the rejection in tombstones: `reject:` and its suggestion's key.
    pub fn key(&self) -> String {
        format!(
            "reject:{}:{}:{}",
            self.entity, self.span.start, self.span.end
        )
    }
}

/// A mention offered as an entity tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// The entity's id.
    pub entity: String,
    /// Where the mention is.
    pub span: Span,
}

impl Suggestion {
    /// A stable name for the suggestion (used in the page to find it again).
    pub fn key(&self) -> String {
        format!("{}:{}:{}", self.entity, self.span.start, self.span.end)
    }

    /// The rejection of this suggestion in `text`, at time `at` (with the mention's quote and context).
    pub fn rejected(&self, text: &str, at: &str) -> Rejected {
        let described = describe(text, self.span);
        Rejected {
            entity: self.entity.clone(),
            span: self.span,
            at: at.into(),
            quote: Quote {
                exact: described.exact,
                prefix: described.prefix,
                suffix: described.suffix,
            },
        }
    }
}

/// The mentions still to decide on: not rejected, and not overlapping a tag of the same entity
/// (which is what accepting one creates). Rejections and tags are looked up by binary search, so
/// thousands of mentions and annotations cost little more than reading them.
pub fn pending(
    mentions: &[Mention],
    annotations: &[Annotation],
    rejected: &[Rejected],
) -> Vec<Suggestion> {
    let mut rejected: Vec<(&str, Span)> = rejected
        .iter()
        .map(|r| (r.entity.as_str(), r.span))
        .collect();
    crate::core::collections::sort::sort(&mut rejected);
    // Each entity's tags by start, with the furthest end reached so far: a mention overlaps one of
    // them when a tag starting before the mention ends reaches past the mention's start.
    let mut tags: Vec<(&str, Span)> = annotations
        .iter()
        .filter(|a| !a.orphan)
        .filter_map(|a| match &a.kind {
            Kind::Entity(e) => Some((e.as_str(), a.span())),
            Kind::Claim => None,
        })
        .collect();
    crate::core::collections::sort::sort(&mut tags);
    let mut reach = Vec::with_capacity(tags.len());
    for (i, (entity, span)) in tags.iter().enumerate() {
        let before = match i.checked_sub(1).and_then(|j| tags.get(j).zip(reach.get(j))) {
            Some(((previous, _), &end)) if previous == entity => end,
            _ => 0,
        };
        reach.push(before.max(span.end));
    }
    let tagged = |m: &Mention| {
        let from = tags.partition_point(|(e, _)| *e < m.entity.as_str());
        let to = tags.partition_point(|(e, s)| (*e, s.start) < (m.entity.as_str(), m.span.end));
        to > from && reach.get(to - 1).is_some_and(|&end| end > m.span.start)
    };
    mentions
        .iter()
        .filter(|m| {
            rejected
                .binary_search(&(m.entity.as_str(), m.span))
                .is_err()
                && !tagged(m)
        })
        .map(|m| Suggestion {
            entity: m.entity.clone(),
            span: m.span,
        })
        .collect()
}

/// Entity tags for accepted suggestions, described from one pass over `text` (so accepting all of
/// thousands of suggestions in a long article does not rescan it for each), named by `new_id`.
pub fn accepted(
    text: &str,
    chosen: Vec<Suggestion>,
    new_id: &mut dyn FnMut() -> String,
    now: &str,
) -> Vec<Annotation> {
    let chars: Vec<char> = text.chars().collect();
    chosen
        .into_iter()
        .map(|sg| {
            let selectors = describe_chars(&chars, sg.span);
            Annotation::new(new_id(), Kind::Entity(sg.entity), selectors, now)
        })
        .collect()
}
