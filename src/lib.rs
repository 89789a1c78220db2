//! Hamish (هامش, "margin"): highlight the claims a news article makes and tag the entities it names,
//! in the browser, with annotations kept in localStorage and exported as W3C Web Annotations.
//!
//! `core` is pure Rust (no `web-sys`); `web` adapts the browser to it; `ui` holds the yew components.

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod core;
pub mod embed;
pub mod i18n;
pub mod ui;
pub mod web;

/// Mounts the annotator on `element` for the standalone page: the article named by `?src=` (and
/// `?id=`) or `?text=`, else the bundled one; the interface language from `?ui=`, else the article's.
pub fn mount_page(element: web_sys::Element) {
    web::graphemes::install();
    web::case::install();
    web::page::reload_on_history();
    let param = web::page::query_param;
    let props = ui::loader::LoaderProps {
        src: param("src").filter(|s| !s.trim().is_empty()),
        id: param("id").filter(|s| !s.trim().is_empty()),
        text: param("text").filter(|s| !s.trim().is_empty()),
        ui: param("ui"),
    };
    yew::Renderer::<ui::loader::Loader>::with_root_and_props(element, props).render();
}
