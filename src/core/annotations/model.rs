//! The annotation record Hamish keeps for each highlighted span.

use crate::core::anchoring::selectors::TextSelector;
use crate::core::claims::claim::ClaimDetails;
use crate::core::collections::index::Index;
use crate::core::json::Value;
use crate::core::storage::json::{Fields, Json, Object};
use crate::core::text::span::Span;

/// What an annotation says about its span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The span makes a claim.
    Claim,
    /// The span names the entity with this registry id.
    Entity(String),
}

/// One annotation on the article. Stored as one flat JSON object (see its [`Json`] impl), the same
/// bytes Hamish has always written.
#[derive(Clone, Debug, PartialEq, Eq)]
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
    /// True when the reader said the words it was re-anchored to are not its own (a claim on a
    /// sentence that was deleted, found on its neighbour): it stays an orphan with the words it had,
    /// and re-anchoring leaves it alone until it is re-attached by hand.
    pub detached: bool,
    /// A claim already looked at that an edit of the article moved onto other words: where it was
    /// when it was looked at (the words checked), kept — and the reader warned on every opening —
    /// until the reader says its verdict holds for the words now ([`Annotation::keep_words`]) or puts
    /// it back on the words checked ([`Annotation::detach`]).
    pub checked: Option<TextSelector>,
}

/// A deleted annotation (or withdrawn rejection): its id and when it was deleted. Kept with the
/// article's entry so that a stale copy of the annotation, written by another tab or imported, does
/// not bring it back (see the storage capability's `merge`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tombstone {
    /// The annotation's id (a rejected suggestion's key).
    pub id: String,
    /// RFC 3339 time of the deletion.
    pub deleted: String,
}

impl Tombstone {
    /// The tombstones of deleting `annotations` at `at`: one for each id and, for each found in the
    /// text, one for its kind and place ([`Annotation::place`]); one for each name (annotations
    /// deleted together on one place leave one tombstone for it).
    #[inline(never)]
    pub fn of(annotations: &[&Annotation], at: &str) -> Vec<Tombstone> {
        let mut ids: Vec<String> = annotations.iter().map(|a| a.id.clone()).collect();
        ids.extend(annotations.iter().filter_map(|a| a.place()));
        let index = Index::of(&ids);
        let first = |(i, id): (usize, &String)| {
            (index.find(id) == Some(i)).then(|| Tombstone {
                id: id.clone(),
                deleted: at.to_string(),
            })
        };
        ids.iter().enumerate().filter_map(first).collect()
    }

    /// Adds `graves` to `deleted`, in place of the tombstones there under the same names.
    #[inline(never)]
    pub fn bury(deleted: &mut Vec<Tombstone>, graves: Vec<Tombstone>) {
        let index = Index::new(graves.iter().map(|t| t.id.as_str()));
        deleted.retain(|t| index.find(&t.id).is_none());
        deleted.extend(graves);
    }
}

/// The words' part of a place ([`Annotation::place`]): `place:start:end`.
pub fn words_at(span: Span) -> String {
    format!("place:{}:{}", span.start, span.end)
}

/// The words' part of a place's name (`place:start:end` of `place:start:end:entity`).
pub fn words_of_place(place: &str) -> &str {
    place
        .match_indices(':')
        .nth(2)
        .map_or(place, |(i, _)| &place[..i])
}

impl Json for Kind {
    fn write_json(&self, out: &mut String) {
        match self {
            Kind::Claim => out.push_str("\"claim\""),
            Kind::Entity(id) => Object::new(out).str("entity", id).end(),
        }
    }

    fn read_json(value: Value) -> Result<Self, String> {
        match value {
            Value::String(s) if s == "claim" => Ok(Kind::Claim),
            Value::Object(_) => {
                let mut fields = Fields::of(value)?;
                Ok(Kind::Entity(fields.get("entity")?))
            }
            _ => Err("expected \"claim\" or {\"entity\":…}".into()),
        }
    }
}

/// Stored flat, in the order Hamish has always written: `id, kind, start, end, exact, prefix,
/// suffix, note, claim` (left out when empty)`, created, modified, orphan, detached` (each left out
/// when false)`, checked` (`{exact, prefix, suffix, start, end}`, left out when none). A
/// missing position is written as `0, 0` (an empty span, which no annotation has) and read back as
/// missing.
impl Json for Annotation {
    fn write_json(&self, out: &mut String) {
        let span = self.span();
        let mut o = Object::new(out);
        o.str("id", &self.id)
            .field("kind", &self.kind)
            .num("start", span.start as u64)
            .num("end", span.end as u64)
            .str("exact", &self.target.exact)
            .str("prefix", &self.target.prefix)
            .str("suffix", &self.target.suffix)
            .str("note", &self.note);
        if !self.claim.is_empty() {
            o.field("claim", &self.claim);
        }
        o.str("created", &self.created)
            .str("modified", &self.modified);
        if self.orphan {
            o.bool("orphan", true);
        }
        if self.detached {
            o.bool("detached", true);
        }
        if let Some(checked) = &self.checked {
            o.field("checked", checked);
        }
        o.end();
    }

