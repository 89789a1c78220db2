//! The host tests, one integration-test crate (linked once): the pure core, tested without a browser.
//! The browser tests are tests/browser.rs and tests/browser_host.rs (wasm-bindgen-test).
#![cfg(not(target_arch = "wasm32"))]

mod common;

mod anchor_cases;
mod anchor_props;
mod article;
mod bounded;
mod changes;
mod collapse;
mod css_rem;
mod embed_options;
mod export;
mod fuzz;
mod highlight_plan;
mod import;
mod mentions;
mod persist;
mod segments;
mod selectors;
mod sources;
mod state;
mod suggestions;
mod units;
