//! The index by string key against a hash map of the same items.

use hamish::core::collections::index::{pair, repeats, Index, Lookup};
use proptest::prelude::*;
use std::collections::HashMap;

/// Pairs as a map over the whole earlier list would: each later key with the earlier item that has
/// it, and the earlier items whose key went (keys unique within each list, as ids are).
fn pairs_by_map(before: &[&str], after: &[&str]) -> (Vec<Option<usize>>, Vec<usize>) {
    let old: HashMap<&str, usize> = before.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    let matched = after.iter().map(|k| old.get(k).copied()).collect();
    let gone = (0..before.len())
        .filter(|&j| !after.contains(&before[j]))
        .collect();
    (matched, gone)
}

proptest! {
    /// Pairing two versions of a list of unique keys (the later one any reordering, subset and
    /// extension of the earlier one) finds what a map over the whole earlier list finds.
    #[test]
    fn pairs_what_a_map_pairs(
        before in proptest::collection::hash_set("[a-e]{1,2}", 0..30),
        keep in proptest::collection::vec(any::<bool>(), 30),
        added in proptest::collection::hash_set("[d-h]{1,2}", 0..5),
        swap in any::<bool>(),
    ) {
        let before: Vec<&str> = before.iter().map(String::as_str).collect();
        let mut after: Vec<&str> = (before.iter().zip(&keep)).filter(|(_, k)| **k).map(|(b, _)| *b).collect();
        for a in &added {
            if !after.contains(&a.as_str()) {
                after.insert(after.len() / 2, a.as_str());
            }
        }
        if swap && after.len() > 2 {
            let mid = after.len() / 2;
            after.swap(0, mid);
        }
        let pairs = pair(&before, &after);
        let (matched, gone) = pairs_by_map(&before, &after);
        prop_assert_eq!(pairs.matched, matched);
        prop_assert_eq!(pairs.gone, gone);
    }

    /// A look-up by scan and one through the index find the same (the last item with the key).
    #[test]
    fn looks_up_by_scan_as_by_index(keys in proptest::collection::vec("[abc]{0,2}", 0..40), probe in "[abcd]{0,2}") {
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let (scan, sorted) = (Lookup::new(&keys, 1), Lookup::new(&keys, 1000));
        prop_assert_eq!(scan.find(&probe), sorted.find(&probe));
        for k in &keys {
            prop_assert_eq!(scan.find(k), sorted.find(k));
        }
    }
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

#[test]
fn pairs_a_long_list_changed_in_one_place() {
    let ids: Vec<String> = (0..1000).map(|i| format!("urn:uuid:{i}")).collect();
    let before: Vec<&str> = ids.iter().map(String::as_str).collect();
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("unchanged", before.clone()),
        ("one added in the middle", {
            let mut v = before.clone();
            v.insert(500, "new");
            v
        }),
        ("one removed at the start", before[1..].to_vec()),
        ("one removed at the end", before[..999].to_vec()),
        ("one moved", {
            let mut v = before.clone();
            let x = v.remove(10);
            v.insert(900, x);
            v
        }),
        ("all new", vec!["x", "y"]),
        ("emptied", vec![]),
    ];
    for (name, after) in cases {
        let pairs = pair(&before, &after);
        let (matched, gone) = pairs_by_map(&before, &after);
        assert_eq!(pairs.matched, matched, "{name}");
        assert_eq!(pairs.gone, gone, "{name}");
    }
}
