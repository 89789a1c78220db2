//! The index by string key against a hash map of the same items.

use hamish::core::collections::index::{repeats, Index};
use proptest::prelude::*;
use std::collections::HashMap;

proptest! {
    /// Finds what a map built from the same items in order finds (the last item with the key).
    #[test]
    fn finds_what_a_map_finds(keys in proptest::collection::vec("[abc]{0,3}", 0..60), probe in "[abcd]{0,3}") {
        let index = Index::new(keys.iter().map(String::as_str));
        let map: HashMap<&str, usize> = keys.iter().enumerate().map(|(i, k)| (k.as_str(), i)).collect();
        prop_assert_eq!(index.find(&probe), map.get(probe.as_str()).copied());
        for k in &keys {
            prop_assert_eq!(index.find(k), map.get(k.as_str()).copied());
        }
    }
}

#[test]
fn finds_arabic_ids_and_nothing_in_an_empty_index() {
    let index = Index::new(["ب", "ا", "ب"]);
    assert_eq!(index.find("ب"), Some(2));
    assert_eq!(index.find("ا"), Some(1));
    assert_eq!(index.find("ج"), None);
    assert_eq!(Index::new([]).find(""), None);
}

#[test]
fn repeats_marks_every_key_an_earlier_one_equals() {
    let cases: Vec<(Vec<&str>, Vec<bool>)> = vec![
        (vec![], vec![]),
        (vec!["إيران"], vec![false]),
        (
            vec!["b", "a", "b", "b", "a", ""],
            vec![false, false, true, true, true, false],
        ),
        (vec!["", ""], vec![false, true]),
    ];
    for (keys, expected) in cases {
        assert_eq!(repeats(&keys), expected, "{keys:?}");
    }
}
