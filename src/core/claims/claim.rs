//! What a fact-checker records about a claim beyond its span: a verdict from the active scale, how
//! far the checking has got, who made the claim, the evidence, when the claim was made, and whether
//! it is worth checking. Kept on the claim's annotation (stored only when something is set).

use crate::core::json::Value;
use crate::core::storage::json::{Fields, Json, Object};

/// How far the checking of a claim has got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Status {
    /// Not looked at yet.
    #[default]
    Unverified,
    /// Being checked.
    InReview,
    /// Checked (a verdict is expected).
    Checked,
}

impl Status {
    /// Every status, in the order checking goes.
    pub const ALL: [Status; 3] = [Status::Unverified, Status::InReview, Status::Checked];

    /// The exported and stored name (`unverified`, `in-review`, `checked`).
    pub fn name(self) -> &'static str {
        match self {
            Status::Unverified => "unverified",
            Status::InReview => "in-review",
            Status::Checked => "checked",
        }
    }

    /// The status a name stands for.
    pub fn from_name(name: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// Who made a claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Claimant {
    /// One of the article's entity annotations (its id).
    Entity(String),
    /// A name typed by the reader, with its Wikidata IRI when given.
    Named {
        /// The name.
        name: String,
        /// `http://www.wikidata.org/entity/Q…`
        wikidata: Option<String>,
    },
}

/// What a piece of evidence does for the claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stance {
    /// It supports the claim.
    Supports,
    /// It refutes the claim.
    Refutes,
    /// It gives context.
    Context,
}

impl Stance {
    /// Every stance.
    pub const ALL: [Stance; 3] = [Stance::Supports, Stance::Refutes, Stance::Context];

    /// The exported and stored name (`supports`, `refutes`, `context`).
    pub fn name(self) -> &'static str {
        match self {
            Stance::Supports => "supports",
            Stance::Refutes => "refutes",
            Stance::Context => "context",
        }
    }

    /// The stance a name stands for.
    pub fn from_name(name: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// A piece of evidence: a web address and what it does for the claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// An `http:` or `https:` URL.
    pub url: String,
    /// Supports, refutes or context.
    pub stance: Stance,
}

/// Everything recorded about a claim (all optional; a new claim has none of it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClaimDetails {
    /// The verdict's id in the active scale.
    pub verdict: Option<String>,
    /// When the verdict was set (RFC 3339).
    pub verdict_at: Option<String>,
    /// How far the checking has got.
    pub status: Status,
    /// Who made the claim.
    pub claimant: Option<Claimant>,
    /// The evidence, in the order it was added.
    pub evidence: Vec<Evidence>,
    /// When the claim was made (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// Whether the claim is worth checking, when decided.
    pub check_worthy: Option<bool>,
    /// Where the fact-check of this claim is published: an address [`evidence_url`] accepts
    /// (ClaimReview's `url`).
    pub review: Option<String>,
}

impl ClaimDetails {
    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        *self == ClaimDetails::default()
    }

    /// Whether `url` (as [`evidence_url`] writes it) is already among the evidence: a link is
    /// listed once.
    pub fn lists(&self, url: &str) -> bool {
        self.evidence.iter().any(|e| e.url == url)
    }

    /// Whether its evidence is within the limits: at most [`MAX_EVIDENCE`] links, each at most
    /// [`URL_MAX`] characters.
    pub fn evidence_fits(&self) -> bool {
        self.evidence.len() <= MAX_EVIDENCE
            && self
                .evidence
                .iter()
                .all(|e| e.url.chars().count() <= URL_MAX)
    }

    /// Cuts its evidence to the limits (see [`ClaimDetails::evidence_fits`]): links too long go, then
    /// those past the first [`MAX_EVIDENCE`].
    pub fn cut_evidence(&mut self) {
        self.evidence.retain(|e| e.url.chars().count() <= URL_MAX);
        self.evidence.truncate(MAX_EVIDENCE);
    }

    /// Whether the claim is marked Checked without a verdict (the reader is asked for one).
    pub fn needs_verdict(&self) -> bool {
        self.status == Status::Checked && self.verdict.is_none()
    }
}

