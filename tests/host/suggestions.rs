//! Suggestions: which mentions are still to decide on; custom entities from what a reader types.

use crate::common::{annotate, article};
use hamish::core::annotations::model::Kind;
use hamish::core::entities::mentions::{Matcher, Mention};
use hamish::core::entities::registry::{
    contrast_with_white, custom_entity, decode_custom, default_registry, encode_custom, fresh_id,
    wikidata_iri,
};
use hamish::core::entities::suggestions::{pending, Rejected};
use hamish::core::text::span::Span;

#[test]
fn pending_suggestions_leave_out_tagged_and_rejected_mentions() {
    let a = article();
    let mentions = Matcher::new(&default_registry()).find(&a.text);
    assert_eq!(pending(&mentions, &[], &[]).len(), mentions.len());
    let first = &mentions[0];
    let tagged = annotate(
        &a,
        &a.text
            .chars()
            .skip(first.span.start)
            .take(first.span.end - first.span.start)
            .collect::<String>(),
        Kind::Entity(first.entity.clone()),
        "u:1",
    );
    let claim = annotate(&a, "سقوط نظام الأسد", Kind::Claim, "u:2");
    let rejected = Rejected {
        entity: mentions[1].entity.clone(),
        span: mentions[1].span,
        at: String::new(),
        quote: Default::default(),
    };
    let left = pending(&mentions, &[tagged, claim], &[rejected]);
    assert_eq!(
        left.len(),
        mentions.len() - 2,
        "a claim over a mention does not hide it"
    );
    assert!(left
        .iter()
        .all(|s| (s.span.start, s.span.end) != (first.span.start, first.span.end)));
    let gone = Mention {
        entity: "russia".into(),
        span: Span::new(0, 5),
    };
    assert_eq!(
        pending(&[gone], &[], &[]).first().map(|s| s.key()),
        Some("russia:0:5".to_string())
    );
}

#[test]
fn custom_entities_are_validated_and_stored() {
    let registry = default_registry();
    // (en, ar, colour, wikidata, forms, expected error)
    let bad = [
        ("", "", "#123456", "", "", "give the entity a name"),
        ("Hezbollah", "", "#ffff00", "", "", "choose a darker colour"),
        ("Hezbollah", "", "red", "", "", "choose a colour"),
        (
            "Hezbollah",
            "",
            "#123456",
            "X12",
            "",
            "a Wikidata id looks like Q12345",
        ),
    ];
    for (en, ar, color, qid, forms, why) in bad {
        let err = custom_entity(None, en, ar, color, qid, forms, &registry).expect_err(en);
        assert!(err.contains(why), "{err}");
    }
    let e = custom_entity(
        None,
        "Hezbollah",
        "حزب الله",
        "#0F766E",
        "https://www.wikidata.org/wiki/Q131559",
        "Hizbullah، الحزب\nHezbollah",
        &registry,
    )
    .expect("valid");
    assert_eq!(e.id, "hezbollah");
    assert_eq!(
        e.wikidata.as_deref(),
        Some("http://www.wikidata.org/entity/Q131559")
    );
    assert_eq!(e.forms, ["حزب الله", "Hizbullah", "الحزب", "Hezbollah"]);
    assert_eq!(e.color, "#0f766e");
    let mut with = registry.clone();
    with.push(e.clone());
    // A second entity of the same name is refused; an id taken by another name gets a suffix.
    assert!(custom_entity(None, "Hezbollah", "", "#0f766e", "", "", &with).is_err());
    assert_eq!(fresh_id("Hezbollah", "", &with), "hezbollah-2");
    assert_eq!(
        decode_custom(Some(&encode_custom(std::slice::from_ref(&e)))),
        (vec![e.clone()], true)
    );
    assert_eq!(
        decode_custom(Some("garbage")),
        (vec![], false),
        "an unreadable list is not an empty one"
    );
    assert_eq!(decode_custom(None), (vec![], true));
    // One bad entry does not lose the others; a colour unfit for a style attribute is replaced.
    let mixed = format!(
        "[{{\"id\":1}}, {}]",
        encode_custom(std::slice::from_ref(&e)).trim_matches(['[', ']'])
    );
    assert_eq!(decode_custom(Some(&mixed)), (vec![e.clone()], false));
    let hostile = encode_custom(&[hamish::core::entities::registry::Entity {
        color: "red;background:url(x)".into(),
        ..e.clone()
    }]);
    assert_eq!(
        decode_custom(Some(&hostile))
            .0
            .first()
            .map(|v| v.color.clone()),
        Some("#4b5563".into())
    );
    // A colour with a sign (`from_str_radix` takes one) is not a colour.
    assert_eq!(contrast_with_white("#+0+0+0"), None);
    // A Wikidata id that is not one is dropped.
    let ids = encode_custom(&[
        hamish::core::entities::registry::Entity {
            id: "a".into(),
            wikidata: Some("javascript:alert(5)".into()),
            ..e.clone()
        },
        hamish::core::entities::registry::Entity {
            id: "b".into(),
            wikidata: Some("q42".into()),
            ..e.clone()
        },
    ]);
    let read: Vec<_> = decode_custom(Some(&ids))
        .0
        .into_iter()
        .map(|x| x.wikidata)
        .collect();
    assert_eq!(read, vec![None, Some("q42".into())]);
    assert!(contrast_with_white("#1d4ed8").is_some_and(|c| c > 4.5));
    for d in &registry {
        assert!(
            contrast_with_white(&d.color).is_some_and(|c| c >= 4.5),
            "{}",
            d.id
        );
    }
}

