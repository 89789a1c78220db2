//! Importing W3C Web Annotations: Hamish's own export and other tools'. Accepts an
//! `AnnotationCollection`, an `AnnotationPage`, a single `Annotation` or an array of them; each
//! annotation needs a `TextQuoteSelector` or a `TextPositionSelector` (either alone is enough).

use crate::core::anchoring::anchor::{anchor_all_in, Anchor, Anchorer};
use crate::core::anchoring::selectors::{describe_chars, TextSelector, CONTEXT_LEN, MAX_QUOTE};
use crate::core::annotations::model::{words_at, words_of_place, Annotation, Kind, Tombstone};
use crate::core::annotations::reattach::{reworded, Reworded};
use crate::core::annotations::time::{ahead, clamp, instant_or_oldest, parse as parse_time};
use crate::core::claims::claim::{hidden, ClaimDetails, Claimant};
use crate::core::collections::index::{repeats, Index};
use crate::core::entities::registry::Entity;
use crate::core::json::Value;
use crate::core::storage::entry::MAX_NOTE;
use crate::core::text::fold::fold_quote;
use crate::core::text::hash::Fnv;
use crate::core::text::span::Span;
use crate::core::text::units::short_quote;
use crate::core::w3c::claims;

/// Why a file was refused as a whole (nothing imported). Rendered for the reader by
/// `i18n::Lang::import_error`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file could not be read; the browser's description of why.
    Unreadable(String),
    /// The text is not JSON; the parser's own description of where and why.
    NotJson(String),
    /// The JSON holds nothing that stands for an annotation.
    NoAnnotations,
    /// The file is over [`MAX_IMPORT_BYTES`] (its size in bytes): refused before it is read.
    TooLarge(usize),
    /// Every annotation of the file names another article (this source) and none is found in this
    /// one ([`Parsed::for_another`]): imported here they would all be orphans of the wrong article.
    OtherArticle(String),
}

/// The largest file Import reads (bytes), an annotation file or a backup: localStorage holds at
/// most about 5 million UTF-16 code units, so a backup of all of it is at most about 16 MB of UTF-8
/// JSON; a larger file would hold the page for seconds while it is read.
pub const MAX_IMPORT_BYTES: usize = 16 * 1024 * 1024;

/// Refuses a file of `len` bytes over [`MAX_IMPORT_BYTES`], before it is read.
pub fn check_import_size(len: usize) -> Result<(), ImportError> {
    if len > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(len));
    }
    Ok(())
}

/// Why one annotation of a file could not be imported. Rendered for the reader by
/// `i18n::Lang::reject_reason`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RejectReason {
    /// It has no `target`.
    NoTarget,
    /// Its target has no usable `TextQuoteSelector` nor `TextPositionSelector`.
    NoUsableSelector,
    /// Its `tagging` body names an entity the registry does not know (the name as written).
    UnknownEntity(String),
    /// The file holds more than [`MAX_IMPORT`] annotations: this one and the `skipped` after it
    /// were not read.
    TooMany { skipped: usize },
    /// Its quote (`len` code points) is longer than any article ([`MAX_QUOTE`]).
    QuoteTooLong { len: usize },
    /// Its note (`len` code points) is longer than [`MAX_NOTE`].
    NoteTooLong { len: usize },
    /// A Hypothesis or doccano item that could not be used (see `core::exchange`).
    Foreign(crate::core::exchange::reason::ForeignReason),
}

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
    pub reason: RejectReason,
}

