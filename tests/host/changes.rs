//! What a host page is told: annotations created, updated and deleted between two versions.

use hamish::core::anchoring::selectors::describe;
use hamish::core::annotations::changes::{changes, ChangeKind};
use hamish::core::annotations::model::{Annotation, Kind};
use hamish::core::text::span::Span;

const TEXT: &str = "قال الروس إن الأسد غادر دمشق 😀 فجراً.";

fn annotation(id: &str, start: usize, end: usize) -> Annotation {
    Annotation::new(
        id.into(),
        Kind::Claim,
        describe(TEXT, Span::new(start, end)),
        "2026-11-29T10:00:00Z",
    )
}

#[test]
fn created_updated_deleted() {
    let a = annotation("urn:a", 0, 3);
    let b = annotation("urn:b", 4, 9);
    let c = annotation("urn:c", 13, 18);
    let mut b2 = b.clone();
    b2.note = "مصدر؟".into();
    let d = annotation("urn:d", 29, 30);
    let rows: Vec<(Vec<Annotation>, Vec<Annotation>, Vec<(ChangeKind, &str)>)> = vec![
        (vec![], vec![], vec![]),
        (vec![a.clone()], vec![a.clone()], vec![]),
        (
            vec![],
            vec![a.clone()],
            vec![(ChangeKind::Created, "urn:a")],
        ),
        (
            vec![a.clone()],
            vec![],
            vec![(ChangeKind::Deleted, "urn:a")],
        ),
        (
            vec![a.clone(), b.clone(), c.clone()],
            vec![b2.clone(), c.clone(), d.clone()],
            vec![
                (ChangeKind::Deleted, "urn:a"),
                (ChangeKind::Updated, "urn:b"),
                (ChangeKind::Created, "urn:d"),
            ],
        ),
    ];
    for (before, after, expected) in rows {
        let got: Vec<(ChangeKind, String)> = changes(&before, &after)
            .into_iter()
            .map(|c| (c.kind, c.annotation.id))
            .collect();
        let expected: Vec<(ChangeKind, String)> = expected
            .into_iter()
            .map(|(k, id)| (k, id.to_string()))
            .collect();
        assert_eq!(got, expected);
    }
}

#[test]
fn a_deleted_annotation_is_reported_as_it_was_and_an_updated_one_as_it_is() {
    let a = annotation("urn:a", 0, 3);
    let mut moved = a.clone();
    moved.orphan = true;
    let report = changes(&[a.clone()], &[moved.clone()]);
    assert_eq!(report.len(), 1);
    assert_eq!(report[0].annotation, moved);
    let report = changes(&[a.clone()], &[]);
    assert_eq!(report[0].annotation, a);
    assert_eq!(
        [
            ChangeKind::Created,
            ChangeKind::Updated,
            ChangeKind::Deleted
        ]
        .map(ChangeKind::name),
        ["created", "updated", "deleted"]
    );
}
