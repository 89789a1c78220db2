//! Undo and redo: every change a reader makes is one [`Step`] — what it changed, before and after —
//! and undoing a step is itself a change, dated now, so it is saved and merged like any other (a
//! restored annotation is modified again; a removed one gets a tombstone).

use crate::core::anchoring::selectors::TextSelector;
use crate::core::annotations::model::{Annotation, Tombstone};
use crate::core::annotations::time::{after, instant_or_oldest};
use crate::core::claims::settings::Settings;
use crate::core::collections::index::{pair, repeats, Index, Lookup};
use crate::core::collections::sort::sort_by;
use crate::core::entities::registry::Entity;
use crate::core::entities::registry_changes::{carry, holds};
use crate::core::entities::suggestions::Rejected;
use crate::core::storage::entry::Stored;
use std::rc::Rc;

/// How many steps can be undone.
pub const DEPTH: usize = 100;

/// What kind of change a step was (named in the Undo notice).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// A new annotation.
    Create,
    /// A deletion.
    Delete,
    /// A tag changed.
    Retag,
    /// A note edited (consecutive edits of one note are one step).
    Note,
    /// A claim's verdict, status, claimant, evidence, date or check-worthiness changed.
    Claim,
    /// Suggestions accepted.
    Accept,
    /// A suggestion rejected.
    Reject,
    /// An import.
    Import,
    /// An annotation moved or re-attached.
    Reattach,
    /// An entity added, edited or deleted (with its tags retagged or removed).
    Entities,
    /// The fact-checking settings saved (the verdict scale, the reviewer).
    Settings,
}

/// What an article's annotations, rejections and entities were at one moment (the parts a step
/// compares).
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// The annotations.
    pub annotations: Rc<Vec<Annotation>>,
    /// The rejected suggestions.
    pub rejected: Rc<Vec<Rejected>>,
    /// The entity registry.
    pub registry: Rc<Vec<Entity>>,
    /// The fact-checking settings.
    pub settings: Settings,
}

impl Snapshot {
    /// What a step compares of a stored article's entry (a stored article has no registry of its own).
    pub fn of_stored(stored: &Stored) -> Snapshot {
        Snapshot {
            annotations: Rc::new(stored.annotations.clone()),
            rejected: Rc::new(stored.rejected.clone()),
            registry: Rc::default(),
            settings: Settings::default(),
        }
    }
}

/// One undoable change: each annotation it touched, before and after (`None`: absent), the
/// rejections it removed and added, and the registry before and after when it changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// What kind of change.
    pub kind: StepKind,
    /// `(before, after)` of every annotation that changed.
    pub changes: Vec<(Option<Annotation>, Option<Annotation>)>,
    /// Rejections present before and gone after.
    pub unrejected: Vec<Rejected>,
    /// Rejections added.
    pub rejected: Vec<Rejected>,
    /// The registry before and after, when it changed.
    pub registry: Option<(Rc<Vec<Entity>>, Rc<Vec<Entity>>)>,
    /// The settings before and after, when they changed.
    pub settings: Option<(Settings, Settings)>,
    /// Consecutive steps with the same key are one (typing a note).
    pub coalesce: Option<String>,
    /// The same change in other stored articles (deleting an entity retags or removes its tags in
    /// every article): each article's id and its step, replayed in storage on undo and redo.
    pub elsewhere: Vec<(String, Step)>,
}

impl Step {
    /// The step from `before` to `after` (`None` when nothing changed).
    pub fn between(
        kind: StepKind,
        before: &Snapshot,
        after: &Snapshot,
        coalesce: Option<String>,
    ) -> Option<Step> {
        let mut changes: Vec<(Option<Annotation>, Option<Annotation>)> = Vec::new();
        if !Rc::ptr_eq(&before.annotations, &after.annotations) {
            let (was, now) = (&before.annotations, &after.annotations);
            let pairs = pair(&ids_of(was), &ids_of(now));
            changes.extend(pairs.gone.iter().map(|&j| (was.get(j).cloned(), None)));
            for (a, j) in now.iter().zip(pairs.matched) {
                match j.and_then(|j| was.get(j)) {
                    None => changes.push((None, Some(a.clone()))),
                    Some(was) if was != a => changes.push((Some(was.clone()), Some(a.clone()))),
                    Some(_) => {}
                }
            }
        }
        let gone = |from: &[Rejected], to: &[Rejected]| -> Vec<Rejected> {
            let keys = keys_of(to);
            let keys = Index::of(&keys);
            from.iter()
                .filter(|r| keys.find(&r.key()).is_none())
                .cloned()
                .collect()
        };
        let unrejected = gone(&before.rejected, &after.rejected);
        let rejected = gone(&after.rejected, &before.rejected);
        let registry = (!Rc::ptr_eq(&before.registry, &after.registry)
            && before.registry != after.registry)
            .then(|| (before.registry.clone(), after.registry.clone()));
        let settings = (before.settings != after.settings)
            .then(|| (before.settings.clone(), after.settings.clone()));
        let empty = changes.is_empty()
            && unrejected.is_empty()
            && rejected.is_empty()
            && registry.is_none()
            && settings.is_none();
        (!empty).then_some(Step {
            kind,
            changes,
            unrejected,
            rejected,
            registry,
            settings,
            coalesce,
            elsewhere: Vec::new(),
        })
    }

