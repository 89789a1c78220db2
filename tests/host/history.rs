//! Undo and redo through the reducer: every change a reader makes is one step, undone and redone
//! as a change of its own (dated, so it is saved and merged like any other).

use crate::common::{annotate, article, own_entity};
use hamish::core::annotations::history::StepKind;
use hamish::core::annotations::model::Kind;
use hamish::core::annotations::state::{Action, Notice, State};
use hamish::core::entities::registry::{default_registry, Entity};
use hamish::core::entities::suggestions::Rejected;
use std::rc::Rc;

fn undo(s: &mut State, at: &str) {
    s.apply(Action::Undo { at: at.into() });
}

fn redo(s: &mut State, at: &str) {
    s.apply(Action::Redo { at: at.into() });
}

#[test]
fn create_delete_retag_each_undo_and_redo() {
    let a = article();
    let mut s = State::default();
    s.apply(Action::Add(annotate(&a, "روسيا", Kind::Claim, "u:1")));
    s.apply(Action::SetKind {
        id: "u:1".into(),
        kind: Kind::Entity("russia".into()),
        modified: "2026-11-30T00:00:01Z".into(),
    });
    s.apply(Action::Delete {
        id: "u:1".into(),
        at: "2026-11-30T00:00:02Z".into(),
    });
    assert!(s.annotations.is_empty());
    let ids: Vec<&str> = s.deleted.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        ["u:1", "place:244:249:russia"],
        "the deletion leaves a tombstone, and one for its place"
    );
    assert!(s.notices.contains(&Notice::Done {
        kind: StepKind::Delete,
        count: 1
    }));
    undo(&mut s, "2026-11-30T00:00:03Z");
    assert_eq!(s.annotations.len(), 1);
    assert_eq!(s.annotations[0].kind, Kind::Entity("russia".into()));
    assert_eq!(
        s.annotations[0].modified, "2026-11-30T00:00:03Z",
        "the restoration is a change"
    );
    assert!(
        s.deleted.is_empty(),
        "the tombstone goes with the restoration"
    );
    assert!(!s.notices.iter().any(|n| matches!(n, Notice::Done { .. })));
    undo(&mut s, "2026-11-30T00:00:04Z");
    assert_eq!(s.annotations[0].kind, Kind::Claim);
    undo(&mut s, "2026-11-30T00:00:05Z");
    assert!(s.annotations.is_empty());
    assert_eq!(
        s.deleted.len(),
        2,
        "undoing a creation deletes, with a tombstone (and one for its place)"
    );
    undo(&mut s, "2026-11-30T00:00:06Z");
    assert!(s.annotations.is_empty(), "nothing more to undo");
    redo(&mut s, "2026-11-30T00:00:07Z");
    redo(&mut s, "2026-11-30T00:00:08Z");
    assert_eq!(s.annotations[0].kind, Kind::Entity("russia".into()));
    redo(&mut s, "2026-11-30T00:00:09Z");
    assert!(s.annotations.is_empty());
    // A new change clears what could be redone.
    undo(&mut s, "2026-11-30T00:00:10Z");
    s.apply(Action::Add(annotate(&a, "إيران", Kind::Claim, "u:2")));
    assert!(s.redo.is_empty());
}

#[test]
fn typing_a_note_is_one_step() {
    let a = article();
    let mut s = State::default();
    s.apply(Action::Add(annotate(&a, "روسيا", Kind::Claim, "u:1")));
    for (i, note) in ["ن", "نص", "نص أ"].iter().enumerate() {
        s.apply(Action::SetNote {
            id: "u:1".into(),
            note: (*note).into(),
            modified: format!("2026-11-30T00:00:0{i}Z"),
        });
    }
    assert_eq!(s.undo.len(), 2, "the creation, then the note");
    undo(&mut s, "2026-11-30T00:01:00Z");
    assert_eq!(s.annotations[0].note, "");
    redo(&mut s, "2026-11-30T00:02:00Z");
    assert_eq!(s.annotations[0].note, "نص أ");
}

