//! A backup of everything: written, read back, and restored by merging (never over newer work).

use crate::common::{annotate, article};
use hamish::core::annotations::model::Kind;
use hamish::core::storage::backup::{is_backup, read, restore, write, BackupError};
use hamish::core::storage::entry::{decode, encode, Decoded, Stored};

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
    let entry = restore("seed", &backed_up, Some(&stored), i64::MIN).expect("a change");
    let Decoded::Stored(restored) = decode(Some(&entry)) else {
        panic!("unusable")
    };
    assert_eq!(restored.annotations.len(), 2);
    assert!(restored.annotations.iter().any(|x| x.note == "أحدث"));
    // Restoring the same backup again changes nothing.
    assert_eq!(restore("seed", &backed_up, Some(&restored), i64::MIN), None);
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
