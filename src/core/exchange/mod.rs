//! The formats fact-checkers and researchers use, besides the W3C model (`core::w3c`):
//!
//! * exports — schema.org `ClaimReview` ([`claimreview`]), AraFacts' CSV and CLEF CheckThat!'s
//!   check-worthiness TSV ([`tables`]), doccano's JSONL for NER training ([`doccano`]);
//! * imports — Hypothesis API JSON ([`hypothesis`]) and doccano JSONL ([`doccano`]), each turned into
//!   W3C annotations and read by `w3c::import::parse` like any other file, so they anchor, merge and
//!   report the same way ([`read_foreign`] recognises them by shape; [`import`] reads any file).

pub mod claimreview;
pub mod doccano;
pub mod hypothesis;
pub mod reason;
pub mod tables;

use crate::core::annotations::model::{Annotation, Kind};
use crate::core::claims::settings::Reviewer;
use crate::core::claims::verdicts::Scale;
use crate::core::collections::sort::{sort_by, sort_by_key};
use crate::core::entities::registry::Entity;
use crate::core::json::to_string_pretty;
use crate::core::text::article::Article;
use crate::core::text::units::short_quote;
use crate::core::w3c::export::export_collection;
use crate::core::w3c::import::{self, ImportError, Parsed, RejectReason, Rejection};
pub use reason::ForeignReason;

/// A file format Hamish exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The W3C `AnnotationCollection` (JSON-LD), as the Export JSON button downloads it.
    W3c,
    /// schema.org `ClaimReview` (JSON-LD), one per claim with a verdict.
    ClaimReview,
    /// AraFacts' columns, one row per claim (CSV, UTF-8 with a BOM).
    AraFactsCsv,
    /// CLEF CheckThat! check-worthiness (`id`, `url`, `text`, `class_label`), TSV.
    CheckThatTsv,
    /// doccano's JSONL: one line for the article with its entity and claim spans.
    Jsonl,
}

impl Format {
    /// Every format, in the order the Export menu lists them.
    pub const ALL: [Format; 5] = [
        Format::W3c,
        Format::ClaimReview,
        Format::AraFactsCsv,
        Format::CheckThatTsv,
        Format::Jsonl,
    ];

    /// The name `handle.export(format)` takes (`w3c`, `claimreview`, `arafacts-csv`,
    /// `checkthat-tsv`, `jsonl`).
    pub fn name(self) -> &'static str {
        match self {
            Format::W3c => "w3c",
            Format::ClaimReview => "claimreview",
            Format::AraFactsCsv => "arafacts-csv",
            Format::CheckThatTsv => "checkthat-tsv",
            Format::Jsonl => "jsonl",
        }
    }

    /// The format a name stands for (exactly as [`Format::name`] writes it).
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The file name's ending, after `hamish-<article>-<day>`.
    pub fn suffix(self) -> &'static str {
        match self {
            Format::W3c => ".json",
            Format::ClaimReview => "-claimreview.jsonld",
            Format::AraFactsCsv => "-arafacts.csv",
            Format::CheckThatTsv => "-checkthat.tsv",
            Format::Jsonl => "-doccano.jsonl",
        }
    }

    /// The file's media type.
    pub fn mime(self) -> &'static str {
        match self {
            Format::W3c | Format::ClaimReview => "application/ld+json",
            Format::AraFactsCsv => "text/csv;charset=utf-8",
            Format::CheckThatTsv => "text/tab-separated-values;charset=utf-8",
            Format::Jsonl => "application/jsonl",
        }
    }
}

/// Everything an export reads.
pub struct Export<'a> {
    /// The article's annotations, in any order.
    pub annotations: &'a [Annotation],
    /// The article.
    pub article: &'a Article,
    /// The entity registry (labels and Wikidata IRIs of entity tags and claimants).
    pub registry: &'a [Entity],
    /// The verdict scale (labels and values of verdicts).
    pub scale: &'a Scale,
    /// Who reviews the claims (ClaimReview's and AraFacts' source).
    pub reviewer: &'a Reviewer,
    /// Whether labels are written in Arabic (the interface language).
    pub arabic: bool,
}

