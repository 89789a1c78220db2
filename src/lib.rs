//! Hamish (هامش, "margin"): highlight the claims a news article makes and tag the entities it names,
//! in the browser, with annotations kept in localStorage and exported as W3C Web Annotations.
//!
//! `core` is pure Rust (no `web-sys`); `web` adapts the browser to it; `ui` holds the yew components.

pub mod core;
pub mod i18n;
pub mod ui;
pub mod web;

use std::rc::Rc;

/// Mounts the annotator on `element`, showing the bundled article.
pub fn mount_bundled(element: web_sys::Element) {
    let article = Rc::new(core::article::bundled());
    let lang = i18n::Lang::choose(web::page::query_param("ui").as_deref(), &article.lang);
    let props = ui::app::AppProps {
        article,
        registry: Rc::new(core::entities::default_registry()),
        lang,
    };
    yew::Renderer::<ui::app::App>::with_root_and_props(element, props).render();
}
