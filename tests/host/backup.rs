//! A backup of everything: written, read back, and restored by merging (never over newer work).

use crate::common::{annotate, article};
use hamish::core::annotations::model::Kind;
use hamish::core::annotations::model::Tombstone;
use hamish::core::storage::backup::{
    is_backup, keys_to_restore, read, restore, restore_into, with_unsaved, write, BackupError,
    Restored,
};
use hamish::core::storage::entry::{decode, encode, Decoded, Stored};

/// When the backups below are restored.
const NOW: &str = "2027-06-01T00:00:00Z";

#[test]
fn a_backup_round_trips_and_restores_by_merging() {
    let a = article();
    let mut older = annotate(&a, "روسيا", Kind::Claim, "u:1");
    older.note = "من النسخة الاحتياطية".into();
    let backed_up = Stored {
        annotations: vec![older.clone(), annotate(&a, "إيران", Kind::Claim, "u:2")],
        ..Stored::default()
    };
    let entities =
        r##"[{"id":"x","label_en":"X","label_ar":"س","color":"#1d4ed8","forms":["X"]}]"##;
    let file = write(
        &[
            ("seed".into(), encode("seed", &backed_up)),
            ("broken".into(), "{not json".into()),
        ],
        Some(entities),
        None,
        &[],
        "2026-11-30T00:00:00Z",
    );
    assert!(is_backup(&file));
    let backup = read(&file).expect("a backup");
    assert_eq!(
        backup.articles,
        vec![("seed".to_string(), backed_up.clone())]
    );
    assert!(backup.entities.is_some_and(|e| e.contains("\"id\":\"x\"")));

    // Restoring over a newer edit of u:1 keeps the newer note and adds u:2.
    let mut newer = older.clone();
    newer.note = "أحدث".into();
    newer.modified = "2027-01-01T00:00:00Z".into();
    let stored = Stored {
        annotations: vec![newer],
        ..Stored::default()
    };
    let entry = restore("seed", &backed_up, Some(&stored), NOW, i64::MIN).expect("a change");
    let Decoded::Stored(restored) = decode(Some(&entry.0)) else {
        panic!("unusable")
    };
    assert_eq!(restored.annotations.len(), 2);
    assert!(restored.annotations.iter().any(|x| x.note == "أحدث"));
    // Restoring the same backup again changes nothing.
    assert_eq!(
        restore("seed", &backed_up, Some(&restored), NOW, i64::MIN),
        None
    );
}

#[test]
fn what_is_not_a_backup_is_refused() {
    assert!(matches!(read("{not json"), Err(BackupError::NotJson(_))));
    assert_eq!(read("{\"format\":\"other\"}"), Err(BackupError::NotABackup));
    assert_eq!(
        read("{\"format\":\"hamish-backup\",\"version\":99,\"exported\":\"\",\"articles\":[]}"),
        Err(BackupError::NotABackup)
    );
    assert!(!is_backup("{\"type\":\"AnnotationCollection\"}"));
}

