//! The embed bundle's entry: the JavaScript API a news site calls (see the README, "Embedding").
//! `mount(element, options)` resolves to a handle with `annotations()`, `export(format)`, `import(json)` and
//! `unmount()`; `scripts/embed/hamish.js` wraps it and mounts every `[data-hamish]` element.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A mounted article, as the page's script holds it.
#[wasm_bindgen]
pub struct Handle {
    inner: hamish::embed::Mounted,
}

/// A JavaScript `Error` whose message starts with "Hamish: ".
fn error(message: &str) -> JsError {
    JsError::new(&format!("Hamish: {message}"))
}

#[wasm_bindgen]
impl Handle {
    /// The article's id (its storage key's suffix).
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.inner.id()
    }

    /// The annotations, as the W3C `AnnotationCollection` the Export button downloads.
    pub fn annotations(&self) -> Result<JsValue, JsError> {
        let json = self.inner.annotations().map_err(|e| error(&e))?;
        js_sys::JSON::parse(&json).map_err(|_| error("export failed"))
    }

    /// The annotations as a file's text in `format` (`w3c`, `claimreview`, `arafacts-csv`,
    /// `checkthat-tsv`, `jsonl`); an unknown format throws.
    pub fn export(&self, format: &str) -> Result<String, JsError> {
        self.inner.export(format).map_err(|e| error(&e))
    }

    /// Imports W3C annotations (JSON text, or the parsed object) and returns the report
    /// `{anchored, orphaned, rejected}`; invalid input throws and changes nothing.
    #[wasm_bindgen(js_name = "import")]
    pub fn import_json(&self, json: JsValue) -> Result<JsValue, JsError> {
        let text = match json.as_string() {
            Some(text) => text,
            None => js_sys::JSON::stringify(&json)
                .ok()
                .and_then(|s| s.as_string())
                .ok_or_else(|| error("import needs JSON text or an object"))?,
        };
        let report = self.inner.import(&text).map_err(|e| error(&e))?;
        js_sys::JSON::parse(&report).map_err(|_| error("import failed"))
    }

    /// Removes Hamish from the element (annotations stay stored).
    pub fn unmount(&mut self) {
        self.inner.unmount();
    }
}

/// Mounts Hamish on `element`; `options` as in the README (`id`, `ui`, `entities`, `namespace`,
/// `readOnly`, `panel`, `src`), each also readable from the element's `data-hamish-*` attributes.
#[wasm_bindgen]
pub async fn mount(element: JsValue, options: JsValue) -> Result<Handle, JsError> {
    let element: web_sys::Element = element
        .dyn_into()
        .map_err(|_| error("mount needs an element"))?;
    let options = if options.is_undefined() || options.is_null() {
        "null".to_string()
    } else {
        js_sys::JSON::stringify(&options)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| error("options must be a plain object"))?
    };
    hamish::embed::mount(element, &options)
        .await
        .map(|inner| Handle { inner })
        .map_err(|e| error(&e))
}

fn main() {}