/// The annotations a file holds, anchored to the current article, and those it could not use.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parsed {
    /// Usable annotations; those not found in the article are orphans.
    pub annotations: Vec<Annotation>,
    /// Unusable ones, with reasons.
    pub rejected: Vec<Rejection>,
    /// How many carried a `created` or `modified` that is not an RFC 3339 time (each counts as the
    /// oldest version when merged).
    pub undated: usize,
    /// How many claimant links (`linking` annotations from a claim to an entity annotation) it held;
    /// they count as anchored.
    pub links: usize,
    /// Whether the file names no annotations of its own (doccano: only spans), so that one of the
    /// same kind on the same span as an annotation here is that annotation ([`same_spans`]).
    pub by_span: bool,
    /// How many claims' evidence links were left out (not web addresses, or posing as another).
    pub links_left_out: usize,
    /// The ids of those whose time was later than now or missing (so read as now): such a time says
    /// nothing of which version is newer ([`ahead`]), and [`merge`] never lets it replace one here.
    pub capped: Vec<String>,
    /// Claims already looked at that were found in other words than the file's (the article
    /// changed since), each with the annotation as imported: the reader is warned of those merged in.
    pub reworded: Vec<(Reworded, Annotation)>,
    /// The articles the file's annotations name as their target's `source` (the first
    /// [`SOURCES_KEPT`] different ones), how many name none, and how many were found here by their
    /// quote (the same words, not a near match nor a position alone).
    pub sources: (Vec<String>, usize, usize),
}

/// How many different target sources [`Parsed::sources`] keeps.
pub const SOURCES_KEPT: usize = 4;

impl Parsed {
    /// How many of the usable annotations were found in the article (with the claimant links).
    pub fn anchored(&self) -> usize {
        self.annotations.iter().filter(|a| !a.orphan).count() + self.links
    }

    /// How many of the usable annotations are orphans.
    pub fn orphaned(&self) -> usize {
        self.annotations.iter().filter(|a| a.orphan).count()
    }

