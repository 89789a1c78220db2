//! `core::json` against `serde_json`, which it replaces in the bundle: the same values read, the
//! same text written (compact and pretty), the same inputs refused with the same messages.

use crate::common::{ours, theirs};
use hamish::core::json::{self, to_string_pretty, Value};
use hamish::json;
use proptest::prelude::*;

/// What serde_json makes of `text`: its compact and pretty text, or its error message.
fn serde(text: &str) -> Result<(String, String), String> {
    serde_json::from_str::<serde_json::Value>(text)
        .map(|v| {
            let pretty = serde_json::to_string_pretty(&v).unwrap_or_default();
            (v.to_string(), pretty)
        })
        .map_err(|e| e.to_string())
}

/// What we make of `text`, the same way.
fn hamish(text: &str) -> Result<(String, String), String> {
    json::from_str(text)
        .map(|v| (v.to_string(), to_string_pretty(&v)))
        .map_err(|e| e.to_string())
}

#[test]
fn reads_and_writes_what_serde_json_does() {
    let cases = [
        "null",
        "true",
        " false ",
        "0",
        "-1",
        "18446744073709551615",
        "-9223372036854775808",
        r#""""#,
        r#""بشار الأسد""#,
        r#""emoji 😀 and flag 🇸🇾 and ZWJ 👩‍👩‍👧""#,
        r#""\u0628\u0634\u0627\u0631""#,
        r#""\ud83d\ude00""#,
        r#""quote \" backslash \\ slash \/ \b \f \n \r \t""#,
        r#""\u0000 \u001f \u007f \u0080 \u2028""#,
        "\"\u{7f}\u{2028}\"",
        "[]",
        "{}",
        "[[]]",
        "[{}]",
        "[1, [2, [3, []]], {}]",
        r#"{"b": 1, "a": 2, "ج": 3, "A": 4, "": 5}"#,
        r#"{"a": 1, "a": 2}"#,
        r#"{"z": {"y": [true, null, {"x": "نص"}]}, "a": []}"#,
        "\n\t\r [ 1 , 2 ] \n",
        // Numbers serde_json reads as f64 and that we write as it does.
        "1.5",
        "1.50",
        "-0",
        "-0.0",
        "0.0",
        "0e5",
        "1e2",
        "1E2",
        "1e+2",
        "1e-2",
        "1.25e-3",
        "123456789012345",
        "0.000001",
        "0.0000001",
        "1e15",
        "1e16",
        "1e22",
        "-1.5e-7",
        "1234e18",
        "12345.678e10",
        "100000000000000000000",
        "1e-99999999999999",
        "0e99999999999999",
    ];
    for text in cases {
        assert_eq!(hamish(text), serde(text), "{text}");
    }
}

#[test]
fn numbers_read_as_serde_json_reads_them() {
    for text in [
        "0",
        "7",
        "-7",
        "1.0",
        "1e2",
        "-0",
        "18446744073709551615",
        "18446744073709551616",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "-9223372036854775809",
    ] {
        let (a, b) = (
            json::from_str(text).expect(text),
            serde_json::from_str::<serde_json::Value>(text).expect(text),
        );
        assert_eq!(a.as_u64(), b.as_u64(), "{text}");
        assert_eq!(a.as_i64(), b.as_i64(), "{text}");
        assert_eq!(a.is_number(), b.is_number(), "{text}");
    }
}

/// Numbers whose `f64` we cannot know without float arithmetic keep the text they were read in;
/// serde_json writes its nearest `f64`. Read back, both are the same `f64`.
#[test]
fn other_floats_keep_their_text() {
    for text in [
        "1.0000000000000001",
        "123456789012345678901",
        "1e23",
        "1.5e-30",
        "1.7976931348623157e308",
        "-18446744073709551616e-20",
    ] {
        let value = json::from_str(text).expect(text);
        assert_eq!(value.to_string(), text);
        assert_ne!(serde(text).map(|t| t.0).as_deref(), Ok(text));
        assert_eq!(
            theirs(&value),
            serde_json::from_str::<serde_json::Value>(text).expect(text)
        );
    }
}

