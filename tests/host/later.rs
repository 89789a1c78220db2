//! A change of the reader's is always dated after the version it changes, and an undo or redo never
//! replaces what another tab changed since: a colleague's fast clock or a second tab cannot revert an
//! edit, bring back a deletion or wipe out a note.

use crate::common::{annotate, article};
use hamish::core::annotations::history::StepKind;
use hamish::core::annotations::model::{Annotation, Kind};
use hamish::core::annotations::state::{Action, ClaimField, Notice, Popover, State};
use hamish::core::annotations::time::{after, clamp, format, instant_or_oldest, parse};
use hamish::core::claims::claim::ClaimDetails;
use hamish::core::entities::registry::default_registry;
use hamish::core::storage::entry::Stored;
use hamish::core::storage::merge::merge;
use hamish::core::w3c::import::parse as import;
use std::rc::Rc;

/// The reader's clock.
const NOW: &str = "2026-11-29T10:15:30.123Z";
/// An hour ahead: a colleague's fast clock.
const FUTURE: &str = "2026-11-29T11:15:30.123Z";

fn at(text: &str) -> i64 {
    instant_or_oldest(text)
}

#[test]
fn instants_are_written_back_as_they_are_read() {
    for text in [
        "1970-01-01T00:00:00.000Z",
        "2026-11-29T10:15:30.123Z",
        "2024-02-29T23:59:59.999Z",
        "1969-12-31T23:59:59.999Z",
        "9999-12-31T23:59:59.999Z",
        "2000-03-01T00:00:00.001Z",
    ] {
        assert_eq!(parse(text).map(format).as_deref(), Some(text), "{text}");
    }
}

#[test]
fn a_change_is_dated_after_what_it_changes_and_outside_times_are_clamped() {
    let cases: [(&str, &str, &str, &str); 5] = [
        // (now, previous, after(now, previous), what it is)
        (NOW, "2026-11-29T09:00:00Z", NOW, "a past version: now"),
        (
            NOW,
            FUTURE,
            "2026-11-29T11:15:30.124Z",
            "a future version: 1 ms after it",
        ),
        (
            NOW,
            NOW,
            "2026-11-29T10:15:30.124Z",
            "the same instant: 1 ms after it",
        ),
        (NOW, "~", NOW, "an unreadable previous time: now"),
        (
            "~",
            NOW,
            "2026-11-29T10:15:30.124Z",
            "an unreadable now: after the previous",
        ),
    ];
    for (now, previous, want, what) in cases {
        assert_eq!(after(now, previous), want, "{what}");
    }
    let clamps: [(&str, &str, &str); 5] = [
        // (time read from outside, now, kept)
        (FUTURE, NOW, NOW),
        ("2026-11-29T09:00:00Z", NOW, "2026-11-29T09:00:00Z"),
        ("2099-01-01T00:00:00+05:00", NOW, NOW),
        // Unreadable: the oldest, as it counts.
        ("~", NOW, "1970-01-01T00:00:00Z"),
        ("", NOW, "1970-01-01T00:00:00Z"),
    ];
    for (time, now, want) in clamps {
        let mut t = time.to_string();
        clamp(&mut t, now);
        assert_eq!(t, want, "{time}");
    }
}

/// A state holding a claim `u:1` and a tag of `russia` `u:2`, both dated in the future.
fn future_state() -> State {
    let a = article();
    let mut s = State {
        registry: Rc::new(default_registry()),
        ..State::default()
    };
    let mut claim = annotate(&a, "روسيا", Kind::Claim, "u:1");
    let mut tag = annotate(&a, "إيران", Kind::Entity("russia".into()), "u:2");
    claim.modified = FUTURE.into();
    tag.modified = FUTURE.into();
    s.apply(Action::Load(Stored {
        annotations: vec![claim, tag],
        ..Stored::default()
    }));
    s
}

fn stored(s: &State) -> Stored {
    s.work()
}

/// The time of `id`'s version in `s`, or of its tombstone; and whether it is present.
fn dated(s: &State, id: &str) -> (i64, bool) {
    match s.get(id) {
        Some(a) => (at(&a.modified), true),
        None => {
            let t = s.deleted.iter().find(|t| t.id == id).expect("a tombstone");
            (at(&t.deleted), false)
        }
    }
}