#[test]
fn accept_all_reject_and_import_are_one_step_each() {
    let a = article();
    let mut s = State::default();
    let many: Vec<_> = ["روسيا", "إيران", "دمشق"]
        .iter()
        .enumerate()
        .map(|(i, q)| annotate(&a, q, Kind::Entity("russia".into()), &format!("u:{i}")))
        .collect();
    s.apply(Action::AddMany(many));
    assert!(s.notices.contains(&Notice::Done {
        kind: StepKind::Accept,
        count: 3
    }));
    let r = Rejected {
        entity: "iran".into(),
        span: hamish::core::text::span::Span::new(1, 4),
        at: "2026-11-30T00:00:00Z".into(),
        quote: Default::default(),
    };
    s.apply(Action::Reject(r.clone()));
    undo(&mut s, "2026-11-30T00:00:01Z");
    assert!(s.rejected.is_empty());
    assert!(
        s.deleted.iter().any(|t| t.id == r.key()),
        "a withdrawn rejection leaves a tombstone"
    );
    undo(&mut s, "2026-11-30T00:00:02Z");
    assert!(s.annotations.is_empty(), "accept-all undone as one step");
    redo(&mut s, "2026-11-30T00:00:03Z");
    assert_eq!(s.annotations.len(), 3);
    redo(&mut s, "2026-11-30T00:00:04Z");
    assert_eq!(s.rejected.len(), 1);
    assert!(!s.deleted.iter().any(|t| t.id == r.key()));
}

/// A rejection is undone or redone only while it is the version the step left: one made again, or
/// withdrawn, in another tab since is kept, with a notice; one redone here undoes again.
#[test]
fn a_rejection_changed_in_another_tab_is_not_undone() {
    let r = Rejected {
        entity: "iran".into(),
        span: hamish::core::text::span::Span::new(1, 4),
        at: "2026-11-30T00:00:00Z".into(),
        quote: Default::default(),
    };
    let theirs = Rejected {
        at: "2026-11-30T00:00:02Z".into(),
        ..r.clone()
    };
    // (undone here before the other tab stores, what the other tab stores (None: nothing), what
    // redo then undo here leave, whether a step is dropped)
    let cases = [
        (true, Some(vec![theirs.clone()]), vec![theirs.clone()], true),
        (true, None, vec![], false),
        (false, Some(vec![]), vec![], true),
    ];
    for (i, (undone, stored, left, dropped)) in cases.into_iter().enumerate() {
        let mut s = State::default();
        s.apply(Action::Reject(r.clone()));
        if undone {
            undo(&mut s, "2026-11-30T00:00:01Z");
        }
        if let Some(rejected) = stored {
            s.apply(Action::Load(hamish::core::storage::entry::Stored {
                rejected,
                ..Default::default()
            }));
        }
        redo(&mut s, "2026-11-30T00:00:03Z");
        undo(&mut s, "2026-11-30T00:00:04Z");
        assert_eq!(*s.rejected, left, "case {i}");
        assert_eq!(
            s.notices.contains(&Notice::ChangedElsewhere),
            dropped,
            "case {i}"
        );
    }
}

#[test]
fn deleting_an_entity_is_undone_with_its_tags() {
    let a = article();
    let mut s = State {
        registry: Rc::new(default_registry()),
        ..State::default()
    };
    s.apply(Action::Add(annotate(
        &a,
        "روسيا",
        Kind::Entity("russia".into()),
        "u:1",
    )));
    s.apply(Action::Add(annotate(
        &a,
        "إيران",
        Kind::Entity("iran".into()),
        "u:2",
    )));
    s.apply(Action::DeleteEntity {
        id: "russia".into(),
        replacement: None,
        modified: "2026-11-30T00:00:00Z".into(),
        elsewhere: Vec::new(),
    });
    assert_eq!(s.annotations.len(), 1);
    assert!(s.registry.iter().all(|e| e.id != "russia"));
    undo(&mut s, "2026-11-30T00:00:01Z");
    assert_eq!(s.annotations.len(), 2);
    assert!(s.registry.iter().any(|e| e.id == "russia"));
    assert!(s.deleted.is_empty());
}

#[test]
fn loading_and_interface_changes_are_not_steps() {
    let a = article();
    let mut s = State::default();
    s.apply(Action::Load(hamish::core::storage::entry::Stored {
        annotations: vec![annotate(&a, "روسيا", Kind::Claim, "u:1")],
        ..Default::default()
    }));
    s.apply(Action::SetFilter(
        hamish::core::annotations::state::Filter::Claims,
    ));
    s.apply(Action::Notify(Notice::SaveFailed));
    assert!(s.undo.is_empty());
    undo(&mut s, "2026-11-30T00:00:00Z");
    assert_eq!(s.annotations.len(), 1, "a load is never undone");
}