#[test]
fn refuses_what_serde_json_refuses_with_its_messages() {
    let cases = [
        "",
        "   ",
        "\n\n  ",
        "[1,]",
        "[1,,2]",
        "[,1]",
        "{\"a\":1,}",
        "{,}",
        "{\"a\" 1}",
        "{\"a\":}",
        "{1:2}",
        "{\"a\":1 \"b\":2}",
        "{\"a\":1,2}",
        "[1 2]",
        "[1",
        "[1,",
        "{\"a\":1",
        "{\"a\"",
        "{\"a\":1,",
        "{",
        "[",
        "01",
        "-01",
        "00",
        "1.",
        "1.e5",
        ".5",
        "+1",
        "-",
        "-a",
        "1e",
        "1e+",
        "1ea",
        "1e309",
        "1.8e308",
        "-1e400",
        "1e99999999999999",
        "1797693134862315807937289714053034150799341327100378269361737789804449682927647509466490179775872070963302864166928879109465555478519404026306574886715058206819089020007083836762738548458177115317644757302700698555713669596228429148198608349364752927190741684443655107043427115596995080930428801779041744977920",
        "1797693134862315807937289714053034150799341327100378269361737789804449682927647509466490179775872070963302864166928879109465555478519404026306574886715058206819089020007083836762738548458177115317644757302700698555713669596228429148198608349364752927190741684443655107043427115596995080930428801779041744977920000",
        "NaN",
        "Infinity",
        "nul",
        "nulx",
        "tru",
        "fals",
        "True",
        "\"abc",
        "\"\\",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\u12g4\"",
        "\"\\ud800\"",
        "\"\\ud800x\"",
        "\"\\ud800\\n\"",
        "\"\\ud800\\u0041\"",
        "\"\\udc00\"",
        "\"\\ud800",
        "\"\\ud800\\",
        "\"tab\there\"",
        "\"line\nbreak\"",
        "\"\u{1}\"",
        "// comment\n1",
        "/* c */ 1",
        "[1] // c",
        "1 2",
        "{} x",
        "[]]",
        "'single'",
        "{'a': 1}",
        "\u{feff}{}",
        "[\n  1,\n  2,\n]",
        "{\n  \"a\": 1\n  \"b\": 2\n}",
        "\"عربي\" x",
        "[\"😀\",]",
    ];
    for text in cases {
        let expected = serde(text);
        assert!(expected.is_err(), "serde_json reads {text:?}");
        assert_eq!(hamish(text), expected, "{text:?}");
    }
}

#[test]
fn the_import_error_message_is_serde_jsons() {
    assert_eq!(
        hamish("x").err().as_deref(),
        Some("expected value at line 1 column 1")
    );
    assert_eq!(
        hamish("").err().as_deref(),
        Some("EOF while parsing a value at line 1 column 0")
    );
}

#[test]
fn nesting_is_bounded_at_serde_jsons_limit() {
    for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
        for depth in [1, 126, 127, 128, 129, 10_000] {
            let text = format!("{}{}{}", open.repeat(depth), "1", close.repeat(depth));
            let (ours, serde) = (hamish(&text), serde(&text));
            assert_eq!(ours, serde, "{open} × {depth}");
            assert_eq!(ours.is_ok(), depth < 128, "{open} × {depth}");
        }
    }
    let unclosed = "[".repeat(1_000_000);
    assert_eq!(
        hamish(&unclosed).err().as_deref(),
        Some("recursion limit exceeded at line 1 column 128")
    );
}

#[test]
fn a_long_text_is_read_in_linear_time() {
    let keys: Vec<String> = (0..100_000)
        .rev()
        .map(|i| format!("\"k{i}\":{i}"))
        .collect();
    let text = format!("{{{}}}", keys.join(","));
    let start = std::time::Instant::now();
    let value = json::from_str(&text).expect("JSON");
    assert_eq!(value.as_object().map(|o| o.len()), Some(100_000));
    assert_eq!(value["k99999"], 99_999);
    assert!(start.elapsed().as_secs() < 5);
}

