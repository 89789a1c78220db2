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

/// Makes the browser's segmenter the one the core uses, when the browser has one. Idempotent.
pub fn install() {
    let installed = SEGMENTER.with(|s| s.borrow().is_some());
    if installed || !available() {
        return;
    }
    let options = Object::new();
    if Reflect::set(&options, &"granularity".into(), &"grapheme".into()).is_err() {
        return;
    }
    let segmenter = Intl::Segmenter::new(&js_sys::Array::new(), &options);
    SEGMENTER.with(|s| *s.borrow_mut() = Some(segmenter));
    use_segmenter(intl_clusters);
}

/// Whether `Intl.Segmenter` exists (constructing it where it does not would throw).
fn available() -> bool {
    Reflect::get(&js_sys::global(), &"Intl".into())
        .and_then(|intl| Reflect::get(&intl, &"Segmenter".into()))
        .is_ok_and(|s| s.is_function())
}

/// The clusters of `text` by `Intl.Segmenter`: the code point length of each.
fn intl_clusters(text: &str) -> Vec<usize> {
    SEGMENTER.with(|s| {
        let Some(segmenter) = s.borrow().clone() else {
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
    })
}