#[test]
fn an_entity_deletion_in_other_articles_is_undone_and_redone_there() {
    use hamish::core::annotations::history::{Snapshot, Step};
    let a = article();
    let mut s = State {
        registry: Rc::new(default_registry()),
        ..State::default()
    };
    // Another article lost its Russia tag when the entity was deleted.
    let elsewhere_tag = annotate(&a, "موسكو", Kind::Entity("russia".into()), "u:other");
    let snapshot = |annotations| Snapshot {
        annotations: Rc::new(annotations),
        rejected: Rc::default(),
        registry: Rc::default(),
        settings: Default::default(),
    };
    let step = Step::between(
        StepKind::Entities,
        &snapshot(vec![elsewhere_tag]),
        &snapshot(vec![]),
        None,
    )
    .expect("a change");
    s.apply(Action::DeleteEntity {
        id: "russia".into(),
        replacement: None,
        modified: "2026-11-30T00:00:00Z".into(),
        elsewhere: vec![("other-article".into(), step.clone())],
    });
    assert!(
        s.outbox.is_empty(),
        "deleting changed the other article already"
    );
    // The notice counts the other article's changed annotation too.
    assert!(
        s.notices.contains(&Notice::Done {
            kind: StepKind::Entities,
            count: 1
        }),
        "{:?}",
        s.notices
    );
    undo(&mut s, "2026-11-30T00:00:01Z");
    assert_eq!(
        s.outbox,
        vec![("other-article".to_string(), step.inverse())]
    );
    s.apply(Action::Sent);
    assert!(s.outbox.is_empty());
    redo(&mut s, "2026-11-30T00:00:02Z");
    assert_eq!(s.outbox, vec![("other-article".to_string(), step)]);
}

fn with_entity(registry: &[Entity], entity: Entity) -> Rc<Vec<Entity>> {
    let mut next: Vec<_> = registry
        .iter()
        .filter(|e| e.id != entity.id)
        .cloned()
        .collect();
    next.push(entity);
    Rc::new(next)
}

/// A tab that added an entity of its own, NATO.
fn tab_that_added_nato() -> State {
    let mut s = State {
        registry: Rc::new(default_registry()),
        ..State::default()
    };
    s.apply(Action::SetRegistry(with_entity(
        &s.registry,
        own_entity("custom-nato", "NATO"),
    )));
    s
}

/// This tab follows another tab's save of `entity` (added, or replacing the one of its id).
fn another_tab_saved(s: &mut State, entity: Entity) {
    let registry = with_entity(&s.registry, entity);
    s.apply(Action::FollowRegistry(registry));
}

#[test]
fn another_tabs_entities_are_not_undone_here() {
    // This tab adds NATO; another tab then adds the UN, which this tab follows.
    let mut s = tab_that_added_nato();
    another_tab_saved(&mut s, own_entity("custom-un", "UN"));
    assert_eq!(s.undo.len(), 1, "following another tab is not a step here");
    undo(&mut s, "2026-11-30T00:00:01Z");
    let ids: Vec<&str> = s.registry.iter().map(|e| e.id.as_str()).collect();
    assert!(
        !ids.contains(&"custom-nato"),
        "this tab's addition is undone"
    );
    assert!(ids.contains(&"custom-un"), "the other tab's is kept");
    redo(&mut s, "2026-11-30T00:00:02Z");
    assert!(s.registry.iter().any(|e| e.id == "custom-nato"));
    assert!(s.registry.iter().any(|e| e.id == "custom-un"));
}

#[test]
fn an_entity_edited_in_another_tab_since_is_not_undone() {
    let mut s = tab_that_added_nato();
    // Another tab renames it.
    another_tab_saved(
        &mut s,
        own_entity("custom-nato", "North Atlantic Treaty Organization"),
    );
    undo(&mut s, "2026-11-30T00:00:01Z");
    let nato = s.registry.iter().find(|e| e.id == "custom-nato");
    assert_eq!(
        nato.map(|e| e.label_en.as_str()),
        Some("North Atlantic Treaty Organization"),
        "the newer version is kept"
    );
    assert!(s.notices.contains(&Notice::ChangedElsewhere));
    assert!(
        s.undo.is_empty() && s.redo.is_empty(),
        "the step is dropped"
    );
}