    /// This step folded into the `earlier` one with the same coalescing key: the earlier "before",
    /// this "after".
    pub fn folded_into(self, mut earlier: Step) -> Step {
        for (before, after) in self.changes {
            let id = before.as_ref().or(after.as_ref()).map(|a| a.id.clone());
            match earlier
                .changes
                .iter_mut()
                .find(|(b, a)| b.as_ref().or(a.as_ref()).map(|x| &x.id) == id.as_ref())
            {
                Some(slot) => slot.1 = after,
                None => earlier.changes.push((before, after)),
            }
        }
        earlier
    }

    /// The step that undoes this one.
    pub fn inverse(&self) -> Step {
        Step {
            kind: self.kind,
            changes: self
                .changes
                .iter()
                .map(|(b, a)| (a.clone(), b.clone()))
                .collect(),
            unrejected: self.rejected.clone(),
            rejected: self.unrejected.clone(),
            registry: self.registry.as_ref().map(|(b, a)| (a.clone(), b.clone())),
            settings: self.settings.as_ref().map(|(b, a)| (a.clone(), b.clone())),
            coalesce: None,
            elsewhere: self
                .elsewhere
                .iter()
                .map(|(article, step)| (article.clone(), step.inverse()))
                .collect(),
        }
    }
}

impl Step {
    /// Whether `annotations`, `rejected` and `registry` hold what this step left — its "after" side
    /// (`after`), else its "before" side (what undoing it left): for each annotation it touched, that
    /// version (the same `modified`), or none where it removed one; for each rejection it added or
    /// withdrew, that version (the same `at`), or none; for each entity it touched, that version.
    /// Undo and redo apply a step only then; an annotation, rejection or entity changed since (by
    /// another tab) is newer work, never replaced.
    pub fn left_in(
        &self,
        annotations: &[Annotation],
        rejected: &[Rejected],
        registry: &[Entity],
        settings: &Settings,
        after: bool,
    ) -> bool {
        let settings_held = self
            .settings
            .as_ref()
            .is_none_or(|(b, a)| settings == if after { a } else { b });
        let entities_held = self.registry.as_ref().is_none_or(|(b, a)| {
            let (from, to) = if after { (b, a) } else { (a, b) };
            holds(registry, from, to)
        });
        let (kept, gone) = if after {
            (&self.rejected, &self.unrejected)
        } else {
            (&self.unrejected, &self.rejected)
        };
        let keys = keys_of(rejected);
        let keys = Index::of(&keys);
        let at = |r: &Rejected| {
            let i = keys.find(&r.key())?;
            rejected.get(i).map(|x| &x.at)
        };
        let now = Index::new(annotations.iter().map(|a| a.id.as_str()));
        settings_held
            && entities_held
            && kept.iter().all(|r| at(r) == Some(&r.at))
            && gone.iter().all(|r| at(r).is_none())
            && self.changes.iter().all(|(b, a)| {
                let (left, other) = if after { (a, b) } else { (b, a) };
                let Some(id) = left.as_ref().or(other.as_ref()).map(|x| x.id.as_str()) else {
                    return true;
                };
                let here = now.find(id).and_then(|i| annotations.get(i));
                here.map(|x| &x.modified) == left.as_ref().map(|x| &x.modified)
            })
    }

    /// Whether this step holds a version that [`Step::relabel`] dates anew.
    pub fn relabels(&self, put: &Relabels<'_>) -> bool {
        let holds = |x: &Annotation| {
            (put.ids.find(&x.id).and_then(|i| put.dates.get(i))).is_some_and(|d| x.modified == d.1)
        };
        let changed = (self.changes.iter()).any(|(b, a)| b.iter().chain(a).any(holds));
        changed || (self.rejected.iter().chain(&self.unrejected)).any(|r| put.refusal(r).is_some())
    }

