//! The entity registry: the entities a reader can tag, with labels, colours, Wikidata ids and the
//! surface forms news text names them by (see `mentions.rs`).

use crate::core::json::Value;
use crate::core::storage::json::{to_text, Fields, Json, Object};

/// An entity a span can be tagged with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Stable id stored in annotations.
    pub id: String,
    /// English label.
    pub label_en: String,
    /// Arabic label.
    pub label_ar: String,
    /// Underline colour (CSS), at least 4.5:1 against the page's white.
    pub color: String,
    /// Wikidata entity IRI, when the entity has one.
    pub wikidata: Option<String>,
    /// The words news text names the entity by, Arabic and English (e.g. `روسيا`, `الروسية`,
    /// `موسكو`, `Russia`, `Kremlin`). Arabic forms are written without proclitics (و ف ب ل ك), which
    /// the matcher strips itself; English forms are proper nouns, capitalised as they are written.
    pub forms: Vec<String>,
}

impl Entity {
    fn builtin(id: &str, en: &str, ar: &str, color: &str, qid: &str, forms: &[&str]) -> Self {
        Entity {
            id: id.into(),
            label_en: en.into(),
            label_ar: ar.into(),
            color: color.into(),
            wikidata: Some(format!("http://www.wikidata.org/entity/{qid}")),
            forms: forms.iter().map(|f| (*f).to_string()).collect(),
        }
    }

    /// The names as the reader gave them (Arabic, English): a name given in one language only is
    /// stored in both, and shows here in the field of its script only (an Arabic name never as the
    /// English one), so editing it changes the one name.
    pub fn given_names(&self) -> (&str, &str) {
        let arabic = |t: &str| t.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        match (&self.label_ar, &self.label_en) {
            (ar, en) if ar == en && arabic(ar) => (ar, ""),
            (ar, en) if ar == en => ("", en),
            (ar, en) => (ar, en),
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

/// The four default entities, in keyboard order (`1`–`4`).
pub fn default_registry() -> Vec<Entity> {
    vec![
        Entity::builtin(
            "russia",
            "Russia",
            "روسيا",
            "#1d4ed8",
            "Q159",
            &[
                "روسيا",
                "روسي",
                "روسية",
                "الروسي",
                "الروسية",
                "الروس",
                "روسيون",
                "الروسيون",
                "روسيين",
                "الروسيين",
                "موسكو",
                "الكرملين",
                "Russia",
                "Russian",
                "Russians",
                "Moscow",
                "Kremlin",
            ],
        ),
        Entity::builtin(
            "turkey",
            "Turkey",
            "تركيا",
            "#b91c1c",
            "Q43",
            &[
                "تركيا",
                "تركي",
                "التركي",
                "التركية",
                "تركية",
                "الأتراك",
                "أتراك",
                "أنقرة",
                "Turkey",
                "Türkiye",
                "Turkish",
                "Turks",
                "Ankara",
            ],
        ),
        Entity::builtin(
            "iran",
            "Iran",
            "إيران",
            "#047857",
            "Q794",
            &[
                "إيران",
                "إيراني",
                "الإيراني",
                "الإيرانية",
                "إيرانية",
                "إيرانيون",
                "الإيرانيون",
                "إيرانيين",
                "الإيرانيين",
                "طهران",
                "Iran",
                "Iranian",
                "Iranians",
                "Tehran",
            ],
        ),
        Entity::builtin(
            "al-assad",
            "al-Assad",
            "الأسد",
            "#7e22ce",
            "Q44329",
            &[
                "بشار الأسد",
                "بشار",
                "الأسد",
                "Bashar al-Assad",
                "Bashar",
                "al-Assad",
                "Assad",
            ],
        ),
    ]
}

/// Looks an entity up by id.
pub fn find<'a>(registry: &'a [Entity], id: &str) -> Option<&'a Entity> {
    registry.iter().find(|e| e.id == id)
}

/// The stored form of a reader's entity.
struct StoredEntity {
    id: String,
    label_en: String,
    label_ar: String,
    color: String,
    wikidata: Option<String>,
    forms: Vec<String>,
}

/// Stored with every field: `wikidata` may be `null`, `forms` empty.
impl Json for StoredEntity {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .str("id", &self.id)
            .str("label_en", &self.label_en)
            .str("label_ar", &self.label_ar)
            .str("color", &self.color)
            .opt_str("wikidata", self.wikidata.as_deref())
            .field("forms", &self.forms)
            .end();
    }

