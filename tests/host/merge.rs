//! Merging two tabs' versions of an article's entry: per annotation the later `modified` wins,
//! tombstones keep deletions, and any interleaving of two tabs' edits converges.

use crate::common::{annotate, article};
use hamish::core::annotations::model::{Annotation, Kind, Tombstone};
use hamish::core::entities::suggestions::Rejected;
use hamish::core::storage::entry::Stored;
use hamish::core::storage::merge::{horizon, merge, merge_since};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

const NEVER: i64 = i64::MIN;

fn at(minute: u32) -> String {
    format!("2026-11-29T10:{:02}:{:02}Z", minute / 60, minute % 60)
}

fn version(a: &Annotation, note: &str, minute: u32) -> Annotation {
    let mut a = a.clone();
    a.note = note.into();
    a.modified = at(minute);
    a
}

fn stored(annotations: Vec<Annotation>, deleted: Vec<Tombstone>) -> Stored {
    Stored {
        annotations,
        rejected: Vec::new(),
        deleted,
    }
}

#[test]
fn the_later_instant_wins_per_annotation() {
    let a = article();
    let x = annotate(&a, "روسيا", Kind::Claim, "x");
    let y = annotate(&a, "إيران", Kind::Claim, "y");
    let ours = stored(vec![version(&x, "ours", 5), version(&y, "ours", 1)], vec![]);
    let theirs = stored(
        vec![version(&x, "theirs", 3), version(&y, "theirs", 2)],
        vec![],
    );
    let merged = merge(&ours, &theirs, NEVER);
    let notes: Vec<&str> = merged.annotations.iter().map(|a| a.note.as_str()).collect();
    assert_eq!(notes, ["ours", "theirs"]);
    // An offset time is compared as the instant it names.
    let mut east = version(&x, "east", 0);
    east.modified = "2026-11-29T11:00:00+02:00".into();
    let mut local = version(&x, "local", 0);
    local.modified = "2026-11-29T10:00:00Z".into();
    let merged = merge(
        &stored(vec![east], vec![]),
        &stored(vec![local], vec![]),
        NEVER,
    );
    assert_eq!(merged.annotations[0].note, "local");
    // "~" or any unparsable time is the oldest.
    let mut tilde = version(&x, "tilde", 0);
    tilde.modified = "~".into();
    let merged = merge(
        &stored(vec![tilde], vec![]),
        &stored(vec![version(&x, "real", 1)], vec![]),
        NEVER,
    );
    assert_eq!(merged.annotations[0].note, "real");
}