#[test]
fn a_restore_never_deletes_or_overwrites_newer_work() {
    let a = article();
    let mine = annotate(&a, "روسيا", Kind::Claim, "u:1");
    let mut edited = mine.clone();
    edited.note = "later, here".into();
    edited.modified = NOW.into();
    let theirs = annotate(&a, "إيران", Kind::Claim, "u:2");
    let mut future = mine.clone();
    future.note = "from a fast clock".into();
    future.modified = "2099-01-01T00:00:00Z".into();
    let grave = |id: &str, at: &str| Tombstone {
        id: id.into(),
        deleted: at.into(),
    };
    let here = Stored {
        annotations: vec![mine.clone()],
        ..Stored::default()
    };
    let counts = |added, updated| Restored {
        articles: usize::from(added + updated > 0),
        added,
        updated,
        ..Restored::default()
    };
    type Case = (&'static str, Stored, Stored, Vec<&'static str>, Restored);
    let cases: Vec<Case> = vec![
        (
            "a tombstone dated 2099 does not delete a live annotation",
            here.clone(),
            Stored {
                deleted: vec![grave("u:1", "2099-01-01T00:00:00Z")],
                ..Stored::default()
            },
            vec![""],
            counts(0, 0),
        ),
        (
            "a future-dated version, clamped to now, does not beat an edit made now",
            Stored {
                annotations: vec![edited],
                ..Stored::default()
            },
            Stored {
                annotations: vec![future.clone()],
                ..Stored::default()
            },
            vec!["later, here"],
            counts(0, 0),
        ),
        (
            "a future-dated version never replaces one here (its time proves nothing; restoring \
             the same backup twice would write over every edit made between)",
            here.clone(),
            Stored {
                annotations: vec![future.clone()],
                ..Stored::default()
            },
            vec![""],
            counts(0, 0),
        ),
        (
            "nor brings back one deleted here",
            Stored {
                deleted: vec![grave("u:1", NOW)],
                ..Stored::default()
            },
            Stored {
                annotations: vec![future.clone()],
                ..Stored::default()
            },
            vec![],
            counts(0, 0),
        ),
        (
            "a future-dated one not here is added, clamped to now",
            Stored::default(),
            Stored {
                annotations: vec![future],
                ..Stored::default()
            },
            vec!["from a fast clock"],
            counts(1, 0),
        ),
        (
            "a new annotation is added; a tombstone of one not here is kept",
            here.clone(),
            Stored {
                annotations: vec![theirs],
                deleted: vec![grave("u:3", "2099-01-01T00:00:00Z")],
                ..Stored::default()
            },
            vec!["", ""],
            counts(1, 0),
        ),
    ];
    for (name, current, backed_up, notes, want) in cases {
        let (merged, done) = restore_into(&current, &backed_up, NOW, i64::MIN);
        let got: Vec<&str> = merged.annotations.iter().map(|x| x.note.as_str()).collect();
        assert_eq!(got, notes, "{name}");
        assert_eq!(done, want, "{name}");
        assert!(
            merged
                .annotations
                .iter()
                .all(|x| x.modified.as_str() <= NOW)
                && merged.deleted.iter().all(|t| t.deleted.as_str() <= NOW),
            "{name}: nothing dated after now"
        );
        assert!(
            current
                .annotations
                .iter()
                .all(|c| merged.annotations.iter().any(|m| m.id == c.id)),
            "{name}: nothing deleted"
        );
    }
}

#[test]
fn a_backup_is_read_with_no_time_after_its_export() {
    let a = article();
    let mut future = annotate(&a, "روسيا", Kind::Claim, "u:1");
    future.modified = "2099-01-01T00:00:00Z".into();
    let entry = Stored {
        annotations: vec![future],
        deleted: vec![Tombstone {
            id: "u:2".into(),
            deleted: "2099-01-01T00:00:00Z".into(),
        }],
        ..Stored::default()
    };
    let file = write(
        &[("seed".into(), encode("seed", &entry))],
        None,
        None,
        &[],
        "2026-12-01T00:00:00Z",
    );
    let backup = read(&file).expect("a backup");
    let (_, got) = &backup.articles[0];
    assert_eq!(got.annotations[0].modified, "2026-12-01T00:00:00Z");
    assert_eq!(got.deleted[0].deleted, "2026-12-01T00:00:00Z");
    // So restoring it twice, at different times, changes nothing the second time.
    let (once, _) = restore("seed", &got.clone(), None, NOW, i64::MIN)
        .map(|(e, d)| (e, d))
        .expect("a change");
    let Decoded::Stored(once) = decode(Some(&once)) else {
        panic!("unusable")
    };
    assert_eq!(
        restore("seed", got, Some(&once), "2028-01-01T00:00:00Z", i64::MIN),
        None
    );
}