#[test]
fn every_change_beats_a_future_dated_version_in_a_merge() {
    let a = article();
    type Case = (&'static str, fn(&mut State), &'static str, bool);
    let cases: Vec<Case> = vec![
        ("note", note, "u:1", true),
        (
            "kind",
            |s| {
                s.apply(Action::SetKind {
                    id: "u:1".into(),
                    kind: Kind::Entity("iran".into()),
                    modified: NOW.into(),
                })
            },
            "u:1",
            true,
        ),
        ("claim", |s| verdict_false(s, NOW), "u:1", true),
        (
            "reattach",
            |s| {
                let a = article();
                s.apply(Action::Reattach {
                    id: "u:1".into(),
                    selectors: annotate(&a, "إيران", Kind::Claim, "x").target,
                    modified: NOW.into(),
                })
            },
            "u:1",
            true,
        ),
        (
            "delete",
            |s| {
                s.apply(Action::Delete {
                    id: "u:1".into(),
                    at: NOW.into(),
                })
            },
            "u:1",
            false,
        ),
        (
            "delete entity",
            |s| {
                s.apply(Action::DeleteEntity {
                    id: "russia".into(),
                    replacement: None,
                    modified: NOW.into(),
                    elsewhere: Vec::new(),
                })
            },
            "u:2",
            false,
        ),
        (
            "undo a note",
            |s| {
                s.apply(Action::SetNote {
                    id: "u:1".into(),
                    note: "edited".into(),
                    modified: NOW.into(),
                });
                s.apply(Action::Undo { at: NOW.into() });
            },
            "u:1",
            true,
        ),
        (
            "undo a deletion",
            |s| {
                s.apply(Action::Delete {
                    id: "u:1".into(),
                    at: NOW.into(),
                });
                s.apply(Action::Undo { at: NOW.into() });
            },
            "u:1",
            true,
        ),
        (
            "redo a deletion",
            |s| {
                s.apply(Action::Delete {
                    id: "u:1".into(),
                    at: NOW.into(),
                });
                s.apply(Action::Undo { at: NOW.into() });
                s.apply(Action::Redo { at: NOW.into() });
            },
            "u:1",
            false,
        ),
    ];
    for (name, change, id, present) in cases {
        let mut s = future_state();
        let stale = stored(&s);
        let before = dated(&s, id).0;
        change(&mut s);
        let (time, here) = dated(&s, id);
        assert_eq!(here, present, "{name}");
        assert!(time > before, "{name}: dated after the version it changed");
        // Another tab still holding the future-dated version merges: the change stands.
        let merged = merge(&stale, &stored(&s), i64::MIN);
        assert_eq!(
            merged.annotations.iter().find(|x| x.id == id),
            s.get(id),
            "{name}: the other tab's merge keeps the change"
        );
    }
    // The first change after a future version is 1 ms after it; an import of a future-dated file
    // is clamped to now.
    let mut s = future_state();
    note(&mut s);
    assert_eq!(
        s.get("u:1").map(|x| x.modified.as_str()),
        Some("2026-11-29T11:15:30.124Z")
    );
    let file = format!(
        r#"{{"id":"u:9","type":"Annotation","modified":"{FUTURE}","created":"{FUTURE}","target":{{"selector":{{"type":"TextQuoteSelector","exact":"روسيا"}}}}}}"#
    );
    let parsed = import(&file, &a.text, &default_registry(), NOW).expect("parsed");
    let times: Vec<(&str, &str)> = parsed
        .annotations
        .iter()
        .map(|x| (x.created.as_str(), x.modified.as_str()))
        .collect();
    assert_eq!(times, [(NOW, NOW)]);
}

/// Gives `u:1` the verdict False at `modified`.
fn verdict_false(s: &mut State, modified: &str) {
    s.apply(Action::SetClaim {
        id: "u:1".into(),
        claim: ClaimDetails {
            verdict: Some("false".into()),
            ..ClaimDetails::default()
        },
        field: ClaimField::Verdict,
        modified: modified.into(),
    })
}

fn note(s: &mut State) {
    s.apply(Action::SetNote {
        id: "u:1".into(),
        note: "edited".into(),
        modified: NOW.into(),
    })
}

/// Tab A's state after creating `u:1` and typing "A note", then tab B's later note loaded into it.
fn two_tabs() -> (State, Annotation) {
    let a = article();
    let mut s = State::default();
    s.apply(Action::Add(annotate(&a, "روسيا", Kind::Claim, "u:1")));
    s.apply(Action::SetNote {
        id: "u:1".into(),
        note: "A note".into(),
        modified: "2026-11-29T10:16:00Z".into(),
    });
    let mut b = s.get("u:1").cloned().expect("u:1");
    b.note = "B long careful note".into();
    b.modified = "2026-11-29T10:17:00Z".into();
    (s, b)
}

