//! Inputs that used to crash or freeze Hamish, each now bounded: a quote of 140,000 distinct
//! characters, a whole-article claim re-anchored after a one-word edit, a line of `[a](`. The times
//! printed are for `cargo test --release -- --nocapture bounded`; the bounds asserted leave room for
//! a debug build on a busy machine.

use hamish::core::anchoring::anchor::{anchor_all, Anchor, Method, END_LEN, LONG_QUOTE};
use hamish::core::anchoring::edits::{bounded_distance, qgram_lower_bound, Unknown};
use hamish::core::anchoring::myers::{distance, search};
use hamish::core::anchoring::selectors::{describe, TextSelector};
use hamish::core::entities::registry::default_registry;
use hamish::core::storage::entry::{decode, Decoded, MAX_NOTE};
use hamish::core::text::article::bundled;
use hamish::core::text::formats::{markdown_blocks, plain_blocks};
use hamish::core::text::span::Span;
use hamish::core::w3c::import::{parse, MAX_IMPORT};
use proptest::prelude::*;
use serde_json::json;
use std::time::{Duration, Instant};

/// Runs `f`, prints how long it took and fails when it took longer than `limit` (ten times that in
/// an unoptimised build on a busy machine: the limits tell linear from quadratic, whose inputs here
/// would take minutes or hours, not fast from slow — that is for the benchmarks).
fn timed<T>(name: &str, limit: Duration, f: impl FnOnce() -> T) -> T {
    let limit = if cfg!(debug_assertions) {
        limit * 10
    } else {
        limit
    };
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    println!("{name}: {:.1} ms", took.as_secs_f64() * 1e3);
    assert!(took < limit, "{name} took {took:?} (limit {limit:?})");
    out
}

/// `n` distinct characters (code points from U+0100 up, skipping surrogates and unassigned planes).
fn distinct_chars(n: usize) -> String {
    (0x100u32..).filter_map(char::from_u32).take(n).collect()
}

/// About `len` code points of Arabic prose made of the bundled article's words in a fixed
/// pseudo-random order (a long article with no repeated passages).
fn long_article(len: usize) -> String {
    let words: Vec<String> = bundled()
        .text
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut out = String::new();
    let mut count = 0;
    while count < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let w = &words[(state % words.len() as u64) as usize];
        if count > 0 {
            out.push(if state % 23 == 0 { '\n' } else { ' ' });
            count += 1;
        }
        out.push_str(w);
        count += w.chars().count();
    }
    out
}

fn import(json: &str, text: &str) -> Result<hamish::core::w3c::import::Parsed, String> {
    parse(json, text, &default_registry(), "2026-11-30T08:00:00Z")
        .map_err(|e| hamish::i18n::Lang::En.import_error(&e))
}

#[test]
fn an_imported_quote_of_140k_distinct_characters_is_an_orphan_not_a_trap() {
    let quote = distinct_chars(140_000);
    let file = json!({ "type": "Annotation", "target": { "selector": {
        "type": "TextQuoteSelector", "exact": quote } } })
    .to_string();
    assert!(file.len() > 400_000, "{} bytes", file.len());
    let text = bundled().text;
    let parsed = timed(
        "import of a 140k-distinct-character quote",
        Duration::from_secs(5),
        || import(&file, &text),
    )
    .expect("a valid file");
    assert_eq!(parsed.orphaned(), 1);
}

#[test]
fn myers_memory_stays_linear_in_a_long_pattern_of_distinct_characters() {
    let pattern: Vec<char> = distinct_chars(140_000).chars().collect();
    let mut text = pattern[1000..1300].to_vec();
    text.extend(&pattern[..700]);
    // 140,000 characters in 2,188 blocks: a dense table would be 2.4 GB.
    let found = timed(
        "Myers search with a 140k-distinct-character pattern",
        Duration::from_secs(10),
        || search(&text, &pattern, pattern.len() - 500),
    );
    assert!(!found.is_empty());
}

#[test]
fn a_whole_article_claim_survives_a_one_word_edit_on_100k_characters() {
    let text = long_article(100_000);
    let len = text.chars().count();
    let target = describe(&text, Span::new(0, len));
    let word = text.split_whitespace().nth(7_000).expect("enough words");
    let edited = text.replacen(&format!(" {word} "), " كلمة ", 1);
    assert_ne!(edited, text);
    let anchors = timed(
        "whole-article claim (100k characters) after a one-word edit",
        Duration::from_secs(3),
        || anchor_all(&edited, std::slice::from_ref(&target)),
    );
    let edited_len = edited.chars().count();
    match anchors[0] {
        Anchor::Found { span, method, .. } => {
            let (start, end) = (span.start, span.end);
            assert_eq!((start, end, method), (0, edited_len, Method::Fuzzy));
        }
        Anchor::Orphan => panic!("the claim was lost"),
    }
}