impl Export<'_> {
    /// The article's web address, for the formats' URL fields: empty for an article opened from a
    /// file, a paste or the bundle, whose `urn:` id is no address another tool could follow.
    pub fn article_url(&self) -> &str {
        let source = self.article.source.as_str();
        let web = |scheme: &str| {
            source
                .get(..scheme.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
        };
        if web("http://") || web("https://") {
            source
        } else {
            ""
        }
    }

    /// The claims that are found in the article, in reading order.
    pub fn claims(&self) -> Vec<&Annotation> {
        let mut claims: Vec<&Annotation> = self
            .annotations
            .iter()
            .filter(|a| a.kind == Kind::Claim && !a.orphan)
            .collect();
        sort_by(&mut claims, |a, b| Annotation::reading_order(a, b));
        claims
    }

    /// How many annotations (or claims) a file in `format` holds.
    pub fn count(&self, format: Format) -> usize {
        let claims = self.claims();
        match format {
            Format::W3c => self.annotations.len(),
            Format::ClaimReview => claims.iter().filter(|c| c.claim.verdict.is_some()).count(),
            Format::AraFactsCsv => claims.len(),
            Format::CheckThatTsv => claims
                .iter()
                .filter(|c| c.claim.check_worthy.is_some())
                .count(),
            Format::Jsonl => self.annotations.iter().filter(|a| !a.orphan).count(),
        }
    }

    /// The file's text in `format`; `export_id` and `generated` name and date a W3C export.
    pub fn write(&self, format: Format, export_id: &str, generated: &str) -> String {
        match format {
            Format::W3c => to_string_pretty(&export_collection(
                self.annotations,
                self.article,
                self.registry,
                export_id,
                generated,
            )),
            // `<` only ever stands in a string: `\u003c` is the same JSON, and no `</script>` closes
            // the `<script type="application/ld+json">` a site may paste the file into.
            Format::ClaimReview => {
                to_string_pretty(&claimreview::claim_reviews(self)).replace('<', "\\u003c")
            }
            Format::AraFactsCsv => tables::arafacts_csv(self),
            Format::CheckThatTsv => tables::checkthat_tsv(self),
            Format::Jsonl => doccano::jsonl(self),
        }
    }
}

/// Another tool's file turned into W3C annotations, and what could not be turned.
pub struct Foreign {
    /// A JSON array of W3C annotations.
    pub w3c: String,
    /// For each of them, its 1-based place in the original file.
    pub places: Vec<usize>,
    /// What was refused before conversion, by place.
    pub rejected: Vec<Rejection>,
    /// Whether an annotation not found in the article is refused ([`ForeignReason::NotInArticle`])
    /// rather than kept as an orphan (doccano: its line is another text).
    pub orphans_refused: bool,
    /// Whether the file names no annotations of its own, only spans (see [`Parsed::by_span`]).
    pub by_span: bool,
}

impl Foreign {
    /// Imports the converted annotations with `parse` (the W3C importer) and reports on the original
    /// file; a file whose every item was refused reports the refusals.
    pub fn import(
        self,
        parse: impl FnOnce(&str) -> Result<Parsed, ImportError>,
    ) -> Result<Parsed, ImportError> {
        if self.places.is_empty() {
            if self.rejected.is_empty() {
                return Err(ImportError::NoAnnotations);
            }
            return Ok(Parsed {
                annotations: Vec::new(),
                rejected: self.rejected,
                undated: 0,
                links: 0,
                by_span: self.by_span,
                links_left_out: 0,
                capped: Vec::new(),
                reworded: Vec::new(),
                sources: (Vec::new(), 0, 0),
            });
        }
        let parsed = parse(&self.w3c)?;
        Ok(self.finish(parsed))
    }

