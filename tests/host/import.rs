//! Importing W3C annotations: shapes, selectors, bodies, rejections, merging.

use crate::common::{annotate, article};
use hamish::core::annotations::model::Kind;
use hamish::core::entities::registry::default_registry;
use hamish::core::text::units::slice_cp;
use hamish::core::w3c::export::export_collection;
use hamish::core::w3c::import::{merge, parse, Merged, Parsed, RejectReason};
use hamish::i18n::Lang;
use serde_json::json;

const NOW: &str = "2026-11-30T08:00:00Z";

/// Parses `json` against `text`; a refusal as the English reader reads it.
fn run(json: &str, text: &str) -> Result<Parsed, String> {
    parse(json, text, &default_registry(), NOW).map_err(|e| Lang::En.import_error(&e))
}

fn quote_annotation(exact: &str, body: serde_json::Value) -> serde_json::Value {
    json!({ "type": "Annotation", "id": format!("urn:x:{exact}"), "body": body,
            "target": { "source": "https://example.com/a", "selector": { "type": "TextQuoteSelector", "exact": exact } } })
}

#[test]
fn hamish_exports_round_trip() {
    let a = article();
    let mut claim = annotate(&a, "والدور الذي لعبته روسيا", Kind::Claim, "urn:uuid:1");
    claim.note = "مصدر؟".into();
    let originals = vec![
        claim,
        annotate(&a, "الأتراك", Kind::Entity("turkey".into()), "urn:uuid:2"),
    ];
    let export =
        export_collection(&originals, &a, &default_registry(), "urn:uuid:e", NOW).to_string();
    let parsed = run(&export, &a.text).expect("parsed");
    assert!(parsed.rejected.is_empty());
    let mut got = parsed.annotations;
    got.sort_by(|x, y| x.id.cmp(&y.id));
    assert_eq!(got, originals);
}