    /// The article the file is for, when it is not the one whose source is `here`: every annotation
    /// names a source, none of them `here`, and none was found here by its quote (a position alone,
    /// or a near match, says nothing of which article it is on).
    pub fn for_another(&self, here: &str) -> Option<&str> {
        let (sources, unsourced, by_quote) = &self.sources;
        let elsewhere = *unsourced == 0
            && *by_quote == 0
            && !self.annotations.is_empty()
            && sources.iter().all(|s| s != here);
        sources.first().map(String::as_str).filter(|_| elsewhere)
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
    /// Of those kept, how many said something else (tag, note or claim details): the file's edit
    /// was not applied, as it is not dated later.
    pub differing: usize,
    /// Of those kept, how many were deleted here (after the file's version, or the file's time
    /// proves nothing): they stay deleted.
    pub deleted_here: usize,
    /// How many had the id of a different annotation here (other words) and were added under an
    /// id of their own ([`name_by_place`]).
    pub renamed: usize,
}

/// The objects in `root` that stand for annotations, or an error when there are none.
fn annotation_objects(root: &Value) -> Result<Vec<&Value>, ImportError> {
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
        Err(ImportError::NoAnnotations)
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

/// The source its target names (the first target's: an IRI, or an object's `source`).
fn source_of(annotation: &Value) -> Option<&str> {
    let first = *as_list(annotation.get("target")).first()?;
    first
        .as_str()
        .or_else(|| first.get("source").and_then(Value::as_str))
}

/// The quote and position selectors of an annotation's target.
fn target_of(annotation: &Value) -> Result<TextSelector, RejectReason> {
    let targets = as_list(annotation.get("target"));
    if targets.is_empty() {
        return Err(RejectReason::NoTarget);
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
                    return Err(RejectReason::QuoteTooLong { len });
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
        Err(RejectReason::NoUsableSelector)
    } else {
        Ok(target)
    }
}

/// The registry entity a tag names (label in either language or id, any case), or a Wikidata IRI.
pub fn entity_for<'a>(registry: &'a [Entity], tag: &str) -> Option<&'a Entity> {
    let tag = tag.trim();
    // An empty name names no entity (not the first without a name in one language).
    registry.iter().filter(|_| !tag.is_empty()).find(|e| {
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
fn kind_and_note(annotation: &Value, registry: &[Entity]) -> Result<(Kind, String), RejectReason> {
    let mut kind = None;
    let mut notes = Vec::new();
    if let Some(text) = annotation.get("bodyValue").and_then(Value::as_str) {
        notes.push(text.to_string());
    }
    // A claim's identifying bodies name its claimant, not an entity it is.
    let classified_claim = as_list(annotation.get("body")).iter().any(|b| {
        as_list(b.get("purpose"))
            .iter()
            .any(|p| p.as_str() == Some("classifying"))
            && b.get("value")
                .and_then(Value::as_str)
                .is_some_and(|v| v.eq_ignore_ascii_case("claim"))
    });
    for body in as_list(annotation.get("body")) {
        if claims::is_claim_body(body) {
            continue;
        }
        let purposes: Vec<&str> = as_list(body.get("purpose"))
            .into_iter()
            .filter_map(Value::as_str)
            .collect();
        if classified_claim && purposes.contains(&"identifying") {
            continue;
        }
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
                    // Named in the report: short, and with nothing that could reorder its line.
                    let shown: String = named.chars().filter(|c| !hidden(*c)).collect();
                    return Err(RejectReason::UnknownEntity(short_quote(&shown, 80)));
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
/// An annotation without a usable id is named from its target and bodies; `now` dates those without
/// times, and is the latest time an imported one can have (later ones are clamped to it). Invalid JSON, or
/// JSON without annotations, is an error and yields nothing.
pub fn parse(
    json: &str,
    text: &str,
    registry: &[Entity],
    now: &str,
) -> Result<Parsed, ImportError> {
    let root: Value =
        crate::core::json::from_str(json).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let objects = annotation_objects(&root)?;
    let mut rejected = Vec::new();
    let (mut undated, mut links_left_out) = (0, 0);
    let mut capped = Vec::new();
    let mut accepted: Vec<(Annotation, TextSelector)> = Vec::new();
    let count = objects.len();
    let mut links = Vec::new();
    // Tags of entities not known here, refused: a claim attributed to one keeps it by name.
    let mut untagged: Vec<(String, Claimant)> = Vec::new();
    let mut sources = (Vec::new(), 0, 0);
    for (i, object) in objects.into_iter().enumerate() {
        if i == MAX_IMPORT {
            rejected.push(Rejection {
                index: i + 1,
                reason: RejectReason::TooMany {
                    skipped: count - i - 1,
                },
            });
            break;
        }
        if let Some(link) = claims::read_link(object) {
            links.push(link);
            continue;
        }
        let outcome = target_of(object)
            .and_then(|target| kind_and_note(object, registry).map(|kn| (target, kn)))
            .and_then(|(target, (kind, note))| match note.chars().count() {
                len if len > MAX_NOTE => Err(RejectReason::NoteTooLong { len }),
                _ => Ok((target, (kind, note))),
            });
        let (target, (kind, note)) = match outcome {
            Ok(ok) => ok,
            Err(reason) => {
                if let RejectReason::UnknownEntity(_) = reason {
                    untagged.extend(claims::tag_as_claimant(object));
                }
                rejected.push(Rejection {
                    index: i + 1,
                    reason,
                });
                continue;
            }
        };
        let field = |name: &str| object.get(name).and_then(Value::as_str).map(str::to_string);
        let dated = field("created").is_some() || field("modified").is_some();
        let mut created = field("created").unwrap_or_else(|| now.to_string());
        let mut modified = field("modified").unwrap_or_else(|| created.clone());
        if parse_time(&created).is_none() || parse_time(&modified).is_none() {
            undated += 1;
        }
        let is_capped = !dated || ahead(&modified, now);
        // A time after `now` (a colleague's fast clock) is `now`: it cannot beat later edits.
        clamp(&mut created, now);
        clamp(&mut modified, now);
        let mut annotation = Annotation {
            // An id must survive a space-separated attribute and a CSS selector; one that does not
            // is replaced by one made from the annotation's target and bodies, the same every time.
            id: field("id")
                .filter(|id| {
                    !id.is_empty()
                        && id.chars().count() <= MAX_ID
                        && !id
                            .chars()
                            .any(|c| c.is_whitespace() || c == '"' || c == '\\')
                })
                .unwrap_or_else(|| stable_id(object)),
            claim: if kind == Kind::Claim {
                links_left_out += claims::refused_links(object);
                claims::read(object)
            } else {
                ClaimDetails::default()
            },
            kind,
            target: target.clone(),
            note,
            modified,
            created,
            orphan: false,
            detached: object.get("detached").and_then(Value::as_bool) == Some(true),
            checked: None,
        };
        if let Some(at) = &mut annotation.claim.verdict_at {
            clamp(at, now);
        }
        if is_capped {
            capped.push(annotation.id.clone());
        }
        accepted.push((annotation, target));
        match source_of(object) {
            Some(source) if sources.0.iter().any(|s| s == source) => {}
            Some(source) if sources.0.len() < SOURCES_KEPT => sources.0.push(source.to_string()),
            Some(_) => {}
            None => sources.1 += 1,
        }
    }
    let anchorer = Anchorer::new(text);
    let targets: Vec<TextSelector> = accepted.iter().map(|(_, t)| t.clone()).collect();
    let anchors = anchor_all_in(&anchorer, &targets);
    let mut reworded_at = Vec::new();
    let mut annotations: Vec<Annotation> = accepted
        .into_iter()
        .zip(anchors)
        .enumerate()
        .map(|(i, ((mut a, _), anchor))| {
            match anchor {
                Anchor::Found { span, .. } if !a.detached => {
                    let now = describe_chars(anchorer.chars(), span);
                    let same = !a.target.exact.is_empty()
                        && fold_quote(&a.target.exact) == fold_quote(&now.exact);
                    sources.2 += usize::from(same);
                    let words = reworded(&a, &now);
                    a.attach(now);
                    if let Some(words) = words {
                        a.checked = Some(words.was.clone());
                        reworded_at.push((words, i));
                    }
                }
                _ => a.orphan = true,
            }
            a
        })
        .collect();
    // A link names an entity tag; one that names a claim of the file keeps its words as a name.
    for (claim, entity) in &links {
        let refused = untagged.iter().find(|(id, _)| id == entity);
        let claimant = match (annotations.iter().find(|a| a.id == *entity), refused) {
            (Some(named), _) if named.kind == Kind::Claim => Claimant::Named {
                name: named.target.exact.clone(),
                wikidata: None,
            },
            (None, Some((_, by_name))) => by_name.clone(),
            _ => Claimant::Entity(entity.clone()),
        };
        if let Some(a) = annotations
            .iter_mut()
            .find(|a| a.id == *claim && a.kind == Kind::Claim)
        {
            a.claim.claimant = Some(claimant);
        }
    }
    let reworded = reworded_at
        .into_iter()
        .filter_map(|(words, i)| Some((words, annotations.get(i)?.clone())))
        .collect();
    Ok(Parsed {
        annotations,
        rejected,
        undated,
        links: links.len(),
        by_span: false,
        links_left_out,
        capped,
        reworded,
        sources,
    })
}

/// An id for an imported annotation that has no usable one: `urn:hamish:import:` and a hash of its
/// target and bodies, so importing the same file again names it the same and changes nothing.
fn stable_id(object: &Value) -> String {
    let mut hash = Fnv::default();
    for key in ["target", "body", "bodyValue"] {
        hash.write(key.as_bytes());
        hash.write(
            object
                .get(key)
                .map(Value::to_string)
                .unwrap_or_default()
                .as_bytes(),
        );
    }
    format!("urn:hamish:import:{}", hash.hex())
}

/// Takes out of `incoming` each annotation of the same kind on the same span as one of `existing`
/// (found, not an orphan), or as one before it in `incoming`, or as one deleted here (`deleted` holds
/// a tombstone for its place: [`Annotation::place`]), and returns how many, how many of those give a
/// claim another verdict than the one here (not applied: such files are undated), and how many
/// were deleted here: a file that names no annotations of its own ([`Parsed::by_span`]) brings back
/// what is here, not copies, and not what was deleted.
pub fn same_spans(
    existing: &[Annotation],
    incoming: &mut Vec<Annotation>,
    deleted: &[Tombstone],
) -> (usize, usize, usize) {
    let found: Vec<&Annotation> = existing.iter().filter(|a| !a.orphan).collect();
    let keys: Vec<String> = found
        .iter()
        .copied()
        .chain(incoming.iter().filter(|a| !a.orphan))
        .map(|a| a.place().unwrap_or_default())
        .collect();
    let copy = repeats(&keys.iter().map(String::as_str).collect::<Vec<_>>());
    let here = Index::new(keys.iter().take(found.len()).map(String::as_str));
    // A deletion on a place holds unless an annotation on those words (of any kind) was changed
    // after it: one put back by an undo, in this tab or another (whose save brings the place's
    // tombstone back), then retagged.
    let spans: Vec<String> = found.iter().map(|a| words_at(a.span())).collect();
    let on_span = Index::of(&spans);
    let mut latest = vec![i64::MIN; spans.len()];
    for (span, a) in spans.iter().zip(&found) {
        if let Some(at) = on_span.find(span).and_then(|i| latest.get_mut(i)) {
            *at = (*at).max(instant_or_oldest(&a.modified));
        }
    }
    let holds = |t: &&Tombstone| {
        let changed = on_span
            .find(words_of_place(&t.id))
            .and_then(|i| latest.get(i));
        changed.is_none_or(|&at| at <= instant_or_oldest(&t.deleted))
    };
    let deleted: Vec<&Tombstone> = deleted.iter().filter(holds).collect();
    let graves = Index::new(deleted.iter().map(|t| t.id.as_str()));
    let before = incoming.len();
    let (mut place, mut differing, mut buried) = (found.len(), 0, 0);
    incoming.retain(|a| {
        if a.orphan {
            return true;
        }
        place += 1;
        let key = &keys[place - 1];
        if !copy[place - 1] {
            let gone = graves.find(key).is_some();
            buried += usize::from(gone);
            return !gone;
        }
        let mine = here.find(key).and_then(|i| found.get(i));
        differing += usize::from(mine.is_some_and(|m| m.claim.verdict != a.claim.verdict));
        false
    });
    (before - incoming.len(), differing, buried)
}

/// How the id of an annotation made from a file of spans starts (doccano's lines name none).
pub const FROM_SPANS: &str = "urn:hamish:doccano:";

/// Gives each annotation of a file whose id names an annotation here on other words that do not
/// overlap its own (two tools that both number theirs 1, 2, …) an id of its own, the id and a hash of
/// its place, so that [`merge`] neither replaces the one here with it nor keeps it out as an older
/// version of an annotation it is not; returns how many.
pub fn rename_colliding(existing: &[Annotation], parsed: &mut Parsed) -> usize {
    let by_id = Index::new(existing.iter().map(|a| a.id.as_str()));
    let named = |a: &Annotation| -> Option<String> {
        let here = by_id.find(&a.id).and_then(|i| existing.get(i))?;
        let other = !here.orphan
            && !a.orphan
            && !here.span().overlaps(a.span())
            && fold_quote(&here.target.exact) != fold_quote(&a.target.exact);
        other.then(|| {
            let mut hash = Fnv::default();
            hash.write(a.place().unwrap_or_default().as_bytes());
            format!("{}#{}", a.id, hash.hex())
        })
    };
    let mut renamed = 0;
    for a in &mut parsed.annotations {
        if let Some(id) = named(a) {
            a.id = id;
            renamed += 1;
        }
    }
    for (words, a) in &mut parsed.reworded {
        if let Some(id) = named(a) {
            words.id.clone_from(&id);
            a.id = id;
        }
    }
    renamed
}

/// The annotations here made from a file of spans ([`FROM_SPANS`], which names none) that an
/// annotation of `incoming` — whose id is unknown here — stands for, being of the same kind on the
/// same span: each as (its id here, the file's id, when its own id ends: after the later of the two
/// versions). Such an annotation takes the file's id and details (merged as newer or not), so that a
/// doccano file and then the W3C file of the same work give no copies, here or where this reader's
/// W3C export goes next.
pub fn adopted_ids(
    existing: &[Annotation],
    incoming: &[Annotation],
) -> Vec<(String, String, String)> {
    let from_spans: Vec<(String, &Annotation)> = existing
        .iter()
        .filter(|a| a.id.starts_with(FROM_SPANS))
        .filter_map(|a| Some((a.place()?, a)))
        .collect();
    if from_spans.is_empty() {
        return Vec::new();
    }
    let by_id = Index::new(existing.iter().map(|a| a.id.as_str()));
    let by_place = Index::new(from_spans.iter().map(|(p, _)| p.as_str()));
    incoming
        .iter()
        .filter(|a| by_id.find(&a.id).is_none())
        .filter_map(|a| {
            let (_, here) = from_spans.get(by_place.find(&a.place()?)?)?;
            let ends = crate::core::annotations::time::after(&a.modified, &here.modified);
            Some((here.id.clone(), a.id.clone(), ends))
        })
        .collect()
}

/// Merges `incoming` into `existing` by id: a new id is added; for a known id the version whose
/// `modified` names the later instant wins (the existing one on a tie; an unparsable time counts as
/// the oldest), so importing the same file twice changes nothing; an annotation deleted (`deleted`)
/// after the imported version was modified stays deleted.
pub fn merge(
    existing: &mut Vec<Annotation>,
    incoming: Vec<Annotation>,
    deleted: &[Tombstone],
    capped: &[String],
) -> Merged {
    let mut merged = Merged::default();
    let capped = Index::of(&capped);
    // Every id, the existing ones first; what is known of an id is kept at the position its index
    // gives for it.
    let ids: Vec<String> = existing
        .iter()
        .chain(&incoming)
        .map(|a| a.id.clone())
        .collect();
    let index = Index::of(&ids);
    let mut place: Vec<Option<usize>> = vec![None; ids.len()];
    for (i, id) in ids.iter().take(existing.len()).enumerate() {
        if let Some(slot) = index.find(id).and_then(|g| place.get_mut(g)) {
            *slot = Some(i);
        }
    }
    // When each deleted id was deleted (the latest), looked up by binary search, so that merging
    // thousands of annotations stays O(n log n).
    let graves = Index::new(deleted.iter().map(|t| t.id.as_str()));
    let mut latest: Vec<Option<i64>> = vec![None; deleted.len()];
    for t in deleted {
        let d = instant_or_oldest(&t.deleted);
        if let Some(slot) = graves.find(&t.id).and_then(|g| latest.get_mut(g)) {
            *slot = Some(slot.map_or(d, |l| l.max(d)));
        }
    }
    let first_new = existing.len();
    for (annotation, id) in incoming.into_iter().zip(ids.iter().skip(first_new)) {
        let at = instant_or_oldest(&annotation.modified);
        // A time read as now (later than now, or missing) adds, and never replaces or brings back.
        let unproven = capped.find(id).is_some();
        let buried = graves
            .find(id)
            .and_then(|g| latest.get(g).copied().flatten())
            .is_some_and(|d| d >= at || unproven);
        let Some(slot) = index.find(id).and_then(|g| place.get_mut(g)) else {
            continue;
        };
        match *slot {
            _ if buried => {
                merged.kept += 1;
                merged.deleted_here += 1;
            }
            Some(i) if !unproven && at > instant_or_oldest(&existing[i].modified) => {
                existing[i] = annotation;
                merged.updated += 1;
            }
            Some(i) => {
                let here = &existing[i];
                let differs = here.kind != annotation.kind
                    || here.note != annotation.note
                    || here.claim != annotation.claim;
                merged.kept += 1;
                merged.differing += usize::from(differs);
            }
            None => {
                *slot = Some(existing.len());
                existing.push(annotation);
                merged.added += 1;
            }
        }
    }
    merged
}
