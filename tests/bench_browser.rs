//! Anchoring benchmark in the browser (headless Chromium), on the shared workload. Not a test: it
//! prints timings. Run by `make bench`, which generates the workload and sets HAMISH_WORKLOAD.
#![cfg(all(target_arch = "wasm32", feature = "bench-browser"))]

use hamish::core::anchoring::anchor::{anchor_all, Anchor};
use hamish::core::anchoring::selectors::TextSelector;
use hamish::core::entities::mentions::Matcher;
use hamish::core::text::span::Span;

#[path = "../benches/support/registry.rs"]
mod bench_registry;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const WORKLOAD: &str = include_str!(env!("HAMISH_WORKLOAD"));

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = now();
            f();
            now() - t
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

#[wasm_bindgen_test]
fn anchoring_in_the_browser() {
    let w: serde_json::Value = serde_json::from_str(WORKLOAD).expect("workload");
    let text = w["text"].as_str().unwrap_or_default();
    let edited = w["edited"].as_str().unwrap_or_default();
    let field = |a: &serde_json::Value, k: &str| a[k].as_str().unwrap_or_default().to_string();
    let targets: Vec<TextSelector> = w["anns"]
        .as_array()
        .map(|anns| {
            anns.iter()
                .map(|a| TextSelector {
                    exact: field(a, "exact"),
                    prefix: field(a, "prefix"),
                    suffix: field(a, "suffix"),
                    position: match (a["start"].as_u64(), a["end"].as_u64()) {
                        (Some(s), Some(e)) => Some(Span::new(s as usize, e as usize)),
                        _ => None,
                    },
                })
                .collect()
        })
        .unwrap_or_default();
    let found = anchor_all(edited, &targets)
        .iter()
        .filter(|a| matches!(a, Anchor::Found { .. }))
        .count();
    let unedited = median_ms(5, || drop(anchor_all(text, &targets)));
    let with_edits = median_ms(5, || drop(anchor_all(edited, &targets)));
    console_log!(
        "bench: browser anchoring of {} annotations on {} code points: unedited {unedited:.1} ms, 5% edited {with_edits:.1} ms ({found} anchored)",
        targets.len(),
        text.chars().count()
    );
}

#[wasm_bindgen_test]
fn mentions_in_the_browser() {
    let w: serde_json::Value = serde_json::from_str(WORKLOAD).expect("workload");
    let text = w["text"].as_str().unwrap_or_default();
    let registry = bench_registry::registry();
    let matcher = Matcher::new(&registry);
    let found = matcher.find(text).len();
    let time = median_ms(7, || drop(matcher.find(text)));
    let forms: usize = registry.iter().map(|e| e.forms.len()).sum();
    console_log!(
        "bench: browser mentions of {} entities ({forms} forms) in {} code points: {time:.1} ms ({found} found)",
        registry.len(),
        text.chars().count()
    );
}
