//! The reducer: every change to the widget's state.

use crate::common::{annotate, article};
use hamish::core::annotations::model::Kind;
use hamish::core::annotations::state::{Action, Filter, Notice, Pending, Popover, State};
use hamish::core::text::span::Span;
use std::rc::Rc;

fn entity(id: &str) -> Kind {
    Kind::Entity(id.into())
}

#[test]
fn annotations_stay_in_reading_order() {
    let a = article();
    let mut s = State::default();
    s.apply(Action::Add(annotate(&a, "وأوضحوا له", Kind::Claim, "u:2")));
    s.apply(Action::Add(annotate(
        &a,
        "انتشر في اليومين",
        Kind::Claim,
        "u:1",
    )));
    s.apply(Action::Add(annotate(
        &a,
        "انتشر في اليومين الأخيرين",
        entity("russia"),
        "u:0",
    )));
    let ids: Vec<&str> = s.annotations.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(
        ids,
        ["u:0", "u:1", "u:2"],
        "by start, then the enclosing span first"
    );
}

#[test]
fn adding_clears_the_pending_selection_and_editing_bumps_modified() {
    let a = article();
    let mut s = State::default();
    s.apply(Action::SetPending(Some(Pending {
        span: Span::new(1, 4),
        x: 0.0,
        y: 0.0,
        below: false,
    })));
    s.apply(Action::Add(annotate(&a, "روسيا", Kind::Claim, "u:1")));
    assert!(s.pending.is_none());
    s.apply(Action::SetKind {
        id: "u:1".into(),
        kind: entity("russia"),
        modified: "2026-11-30T00:00:00Z".into(),
    });
    assert_eq!(s.annotations[0].kind, entity("russia"));
    assert_eq!(s.annotations[0].modified, "2026-11-30T00:00:00Z");
    s.apply(Action::SetKind {
        id: "u:1".into(),
        kind: entity("russia"),
        modified: "2027-01-01T00:00:00Z".into(),
    });
    assert_eq!(
        s.annotations[0].modified, "2026-11-30T00:00:00Z",
        "no change, no new time"
    );
    s.apply(Action::SetNote {
        id: "u:1".into(),
        note: "مصدر؟".into(),
        modified: "2026-12-01T00:00:00Z".into(),
    });
    assert_eq!(s.annotations[0].note, "مصدر؟");
    assert_eq!(s.annotations[0].created, "2026-11-29T10:15:30.123Z");
}

#[test]
fn deleting_removes_it_from_the_popover_too() {
    let a = article();
    let mut s = State::default();
    s.apply(Action::Add(annotate(&a, "روسيا", Kind::Claim, "u:1")));
    s.apply(Action::Add(annotate(&a, "روسيا", entity("russia"), "u:2")));
    s.apply(Action::SetPopover(Some(Popover {
        ids: vec!["u:1".into(), "u:2".into()],
        x: 0.0,
        y: 0.0,
        ..Popover::default()
    })));
    s.apply(Action::Delete {
        id: "u:1".into(),
        at: "2026-11-30T00:00:00Z".into(),
    });
    assert_eq!(s.annotations.len(), 1);
    assert_eq!(
        s.popover.as_ref().map(|p| p.ids.clone()),
        Some(vec!["u:2".to_string()])
    );
    s.apply(Action::Delete {
        id: "u:2".into(),
        at: "2026-11-30T00:00:00Z".into(),
    });
    assert!(
        s.popover.is_none(),
        "the popover closes with its last annotation"
    );
}

#[test]
fn toolbar_and_popover_exclude_each_other() {
    let mut s = State::default();
    s.apply(Action::SetPopover(Some(Popover {
        ids: vec!["x".into()],
        x: 0.0,
        y: 0.0,
        ..Popover::default()
    })));
    s.apply(Action::SetPending(Some(Pending {
        span: Span::new(1, 2),
        x: 0.0,
        y: 0.0,
        below: false,
    })));
    assert!(s.popover.is_none());
    s.apply(Action::SetPopover(Some(Popover {
        ids: vec!["x".into()],
        x: 0.0,
        y: 0.0,
        ..Popover::default()
    })));
    assert!(s.pending.is_none());
}

#[test]
fn filters_select_by_kind() {
    let a = article();
    let claim = annotate(&a, "روسيا", Kind::Claim, "u:1");
    let russia = annotate(&a, "روسيا", entity("russia"), "u:2");
    // (filter, accepts claim, accepts russia)
    let cases = [
        (Filter::All, true, true),
        (Filter::Claims, true, false),
        (Filter::Entity("russia".into()), false, true),
        (Filter::Entity("iran".into()), false, false),
    ];
    for (filter, c, r) in cases {
        assert_eq!(
            (filter.accepts(&claim), filter.accepts(&russia)),
            (c, r),
            "{filter:?}"
        );
    }
}