    /// Dates anew every version of an annotation or rejection this step holds that an undo or redo
    /// put back (which dates what it puts back anew), as `put` has them: the steps that hold those
    /// versions must still recognise them. One pass over the step, whatever the sizes (see
    /// [`Relabels`]).
    pub fn relabel(&mut self, put: &Relabels<'_>) {
        for (b, a) in &mut self.changes {
            for x in [b, a].into_iter().flatten() {
                if let Some((_, from, to)) = put.ids.find(&x.id).and_then(|i| put.dates.get(i)) {
                    if x.modified == *from {
                        x.modified.clone_from(to);
                    }
                }
            }
        }
        for r in self.rejected.iter_mut().chain(&mut self.unrejected) {
            if let Some(at) = put.refusal(r) {
                r.at = at.to_string();
            }
        }
    }
}

/// The annotations and rejections an undo or redo put back, each with the date it had and the one
/// it has now, found by id (see [`Step::relabel`]).
pub struct Relabels<'a> {
    /// Each annotation's id, its old date and its new one.
    dates: Vec<(&'a str, &'a str, String)>,
    /// `dates` by id.
    ids: Index<'a>,
    /// Each rejection put back: its key, the version it was, and its date now; sorted by key.
    refusals: Vec<(String, &'a Rejected, String)>,
}

impl<'a> Relabels<'a> {
    /// The versions `play` put back, dated now as `annotations` and `rejected` hold them.
    pub fn new(play: &'a Step, annotations: &[Annotation], rejected: &[Rejected]) -> Relabels<'a> {
        let here = Index::new(annotations.iter().map(|a| a.id.as_str()));
        let mut dates = Vec::new();
        for put in play.changes.iter().filter_map(|(_, a)| a.as_ref()) {
            if let Some(now) = here.find(&put.id).and_then(|i| annotations.get(i)) {
                dates.push((put.id.as_str(), put.modified.as_str(), now.modified.clone()));
            }
        }
        let ids = Index::new(dates.iter().map(|(id, _, _)| *id));
        let mut refusals: Vec<(String, &Rejected, String)> = match play.rejected.is_empty() {
            true => Vec::new(),
            false => {
                let keys = keys_of(rejected);
                let now = Index::of(&keys);
                let dated = |r: &'a Rejected| {
                    let key = r.key();
                    let at = rejected.get(now.find(&key)?)?.at.clone();
                    Some((key, r, at))
                };
                play.rejected.iter().filter_map(dated).collect()
            }
        };
        sort_by(&mut refusals, |x, y| x.0.cmp(&y.0));
        Relabels {
            dates,
            ids,
            refusals,
        }
    }

    /// The date now of `r`, when it is a version that was put back.
    fn refusal(&self, r: &Rejected) -> Option<&str> {
        if self.refusals.is_empty() {
            return None;
        }
        let key = r.key();
        let first = self.refusals.partition_point(|(k, _, _)| *k < key);
        (self.refusals[first..].iter())
            .take_while(|(k, _, _)| *k == key)
            .find(|(_, was, _)| *was == r)
            .map(|(_, _, at)| at.as_str())
    }
}

