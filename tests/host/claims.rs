//! Claims a fact-checker can work with: verdict scales, the details' validation, the reducer, and the
//! W3C representation both ways (checked by validate.py; importing the export twice changes nothing).

use crate::common::{annotate, article, ours, theirs, validate_w3c};
use hamish::core::annotations::model::{Annotation, Kind};
use hamish::core::annotations::state::{Action, ClaimField, Notice, State};
use hamish::core::claims::claim::{
    claim_date, evidence_url, ClaimDetails, Claimant, Evidence, Stance, Status, UrlError,
};
use hamish::core::claims::verdicts::{arafacts_scale, custom_scale, default_scale};
use hamish::core::entities::registry::{contrast_with_white, default_registry};
use hamish::core::w3c::export::export_collection;
use hamish::core::w3c::import::{parse, Parsed};
use serde_json::json;

#[test]
fn the_scales_have_stable_ids_readable_colours_and_numbers() {
    let ids = |s: hamish::core::claims::verdicts::Scale| {
        s.verdicts.iter().map(|v| v.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(
        ids(default_scale()),
        [
            "true",
            "mostly-true",
            "mixed",
            "mostly-false",
            "false",
            "unverifiable"
        ]
    );
    assert_eq!(
        ids(arafacts_scale()),
        ["true", "partly-false", "false", "sarcasm", "unverifiable"]
    );
    for scale in [default_scale(), arafacts_scale()] {
        for v in &scale.verdicts {
            assert!(
                contrast_with_white(&v.color).is_some_and(|c| c >= 4.5),
                "{}",
                v.id
            );
            assert!(!v.label_ar.is_empty() && !v.label_en.is_empty());
        }
    }
    assert_eq!(default_scale().range(), Some((5, 1)));
    assert_eq!(
        default_scale().verdict("false").and_then(|v| v.value),
        Some(1)
    );
    assert_eq!(
        default_scale()
            .verdict("unverifiable")
            .and_then(|v| v.value),
        None
    );
}

#[test]
fn a_sites_own_scale_is_validated() {
    let ok = custom_scale(&ours(&json!([
        { "id": "correct", "label": "Correct", "labelAr": "صحيح", "color": "#166534", "value": 2 },
        { "id": "wrong", "labelAr": "خطأ", "color": "#b91c1c", "value": 1 }
    ])))
    .expect("valid");
    assert_eq!(ok.verdicts.len(), 2);
    assert_eq!(
        ok.verdict("wrong").map(|v| v.label_en.as_str()),
        Some("خطأ")
    );
    // (scale, words the message must contain)
    let cases = [
        (json!({}), "array"),
        (json!([]), "1 to 20"),
        (
            json!([{ "id": "Bad Id", "label": "x", "color": "#000000" }]),
            "id must be",
        ),
        (json!([{ "id": "a", "color": "#000000" }]), "label"),
        (
            json!([{ "id": "a", "label": "x", "color": "#ffff00" }]),
            "too light",
        ),
        (
            json!([{ "id": "a", "label": "x", "color": "red" }]),
            "#rrggbb",
        ),
        (
            json!([{ "id": "a", "label": "x", "color": "#000000", "value": -1 }]),
            "whole number",
        ),
        (
            json!([{ "id": "a", "label": "x", "color": "#000000" }, { "id": "a", "label": "y", "color": "#000000" }]),
            "twice",
        ),
    ];
    for (scale, why) in cases {
        match custom_scale(&ours(&scale)) {
            Err(message) => assert!(message.contains(why), "{scale}: {message}"),
            Ok(_) => panic!("{scale} accepted"),
        }
    }
}

#[test]
fn evidence_urls_and_claim_dates_are_checked() {
    // (what is typed, the address kept): trimmed; the scheme in any case, written in lower case.
    for (good, kept) in [
        (" https://example.org/a?b#c ", "https://example.org/a?b#c"),
        ("http://x.y", "http://x.y"),
        ("HTTPS://Example.org/A", "https://Example.org/A"),
        ("Http://x.y/", "http://x.y/"),
        ("hTtPs://x.y", "https://x.y"),
        (
            "https://medium.example/@writer",
            "https://medium.example/@writer",
        ),
        ("https://x.y/?to=a@b.example", "https://x.y/?to=a@b.example"),
        ("https://ar.example/تحقق", "https://ar.example/تحقق"),
        // Hosts in one alphabet, and a path in another, are kept.
        ("https://пример.рф/a", "https://пример.рф/a"),
        ("https://موقع.example/ру", "https://موقع.example/ру"),
        ("https://café.example/", "https://café.example/"),
        (
            "https://fa.example/می\u{200C}خواهم",
            "https://fa.example/می\u{200C}خواهم",
        ),
    ] {
        assert_eq!(evidence_url(good).as_deref(), Ok(kept), "{good:?}");
    }
    let long = format!("https://x.org/{}", "a".repeat(3000));
    for (bad, why) in [
        ("", UrlError::NotWeb),
        ("javascript:alert(1)", UrlError::NotWeb),
        ("JavaScript://x.org/%0aalert(1)", UrlError::NotWeb),
        ("ftp://x.org", UrlError::NotWeb),
        ("https://", UrlError::NotWeb),
        ("https:// x.org", UrlError::NotWeb),
        ("example.org", UrlError::NotWeb),
        ("data:text/html,x", UrlError::NotWeb),
        (long.as_str(), UrlError::NotWeb),
        // A user name (and password) before the host: the link reads as the trusted site.
        ("https://trusted.example@evil.example/", UrlError::Userinfo),
        ("https://user:pass@evil.example", UrlError::Userinfo),
        ("HTTP://@evil.example", UrlError::Userinfo),
        (
            "https://trusted.example%2F@evil.example/a",
            UrlError::Userinfo,
        ),
        // Direction controls and invisible characters anywhere: the link text could be spoofed.
        (
            "https://evil.example/\u{202E}elgoog.www//:sptth",
            UrlError::Hidden,
        ),
        ("https://x.example/\u{202A}a\u{202C}", UrlError::Hidden),
        ("https://x.example/\u{202B}", UrlError::Hidden),
        ("https://x.example/\u{202D}", UrlError::Hidden),
        ("https://x.example/\u{2066}a\u{2069}", UrlError::Hidden),
        ("https://x.example/\u{2067}", UrlError::Hidden),
        ("https://x.example/\u{2068}", UrlError::Hidden),
        ("https://x.example/a\u{200E}", UrlError::Hidden),
        ("https://x.example\u{200F}/a", UrlError::Hidden),
        ("https://x.example/\u{061C}", UrlError::Hidden),
        ("https://x.exa\u{200B}mple/", UrlError::Hidden),
        ("https://x.example/\u{FEFF}", UrlError::Hidden),
        ("https://x.example/\u{2060}", UrlError::Hidden),
        ("https://x.exa\u{AD}mple/", UrlError::Hidden),
        ("https://x.example/a\u{7}b", UrlError::Hidden),
        ("https://x.example/a\u{0}", UrlError::Hidden),
        ("https://x.example/a\u{85}b", UrlError::Hidden),
        // A host part mixing Latin with Cyrillic or Greek letters reads as another site.
        (
            "https://factcheck.ex\u{0430}mple/report",
            UrlError::Lookalike,
        ),
        ("https://\u{03BF}bserver.example", UrlError::Lookalike),
        (
            "https://\u{FF45}\u{FF58}\u{0430}\u{FF4D}\u{FF50}\u{FF4C}\u{FF45}.com/",
            UrlError::Lookalike,
        ),
        ("https://\u{FF45}xample.com/", UrlError::Lookalike),
        ("https://exa\u{1F00}mple.com/", UrlError::Lookalike),
        ("https://ex\u{A641}mple.com/", UrlError::Lookalike),
        ("https://exam\u{1D18}le.com/", UrlError::Lookalike),
        ("https://caf\u{E9}\u{0441}.example/", UrlError::Lookalike),
    ] {
        assert_eq!(evidence_url(bad), Err(why), "{bad:?}");
    }
    assert_eq!(claim_date("2026-11-30"), Ok(Some("2026-11-30".into())));
    assert_eq!(claim_date(""), Ok(None));
    for bad in ["2026-13-01", "30/11/2026", "2026-02-30", "yesterday"] {
        assert!(claim_date(bad).is_err(), "{bad}");
    }
}

fn checked_claim(a: &hamish::core::text::article::Article) -> (Annotation, Annotation) {
    let mut claim = annotate(
        a,
        "والدور الذي لعبته روسيا بإقناع الأسد بالتنحي",
        Kind::Claim,
        "urn:uuid:claim",
    );
    let assad = annotate(a, "الأسد", Kind::Entity("al-assad".into()), "urn:uuid:assad");
    claim.claim = ClaimDetails {
        verdict: Some("false".into()),
        verdict_at: Some("2026-11-29T10:15:30.123Z".into()),
        status: Status::Checked,
        claimant: Some(Claimant::Entity(assad.id.clone())),
        evidence: vec![Evidence {
            url: "https://example.org/report".into(),
            stance: Stance::Refutes,
        }],
        date: Some("2024-12-08".into()),
        check_worthy: Some(true),
        review: Some("https://factcheck.example/2026/russia-assad".into()),
    };
    claim.note = "مصدر، \"مقتبس\"\nسطر".into();
    (claim, assad)
}

#[test]
fn the_reducer_records_claims_dates_verdicts_and_unlinks_a_deleted_claimant() {
    let a = article();
    let (claim, assad) = checked_claim(&a);
    let mut s = State::default();
    s.apply(Action::Add(annotate(
        &a,
        "والدور الذي لعبته روسيا بإقناع الأسد بالتنحي",
        Kind::Claim,
        "urn:uuid:claim",
    )));
    s.apply(Action::Add(assad.clone()));
    // Each field as the form sends it: its whole copy of the details, with one field named.
    let stale = ClaimDetails {
        verdict_at: None,
        ..claim.claim.clone()
    };
    for field in [
        ClaimField::Verdict,
        ClaimField::Status,
        ClaimField::Claimant,
        ClaimField::Evidence,
        ClaimField::Date,
        ClaimField::CheckWorthy,
        ClaimField::Review,
    ] {
        s.apply(Action::SetClaim {
            id: claim.id.clone(),
            claim: stale.clone(),
            field,
            modified: "2026-12-01T00:00:00Z".into(),
        });
    }
    let stored = s.get("urn:uuid:claim").expect("the claim").claim.clone();
    assert_eq!(
        ClaimDetails {
            verdict_at: None,
            ..stored.clone()
        },
        stale,
        "every field is taken from its own change"
    );
    assert_eq!(
        stored.verdict_at.as_deref(),
        Some("2026-12-01T00:00:00Z"),
        "a new verdict is dated"
    );
    assert!(!stored.needs_verdict());
    // Deleting the entity annotation removes the link; undo restores both.
    s.apply(Action::Delete {
        id: assad.id.clone(),
        at: "2026-12-01T00:01:00Z".into(),
    });
    assert_eq!(
        s.get("urn:uuid:claim")
            .and_then(|c| c.claim.claimant.clone()),
        None
    );
    s.apply(Action::Undo {
        at: "2026-12-01T00:02:00Z".into(),
    });
    assert!(s.get(&assad.id).is_some());
    assert_eq!(
        s.get("urn:uuid:claim")
            .and_then(|c| c.claim.claimant.clone()),
        Some(Claimant::Entity(assad.id.clone()))
    );
    // Checked without a verdict asks for one.
    let unsure = ClaimDetails {
        status: Status::Checked,
        ..ClaimDetails::default()
    };
    assert!(unsure.needs_verdict());
}

/// An exported document imported into the article it came from.
fn imported(doc: &str, a: &hamish::core::text::article::Article) -> Parsed {
    parse(doc, &a.text, &default_registry(), "2026-12-02T00:00:00Z").expect("parsed")
}

#[test]
fn a_checked_claim_exports_as_w3c_and_imports_back_whole_twice_over() {
    let a = article();
    let (mut claim, assad) = checked_claim(&a);
    // Edited after its verdict was given: the verdict keeps its own time.
    claim.modified = "2026-11-30T09:00:00Z".into();
    let annotations = vec![claim.clone(), assad.clone()];
    let doc = export_collection(
        &annotations,
        &a,
        &default_registry(),
        "urn:uuid:export",
        "2026-12-01T00:00:00Z",
    );
    let items = doc["first"]["items"].as_array().expect("items");
    assert_eq!(
        items.len(),
        3,
        "the claim, the entity and the claimant link"
    );
    assert_eq!(doc["total"], 3);
    let exported = items
        .iter()
        .find(|i| i["id"] == "urn:uuid:claim")
        .expect("the claim");
    let bodies = exported["body"].as_array().expect("bodies");
    let with = |purpose: &str| {
        bodies
            .iter()
            .filter(|b| b["purpose"] == purpose)
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(with("assessing")[0]["value"], "false");
    assert_eq!(with("assessing")[0]["created"], "2026-11-29T10:15:30.123Z");
    assert_eq!(with("moderating")[0]["value"], "checked");
    assert_eq!(with("linking")[0]["source"], "https://example.org/report");
    assert_eq!(
        theirs(&with("assessing")[1]),
        json!({ "type": "SpecificResource", "purpose": "assessing", "source": "https://factcheck.example/2026/russia-assad" })
    );
    assert_eq!(with("linking")[0]["stance"], "refutes");
    assert!(with("classifying")
        .iter()
        .any(|b| b["value"] == "check-worthy"));
    assert_eq!(exported["claimDate"], "2024-12-08");
    let link = items
        .iter()
        .find(|i| i["motivation"] == "linking")
        .expect("the link");
    assert_eq!(
        theirs(&link["body"]),
        json!({ "type": "TextualBody", "purpose": "tagging", "value": "attributedTo" })
    );
    assert_eq!(
        theirs(&link["target"]),
        json!(["urn:uuid:claim", "urn:uuid:assad"])
    );
    assert!(validate_w3c(&theirs(&doc)).ends_with(" 0 failed"));

    // Imported into the same article: everything anchored, nothing rejected, the details whole.
    let parsed = imported(&doc.to_string(), &a);
    assert!(parsed.rejected.is_empty(), "{:?}", parsed.rejected);
    assert_eq!(parsed.anchored(), 3);
    let back = parsed
        .annotations
        .iter()
        .find(|x| x.id == "urn:uuid:claim")
        .expect("the claim");
    assert_eq!(back.claim.verdict.as_deref(), Some("false"));
    assert_eq!(back.claim.verdict_at, claim.claim.verdict_at);
    assert_eq!(back.claim.status, Status::Checked);
    assert_eq!(
        back.claim.claimant,
        Some(Claimant::Entity("urn:uuid:assad".into()))
    );
    assert_eq!(back.claim.evidence, claim.claim.evidence);
    assert_eq!(back.claim.date.as_deref(), Some("2024-12-08"));
    assert_eq!(back.claim.check_worthy, Some(true));
    assert_eq!(back.claim.review, claim.claim.review);
    assert_eq!(back.kind, Kind::Claim);
    assert_eq!(back.note, claim.note);

    // Into a state that has them already: importing twice changes nothing.
    let mut s = State::default();
    s.apply(Action::Import(parsed.clone()));
    let once = s.annotations.clone();
    s.apply(Action::Import(parsed));
    assert_eq!(s.annotations, once);
}

#[test]
fn a_checked_claim_imported_into_the_article_edited_since_is_said_to_be_in_other_words() {
    let a = article();
    let (claim, assad) = checked_claim(&a);
    let doc = export_collection(
        &[claim.clone(), assad],
        &a,
        &default_registry(),
        "urn:uuid:export",
        "2026-12-01T00:00:00Z",
    )
    .to_string();
    let mut edited = a.clone();
    for block in &mut edited.blocks {
        block.text = block.text.replace("بإقناع الأسد", "بمنع الأسد");
    }
    edited = hamish::core::text::article::Article::from_blocks(
        &a.id,
        &a.source,
        edited
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.clone()))
            .collect(),
    );
    let parsed = imported(&doc, &edited);
    let mut s = State::default();
    s.apply(Action::Import(parsed.clone()));
    let warned: Vec<_> = s
        .notices
        .iter()
        .filter_map(|n| match n {
            Notice::Reworded(count, listed) => Some((*count, listed.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(warned.len(), 1, "{:?}", s.notices);
    let (count, listed) = &warned[0];
    assert_eq!(*count, 1);
    assert_eq!(listed[0].id, "urn:uuid:claim");
    assert_eq!(listed[0].was.exact, claim.target.exact);
    assert!(listed[0].now.contains("بمنع"), "{}", listed[0].now);
    // Imported again: the claim here is the file's, as before; a claim here that is newer stays, and
    // nothing is said of the file's words.
    let mut newer = State::default();
    let mut mine = parsed
        .annotations
        .iter()
        .find(|x| x.id == "urn:uuid:claim")
        .expect("the claim")
        .clone();
    mine.modified = "2026-12-01T12:00:00Z".into();
    mine.note = "mine".into();
    newer.apply(Action::Add(mine));
    newer.apply(Action::Import(parsed));
    assert!(newer
        .notices
        .iter()
        .all(|n| !matches!(n, Notice::Reworded(..))));
    // Unchanged words: nothing said.
    let mut same = State::default();
    same.apply(Action::Import(imported(&doc, &a)));
    assert!(same
        .notices
        .iter()
        .all(|n| !matches!(n, Notice::Reworded(..))));
}

#[test]
fn a_claimant_typed_by_hand_is_an_identifying_body() {
    let a = article();
    let (mut claim, _) = checked_claim(&a);
    claim.claim.claimant = Some(Claimant::Named {
        name: "وزارة الخارجية الروسية".into(),
        wikidata: Some("http://www.wikidata.org/entity/Q1307214".into()),
    });
    let doc = export_collection(
        &[claim.clone()],
        &a,
        &default_registry(),
        "urn:uuid:e",
        "2026-12-01T00:00:00Z",
    );
    let items = doc["first"]["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "no link without an entity annotation");
    let bodies = items[0]["body"].as_array().expect("bodies");
    assert!(bodies
        .iter()
        .any(|b| b["purpose"] == "identifying" && b["value"] == "وزارة الخارجية الروسية"));
    assert!(bodies.iter().any(|b| b["purpose"] == "identifying"
        && b["source"] == "http://www.wikidata.org/entity/Q1307214"));
    validate_w3c(&theirs(&doc));
    let parsed = imported(&doc.to_string(), &a);
    assert_eq!(
        parsed.annotations[0].kind,
        Kind::Claim,
        "a claimant is not an entity the claim is"
    );
    assert_eq!(parsed.annotations[0].claim.claimant, claim.claim.claimant);
    // A claimant's source that is not a Wikidata id is left out; the name stays.
    let hostile = doc.to_string().replace(
        "http://www.wikidata.org/entity/Q1307214",
        "javascript:alert(5)",
    );
    assert_eq!(
        imported(&hostile, &a).annotations[0].claim.claimant,
        Some(Claimant::Named {
            name: "وزارة الخارجية الروسية".into(),
            wikidata: None
        })
    );
}

#[test]
fn a_claim_change_takes_only_its_field_so_a_form_copy_made_before_another_change_loses_nothing() {
    let a = article();
    let mut s = State::default();
    s.apply(Action::Add(annotate(&a, "روسيا", Kind::Claim, "u:c")));
    let at = |m: u32| format!("2026-12-01T00:0{m}:00Z");
    // The form's copy, taken before any change; each event changes one field of it.
    let copy = ClaimDetails::default();
    let set = |s: &mut State, field: ClaimField, change: &dyn Fn(&mut ClaimDetails), m: u32| {
        let mut next = copy.clone();
        change(&mut next);
        s.apply(Action::SetClaim {
            id: "u:c".into(),
            claim: next,
            field,
            modified: at(m),
        });
    };
    set(
        &mut s,
        ClaimField::Verdict,
        &|d| d.verdict = Some("false".into()),
        1,
    );
    set(
        &mut s,
        ClaimField::Status,
        &|d| d.status = Status::Checked,
        2,
    );
    set(
        &mut s,
        ClaimField::Date,
        &|d| d.date = Some("2024-12-08".into()),
        3,
    );
    set(
        &mut s,
        ClaimField::CheckWorthy,
        &|d| d.check_worthy = Some(true),
        4,
    );
    let claim = s.get("u:c").expect("the claim").claim.clone();
    assert_eq!(claim.verdict.as_deref(), Some("false"));
    assert_eq!(claim.verdict_at.as_deref(), Some(at(1).as_str()));
    assert_eq!(claim.status, Status::Checked);
    assert_eq!(claim.date.as_deref(), Some("2024-12-08"));
    assert_eq!(claim.check_worthy, Some(true));
}

#[test]
fn a_claimant_tag_retagged_as_a_claim_leaves_its_words_as_the_claimants_name() {
    let a = article();
    let start = || {
        let mut s = State::default();
        s.apply(Action::Add(annotate(
            &a,
            "الأسد",
            Kind::Entity("assad".into()),
            "u:assad",
        )));
        let mut claim = annotate(&a, "سوريا", Kind::Claim, "u:claim");
        claim.claim.claimant = Some(Claimant::Entity("u:assad".into()));
        s.apply(Action::Add(claim));
        s
    };
    let claimant = |s: &State| s.get("u:claim").and_then(|c| c.claim.claimant.clone());
    let named = Some(Claimant::Named {
        name: "الأسد".into(),
        wikidata: None,
    });
    // Retagged in its popover.
    let mut s = start();
    s.apply(Action::SetKind {
        id: "u:assad".into(),
        kind: Kind::Claim,
        modified: "2026-12-06T00:00:01Z".into(),
    });
    assert_eq!(claimant(&s), named);
    s.apply(Action::Undo {
        at: "2026-12-06T00:00:02Z".into(),
    });
    assert_eq!(
        claimant(&s),
        Some(Claimant::Entity("u:assad".into())),
        "undone with the retag"
    );
    // Its entity deleted, its tags retagged as claims; retagged as another entity the link stays.
    for (replacement, expected) in [
        (Kind::Claim, named.clone()),
        (
            Kind::Entity("russia".into()),
            Some(Claimant::Entity("u:assad".into())),
        ),
    ] {
        let mut s = start();
        s.apply(Action::DeleteEntity {
            id: "assad".into(),
            replacement: Some(replacement),
            modified: "2026-12-06T00:00:01Z".into(),
            elsewhere: Vec::new(),
        });
        assert_eq!(claimant(&s), expected);
    }
}

#[test]
fn an_imported_attribution_to_a_claim_keeps_its_words_as_a_name() {
    let a = article();
    let (mut claim, mut assad) = checked_claim(&a);
    assad.kind = Kind::Claim;
    claim.claim.claimant = Some(Claimant::Entity(assad.id.clone()));
    let doc = export_collection(
        &[claim.clone(), assad.clone()],
        &a,
        &default_registry(),
        "urn:uuid:export",
        "2026-12-01T00:00:00Z",
    );
    let parsed = imported(&doc.to_string(), &a);
    let back = parsed
        .annotations
        .iter()
        .find(|x| x.id == claim.id)
        .expect("the claim");
    assert_eq!(
        back.claim.claimant,
        Some(Claimant::Named {
            name: assad.target.exact.clone(),
            wikidata: None
        })
    );
}

#[test]
fn a_settings_form_left_open_carries_only_what_it_changed() {
    use hamish::core::claims::settings::{Reviewer, Settings};
    let reviewer = |name: &str, organization: &str| Reviewer {
        name: name.into(),
        organization: organization.into(),
        url: String::new(),
    };
    let opened = Settings::default();
    // Another tab saved reviewer details; this form changed only the scale.
    let stored = Settings {
        reviewer: reviewer("Rana", "Misbar"),
        ..Settings::default()
    };
    let typed = Settings {
        scale: "arafacts".into(),
        ..opened.clone()
    };
    let saved = typed.carried_onto(&opened, &stored);
    assert_eq!(saved.scale, "arafacts");
    assert_eq!(saved.reviewer, reviewer("Rana", "Misbar"));
    // Both changed the organisation: this form's is the later save.
    let typed = Settings {
        reviewer: reviewer("", "Fatabyyano"),
        ..opened.clone()
    };
    assert_eq!(
        typed.carried_onto(&opened, &stored).reviewer,
        reviewer("Rana", "Fatabyyano")
    );
}

/// Settings read from storage or a restored backup keep a reviewer website only when it is a web
/// address: one that is not never reaches a ClaimReview.
#[test]
fn a_stored_reviewer_website_is_kept_only_when_it_is_a_web_address() {
    use hamish::core::claims::settings::decode;
    // (stored website, read back)
    let cases = [
        ("https://observatory.example", "https://observatory.example"),
        ("", ""),
        ("javascript:alert(1)", ""),
        ("data:text/html,<script>", ""),
        ("www.example.org", ""),
        ("https://exa\u{202E}mple.org", ""),
    ];
    for (url, want) in cases {
        let text = format!(
            r#"{{"scale":"hamish","reviewer":{{"name":"<script>","organization":"","url":{}}}}}"#,
            hamish::core::json::Value::String(url.into())
        );
        let (read, readable) = decode(Some(&text));
        assert!(readable, "{url:?}");
        assert_eq!(read.reviewer.url, want, "{url:?}");
        assert_eq!(read.reviewer.name, "<script>");
    }
}

/// The longest evidence URL counts characters, as the form's field does: an address with an Arabic
/// path of 2,000 characters (4,000 bytes) is kept; one of 2,049 characters is not.
#[test]
fn the_longest_evidence_url_counts_characters() {
    use hamish::core::claims::claim::{evidence_url, URL_MAX};
    let path = "ب".repeat(2000);
    assert!(evidence_url(&format!("https://e.example/{path}")).is_ok());
    let long = format!("https://e.example/{}", "a".repeat(URL_MAX - 17));
    assert_eq!(long.chars().count(), URL_MAX + 1);
    assert!(evidence_url(&long).is_err());
}

/// A claim the reader detached ("Not this claim's words") is exported with Hamish's own `detached`
/// property and comes back from the file as that orphan on the words it had, not anchored again.
#[test]
fn a_detached_claim_stays_an_orphan_through_a_w3c_export() {
    let a = article();
    let (mut claim, assad) = checked_claim(&a);
    claim.claim.claimant = None;
    let was = claim.target.clone();
    claim.detach(was.clone());
    let doc = export_collection(
        &[claim.clone(), assad],
        &a,
        &default_registry(),
        "urn:uuid:e",
        "2026-12-01T00:00:00Z",
    );
    let items = doc["first"]["items"].as_array().expect("items");
    let flag = |id: &str| {
        let item = items.iter().find(|i| i["id"] == id).expect("exported");
        theirs(&item["detached"])
    };
    assert_eq!(flag("urn:uuid:claim"), json!(true));
    assert_eq!(
        flag("urn:uuid:assad"),
        json!(null),
        "only a detached one says so"
    );
    assert!(validate_w3c(&theirs(&doc)).ends_with(" 0 failed"));

    let parsed = imported(&doc.to_string(), &a);
    let find = |id: &str| {
        parsed
            .annotations
            .iter()
            .find(|x| x.id == id)
            .expect("imported")
    };
    let back = find("urn:uuid:claim");
    assert!(
        back.orphan && back.detached,
        "its words are there, yet it stays apart"
    );
    assert_eq!(back.target, was);
    assert_eq!(back.claim.verdict.as_deref(), Some("false"));
    let tag = find("urn:uuid:assad");
    assert!(!tag.orphan && !tag.detached);
}

/// A claim attributed to a tag of the reader's own entity, imported where that entity is not known:
/// the tag is refused (with the reason), and the claim keeps its claimant by the entity's name and
/// Wikidata IRI rather than pointing at an annotation that is not there.
#[test]
fn a_claimant_tag_of_an_unknown_entity_is_kept_by_name() {
    let a = article();
    let (mut claim, mut assad) = checked_claim(&a);
    assad.kind = Kind::Entity("opposition".into());
    claim.claim.claimant = Some(Claimant::Entity(assad.id.clone()));
    let mut own = crate::common::own_entity("opposition", "Syrian opposition");
    own.wikidata = Some("http://www.wikidata.org/entity/Q6500773".into());
    let mut registry = default_registry();
    registry.push(own);
    let doc = export_collection(
        &[claim.clone(), assad],
        &a,
        &registry,
        "urn:uuid:e",
        "2026-12-01T00:00:00Z",
    );
    // Imported where only the built-in entities are known.
    let parsed = imported(&doc.to_string(), &a);
    assert_eq!(parsed.rejected.len(), 1, "the tag: {:?}", parsed.rejected);
    assert_eq!(parsed.annotations.len(), 1);
    assert_eq!(
        parsed.annotations[0].claim.claimant,
        Some(Claimant::Named {
            name: "Syrian opposition".into(),
            wikidata: Some("http://www.wikidata.org/entity/Q6500773".into()),
        })
    );
    // Where the entity is known, the link to its tag stays.
    let parsed =
        parse(&doc.to_string(), &a.text, &registry, "2026-12-02T00:00:00Z").expect("parsed");
    assert!(parsed.rejected.is_empty());
    let back = parsed
        .annotations
        .iter()
        .find(|x| x.id == "urn:uuid:claim")
        .expect("the claim");
    assert_eq!(
        back.claim.claimant,
        Some(Claimant::Entity("urn:uuid:assad".into()))
    );
}