#[test]
fn notices_are_not_repeated_and_can_be_dismissed() {
    let mut s = State::default();
    s.apply(Action::Notify(Notice::StorageUnavailable));
    s.apply(Action::Notify(Notice::StorageUnavailable));
    s.apply(Action::Notify(Notice::Exported(2)));
    s.apply(Action::Notify(Notice::Exported(3)));
    assert_eq!(
        s.notices,
        vec![Notice::StorageUnavailable, Notice::Exported(3)]
    );
    s.apply(Action::Dismiss(0));
    s.apply(Action::Dismiss(7));
    assert_eq!(s.notices, vec![Notice::Exported(3)]);
}

#[test]
fn importing_merges_and_reports() {
    use hamish::core::w3c::import::{Merged, Parsed, RejectReason, Rejection};
    let a = article();
    let mut s = State::default();
    s.apply(Action::Add(annotate(&a, "روسيا", Kind::Claim, "u:1")));
    let mut orphan = annotate(&a, "إيران", Kind::Claim, "u:2");
    orphan.orphan = true;
    let parsed = Parsed {
        annotations: vec![annotate(&a, "روسيا", Kind::Claim, "u:1"), orphan],
        rejected: vec![Rejection {
            index: 3,
            reason: RejectReason::NoTarget,
        }],
        undated: 0,
        links_left_out: 0,
        links: 0,
        by_span: false,
        capped: vec![],
        reworded: vec![],
        sources: (vec![], 0, 0),
    };
    s.apply(Action::Import(parsed));
    assert_eq!(s.annotations.len(), 2);
    assert_eq!(
        s.notices,
        vec![Notice::Imported {
            anchored: 1,
            orphaned: 1,
            rejected: Rc::new(vec![Rejection {
                index: 3,
                reason: RejectReason::NoTarget
            }]),
            merged: Merged {
                added: 1,
                updated: 0,
                kept: 1,
                differing: 0,
                deleted_here: 0,
                renamed: 0,
            },
            undated: 0,
            links_left_out: 0,
            undoable: true,
        }]
    );
}

#[test]
fn reattaching_points_an_orphan_at_new_text() {
    let a = article();
    let mut s = State::default();
    let mut orphan = annotate(&a, "روسيا", Kind::Claim, "u:1");
    orphan.orphan = true;
    s.apply(Action::Load(hamish::core::storage::entry::Stored {
        annotations: vec![orphan],
        rejected: vec![],
        deleted: vec![],
    }));
    s.apply(Action::SetReattaching(Some("u:1".into())));
    let selectors = hamish::core::anchoring::selectors::describe(&a.text, Span::new(0, 5));
    s.apply(Action::Reattach {
        id: "u:1".into(),
        selectors,
        modified: "2026-12-01T00:00:00Z".into(),
    });
    let x = &s.annotations[0];
    assert!(!x.orphan);
    assert_eq!(
        (x.span().start, x.span().end, x.target.exact.as_str()),
        (0, 5, "مصادر")
    );
    assert_eq!(x.modified, "2026-12-01T00:00:00Z");
    assert!(s.reattaching.is_none());
    // Deleting the annotation being re-attached ends re-attaching.
    s.apply(Action::SetReattaching(Some("u:1".into())));
    s.apply(Action::Delete {
        id: "u:1".into(),
        at: "2026-11-30T00:00:00Z".into(),
    });
    assert!(s.reattaching.is_none());
}

