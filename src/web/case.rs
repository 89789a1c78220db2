//! Case mapping from the browser's `String.prototype.toLowerCase`/`toUpperCase`, given to the
//! core's [`crate::core::text::case`] (which maps ASCII and caseless scripts itself).

use crate::core::text::case::use_case_mapping;
use js_sys::JsString;

/// Makes the browser's case mappings the ones the core uses.
pub fn install() {
    use_case_mapping(js_lower, js_upper);
}

fn js_lower(text: &str) -> String {
    String::from(JsString::from(text).to_lower_case())
}

fn js_upper(text: &str) -> String {
    String::from(JsString::from(text).to_upper_case())
}
