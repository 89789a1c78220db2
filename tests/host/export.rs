//! The W3C export: its shape, and `validate.py` over it.

use crate::common::{annotate, article, theirs};
use hamish::core::annotations::model::Kind;
use hamish::core::entities::registry::default_registry;
use hamish::core::text::units::slice_cp;
use hamish::core::w3c::export::export_collection;
use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

fn sample() -> Value {
    let a = article();
    let mut note = annotate(
        &a,
        "لعبته روسيا بإقناع الأسد",
        Kind::Claim,
        "urn:uuid:00000000-0000-4000-8000-000000000003",
    );
    note.note = "من المصدر؟".into();
    let anns = vec![
        note,
        annotate(
            &a,
            "الأتراك",
            Kind::Entity("turkey".into()),
            "urn:uuid:00000000-0000-4000-8000-000000000002",
        ),
        annotate(
            &a,
            "روسية",
            Kind::Entity("russia".into()),
            "urn:uuid:00000000-0000-4000-8000-000000000001",
        ),
    ];
    theirs(&export_collection(
        &anns,
        &a,
        &default_registry(),
        "urn:uuid:00000000-0000-4000-8000-00000000000e",
        "2026-11-29T11:00:00Z",
    ))
}

#[test]
fn the_export_is_an_annotation_collection_in_reading_order() {
    let doc = sample();
    assert_eq!(doc["@context"][0], "http://www.w3.org/ns/anno.jsonld");
    // Hamish's own properties are defined, so a JSON-LD processor keeps them.
    for term in ["stance", "claimDate", "detached"] {
        assert!(doc["@context"][1][term]
            .as_str()
            .is_some_and(|iri| iri.starts_with("urn:hamish:terms:")));
    }
    assert_eq!(doc["type"], "AnnotationCollection");
    assert_eq!(doc["total"], 3);
    assert_eq!(doc["first"]["type"], "AnnotationPage");
    assert!(doc["first"]["id"]
        .as_str()
        .is_some_and(|id| id.starts_with("urn:uuid:")));
    let items = doc["first"]["items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let starts: Vec<u64> = items
        .iter()
        .filter_map(|i| i["target"]["selector"][1]["start"].as_u64())
        .collect();
    assert_eq!(starts.len(), 3);
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");
}

#[test]
fn each_annotation_has_selectors_in_code_points_and_says_what_it_is() {
    let a = article();
    let doc = sample();
    for item in doc["first"]["items"].as_array().into_iter().flatten() {
        let target = &item["target"];
        assert_eq!(target["source"], a.source.as_str());
        assert_eq!(target["language"], "ar");
        assert_eq!(target["textDirection"], "rtl");
        let quote = &target["selector"][0];
        let position = &target["selector"][1];
        assert_eq!(quote["type"], "TextQuoteSelector");
        assert_eq!(position["type"], "TextPositionSelector");
        let (start, end) = (
            position["start"].as_u64().unwrap_or(0) as usize,
            position["end"].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(
            quote["exact"].as_str(),
            Some(slice_cp(&a.text, start, end)),
            "positions count code points"
        );
        assert_eq!(
            quote["prefix"].as_str(),
            Some(slice_cp(&a.text, start.saturating_sub(32), start))
        );
        assert_eq!(
            quote["suffix"].as_str(),
            Some(slice_cp(&a.text, end, end + 32))
        );
        assert!(item["created"].as_str().is_some_and(|t| t.ends_with('Z')));
        assert!(item["modified"].is_string());
    }
    let items = &doc["first"]["items"];
    // The first in reading order is روسية (entity: russia).
    assert_eq!(items[0]["motivation"], "tagging");
    assert_eq!(items[0]["body"][0]["purpose"], "tagging");
    assert_eq!(items[0]["body"][0]["value"], "Russia");
    assert_eq!(items[0]["body"][1]["purpose"], "identifying");
    assert_eq!(
        items[0]["body"][1]["source"],
        "http://www.wikidata.org/entity/Q159"
    );
    let claim = items
        .as_array()
        .and_then(|v| v.iter().find(|i| i["motivation"] == "classifying"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(claim["body"][0]["value"], "claim");
    assert_eq!(claim["body"][1]["purpose"], "commenting");
    assert_eq!(claim["body"][1]["value"], "من المصدر؟");
}

#[test]
fn the_export_passes_the_w3c_conformance_checks() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let validator = root.join("../shared/w3c-annotation-model/validate.py");
    assert!(
        validator.exists(),
        "validate.py not found at {}",
        validator.display()
    );
    let file = std::env::temp_dir().join(format!("hamish-export-{}.json", std::process::id()));
    std::fs::write(
        &file,
        serde_json::to_string_pretty(&sample()).unwrap_or_default(),
    )
    .expect("write export");
    let out = Command::new("python3")
        .arg(&validator)
        .arg(&file)
        .output()
        .expect("run python3");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let _ = std::fs::remove_file(&file);
    assert!(
        out.status.success(),
        "validate.py failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout
            .lines()
            .last()
            .is_some_and(|l| l.contains("0 failed")),
        "{stdout}"
    );
}

#[test]
fn an_empty_export_is_valid_too() {
    let a = article();
    let doc = export_collection(
        &[],
        &a,
        &default_registry(),
        "urn:uuid:00000000-0000-4000-8000-00000000000f",
        "2026-11-29T11:00:00Z",
    );
    assert_eq!(doc["total"], 0);
    assert_eq!(theirs(&doc["first"]["items"]), Value::Array(vec![]));
    assert_eq!(doc["label"], a.title());
}

/// A quote in an English paragraph of an Arabic article is marked English, left to right: a reader of
/// the file shows it (and its quotation marks) as the page did.
#[test]
fn each_target_has_its_paragraphs_language_and_direction() {
    use hamish::core::text::article::{Article, BlockKind};
    let a = Article::from_blocks(
        "mixed",
        "urn:hamish:mixed",
        vec![
            (BlockKind::Title, "روسيا وتركيا".into()),
            (
                BlockKind::Paragraph,
                "قال مسؤول تركي إن روسيا انسحبت.".into(),
            ),
            (
                BlockKind::Paragraph,
                "Russia never sent any troops, an official said.".into(),
            ),
        ],
    );
    let annotations = vec![
        annotate(&a, "مسؤول تركي", Kind::Claim, "ar"),
        annotate(&a, "never sent any troops", Kind::Claim, "en"),
    ];
    let doc = theirs(&export_collection(
        &annotations,
        &a,
        &default_registry(),
        "urn:x",
        "2026-12-07T00:00:00Z",
    ));
    let target = |id: &str| -> (Value, Value) {
        let items = doc["first"]["items"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let item = items
            .into_iter()
            .find(|i| i["id"] == id)
            .unwrap_or_default();
        (
            item["target"]["language"].clone(),
            item["target"]["textDirection"].clone(),
        )
    };
    assert_eq!(target("ar"), (Value::from("ar"), Value::from("rtl")));
    assert_eq!(target("en"), (Value::from("en"), Value::from("ltr")));
}
