//! The stored entry: round trip, and every way it can be unusable.

use crate::common::{annotate, article};
use hamish::core::annotations::model::Kind;
use hamish::core::entities::suggestions::Rejected;
use hamish::core::storage::entry::{decode, encode, Decoded, Stored};
use hamish::core::storage::keys::entry_key;
use hamish::core::text::span::Span;

#[test]
fn entries_round_trip() {
    let a = article();
    let anns = vec![
        annotate(&a, "روسيا", Kind::Claim, "u:1"),
        annotate(&a, "الأتراك", Kind::Entity("turkey".into()), "u:2"),
    ];
    let stored = Stored {
        annotations: anns,
        deleted: Vec::new(),
        rejected: vec![Rejected {
            entity: "iran".into(),
            span: Span::new(3, 8),
            at: String::new(),
            quote: Default::default(),
        }],
    };
    let raw = encode(&a.id, &stored);
    assert!(raw.contains("\"schema\":1"));
    assert_eq!(decode(Some(&raw)), Decoded::Stored(stored));
    assert_eq!(decode(None), Decoded::Stored(Stored::default()));
    // An entry written before rejections were kept still reads.
    let older = "{\"schema\":1,\"article\":\"a\",\"annotations\":[]}";
    assert_eq!(decode(Some(older)), Decoded::Stored(Stored::default()));
    assert_eq!(entry_key("x"), "hamish:v1:annotations:x");
}

#[test]
fn unusable_entries_say_why() {
    // (raw entry, words the reason must contain)
    let cases = [
        ("{not json", "not valid JSON"),
        ("", "not valid JSON"),
        ("[1,2]", "no schema version"),
        ("{\"annotations\":[]}", "no schema version"),
        (
            "{\"schema\":99,\"article\":\"a\",\"annotations\":[]}",
            "unknown schema version 99",
        ),
        (
            "{\"schema\":1,\"article\":\"a\",\"annotations\":[{\"id\":3}]}",
            "malformed entry",
        ),
        ("{\"schema\":1,\"article\":\"a\"}", "malformed entry"),
    ];
    for (raw, why) in cases {
        match decode(Some(raw)) {
            Decoded::Unusable(reason) => assert!(reason.contains(why), "{raw:?}: {reason}"),
            other => panic!("{raw:?} decoded as {other:?}"),
        }
    }
}

#[test]
fn an_entry_written_before_annotations_held_one_selector_reads_and_writes_back_byte_for_byte() {
    // Written by the build before `Annotation` held a `TextSelector` (flat start/end/exact/prefix/suffix).
    let old = concat!(
        "{\"schema\":1,\"article\":\"seed\",\"annotations\":[",
        "{\"id\":\"urn:uuid:1\",\"kind\":\"claim\",\"start\":3,\"end\":8,\"exact\":\"روسيا\",",
        "\"prefix\":\"في \",\"suffix\":\" و\",\"note\":\"ملاحظة\",\"created\":\"2026-11-29T10:15:30.123Z\",",
        "\"modified\":\"2026-11-29T10:15:30.123Z\"},",
        "{\"id\":\"urn:uuid:2\",\"kind\":{\"entity\":\"turkey\"},\"start\":0,\"end\":0,\"exact\":\"تركيا\",",
        "\"prefix\":\"\",\"suffix\":\"\",\"note\":\"\",\"created\":\"2026-11-29T10:15:30Z\",",
        "\"modified\":\"2026-11-29T10:15:30Z\",\"orphan\":true}],",
        "\"rejected\":[{\"entity\":\"iran\",\"start\":3,\"end\":8}]}"
    );
    let Decoded::Stored(stored) = decode(Some(old)) else {
        panic!("the old entry is unusable")
    };
    assert_eq!(stored.annotations[0].span().start, 3);
    assert_eq!(stored.annotations[1].target.position, None);
    assert_eq!(encode("seed", &stored), old);
}

#[test]
fn rejected_suggestions_read_and_write_back_byte_for_byte() {
    // Written by the build before `Rejected` held a `Span`: its start and end sit beside the entity.
    let today = concat!(
        "{\"schema\":1,\"article\":\"seed\",\"annotations\":[],",
        "\"rejected\":[{\"entity\":\"iran\",\"start\":3,\"end\":8},",
        "{\"entity\":\"al-assad\",\"start\":120,\"end\":125}]}"
    );
    let Decoded::Stored(stored) = decode(Some(today)) else {
        panic!("the entry is unusable")
    };
    assert_eq!(
        stored.rejected,
        vec![
            Rejected {
                entity: "iran".into(),
                span: Span::new(3, 8),
                at: String::new(),
                quote: Default::default(),
            },
            Rejected {
                entity: "al-assad".into(),
                span: Span::new(120, 125),
                at: String::new(),
                quote: Default::default(),
            },
        ]
    );
    assert_eq!(encode("seed", &stored), today);
}