#[test]
fn the_macro_builds_what_serde_jsons_does() {
    let name = String::from("الأسد");
    let none: Option<String> = None;
    let items = vec![json!(1), json!("x")];
    let ours = json!({
        "b": name,
        "a": [1, -2, "s", true, null, { "nested": [] }],
        "none": none,
        "some": Some("y"),
        "items": items,
        "sum": 2 + 3,
        "text": format!("{}!", name),
    });
    let theirs_too = serde_json::json!({
        "b": name,
        "a": [1, -2, "s", true, null, { "nested": [] }],
        "none": none,
        "some": Some("y"),
        "items": [1, "x"],
        "sum": 2 + 3,
        "text": format!("{}!", name),
    });
    assert_eq!(ours.to_string(), theirs_too.to_string());
    assert_eq!(
        to_string_pretty(&ours),
        serde_json::to_string_pretty(&theirs_too).unwrap_or_default()
    );
    assert_eq!(json!({}).to_string(), "{}");
    assert_eq!(json!([]).to_string(), "[]");
    assert_eq!(json!(null), Value::Null);
}

#[test]
fn accessors_and_indexing_as_in_serde_json() {
    let v = json::from_str(r#"{"a": [1, "x", {"b": true}], "n": null}"#).expect("JSON");
    assert_eq!(v["a"][0], 1);
    assert_eq!(v["a"][1], "x");
    assert_eq!(v["a"][2]["b"], true);
    assert_eq!(v["missing"], Value::Null);
    assert_eq!(v["a"][9], Value::Null);
    assert_eq!(v["a"]["not an object"], Value::Null);
    assert!(v["a"].is_array() && v["a"][1].is_string() && v["n"].is_null());
    assert_eq!(v.get("a").and_then(Value::as_array).map(Vec::len), Some(3));
    assert_eq!(v["a"][1].as_str(), Some("x"));
    assert!(v
        .as_object()
        .is_some_and(|o| o.contains_key("n") && !o.contains_key("x")));
    let keys: Vec<&String> = v
        .as_object()
        .map(|o| o.keys().collect())
        .unwrap_or_default();
    assert_eq!(keys, ["a", "n"]);
}

/// Any JSON value serde_json can hold (finite floats included).
fn any_value() -> impl Strategy<Value = serde_json::Value> {
    let text = prop_oneof![
        "\\PC{0,12}",
        "[\"\\\\\u{0}-\u{1f}\u{7f}a ب😀]{0,8}",
        Just("بشار الأسد 🇸🇾".to_string()),
    ];
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<u64>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(serde_json::Value::from),
        (-1_000_000i64..1_000_000, 0u32..6)
            .prop_map(|(n, d)| serde_json::Value::from(n as f64 / 10f64.powi(d as i32))),
        text.clone().prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(5, 64, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
            proptest::collection::vec((text.clone(), inner), 0..6)
                .prop_map(|fields| { serde_json::Value::Object(fields.into_iter().collect()) }),
        ]
    })
}

proptest! {
    /// Our writer prints what serde_json prints for the same value, compact and pretty, and our
    /// parser reads serde_json's text back to that value.
    #[test]
    fn writes_and_reads_as_serde_json(value in any_value()) {
        let compact = value.to_string();
        let pretty = serde_json::to_string_pretty(&value).unwrap_or_default();
        let read = ours(&value);
        prop_assert_eq!(read.to_string(), compact.clone());
        prop_assert_eq!(to_string_pretty(&read), pretty.clone());
        prop_assert_eq!(json::from_str(&pretty).ok(), Some(read.clone()));
        // serde_json's own reading of its text, which is not always the value it wrote.
        let reread: serde_json::Value = serde_json::from_str(&compact).unwrap_or_default();
        prop_assert_eq!(theirs(&read), reread);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// Any short text of JSON's characters: accepted or refused by both, with the same message,
    /// and read to the same value.
    #[test]
    fn accepts_and_refuses_what_serde_json_does(text in "[\\[\\]{}\",:0-9eE.+\\- \\ntfnrulas\\\\/uDd8c]{0,14}") {
        let expected = serde_json::from_str::<serde_json::Value>(&text);
        match (json::from_str(&text), expected) {
            (Ok(v), Ok(e)) => prop_assert_eq!(theirs(&v), e),
            (Err(a), Err(b)) => prop_assert_eq!(a.to_string(), b.to_string()),
            (a, b) => prop_assert!(false, "{:?}: ours {:?}, serde_json {:?}", text, a, b),
        }
    }
}