/// Dates every change from `before` — annotations, tombstones and rejected suggestions — to `now`
/// later than the version it changes: an annotation modified, removed (its tombstone) or brought
/// back, and a rejection made, withdrawn (its tombstone) or put back, is dated at least one
/// millisecond after that id's or key's latest known time (see [`after`]). Every change of the
/// reader's goes through here, so a version dated in the future (a colleague's fast clock), or an
/// undo made after the clock went back, never loses a merge to what it changed.
pub fn date_changes(
    before: (&[Annotation], &[Tombstone], &[Rejected]),
    now: (&mut [Annotation], &mut [Tombstone], &mut [Rejected]),
) {
    let ((before, graves, refused), (annotations, deleted, rejected)) = (before, now);
    let was = ids_of(before);
    let dead: Vec<&str> = graves.iter().map(|t| t.id.as_str()).collect();
    // What changed, by position: each list paired with its earlier version (`same(i, j)`: the
    // later list's item `i` is the earlier one's `j`). One copy for the three lists.
    fn changed(keys: (&[&str], &[&str]), same: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
        let pairs = pair(keys.0, keys.1);
        let differs = |(i, j): (usize, Option<usize>)| match j {
            Some(j) if same(i, j) => None,
            _ => Some(i),
        };
        (pairs.matched.into_iter().enumerate())
            .filter_map(differs)
            .collect()
    }
    let made = changed((&was, &ids_of(annotations)), &|i, j| {
        before.get(j) == annotations.get(i)
    });
    let ids: Vec<&str> = deleted.iter().map(|t| t.id.as_str()).collect();
    let buried_now = changed((&dead, &ids), &|i, j| graves.get(j) == deleted.get(i));
    // Rejections' keys are built only when a rejection or a tombstone may need them (not on every
    // keystroke in a note).
    let rejections_matter = !rejected.is_empty() || !buried_now.is_empty();
    let keys = |list: &[Rejected]| match rejections_matter {
        true => keys_of(list),
        false => Vec::new(),
    };
    let (refused_keys, rejected_keys) = (keys(refused), keys(rejected));
    let refused_ids: Vec<&str> = refused_keys.iter().map(String::as_str).collect();
    let rejected_ids: Vec<&str> = rejected_keys.iter().map(String::as_str).collect();
    let refused_now = changed((&refused_ids, &rejected_ids), &|i, j| {
        refused.get(j) == rejected.get(i)
    });
    // Only what changed is looked up: a note typed among 10,000 annotations looks up one id.
    let lookups = made.len() + buried_now.len() + refused_now.len();
    let old = Lookup::new(&was, lookups);
    let buried = Lookup::new(&dead, lookups);
    let refusals = Lookup::new(&refused_ids, lookups);
    let previous = |id: &str| {
        let times = [
            old.find(id)
                .and_then(|i| before.get(i))
                .map(|a| &a.modified),
            buried
                .find(id)
                .and_then(|i| graves.get(i))
                .map(|t| &t.deleted),
            refusals
                .find(id)
                .and_then(|i| refused.get(i))
                .map(|r| &r.at),
        ];
        times
            .into_iter()
            .flatten()
            .max_by_key(|t| instant_or_oldest(t))
    };
    for i in made {
        if let Some(a) = annotations.get_mut(i) {
            if let Some(p) = previous(&a.id) {
                a.modified = after(&a.modified, p);
            }
        }
    }
    for i in buried_now {
        if let Some(t) = deleted.get_mut(i) {
            if let Some(p) = previous(&t.id) {
                t.deleted = after(&t.deleted, p);
            }
        }
    }
    for i in refused_now {
        if let (Some(r), Some(key)) = (rejected.get_mut(i), rejected_keys.get(i)) {
            if let Some(p) = previous(key) {
                r.at = after(&r.at, p);
            }
        }
    }
}

/// Each annotation's id, in order.
fn ids_of(annotations: &[Annotation]) -> Vec<&str> {
    annotations.iter().map(|a| a.id.as_str()).collect()
}

/// What applying a step's "after" side changed in the parts it is applied to.
pub struct Target<'a> {
    /// The annotations.
    pub annotations: &'a mut Vec<Annotation>,
    /// The rejections.
    pub rejected: &'a mut Vec<Rejected>,
    /// The tombstones.
    pub deleted: &'a mut Vec<Tombstone>,
    /// The registry.
    pub registry: &'a mut Rc<Vec<Entity>>,
    /// The settings.
    pub settings: &'a mut Settings,
}