#[test]
fn a_long_quote_is_found_again_after_edits_at_both_ends_and_text_inserted_before() {
    let text = long_article(20_000);
    let chars: Vec<char> = text.chars().collect();
    // From a word's start to a word's end.
    let from = (3_000..).find(|&i| chars[i - 1] == ' ').expect("a space");
    let to = (9_000..).find(|&i| chars[i] == ' ').expect("a space");
    let target = describe(&text, Span::new(from, to));
    let mut edited: Vec<char> = "مقدمة جديدة للمقال. ".chars().collect();
    edited.extend(&chars[..from + 10]);
    edited.extend("تعديل".chars());
    edited.extend(&chars[from + 12..to - 10]);
    edited.extend(&chars[to - 8..]);
    let edited: String = edited.into_iter().collect();
    let shift = "مقدمة جديدة للمقال. ".chars().count();
    match anchor_all(&edited, &[target])[0] {
        Anchor::Found { span, .. } => {
            let (start, end) = (span.start, span.end);
            assert_eq!(start, from + shift);
            assert_eq!(end, to + shift + 5 - 2 - 2);
        }
        Anchor::Orphan => panic!("lost"),
    }
}

#[test]
fn a_long_quote_whose_middle_was_replaced_is_an_orphan() {
    let text = long_article(20_000);
    let target = describe(&text, Span::new(1_000, 5_000));
    let chars: Vec<char> = text.chars().collect();
    let other: Vec<char> = long_article(30_000)
        .chars()
        .skip(22_000)
        .take(3_000)
        .collect();
    let mut edited: Vec<char> = chars[..1_000 + END_LEN + 50].to_vec();
    edited.extend(&other);
    edited.extend(&chars[1_000 + END_LEN + 50 + 3_000..]);
    let edited: String = edited.into_iter().collect();
    assert_eq!(anchor_all(&edited, &[target])[0], Anchor::Orphan);
    assert!(4_000 > LONG_QUOTE);
}

#[test]
fn a_line_of_link_openings_is_read_in_linear_time() {
    let line = "[a](".repeat(80_000);
    let blocks = timed(
        "Markdown: a 320 KB line of `[a](`",
        Duration::from_secs(2),
        || markdown_blocks(&line),
    );
    assert_eq!(blocks.len(), 1);
    let unclosed = "[a]".repeat(100_000) + "(";
    timed(
        "Markdown: `[a]` × 100,000 then `(`",
        Duration::from_secs(2),
        || markdown_blocks(&unclosed),
    );
    let headings = "# h\n".repeat(200_000);
    let blocks = timed("Markdown: 200,000 headings", Duration::from_secs(2), || {
        markdown_blocks(&headings)
    });
    assert_eq!(blocks.len(), 200_000);
    timed(
        "plain text: 5 MB of blank lines and words",
        Duration::from_secs(2),
        || plain_blocks(&"a\n\n\r\n".repeat(1_000_000)),
    );
}

#[test]
fn links_keep_their_text_as_before() {
    let blocks = markdown_blocks(
        "see [the report](https://x.org/a) and ![a map](m.png), [not a link] (x) [b](c",
    );
    assert_eq!(
        blocks[0].1,
        "see the report and a map, [not a link] (x) [b](c"
    );
}

#[test]
fn imports_over_the_limits_are_rejected_with_reasons() {
    let text = bundled().text;
    let one = |note: &str| {
        json!({ "type": "Annotation", "bodyValue": note,
                "target": { "selector": { "type": "TextQuoteSelector", "exact": "روسيا" } } })
    };
    let long_note = "ن".repeat(MAX_NOTE + 1);
    let file = json!([one("short"), one(&long_note)]).to_string();
    let parsed = import(&file, &text).expect("valid");
    assert_eq!(parsed.annotations.len(), 1);
    assert_eq!(parsed.rejected.len(), 1);
    assert_eq!(parsed.rejected[0].index, 2);
    assert!(hamish::i18n::Lang::En
        .reject_reason(&parsed.rejected[0].reason)
        .contains("note is too long"));

    let many: Vec<serde_json::Value> = (0..MAX_IMPORT + 5).map(|_| one("")).collect();
    let parsed = timed(
        "import of 10,005 annotations",
        Duration::from_secs(20),
        || import(&json!(many).to_string(), &text),
    )
    .expect("valid");
    assert_eq!(parsed.annotations.len(), MAX_IMPORT);
    assert_eq!(parsed.rejected.len(), 1);
    assert_eq!(parsed.rejected[0].index, MAX_IMPORT + 1);
    assert!(hamish::i18n::Lang::En
        .reject_reason(&parsed.rejected[0].reason)
        .contains("the 4 after it"));
}

