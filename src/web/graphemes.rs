//! Grapheme clusters from the browser's `Intl.Segmenter`, given to the core's
//! [`crate::core::text::graphemes`] (which segments only short windows). A browser without it keeps
//! the core's approximation (`marks_join`).

use crate::core::text::graphemes::use_segmenter;
use js_sys::{Intl, Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    static SEGMENTER: RefCell<Option<Intl::Segmenter>> = const { RefCell::new(None) };
}

/// Makes the browser's segmenter the one the core uses, when the browser has one. Idempotent. The
/// segmenter itself is built at its first use: building it takes ~16 ms (its locale data), which a
/// page that mounts Hamish should not pay before the reader selects anything.
pub fn install() {
    if available() {
        use_segmenter(intl_clusters);
    }
}

/// The browser's grapheme segmenter, built at the first call.
fn segmenter() -> Option<Intl::Segmenter> {
    SEGMENTER.with(|s| {
        let mut s = s.borrow_mut();
        if s.is_none() {
            let options = Object::new();
            Reflect::set(&options, &"granularity".into(), &"grapheme".into()).ok()?;
            *s = Some(Intl::Segmenter::new(&js_sys::Array::new(), &options));
        }
        s.clone()
    })
}

/// Whether `Intl.Segmenter` exists (constructing it where it does not would throw).
fn available() -> bool {
    Reflect::get(&js_sys::global(), &"Intl".into())
        .and_then(|intl| Reflect::get(&intl, &"Segmenter".into()))
        .is_ok_and(|s| s.is_function())
}

/// The clusters of `text` by `Intl.Segmenter`: the code point length of each.
fn intl_clusters(text: &str) -> Vec<usize> {
    let Some(segmenter) = segmenter() else {
        return crate::core::text::graphemes::marks_join(text);
    };
    let Ok(Some(iter)) = js_sys::try_iter(&segmenter.segment(text)) else {
        return crate::core::text::graphemes::marks_join(text);
    };
    iter.filter_map(Result::ok)
        .map(|item: JsValue| {
            item.unchecked_into::<Intl::SegmentData>()
                .segment()
                .as_string()
                .map_or(1, |g| g.chars().count())
        })
        .collect()
}