#[test]
fn a_step_replayed_in_another_article_leaves_what_changed_there_since() {
    use hamish::core::annotations::history::{replay_stored, Snapshot, Step};
    use hamish::core::storage::entry::Stored;
    let a = article();
    let tagged = |id: &str, quote: &str| annotate(&a, quote, Kind::Entity("nato".into()), id);
    let stored_of = |annotations: Vec<_>| Stored {
        annotations,
        ..Stored::default()
    };
    // Deleting the entity retagged two tags of another article as claims.
    let before = vec![tagged("u:1", "روسيا"), tagged("u:2", "إيران")];
    let mut after = before.clone();
    for x in &mut after {
        x.kind = Kind::Claim;
        x.modified = "2026-11-30T00:00:01Z".into();
    }
    let snapshot = |annotations: &Vec<_>| Snapshot::of_stored(&stored_of(annotations.clone()));
    let step = Step::between(
        StepKind::Entities,
        &snapshot(&before),
        &snapshot(&after),
        None,
    )
    .expect("a change");
    // There, another tab then wrote a note on the first and deleted the second.
    let mut there = after.clone();
    there[0].note = "a later note".into();
    there[0].modified = "2026-11-30T00:00:05Z".into();
    there.truncate(1);
    let mut stored = stored_of(there.clone());
    assert!(
        replay_stored(&step.inverse(), "2026-11-30T00:00:06Z", &mut stored),
        "what changed since is reported as left"
    );
    assert_eq!(
        stored.annotations, there,
        "the later note and the deletion are kept"
    );
    // Where nothing changed since, the undo is replayed: the tag comes back (content, whatever its time).
    let mut untouched = after.clone();
    untouched[0].modified = "2026-11-30T00:00:03Z".into();
    let mut stored = stored_of(untouched);
    assert!(!replay_stored(
        &step.inverse(),
        "2026-11-30T00:00:06Z",
        &mut stored
    ));
    assert!(stored
        .annotations
        .iter()
        .all(|x| x.kind == Kind::Entity("nato".into())));
}