    fn read_json(value: Value) -> Result<Self, String> {
        let mut f = Fields::of(value)?;
        Ok(StoredEntity {
            id: f.get("id")?,
            label_en: f.get("label_en")?,
            label_ar: f.get("label_ar")?,
            color: f.get("color")?,
            wikidata: f.opt("wikidata")?,
            forms: f.or_default("forms")?,
        })
    }
}

/// Serializes the reader's own entities.
pub fn encode_custom(entities: &[Entity]) -> String {
    let stored: Vec<StoredEntity> = entities
        .iter()
        .map(|e| StoredEntity {
            id: e.id.clone(),
            label_en: e.label_en.clone(),
            label_ar: e.label_ar.clone(),
            color: e.color.clone(),
            wikidata: e.wikidata.clone(),
            forms: e.forms.clone(),
        })
        .collect();
    to_text(&stored)
}

/// Reads the reader's own entities, and whether all of the stored list could be read. Each entry is
/// read on its own: an unreadable one is skipped, not the whole list (the caller keeps a copy of the
/// list); ids of defaults are skipped; a colour that is not a readable `#rrggbb` becomes a dark grey
/// (colours end up in style attributes); a Wikidata id that is not one is dropped; a name missing in
/// one language is the other's (an export names a tag by it, and an empty name would name any
/// entity without one), or the id.
pub fn decode_custom(raw: Option<&str>) -> (Vec<Entity>, bool) {
    let Some(raw) = raw else {
        return (Vec::new(), true);
    };
    let Ok(Value::Array(items)) = crate::core::json::from_str(raw) else {
        return (Vec::new(), false);
    };
    let (count, defaults) = (items.len(), default_registry());
    let readable = |c: &str| contrast_with_white(c).is_some_and(|r| r >= 4.5);
    let read: Vec<StoredEntity> = items
        .into_iter()
        .filter_map(|v| StoredEntity::read_json(v).ok())
        .collect();
    let whole = read.len() == count;
    let custom = read
        .into_iter()
        .filter(|s| find(&defaults, &s.id).is_none())
        .map(|s| Entity {
            color: if readable(&s.color) {
                s.color
            } else {
                "#4b5563".into()
            },
            label_en: named(&named(&s.label_en, &s.label_ar), &s.id),
            label_ar: named(&named(&s.label_ar, &s.label_en), &s.id),
            id: s.id,
            wikidata: s.wikidata.filter(|w| wikidata_iri(w).is_ok()),
            forms: s.forms,
        })
        .collect();
    (custom, whole)
}