/// A backup with items that cannot be read: each is left out on its own (an annotation, a whole
/// entry of a newer schema, an `articles` item without an id) and counted; the rest is read.
#[test]
fn what_cannot_be_read_of_a_backup_is_left_out_item_by_item_and_counted() {
    use serde_json::{json, Value};
    let ann = |id: &str, extra: Value| {
        let mut a = json!({"id": id, "kind": "claim", "start": 226, "end": 249,
            "exact": "والدور الذي لعبته روسيا", "prefix": "", "suffix": "", "note": "",
            "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z"});
        if let (Some(a), Value::Object(extra)) = (a.as_object_mut(), extra) {
            a.extend(extra);
        }
        a
    };
    let good = || [ann("g1", json!({})), ann("g2", json!({}))];
    let item = |id: &str, schema: u64, anns: Vec<Value>| json!({"id": id, "entry": {"schema": schema, "article": id, "annotations": anns}});
    let [g1, g2] = good();
    // (what, articles[], the articles read with their annotation ids, unread annotations, articles)
    type Case = (
        &'static str,
        Vec<Value>,
        Vec<(&'static str, Vec<&'static str>)>,
        usize,
        usize,
    );
    let cases: Vec<Case> = vec![
        (
            "all good",
            vec![item("a", 1, good().into())],
            vec![("a", vec!["g1", "g2"])],
            0,
            0,
        ),
        (
            "a start of -1",
            vec![
                item(
                    "a",
                    1,
                    vec![g1.clone(), g2.clone(), ann("bad", json!({"start": -1}))],
                ),
                item("b", 1, good().into()),
            ],
            vec![("a", vec!["g1", "g2"]), ("b", vec!["g1", "g2"])],
            1,
            1,
        ),
        (
            "a status this build does not know",
            vec![item(
                "a",
                1,
                vec![
                    ann("bad", json!({"claim": {"status": "escalated"}})),
                    g1.clone(),
                ],
            )],
            vec![("a", vec!["g1"])],
            1,
            1,
        ),
        (
            "an entry of schema 2 is left out whole",
            vec![item("a", 2, good().into()), item("b", 1, vec![g1.clone()])],
            vec![("b", vec!["g1"])],
            2,
            1,
        ),
        (
            "an item without a string id, one without an entry, one not an object",
            vec![
                json!({"id": 7, "entry": {"schema": 1, "article": "x", "annotations": [g1]}}),
                json!({"id": "c"}),
                json!("d"),
                item("b", 1, vec![g2.clone()]),
            ],
            vec![("b", vec!["g2"])],
            1,
            3,
        ),
        (
            "an entry that is not an object",
            vec![
                json!({"id": "a", "entry": [1, 2]}),
                item("b", 1, vec![g2.clone()]),
            ],
            vec![("b", vec!["g2"])],
            0,
            1,
        ),
    ];
    for (what, articles, want, unread, unread_articles) in cases {
        let file = json!({"format": "hamish-backup", "version": 1,
            "exported": "2026-11-30T00:00:00Z", "entities": null, "articles": articles});
        let backup = read(&file.to_string()).unwrap_or_else(|e| panic!("{what}: {e:?}"));
        let read: Vec<(&str, Vec<&str>)> = backup
            .articles
            .iter()
            .map(|(id, s)| {
                (
                    id.as_str(),
                    s.annotations.iter().map(|a| a.id.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(read, want, "{what}");
        assert_eq!(
            (backup.left_out.unread, backup.left_out.unread_articles),
            (unread, unread_articles),
            "{what}"
        );
    }
}

/// What a backup carries as stored — entries kept aside, texts, settings — goes in as it is and
/// comes back, with the recent list; an item naming any other key (or without text) is never read,
/// and files that call the pairs `set_aside` (of 2026-12-06) are read too.
#[test]
fn stored_values_round_trip_through_a_backup() {
    let kept = vec![
        (
            "hamish:backup:2026-11-30T10:00:00Z:seed".to_string(),
            "{not json \u{0} \"\u{645}".to_string(),
        ),
        (
            "hamish:backup:2026-11-30T10:00:00Z:entities".to_string(),
            "[{\"id\":1}]".to_string(),
        ),
        (
            "hamish:v1:text:t-1".to_string(),
            r#"{"blocks":[["title","خبر"]]}"#.to_string(),
        ),
        ("hamish:v1:settings".to_string(), "{}".to_string()),
    ];
    let recent =
        r#"[{"id":"t-1","title":"خبر","url":null,"opened":"2026-11-30T09:00:00Z","count":2}]"#;
    let file = write(&[], None, Some(recent), &kept, "2026-11-30T00:00:00Z");
    let backup = read(&file).expect("a backup");
    assert_eq!(backup.keys, kept);
    assert_eq!(backup.recent.len(), 1);
    assert_eq!(backup.recent[0].id, "t-1");
    let empty = write(&[], None, None, &[], "2026-11-30T00:00:00Z");
    assert!(!empty.contains("keys") && !empty.contains("recent"));
    let hostile = r#"{"format":"hamish-backup","version":1,"exported":"2026-11-30T00:00:00Z",
        "articles":[],"recent":[{"id":1},{"id":"ok","title":"t","url":null,"opened":"x","count":0}],
        "keys":[["hamish:v1:entities","[]"],["hamish:v1:recent","[]"],["hamish:v1:text:a","t"],
        ["hamish:v1:annotations:seed","{}"],["hamish:backup:1:x"],{"key":"hamish:backup:1:z"}],
        "set_aside":[["other:backup:1:x","t"],["hamish:backup:1:y","t"]]}"#;
    let backup = read(hostile).expect("a backup");
    assert_eq!(
        backup.keys,
        vec![
            ("hamish:v1:text:a".to_string(), "t".to_string()),
            ("hamish:backup:1:y".to_string(), "t".to_string())
        ]
    );
    assert_eq!(backup.recent.len(), 1);
}

/// A restore writes texts of listed articles only (none longer than Hamish keeps) and the settings,
/// then the copies kept aside, last.
#[test]
fn a_restore_writes_listed_texts_and_settings_before_copies_kept_aside() {
    use hamish::core::storage::recent::{Recent, TEXT_MAX};
    let pair = |k: &str, t: String| (k.to_string(), t);
    let keys = vec![
        pair("hamish:backup:1:x", "kept".into()),
        pair("hamish:v1:text:listed", "t".into()),
        pair("hamish:v1:text:unlisted", "t".into()),
        pair("hamish:v1:text:long", "x".repeat(TEXT_MAX + 1)),
        pair("hamish:v1:settings", "{}".into()),
    ];
    let list: Vec<Recent> = ["listed", "long"]
        .iter()
        .map(|id| Recent {
            id: id.to_string(),
            title: "t".into(),
            url: None,
            opened: NOW.into(),
            count: 1,
        })
        .collect();
    let written: Vec<&str> = keys_to_restore(&keys, &list)
        .into_iter()
        .map(|(k, _)| k.as_str())
        .collect();
    assert_eq!(
        written,
        [
            "hamish:v1:text:listed",
            "hamish:v1:settings",
            "hamish:backup:1:x"
        ]
    );
}

#[test]
fn a_backup_carries_work_storage_does_not_hold_yet() {
    let a = article();
    let saved = annotate(&a, "روسيا", Kind::Claim, "u:1");
    let unsaved = annotate(&a, "إيران", Kind::Claim, "u:2");
    let mut newer = saved.clone();
    newer.note = "كُتبت والتخزين ممتلئ".into();
    newer.modified = "2027-01-01T00:00:00Z".into();
    let only = |annotations: Vec<_>| Stored {
        annotations,
        ..Stored::default()
    };
    let entries = vec![
        (
            "seed".to_string(),
            encode("seed", &only(vec![saved.clone()])),
        ),
        ("broken".to_string(), "{not json".to_string()),
    ];
    let work = vec![
        // The open article: a claim and a note written while storage was full.
        (
            "seed".to_string(),
            only(vec![newer.clone(), unsaved.clone()]),
        ),
        // An article with nothing stored yet, and one whose entry cannot be read.
        ("pasted".to_string(), only(vec![unsaved.clone()])),
        ("broken".to_string(), only(vec![unsaved.clone()])),
        // Nothing to carry.
        ("empty".to_string(), Stored::default()),
    ];
    // (Made from nothing stored: the later version of each annotation wins.)
    let work: Vec<(String, Stored, Stored)> = work
        .into_iter()
        .map(|(id, w)| (id, w, Stored::default()))
        .collect();
    let mut keys = Vec::new();
    let entries = with_unsaved(entries, &mut keys, &work, i64::MIN, NOW);
    // The entry that cannot be read (or is of a newer schema) is kept as it was, aside.
    assert_eq!(
        keys,
        [(
            format!("hamish:backup:{NOW}:broken"),
            "{not json".to_string()
        )]
    );
    let file = write(&entries, None, None, &keys, NOW);
    let backup = read(&file).expect("a backup");
    let ids: Vec<&str> = backup.articles.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["seed", "broken", "pasted"]);
    let seed = &backup.articles[0].1.annotations;
    assert_eq!(seed.len(), 2);
    assert!(seed.contains(&newer) && seed.contains(&unsaved));
    assert_eq!(backup.articles[1].1.annotations, vec![unsaved.clone()]);
    assert_eq!(backup.articles[2].1.annotations, vec![unsaved]);
    assert_eq!(backup.keys.len(), 1);
}