impl Json for Status {
    fn write_json(&self, out: &mut String) {
        crate::core::storage::json::string(out, self.name());
    }

    fn read_json(value: Value) -> Result<Self, String> {
        value
            .as_str()
            .and_then(Status::from_name)
            .ok_or_else(|| "expected unverified, in-review or checked".into())
    }
}

impl Json for Stance {
    fn write_json(&self, out: &mut String) {
        crate::core::storage::json::string(out, self.name());
    }

    fn read_json(value: Value) -> Result<Self, String> {
        value
            .as_str()
            .and_then(Stance::from_name)
            .ok_or_else(|| "expected supports, refutes or context".into())
    }
}

/// Stored as `{"entity":id}` or `{"named":{"name":…,"wikidata":…}}` (no `wikidata` when unknown).
impl Json for Claimant {
    fn write_json(&self, out: &mut String) {
        match self {
            Claimant::Entity(id) => Object::new(out).str("entity", id).end(),
            Claimant::Named { name, wikidata } => {
                let mut named = String::new();
                let mut o = Object::new(&mut named);
                o.str("name", name);
                if let Some(w) = wikidata {
                    o.str("wikidata", w);
                }
                o.end();
                Object::new(out).raw("named", &named).end();
            }
        }
    }

    fn read_json(value: Value) -> Result<Self, String> {
        let mut f = Fields::of(value)?;
        match (f.opt::<String>("entity")?, f.opt::<Value>("named")?) {
            (Some(id), None) => Ok(Claimant::Entity(id)),
            (None, Some(named)) => {
                let mut n = Fields::of(named)?;
                Ok(Claimant::Named {
                    name: n.get("name")?,
                    wikidata: n.opt("wikidata")?,
                })
            }
            _ => Err("expected {\"entity\":…} or {\"named\":…}".into()),
        }
    }
}

impl Json for Evidence {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .str("url", &self.url)
            .field("stance", &self.stance)
            .end();
    }

    fn read_json(value: Value) -> Result<Self, String> {
        let mut f = Fields::of(value)?;
        Ok(Evidence {
            url: f.get("url")?,
            stance: f.get("stance")?,
        })
    }
}

/// Stored with only what is set: no `status` while unverified, no empty `evidence`, no `None`s.
impl Json for ClaimDetails {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        if let Some(v) = &self.verdict {
            o.str("verdict", v);
        }
        if let Some(at) = &self.verdict_at {
            o.str("verdict_at", at);
        }
        if self.status != Status::Unverified {
            o.field("status", &self.status);
        }
        if let Some(c) = &self.claimant {
            o.field("claimant", c);
        }
        if !self.evidence.is_empty() {
            o.field("evidence", &self.evidence);
        }
        if let Some(d) = &self.date {
            o.str("date", d);
        }
        if let Some(w) = self.check_worthy {
            o.bool("check_worthy", w);
        }
        if let Some(r) = &self.review {
            o.str("review", r);
        }
        o.end();
    }

    fn read_json(value: Value) -> Result<Self, String> {
        let mut f = Fields::of(value)?;
        Ok(ClaimDetails {
            verdict: f.opt("verdict")?,
            verdict_at: f.opt("verdict_at")?,
            status: f.or_default("status")?,
            claimant: f.opt("claimant")?,
            evidence: f.or_default("evidence")?,
            date: f.opt("date")?,
            check_worthy: f.opt_bool("check_worthy")?,
            // An address edited by hand into storage that is not one is left out.
            review: f
                .opt::<String>("review")?
                .and_then(|r| evidence_url(&r).ok()),
        })
    }
}

/// The longest URL kept as evidence, in characters (code points; what a field's `maxlength` counts
/// for all but the rarest characters).
pub const URL_MAX: usize = 2048;