#[test]
fn undo_never_replaces_what_another_tab_changed_since() {
    let (mut s, theirs) = two_tabs();
    s.apply(Action::Load(Stored {
        annotations: vec![theirs.clone()],
        ..Stored::default()
    }));
    for (press, action) in [
        ("first Ctrl+Z", Action::Undo { at: NOW.into() }),
        ("second Ctrl+Z", Action::Undo { at: NOW.into() }),
        ("Ctrl+Y", Action::Redo { at: NOW.into() }),
    ] {
        s.apply(action);
        assert_eq!(s.get("u:1"), Some(&theirs), "{press}: B's note stays");
        assert!(s.notices.contains(&Notice::ChangedElsewhere), "{press}");
    }
    assert!(s.undo.is_empty() && s.redo.is_empty());
}

#[test]
fn undo_and_redo_follow_each_other_when_nothing_else_changed() {
    let (mut s, _) = two_tabs();
    let notes = |s: &State| s.get("u:1").map(|x| x.note.clone());
    let steps: [(Action, Option<&str>); 5] = [
        (Action::Undo { at: NOW.into() }, Some("")),
        (Action::Redo { at: NOW.into() }, Some("A note")),
        (Action::Undo { at: NOW.into() }, Some("")),
        (Action::Undo { at: NOW.into() }, None),
        (Action::Redo { at: NOW.into() }, Some("")),
    ];
    for (i, (action, want)) in steps.into_iter().enumerate() {
        s.apply(action);
        assert_eq!(notes(&s).as_deref(), want, "step {i}");
    }
    assert!(!s.notices.contains(&Notice::ChangedElsewhere));
}

#[test]
fn a_load_ends_note_typing_and_closes_a_popover_of_deleted_annotations() {
    let (mut s, theirs) = two_tabs();
    s.apply(Action::SetPopover(Some(Popover {
        ids: vec!["u:1".into()],
        ..Popover::default()
    })));
    // Another tab deleted u:1: the popover closes.
    s.apply(Action::Load(Stored::default()));
    assert_eq!(s.popover, None);
    // Typing after a load is a new step: undoing it restores B's note, not the note before A's.
    s.apply(Action::Load(Stored {
        annotations: vec![theirs],
        ..Stored::default()
    }));
    s.apply(Action::SetNote {
        id: "u:1".into(),
        note: "B long careful note, and A's".into(),
        modified: "2026-11-29T10:18:00Z".into(),
    });
    s.apply(Action::Undo { at: NOW.into() });
    assert_eq!(
        s.get("u:1").map(|x| x.note.as_str()),
        Some("B long careful note")
    );
    assert_eq!(s.undo.last().map(|x| x.kind), Some(StepKind::Note));
}

/// Another tab deletes the claim this tab has open, a note half typed in it, on a word that starts
/// a suggestion: the popover closes (it turned into the suggestion's, whose Accept took the next
/// key), a notice says so and offers Undo, and Undo puts the claim back as this tab had it, dated
/// after the deletion, so the other tab takes it back too.
#[test]
fn a_claim_open_here_and_deleted_in_another_tab_closes_and_undo_puts_it_back() {
    let (mut s, _) = two_tabs();
    s.apply(Action::SetPopover(Some(Popover {
        ids: vec!["u:1".into()],
        suggestions: vec!["russia:0:5".into()],
        ..Popover::default()
    })));
    s.apply(Action::SetNote {
        id: "u:1".into(),
        note: "this is my".into(),
        modified: "2026-11-29T10:16:30Z".into(),
    });
    let mine = s.get("u:1").cloned().expect("u:1");
    let mut other = s.work();
    other.annotations.clear();
    other.deleted = vec![hamish::core::annotations::model::Tombstone {
        id: "u:1".into(),
        deleted: "2026-11-29T10:17:00Z".into(),
    }];
    s.apply(Action::Merged {
        from: s.work(),
        stored: other.clone(),
        at: NOW.into(),
    });
    assert_eq!(s.get("u:1"), None, "the later deletion wins the merge");
    assert_eq!(
        s.popover, None,
        "no suggestion's popover takes the next key"
    );
    let notice = Notice::DeletedElsewhere(1);
    assert!(s.notices.contains(&notice) && notice.offers_undo());
    s.apply(Action::Undo {
        at: "2026-11-29T10:16:59Z".into(),
    });
    let back = s.get("u:1").cloned().expect("put back");
    assert_eq!(back.note, "this is my");
    assert_eq!(
        Annotation {
            modified: String::new(),
            ..back.clone()
        },
        Annotation {
            modified: String::new(),
            ..mine
        }
    );
    assert!(
        at(&back.modified) > at("2026-11-29T10:17:00Z"),
        "{}",
        back.modified
    );
    // The other tab merges this tab's save: the claim is back there too.
    let theirs = merge(&other, &stored(&s), i64::MIN);
    assert!(theirs
        .annotations
        .iter()
        .any(|a| a.id == "u:1" && a.note == "this is my"));
    // A popover of annotations gone in any other way (a load, an undo) closes too, suggestion or not;
    // one opened on a suggestion alone stays.
    for ids in [vec!["u:1".to_string()], Vec::new()] {
        s.apply(Action::SetPopover(Some(Popover {
            ids: ids.clone(),
            suggestions: vec!["russia:0:5".into()],
            ..Popover::default()
        })));
        s.apply(Action::Load(Stored::default()));
        assert_eq!(s.popover.is_none(), !ids.is_empty());
    }
}

