//! Tables of claims: AraFacts' CSV and CLEF CheckThat!'s check-worthiness TSV.
//!
//! AraFacts (one row per claim found in the article, in reading order; RFC 4180, CRLF line ends,
//! UTF-8 with a byte order mark so spreadsheets read the Arabic):
//!
//! | column | from |
//! |---|---|
//! | `ClaimID` | the claim annotation's id |
//! | `claim` | the quote |
//! | `description` | the note |
//! | `source` | the reviewer's organisation (else their name) |
//! | `date` | the claim's date |
//! | `source_label` | the verdict's label in the export language |
//! | `normalized_label` | the verdict in AraFacts' normalised labels ([`normalized_label`]) |
//! | `source_category`, `normalized_category` | empty (Hamish does not record topics) |
//! | `source_url` | where the fact-check is published, else as `claim_urls` |
//! | `claim_urls` | the article's web address (empty for one opened from a file or a paste) |
//! | `evidence_urls` | the evidence addresses, separated by spaces |
//! | `claim_type` | `text` (a claim is a quote of the article's text) |
//!
//! A cell starting with `=`, `+`, `-`, `@`, a tab or CR gets a `'` before it (OWASP's advice against
//! CSV injection): a spreadsheet shows it as text instead of running it as a formula.
//!
//! CheckThat! (`id`, `url`, `text`, `class_label`; tab-separated, LF line ends): one row per claim
//! whose check-worthiness is decided, `Yes` or `No`; undecided claims are left out (they are not
//! training data). Tabs and line breaks in the text become spaces; a field holding a `"` is quoted
//! (inner quotes doubled), as Python's `csv.writer(delimiter='\t')` writes it, so `csv.reader` and
//! pandas read it back (a text starting with a quote would otherwise swallow the rows after it).

use crate::core::exchange::Export;

/// AraFacts' columns, in order.
pub const ARAFACTS_COLUMNS: [&str; 13] = [
    "ClaimID",
    "claim",
    "description",
    "source",
    "date",
    "source_label",
    "normalized_label",
    "source_category",
    "normalized_category",
    "source_url",
    "claim_urls",
    "evidence_urls",
    "claim_type",
];

/// CheckThat!'s columns, in order: those of the lab's check-worthiness data (CLEF 2024 Task 1, Arabic
/// and Spanish: `tweet_id tweet_url tweet_text class_label`), so that code written for it reads them;
/// a claim's id, its address and its words stand in a tweet's.
pub const CHECKTHAT_COLUMNS: [&str; 4] = ["tweet_id", "tweet_url", "tweet_text", "class_label"];

/// A verdict id as AraFacts' normalised label (`True`, `Partly-false`, `False`, `Sarcasm`,
/// `Unverifiable`): Hamish's and AraFacts' own ids map; Mostly true, Mixed and Mostly false are
/// `Partly-false`; any other verdict has none.
pub fn normalized_label(verdict: &str) -> Option<&'static str> {
    match verdict {
        "true" => Some("True"),
        "mostly-true" | "mixed" | "mostly-false" | "partly-false" => Some("Partly-false"),
        "false" => Some("False"),
        "sarcasm" => Some("Sarcasm"),
        "unverifiable" => Some("Unverifiable"),
        _ => None,
    }
}

/// One CSV field, `'` before a formula's first character, quoted when it holds a comma, a quote, CR
/// or LF (quotes doubled).
fn csv_field(field: &str) -> String {
    let field = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{field}")
    } else {
        field.to_string()
    };
    if field.contains([',', '"', '\r', '\n']) {
        quoted(&field)
    } else {
        field
    }
}

/// `field` in double quotes, its quotes doubled.
fn quoted(field: &str) -> String {
    format!("\"{}\"", field.replace('"', "\"\""))
}

/// One CSV record, ended by CRLF.
fn csv_record<S: AsRef<str>>(fields: &[S]) -> String {
    let fields: Vec<String> = fields.iter().map(|f| csv_field(f.as_ref())).collect();
    format!("{}\r\n", fields.join(","))
}

/// The claims as AraFacts' CSV.
pub fn arafacts_csv(export: &Export) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&csv_record(&ARAFACTS_COLUMNS));
    let r = export.reviewer;
    let source = if r.organization.trim().is_empty() {
        r.name.trim()
    } else {
        r.organization.trim()
    };
    let url = export.article_url();
    for claim in export.claims() {
        let details = &claim.claim;
        let verdict = details.verdict.as_deref();
        let label = verdict.map(|id| {
            export
                .scale
                .judged(id)
                .map_or(id.to_string(), |(v, _)| v.label(export.arabic).to_string())
        });
        let evidence: Vec<&str> = details.evidence.iter().map(|e| e.url.as_str()).collect();
        out.push_str(&csv_record(&[
            claim.id.as_str(),
            claim.target.exact.as_str(),
            claim.note.as_str(),
            source,
            details.date.as_deref().unwrap_or_default(),
            label.as_deref().unwrap_or_default(),
            verdict.and_then(normalized_label).unwrap_or_default(),
            "",
            "",
            details.review.as_deref().unwrap_or(url),
            url,
            &evidence.join(" "),
            "text",
        ]));
    }
    out
}

/// `text` on one line of a TSV: tabs and line breaks become spaces; quoted when it holds a `"`.
fn tsv_field(text: &str) -> String {
    let line: String = text
        .chars()
        .map(|c| {
            if matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect();
    if line.contains('"') {
        quoted(&line)
    } else {
        line
    }
}

/// The claims whose check-worthiness is decided, as CheckThat!'s TSV.
pub fn checkthat_tsv(export: &Export) -> String {
    let mut out = format!("{}\n", CHECKTHAT_COLUMNS.join("\t"));
    for claim in export.claims() {
        let Some(worthy) = claim.claim.check_worthy else {
            continue;
        };
        let row = [
            tsv_field(&claim.id),
            tsv_field(export.article_url()),
            tsv_field(&claim.target.exact),
            (if worthy { "Yes" } else { "No" }).to_string(),
        ];
        out.push_str(&row.join("\t"));
        out.push('\n');
    }
    out
}
