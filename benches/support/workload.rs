//! Reading the shared workload (`../shared/bench/workload.mjs`) named on a benchmark's command line.

use serde::de::DeserializeOwned;

/// The workload at the first argument that is not a flag (default `target/workload.json`), read
/// into `T`.
pub fn read<T: DeserializeOwned>() -> T {
    let path = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_else(|| "target/workload.json".into());
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("read {path}: {e} (node ../shared/bench/workload.mjs ../shared/seed/article.ar.txt {path}, or `make bench`)")
    });
    serde_json::from_str(&raw).expect("workload JSON")
}