#[test]
fn stored_entries_over_the_limits_are_unusable_and_long_contexts_are_cut() {
    let entry = |note: &str, prefix: &str| {
        json!({ "schema": 1, "article": "a", "annotations": [{
            "id": "urn:x:1", "kind": "claim", "start": 1, "end": 3, "exact": "ab",
            "prefix": prefix, "suffix": "s".repeat(100), "note": note,
            "created": "t", "modified": "t" }] })
        .to_string()
    };
    match decode(Some(&entry(&"n".repeat(MAX_NOTE + 1), ""))) {
        Decoded::Unusable(reason) => assert!(reason.contains("note"), "{reason}"),
        other => panic!("{other:?}"),
    }
    let prefix: String = ('a'..='z').cycle().take(100).collect();
    match decode(Some(&entry("", &prefix))) {
        Decoded::Stored(stored) => {
            let t = &stored.annotations[0].target;
            assert_eq!(t.prefix, prefix[68..]);
            assert_eq!(t.suffix, "s".repeat(32));
        }
        other => panic!("{other:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_banded_distance_equals_the_dynamic_program(
        a in "[ab ]{0,60}",
        b in "[ab ]{0,60}",
        max in 0usize..80,
    ) {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let d = distance(&a, &b);
        let got = bounded_distance(&a, &b, max, usize::MAX);
        if d <= max {
            prop_assert_eq!(got, Ok(d));
        } else {
            prop_assert_eq!(got, Err(Unknown::Over));
        }
        prop_assert!(qgram_lower_bound(&a, &b) <= d);
    }
}

#[test]
fn a_text_repeating_the_context_everywhere_is_searched_in_bounded_time() {
    // Every stored prefix and suffix is found every few characters, side by side with text between
    // them: without a cap every found prefix would be paired with every found suffix.
    let text = "في نشر ".repeat(40_000);
    let prefix = "في نشر ".repeat(5);
    let quote = "في ".repeat(60) + "كتب";
    let targets: Vec<TextSelector> = (0..300)
        .map(|i| TextSelector {
            exact: quote.clone(),
            prefix: prefix.clone(),
            suffix: prefix.clone(),
            position: Some(Span::new(i * 900, i * 900 + 183)),
        })
        .collect();
    let anchors = timed(
        "300 quotes in a text that repeats their context (280k characters)",
        Duration::from_secs(3),
        || anchor_all(&text, &targets),
    );
    assert_eq!(anchors.len(), targets.len());
}

#[test]
fn ten_thousand_copies_of_an_absent_long_quote_import_in_bounded_time() {
    // The same 300-character quote, found nowhere in a 1 MB article, 10,000 times (an import's limit).
    let text = long_article(1_000_000);
    let quote: String = "كلام لا يرد في المقال أبدا "
        .repeat(12)
        .chars()
        .take(300)
        .collect();
    let one = json!({ "type": "Annotation",
        "target": { "selector": { "type": "TextQuoteSelector", "exact": quote, "prefix": "قبل", "suffix": "بعد" } } });
    let many: Vec<serde_json::Value> = (0..MAX_IMPORT).map(|_| one.clone()).collect();
    let parsed = timed(
        "import of 10,000 copies of an absent 300-character quote",
        Duration::from_secs(3),
        || import(&json!(many).to_string(), &text),
    )
    .expect("valid");
    assert_eq!(parsed.annotations.len(), MAX_IMPORT);
    assert!(parsed.annotations.iter().all(|a| a.orphan));
}

#[test]
fn a_text_of_one_repeated_letter_is_searched_in_bounded_time() {
    // Every position is an exact occurrence of every quote: a search that lists occurrences, or
    // compares each with the next, would be quadratic here.
    let text = "ب".repeat(1_000_000);
    let targets: Vec<TextSelector> = (0..1_000)
        .map(|i| TextSelector {
            exact: "ب".repeat(40 + i % 200),
            prefix: "ب".repeat(32),
            suffix: "ك".repeat(32),
            position: (i % 2 == 0).then(|| Span::new(i * 997 + 5, i * 997 + 5 + 40 + i % 200)),
        })
        .collect();
    let edited = format!("ك{text}");
    let anchors = timed(
        "1,000 quotes in a 1 MB text of one letter",
        Duration::from_secs(3),
        || anchor_all(&edited, &targets),
    );
    assert_eq!(anchors.len(), targets.len());
}
