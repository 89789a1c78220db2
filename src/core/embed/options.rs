//! A host page's choices for an embedded article, from the mounted element's attributes and the
//! options object passed to `mount` (the object wins): validated, with clear messages.

use crate::core::claims::claim::evidence_url;
use crate::core::claims::settings::Reviewer;
use crate::core::claims::verdicts::{builtin_scale, custom_scale, default_scale, Scale};
use crate::core::entities::registry::{custom_entity, default_registry, find, Entity};
use crate::core::json::Value;
use crate::core::storage::json::Json;
use crate::core::storage::keys::{valid_namespace, DEFAULT_NAMESPACE};

/// Where the annotation panel goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PanelPlacement {
    /// Open, docked at the side of the window (the page's inline end).
    #[default]
    Side,
    /// Open, docked at the bottom of the window.
    Bottom,
    /// Closed: a small button opens it at the side.
    Collapsed,
}

impl PanelPlacement {
    /// The placement's name (`side`, `bottom`, `collapsed`).
    pub fn name(self) -> &'static str {
        match self {
            PanelPlacement::Side => "side",
            PanelPlacement::Bottom => "bottom",
            PanelPlacement::Collapsed => "collapsed",
        }
    }
}

/// Which side of the window the side panel goes on, and whether it fits there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PanelSide {
    /// `left` or `right`: the side with room, else the side with more room.
    pub side: &'static str,
    /// Whether the panel fits beside the article without covering it.
    pub fits: bool,
}

/// The side panel's place beside an article with `left` and `right` pixels of window beside it,
/// for a panel that needs `need` pixels: the side with room (the left one when both have),
/// else the roomier side, not fitting.
pub fn panel_side(left: f64, right: f64, need: f64) -> PanelSide {
    let fits = left.max(right) >= need;
    let side = if left >= right { "left" } else { "right" };
    PanelSide { side, fits }
}

/// Everything a host page can choose.
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedOptions {
    /// The article's id (the storage key's suffix); `None`: from the page's address.
    pub id: Option<String>,
    /// Interface language code (`ar`, `en`); `None`: the article's language.
    pub ui: Option<String>,
    /// The entities readers can tag, in keyboard order.
    pub entities: Vec<Entity>,
    /// The storage namespace.
    pub namespace: String,
    /// Highlights and notes are shown but cannot be changed.
    pub read_only: bool,
    /// Where the panel goes (`None`: not chosen — open at the side for the page's first article,
    /// collapsed for the others, so their panels do not cover each other).
    pub panel: Option<PanelPlacement>,
    /// A URL to load the article from instead of the element's own text.
    pub src: Option<String>,
    /// The verdict scale claims are judged on.
    pub scale: Scale,
    /// Who reviews claims on this site, when the site says.
    pub reviewer: Option<Reviewer>,
}

/// The attribute each option is read from (`data-src` also names the source).
pub const ATTRIBUTES: &[(&str, &str)] = &[
    ("id", "data-hamish-id"),
    ("ui", "data-hamish-ui"),
    ("entities", "data-hamish-entities"),
    ("namespace", "data-hamish-namespace"),
    ("readOnly", "data-hamish-readonly"),
    ("panel", "data-hamish-panel"),
    ("src", "data-src"),
    ("verdicts", "data-hamish-verdicts"),
    ("reviewer", "data-hamish-reviewer"),
];

/// One option's value, from the options object, else the element's attribute.
enum Given {
    Json(Value),
    Attr(String),
}

/// A string option (blank counts as not given).
fn text(name: &str, given: Option<Given>) -> Result<Option<String>, String> {
    match given {
        None | Some(Given::Json(Value::Null)) => Ok(None),
        Some(Given::Attr(s)) | Some(Given::Json(Value::String(s))) => {
            let s = s.trim();
            Ok((!s.is_empty()).then(|| s.to_string()))
        }
        Some(Given::Json(_)) => Err(format!("option “{name}” must be a string")),
    }
}