/// The most evidence links a claim keeps (its form draws each one: thousands held the page for
/// seconds, then trapped).
pub const MAX_EVIDENCE: usize = 100;

/// The longest claimant name kept, in code points (longer ones are cut: a name of megabytes held the
/// page for minutes in its one-line field).
pub const MAX_CLAIMANT: usize = 500;

/// `name` cut to [`MAX_CLAIMANT`] code points.
pub fn claimant_name(name: &str) -> String {
    match name.char_indices().nth(MAX_CLAIMANT) {
        Some((cut, _)) => name[..cut].to_string(),
        None => name.to_string(),
    }
}

/// Why an address is refused as evidence (or as the reviewer's website).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlError {
    /// Empty, too long, not `http:`/`https:`, no host, or white space in it.
    NotWeb,
    /// A user name before the host (`https://trusted.example@evil.example/`): it reads as another
    /// site.
    Userinfo,
    /// A direction control, a control character or an invisible formatting character: the link's
    /// text could read as another address.
    Hidden,
    /// A part of the host that mixes Latin letters with Cyrillic or Greek ones (`exаmple` with a
    /// Cyrillic `а`), or has letters that only look like plain Latin ones (full-width, small
    /// capitals): it reads as another site.
    Lookalike,
}

/// Whether `c` is a direction control, a control character or an invisible formatting character:
/// text holding one can read as other text (an address as another, a name reordering what follows).
pub fn hidden(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{061C}' | '\u{200B}' | '\u{200E}' | '\u{200F}'
        | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}')
        || c.is_control()
}

/// `text` as an evidence URL: trimmed, `http:` or `https:` (any case; written in lower case) with a
/// host and no user name, no white space, no direction controls, control or invisible characters,
/// no host part mixing Latin letters with Cyrillic or Greek ones, at most
/// [`URL_MAX`] characters.
pub fn evidence_url(text: &str) -> Result<String, UrlError> {
    let url = text.trim();
    if url.chars().any(hidden) {
        return Err(UrlError::Hidden);
    }
    let (scheme, rest) = url.split_once("://").ok_or(UrlError::NotWeb)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.contains('@') {
        return Err(UrlError::Userinfo);
    }
    // Latin letters beside Greek or Cyrillic ones in one part of the host, or letters that only
    // look like plain Latin ones (full-width forms, which the browser turns into ASCII; small
    // capitals and other phonetic letters).
    let latin = |c: char| {
        c.is_ascii_alphabetic() || matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
    };
    let greek_or_cyrillic = |c: char| {
        matches!(c, '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}' | '\u{0400}'..='\u{052F}'
            | '\u{1C80}'..='\u{1C8F}' | '\u{2DE0}'..='\u{2DFF}' | '\u{A640}'..='\u{A69F}')
    };
    let posing = |c: char| matches!(c, '\u{1D00}'..='\u{1DBF}' | '\u{FF01}'..='\u{FF5E}');
    let mixed = host.split('.').any(|label| {
        label.chars().any(posing)
            || (label.chars().any(latin) && label.chars().any(greek_or_cyrillic))
    });
    if mixed {
        return Err(UrlError::Lookalike);
    }
    let host_ok = !host.is_empty()
        && !host.starts_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || ".-:[]_".contains(c));
    if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"))
        || !host_ok
        || url.chars().count() > URL_MAX
        || url.chars().any(char::is_whitespace)
    {
        return Err(UrlError::NotWeb);
    }
    Ok(format!("{}://{rest}", scheme.to_ascii_lowercase()))
}

/// `text` as a claim date `YYYY-MM-DD` (a real calendar date), or `None` when empty.
pub fn claim_date(text: &str) -> Result<Option<String>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let stamp = format!("{text}T00:00:00Z");
    if text.len() == 10 && crate::core::annotations::time::parse(&stamp).is_some() {
        Ok(Some(text.to_string()))
    } else {
        Err("a date looks like 2026-11-30".into())
    }
}
