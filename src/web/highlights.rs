//! Highlights drawn over a host page's text without touching its DOM: the CSS Custom Highlight API
//! (`CSS.highlights`, `new Highlight(...ranges)`), styled by `::highlight(name)` rules.
//!
//! The only thing added to the host document is one `<style>` holding those `::highlight` rules, with
//! names unique to each mounted article, so nothing can leak onto the host's own elements. Nothing
//! wraps the text, so letters keep joining and the host's layout never moves.
//! (web-sys marks the API unstable, so it is reached through `js_sys::Reflect`.)

pub use crate::core::drawing::plan::Style;
use crate::core::entities::registry::Entity;
use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Range};

/// A named set of ranges to highlight in one style.
pub struct Layer {
    /// The layer's style (see [`Style`]).
    pub style: Style,
    /// The ranges.
    pub ranges: Vec<Range>,
}

/// The highlights of one mounted article.
pub struct Painter {
    prefix: String,
    style: Option<Element>,
    names: std::cell::RefCell<Vec<String>>,
}

/// `CSS.highlights` and the `Highlight` constructor, when the browser has them.
fn api() -> Option<(JsValue, Function)> {
    let global = js_sys::global();
    let css = Reflect::get(&global, &"CSS".into()).ok()?;
    let registry = Reflect::get(&css, &"highlights".into()).ok()?;
    let constructor = Reflect::get(&global, &"Highlight".into()).ok()?;
    if registry.is_undefined() {
        return None;
    }
    Some((registry, constructor.dyn_into().ok()?))
}

/// Calls `registry[method](args…)`.
fn call(registry: &JsValue, method: &str, args: &Array) {
    if let Ok(f) = Reflect::get(registry, &method.into())
        .and_then(|f| f.dyn_into::<Function>().map_err(JsValue::from))
    {
        let _ = Reflect::apply(&f, registry, args);
    }
}

impl Painter {
    /// Whether this browser can draw highlights (the CSS Custom Highlight API).
    pub fn supported() -> bool {
        api().is_some()
    }

    /// A painter whose highlight names start with `prefix` (a CSS identifier unique on the page),
    /// with the rules for `registry`'s colours added to the document.
    pub fn new(prefix: &str, registry: &[Entity]) -> Painter {
        let style = web_sys::window().and_then(|w| w.document()).and_then(|d| {
            let style = d.create_element("style").ok()?;
            style.set_attribute("data-hamish-highlights", prefix).ok()?;
            d.head()
                .map(Element::from)
                .or_else(|| d.body().map(Element::from))?
                .append_child(&style)
                .ok()?;
            Some(style)
        });
        let painter = Painter {
            prefix: prefix.into(),
            style,
            names: Default::default(),
        };
        painter.set_registry(registry);
        painter
    }

    /// The highlight name of a style.
    pub fn name(&self, style: &Style) -> String {
        let p = &self.prefix;
        match style {
            Style::Claim => format!("{p}-claim"),
            Style::Entity(i) => format!("{p}-entity-{i}"),
            Style::Suggestion(i) => format!("{p}-suggestion-{i}"),
            Style::Flash => format!("{p}-flash"),
        }
    }

    /// Rewrites the `::highlight` rules for `registry`'s colours (colours are checked `#rrggbb`).
    pub fn set_registry(&self, registry: &[Entity]) {
        let Some(style) = &self.style else { return };
        let mut css = format!(
            "::highlight({}){{background-color:rgba(245,179,1,.32)}}\n::highlight({}){{background-color:rgba(11,92,173,.28)}}\n",
            self.name(&Style::Claim),
            self.name(&Style::Flash)
        );
        // One past the end: tags of an entity no longer in the registry, in grey (see `Style::Entity`).
        let gone = registry.iter().map(Some).chain([None]);
        for (i, entity) in gone.enumerate() {
            let color = match entity {
                Some(e)
                    if crate::core::entities::registry::contrast_with_white(&e.color).is_some() =>
                {
                    e.color.as_str()
                }
                Some(_) => "#1f2328",
                None => "#555",
            };
            css.push_str(&format!(
                "::highlight({}){{text-decoration:underline solid {color};text-decoration-thickness:2px;text-underline-offset:.3em}}\n::highlight({}){{text-decoration:underline dotted {color};text-decoration-thickness:2px;text-underline-offset:.3em}}\n",
                self.name(&Style::Entity(i)),
                self.name(&Style::Suggestion(i)),
            ));
        }
        style.set_text_content(Some(&css));
    }

    /// Draws exactly `layers` (layers drawn before and not given now are removed). Later layers
    /// paint over earlier ones.
    pub fn paint(&self, layers: Vec<Layer>) {
        let Some((registry, constructor)) = api() else {
            return;
        };
        let mut names = Vec::with_capacity(layers.len());
        for (priority, layer) in layers.into_iter().enumerate() {
            let name = self.name(&layer.style);
            let ranges: Array = layer.ranges.into_iter().map(JsValue::from).collect();
            let Ok(highlight) = Reflect::construct(&constructor, &ranges) else {
                continue;
            };
            let _ = Reflect::set(
                &highlight,
                &"priority".into(),
                &JsValue::from(priority as i32),
            );
            call(
                &registry,
                "set",
                &Array::of2(&name.clone().into(), &highlight),
            );
            names.push(name);
        }
        for old in self.names.borrow().iter().filter(|n| !names.contains(n)) {
            call(&registry, "delete", &Array::of1(&old.into()));
        }
        *self.names.borrow_mut() = names;
    }

    /// Removes every highlight and the style rules.
    pub fn clear(&self) {
        self.paint(Vec::new());
        if let Some(style) = &self.style {
            style.remove();
        }
    }
}