/// The entity with these settings: a default entity's id, or `{label, labelAr, color, wikidata, forms}`.
fn entity(value: &Value, taken: &[Entity]) -> Result<Entity, String> {
    let defaults = default_registry();
    if let Some(id) = value.as_str() {
        return find(&defaults, id.trim()).cloned().ok_or_else(|| {
            let known: Vec<&str> = defaults.iter().map(|e| e.id.as_str()).collect();
            format!("unknown entity “{id}” (built in: {})", known.join(", "))
        });
    }
    let field = |key: &str| {
        value
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let forms = match value.get("forms") {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("\n"),
        Some(Value::String(s)) => s.clone(),
        _ => String::new(),
    };
    if !value.is_object() {
        return Err(
            "each entity must be a built-in id or an object {label, labelAr, color, forms}".into(),
        );
    }
    let id = value
        .get("id")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty());
    if let Some(id) = id {
        if find(taken, id).is_some() {
            return Err(format!("entity id “{id}” is given twice"));
        }
    }
    custom_entity(
        id,
        &field("label"),
        &field("labelAr"),
        &field("color"),
        &field("wikidata"),
        &forms,
        taken,
    )
    .map_err(|e| format!("entity “{}”: {e}", field("label")))
}

/// The entity list: a JSON array, or an attribute of built-in ids separated by spaces or commas.
fn entities(given: Option<Given>) -> Result<Vec<Entity>, String> {
    let items: Vec<Value> = match given {
        None | Some(Given::Json(Value::Null)) => return Ok(default_registry()),
        Some(Given::Attr(s)) => s
            .split([' ', ',', '\t', '\n'])
            .filter(|s| !s.is_empty())
            .map(|s| Value::String(s.into()))
            .collect(),
        Some(Given::Json(Value::Array(items))) => items,
        Some(Given::Json(_)) => return Err("option “entities” must be an array".into()),
    };
    let mut out: Vec<Entity> = Vec::new();
    for item in &items {
        let e = entity(item, &out)?;
        if find(&out, &e.id).is_none() {
            out.push(e);
        }
    }
    if out.is_empty() {
        return Err("option “entities” lists no entity".into());
    }
    Ok(out)
}

/// The verdict scale: a built-in scale's id (`hamish`, `arafacts`), or the site's own verdicts as an
/// array (in an attribute, as JSON).
fn verdicts(given: Option<Given>) -> Result<Scale, String> {
    let value = match given {
        None | Some(Given::Json(Value::Null)) => return Ok(default_scale()),
        Some(Given::Json(v)) => v,
        Some(Given::Attr(s)) if s.trim_start().starts_with('[') => crate::core::json::from_str(&s)
            .map_err(|e| format!("option “verdicts” is not JSON ({e})"))?,
        Some(Given::Attr(s)) => Value::String(s),
    };
    match value {
        Value::String(id) => builtin_scale(id.trim()).ok_or_else(|| {
            format!("option “verdicts”: unknown scale “{id}” (built in: hamish, arafacts)")
        }),
        other => custom_scale(&other).map_err(|e| format!("option “verdicts”: {e}")),
    }
}

/// The reviewer: `{name, organization, url}` (in an attribute, as JSON); `url` must be a web address.
fn reviewer(given: Option<Given>) -> Result<Option<Reviewer>, String> {
    let value = match given {
        None | Some(Given::Json(Value::Null)) => return Ok(None),
        Some(Given::Json(v)) => v,
        Some(Given::Attr(s)) => crate::core::json::from_str(&s)
            .map_err(|e| format!("option “reviewer” is not JSON ({e})"))?,
    };
    let reviewer = Reviewer::read_json(value)
        .map_err(|_| "option “reviewer” must be {name, organization, url} (strings)".to_string())?;
    if !reviewer.url.trim().is_empty() && evidence_url(&reviewer.url).is_err() {
        return Err("option “reviewer”: url must be a plain http:// or https:// address".into());
    }
    Ok(Some(reviewer))
}