    /// The report of the converted file, as `w3c::import::parse` gave it for [`Foreign::w3c`],
    /// renumbered to the original file's places, with the refusals made before conversion.
    fn finish(self, mut parsed: Parsed) -> Parsed {
        let place = |i: usize| self.places.get(i.saturating_sub(1)).copied().unwrap_or(i);
        for r in &mut parsed.rejected {
            r.index = place(r.index);
        }
        if self.orphans_refused {
            let mut kept = Vec::with_capacity(parsed.annotations.len());
            for a in std::mem::take(&mut parsed.annotations) {
                if a.orphan {
                    // The converted annotations keep their order, and rejected ones are not among
                    // them: the annotation's place is that of the converted item with its id.
                    let index =
                        a.id.rsplit_once(PLACE_MARK)
                            .and_then(|(_, n)| n.parse().ok())
                            .unwrap_or(0);
                    parsed.rejected.push(Rejection {
                        index,
                        reason: RejectReason::Foreign(ForeignReason::NotInArticle),
                    });
                } else {
                    kept.push(a);
                }
            }
            parsed.annotations = kept;
        }
        let unmark = |id: &mut String| {
            if let Some(at) = id.rfind(PLACE_MARK) {
                id.truncate(at);
            }
        };
        for a in &mut parsed.annotations {
            unmark(&mut a.id);
        }
        for (words, a) in &mut parsed.reworded {
            unmark(&mut words.id);
            unmark(&mut a.id);
        }
        parsed.by_span = self.by_span;
        parsed.rejected.extend(self.rejected);
        sort_by_key(&mut parsed.rejected, |r| r.index);
        parsed
    }
}

/// Marks an id's suffix that carries the converted item's place while it is imported (removed by
/// [`Foreign::finish`]; never stored).
pub(crate) const PLACE_MARK: &str = "#hamish-place=";

/// `file` read as a Hypothesis or doccano file, when it has either's shape: `None` for anything else
/// (W3C annotations, a backup, text that is neither JSON nor JSONL), which the W3C importer reads.
/// `article` is the open article's text (a doccano line that is part of it is placed in it).
pub fn read_foreign(
    file: &str,
    article: &str,
    registry: &[Entity],
) -> Option<Result<Foreign, ImportError>> {
    let trimmed = file.trim_start_matches('\u{feff}').trim();
    match crate::core::json::from_str(trimmed) {
        Ok(root) if hypothesis::is_hypothesis(&root) => Some(hypothesis::convert(&root, registry)),
        Ok(root) if doccano::is_doccano_line(&root) => Some(doccano::convert(trimmed, article)),
        Ok(_) => None,
        Err(_) => doccano::looks_like_jsonl(trimmed).then(|| doccano::convert(trimmed, article)),
    }
}

/// [`import`] into `article`, refused whole when the file is for another article
/// ([`Parsed::for_another`]): nothing of it is found here, and it names another source.
pub fn import_into(
    file: &str,
    article: &Article,
    registry: &[Entity],
    now: &str,
) -> Result<Parsed, ImportError> {
    let parsed = import(file, &article.text, registry, now)?;
    match parsed.for_another(&article.source) {
        Some(source) => Err(ImportError::OtherArticle(short_quote(source, 200))),
        None => Ok(parsed),
    }
}

/// Reads an import file of any shape — W3C, Hypothesis or doccano — and anchors its annotations in
/// `article` (the open article's text); see `w3c::import::parse`, which reads the W3C ones and what
/// the others convert to.
pub fn import(
    file: &str,
    article: &str,
    registry: &[Entity],
    now: &str,
) -> Result<Parsed, ImportError> {
    match read_foreign(file, article, registry) {
        Some(foreign) => foreign?.import(|w3c| import::parse(w3c, article, registry, now)),
        None => import::parse(file, article, registry, now),
    }
}