    fn read_json(value: Value) -> Result<Self, String> {
        let mut f = Fields::of(value)?;
        let id = f.get("id")?;
        let kind = f.get("kind")?;
        let (start, end) = (f.count("start")?, f.count("end")?);
        Ok(Annotation {
            target: TextSelector {
                exact: f.get("exact")?,
                prefix: f.get("prefix")?,
                suffix: f.get("suffix")?,
                position: Some(Span::new(start, end)).filter(|p| !p.is_empty()),
            },
            note: f.or_default("note")?,
            claim: f.or_default("claim")?,
            created: f.get("created")?,
            modified: f.get("modified")?,
            orphan: f.flag("orphan")?,
            detached: f.flag("detached")?,
            checked: f.opt("checked")?,
            id,
            kind,
        })
    }
}

impl Json for Tombstone {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .str("id", &self.id)
            .str("deleted", &self.deleted)
            .end();
    }

    fn read_json(value: Value) -> Result<Self, String> {
        let mut f = Fields::of(value)?;
        Ok(Tombstone {
            id: f.get("id")?,
            deleted: f.get("deleted")?,
        })
    }
}

/// The words checked of a claim ([`Annotation::checked`]): `{exact, prefix, suffix, start, end}`
/// (`0, 0` for no position, as an annotation's own).
impl Json for TextSelector {
    fn write_json(&self, out: &mut String) {
        let span = self.position.unwrap_or_default();
        Object::new(out)
            .str("exact", &self.exact)
            .str("prefix", &self.prefix)
            .str("suffix", &self.suffix)
            .num("start", span.start as u64)
            .num("end", span.end as u64)
            .end();
    }

    fn read_json(value: Value) -> Result<Self, String> {
        let mut f = Fields::of(value)?;
        let (start, end) = (f.count("start")?, f.count("end")?);
        Ok(TextSelector {
            exact: f.get("exact")?,
            prefix: f.get("prefix")?,
            suffix: f.get("suffix")?,
            position: Some(Span::new(start, end)).filter(|p| !p.is_empty()),
        })
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
            detached: false,
            checked: None,
        }
    }

    /// Its span in the article (its last known one for an orphan; empty when never known).
    pub fn span(&self) -> Span {
        self.target.position.unwrap_or_default()
    }

    /// Its kind and place in the text (`place:start:end:entity`; `None` for an orphan): what names
    /// an annotation in a file that gives spans and no ids (doccano's), in which a span where one was
    /// deleted here stays deleted.
    pub fn place(&self) -> Option<String> {
        let kind = match &self.kind {
            Kind::Claim => "",
            Kind::Entity(id) => id.as_str(),
        };
        (!self.orphan).then(|| format!("{}:{kind}", words_at(self.span())))
    }

    /// Reading order: by start, then the longer span first (so an enclosing span precedes what it
    /// nests), then the earlier made, then by id (a total order: undo, reload and other tabs keep the
    /// same order among annotations made at the same moment on the same words).
    pub fn reading_order(a: &Annotation, b: &Annotation) -> std::cmp::Ordering {
        let (x, y) = (a.span(), b.span());
        x.start
            .cmp(&y.start)
            .then(y.end.cmp(&x.end))
            .then_with(|| a.created.cmp(&b.created))
            .then_with(|| a.id.cmp(&b.id))
    }

    /// Points the annotation at the span `target` describes (it is no longer an orphan).
    pub fn attach(&mut self, target: TextSelector) {
        self.target = target;
        self.orphan = false;
        self.detached = false;
    }

    /// Puts the annotation back on the words `was` describes, as an orphan that re-anchoring leaves
    /// alone ([`Annotation::detached`]).
    pub fn detach(&mut self, was: TextSelector) {
        self.target = was;
        self.orphan = true;
        self.detached = true;
        self.checked = None;
    }

    /// The reader says its verdict holds for the words it is on now: no longer [`Annotation::checked`].
    pub fn keep_words(&mut self) {
        self.checked = None;
    }
}