#[test]
fn a_custom_entitys_forms_are_found() {
    let mut registry = default_registry();
    registry.push(
        custom_entity(None, "Hezbollah", "حزب الله", "#0f766e", "", "", &registry).expect("valid"),
    );
    let text = "قال مسؤول في حزب الله إن وفداً زار موسكو.";
    let found: Vec<String> = Matcher::new(&registry)
        .find(text)
        .into_iter()
        .map(|m| m.entity)
        .collect();
    assert_eq!(found, ["hezbollah", "russia"]);
}

#[test]
fn accepted_suggestions_become_entity_tags_on_their_words() {
    use hamish::core::entities::suggestions::accepted;
    use hamish::core::text::units::slice_cp;
    let a = article();
    let mentions = Matcher::new(&default_registry()).find(&a.text);
    let chosen = pending(&mentions, &[], &[]);
    let mut n = 0;
    let tags = accepted(
        &a.text,
        chosen.clone(),
        &mut || {
            n += 1;
            format!("u:{n}")
        },
        "2026-11-29T00:00:00Z",
    );
    assert_eq!(tags.len(), chosen.len());
    for (tag, sg) in tags.iter().zip(&chosen) {
        assert_eq!(tag.kind, Kind::Entity(sg.entity.clone()));
        assert_eq!(
            (tag.span().start, tag.span().end),
            (sg.span.start, sg.span.end)
        );
        assert_eq!(
            tag.target.exact,
            slice_cp(&a.text, sg.span.start, sg.span.end)
        );
        assert_eq!(
            tag.target.prefix,
            slice_cp(&a.text, sg.span.start.saturating_sub(32), sg.span.start)
        );
    }
    assert_eq!(
        tags.last().map(|t| t.id.as_str()),
        Some(format!("u:{}", chosen.len()).as_str())
    );
    assert!(
        pending(&mentions, &tags, &[]).is_empty(),
        "accepted suggestions are no longer pending"
    );
}

#[test]
fn a_rejection_follows_its_mention_when_text_is_added_above_it() {
    use hamish::core::annotations::reattach::reattach_rejections;
    use hamish::core::entities::mentions::Matcher;
    let a = article();
    let registry = default_registry();
    let mentions = Matcher::new(&registry).find(&a.text);
    let suggestions = pending(&mentions, &[], &[]);
    let target = &suggestions[2];
    let mut rejected = vec![target.rejected(&a.text, "2026-11-30T00:00:00Z")];
    let edited = format!("تحديث: أضيفت هذه الفقرة في أعلى المقال.\n\n{}", a.text);
    let moved = Matcher::new(&registry).find(&edited);
    // By position alone the rejection would no longer match: the mention came back.
    assert_eq!(pending(&moved, &[], &rejected).len(), moved.len());
    reattach_rejections(&edited, &mut rejected);
    let left = pending(&moved, &[], &rejected);
    assert_eq!(
        left.len(),
        moved.len() - 1,
        "the rejected mention stays rejected"
    );
    assert_eq!(rejected[0].quote.exact, target_text(&a.text, target));
}

