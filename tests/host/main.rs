//! The host tests, one integration-test crate (linked once): the pure core, tested without a browser.
//! The browser tests are tests/browser.rs and tests/browser_host.rs (wasm-bindgen-test).
#![cfg(not(target_arch = "wasm32"))]

mod common;

mod adopt;
mod anchor_cases;
mod anchor_props;
mod article;
mod backup;
mod bounded;
mod case;
mod changes;
mod claims;
mod collapse;
mod css_rem;
mod cursor;
mod elements;
mod embed_options;
mod export;
mod formats;
mod furniture;
mod fuzz;
mod graphemes;
mod highlight_plan;
mod history;
mod import;
mod index;
mod json;
mod later;
mod mentions;
mod merge;
mod messages;
mod persist;
mod registry_changes;
mod segments;
mod selectors;
mod sort;
mod sources;
mod state;
mod storage_keys;
mod stored_json;
mod suggestions;
mod times;
mod units;
