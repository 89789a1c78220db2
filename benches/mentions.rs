//! Mention-finding benchmark on the shared workload (`../shared/bench/workload.mjs`): every mention
//! of 20 entities (the 4 defaults and 16 synthetic ones, about 10 forms each) in its ~1 MB Arabic text.
//!
//! `cargo bench --bench mentions -- WORKLOAD.json` (default `target/workload.json`; generate it with
//! `node ../shared/bench/workload.mjs ../shared/seed/article.ar.txt target/workload.json`).

use bench_registry::registry;
use hamish::core::entities::mentions::Matcher;
use serde::Deserialize;
#[path = "support/timing.rs"]
mod timing;
#[path = "support/workload.rs"]
mod workload;
use timing::median_ms;

#[path = "support/registry.rs"]
mod bench_registry;

#[derive(Deserialize)]
struct Workload {
    text: String,
}

fn main() {
    let w: Workload = workload::read();
    let registry = registry();
    let forms: usize = registry.iter().map(|e| e.forms.len()).sum();
    let matcher = Matcher::new(&registry);
    let found = matcher.find(&w.text);
    let mut per_entity: Vec<(String, usize)> = registry
        .iter()
        .map(|e| {
            (
                e.id.clone(),
                found.iter().filter(|m| m.entity == e.id).count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    per_entity.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let build = median_ms(11, || drop(Matcher::new(&registry)));
    let median = median_ms(11, || drop(matcher.find(&w.text)));
    println!(
        "registry: {} entities, {forms} forms; matcher built in {build:.3} ms",
        registry.len()
    );
    println!("per entity: {per_entity:?}");
    println!(
        "mentions: {} found in {} code points, median {median:.1} ms (native)",
        found.len(),
        w.text.chars().count()
    );
}
