//! Verdict scales: the verdicts a fact-checker can give a claim, each with a stable id (exported as
//! the `assessing` body's value), Arabic and English labels, a colour readable on white, and a number
//! for ClaimReview's `ratingValue` (none for verdicts off the true–false axis, like Unverifiable).

use crate::core::entities::registry::contrast_with_white;
use crate::core::json::Value;

/// One verdict of a scale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// Stable id, e.g. `false`.
    pub id: String,
    /// English label.
    pub label_en: String,
    /// Arabic label.
    pub label_ar: String,
    /// Badge colour (`#rrggbb`), at least 4.5:1 against white.
    pub color: String,
    /// Its place on the scale (higher is truer), when it has one.
    pub value: Option<u32>,
}

impl Verdict {
    fn builtin(id: &str, en: &str, ar: &str, color: &str, value: Option<u32>) -> Verdict {
        Verdict {
            id: id.into(),
            label_en: en.into(),
            label_ar: ar.into(),
            color: color.into(),
            value,
        }
    }

    /// The label in the interface language (`true` for Arabic).
    pub fn label(&self, arabic: bool) -> &str {
        if arabic {
            &self.label_ar
        } else {
            &self.label_en
        }
    }
}

/// A verdict scale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scale {
    /// Stable id (`hamish`, `arafacts`, or a site's own).
    pub id: String,
    /// English name.
    pub name_en: String,
    /// Arabic name.
    pub name_ar: String,
    /// Its verdicts, truest first.
    pub verdicts: Vec<Verdict>,
}

impl Scale {
    /// The verdict with this id.
    pub fn verdict(&self, id: &str) -> Option<&Verdict> {
        self.verdicts.iter().find(|v| v.id == id)
    }

    /// The verdict with this id, on this scale or else on the first built-in scale that has it, with
    /// the range ([`Scale::range`]) of the scale it is on: a claim judged before the reader switched
    /// scales keeps its label, colour and rating (exported as "mostly-false" with no rating, once).
    pub fn judged(&self, id: &str) -> Option<(Verdict, Option<(u32, u32)>)> {
        let on = |s: &Scale| s.verdict(id).map(|v| (v.clone(), s.range()));
        on(self).or_else(|| builtin_scales().iter().find_map(on))
    }

    /// The highest and lowest `value` of its verdicts (ClaimReview's `bestRating`, `worstRating`).
    pub fn range(&self) -> Option<(u32, u32)> {
        let values = self.verdicts.iter().filter_map(|v| v.value);
        Some((values.clone().max()?, values.min()?))
    }

    /// The name in the interface language.
    pub fn name(&self, arabic: bool) -> &str {
        if arabic {
            &self.name_ar
        } else {
            &self.name_en
        }
    }
}

/// Hamish's default scale: True, Mostly true, Mixed, Mostly false, False (5 to 1), Unverifiable.
pub fn default_scale() -> Scale {
    Scale {
        id: "hamish".into(),
        name_en: "Hamish (six verdicts)".into(),
        name_ar: "هامش (ستة أحكام)".into(),
        verdicts: vec![
            Verdict::builtin("true", "True", "صحيح", "#166534", Some(5)),
            Verdict::builtin(
                "mostly-true",
                "Mostly true",
                "صحيح في معظمه",
                "#3f6212",
                Some(4),
            ),
            Verdict::builtin("mixed", "Mixed", "مختلط", "#854d0e", Some(3)),
            Verdict::builtin(
                "mostly-false",
                "Mostly false",
                "خاطئ في معظمه",
                "#9a3412",
                Some(2),
            ),
            Verdict::builtin("false", "False", "خاطئ", "#b91c1c", Some(1)),
            Verdict::builtin(
                "unverifiable",
                "Unverifiable",
                "لا يمكن التحقق منه",
                "#475569",
                None,
            ),
        ],
    }
}

/// AraFacts' normalised labels: True, Partly false, False (3 to 1), Sarcasm, Unverifiable.
pub fn arafacts_scale() -> Scale {
    Scale {
        id: "arafacts".into(),
        name_en: "AraFacts (normalised labels)".into(),
        name_ar: "AraFacts (التصنيفات الموحّدة)".into(),
        verdicts: vec![
            Verdict::builtin("true", "True", "صحيح", "#166534", Some(3)),
            Verdict::builtin(
                "partly-false",
                "Partly false",
                "خاطئ جزئيًا",
                "#9a3412",
                Some(2),
            ),
            Verdict::builtin("false", "False", "خاطئ", "#b91c1c", Some(1)),
            Verdict::builtin("sarcasm", "Sarcasm", "سخرية", "#6b21a8", None),
            Verdict::builtin(
                "unverifiable",
                "Unverifiable",
                "لا يمكن التحقق منه",
                "#475569",
                None,
            ),
        ],
    }
}

/// The built-in scales.
pub fn builtin_scales() -> Vec<Scale> {
    vec![default_scale(), arafacts_scale()]
}

/// The built-in scale with this id.
pub fn builtin_scale(id: &str) -> Option<Scale> {
    builtin_scales().into_iter().find(|s| s.id == id)
}

/// A site's own scale from the embed option `verdicts`: an array of
/// `{id, label, labelAr, color, value}` (id: lower-case letters, digits and `-`; a label in at least
/// one language; a `#rrggbb` colour readable on white; `value` an optional whole number 0–100),
/// validated like custom entities. The message says what is wrong.
pub fn custom_scale(value: &Value) -> Result<Scale, String> {
    let items = value
        .as_array()
        .ok_or("verdicts must be an array of {id, label, labelAr, color, value}")?;
    if items.is_empty() || items.len() > 20 {
        return Err("verdicts must list 1 to 20 verdicts".into());
    }
    let mut verdicts: Vec<Verdict> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let n = i + 1;
        let text = |key: &str| {
            item.get(key)
                .and_then(Value::as_str)
                .unwrap_or("")
                .trim()
                .to_string()
        };
        let id = text("id");
        let valid_id = !id.is_empty()
            && id.len() <= 40
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !valid_id {
            return Err(format!(
                "verdict {n}: id must be 1–40 lower-case letters, digits or -"
            ));
        }
        if verdicts.iter().any(|v| v.id == id) {
            return Err(format!("verdict {n}: the id “{id}” is used twice"));
        }
        let (label_en, label_ar) = (text("label"), text("labelAr"));
        if label_en.is_empty() && label_ar.is_empty() {
            return Err(format!("verdict {n}: give it a label (label or labelAr)"));
        }
        let color = text("color");
        match contrast_with_white(&color) {
            Some(c) if c >= 4.5 => {}
            Some(_) => {
                return Err(format!(
                    "verdict {n}: its colour is too light to read on white"
                ))
            }
            None => return Err(format!("verdict {n}: color must be written as #rrggbb")),
        }
        let value = match item.get("value") {
            None | Some(Value::Null) => None,
            Some(v) => Some(
                v.as_u64()
                    .filter(|x| *x <= 100)
                    .and_then(|x| u32::try_from(x).ok())
                    .ok_or(format!(
                        "verdict {n}: value must be a whole number from 0 to 100"
                    ))?,
            ),
        };
        verdicts.push(Verdict {
            label_en: if label_en.is_empty() {
                label_ar.clone()
            } else {
                label_en
            },
            label_ar: if label_ar.is_empty() {
                text("label")
            } else {
                label_ar
            },
            id,
            color,
            value,
        });
    }
    Ok(Scale {
        id: "site".into(),
        name_en: "This site's scale".into(),
        name_ar: "مقياس هذا الموقع".into(),
        verdicts,
    })
}
