//! The bundle's one stable sort against the standard library's.

use hamish::core::collections::sort::{sort_by, sort_by_key};
use proptest::prelude::*;

proptest! {
    /// Same order as `slice::sort_by`, equal keys keeping their order (stable).
    #[test]
    fn sorts_like_the_standard_library(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
        let mut ours = items.clone();
        sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
        let mut std_sorted = items.clone();
        std_sorted.sort_by(|a, b| a.0.cmp(&b.0));
        prop_assert_eq!(&ours, &std_sorted);
        let mut by_key = items;
        sort_by_key(&mut by_key, |x| x.0);
        prop_assert_eq!(by_key, std_sorted);
    }
}

#[test]
fn sorts_owned_values_without_copying_them() {
    let mut words: Vec<String> = ["ج", "ا", "ب", "ا"].iter().map(|s| s.to_string()).collect();
    sort_by(&mut words, |a, b| a.cmp(b));
    assert_eq!(words, ["ا", "ا", "ب", "ج"]);
    let mut empty: Vec<String> = Vec::new();
    sort_by(&mut empty, |a, b| a.cmp(b));
    assert!(empty.is_empty());
}