/// Applies `step`'s "after" side at time `at`: each annotation is put back as it was after the step
/// (modified `at`, so it wins over older copies) or removed (with a tombstone dated `at`); rejections
/// likewise; each entity the step changed is put back as it was after it (the others are left as
/// they are now).
pub fn replay(step: &Step, at: &str, target: Target<'_>) {
    // Each list is passed over once, whatever the step's size: the ids and keys the step touches
    // are indexed first (removing them one by one made undoing a 10,000-annotation import take
    // seconds). Where a step names an id twice, its last change is the one applied.
    let touched: Vec<(&Annotation, &Option<Annotation>)> = (step.changes.iter())
        .filter_map(|(b, a)| Some((b.as_ref().or(a.as_ref())?, a)))
        .collect();
    // Whether the step moved the annotation (a re-attachment): one it did not move stays where it
    // is now, since re-anchoring to an edited text (which is not a change of the reader's) may have
    // moved it since, and the step's copy still names the words as they were.
    let moved: Vec<bool> = (step.changes.iter())
        .filter(|(b, a)| b.is_some() || a.is_some())
        .map(|(b, a)| match (b, a) {
            (Some(b), Some(a)) => b.target != a.target || b.orphan != a.orphan,
            _ => true,
        })
        .collect();
    let ids = Index::new(touched.iter().map(|(was, _)| was.id.as_str()));
    // The place of each annotation as the step leaves it (or of one it deletes): put back, no
    // deletion holds there; deleted, a new one does.
    let places: Vec<String> = (touched.iter())
        .filter_map(|(was, after)| after.as_ref().unwrap_or(was).place())
        .collect();
    let places = Index::of(&places);
    let mut now: Vec<Option<(TextSelector, bool)>> = vec![None; touched.len()];
    for a in target.annotations.iter() {
        // Only where the step leaves the place as it is (no copy for an import's undo or redo).
        let stays = |i: &usize| moved.get(*i) == Some(&false);
        if let Some(slot) = ids.find(&a.id).filter(stays).and_then(|i| now.get_mut(i)) {
            *slot = Some((a.target.clone(), a.orphan));
        }
    }
    target.annotations.retain(|a| ids.find(&a.id).is_none());
    (target.deleted).retain(|t| ids.find(&t.id).is_none() && places.find(&t.id).is_none());
    let mut graves = Vec::new();
    for (i, (was, after)) in touched.iter().enumerate() {
        if ids.find(&was.id) != Some(i) {
            continue;
        }
        match after {
            Some(a) => {
                let mut a = a.clone();
                a.modified = at.to_string();
                if let (Some(false), Some(Some((place, orphan)))) = (moved.get(i), now.get_mut(i)) {
                    a.target = std::mem::take(place);
                    a.orphan = *orphan;
                }
                target.annotations.push(a);
            }
            None => graves.push(*was),
        }
    }
    target.deleted.extend(Tombstone::of(&graves, at));
    sort_by(&mut target.annotations[..], Annotation::reading_order);
    let gone = keys_of(&step.unrejected);
    let gone_keys = Index::of(&gone);
    target
        .rejected
        .retain(|x| gone_keys.find(&x.key()).is_none());
    let here = keys_of(target.rejected.as_slice());
    let here = Index::of(&here);
    let came = keys_of(&step.rejected);
    let came_keys = Index::of(&came);
    // A rejection put back is no longer deleted; one taken back is (dated `at`).
    target
        .deleted
        .retain(|t| gone_keys.find(&t.id).is_none() && came_keys.find(&t.id).is_none());
    for (i, key) in gone.iter().enumerate() {
        if gone_keys.find(key) == Some(i) && came_keys.find(key).is_none() {
            target.deleted.push(Tombstone {
                id: key.clone(),
                deleted: at.to_string(),
            });
        }
    }
    let repeated = repeats(&came.iter().map(String::as_str).collect::<Vec<_>>());
    for ((r, key), repeat) in step.rejected.iter().zip(&came).zip(repeated) {
        if here.find(key).is_none() && !repeat {
            let mut r = r.clone();
            r.at = at.to_string();
            target.rejected.push(r);
        }
    }
    if let Some((before, after)) = &step.registry {
        *target.registry = Rc::new(carry(target.registry, before, after));
    }
    if let Some((_, after)) = &step.settings {
        after.clone_into(target.settings);
    }
}

/// Applies `step`'s "after" side at time `at` to a stored article's entry (see [`replay`]), for each
/// annotation that is still what the step's "before" side has (the same content, whatever its
/// time; or absent where it was): one changed since — another tab's later work — is left as it is.
/// Returns whether any was left.
pub fn replay_stored(step: &Step, at: &str, stored: &mut Stored) -> bool {
    let mut step = step.clone();
    let count = step.changes.len();
    let here = Index::new(stored.annotations.iter().map(|a| a.id.as_str()));
    step.changes.retain(|(before, after)| {
        let Some(id) = before.as_ref().or(after.as_ref()).map(|a| &a.id) else {
            return true;
        };
        let now = here.find(id).and_then(|i| stored.annotations.get(i));
        match (before, now) {
            (None, None) => true,
            (Some(was), Some(now)) => {
                Annotation {
                    modified: now.modified.clone(),
                    ..was.clone()
                } == *now
            }
            _ => false,
        }
    });
    let left = step.changes.len() < count;
    let (mut registry, mut settings) = (Rc::default(), Settings::default());
    let before = (stored.annotations.clone(), stored.deleted.clone());
    let refused = stored.rejected.clone();
    replay(
        &step,
        at,
        Target {
            annotations: &mut stored.annotations,
            rejected: &mut stored.rejected,
            deleted: &mut stored.deleted,
            registry: &mut registry,
            settings: &mut settings,
        },
    );
    date_changes(
        (&before.0, &before.1, &refused),
        (
            &mut stored.annotations,
            &mut stored.deleted,
            &mut stored.rejected,
        ),
    );
    left
}

/// Each rejection's key (what rejections are found by).
fn keys_of(rejected: &[Rejected]) -> Vec<String> {
    rejected.iter().map(Rejected::key).collect()
}