/// Two tabs change one claim from the same stored version: a verdict in one (its save refused,
/// storage full), a note in the other, saved later. Merged from that version, both are kept.
#[test]
fn two_tabs_changing_different_fields_of_one_claim_keep_both() {
    let a = article();
    let base = version(&annotate(&a, "روسيا", Kind::Claim, "c"), "", 1);
    let mut judged = version(&base, "", 10);
    judged.claim.verdict = Some("false".into());
    judged.claim.verdict_at = Some(at(10));
    let noted = version(&base, "my careful note", 20);
    let now = at(30);
    let (ours, theirs) = (
        stored(vec![judged.clone()], vec![]),
        stored(vec![noted.clone()], vec![]),
    );
    let from = stored(vec![base.clone()], vec![]);
    for (mine, other) in [(&ours, &theirs), (&theirs, &ours)] {
        let merged = merge_since(&from, mine, other, NEVER, &now);
        let c = &merged.annotations[0];
        assert_eq!(c.claim.verdict.as_deref(), Some("false"));
        assert_eq!(c.claim.verdict_at.as_deref(), Some(at(10).as_str()));
        assert_eq!(c.note, "my careful note");
        // Dated later than either, so every tab takes it.
        assert_eq!(c.modified, now);
    }
    // The same field changed in both: the later one's.
    let mut other_note = version(&base, "earlier note", 10);
    other_note.claim.status = hamish::core::claims::claim::Status::InReview;
    let merged = merge_since(
        &from,
        &stored(vec![other_note], vec![]),
        &theirs,
        NEVER,
        &now,
    );
    assert_eq!(merged.annotations[0].note, "my careful note");
    assert_eq!(
        merged.annotations[0].claim.status,
        hamish::core::claims::claim::Status::InReview
    );
    // Changed on one side only: the later version, as it was.
    let merged = merge_since(&from, &from, &theirs, NEVER, &now);
    assert_eq!(merged.annotations[0], noted);
    // Evidence links added in both: both kept; one removed in the earlier: gone.
    use hamish::core::claims::claim::{Evidence, Stance};
    let link = |url: &str| Evidence {
        url: url.into(),
        stance: Stance::Refutes,
    };
    let mut with_old = version(&base, "", 1);
    with_old.claim.evidence = vec![link("https://old.example/")];
    let mut mine = version(&with_old, "", 10);
    mine.claim.evidence = vec![link("https://x.example/")];
    let mut theirs_link = version(&with_old, "", 20);
    theirs_link.claim.evidence = vec![link("https://old.example/"), link("https://y.example/")];
    let merged = merge_since(
        &stored(vec![with_old], vec![]),
        &stored(vec![mine], vec![]),
        &stored(vec![theirs_link], vec![]),
        NEVER,
        &now,
    );
    let urls: Vec<&str> = merged.annotations[0]
        .claim
        .evidence
        .iter()
        .map(|e| e.url.as_str())
        .collect();
    assert_eq!(urls, ["https://y.example/", "https://x.example/"]);
    // Without a common version (nothing read yet): the later one, as `merge` gives.
    let merged = merge_since(&Stored::default(), &ours, &theirs, NEVER, &now);
    assert_eq!(merged, merge(&ours, &theirs, NEVER));
}

#[test]
fn a_deleted_annotation_does_not_come_back_from_a_stale_copy_but_a_restored_one_does() {
    let a = article();
    let x = version(&annotate(&a, "روسيا", Kind::Claim, "x"), "", 1);
    let gone = Tombstone {
        id: "x".into(),
        deleted: at(2),
    };
    let stale = stored(vec![x.clone()], vec![]);
    let ours = stored(vec![], vec![gone.clone()]);
    assert!(merge(&ours, &stale, NEVER).annotations.is_empty());
    assert!(merge(&stale, &ours, NEVER).annotations.is_empty());
    assert_eq!(merge(&stale, &ours, NEVER).deleted, vec![gone.clone()]);
    // Undo restores it modified later than the deletion: it is back everywhere.
    let restored = stored(vec![version(&x, "", 3)], vec![]);
    assert_eq!(merge(&ours, &restored, NEVER).annotations.len(), 1);
    // Tombstones older than the horizon are pruned.
    let now = hamish::core::annotations::time::parse("2027-11-29T10:00:00Z").unwrap_or(0);
    assert!(merge(&ours, &stale, horizon(now)).deleted.is_empty());
}

#[test]
fn withdrawn_rejections_stay_withdrawn_and_a_new_rejection_wins() {
    let r = |time: u32| Rejected {
        entity: "iran".into(),
        span: hamish::core::text::span::Span::new(3, 8),
        at: at(time),
        quote: Default::default(),
    };
    let withdrawn = Stored {
        annotations: vec![],
        rejected: vec![],
        deleted: vec![Tombstone {
            id: r(0).key(),
            deleted: at(5),
        }],
    };
    let stale = Stored {
        rejected: vec![r(1)],
        ..Stored::default()
    };
    assert!(merge(&stale, &withdrawn, NEVER).rejected.is_empty());
    let again = Stored {
        rejected: vec![r(9)],
        ..Stored::default()
    };
    assert_eq!(merge(&again, &withdrawn, NEVER).rejected, vec![r(9)]);
}

/// One tab's edit of annotation `id` (of five) at a unique time: a note, or a deletion.
#[derive(Clone, Debug)]
enum Edit {
    Note(usize, u8),
    Delete(usize),
}

