//! Everything Hamish stores, written and read by hand (src/core/storage/json.rs): texts written by
//! the build that still used serde's derives read back to the same values and are written again byte
//! for byte; every stored type round-trips with each optional field set and unset; bad input fails.

use hamish::core::anchoring::selectors::TextSelector;
use hamish::core::annotations::model::{Annotation, Kind, Tombstone};
use hamish::core::claims::claim::{ClaimDetails, Claimant, Evidence, Stance, Status};
use hamish::core::claims::settings::{self, Reviewer, Settings};
use hamish::core::entities::registry::{decode_custom, encode_custom, Entity};
use hamish::core::entities::suggestions::{Quote, Rejected};
use hamish::core::storage::backup;
use hamish::core::storage::entry::{decode, encode, Decoded, Stored};
use hamish::core::storage::json::{from_text, pretty, string, to_text};
use hamish::core::storage::recent::{self, Recent, StoredText};
use hamish::core::text::span::Span;

// Written by the build before this one (serde derive), from the values below.
const ENTRY: &str = r##"{"schema":1,"article":"seed","annotations":[{"id":"urn:uuid:0","kind":"claim","start":3,"end":8,"exact":"روسيا \"q\" \\ \n\t\u0001/","prefix":"في ","suffix":" و","note":"ملاحظة","claim":{"verdict":"false","verdict_at":"2026-11-29T10:15:30Z","status":"in-review","claimant":{"entity":"u:9"},"evidence":[{"url":"https://a.example/x","stance":"refutes"},{"url":"http://b.example","stance":"context"}],"date":"2026-11-30","check_worthy":true},"created":"2026-11-29T10:15:30.123Z","modified":"2026-11-29T10:16:00Z","orphan":true},{"id":"urn:uuid:1","kind":{"entity":"turkey"},"start":4,"end":9,"exact":"روسيا \"q\" \\ \n\t\u0001/","prefix":"في ","suffix":" و","note":"ملاحظة","claim":{"verdict":"false","verdict_at":"2026-11-29T10:15:30Z","status":"checked","claimant":{"named":{"name":"N"}},"evidence":[{"url":"https://a.example/x","stance":"refutes"},{"url":"http://b.example","stance":"context"}],"date":"2026-11-30","check_worthy":true},"created":"2026-11-29T10:15:30.123Z","modified":"2026-11-29T10:16:00Z"},{"id":"urn:uuid:2","kind":"claim","start":0,"end":0,"exact":"روسيا \"q\" \\ \n\t\u0001/","prefix":"في ","suffix":" و","note":"","created":"2026-11-29T10:15:30.123Z","modified":"2026-11-29T10:16:00Z"}],"rejected":[{"entity":"iran","start":3,"end":8,"at":"2026-11-30T00:00:00Z","quote":{"exact":"إيران","prefix":"p","suffix":"s"}},{"entity":"x","start":1,"end":2}],"deleted":[{"id":"urn:uuid:7","deleted":"2026-12-01T00:00:00Z"}]}"##;
const RECENT: &str = r##"[{"id":"a","title":"T","url":"https://x.example/","opened":"2026-11-30T00:00:00Z","count":3},{"id":"b","title":"U \"q\"","url":null,"opened":"2026-11-30T00:00:01Z","count":0}]"##;
const TEXT: &str = r##"{"blocks":[["title","T"],["paragraph","نص"]]}"##;
const ENTITIES: &str = r##"[{"id":"x","label_en":"X","label_ar":"س","color":"#1d4ed8","wikidata":"Q1","forms":["X","Ex"]},{"id":"y","label_en":"Y","label_ar":"ص","color":"#1d4ed8","wikidata":null,"forms":[]}]"##;
const SETTINGS: &str = r##"{"scale":"arafacts","reviewer":{"name":"R","organization":"O","url":"https://o.example"}}"##;
const SETTINGS_DEFAULT: &str =
    r##"{"scale":"hamish","reviewer":{"name":"","organization":"","url":""}}"##;
