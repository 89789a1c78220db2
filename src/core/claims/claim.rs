//! What a fact-checker records about a claim beyond its span: a verdict from the active scale, how
//! far the checking has got, who made the claim, the evidence, when the claim was made, and whether
//! it is worth checking. Kept on the claim's annotation (stored only when something is set).

use serde::{Deserialize, Serialize};

/// How far the checking of a claim has got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Claimant {
    /// One of the article's entity annotations (its id).
    Entity(String),
    /// A name typed by the reader, with its Wikidata IRI when given.
    Named {
        /// The name.
        name: String,
        /// `http://www.wikidata.org/entity/Q…`
        #[serde(default, skip_serializing_if = "Option::is_none")]
        wikidata: Option<String>,
    },
}

/// What a piece of evidence does for the claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// An `http:` or `https:` URL.
    pub url: String,
    /// Supports, refutes or context.
    pub stance: Stance,
}

/// Everything recorded about a claim (all optional; a new claim has none of it).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimDetails {
    /// The verdict's id in the active scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<String>,
    /// When the verdict was set (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict_at: Option<String>,
    /// How far the checking has got.
    #[serde(default, skip_serializing_if = "is_unverified")]
    pub status: Status,
    /// Who made the claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant: Option<Claimant>,
    /// The evidence, in the order it was added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// When the claim was made (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Whether the claim is worth checking, when decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_worthy: Option<bool>,
}

fn is_unverified(status: &Status) -> bool {
    *status == Status::Unverified
}

impl ClaimDetails {
    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        *self == ClaimDetails::default()
    }

    /// Whether the claim is marked Checked without a verdict (the reader is asked for one).
    pub fn needs_verdict(&self) -> bool {
        self.status == Status::Checked && self.verdict.is_none()
    }
}

/// The longest URL kept as evidence.
pub const URL_MAX: usize = 2048;

/// `text` as an evidence URL: trimmed, `http:` or `https:` with a host, no white space, at most
/// [`URL_MAX`] characters. The message says what is wrong.
pub fn evidence_url(text: &str) -> Result<String, String> {
    let url = text.trim();
    if url.is_empty() {
        return Err("give the evidence's address".into());
    }
    if url.len() > URL_MAX {
        return Err(format!("the address is longer than {URL_MAX} characters"));
    }
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or("the address must start with http:// or https://")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_ok = !host.is_empty()
        && !host.starts_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || ".-:[]@_".contains(c));
    if !host_ok || url.chars().any(char::is_whitespace) {
        return Err("that is not a web address".into());
    }
    Ok(url.to_string())
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