fn apply(tab: &mut Stored, edit: &Edit, time: u32, base: &[Annotation]) {
    match *edit {
        Edit::Note(i, n) => {
            let id = &base[i].id;
            let current = tab.annotations.iter().position(|a| a.id == *id);
            let buried = tab.deleted.iter().any(|t| t.id == *id);
            let next = version(&base[i], &format!("n{n}"), time);
            match current {
                Some(p) => tab.annotations[p] = next,
                None if !buried => tab.annotations.push(next),
                None => {}
            }
        }
        Edit::Delete(i) => {
            let id = base[i].id.clone();
            if tab.annotations.iter().any(|a| a.id == id) {
                tab.annotations.retain(|a| a.id != id);
                tab.deleted.push(Tombstone {
                    id,
                    deleted: at(time),
                });
            }
        }
    }
}

fn edits() -> impl Strategy<Value = Vec<(bool, Edit)>> {
    let edit = prop_oneof![
        (0usize..5, any::<u8>()).prop_map(|(i, n)| Edit::Note(i, n)),
        (0usize..5).prop_map(Edit::Delete),
    ];
    proptest::collection::vec((any::<bool>(), edit), 0..24)
}

proptest! {
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::with_cases(256)
    })]

    /// Two tabs start from the same entry and edit in some interleaving, syncing with the store at
    /// random moments; at the end both sync. They converge on one set, no edit's latest version is
    /// lost, and no deleted annotation is alive unless edited after its deletion.
    #[test]
    fn any_interleaving_of_two_tabs_converges(script in edits(), syncs in proptest::collection::vec(any::<bool>(), 24)) {
        let a = article();
        let quotes = ["روسيا", "إيران", "الأتراك", "دمشق", "حلب"];
        let base: Vec<Annotation> = quotes
            .iter()
            .enumerate()
            .map(|(i, q)| version(&annotate(&a, q, Kind::Claim, &format!("id{i}")), "", 0))
            .collect();
        let mut store = stored(base.clone(), vec![]);
        let mut tabs = [store.clone(), store.clone()];
        let mut latest: Vec<Option<(u32, Option<String>)>> = vec![None; base.len()];
        for (time, ((tab, edit), sync)) in script.iter().zip(&syncs).enumerate() {
            let time = time as u32 + 1;
            let t = usize::from(*tab);
            let before = tabs[t].clone();
            apply(&mut tabs[t], edit, time, &base);
            if tabs[t] != before {
                let (i, note) = match edit {
                    Edit::Note(i, n) => (*i, Some(format!("n{n}"))),
                    Edit::Delete(i) => (*i, None),
                };
                latest[i] = Some((time, note));
            }
            if *sync {
                tabs[t] = merge(&tabs[t], &store, NEVER);
                store = tabs[t].clone();
            }
        }
        for t in [0, 1, 0] {
            tabs[t] = merge(&tabs[t], &store, NEVER);
            store = tabs[t].clone();
        }
        prop_assert_eq!(&tabs[0], &tabs[1]);
        // Merging is order-independent on this data.
        prop_assert_eq!(merge(&tabs[0], &tabs[1], NEVER), merge(&tabs[1], &tabs[0], NEVER));
        for (i, last) in latest.iter().enumerate() {
            let alive = store.annotations.iter().find(|x| x.id == base[i].id);
            match last {
                None => prop_assert!(alive.is_some_and(|x| x.note.is_empty())),
                Some((time, Some(note))) => {
                    // The latest change was a note: it survives unless a deletion came after it,
                    // which cannot be (it was the latest change).
                    let x = alive.expect("the latest edit is alive");
                    prop_assert_eq!(&x.note, note);
                    prop_assert_eq!(&x.modified, &at(*time));
                }
                Some((_, None)) => prop_assert!(alive.is_none(), "deleted last, yet alive"),
            }
        }
    }
}