/// Typing runs on as one step only while the popover stays open; choices and evidence links are
/// steps of their own; a step undone and redone is whole. (A reader's removed evidence link or cleared
/// note can always be brought back.)
#[test]
fn undo_brings_back_each_choice_each_link_and_what_a_later_edit_cleared() {
    use hamish::core::annotations::state::{ClaimField, Popover as PopoverState};
    use hamish::core::claims::claim::{ClaimDetails, Claimant, Evidence, Stance};
    let a = article();
    let at = |i: u32| format!("2026-12-06T00:{:02}:{:02}Z", i / 60, i % 60);
    let mut clock = 0;
    let mut tick = || {
        clock += 1;
        at(clock)
    };
    let mut s = State::default();
    s.apply(Action::Add(annotate(&a, "روسيا", Kind::Claim, "u:1")));
    let claim =
        |s: &mut State, field: ClaimField, change: &dyn Fn(&mut ClaimDetails), at: String| {
            let mut next = s.annotations[0].claim.clone();
            change(&mut next);
            s.apply(Action::SetClaim {
                id: "u:1".into(),
                claim: next,
                field,
                modified: at,
            });
        };
    let link = |n: u32| Evidence {
        url: format!("https://e.example/{n}"),
        stance: Stance::Refutes,
    };
    let popover = |s: &mut State, open: bool| {
        let p = open.then(|| PopoverState {
            ids: vec!["u:1".into()],
            ..PopoverState::default()
        });
        s.apply(Action::SetPopover(p));
    };
    let note = |s: &mut State, text: &str, at: String| {
        s.apply(Action::SetNote {
            id: "u:1".into(),
            note: text.into(),
            modified: at,
        });
    };
    popover(&mut s, true);
    claim(
        &mut s,
        ClaimField::Evidence,
        &|d| d.evidence.push(link(1)),
        tick(),
    );
    claim(
        &mut s,
        ClaimField::Evidence,
        &|d| d.evidence.push(link(2)),
        tick(),
    );
    claim(
        &mut s,
        ClaimField::Verdict,
        &|d| d.verdict = Some("false".into()),
        tick(),
    );
    claim(
        &mut s,
        ClaimField::Verdict,
        &|d| d.verdict = Some("mixed".into()),
        tick(),
    );
    note(&mut s, "ن", tick());
    note(&mut s, "نص", tick());
    popover(&mut s, false);
    popover(&mut s, true);
    claim(
        &mut s,
        ClaimField::Evidence,
        &|d| {
            d.evidence.remove(0);
        },
        tick(),
    );
    note(&mut s, "", tick());
    popover(&mut s, false);
    let urls = |s: &State| {
        s.annotations[0]
            .claim
            .evidence
            .iter()
            .map(|e| e.url.clone())
            .collect::<Vec<_>>()
    };
    // (what Undo puts back, in turn)
    undo(&mut s, &tick());
    assert_eq!(s.annotations[0].note, "نص", "the cleared note comes back");
    undo(&mut s, &tick());
    assert_eq!(
        urls(&s),
        ["https://e.example/1", "https://e.example/2"],
        "the removed link comes back"
    );
    undo(&mut s, &tick());
    assert_eq!(
        s.annotations[0].note, "",
        "the note typed in one sitting is one step"
    );
    undo(&mut s, &tick());
    assert_eq!(s.annotations[0].claim.verdict.as_deref(), Some("false"));
    undo(&mut s, &tick());
    assert_eq!(s.annotations[0].claim.verdict, None);
    undo(&mut s, &tick());
    assert_eq!(urls(&s), ["https://e.example/1"]);
    // A typed claimant, then an entity chosen in its place: Undo brings the typed name back.
    redo(&mut s, &tick());
    popover(&mut s, true);
    for name in ["A", "Al", "Alice"] {
        let named = Claimant::Named {
            name: name.into(),
            wikidata: None,
        };
        claim(
            &mut s,
            ClaimField::Claimant,
            &|d| d.claimant = Some(named.clone()),
            tick(),
        );
    }
    claim(
        &mut s,
        ClaimField::Attribution,
        &|d| d.claimant = Some(Claimant::Entity("u:9".into())),
        tick(),
    );
    undo(&mut s, &tick());
    assert_eq!(
        s.annotations[0].claim.claimant,
        Some(Claimant::Named {
            name: "Alice".into(),
            wikidata: None
        })
    );
    undo(&mut s, &tick());
    assert_eq!(
        s.annotations[0].claim.claimant, None,
        "the typing was one step"
    );
    popover(&mut s, false);
    undo(&mut s, &tick());
    // Redone, then typed on: the typing is a step of its own.
    redo(&mut s, &tick());
    popover(&mut s, true);
    note(&mut s, "جديد", tick());
    undo(&mut s, &tick());
    assert_eq!(s.annotations[0].note, "");
    assert_eq!(urls(&s), ["https://e.example/1", "https://e.example/2"]);
}

/// Saving the settings is a step like any other: undone and redone, said, and refused when another
/// tab saved other settings since.
#[test]
fn saving_settings_is_undone_and_redone() {
    use hamish::core::annotations::state::Way;
    use hamish::core::claims::settings::{Reviewer, Settings};
    let a = article();
    let mut s = State::default();
    s.apply(Action::Add(annotate(&a, "روسيا", Kind::Claim, "u:1")));
    let mine = Settings {
        scale: "arafacts".into(),
        reviewer: Reviewer {
            name: "سارة".into(),
            ..Reviewer::default()
        },
    };
    s.apply(Action::SetSettings(mine.clone()));
    assert_eq!(s.undo.len(), 2);
    // Saving them again unchanged is no step.
    s.apply(Action::SetSettings(mine.clone()));
    assert_eq!(s.undo.len(), 2);
    undo(&mut s, "2026-12-07T00:00:01Z");
    assert_eq!(s.settings, Settings::default());
    assert_eq!(s.annotations.len(), 1, "the claim before it stays");
    assert_eq!(
        (s.said.kind, s.said.way),
        (Some(StepKind::Settings), Way::Undone)
    );
    redo(&mut s, "2026-12-07T00:00:02Z");
    assert_eq!(s.settings, mine);
    // Another tab saved other settings since: undo leaves them, and says so.
    let theirs = Settings {
        scale: "hamish".into(),
        ..mine.clone()
    };
    s.apply(Action::FollowSettings(theirs.clone()));
    undo(&mut s, "2026-12-07T00:00:03Z");
    assert_eq!(s.settings, theirs);
    assert!(s.notices.contains(&Notice::ChangedElsewhere));
}

