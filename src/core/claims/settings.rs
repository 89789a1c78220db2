//! A reader's fact-checking settings, set once and kept in this browser: the verdict scale they judge
//! claims on, and the reviewer details a ClaimReview names (who checked, for which organisation).

use crate::core::claims::verdicts::{builtin_scale, default_scale, Scale};
use serde::{Deserialize, Serialize};

/// Who reviews claims.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reviewer {
    /// The reviewer's name.
    #[serde(default)]
    pub name: String,
    /// Their organisation's name.
    #[serde(default)]
    pub organization: String,
    /// Their organisation's web address.
    #[serde(default)]
    pub url: String,
}

/// The reader's settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The id of the built-in verdict scale in use.
    #[serde(default = "default_scale_id")]
    pub scale: String,
    /// The reviewer details.
    #[serde(default)]
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
}

/// Reads stored settings (unreadable ones count as the defaults: they are only preferences).
pub fn decode(raw: Option<&str>) -> Settings {
    raw.and_then(|r| serde_json::from_str(r).ok())
        .unwrap_or_default()
}

/// Serializes the settings.
pub fn encode(settings: &Settings) -> String {
    serde_json::to_string(settings).unwrap_or_default()
}