impl EmbedOptions {
    /// Reads the options: `attr` gives the mounted element's attributes, `json` the options object
    /// as JSON (`null` or `{}` when none was passed).
    pub fn parse(
        attr: impl Fn(&str) -> Option<String>,
        json: &str,
    ) -> Result<EmbedOptions, String> {
        let object: Value =
            crate::core::json::from_str(json).map_err(|e| format!("options are not JSON ({e})"))?;
        let object = match object {
            Value::Null => crate::core::json::Map::new(),
            Value::Object(map) => map,
            _ => return Err("options must be an object".into()),
        };
        let known: Vec<&str> = ATTRIBUTES.iter().map(|(k, _)| *k).collect();
        if let Some(unknown) = object.keys().find(|k| !known.contains(&k.as_str())) {
            return Err(format!(
                "unknown option “{unknown}” (known: {})",
                known.join(", ")
            ));
        }
        let given = |name: &str| -> Option<Given> {
            if let Some(v) = object.get(name) {
                return Some(Given::Json(v.clone()));
            }
            let (_, attribute) = ATTRIBUTES.iter().find(|(k, _)| *k == name)?;
            attr(attribute)
                .or_else(|| (name == "src").then(|| attr("data-hamish-src")).flatten())
                .map(Given::Attr)
        };
        let ui = text("ui", given("ui"))?;
        if let Some(ui) = &ui {
            if ui != "ar" && ui != "en" {
                return Err(format!("option “ui” must be \"ar\" or \"en\", not “{ui}”"));
            }
        }
        let namespace =
            text("namespace", given("namespace"))?.unwrap_or_else(|| DEFAULT_NAMESPACE.into());
        if !valid_namespace(&namespace) {
            return Err(format!(
                "option “namespace” must be 1–40 letters, digits, - or _, not “{namespace}”"
            ));
        }
        let read_only = match given("readOnly") {
            None | Some(Given::Json(Value::Null)) => false,
            Some(Given::Json(Value::Bool(b))) => b,
            Some(Given::Attr(s)) => !matches!(s.trim(), "false" | "no" | "0"),
            Some(Given::Json(_)) => return Err("option “readOnly” must be true or false".into()),
        };
        let panel = match text("panel", given("panel"))?.as_deref() {
            None => None,
            Some("side") => Some(PanelPlacement::Side),
            Some("bottom") => Some(PanelPlacement::Bottom),
            Some("collapsed") => Some(PanelPlacement::Collapsed),
            Some(other) => {
                return Err(format!(
                    "option “panel” must be side, bottom or collapsed, not “{other}”"
                ))
            }
        };
        let id = text("id", given("id"))?;
        if id.as_ref().is_some_and(|id| id.chars().count() > 2000) {
            return Err("option “id” is longer than 2,000 characters".into());
        }
        Ok(EmbedOptions {
            id,
            ui,
            entities: entities(given("entities"))?,
            namespace,
            read_only,
            panel,
            src: text("src", given("src"))?,
            scale: verdicts(given("verdicts"))?,
            reviewer: reviewer(given("reviewer"))?,
        })
    }
}

/// The default article id of a page: its canonical URL if it names one, else its address without
/// query or fragment.
pub fn default_id(canonical: Option<&str>, address: &str) -> String {
    canonical
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| address.split(['?', '#']).next().unwrap_or(address))
        .to_string()
}

/// The address of one article on a page whose address is `page`: the page itself when the article
/// is its only one, else `page#element-id`. Several articles where this one's element has no `id`
/// cannot be told apart after a reload, so that is an error asking for one.
pub fn article_address(
    page: &str,
    element_id: Option<&str>,
    several: bool,
) -> Result<String, String> {
    if !several {
        return Ok(page.to_string());
    }
    match element_id.map(str::trim).filter(|e| !e.is_empty()) {
        Some(el) => Ok(format!("{page}#{el}")),
        None => Err(
            "this page has several articles: give each element an id attribute or a data-hamish-id, \
             so each keeps its own annotations"
                .into(),
        ),
    }
}