/// Undo and redo leave an open popover open on what is still there (so what is typed in its form
/// stays there, and is not added later over the undone change); it closes when its annotation went.
#[test]
fn undo_keeps_the_popover_on_what_is_still_there() {
    use hamish::core::annotations::state::Popover as PopoverState;
    let a = article();
    let mut s = State::default();
    s.apply(Action::Add(annotate(&a, "روسيا", Kind::Claim, "u:1")));
    s.apply(Action::SetPopover(Some(PopoverState {
        ids: vec!["u:1".into()],
        ..PopoverState::default()
    })));
    s.apply(Action::SetNote {
        id: "u:1".into(),
        note: "ن".into(),
        modified: "2026-12-07T00:00:01Z".into(),
    });
    undo(&mut s, "2026-12-07T00:00:02Z");
    assert_eq!(s.annotations[0].note, "");
    assert!(s.popover.is_some(), "the popover stays on the claim");
    undo(&mut s, "2026-12-07T00:00:03Z");
    assert!(s.annotations.is_empty());
    assert!(s.popover.is_none(), "its claim went: it closes");
}

/// A large step (an import of thousands) is undone and redone whole: every annotation goes, each
/// with a tombstone, and comes back as it was, dated anew; the steps that hold what was put back
/// still recognise it (a second undo works).
#[test]
fn a_large_import_is_undone_and_redone_whole() {
    use hamish::core::w3c::import::Parsed;
    let a = article();
    let first = annotate(&a, "روسيا", Kind::Claim, "u:0");
    let many: Vec<_> = (0..3000)
        .map(|i| hamish::core::annotations::model::Annotation {
            id: format!("u:{i:05}"),
            ..first.clone()
        })
        .collect();
    let mut s = State::default();
    s.apply(Action::Import(Parsed {
        annotations: many.clone(),
        ..Parsed::default()
    }));
    assert_eq!(s.annotations.len(), 3000);
    undo(&mut s, "2026-11-30T00:00:01Z");
    assert!(s.annotations.is_empty());
    assert_eq!(
        s.deleted.len(),
        3001,
        "one tombstone each, and one for their place"
    );
    redo(&mut s, "2026-11-30T00:00:02Z");
    assert!(s.deleted.is_empty(), "their tombstones go");
    let mut ids: Vec<_> = s.annotations.iter().map(|x| x.id.clone()).collect();
    ids.sort();
    assert_eq!(ids, many.iter().map(|x| x.id.clone()).collect::<Vec<_>>());
    assert!(s
        .annotations
        .iter()
        .all(|x| x.modified.as_str() > "2026-11-30T00:00:01Z"));
    assert!(s
        .annotations
        .iter()
        .all(|x| x.kind == Kind::Claim && x.target == first.target));
    undo(&mut s, "2026-11-30T00:00:03Z");
    assert!(
        s.annotations.is_empty(),
        "what the redo put back is recognised by the step"
    );
}

/// A step that both withdraws and makes again one rejection (the same mention, a newer version)
/// leaves it rejected, with no tombstone; a step that names an annotation twice applies its last
/// change.
#[test]
fn a_step_naming_one_thing_twice_applies_its_last_change() {
    use hamish::core::annotations::history::{replay, Step, Target};
    use hamish::core::claims::settings::Settings;
    let a = article();
    let x = annotate(&a, "روسيا", Kind::Claim, "u:1");
    let retagged = hamish::core::annotations::model::Annotation {
        kind: Kind::Entity("russia".into()),
        ..x.clone()
    };
    let old = Rejected {
        entity: "iran".into(),
        span: hamish::core::text::span::Span::new(1, 4),
        at: "2026-11-30T00:00:00Z".into(),
        quote: Default::default(),
    };
    let newer = Rejected {
        at: "2026-11-30T00:00:05Z".into(),
        ..old.clone()
    };
    let step = Step {
        kind: StepKind::Import,
        changes: vec![(None, Some(x.clone())), (Some(x.clone()), Some(retagged))],
        unrejected: vec![old.clone()],
        rejected: vec![newer.clone(), newer],
        registry: None,
        settings: None,
        coalesce: None,
        elsewhere: Vec::new(),
    };
    let (mut annotations, mut rejected, mut deleted) = (Vec::new(), vec![old], Vec::new());
    let (mut registry, mut settings) = (Rc::new(default_registry()), Settings::default());
    replay(
        &step,
        "2026-11-30T00:00:09Z",
        Target {
            annotations: &mut annotations,
            rejected: &mut rejected,
            deleted: &mut deleted,
            registry: &mut registry,
            settings: &mut settings,
        },
    );
    assert_eq!(annotations.len(), 1);
    assert_eq!(annotations[0].kind, Kind::Entity("russia".into()));
    assert_eq!(rejected.len(), 1, "rejected once");
    assert_eq!(rejected[0].at, "2026-11-30T00:00:09Z");
    assert!(deleted.is_empty(), "no tombstone: {deleted:?}");
}

