//! A reader's fact-checking settings, set once and kept in this browser: the verdict scale they judge
//! claims on, and the reviewer details a ClaimReview names (who checked, for which organisation).

use crate::core::claims::claim::evidence_url;
use crate::core::claims::verdicts::{builtin_scale, default_scale, Scale};
use crate::core::json::Value;
use crate::core::storage::json::{from_text, to_text, Fields, Json, Object};

/// Who reviews claims.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reviewer {
    /// The reviewer's name.
    pub name: String,
    /// Their organisation's name.
    pub organization: String,
    /// Their organisation's web address.
    pub url: String,
}

/// The reader's settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The id of the built-in verdict scale in use.
    pub scale: String,
    /// The reviewer details.
    pub reviewer: Reviewer,
}

fn default_scale_id() -> String {
    default_scale().id
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            scale: default_scale_id(),
            reviewer: Reviewer::default(),
        }
    }
}

impl Settings {
    /// The verdict scale in use (Hamish's default when the stored id is unknown).
    pub fn scale(&self) -> Scale {
        builtin_scale(&self.scale).unwrap_or_else(default_scale)
    }

    /// These settings, as a form saved them, carried onto `stored`: each field the form changed from
    /// `opened` (what it showed when it opened) is this one's, every other is `stored`'s — so a form
    /// left open does not write over what another tab saved meanwhile.
    pub fn carried_onto(&self, opened: &Settings, stored: &Settings) -> Settings {
        let pick = |mine: &String, was: &String, theirs: &String| {
            if mine == was { theirs } else { mine }.clone()
        };
        let (mine, was, theirs) = (&self.reviewer, &opened.reviewer, &stored.reviewer);
        Settings {
            scale: pick(&self.scale, &opened.scale, &stored.scale),
            reviewer: Reviewer {
                name: pick(&mine.name, &was.name, &theirs.name),
                organization: pick(&mine.organization, &was.organization, &theirs.organization),
                url: pick(&mine.url, &was.url, &theirs.url),
            },
        }
    }
}

/// Stored as `{"name":…,"organization":…,"url":…}`; a missing field is empty.
impl Json for Reviewer {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .str("name", &self.name)
            .str("organization", &self.organization)
            .str("url", &self.url)
            .end();
    }

    /// A website that is not a web address (checked as evidence links are: a restored backup or an
    /// edited entry is not typed through the form) is left out, so no ClaimReview names it.
    fn read_json(value: Value) -> Result<Self, String> {
        let mut f = Fields::of(value)?;
        let url: String = f.or_default("url")?;
        Ok(Reviewer {
            name: f.or_default("name")?,
            organization: f.or_default("organization")?,
            url: evidence_url(&url).unwrap_or_default(),
        })
    }
}

/// Stored as `{"scale":…,"reviewer":…}`; a missing scale is the default one.
impl Json for Settings {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .str("scale", &self.scale)
            .field("reviewer", &self.reviewer)
            .end();
    }

    fn read_json(value: Value) -> Result<Self, String> {
        let mut f = Fields::of(value)?;
        Ok(Settings {
            scale: f.or("scale", default_scale_id)?,
            reviewer: f.or_default("reviewer")?,
        })
    }
}

/// Reads stored settings, and whether they could be read (unreadable ones count as the defaults; the
/// caller keeps a copy of them).
pub fn decode(raw: Option<&str>) -> (Settings, bool) {
    match raw.map(from_text) {
        Some(Ok(settings)) => (settings, true),
        read => (Settings::default(), read.is_none()),
    }
}

/// Serializes the settings.
pub fn encode(settings: &Settings) -> String {
    to_text(settings)
}
