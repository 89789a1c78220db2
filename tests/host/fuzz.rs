//! Fuzz-style property tests over every parser of outside input: random and structured hostile
//! inputs (deep nesting, huge numbers, long strings, invalid UTF-8, `[a](` repetitions, many
//! annotations). Each must return (no panic) within [`LIMIT`] for inputs up to a few hundred KB.
//! Each test prints how many inputs it tried (`cargo test --release fuzz -- --nocapture`).

use hamish::core::embed::options::{EmbedOptions, ATTRIBUTES};
use hamish::core::entities::registry::{decode_custom, default_registry};
use hamish::core::storage::entry::decode as decode_entry;
use hamish::core::text::article::bundled;
use hamish::core::text::formats::{markdown_blocks, plain_blocks};
use hamish::core::text::source::decode as decode_source;
use hamish::core::w3c::import::parse as import;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Value};
use std::cell::Cell;
use std::time::{Duration, Instant};

/// The longest any one parser call may take (a debug build is some ten times slower).
const LIMIT: Duration = if cfg!(debug_assertions) {
    Duration::from_millis(15_000)
} else {
    Duration::from_millis(1_000)
};

/// Runs `check` on `cases` inputs drawn from `inputs`, failing on a panic or a call slower than
/// [`LIMIT`]; prints the number of inputs tried (shrinking included) and the slowest call.
fn fuzz<T: std::fmt::Debug>(
    name: &str,
    cases: u32,
    inputs: impl Strategy<Value = T>,
    check: impl Fn(&T),
) {
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let (tried, slowest) = (Cell::new(0usize), Cell::new(Duration::ZERO));
    let result = runner.run(&inputs, |input| {
        tried.set(tried.get() + 1);
        let start = Instant::now();
        check(&input);
        let took = start.elapsed();
        slowest.set(slowest.get().max(took));
        prop_assert!(took < LIMIT, "took {took:?}");
        Ok(())
    });
    println!(
        "fuzz {name}: {} inputs, slowest {:.1} ms",
        tried.get(),
        slowest.get().as_secs_f64() * 1e3
    );
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
}

/// Text that is not JSON, or barely: anything, deep nesting, huge numbers, long strings.
fn hostile_json() -> BoxedStrategy<String> {
    prop_oneof![
        "\\PC{0,300}",
        (1usize..20_000).prop_map(|n| "[".repeat(n) + &"]".repeat(n)),
        (1usize..5_000).prop_map(|n| "{\"a\":".repeat(n) + "1" + &"}".repeat(n)),
        (1usize..5_000).prop_map(|n| "[{\"items\":".repeat(n)),
        "-?[0-9]{1,400}(\\.[0-9]{0,60})?([eE][+-]?[0-9]{1,8})?",
        (0usize..200_000).prop_map(|n| format!("\"{}\"", "ش".repeat(n))),
        (0usize..50_000).prop_map(|n| format!("\"{}\"", "\\u00e9\\ud83d".repeat(n))),
    ]
    .boxed()
}

/// A quote: nothing, random text, a slice of the article, long Arabic, a long run of one letter.
fn quote(text: &'static str) -> BoxedStrategy<String> {
    let chars: &'static [char] = Vec::leak(text.chars().collect());
    prop_oneof![
        "\\PC{0,40}",
        (0..chars.len(), 1usize..2_000)
            .prop_map(move |(s, l)| chars[s..(s + l).min(chars.len())].iter().collect()),
        "[ء-ي ]{0,3000}",
        (0usize..30_000).prop_map(|n| "ا".repeat(n)),
        (0usize..5_000).prop_map(|n| (0x100u32..).filter_map(char::from_u32).take(n).collect()),
    ]
    .boxed()
}

fn number() -> BoxedStrategy<Value> {
    prop_oneof![
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        (0u64..20_000).prop_map(Value::from),
        Just(json!("12")),
        Just(Value::Null),
    ]
    .boxed()
}