#[test]
fn every_w3c_shape_is_accepted() {
    let a = article();
    let one = quote_annotation(
        "موسكو",
        json!({ "type": "TextualBody", "purpose": "tagging", "value": "Russia" }),
    );
    let two = quote_annotation("حلب", json!([]));
    let shapes = [
        ("an annotation", one.clone(), 1),
        ("an array", json!([one.clone(), two.clone()]), 2),
        (
            "a page",
            json!({ "type": "AnnotationPage", "id": "urn:p", "items": [one.clone(), two.clone()] }),
            2,
        ),
        (
            "a collection",
            json!({ "@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
            "first": { "type": "AnnotationPage", "items": [one.clone()] } }),
            1,
        ),
    ];
    for (name, doc, count) in shapes {
        let parsed = run(&doc.to_string(), &a.text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(parsed.annotations.len(), count, "{name}");
        assert_eq!(parsed.anchored(), count, "{name}");
    }
}

#[test]
fn a_quote_alone_or_a_position_alone_is_enough() {
    let a = article();
    let start = a
        .text
        .chars()
        .collect::<String>()
        .find("موسكو")
        .map(|b| a.text[..b].chars().count())
        .unwrap_or(0);
    let doc = json!([
        { "id": "q", "target": { "selector": { "type": "TextQuoteSelector", "exact": "موسكو" } } },
        { "id": "p", "target": { "selector": { "type": "TextPositionSelector", "start": start, "end": start + 5 } } },
        { "id": "hypothesis-style", "type": "Annotation", "bodyValue": "check this",
          "target": [{ "source": "https://example.com/a", "selector": [
              { "type": "RangeSelector", "startSelector": {}, "endSelector": {} },
              { "type": "TextQuoteSelector", "exact": "الأيام القليلة", "prefix": "ما حصل في سوريا خلال ", "suffix": " التي سبقت" }]}] }
    ]);
    let parsed = run(&doc.to_string(), &a.text).expect("parsed");
    assert!(parsed.rejected.is_empty(), "{:?}", parsed.rejected);
    for ann in &parsed.annotations {
        assert!(!ann.orphan, "{}", ann.id);
        assert_eq!(
            slice_cp(&a.text, ann.span().start, ann.span().end),
            ann.target.exact,
            "{}",
            ann.id
        );
    }
    assert_eq!(
        parsed.annotations[1].target.exact, "موسكو",
        "a position alone gets its quote from the text"
    );
    assert_eq!(
        parsed.annotations[2].kind,
        Kind::Claim,
        "a plain highlight or comment becomes a claim"
    );
    assert_eq!(parsed.annotations[2].note, "check this");
    assert_eq!(parsed.annotations[2].created, NOW);
}

#[test]
fn bodies_say_claim_or_entity() {
    let a = article();
    // (body, expected kind)
    let cases = [
        (
            json!({ "type": "TextualBody", "purpose": "classifying", "value": "claim" }),
            Kind::Claim,
        ),
        (
            json!({ "type": "TextualBody", "purpose": "tagging", "value": "Iran" }),
            Kind::Entity("iran".into()),
        ),
        (
            json!({ "type": "TextualBody", "purpose": "tagging", "value": "إيران" }),
            Kind::Entity("iran".into()),
        ),
        (
            json!({ "type": "TextualBody", "purpose": "tagging", "value": "al-assad" }),
            Kind::Entity("al-assad".into()),
        ),
        (
            json!({ "type": "SpecificResource", "purpose": "identifying", "source": "http://www.wikidata.org/entity/Q43" }),
            Kind::Entity("turkey".into()),
        ),
        (
            json!([{ "type": "TextualBody", "purpose": "commenting", "value": "why?" }]),
            Kind::Claim,
        ),
    ];
    for (body, kind) in cases {
        let doc = quote_annotation("موسكو", body.clone());
        let parsed = run(&doc.to_string(), &a.text).expect("parsed");
        assert_eq!(
            parsed.annotations.first().map(|x| x.kind.clone()),
            Some(kind),
            "{body}"
        );
    }
}

#[test]
fn unusable_annotations_are_rejected_with_a_reason_and_the_rest_imported() {
    let a = article();
    let doc = json!([
        { "type": "Annotation", "body": "x" },
        { "type": "Annotation", "target": "https://example.com/a" },
        { "type": "Annotation", "target": { "selector": { "type": "CssSelector", "value": "p" } } },
        { "type": "Annotation", "target": { "selector": { "type": "TextPositionSelector", "start": 9, "end": 3 } } },
        quote_annotation("موسكو", json!({ "type": "TextualBody", "purpose": "tagging", "value": "Atlantis" })),
        quote_annotation("حلب", json!(null)),
    ]);
    let parsed = run(&doc.to_string(), &a.text).expect("parsed");
    let reasons: Vec<(usize, String)> = parsed
        .rejected
        .iter()
        .map(|r| (r.index, Lang::En.reject_reason(&r.reason)))
        .collect();
    assert_eq!(reasons.len(), 5, "{reasons:?}");
    assert!(reasons[0].1.contains("no target"));
    assert!(reasons[1]
        .1
        .contains("no usable TextQuoteSelector or TextPositionSelector"));
    assert!(reasons[2].1.contains("no usable"));
    assert!(reasons[3].1.contains("no usable"));
    assert_eq!(
        reasons[4],
        (5, "its tag «Atlantis» is not a known entity (add it under Entities…, then import the file again)".to_string())
    );
    assert_eq!(
        parsed.rejected[4].reason,
        RejectReason::UnknownEntity("Atlantis".into())
    );
    assert_eq!(parsed.annotations.len(), 1);
}

#[test]
fn bad_files_are_refused_whole() {
    let a = article();
    for (doc, why) in [
        ("{ not json", "not valid JSON"),
        ("", "not valid JSON"),
        ("{\"hello\": 1}", "holds no annotations"),
        ("[]", "holds no annotations"),
        (
            "{\"type\": \"AnnotationCollection\", \"first\": \"https://example.com/page1\"}",
            "holds no annotations",
        ),
    ] {
        let err = run(doc, &a.text).expect_err(doc);
        assert!(err.contains(why), "{doc}: {err}");
    }
}

#[test]
fn imports_anchor_in_the_current_text_and_orphan_what_is_gone() {
    let a = article();
    let original = vec![
        annotate(&a, "والدور الذي لعبته روسيا", Kind::Claim, "urn:uuid:1"),
        annotate(&a, "أكثر من مليون شخص", Kind::Claim, "urn:uuid:2"),
    ];
    let export =
        export_collection(&original, &a, &default_registry(), "urn:uuid:e", NOW).to_string();
    let edited = a.text.replacen("انتشر في", "عاجل: انتشر في", 1).replacen(
        "أكثر من مليون شخص",
        "عدد كبير",
        1,
    );
    let parsed = run(&export, &edited).expect("parsed");
    assert_eq!((parsed.anchored(), parsed.orphaned()), (1, 1));
    let found = &parsed.annotations[0];
    assert_eq!(
        slice_cp(&edited, found.span().start, found.span().end),
        "والدور الذي لعبته روسيا"
    );
    assert!(parsed.annotations[1].orphan);
    assert_eq!(
        parsed.annotations[1].target.exact, "أكثر من مليون شخص",
        "an orphan keeps its quote"
    );
}

#[test]
fn merging_keeps_one_per_id_and_the_newer_wins() {
    let a = article();
    let mut existing = vec![
        annotate(&a, "روسيا", Kind::Claim, "urn:uuid:1"),
        annotate(&a, "إيران", Kind::Claim, "urn:uuid:2"),
    ];
    let mut newer = existing[0].clone();
    newer.note = "newer".into();
    newer.modified = "2027-01-01T00:00:00Z".into();
    let mut older = existing[1].clone();
    older.note = "older".into();
    older.modified = "2020-01-01T00:00:00Z".into();
    let fresh = annotate(&a, "حلب", Kind::Claim, "urn:uuid:3");
    let report = merge(&mut existing, vec![newer, older, fresh.clone()], &[], &[]);
    assert_eq!(
        report,
        Merged {
            added: 1,
            updated: 1,
            kept: 1,
            differing: 1,
            deleted_here: 0,
            renamed: 0,
        },
        "the older one differs from what is here, and is not applied"
    );
    assert_eq!(existing.len(), 3);
    assert_eq!(existing[0].note, "newer");
    assert_eq!(existing[1].note, "");
    let again = merge(&mut existing, vec![fresh], &[], &[]);
    assert_eq!(
        again,
        Merged {
            added: 0,
            updated: 0,
            kept: 1,
            differing: 0,
            deleted_here: 0,
            renamed: 0,
        },
        "importing twice changes nothing"
    );
}

#[test]
fn unsafe_ids_are_replaced_and_long_contexts_trimmed() {
    let a = article();
    // Another tool's context: everything before and after the quote.
    let at = a.text.find("موسكو").unwrap_or(0);
    let (before, after) = (&a.text[..at], &a.text[at + "موسكو".len()..]);
    let doc = json!([
        { "id": "has space", "target": { "selector": { "type": "TextQuoteSelector", "exact": "موسكو", "prefix": before, "suffix": after } } },
        { "id": "quote\"d", "target": { "selector": { "type": "TextQuoteSelector", "exact": "حلب" } } },
        { "id": "urn:ok", "target": { "selector": { "type": "TextQuoteSelector", "exact": "حمص" } } },
    ]);
    let parsed = run(&doc.to_string(), &a.text).expect("parsed");
    let ids: Vec<&str> = parsed.annotations.iter().map(|x| x.id.as_str()).collect();
    assert!(ids[0].starts_with("urn:hamish:import:") && ids[1].starts_with("urn:hamish:import:"));
    assert_ne!(ids[0], ids[1]);
    assert_eq!(ids[2], "urn:ok");
    // The same file names them the same again, so a second import changes nothing.
    let again = run(&doc.to_string(), &a.text).expect("parsed");
    let again: Vec<&str> = again.annotations.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(again, ids);
    assert_eq!(
        parsed.anchored(),
        3,
        "a long context does not stop a quote from anchoring"
    );
}

/// A time that cannot be read counts as the oldest and is kept as that (1970), so no export writes it.
#[test]
fn unreadable_times_are_kept_as_the_oldest_and_exports_stay_valid() {
    let a = article();
    for bad in ["x", "2024-99-99", "", "2026-11-29"] {
        let one = json!({ "type": "Annotation", "id": "urn:x:1", "created": bad, "modified": bad,
            "body": [{ "type": "TextualBody", "purpose": "classifying", "value": "claim" },
                     { "type": "TextualBody", "purpose": "assessing", "value": "false", "created": bad }],
            "target": { "source": "https://example.com/a",
                        "selector": { "type": "TextQuoteSelector", "exact": "روسيا" } } });
        let parsed = run(&json!([one]).to_string(), &a.text).expect("parsed");
        let got = &parsed.annotations[0];
        assert_eq!(got.modified, "1970-01-01T00:00:00Z", "{bad:?}");
        assert_eq!(got.created, "1970-01-01T00:00:00Z", "{bad:?}");
        assert_eq!(
            got.claim.verdict_at.as_deref(),
            Some("1970-01-01T00:00:00Z"),
            "{bad:?}"
        );
        let doc = export_collection(
            &parsed.annotations,
            &a,
            &default_registry(),
            "urn:uuid:e",
            NOW,
        );
        let report = crate::common::validate_w3c(&crate::common::theirs(&doc));
        assert!(report.ends_with(" 0 failed"), "{bad:?}: {report}");
    }
}

/// Evidence links a file gives that are not web addresses, or could pose as another, are left out
/// and counted, so the report can say so.
#[test]
fn evidence_links_left_out_are_counted() {
    let a = article();
    let link =
        |url: &str| json!({ "type": "SpecificResource", "purpose": "linking", "source": url });
    let one = json!({ "type": "Annotation", "id": "urn:x:1",
        "body": [{ "type": "TextualBody", "purpose": "classifying", "value": "claim" },
                 link("https://report.example/a"), link("javascript:alert(1)"),
                 link("https://ex\u{0430}mple.com/"), link("https://x.example/\u{202E}a")],
        "target": { "source": "https://example.com/a",
                    "selector": { "type": "TextQuoteSelector", "exact": "روسيا" } } });
    let parsed = run(&json!([one]).to_string(), &a.text).expect("parsed");
    assert_eq!(parsed.links_left_out, 3);
    let urls: Vec<&str> = parsed.annotations[0]
        .claim
        .evidence
        .iter()
        .map(|e| e.url.as_str())
        .collect();
    assert_eq!(urls, ["https://report.example/a"]);
}

#[test]
fn what_was_deleted_here_since_stays_deleted_and_is_counted() {
    let a = article();
    let mut gone = annotate(&a, "روسيا", Kind::Claim, "urn:uuid:1");
    gone.modified = "2026-11-30T07:00:00Z".into();
    let grave = hamish::core::annotations::model::Tombstone {
        id: "urn:uuid:1".into(),
        deleted: "2026-11-30T07:30:00Z".into(),
    };
    let mut here = Vec::new();
    // A version older than the deletion, and one dated after it whose time proves nothing (it was
    // ahead of now, or missing: capped).
    let mut capped_one = gone.clone();
    capped_one.modified = "2026-11-30T08:00:00Z".into();
    for (version, capped) in [(gone, vec![]), (capped_one, vec!["urn:uuid:1".to_string()])] {
        let report = merge(
            &mut here,
            vec![version],
            std::slice::from_ref(&grave),
            &capped,
        );
        assert!(here.is_empty(), "not brought back");
        assert_eq!((report.kept, report.deleted_here), (1, 1));
    }
}

/// A claim keeps at most `MAX_EVIDENCE` links (its form draws each; 20,000 held the page, then
/// trapped): the rest are left out and counted; a claimant's name is cut to `MAX_CLAIMANT`.
#[test]
fn a_claims_evidence_and_claimant_are_bounded() {
    use hamish::core::claims::claim::{Claimant, MAX_CLAIMANT, MAX_EVIDENCE};
    let a = article();
    let mut body = vec![
        json!({ "type": "TextualBody", "purpose": "classifying", "value": "claim" }),
        json!({ "type": "TextualBody", "purpose": "identifying", "value": "ن".repeat(MAX_CLAIMANT + 50) }),
    ];
    body.extend((0..MAX_EVIDENCE + 30).map(|i| {
        json!({ "type": "SpecificResource", "purpose": "linking", "source": format!("https://e.example/{i}") })
    }));
    body.push(
        json!({ "type": "SpecificResource", "purpose": "linking", "source": "javascript:x" }),
    );
    let one = json!({ "type": "Annotation", "id": "urn:x:1", "body": body,
        "target": { "selector": { "type": "TextQuoteSelector", "exact": "روسيا" } } });
    let parsed = run(&json!([one]).to_string(), &a.text).expect("parsed");
    let claim = &parsed.annotations[0].claim;
    assert_eq!(claim.evidence.len(), MAX_EVIDENCE);
    assert_eq!(
        claim.evidence[MAX_EVIDENCE - 1].url,
        format!("https://e.example/{}", MAX_EVIDENCE - 1)
    );
    assert_eq!(
        parsed.links_left_out, 31,
        "30 past the limit and one not a web address"
    );
    let Some(Claimant::Named { name, .. }) = &claim.claimant else {
        panic!("a typed claimant: {claim:?}");
    };
    assert_eq!(name.chars().count(), MAX_CLAIMANT);
}

/// An unknown tag is named in the report short, and without the direction controls or invisible
/// characters that could reorder its line.
#[test]
fn an_unknown_tag_is_named_short_and_plain() {
    let a = article();
    let tag = format!("\u{202E}evil{}", "x".repeat(300));
    let one = json!({ "type": "Annotation", "id": "urn:x:1",
        "body": { "type": "TextualBody", "purpose": "tagging", "value": tag },
        "target": { "selector": { "type": "TextQuoteSelector", "exact": "روسيا" } } });
    let parsed = run(&json!([one]).to_string(), &a.text).expect("parsed");
    let RejectReason::UnknownEntity(name) = &parsed.rejected[0].reason else {
        panic!("{:?}", parsed.rejected);
    };
    assert!(name.starts_with("evilxxx") && name.ends_with('…'), "{name}");
    assert_eq!(name.chars().count(), 81);
}