const BACKUP: &str = r##"{
  "format": "hamish-backup",
  "version": 1,
  "exported": "2026-11-30T00:00:00Z",
  "entities": [
    {
      "color": "#1d4ed8",
      "forms": [
        "X",
        "Ex"
      ],
      "id": "x",
      "label_ar": "س",
      "label_en": "X",
      "wikidata": "Q1"
    },
    {
      "color": "#1d4ed8",
      "forms": [],
      "id": "y",
      "label_ar": "ص",
      "label_en": "Y",
      "wikidata": null
    }
  ],
  "articles": [
    {
      "id": "seed",
      "entry": {
        "annotations": [
          {
            "claim": {
              "check_worthy": true,
              "claimant": {
                "entity": "u:9"
              },
              "date": "2026-11-30",
              "evidence": [
                {
                  "stance": "refutes",
                  "url": "https://a.example/x"
                },
                {
                  "stance": "context",
                  "url": "http://b.example"
                }
              ],
              "status": "in-review",
              "verdict": "false",
              "verdict_at": "2026-11-29T10:15:30Z"
            },
            "created": "2026-11-29T10:15:30.123Z",
            "end": 8,
            "exact": "روسيا \"q\" \\ \n\t\u0001/",
            "id": "urn:uuid:0",
            "kind": "claim",
            "modified": "2026-11-29T10:16:00Z",
            "note": "ملاحظة",
            "orphan": true,
            "prefix": "في ",
            "start": 3,
            "suffix": " و"
          },
          {
            "claim": {
              "check_worthy": true,
              "claimant": {
                "named": {
                  "name": "N"
                }
              },
              "date": "2026-11-30",
              "evidence": [
                {
                  "stance": "refutes",
                  "url": "https://a.example/x"
                },
                {
                  "stance": "context",
                  "url": "http://b.example"
                }
              ],
              "status": "checked",
              "verdict": "false",
              "verdict_at": "2026-11-29T10:15:30Z"
            },
            "created": "2026-11-29T10:15:30.123Z",
            "end": 9,
            "exact": "روسيا \"q\" \\ \n\t\u0001/",
            "id": "urn:uuid:1",
            "kind": {
              "entity": "turkey"
            },
            "modified": "2026-11-29T10:16:00Z",
            "note": "ملاحظة",
            "prefix": "في ",
            "start": 4,
            "suffix": " و"
          },
          {
            "created": "2026-11-29T10:15:30.123Z",
            "end": 0,
            "exact": "روسيا \"q\" \\ \n\t\u0001/",
            "id": "urn:uuid:2",
            "kind": "claim",
            "modified": "2026-11-29T10:16:00Z",
            "note": "",
            "prefix": "في ",
            "start": 0,
            "suffix": " و"
          }
        ],
        "article": "seed",
        "deleted": [
          {
            "deleted": "2026-12-01T00:00:00Z",
            "id": "urn:uuid:7"
          }
        ],
        "rejected": [
          {
            "at": "2026-11-30T00:00:00Z",
            "end": 8,
            "entity": "iran",
            "quote": {
              "exact": "إيران",
              "prefix": "p",
              "suffix": "s"
            },
            "start": 3
          },
          {
            "end": 2,
            "entity": "x",
            "start": 1
          }
        ],
        "schema": 1
      }
    },
    {
      "id": "e",
      "entry": {
        "annotations": [],
        "article": "e",
        "schema": 1
      }
    }
  ]
}"##;
const BACKUP_EMPTY: &str = r##"{
  "format": "hamish-backup",
  "version": 1,
  "exported": "2026-11-30T00:00:00Z",
  "entities": null,
  "articles": []
}"##;

/// Annotation `i` with every field set (claims alternate between the two kinds of claimant).
fn full(i: usize) -> Annotation {
    Annotation {
        id: format!("urn:uuid:{i}"),
        kind: if i.is_multiple_of(2) {
            Kind::Claim
        } else {
            Kind::Entity("turkey".into())
        },
        target: TextSelector {
            exact: "روسيا \"q\" \\ \n\t\u{1}/".into(),
            prefix: "في ".into(),
            suffix: " و".into(),
            position: Some(Span::new(3 + i, 8 + i)),
        },
        note: "ملاحظة".into(),
        claim: ClaimDetails {
            verdict: Some("false".into()),
            verdict_at: Some("2026-11-29T10:15:30Z".into()),
            status: Status::InReview,
            claimant: Some(if i.is_multiple_of(2) {
                Claimant::Entity("u:9".into())
            } else {
                Claimant::Named {
                    name: "Ali".into(),
                    wikidata: Some("http://www.wikidata.org/entity/Q1".into()),
                }
            }),
            evidence: vec![
                Evidence {
                    url: "https://a.example/x".into(),
                    stance: Stance::Refutes,
                },
                Evidence {
                    url: "http://b.example".into(),
                    stance: Stance::Context,
                },
            ],
            date: Some("2026-11-30".into()),
            check_worthy: Some(true),
            review: None,
        },
        created: "2026-11-29T10:15:30.123Z".into(),
        modified: "2026-11-29T10:16:00Z".into(),
        orphan: i.is_multiple_of(3),
        detached: false,
        checked: None,
    }
}