/// A rejection withdrawn by an undo made after the clock went back (or stood still) is withdrawn
/// later than it was made, so another tab's copy of the rejection does not win the merge; put
/// back by a redo at an earlier time still, it is dated after its withdrawal.
#[test]
fn a_rejection_undone_after_the_clock_went_back_is_withdrawn_later_than_it_was_made() {
    use hamish::core::annotations::time::instant_or_oldest;
    use hamish::core::storage::merge::merge;
    let r = Rejected {
        entity: "russia".into(),
        span: hamish::core::text::span::Span::new(3, 8),
        at: "2026-11-30T12:00:00Z".into(),
        quote: Default::default(),
    };
    for back in ["2026-11-30T11:59:00Z", "2026-11-30T12:00:00Z"] {
        let mut s = State::default();
        s.apply(Action::Reject(r.clone()));
        undo(&mut s, back);
        assert!(s.rejected.is_empty());
        let grave = s.deleted.iter().find(|t| t.id == r.key()).cloned();
        let grave = grave.expect("the withdrawal leaves a tombstone");
        assert!(
            instant_or_oldest(&grave.deleted) > instant_or_oldest(&r.at),
            "{back}: {}",
            grave.deleted
        );
        // Another tab still holds the rejection: the merge keeps the withdrawal.
        let theirs = hamish::core::storage::entry::Stored {
            rejected: vec![r.clone()],
            ..Default::default()
        };
        let merged = merge(
            &theirs,
            &s.work(),
            hamish::core::annotations::time::Instant::MIN,
        );
        assert!(merged.rejected.is_empty(), "{back}");
        redo(&mut s, "2026-11-30T11:58:00Z");
        assert_eq!(s.rejected.len(), 1, "{back}");
        assert!(
            instant_or_oldest(&s.rejected[0].at) > instant_or_oldest(&grave.deleted),
            "{back}: {}",
            s.rejected[0].at
        );
        // The steps know the rejection by its new date: undo withdraws it again.
        undo(&mut s, "2026-11-30T11:57:00Z");
        assert!(s.rejected.is_empty(), "{back}");
        assert!(!s.notices.contains(&Notice::ChangedElsewhere), "{back}");
    }
}

/// Annotations made at the same moment on the same words keep their order through an undo (the
/// undo puts one back among them), so the one drawn outermost stays the same.
#[test]
fn undo_keeps_the_order_of_annotations_made_together_on_the_same_words() {
    use hamish::core::w3c::import::Parsed;
    let a = article();
    let first = annotate(&a, "روسيا", Kind::Entity("russia".into()), "u:0");
    let many: Vec<_> = ["u:b", "u:d", "u:a", "u:c"]
        .into_iter()
        .map(|id| hamish::core::annotations::model::Annotation {
            id: id.into(),
            ..first.clone()
        })
        .collect();
    let mut s = State::default();
    s.apply(Action::Import(Parsed {
        annotations: many,
        ..Parsed::default()
    }));
    let order = |s: &State| {
        s.annotations
            .iter()
            .map(|x| x.id.clone())
            .collect::<Vec<_>>()
    };
    let before = order(&s);
    assert_eq!(before, ["u:a", "u:b", "u:c", "u:d"]);
    s.apply(Action::SetNote {
        id: "u:b".into(),
        note: "which officials?".into(),
        modified: "2026-11-30T00:00:01Z".into(),
    });
    undo(&mut s, "2026-11-30T00:00:02Z");
    assert_eq!(order(&s), before);
    redo(&mut s, "2026-11-30T00:00:03Z");
    assert_eq!(order(&s), before);
}