fn target_text(text: &str, s: &hamish::core::entities::suggestions::Suggestion) -> String {
    hamish::core::text::units::slice_cp(text, s.span.start, s.span.end).to_string()
}

/// What `pending` decides, as plainly as it can be said: every mention against every tag and rejection.
fn pending_plainly(
    mentions: &[Mention],
    annotations: &[hamish::core::annotations::model::Annotation],
    rejected: &[Rejected],
) -> Vec<Span> {
    mentions
        .iter()
        .filter(|m| {
            !rejected
                .iter()
                .any(|r| r.entity == m.entity && r.span == m.span)
        })
        .filter(|m| {
            !annotations.iter().any(|a| {
                !a.orphan
                    && a.span().overlaps(m.span)
                    && matches!(&a.kind, Kind::Entity(e) if *e == m.entity)
            })
        })
        .map(|m| m.span)
        .collect()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        failure_persistence: None,
        ..proptest::prelude::ProptestConfig::default()
    })]

    #[test]
    fn pending_is_every_mention_checked_against_every_tag_and_rejection(
        mentions in proptest::collection::vec((0usize..3, 0usize..60, 0usize..6), 0..40),
        tags in proptest::collection::vec((0usize..4, 0usize..60, 0usize..8, proptest::bool::ANY), 0..20),
        rejected in proptest::collection::vec(0usize..40, 0..5),
    ) {
        let text = "ا".repeat(80);
        let entities = ["russia", "turkey", "iran"];
        let mentions: Vec<Mention> = mentions
            .into_iter()
            .map(|(e, start, len)| Mention { entity: entities[e].into(), span: Span::new(start, start + len) })
            .collect();
        let annotations: Vec<_> = tags
            .into_iter()
            .enumerate()
            .map(|(i, (e, start, len, orphan))| {
                let kind = entities.get(e).map_or(Kind::Claim, |e| Kind::Entity((*e).into()));
                let selectors = hamish::core::anchoring::selectors::describe(&text, Span::new(start, start + len));
                let mut a = hamish::core::annotations::model::Annotation::new(format!("u:{i}"), kind, selectors, "2026-12-02T00:00:00Z");
                a.orphan = orphan;
                a
            })
            .collect();
        let rejected: Vec<Rejected> = rejected
            .into_iter()
            .filter_map(|i| mentions.get(i))
            .map(|m| Rejected { entity: m.entity.clone(), span: m.span, at: String::new(), quote: Default::default() })
            .collect();
        let fast: Vec<Span> = pending(&mentions, &annotations, &rejected).iter().map(|s| s.span).collect();
        proptest::prop_assert_eq!(fast, pending_plainly(&mentions, &annotations, &rejected));
    }
}

#[test]
fn the_hand_rolled_power_is_powf_for_every_channel_value() {
    for byte in 0..=255u8 {
        let v = f64::from(byte) / 255.0;
        let x = (v + 0.055) / 1.055;
        let (ours, std) = (hamish::core::entities::registry::pow_2_4(x), x.powf(2.4));
        assert!(
            (ours - std).abs() <= 1e-15 * std.max(1e-300),
            "{byte}: {ours} vs {std}"
        );
    }
    // The ratio at the 4.5:1 edge: #767676 is just above it, #777777 just below.
    assert!(contrast_with_white("#767676").is_some_and(|c| c >= 4.5));
    assert!(contrast_with_white("#777777").is_some_and(|c| c < 4.5));
}

/// Wikidata ids: `Q` and a number from 1 without leading zeros (or the item's address); anything else
/// is refused with the same message.
#[test]
fn wikidata_ids_are_q_and_a_number_from_one() {
    let iri = |q: &str| Ok(Some(format!("http://www.wikidata.org/entity/{q}")));
    let cases: [(&str, Result<Option<String>, String>); 8] = [
        ("", Ok(None)),
        ("Q7747", iri("Q7747")),
        (" q42 ", iri("Q42")),
        ("https://www.wikidata.org/wiki/Q131559", iri("Q131559")),
        ("Q0", Err(String::new())),
        ("Q01", Err(String::new())),
        ("Putin", Err(String::new())),
        ("Q1234567890123", Err(String::new())),
    ];
    for (text, want) in cases {
        let got = wikidata_iri(text).map_err(|_| String::new());
        assert_eq!(got, want, "{text:?}");
    }
}
