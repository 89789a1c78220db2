//! Helpers shared by the host tests.

use hamish::core::anchoring::selectors::describe;
use hamish::core::annotations::model::{Annotation, Kind};
use hamish::core::text::article::{bundled, Article};
use hamish::core::text::span::Span;

/// An annotation on the first occurrence of `quote` in the bundled article.
pub fn annotate(article: &Article, quote: &str, kind: Kind, id: &str) -> Annotation {
    let byte = article
        .text
        .find(quote)
        .unwrap_or_else(|| panic!("{quote:?} not in the article"));
    let start = hamish::core::text::units::byte_to_cp(&article.text, byte);
    let end = start + quote.chars().count();
    Annotation::new(
        id.into(),
        kind,
        describe(&article.text, Span::new(start, end)),
        "2026-11-29T10:15:30.123Z",
    )
}

/// The bundled article.
pub fn article() -> Article {
    bundled()
}

/// Runs `../shared/w3c-annotation-model/validate.py` on `doc`; panics with its output when a MUST
/// fails, and returns its last line (`N passed, 0 failed`).
pub fn validate_w3c(doc: &serde_json::Value) -> String {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let validator = root.join("../shared/w3c-annotation-model/validate.py");
    let file = std::env::temp_dir().join(format!(
        "hamish-validate-{}-{}.json",
        std::process::id(),
        doc.to_string().len()
    ));
    std::fs::write(&file, serde_json::to_string_pretty(doc).unwrap_or_default()).expect("write");
    let out = std::process::Command::new("python3")
        .arg(&validator)
        .arg(&file)
        .output()
        .expect("run python3");
    let _ = std::fs::remove_file(&file);
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "validate.py failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout.lines().last().unwrap_or_default().to_string()
}

/// A `serde_json` value as Hamish's own (through its text).
pub fn ours(value: &serde_json::Value) -> hamish::core::json::Value {
    hamish::core::json::from_str(&value.to_string()).expect("serde_json's text is JSON")
}

/// Hamish's own value as a `serde_json` one (through its text).
pub fn theirs(value: &hamish::core::json::Value) -> serde_json::Value {
    serde_json::from_str(&value.to_string()).expect("our text is JSON")
}

/// A reader's own entity named `label` (in English; its name is its one form).
pub fn own_entity(id: &str, label: &str) -> hamish::core::entities::registry::Entity {
    hamish::core::entities::registry::Entity {
        id: id.into(),
        label_en: label.into(),
        label_ar: String::new(),
        color: "#4b5563".into(),
        wikidata: None,
        forms: vec![label.into()],
    }
}
