//! Grapheme clusters through the core's windows (`core::text::graphemes`) against Unicode's own
//! segmentation of the whole text, and the keyboard cursor's words against UAX #29's.

use hamish::core::text::cursor::word_runs;
use hamish::core::text::graphemes::{marks_join, unicode_clusters, WINDOW};
use hamish::core::text::units::{cp_len, normalize_selection, snap_to_graphemes};
use proptest::prelude::*;

#[path = "../support/grapheme_cases.rs"]
mod grapheme_cases;
use grapheme_cases::CASES;
use unicode_segmentation::UnicodeSegmentation;

/// The cluster boundaries of the whole text, by unicode-segmentation.
fn reference_boundaries(text: &str) -> Vec<usize> {
    let mut at = 0;
    let mut out = vec![0];
    for g in text.graphemes(true) {
        at += cp_len(g);
        out.push(at);
    }
    out
}

/// What snapping must give: the last boundary at or before `start`, the first at or after `end`.
fn reference_snap(text: &str, start: usize, end: usize) -> (usize, usize) {
    let b = reference_boundaries(text);
    let s = b.iter().copied().filter(|&x| x <= start).max().unwrap_or(0);
    let e = b
        .iter()
        .copied()
        .find(|&x| x >= end)
        .unwrap_or(cp_len(text));
    (s, e.max(s))
}

#[test]
fn snapping_keeps_letters_with_their_marks_and_emoji_whole() {
    for &(text, start, end, expected) in CASES {
        assert_eq!(
            snap_to_graphemes(text, start, end),
            expected,
            "{text:?} {start}..{end}"
        );
        assert_eq!(
            reference_snap(text, start, end),
            expected,
            "reference, {text:?}"
        );
    }
}

#[test]
fn white_space_is_trimmed_but_a_space_carrying_a_mark_is_kept() {
    assert_eq!(normalize_selection("  نص  ", 0, 6), Some((2, 4)));
    assert_eq!(normalize_selection(" \u{0651}نص ", 0, 5), Some((0, 4)));
    assert_eq!(normalize_selection("   ", 0, 3), None);
    assert_eq!(normalize_selection("\u{0600} 12", 0, 4), Some((0, 4)));
}

#[test]
fn a_long_run_of_marks_costs_a_window_not_the_text() {
    let text = format!("ب{}", "\u{0651}".repeat(100_000));
    let (s, e) = snap_to_graphemes(&text, 50_000, 50_001);
    assert!(s >= 50_000 - WINDOW && e <= 50_001 + WINDOW, "{s}..{e}");
}

#[test]
fn the_approximation_for_browsers_without_a_segmenter_is_right_for_arabic() {
    let text = "قالَ الرَّئِيسُ: «سَنُواصِلُ» 👍🏽 و👨‍👩‍👧";
    assert_eq!(marks_join(text), unicode_clusters(text));
}

/// Characters that exercise every rule: plain letters, marks, joiners, emoji, flags, CR LF, Hangul.
fn tricky() -> impl Strategy<Value = String> {
    let alphabet: Vec<char> = "ab قلم\u{064E}\u{0651}\u{0670}\u{0301}\u{200D}\u{200C}\u{FE0F}👍🏽👨🇸🇾\r\n\u{0600}\u{1100}\u{1161}\u{11A8}\u{0915}\u{094D}\u{0924} .،"
        .chars()
        .collect();
    proptest::collection::vec(proptest::sample::select(alphabet), 0..80)
        .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    /// Snapping through short windows gives what segmenting the whole text gives.
    #[test]
    fn windows_agree_with_the_whole_text(text in tricky(), a in 0usize..90, b in 0usize..90) {
        let len = cp_len(&text);
        let (start, end) = (a.min(b).min(len), a.max(b).min(len));
        prop_assert_eq!(snap_to_graphemes(&text, start, end), reference_snap(&text, start, end));
    }
}

#[test]
fn the_cursor_finds_the_words_unicode_finds_in_the_article() {
    let text = hamish::core::text::article::bundled().text;
    let ours: Vec<&str> = word_runs(&text)
        .into_iter()
        .filter(|(_, word)| *word)
        .map(|(w, _)| w)
        .collect();
    let unicode: Vec<&str> = text
        .split_word_bounds()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    assert_eq!(ours, unicode);
    let english = "The U.S. envoy didn't say 3.5% or 1,000 — e.g. نعم؛ لا.";
    let ours: Vec<&str> = word_runs(english)
        .into_iter()
        .filter(|r| r.1)
        .map(|r| r.0)
        .collect();
    let unicode: Vec<&str> = english
        .split_word_bounds()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    assert_eq!(ours, unicode);
}