/// One W3C annotation with hostile parts.
fn annotation(text: &'static str) -> BoxedStrategy<Value> {
    let selector = prop_oneof![
        (quote(text), "\\PC{0,100}", "\\PC{0,100}").prop_map(
            |(exact, prefix, suffix)| json!({ "type": "TextQuoteSelector",
                "exact": exact, "prefix": prefix, "suffix": suffix })
        ),
        (number(), number())
            .prop_map(|(s, e)| json!({ "type": "TextPositionSelector", "start": s, "end": e })),
        Just(json!({ "type": ["TextQuoteSelector"], "exact": 5 })),
        Just(json!({ "type": "RangeSelector" })),
    ];
    let body = prop_oneof![
        Just(json!({ "purpose": "tagging", "value": "russia" })),
        "\\PC{0,20}".prop_map(|v| json!({ "purpose": "tagging", "value": v })),
        Just(json!({ "purpose": "classifying", "value": "claim" })),
        "\\PC{0,200}".prop_map(|v| json!({ "purpose": "commenting", "value": v })),
        "\\PC{0,50}".prop_map(Value::from),
        Just(
            json!({ "purpose": ["identifying"], "source": "http://www.wikidata.org/entity/Q159" })
        ),
    ];
    (
        prop::collection::vec(selector, 0..4),
        prop::collection::vec(body, 0..3),
        "\\PC{0,60}",
    )
        .prop_map(|(selectors, bodies, id)| {
            json!({ "type": "Annotation", "id": id, "body": bodies,
                    "target": { "source": "https://example.com", "selector": selectors } })
        })
        .boxed()
}

/// A whole import file: one of the W3C shapes holding hostile annotations, many copies of one, or
/// hostile JSON.
fn import_file(text: &'static str) -> BoxedStrategy<String> {
    let many = prop::collection::vec(annotation(text), 0..60);
    prop_oneof![
        3 => many.clone().prop_map(|items| json!({ "type": "AnnotationCollection",
            "first": { "type": "AnnotationPage", "items": items } }).to_string()),
        2 => many.prop_map(|items| Value::Array(items).to_string()),
        1 => (annotation(text), 0usize..1_000).prop_map(|(a, n)| Value::Array(vec![a; n]).to_string()),
        1 => hostile_json(),
    ]
    .boxed()
}

fn article_text() -> &'static str {
    String::leak(bundled().text)
}

#[test]
fn fuzz_w3c_import() {
    let text = article_text();
    let registry = default_registry();
    fuzz("w3c import", 128, import_file(text), |file| {
        let parsed = import(file, text, &registry, "2026-12-01T00:00:00Z");
        if let Ok(parsed) = parsed {
            for a in parsed.annotations.iter().filter(|a| !a.orphan) {
                let span = a.span();
                assert!(span.end <= text.chars().count());
            }
        }
    });
}

/// A stored entry: well formed with hostile fields, or hostile JSON.
fn entry() -> BoxedStrategy<String> {
    let annotation = (
        "\\PC{0,40}",
        prop_oneof![
            Just(json!("claim")),
            Just(json!({ "entity": "russia" })),
            "\\PC{0,10}".prop_map(Value::from)
        ],
        number(),
        number(),
        prop_oneof!["\\PC{0,200}", (0usize..200_000).prop_map(|n| "ب".repeat(n))],
        "\\PC{0,300}",
        prop_oneof!["\\PC{0,100}", (0usize..120_000).prop_map(|n| "n".repeat(n))],
    )
        .prop_map(|(id, kind, start, end, exact, context, note)| {
            json!({ "id": id, "kind": kind, "start": start, "end": end, "exact": exact,
                    "prefix": context, "suffix": context, "note": note,
                    "created": "t", "modified": "t" })
        });
    prop_oneof![
        3 => (prop::collection::vec(annotation, 0..50), prop_oneof![Just(json!(1)), number()])
            .prop_map(|(items, schema)| json!({ "schema": schema, "article": "a",
                "annotations": items }).to_string()),
        2 => hostile_json(),
    ]
    .boxed()
}