#[test]
fn suggestions_are_accepted_rejected_and_entities_deleted() {
    use hamish::core::entities::registry::default_registry;
    use hamish::core::entities::suggestions::Rejected;
    use std::rc::Rc;
    let a = article();
    let mut s = State {
        registry: Rc::new(default_registry()),
        ..State::default()
    };
    s.apply(Action::AddMany(vec![
        annotate(&a, "موسكو", entity("russia"), "u:2"),
        annotate(&a, "روسيا", entity("russia"), "u:1"),
    ]));
    assert_eq!(s.annotations.len(), 2);
    assert!(
        s.annotations[0].span().start < s.annotations[1].span().start,
        "kept in reading order"
    );
    let r = Rejected {
        entity: "iran".into(),
        span: Span::new(1, 5),
        at: String::new(),
        quote: Default::default(),
    };
    s.apply(Action::Reject(r.clone()));
    s.apply(Action::Reject(r.clone()));
    assert_eq!(*s.rejected, vec![r]);
    s.apply(Action::SetFilter(Filter::Entity("russia".into())));
    s.apply(Action::DeleteEntity {
        id: "russia".into(),
        replacement: Some(Kind::Claim),
        modified: "2027-01-01T00:00:00Z".into(),
        elsewhere: Vec::new(),
    });
    assert!(s
        .annotations
        .iter()
        .all(|x| x.kind == Kind::Claim && x.modified == "2027-01-01T00:00:00Z"));
    assert!(s.registry.iter().all(|e| e.id != "russia"));
    assert_eq!(s.filter, Filter::All);
    s.apply(Action::DeleteEntity {
        id: "iran".into(),
        replacement: None,
        modified: "x".into(),
        elsewhere: Vec::new(),
    });
    assert_eq!(s.annotations.len(), 2, "claims are untouched");
    assert!(
        s.rejected.is_empty(),
        "rejections of a deleted entity go with it"
    );
}

/// Screen readers are told each change the reader makes, undoes and redoes — but not one a notice
/// already reports (a deletion), nor typing in a note — and the same words twice are said twice.
#[test]
fn each_change_is_said_once_in_words_a_screen_reader_speaks() {
    use hamish::core::entities::registry::default_registry;
    use hamish::i18n::Lang;
    use hamish::ui::notices::said_text;
    let a = article();
    let registry = default_registry();
    let mut s = State::default();
    let said = |s: &State, lang| said_text(&s.said, &registry, lang);
    assert_eq!(said(&s, Lang::En), "");
    let claim = annotate(&a, "روسيا", Kind::Claim, "u:1");
    let steps: Vec<(Action, &str)> = vec![
        (Action::Add(claim.clone()), "Claim added."),
        (
            Action::Add(annotate(&a, "إيران", Kind::Entity("iran".into()), "u:2")),
            "Tagged Iran.\u{200B}",
        ),
        (
            Action::Undo {
                at: "2026-12-06T10:00:00Z".into(),
            },
            "Undone — Tagged Iran.",
        ),
        (
            Action::Redo {
                at: "2026-12-06T10:00:01Z".into(),
            },
            "Redone — Tagged Iran.\u{200B}",
        ),
        (
            Action::SetNote {
                id: "u:1".into(),
                note: "x".into(),
                modified: "2026-12-06T10:00:02Z".into(),
            },
            "Redone — Tagged Iran.\u{200B}",
        ),
        (
            Action::SetKind {
                id: "u:1".into(),
                kind: Kind::Entity("russia".into()),
                modified: "2026-12-06T10:00:03Z".into(),
            },
            "Retagged Russia.",
        ),
        (
            Action::Delete {
                id: "u:1".into(),
                at: "2026-12-06T10:00:04Z".into(),
            },
            "Retagged Russia.",
        ),
    ];
    for (action, expected) in steps {
        s.apply(action);
        assert_eq!(said(&s, Lang::En), expected);
    }
    s.apply(Action::Undo {
        at: "2026-12-06T10:00:05Z".into(),
    });
    assert_eq!(said(&s, Lang::Ar), "تراجع — حُذف التعليق.\u{200B}");
}

/// A backup restored into the open article is one notice, which offers Undo when the restore
/// changed something here (no second "imported" notice), and which Undo withdraws; a later import
/// leaves an earlier restore's notice as it was.
#[test]
fn a_restore_is_one_notice_that_offers_undo_when_there_is_a_step() {
    use hamish::core::storage::backup::Restored;
    use hamish::core::storage::entry::Stored;
    let a = article();
    let mut s = State::default();
    let backup = Stored {
        annotations: vec![annotate(&a, "روسيا", Kind::Claim, "u:1")],
        ..Stored::default()
    };
    let restore = |backup: Stored| Action::Restore {
        backup,
        now: "2027-01-01T00:00:00Z".into(),
        others: Restored::default(),
    };
    s.apply(restore(backup.clone()));
    assert_eq!(s.annotations.len(), 1);
    assert_eq!(s.notices.len(), 1, "{:?}", s.notices);
    assert!(matches!(s.notices[0], Notice::BackupRestored(_, true)));
    assert!(s.notices[0].offers_undo());
    s.apply(Action::Undo {
        at: "2027-01-01T00:00:01Z".into(),
    });
    assert!(s.annotations.is_empty());
    assert!(s.notices.is_empty());
    // Nothing new here: the notice offers no Undo (there is no step of its own to undo).
    s.apply(Action::Redo {
        at: "2027-01-01T00:00:02Z".into(),
    });
    s.apply(restore(backup));
    let last = s.notices.last().expect("a notice");
    assert!(matches!(last, Notice::BackupRestored(_, false)), "{last:?}");
}

