//! Property tests: approximate search against a plain dynamic program, and anchoring under random edits.

use hamish::core::anchoring::anchor::{anchor_all, Anchor};
use hamish::core::anchoring::myers::{distance, search, ShortPattern};
use hamish::core::anchoring::selectors::describe;
use hamish::core::anchoring::selectors::TextSelector;
use hamish::core::text::span::Span;
use hamish::core::text::units::{cp_len, snap_to_graphemes};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

/// The smallest edit distance between `pattern` and any substring of `text` ending at each end.
fn brute_force_ends(text: &[char], pattern: &[char]) -> Vec<usize> {
    let m = pattern.len();
    let mut col: Vec<usize> = (0..=m).collect();
    let mut best = Vec::with_capacity(text.len());
    for &c in text {
        let mut diag = col[0];
        col[0] = 0;
        for i in 1..=m {
            let up = col[i];
            col[i] = if pattern[i - 1] == c {
                diag
            } else {
                1 + diag.min(up).min(col[i - 1])
            };
            diag = up;
        }
        best.push(col[m]);
    }
    best
}

/// Small alphabets make matches and near-matches common; Arabic letters, marks and an emoji mix units.
fn arabicish() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop::sample::select(vec![
            'ا', 'ب', 'ت', 'ل', 'م', 'ن', ' ', 'َ', 'ّ', 'ـ', 'أ', '😀', 'x',
        ]),
        0..120,
    )
    .prop_map(|v| v.into_iter().collect())
}

proptest! {
    // Saved failures stay beside this file (the default would look for tests/proptest-regressions/,
    // since tests/host/ holds the crate root main.rs).
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::with_cases(200)
    })]

    #[test]
    fn myers_finds_what_the_dynamic_program_finds(
        text in proptest::collection::vec(prop::sample::select(vec!['a', 'b', 'c']), 0..200),
        pattern in proptest::collection::vec(prop::sample::select(vec!['a', 'b', 'c']), 1..90),
        k in 0usize..6,
    ) {
        let ends = brute_force_ends(&text, &pattern);
        let found = search(&text, &pattern, k);
        for m in &found {
            prop_assert!(m.errors <= k);
            prop_assert_eq!(ends[m.end - 1], m.errors, "errors at end {}", m.end);
            prop_assert_eq!(distance(&pattern, &text[m.start..m.end]), m.errors, "start {} end {}", m.start, m.end);
        }
        // Every end within budget belongs to some reported run.
        let min = ends.iter().copied().min().unwrap_or(usize::MAX);
        if min <= k {
            prop_assert!(found.iter().any(|m| m.errors == min));
        } else {
            prop_assert!(found.is_empty());
        }
    }

    #[test]
    fn the_bit_parallel_distance_equals_the_dynamic_program(
        a in proptest::collection::vec(prop::sample::select(vec!['ا', 'ب', 'ت', ' ', 'x']), 0..64),
        b in proptest::collection::vec(prop::sample::select(vec!['ا', 'ب', 'ت', ' ', 'x']), 0..80),
    ) {
        let short = ShortPattern::new(&a).expect("at most 64");
        prop_assert_eq!(short.distance(&b), distance(&a, &b));
    }

    #[test]
    fn random_edits_never_panic_and_anchors_lie_on_grapheme_boundaries(
        text in arabicish(),
        edited in arabicish(),
        spans in proptest::collection::vec((0usize..130, 1usize..30), 1..6),
    ) {
        let len = cp_len(&text);
        prop_assume!(len > 0);
        let targets: Vec<TextSelector> = spans.iter().map(|&(s, l)| {
            let start = s.min(len - 1);
            describe(&text, Span::new(start, (start + l).min(len)))
        }).collect();
        // Anchor in an unrelated text and in one spliced from both.
        let spliced: String = text.chars().take(len / 2).chain(edited.chars()).chain(text.chars().skip(len / 2)).collect();
        for target_text in [&edited, &spliced] {
            let n = cp_len(target_text);
            for a in anchor_all(target_text, &targets) {
                if let Anchor::Found { span: Span { start, end }, .. } = a {
                    prop_assert!(start < end && end <= n);
                    prop_assert_eq!(snap_to_graphemes(target_text, start, end), (start, end));
                }
            }
        }
    }

    #[test]
    fn an_unchanged_text_reanchors_everything_to_its_old_place(
        text in arabicish(),
        spans in proptest::collection::vec((0usize..130, 1usize..30), 1..6),
    ) {
        let len = cp_len(&text);
        prop_assume!(len > 0);
        let mut targets = Vec::new();
        for &(s, l) in &spans {
            let start = s.min(len - 1);
            let Some((a, b)) = hamish::core::text::units::normalize_selection(&text, start, (start + l).min(len)) else { continue };
            targets.push(describe(&text, Span::new(a, b)));
        }
        for (t, a) in targets.iter().zip(anchor_all(&text, &targets)) {
            match a {
                Anchor::Found { span: Span { start, end }, .. } => prop_assert_eq!((Some(start), Some(end)), (t.position.map(|p| p.start), t.position.map(|p| p.end))),
                Anchor::Orphan => prop_assert!(false, "orphaned in an unchanged text: {:?}", t),
            }
        }
    }
}

#[test]
fn myers_handles_patterns_longer_than_a_word() {
    let text: Vec<char> = "يقول الكاتب إن "
        .chars()
        .chain("ب".repeat(150).chars())
        .chain("ت في النهاية".chars())
        .collect();
    let mut pattern: Vec<char> = "ب".repeat(150).chars().collect();
    pattern[70] = 'ن';
    let found = search(&text, &pattern, 3);
    assert!(
        found
            .iter()
            .any(|m| m.errors == 1 && (149..=150).contains(&(m.end - m.start))),
        "{found:?}"
    );
    assert!(found
        .iter()
        .all(|m| distance(&pattern, &text[m.start..m.end]) == m.errors));
}