#[test]
fn what_can_still_be_read_of_an_unusable_entry_is_salvaged_item_by_item() {
    use hamish::core::annotations::model::Tombstone;
    use hamish::core::storage::entry::{salvage, MAX_NOTE};
    let a = article();
    let good = annotate(&a, "روسيا", Kind::Claim, "u:good");
    let mut long_note = annotate(&a, "الأتراك", Kind::Claim, "u:long");
    long_note.note = "n".repeat(MAX_NOTE + 1);
    let rejected = Rejected {
        entity: "iran".into(),
        span: Span::new(3, 8),
        at: String::new(),
        quote: Default::default(),
    };
    let tombstone = Tombstone {
        id: "u:gone".into(),
        deleted: "2026-11-29T10:00:00Z".into(),
    };
    let stored = Stored {
        annotations: vec![good.clone(), long_note],
        rejected: vec![rejected.clone()],
        deleted: vec![tombstone.clone()],
    };
    // Broken items among good ones in each list; an annotation over the note limit.
    let broken = encode(&a.id, &stored)
        .replacen(
            "\"annotations\":[",
            "\"annotations\":[{\"id\":3},\"x\",null,",
            1,
        )
        .replacen("\"rejected\":[", "\"rejected\":[{\"entity\":1},", 1)
        .replacen("\"deleted\":[", "\"deleted\":[7,", 1);
    assert!(matches!(decode(Some(&broken)), Decoded::Unusable(_)));
    assert_eq!(
        salvage(&broken),
        Stored {
            annotations: vec![good],
            rejected: vec![rejected],
            deleted: vec![tombstone],
        }
    );
    // Nothing is salvaged from what is not an entry of this schema.
    for raw in [
        "{not json",
        "[1,2]",
        "{\"schema\":2,\"article\":\"a\",\"annotations\":[{\"id\":3}]}",
        "{\"annotations\":[]}",
        "{\"schema\":1,\"article\":\"a\",\"annotations\":7}",
    ] {
        assert_eq!(salvage(raw), Stored::default(), "{raw}");
    }
}

/// A stored claim with more evidence links than a claim keeps, or a link longer than a URL may be, is
/// unusable (kept as a backup by the caller); what is salvaged holds it with its links cut to the
/// limits; a stored claimant name over the limit is cut.
#[test]
fn a_stored_claims_evidence_and_claimant_are_bounded() {
    use hamish::core::claims::claim::{
        Claimant, Evidence, Stance, MAX_CLAIMANT, MAX_EVIDENCE, URL_MAX,
    };
    use hamish::core::storage::entry::salvage;
    let a = article();
    let link = |url: String| Evidence {
        url,
        stance: Stance::Context,
    };
    let mut many = annotate(&a, "روسيا", Kind::Claim, "u:many");
    many.claim.evidence = (0..=MAX_EVIDENCE)
        .map(|i| link(format!("https://e.example/{i}")))
        .collect();
    let mut long = annotate(&a, "إيران", Kind::Claim, "u:long");
    long.claim.evidence = vec![link(format!("https://e.example/{}", "a".repeat(URL_MAX)))];
    let mut named = annotate(&a, "دمشق", Kind::Claim, "u:named");
    named.claim.claimant = Some(Claimant::Named {
        name: "ن".repeat(MAX_CLAIMANT * 3),
        wikidata: None,
    });
    for bad in [many, long] {
        let stored = Stored {
            annotations: vec![bad, named.clone()],
            ..Stored::default()
        };
        let raw = encode(&a.id, &stored);
        match decode(Some(&raw)) {
            Decoded::Unusable(reason) => assert!(reason.contains("evidence links"), "{reason}"),
            other => panic!("usable: {other:?}"),
        }
        // What reads is shown: the claim with its links cut to the limits, the other as it was.
        let kept = salvage(&raw);
        assert_eq!(kept.annotations.len(), 2, "both are salvaged");
        let evidence = &kept.annotations[0].claim.evidence;
        assert!(evidence.len() <= MAX_EVIDENCE && evidence.iter().all(|e| e.url.len() <= URL_MAX));
        let Some(Claimant::Named { name, .. }) = &kept.annotations[1].claim.claimant else {
            panic!("named");
        };
        assert_eq!(name.chars().count(), MAX_CLAIMANT);
    }
}