/// The words checked of a claim an edit moved are stored with it, and read back.
#[test]
fn the_words_checked_of_a_claim_an_edit_moved_are_kept() {
    let mut a = full(2);
    a.checked = Some(TextSelector {
        exact: "روسيا سحبت".into(),
        prefix: "قال ".into(),
        suffix: " قواتها".into(),
        position: Some(Span::new(10, 20)),
    });
    let text = hamish::core::storage::json::to_text(&a);
    assert!(text.ends_with(r#""checked":{"exact":"روسيا سحبت","prefix":"قال ","suffix":" قواتها","start":10,"end":20}}"#), "{text}");
    let back: Annotation = hamish::core::storage::json::from_text(&text).expect("reads");
    assert_eq!(back, a);
    // Without it, nothing is written (entries stay byte for byte as before).
    assert!(!hamish::core::storage::json::to_text(&full(2)).contains("checked"));
}

/// What [`ENTRY`] holds.
fn entry_values() -> Stored {
    let mut b = full(1);
    b.claim.claimant = Some(Claimant::Named {
        name: "N".into(),
        wikidata: None,
    });
    b.claim.status = Status::Checked;
    let mut c = full(2);
    c.claim = ClaimDetails::default();
    c.target.position = None;
    c.note = String::new();
    Stored {
        annotations: vec![full(0), b, c],
        rejected: vec![
            Rejected {
                entity: "iran".into(),
                span: Span::new(3, 8),
                at: "2026-11-30T00:00:00Z".into(),
                quote: Quote {
                    exact: "إيران".into(),
                    prefix: "p".into(),
                    suffix: "s".into(),
                },
            },
            Rejected {
                entity: "x".into(),
                span: Span::new(1, 2),
                at: String::new(),
                quote: Quote::default(),
            },
        ],
        deleted: vec![Tombstone {
            id: "urn:uuid:7".into(),
            deleted: "2026-12-01T00:00:00Z".into(),
        }],
    }
}

fn recent_values() -> Vec<Recent> {
    vec![
        Recent {
            id: "a".into(),
            title: "T".into(),
            url: Some("https://x.example/".into()),
            opened: "2026-11-30T00:00:00Z".into(),
            count: 3,
        },
        Recent {
            id: "b".into(),
            title: "U \"q\"".into(),
            url: None,
            opened: "2026-11-30T00:00:01Z".into(),
            count: 0,
        },
    ]
}

fn entity_values() -> Vec<Entity> {
    vec![
        Entity {
            id: "x".into(),
            label_en: "X".into(),
            label_ar: "س".into(),
            color: "#1d4ed8".into(),
            wikidata: Some("Q1".into()),
            forms: vec!["X".into(), "Ex".into()],
        },
        Entity {
            id: "y".into(),
            label_en: "Y".into(),
            label_ar: "ص".into(),
            color: "#1d4ed8".into(),
            wikidata: None,
            forms: vec![],
        },
    ]
}

fn settings_values() -> Settings {
    Settings {
        scale: "arafacts".into(),
        reviewer: Reviewer {
            name: "R".into(),
            organization: "O".into(),
            url: "https://o.example".into(),
        },
    }
}

fn stored(raw: &str) -> Stored {
    match decode(Some(raw)) {
        Decoded::Stored(s) => s,
        Decoded::Unusable(why) => panic!("{raw}: {why}"),
    }
}

#[test]
fn what_the_serde_build_wrote_reads_back_and_is_written_again_byte_for_byte() {
    assert_eq!(stored(ENTRY), entry_values());
    assert_eq!(encode("seed", &entry_values()), ENTRY);
    let empty = r#"{"schema":1,"article":"seed","annotations":[]}"#;
    assert_eq!(stored(empty), Stored::default());
    assert_eq!(encode("seed", &Stored::default()), empty);

    assert_eq!(recent::decode(Some(RECENT)), recent_values());
    assert_eq!(recent::encode(&recent_values()), RECENT);

    let text = StoredText {
        blocks: vec![
            ("title".into(), "T".into()),
            ("paragraph".into(), "نص".into()),
        ],
    };
    assert_eq!(from_text::<StoredText>(TEXT), Ok(text.clone()));
    assert_eq!(to_text(&text), TEXT);

    assert_eq!(decode_custom(Some(ENTITIES)), (entity_values(), true));
    assert_eq!(encode_custom(&entity_values()), ENTITIES);

    assert_eq!(settings::decode(Some(SETTINGS)), (settings_values(), true));
    assert_eq!(settings::encode(&settings_values()), SETTINGS);
    assert_eq!(
        settings::decode(Some(SETTINGS_DEFAULT)),
        (Settings::default(), true)
    );
    assert_eq!(settings::encode(&Settings::default()), SETTINGS_DEFAULT);

    let entries = [
        ("seed".to_string(), encode("seed", &entry_values())),
        ("e".to_string(), encode("e", &Stored::default())),
    ];
    assert_eq!(
        backup::write(&entries, Some(ENTITIES), None, &[], "2026-11-30T00:00:00Z"),
        BACKUP
    );
    assert_eq!(
        backup::write(&[], None, None, &[], "2026-11-30T00:00:00Z"),
        BACKUP_EMPTY
    );
    let read = backup::read(BACKUP).expect("a backup");
    // Read back, nothing is later than the backup's export (its tombstone of 2026-12-01 is not).
    let mut seed = entry_values();
    seed.deleted[0].deleted = "2026-11-30T00:00:00Z".into();
    assert_eq!(
        read.articles,
        vec![
            ("seed".to_string(), seed),
            ("e".to_string(), Stored::default())
        ]
    );
    assert_eq!(
        decode_custom(read.entities.as_deref()),
        (entity_values(), true)
    );
    let empty = backup::read(BACKUP_EMPTY).expect("a backup");
    assert_eq!((empty.articles.len(), empty.entities), (0, None));
}

#[test]
fn every_stored_type_round_trips_with_each_optional_field_set_and_unset() {
    // Each optional field of an annotation, its claim details and a rejection, unset one at a time.
    let mut variants: Vec<Annotation> = vec![full(0), full(1), full(3)];
    let unsets: [fn(&mut Annotation); 13] = [
        |a| a.note.clear(),
        |a| a.orphan = false,
        |a| a.target.position = None,
        |a| a.kind = Kind::Entity(String::new()),
        |a| a.claim = ClaimDetails::default(),
        |a| a.claim.verdict = None,
        |a| a.claim.verdict_at = None,
        |a| a.claim.status = Status::Unverified,
        |a| a.claim.claimant = None,
        |a| {
            a.claim.claimant = Some(Claimant::Named {
                name: String::new(),
                wikidata: None,
            })
        },
        |a| a.claim.evidence.clear(),
        |a| a.claim.date = None,
        |a| a.claim.check_worthy = Some(false),
    ];
    for unset in unsets {
        let mut a = full(4);
        unset(&mut a);
        variants.push(a);
    }
    let mut none = full(5);
    none.claim.check_worthy = None;
    variants.push(none);
    let rejected: Vec<Rejected> = (0..3)
        .map(|i| Rejected {
            entity: format!("e{i}"),
            span: Span::new(i, i + 2),
            at: if i == 1 {
                String::new()
            } else {
                "2026-11-30T00:00:00Z".into()
            },
            quote: if i == 2 {
                Quote::default()
            } else {
                Quote {
                    exact: "x".into(),
                    prefix: String::new(),
                    suffix: "\u{7f}\u{1f}".into(),
                }
            },
        })
        .collect();
    for s in [
        Stored {
            annotations: variants.clone(),
            rejected: rejected.clone(),
            deleted: vec![Tombstone {
                id: "a".into(),
                deleted: "b".into(),
            }],
        },
        Stored {
            annotations: variants,
            ..Stored::default()
        },
        Stored {
            rejected,
            ..Stored::default()
        },
    ] {
        assert_eq!(stored(&encode("id", &s)), s);
    }

    let mut list = recent_values();
    list[0].url = None;
    list[1].url = Some(String::new());
    assert_eq!(recent::decode(Some(&recent::encode(&list))), list);

    let mut entities = entity_values();
    entities[0].wikidata = None;
    entities[1].forms = vec!["ص".into()];
    assert_eq!(
        decode_custom(Some(&encode_custom(&entities))),
        (entities, true)
    );

    let settings = Settings {
        reviewer: Reviewer::default(),
        ..settings_values()
    };
    assert_eq!(
        settings::decode(Some(&settings::encode(&settings))),
        (settings, true)
    );
    let text = StoredText { blocks: Vec::new() };
    assert_eq!(from_text::<StoredText>(&to_text(&text)), Ok(text));
}

#[test]
fn missing_fields_with_defaults_read_as_serde_read_them() {
    let minimal = r#"{"schema":1,"article":"a","annotations":[{"id":"u","kind":{"entity":"e"},"start":1,"end":2,"exact":"x","prefix":"","suffix":"","created":"t","modified":"t","claim":{}}],"rejected":[{"entity":"e","start":0,"end":1}]}"#;
    let s = stored(minimal);
    assert_eq!(s.annotations[0].note, "");
    assert!(s.annotations[0].claim.is_empty() && !s.annotations[0].orphan);
    assert_eq!(s.rejected[0].quote, Quote::default());
    // `null` stands for an absent option.
    let nulls = r#"{"schema":1,"article":"a","annotations":[{"id":"u","kind":"claim","start":1,"end":2,"exact":"x","prefix":"","suffix":"","created":"t","modified":"t","claim":{"verdict":null,"claimant":null,"check_worthy":null,"date":null}}]}"#;
    assert!(stored(nulls).annotations[0].claim.is_empty());
    assert_eq!(
        settings::decode(Some(r#"{"reviewer":{"name":"R"}}"#)),
        (
            Settings {
                reviewer: Reviewer {
                    name: "R".into(),
                    ..Reviewer::default()
                },
                ..Settings::default()
            },
            true
        )
    );
    assert_eq!(
        recent::decode(Some(
            r#"[{"id":"a","title":"T","opened":"o","count":1,"extra":[1]}]"#
        ))[0]
            .url,
        None
    );
    let entity = r##"[{"id":"z","label_en":"Z","label_ar":"ز","color":"#1d4ed8"}]"##;
    assert_eq!(
        decode_custom(Some(entity))
            .0
            .first()
            .map(|e| (e.wikidata.clone(), e.forms.len())),
        Some((None, 0))
    );
}

#[test]
fn wrong_types_are_refused_as_serde_refused_them() {
    let annotation = |field: &str| {
        let mut fields = vec![
            r#""id":"u""#,
            r#""kind":"claim""#,
            r#""start":1"#,
            r#""end":2"#,
            r#""exact":"x""#,
            r#""prefix":"""#,
            r#""suffix":"""#,
            r#""created":"t""#,
            r#""modified":"t""#,
        ];
        let name = field.split(':').next().unwrap_or_default().to_string();
        fields.retain(|f| !f.starts_with(&name));
        fields.push(field);
        format!(
            r#"{{"schema":1,"article":"a","annotations":[{{{}}}]}}"#,
            fields.join(",")
        )
    };
    for field in [
        r#""id":3"#,
        r#""kind":"entity""#,
        r#""kind":{"entity":null}"#,
        r#""start":-1"#,
        r#""end":2.5"#,
        r#""end":"2""#,
        r#""note":null"#,
        r#""claim":null"#,
        r#""claim":{"status":"bogus"}"#,
        r#""claim":{"status":null}"#,
        r#""claim":{"evidence":[{"url":"https://x.example"}]}"#,
        r#""claim":{"evidence":[{"url":"https://x.example","stance":"maybe"}]}"#,
        r#""claim":{"claimant":{"named":{"wikidata":"Q1"}}}"#,
        r#""claim":{"check_worthy":"yes"}"#,
        r#""orphan":1"#,
        r#""created":null"#,
    ] {
        let raw = annotation(field);
        match decode(Some(&raw)) {
            Decoded::Unusable(why) => assert!(why.starts_with("malformed entry ("), "{raw}: {why}"),
            other => panic!("{raw} read as {other:?}"),
        }
    }
    // The same annotation with a well-typed field reads, unknown fields and all.
    assert!(matches!(
        decode(Some(&annotation(r#""unknown":{"deep":[1,2]}"#))),
        Decoded::Stored(_)
    ));
    for raw in [
        r#"{"schema":1,"article":3,"annotations":[]}"#,
        r#"{"schema":1,"article":"a","annotations":{}}"#,
        r#"{"schema":1,"article":"a","annotations":[],"rejected":[{"entity":"e","start":1}]}"#,
        r#"{"schema":1,"article":"a","annotations":[],"rejected":[{"entity":"e","start":1,"end":2,"quote":{"exact":"x"}}]}"#,
        r#"{"schema":1,"article":"a","annotations":[],"deleted":[{"id":"u"}]}"#,
        r#"{"schema":1,"article":"a","annotations":[],"deleted":null}"#,
    ] {
        assert!(
            matches!(decode(Some(raw)), Decoded::Unusable(ref why) if why.starts_with("malformed entry")),
            "{raw}"
        );
    }
    assert_eq!(
        decode(Some(r#"{"schema":"1","annotations":[]}"#)),
        Decoded::Unusable("no schema version".into())
    );
    assert_eq!(
        decode(Some(r#"{"schema":2,"article":5}"#)),
        Decoded::Unusable("unknown schema version 2".into())
    );
    // Unreadable settings count as the defaults, and say so (the caller keeps a copy).
    assert_eq!(
        settings::decode(Some(r#"{"scale":null}"#)),
        (Settings::default(), false)
    );
    assert_eq!(settings::decode(None), (Settings::default(), true));
    assert_eq!(recent::decode(Some(r#"[{"id":"a"}]"#)), Vec::new());
    assert!(from_text::<StoredText>(r#"{"blocks":[["title"]]}"#).is_err());
    // One unreadable entity is skipped, not the list, and the list is not whole (the caller keeps
    // a copy).
    let one_bad = r##"[{"id":"z","label_en":"Z","label_ar":"ز","color":"#1d4ed8","forms":null},{"id":"w","label_en":"W","label_ar":"و","color":"#1d4ed8"}]"##;
    let (read, whole) = decode_custom(Some(one_bad));
    assert_eq!((read.len(), whole), (1, false));
    assert_eq!(decode_custom(Some("{}")), (vec![], false));
    assert_eq!(
        backup::read(r#"{"format":"hamish-backup","version":1,"articles":[]}"#),
        Err(backup::BackupError::NotABackup)
    );
}

#[test]
fn strings_are_escaped_as_serde_json_escapes_them() {
    let mut every: String = (0u32..0x800).filter_map(char::from_u32).collect();
    every.push_str("\u{2028}\u{feff}😀\"\\/");
    let mut out = String::new();
    string(&mut out, &every);
    assert_eq!(out, serde_json::Value::String(every).to_string());
}

#[test]
fn the_layout_of_a_backup_is_serde_json_s_pretty_one() {
    let compact = r#"{"a":[],"b":{},"c":[1,{"d":"x,\"y\":[{}]"}],"e":{"f":null}}"#;
    let value: serde_json::Value = serde_json::from_str(compact).expect("JSON");
    assert_eq!(
        pretty(compact),
        serde_json::to_string_pretty(&value).unwrap_or_default()
    );
}

/// An annotation the reader detached keeps that mark through storage (written only when set, so
/// entries without it are the bytes Hamish always wrote).
#[test]
fn a_detached_orphan_is_stored_as_such() {
    let mut a = full(0);
    a.detach(a.target.clone());
    let stored = Stored {
        annotations: vec![a, full(1)],
        ..Stored::default()
    };
    let raw = encode("article", &stored);
    assert_eq!(raw.matches("\"detached\":true").count(), 1, "{raw}");
    match decode(Some(&raw)) {
        Decoded::Stored(back) => assert_eq!(back, stored),
        other => panic!("{other:?}"),
    }
}

/// Where a claim's fact-check is published is stored with its details (only when set, so entries
/// without it are the bytes Hamish always wrote); one edited by hand into something that is not a
/// web address is left out.
#[test]
fn a_claims_published_fact_check_is_stored() {
    let mut a = full(0);
    a.claim.review = Some("https://factcheck.example/r".into());
    let stored = Stored {
        annotations: vec![a.clone(), full(1)],
        ..Stored::default()
    };
    let raw = encode("article", &stored);
    assert_eq!(
        raw.matches(r#""review":"https://factcheck.example/r""#)
            .count(),
        1,
        "{raw}"
    );
    match decode(Some(&raw)) {
        Decoded::Stored(back) => assert_eq!(back, stored),
        other => panic!("{other:?}"),
    }
    let hostile = raw.replace("https://factcheck.example/r", "javascript:alert(1)");
    match decode(Some(&hostile)) {
        Decoded::Stored(back) => assert_eq!(back.annotations[0].claim.review, None),
        other => panic!("{other:?}"),
    }
}