/// A new entity's id, free in `taken`: its English label in lower-case ASCII words joined by `-`, or,
/// for a name with no such words (an Arabic-only name), `entity-` and a hash of the name, so that
/// readers' different Arabic-only entities get different ids in every browser (a backup restored
/// elsewhere keeps its tags on its own entities); `-2`, `-3`, … when taken.
pub fn fresh_id(label_en: &str, label_ar: &str, taken: &[Entity]) -> String {
    let base: String = label_en
        .to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let base = if base.is_empty() {
        let mut hash = crate::core::text::hash::Fnv::default();
        let name = [label_ar, label_en].map(str::trim);
        hash.write(
            name.into_iter()
                .find(|n| !n.is_empty())
                .unwrap_or_default()
                .as_bytes(),
        );
        format!("entity-{}", hash.hex().get(..8).unwrap_or_default())
    } else {
        base
    };
    let mut candidate = base.clone();
    let mut n = 2;
    while find(taken, &candidate).is_some() {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}

/// `name`, or `other` when `name` is blank.
fn named(name: &str, other: &str) -> String {
    if name.trim().is_empty() { other } else { name }.to_string()
}

/// Whether an entity is one of the defaults (which cannot be edited or deleted).
pub fn is_default(id: &str) -> bool {
    find(&default_registry(), id).is_some()
}

/// `x`^2.4 for `x` in (0, 1], as x² times the square of x's fifth root, found by Newton's method from
/// above (monotone, exact to the last bits within 12 steps here). Hand-rolled rather than
/// `f64::powf`, which links libm's general `pow` (2.1 KB of wasm) for this one use.
pub fn pow_2_4(x: f64) -> f64 {
    let mut root = 1.0;
    for _ in 0..12 {
        let square = root * root;
        root = (4.0 * root + x / (square * square)) / 5.0;
    }
    x * x * root * root
}

/// Contrast ratio (WCAG) of a `#rrggbb` colour against white, or `None` when it is not such a colour.
pub fn contrast_with_white(color: &str) -> Option<f64> {
    let hex = color
        .strip_prefix('#')
        .filter(|h| h.len() == 6 && h.bytes().all(|b| b.is_ascii_hexdigit()))?;
    let channel = |i: usize| -> Option<f64> {
        let v = f64::from(u8::from_str_radix(hex.get(i..i + 2)?, 16).ok()?) / 255.0;
        Some(if v <= 0.03928 {
            v / 12.92
        } else {
            pow_2_4((v + 0.055) / 1.055)
        })
    };
    let luminance = 0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?;
    Some(1.05 / (luminance + 0.05))
}

/// A Wikidata id or IRI as typed (`Q12345`, `q12345`, `https://www.wikidata.org/wiki/Q12345`) as
/// its entity IRI, `None` when empty; the message says what is wrong.
pub fn wikidata_iri(text: &str) -> Result<Option<String>, String> {
    match text.trim() {
        "" => Ok(None),
        w => {
            let q = w.rsplit('/').next().unwrap_or(w).to_ascii_uppercase();
            // Q and a number from 1, without leading zeros (there is no Q0 or Q01).
            let number = q.strip_prefix('Q').unwrap_or("");
            let digits =
                (1..=12).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit());
            if !digits || number.starts_with('0') {
                return Err("a Wikidata id looks like Q12345".into());
            }
            Ok(Some(format!("http://www.wikidata.org/entity/{q}")))
        }
    }
}

/// A reader's entity from what they typed: a label in at least one language, a `#rrggbb` colour
/// readable on white (contrast at least 4.5:1), an optional Wikidata id (`Q` and digits, or its IRI)
/// and forms separated by commas, Arabic commas or lines. `id` keeps an edited entity's id; a new one
/// gets `taken`-free id from its labels.
pub fn custom_entity(
    id: Option<&str>,
    label_en: &str,
    label_ar: &str,
    color: &str,
    wikidata: &str,
    forms: &str,
    taken: &[Entity],
) -> Result<Entity, String> {
    let (label_en, label_ar) = (label_en.trim(), label_ar.trim());
    if label_en.is_empty() && label_ar.is_empty() {
        return Err("give the entity a name in Arabic or English".into());
    }
    let contrast = contrast_with_white(color.trim()).ok_or("choose a colour written as #rrggbb")?;
    if contrast < 4.5 {
        return Err("choose a darker colour: this one is hard to read on white".into());
    }
    let wikidata = wikidata_iri(wikidata)?;
    let mut forms: Vec<String> = forms
        .split([',', '،', '\n'])
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .map(str::to_string)
        .collect();
    for label in [label_ar, label_en] {
        if !label.is_empty() && !forms.iter().any(|f| f == label) {
            forms.insert(0, label.to_string());
        }
    }
    let (en, ar) = (named(label_en, label_ar), named(label_ar, label_en));
    // Two entities of one name could not be told apart where tags are named (exports, imports).
    if let Some(other) = taken.iter().find(|e| {
        Some(e.id.as_str()) != id
            && [&e.label_en, &e.label_ar]
                .iter()
                .any(|l| l.eq_ignore_ascii_case(&en) || l.eq_ignore_ascii_case(&ar))
    }) {
        return Err(format!(
            "«{}» is the name of another entity already",
            other.label(!label_ar.is_empty())
        ));
    }
    let id = match id {
        Some(id) => id.to_string(),
        None => fresh_id(label_en, label_ar, taken),
    };
    Ok(Entity {
        id,
        label_en: en,
        label_ar: ar,
        color: color.trim().to_ascii_lowercase(),
        wikidata,
        forms,
    })
}