/// Undo undoes the latest step, so only the notice of that step offers it: an earlier deletion's
/// notice goes when another step is made, an earlier import's stops offering Undo, and an import
/// that changed nothing offers none (it is not a step).
#[test]
fn only_the_latest_steps_notice_offers_undo() {
    let a = article();
    let mut s = State::default();
    s.apply(Action::Add(annotate(&a, "روسيا", Kind::Claim, "u:1")));
    s.apply(Action::Add(annotate(&a, "إيران", Kind::Claim, "u:2")));
    s.apply(Action::Delete {
        id: "u:1".into(),
        at: "2026-12-06T10:00:00Z".into(),
    });
    assert_eq!(s.notices.iter().filter(|n| n.offers_undo()).count(), 1);
    let steps = s.steps;
    s.apply(Action::Add(annotate(&a, "سوريا", Kind::Claim, "u:3")));
    assert_eq!(s.steps, steps + 1);
    assert!(
        s.notices.iter().all(|n| !n.offers_undo()),
        "{:?}",
        s.notices
    );
    let import = |annotations| hamish::core::w3c::import::Parsed {
        annotations,
        rejected: vec![],
        undated: 0,
        links_left_out: 0,
        links: 0,
        by_span: false,
        capped: vec![],
        reworded: vec![],
        sources: (vec![], 0, 0),
    };
    s.apply(Action::Import(import(vec![annotate(
        &a,
        "الأسد",
        Kind::Claim,
        "u:4",
    )])));
    assert!(s.notices.last().is_some_and(Notice::offers_undo));
    // The same again changes nothing: its notice replaces the last and offers no Undo.
    s.apply(Action::Import(import(vec![annotate(
        &a,
        "الأسد",
        Kind::Claim,
        "u:4",
    )])));
    assert!(
        s.notices.iter().all(|n| !n.offers_undo()),
        "{:?}",
        s.notices
    );
}

/// "Not this claim's words" on the warning of a reworded claim: the claim goes back to the words
/// checked as an orphan re-anchoring leaves alone, the warning no longer lists it (and goes when it
/// lists nothing), and Undo brings the claim back where the edit had put it.
#[test]
fn a_reworded_claim_detached_by_the_reader_is_an_orphan_on_its_old_words_until_undone() {
    use hamish::core::annotations::reattach::Reworded;
    let a = article();
    let mut s = State::default();
    let moved = annotate(&a, "روسيا", Kind::Claim, "u:1");
    let other = annotate(&a, "الأسد", Kind::Claim, "u:2");
    s.apply(Action::Load(hamish::core::storage::entry::Stored {
        annotations: vec![moved.clone(), other.clone()],
        rejected: vec![],
        deleted: vec![],
    }));
    let was = hamish::core::anchoring::selectors::describe(&a.text, Span::new(0, 5));
    let listed = |id: &str| Reworded {
        id: id.into(),
        was: was.clone(),
        now: "…".into(),
    };
    s.apply(Action::Notify(Notice::Reworded(
        3,
        Rc::new(vec![listed("u:1"), listed("u:2")]),
    )));
    s.apply(Action::Detach {
        id: "u:1".into(),
        was: was.clone(),
        modified: "2026-12-01T00:00:00Z".into(),
    });
    let x = s.annotations.iter().find(|x| x.id == "u:1").expect("kept");
    assert!(x.orphan && x.detached);
    assert_eq!(x.target, was);
    assert_eq!(x.modified, "2026-12-01T00:00:00Z");
    assert_eq!(
        s.notices,
        vec![Notice::Reworded(2, Rc::new(vec![listed("u:2")]))]
    );
    s.apply(Action::Undo {
        at: "2026-12-01T00:00:01Z".into(),
    });
    let x = s.annotations.iter().find(|x| x.id == "u:1").expect("kept");
    assert!(!x.orphan && !x.detached);
    assert_eq!(x.target, moved.target);
    // The last one listed, detached: the warning goes (the third was never listed: it stays counted).
    s.apply(Action::Detach {
        id: "u:2".into(),
        was: was.clone(),
        modified: "2026-12-01T00:00:02Z".into(),
    });
    assert!(s
        .notices
        .iter()
        .all(|n| !matches!(n, Notice::Reworded(_, l) if !l.is_empty())));
}