/// Tags «روسيا» Russia as `id` in `s`, and opens the popover on `open`.
fn russia_tag_open(s: &mut State, id: &str, open: &[&str]) {
    s.apply(Action::Add(annotate(
        &article(),
        "روسيا",
        Kind::Entity("russia".into()),
        id,
    )));
    s.apply(Action::SetPopover(Some(Popover {
        ids: open.iter().map(|i| i.to_string()).collect(),
        ..Popover::default()
    })));
}

/// Another tab deletes one of two annotations open in one popover here: the popover stays on the
/// other (its note may be being typed), and the deletion is still this tab's step to undo.
#[test]
fn one_of_two_annotations_open_here_deleted_elsewhere_keeps_the_popover_on_the_other() {
    let (mut s, _) = two_tabs();
    russia_tag_open(&mut s, "u:tag", &["u:1", "u:tag"]);
    let mut other = s.work();
    other.annotations.retain(|x| x.id != "u:tag");
    other.deleted = vec![hamish::core::annotations::model::Tombstone {
        id: "u:tag".into(),
        deleted: "2099-01-01T00:00:00Z".into(),
    }];
    s.apply(Action::Merged {
        from: s.work(),
        stored: other,
        at: NOW.into(),
    });
    assert_eq!(
        s.popover.as_ref().map(|p| p.ids.clone()),
        Some(vec!["u:1".to_string()])
    );
    assert!(s.notices.contains(&Notice::DeletedElsewhere(1)));
    s.apply(Action::Undo { at: NOW.into() });
    assert!(s.get("u:tag").is_some());
}

/// The article changed under the reader (the host page rewrote the claim's words) after a verdict
/// was given: undo and redo of the verdict leave the claim where it is now, on the new words — the
/// step's copies name the old ones, and putting them back drew the claim over half a word.
#[test]
fn undo_and_redo_after_the_text_changed_leave_the_annotation_where_it_is_now() {
    let (mut s, _) = two_tabs();
    verdict_false(&mut s, "2026-11-29T10:17:00Z");
    let mut moved = s.work();
    let claim = moved
        .annotations
        .iter_mut()
        .find(|x| x.id == "u:1")
        .expect("u:1");
    claim.target.exact = "روسيا الاتحادية".into();
    claim.target.position = claim
        .target
        .position
        .map(|p| hamish::core::text::span::Span {
            start: p.start + 9,
            end: p.end + 19,
        });
    let now = claim.target.clone();
    s.apply(Action::Load(moved));
    s.apply(Action::Undo { at: NOW.into() });
    let x = s.get("u:1").cloned().expect("u:1");
    assert_eq!((x.claim.verdict, &x.target), (None, &now));
    s.apply(Action::Redo { at: NOW.into() });
    let x = s.get("u:1").cloned().expect("u:1");
    assert_eq!(
        (x.claim.verdict.as_deref(), &x.target),
        (Some("false"), &now)
    );
}

#[test]
fn a_merge_found_by_a_save_keeps_a_change_made_here_since_the_save_read_this_tab() {
    let a = article();
    let (mut s, theirs) = two_tabs();
    // The save read this tab's version (u:1 with A's note) and found B's note stored: the merge it
    // sends back holds B's note. Before it arrives, the reader tagged سوريا here.
    let found = Stored {
        annotations: vec![theirs.clone()],
        ..Stored::default()
    };
    s.apply(Action::Add(annotate(&a, "سوريا", Kind::Claim, "u:2")));
    s.apply(Action::Merged {
        from: s.work(),
        stored: found.clone(),
        at: NOW.into(),
    });
    assert_eq!(s.get("u:1"), Some(&theirs), "the other tab's note is taken");
    assert!(s.get("u:2").is_some(), "the claim made meanwhile stays");
    // A deletion made here meanwhile stays too: the stored (older) version does not come back.
    s.apply(Action::Delete {
        id: "u:1".into(),
        at: FUTURE.into(),
    });
    s.apply(Action::Merged {
        from: s.work(),
        stored: found,
        at: NOW.into(),
    });
    assert_eq!(s.get("u:1"), None);
    assert!(s.get("u:2").is_some());
}