#[test]
fn fuzz_stored_entry() {
    fuzz("stored entry", 256, entry(), |raw| {
        drop(decode_entry(Some(raw)))
    });
}

/// Markdown and plain text: anything, link and emphasis marks repeated, long lines, many lines.
fn document() -> BoxedStrategy<String> {
    let piece = prop_oneof![
        Just("[a]("),
        Just("[a]"),
        Just("!["),
        Just("]("),
        Just(")"),
        Just("_"),
        Just("*"),
        Just("`"),
        Just("```\n"),
        Just("# "),
        Just("- "),
        Just("1. "),
        Just("\n"),
        Just("\r\n"),
        Just("\n\n"),
        Just("كلمة "),
    ];
    prop_oneof![
        "\\PC{0,2000}",
        prop::collection::vec(piece, 0..5_000).prop_map(|p| p.concat()),
        (
            prop_oneof![
                Just("[a]("),
                Just("![a]"),
                Just("[]("),
                Just("# x\n"),
                Just("_a_")
            ],
            0usize..80_000
        )
            .prop_map(|(p, n)| p.repeat(n)),
    ]
    .boxed()
}

#[test]
fn fuzz_markdown_and_plain_text() {
    fuzz("markdown + plain text", 256, document(), |doc| {
        drop(markdown_blocks(doc));
        drop(plain_blocks(doc));
    });
}

#[test]
fn fuzz_custom_entities() {
    let entity = (
        "\\PC{0,30}",
        "\\PC{0,30}",
        prop_oneof!["#[0-9a-f]{6}", "\\PC{0,12}"],
        prop::collection::vec("\\PC{0,30}", 0..20),
    )
        .prop_map(|(id, label, color, forms)| {
            json!({ "id": id, "label_en": label, "label_ar": label, "color": color, "forms": forms })
        });
    let list = prop_oneof![
        3 => prop::collection::vec(entity, 0..200).prop_map(|l| Value::Array(l).to_string()),
        2 => hostile_json(),
    ];
    fuzz("custom entities", 256, list, |raw| {
        drop(decode_custom(Some(raw)))
    });
}

#[test]
fn fuzz_embed_options() {
    let value = prop_oneof![
        "\\PC{0,40}".prop_map(Value::from),
        any::<bool>().prop_map(Value::from),
        number(),
        (0usize..100_000).prop_map(|n| Value::from("x".repeat(n))),
        Just(json!({ "nested": [[[]]] })),
    ];
    let keys = prop_oneof![
        (0..ATTRIBUTES.len()).prop_map(|i| ATTRIBUTES[i].0.to_string()),
        "\\PC{0,12}",
    ];
    let options = prop_oneof![
        3 => prop::collection::vec((keys.clone(), value), 0..10)
            .prop_map(|kv| Value::Object(kv.into_iter().collect()).to_string()),
        2 => hostile_json(),
    ];
    let attributes = prop::collection::vec(
        (
            (0..ATTRIBUTES.len()).prop_map(|i| ATTRIBUTES[i].1.to_string()),
            prop_oneof!["\\PC{0,40}", (0usize..100_000).prop_map(|n| "ع".repeat(n))],
        ),
        0..8,
    );
    fuzz(
        "embed options",
        256,
        (options, attributes),
        |(json, attrs)| {
            let attr = |name: &str| {
                attrs
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.clone())
            };
            drop(EmbedOptions::parse(attr, json));
        },
    );
}

#[test]
fn fuzz_source_decode() {
    let bytes = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..4096),
        "\\PC{0,2000}".prop_map(String::into_bytes),
        ("\\PC{0,200}", any::<u8>(), 0usize..100_000).prop_map(|(s, b, n)| {
            let mut v = s.into_bytes();
            v.extend(std::iter::repeat_n(b, n));
            v
        }),
        (0usize..4).prop_map(|extra| vec![b'a'; 5 * 1024 * 1024 + extra - 2]),
    ];
    fuzz("source decode", 256, bytes, |b| drop(decode_source(b)));
}