#[test]
fn importing_a_future_dated_or_undated_file_again_leaves_the_readers_later_edit() {
    let a = article();
    let target = r#""target":{"selector":{"type":"TextQuoteSelector","exact":"روسيا"}}"#;
    for (what, times) in [
        // Years ahead: later than every `now` below.
        (
            "future-dated",
            r#""created":"2031-01-01T00:00:00Z","modified":"2031-01-01T00:00:00Z","#.to_string(),
        ),
        ("undated", String::new()),
    ] {
        let file = format!(r#"{{"id":"u:9","type":"Annotation",{times}{target}}}"#);
        let mut s = State::default();
        let first = import(&file, &a.text, &default_registry(), NOW).expect("parsed");
        s.apply(Action::Import(first));
        assert!(s.get("u:9").is_some(), "{what}: added");
        s.apply(Action::SetNote {
            id: "u:9".into(),
            note: "my later note".into(),
            modified: "2026-11-29T10:20:00Z".into(),
        });
        // The same file again, an hour later: its time is read as that later now, but it says
        // nothing of which version is newer, so the reader's edit stays.
        let again =
            import(&file, &a.text, &default_registry(), "2026-11-29T11:30:00Z").expect("parsed");
        s.apply(Action::Import(again));
        assert_eq!(
            s.get("u:9").map(|x| x.note.as_str()),
            Some("my later note"),
            "{what}"
        );
        // Nor does it bring back what the reader deleted.
        s.apply(Action::Delete {
            id: "u:9".into(),
            at: "2026-11-29T10:30:00Z".into(),
        });
        let third =
            import(&file, &a.text, &default_registry(), "2026-11-29T12:30:00Z").expect("parsed");
        s.apply(Action::Import(third));
        assert!(s.get("u:9").is_none(), "{what}: a deletion holds");
    }
}

/// Another tab gave an annotation open here another id (a doccano span that took a W3C file's id):
/// it was not deleted, so nothing says so, and Undo makes no copy.
#[test]
fn an_annotation_open_here_given_another_id_elsewhere_is_not_said_to_be_deleted() {
    let (mut s, _) = two_tabs();
    russia_tag_open(&mut s, "urn:hamish:doccano:1", &["urn:hamish:doccano:1"]);
    let mut other = s.work();
    for x in &mut other.annotations {
        if x.id == "urn:hamish:doccano:1" {
            x.id = "urn:uuid:w3c".into();
        }
    }
    other.deleted = vec![hamish::core::annotations::model::Tombstone {
        id: "urn:hamish:doccano:1".into(),
        deleted: "2099-01-01T00:00:00Z".into(),
    }];
    s.apply(Action::Merged {
        from: s.work(),
        stored: other,
        at: NOW.into(),
    });
    assert!(!s
        .notices
        .iter()
        .any(|n| matches!(n, Notice::DeletedElsewhere(_))));
    assert!(s.get("urn:uuid:w3c").is_some());
    let count = s.annotations.len();
    s.apply(Action::Undo { at: NOW.into() });
    assert!(s.annotations.len() <= count, "no copy");
}

/// A save read this tab's work, then a change was made here (dispatched before the save's result
/// came back), while the save found another tab's note: both are kept.
#[test]
fn a_change_made_here_while_a_save_merged_another_tabs_keeps_both() {
    let (mut s, _) = two_tabs();
    let read = s.work();
    verdict_false(&mut s, "2026-11-29T10:20:00Z");
    let mut stored = read.clone();
    if let Some(x) = stored.annotations.iter_mut().find(|x| x.id == "u:1") {
        x.note = "from the other tab".into();
        x.modified = "2026-11-29T10:19:00Z".into();
    }
    s.apply(Action::Merged {
        stored,
        from: read,
        at: "2026-11-29T10:21:00Z".into(),
    });
    let claim = s.get("u:1").expect("the claim");
    assert_eq!(claim.note, "from the other tab");
    assert_eq!(claim.claim.verdict.as_deref(), Some("false"));
}
