//! The widget's state and the one reducer every change goes through.

use crate::core::anchoring::selectors::TextSelector;
use crate::core::annotations::history::{
    date_changes, replay, Relabels, Snapshot, Step, StepKind, Target, DEPTH,
};
use crate::core::annotations::model::{Annotation, Kind, Tombstone};
use crate::core::annotations::reattach::{still_reworded, Reworded, REWORDED_LISTED};
use crate::core::annotations::time::Instant;
use crate::core::claims::claim::{ClaimDetails, Claimant, Status, UrlError};
use crate::core::claims::settings::Settings;
use crate::core::collections::index::Index;
use crate::core::collections::sort::sort_by;
use crate::core::entities::registry::Entity;
use crate::core::entities::suggestions::Rejected;
use crate::core::storage::backup::{restore_into, BackupError, Restored};
use crate::core::storage::entry::{Stored, MAX_NOTE};
use crate::core::storage::merge::merge_since;
use crate::core::text::open_error::OpenError;
use crate::core::text::span::Span;
use crate::core::w3c::import::{
    adopted_ids, merge, rename_colliding, same_spans, ImportError, Merged, Parsed, Rejection,
};
use std::rc::Rc;

/// Which annotations the side panel lists.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Filter {
    /// Every annotation.
    #[default]
    All,
    /// Claims only.
    Claims,
    /// Tags of one entity (registry id).
    Entity(String),
    /// Claims with this verdict (its id).
    Verdict(String),
    /// Claims at this status.
    Status(Status),
}

impl Filter {
    /// Whether `annotation` passes the filter.
    pub fn accepts(&self, annotation: &Annotation) -> bool {
        match (self, &annotation.kind) {
            (Filter::All, _) | (Filter::Claims, Kind::Claim) => true,
            (Filter::Entity(want), Kind::Entity(id)) => want == id,
            (Filter::Verdict(want), Kind::Claim) => {
                annotation.claim.verdict.as_deref() == Some(want.as_str())
            }
            (Filter::Status(want), Kind::Claim) => annotation.claim.status == *want,
            _ => false,
        }
    }
}

/// A selection waiting for a tag: its range and where the toolbar goes (pixels, relative to the widget).
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    /// The selected text.
    pub span: Span,
    /// Toolbar's horizontal centre.
    pub x: f64,
    /// Top of the selection, or its bottom when `below`.
    pub y: f64,
    /// Whether the toolbar goes below the selection (no room above it).
    pub below: bool,
}

/// The open highlight popover: the annotations and suggestions under the clicked point and where it goes.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Popover {
    /// Ids of the annotations covering the clicked run, outermost first.
    pub ids: Vec<String>,
    /// Keys of the suggestions covering it.
    pub suggestions: Vec<String>,
    /// Horizontal centre (pixels, relative to the widget).
    pub x: f64,
    /// Bottom of the clicked highlight.
    pub y: f64,
    /// Whether the focus starts at the claim's "Attributed to" (opened by `a` on a claim).
    pub claimant_first: bool,
}

/// A message shown to the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// localStorage cannot be used: annotations live only as long as the tab.
    StorageUnavailable,
    /// The stored entry was unusable; it was kept under `backup_key`, and Hamish started from the
    /// `salvaged` annotations that could still be read (0: it started clean).
    StoredEntryBackedUp {
        reason: String,
        backup_key: String,
        salvaged: usize,
    },
    /// The reader's own entities could not all be read: the stored list was kept under `backup_key`,
    /// and those that could be read are used.
    EntitiesSetAside { backup_key: String },
    /// The text of the open article (pasted or from a file) could not be kept in storage (too long,
    /// or storage full): its annotations are saved, but reopening it needs the text again.
    TextNotKept,
    /// The reader's settings could not be saved (storage full): they apply in this page only.
    SettingsNotSaved,
    /// The reader's settings were saved.
    SettingsSaved,
    /// An evidence link typed in a claim's form that was closed before the link was added could not
    /// be added — refused as an address (why), or (`None`) the claim has as many links as it keeps:
    /// shown so that it is not lost.
    EvidenceNotAdded {
        url: String,
        refused: Option<UrlError>,
    },
    /// A Wikidata id typed for a claimant in a claim's form that was closed before it was checked is
    /// not one (shown so that it is not lost; the claimant keeps the id it had).
    WikidataNotAdded(String),
    /// A published fact-check URL typed in a claim's form that was closed while it did not read as
    /// an address (why): not kept, shown so that it is not lost (the claim keeps the URL it had).
    ReviewNotKept { url: String, refused: UrlError },
    /// The reader's settings could not be read: they were kept under `backup_key`, and the defaults
    /// are used until new ones are saved.
    SettingsSetAside { backup_key: String },
    /// The stored entry was unusable and could not be backed up: saving is off so it is not overwritten.
    StoredEntryKept { reason: String },
    /// Writing to storage failed (e.g. quota): the change is kept in this tab only, and saved with
    /// the next change or when the tab is shown again.
    SaveFailed,
    /// The stored entry cannot be read or was written by a newer Hamish: this tab does not write
    /// over it and keeps its changes in memory (Export keeps them).
    SavingPaused,
    /// A backup was restored: what it changed (it never deletes anything), and whether what it did to
    /// the open article is an undoable step (the notice then offers Undo, in place of a [`Notice::Done`]).
    BackupRestored(Restored, bool),
    /// An undo or redo was not applied: an annotation or entity it would change was changed since
    /// (in another tab); that newer version is kept.
    ChangedElsewhere,
    /// This many annotations open in the popover were deleted in another tab; their deletion is the
    /// latest step here, so the notice's Undo puts them back as this tab had them.
    DeletedElsewhere(usize),
    /// An undo or redo was applied here, but in other articles it left annotations changed there
    /// since (an entity deletion's retagging, see [`crate::core::annotations::history::replay_stored`]).
    KeptElsewhere,
    /// A backup file was refused as a whole; nothing changed.
    BackupFailed(BackupError),
    /// A change that can be undone was made (the notice offers Undo): its kind and how many
    /// annotations it touched.
    Done { kind: StepKind, count: usize },
    /// The last export held this many annotations.
    Exported(usize),
    /// The article changed since it was annotated: `moved` annotations followed their text,
    /// `orphaned` could not be found.
    Reanchored { moved: usize, orphaned: usize },
    /// Claims already looked at are now found in other words (the article was edited): how many,
    /// and the first few as (words checked, words now) — their verdicts may no longer fit.
    Reworded(usize, Rc<Vec<Reworded>>),
    /// An import went through.
    Imported {
        anchored: usize,
        orphaned: usize,
        rejected: Rc<Vec<Rejection>>,
        merged: Merged,
        /// How many had a time that is not RFC 3339 (counted as the oldest version).
        undated: usize,
        /// How many claims' evidence links were left out (not web addresses, or posing as another).
        links_left_out: usize,
        /// Whether the import is the latest step (the notice offers Undo): not when it changed
        /// nothing, nor once another step came after it.
        undoable: bool,
    },
    /// An import was refused as a whole; nothing changed.
    ImportFailed(ImportError),
    /// The article asked for could not be loaded; the bundled one is shown.
    LoadFailed(OpenError),
    /// An article the reader asked for could not be opened; the current one stays.
    OpenFailed(OpenError),
    /// The browser cannot draw highlights inside a host page (no CSS Custom Highlight API).
    HighlightsUnsupported,
}

/// How a change was said: made, undone or redone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Way {
    /// Made by the reader.
    #[default]
    Made,
    /// Undone.
    Undone,
    /// Redone.
    Redone,
}

/// The last change to what the reader made, as screen readers are told it (a polite status): what
/// kind of step, the tag it left on its first annotation, how; `count` changes with every change,
/// so that the same words twice are said twice.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Said {
    /// The step's kind (`None` before any change).
    pub kind: Option<StepKind>,
    /// The tag of the first annotation the step left (made or changed), if any.
    pub tag: Option<Kind>,
    /// The id of the first annotation the step changed (where the focus can go after an undo).
    pub id: Option<String>,
    /// Made, undone or redone.
    pub way: Way,
    /// How many changes were said before.
    pub count: u32,
}

impl Said {
    /// What to say of `step`, done `way`.
    fn next(&self, step: &Step, way: Way) -> Said {
        Said {
            kind: Some(step.kind),
            tag: step
                .changes
                .first()
                .and_then(|(_, after)| after.as_ref())
                .map(|a| a.kind.clone()),
            id: step
                .changes
                .first()
                .and_then(|(before, after)| after.as_ref().or(before.as_ref()))
                .map(|a| a.id.clone()),
            way,
            count: self.count.wrapping_add(1),
        }
    }
}

/// Everything the widget shows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct State {
    /// The last change to what the reader made, as screen readers are told it.
    pub said: Said,
    /// How many steps were made (counting on): a new one may bring a notice offering Undo.
    pub steps: u32,
    /// The article's annotations, kept in reading order (shared with the undo steps' snapshots and
    /// the drawn state: a change copies the list once, never on a draw).
    pub annotations: Rc<Vec<Annotation>>,
    /// The panel's filter.
    pub filter: Filter,
    /// The selection waiting for a tag, if any.
    pub pending: Option<Pending>,
    /// The open popover, if any.
    pub popover: Option<Popover>,
    /// Messages for the reader, oldest first.
    pub notices: Vec<Notice>,
    /// The orphan the reader is re-attaching: the next selection gives its new place.
    pub reattaching: Option<String>,
    /// Suggestions the reader rejected (kept with the annotations).
    pub rejected: Rc<Vec<Rejected>>,
    /// The entities a reader can tag: the defaults, then the reader's own.
    pub registry: Rc<Vec<Entity>>,
    /// The fact-checking settings (the standalone page's; an embedded article's come from its site).
    pub settings: Settings,
    /// Deleted annotations and withdrawn rejections, kept so stale copies do not bring them back.
    pub deleted: Rc<Vec<Tombstone>>,
    /// Steps that can be undone, oldest first (shared: a change does not copy them).
    pub undo: Vec<Rc<Step>>,
    /// Steps undone that can be redone, most recently undone last.
    pub redo: Vec<Rc<Step>>,
    /// Steps to replay in other stored articles (an entity deletion undone or redone): each
    /// article's id and its step; the widget replays them and dispatches [`Action::Sent`].
    pub outbox: Vec<(String, Step)>,
    /// How many times the annotations were replaced from storage (on start, or from another tab):
    /// changes that come this way were made, and announced, elsewhere.
    pub loads: u32,
}

/// Which part of a claim's details a change touched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimField {
    /// The verdict.
    Verdict,
    /// The status.
    Status,
    /// Who made it, as typed (typing runs on as one step).
    Claimant,
    /// Who made it, as chosen (an entity, nobody, someone else) or a Wikidata id given: a step of
    /// its own.
    Attribution,
    /// The evidence.
    Evidence,
    /// When it was made.
    Date,
    /// Whether it is worth checking.
    CheckWorthy,
    /// Where its fact-check is published (typing runs on as one step).
    Review,
}

/// Every change to [`State`].
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Replaces all annotations, rejections and tombstones (after loading from storage, or merging
    /// another tab's changes).
    Load(Stored),
    /// What a save found stored (another tab's changes merged in), merged into this tab's: a change
    /// made here after the save read this tab's version (`from`; dispatched, not yet drawn) is kept
    /// field by field beside the stored one's (dated `at`); for the same version, the stored one
    /// (re-anchored in this text) is kept.
    Merged {
        stored: Stored,
        from: Stored,
        at: String,
    },
    /// Adds a new annotation and clears the pending selection.
    Add(Annotation),
    /// Adds several annotations (accepted suggestions).
    AddMany(Vec<Annotation>),
    /// Rejects a suggestion.
    Reject(Rejected),
    /// Replaces the entity registry (the reader's change: an undoable step).
    SetRegistry(Rc<Vec<Entity>>),
    /// Shows the entity registry as stored, changed by another tab or a restore (not a step of the
    /// reader's here, so it is never undone here).
    FollowRegistry(Rc<Vec<Entity>>),
    /// Saves the fact-checking settings (the reader's change: an undoable step).
    SetSettings(Settings),
    /// Shows the settings as stored (another tab may have saved since; not a step).
    FollowSettings(Settings),
    /// Removes an entity from the registry; its tags are retagged as `replacement`, or deleted when
    /// there is none.
    DeleteEntity {
        id: String,
        replacement: Option<Kind>,
        modified: String,
        /// What the deletion changed in the other stored articles (undone with it).
        elsewhere: Vec<(String, Step)>,
    },
    /// The steps waiting in [`State::outbox`] were replayed in storage.
    Sent,
    /// Changes an annotation's tag.
    SetKind {
        id: String,
        kind: Kind,
        modified: String,
    },
    /// Replaces what is recorded about a claim (verdict, status, claimant, evidence, date,
    /// check-worthiness); `field` names what changed, so that consecutive changes of one field (typing
    /// a claimant's name) are one undo step. A new verdict records when it was set.
    SetClaim {
        id: String,
        claim: ClaimDetails,
        field: ClaimField,
        modified: String,
    },
    /// Changes an annotation's note.
    SetNote {
        id: String,
        note: String,
        modified: String,
    },
    /// Deletes an annotation at time `at` (and drops it from the popover).
    Delete { id: String, at: String },
    /// Undoes the latest step, dated `at`.
    Undo { at: String },
    /// Redoes the latest undone step, dated `at`.
    Redo { at: String },
    /// Sets the panel's filter.
    SetFilter(Filter),
    /// Shows the toolbar for a selection, or hides it (`None`).
    SetPending(Option<Pending>),
    /// Opens the popover, or closes it (`None`).
    SetPopover(Option<Popover>),
    /// Shows a notice (once: an equal notice already shown is not repeated).
    Notify(Notice),
    /// Withdraws a notice that no longer holds (e.g. a failed save once a save succeeds).
    Withdraw(Notice),
    /// Dismisses the notice at this index.
    Dismiss(usize),
    /// Merges imported annotations by id (see [`merge`]) and reports the import.
    Import(Parsed),
    /// Starts re-attaching an annotation (`Some(id)`), or cancels it (`None`).
    SetReattaching(Option<String>),
    /// Points an annotation at a new span (re-attaching an orphan, or moving any annotation).
    Reattach {
        id: String,
        selectors: TextSelector,
        modified: String,
    },
    /// Puts a claim the article's edit moved back on the words it had, as an orphan that re-anchoring
    /// leaves alone (the reader says the words now are not the claim's; see
    /// [`Annotation::detach`]); the warning that listed it no longer does.
    Detach {
        id: String,
        was: TextSelector,
        modified: String,
    },
    /// The reader says the verdict of a claim the article's edit moved holds for the words it is on
    /// now ([`Annotation::keep_words`]); the warning that listed it no longer does.
    KeepWords { id: String, modified: String },
    /// Restores this article's entry from a backup made at `now` (see [`restore_into`]: nothing is
    /// deleted or replaced by an older version; one undoable step), and reports the whole restore:
    /// `others` is what it did to the other articles.
    Restore {
        backup: Stored,
        now: String,
        others: Restored,
    },
}

impl Notice {
    /// Whether the notice offers Undo (the change it reports is the latest step).
    pub fn offers_undo(&self) -> bool {
        self.is_done()
            || matches!(
                self,
                Notice::Imported { undoable: true, .. } | Notice::BackupRestored(_, true)
            )
    }

    /// Whether it says that a step was made here (the latest: a newer one replaces it).
    fn is_done(&self) -> bool {
        matches!(self, Notice::Done { .. } | Notice::DeletedElsewhere(_))
    }
}

impl Action {
    /// The kind of undoable step this action is, if it changes what the reader made (and the key
    /// under which consecutive such steps are one).
    fn step(&self) -> Option<(StepKind, Option<String>)> {
        Some(match self {
            Action::Add(_) => (StepKind::Create, None),
            Action::AddMany(_) => (StepKind::Accept, None),
            Action::Reject(_) => (StepKind::Reject, None),
            Action::SetRegistry(_) | Action::DeleteEntity { .. } => (StepKind::Entities, None),
            Action::SetSettings(_) => (StepKind::Settings, None),
            Action::SetKind { .. } => (StepKind::Retag, None),
            Action::SetNote { id, .. } => (StepKind::Note, Some(format!("note:{id}"))),
            // Only typing runs on as one step; a choice (verdict, status, a stance, whether it is
            // worth checking) or an evidence link added or removed is a step of its own.
            Action::SetClaim { id, field, .. } => (
                StepKind::Claim,
                matches!(
                    field,
                    ClaimField::Claimant | ClaimField::Date | ClaimField::Review
                )
                .then(|| format!("claim:{id}:{}", *field as u8)),
            ),
            Action::Delete { .. } => (StepKind::Delete, None),
            Action::Import(_) => (StepKind::Import, None),
            Action::Reattach { .. } | Action::Detach { .. } | Action::KeepWords { .. } => {
                (StepKind::Reattach, None)
            }
            Action::Restore { .. } => (StepKind::Import, None),
            _ => return None,
        })
    }
}

impl State {
    /// The annotations, rejected suggestions and deletions, as an entry stores them.
    pub fn work(&self) -> Stored {
        Stored {
            annotations: self.annotations.to_vec(),
            rejected: self.rejected.to_vec(),
            deleted: self.deleted.to_vec(),
        }
    }

    /// What the reader made, now.
    fn snapshot(&self) -> Snapshot {
        Snapshot {
            annotations: self.annotations.clone(),
            rejected: self.rejected.clone(),
            registry: self.registry.clone(),
            settings: self.settings.clone(),
        }
    }

    /// Applies one action; a change to what the reader made becomes an undoable step (and clears
    /// what could be redone).
    pub fn apply(&mut self, action: Action) {
        let Some((kind, coalesce)) = action.step() else {
            return self.apply_action(action);
        };
        let restore = matches!(action, Action::Restore { .. });
        let destructive = matches!(
            action,
            Action::Delete { .. }
                | Action::AddMany(_)
                | Action::DeleteEntity { .. }
                | Action::Restore { .. }
        );
        let mut action = action;
        let elsewhere = match &mut action {
            Action::DeleteEntity { elsewhere, .. } => std::mem::take(elsewhere),
            _ => Vec::new(),
        };
        let (before, graves) = (self.snapshot(), self.deleted.clone());
        self.apply_action(action);
        self.date_changes(&before.annotations, &graves, &before.rejected);
        let Some(mut step) = Step::between(kind, &before, &self.snapshot(), coalesce) else {
            return;
        };
        step.elsewhere = elsewhere;
        // Changes a notice reports, and typing in a note or a claim's fields, are not said again.
        if !destructive
            && !matches!(
                kind,
                StepKind::Note | StepKind::Claim | StepKind::Import | StepKind::Settings
            )
        {
            self.said = self.said.next(&step, Way::Made);
        }
        // Undo now undoes this step: no earlier notice offers it; an import's or a restore's own
        // notice (the newest of its kind) does, in place of a separate one.
        self.steps = self.steps.wrapping_add(1);
        self.notices.retain(|n| !n.is_done());
        let mut own = None;
        for n in &mut self.notices {
            let mine = match n {
                Notice::BackupRestored(..) => restore,
                Notice::Imported { .. } => !restore && kind == StepKind::Import,
                _ => false,
            };
            if let Notice::Imported { undoable, .. } | Notice::BackupRestored(_, undoable) = n {
                *undoable = false;
                if mine {
                    own = Some(undoable);
                }
            }
        }
        if let Some(undoable) = own {
            *undoable = true;
        } else if destructive {
            // Every changed annotation, the other articles' included.
            let count = step.changes.len()
                + (step.elsewhere.iter())
                    .map(|(_, s)| s.changes.len())
                    .sum::<usize>();
            self.apply_action(Action::Notify(Notice::Done { kind, count }));
        }
        let step = match self.undo.pop() {
            Some(last) if last.coalesce.is_some() && last.coalesce == step.coalesce => {
                step.folded_into(Rc::unwrap_or_clone(last))
            }
            Some(last) => {
                self.undo.push(last);
                step
            }
            None => step,
        };
        self.undo.push(Rc::new(step));
        if self.undo.len() > DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Undoes the latest step (`redo` false) or redoes the latest undone one, at time `at` — unless
    /// an annotation or entity it would change is no longer the version it left (changed in another
    /// tab since):
    /// that step is dropped, the newer work kept, and the reader told.
    fn undo_redo(&mut self, redo: bool, at: &str) {
        let from = if redo { &mut self.redo } else { &mut self.undo };
        let Some(step) = from.pop() else {
            return;
        };
        if !step.left_in(
            &self.annotations,
            &self.rejected,
            &self.registry,
            &self.settings,
            !redo,
        ) {
            return self.apply_action(Action::Notify(Notice::ChangedElsewhere));
        }
        let (before, graves) = (self.annotations.clone(), self.deleted.clone());
        let refused = self.rejected.clone();
        let mut step = Rc::unwrap_or_clone(step);
        let play = if redo { step.clone() } else { step.inverse() };
        self.replay(&play, at);
        self.date_changes(&before, &graves, &refused);
        self.said = self
            .said
            .next(&step, if redo { Way::Redone } else { Way::Undone });
        // "The verdict holds" or "Not this claim's words" undone: the claim is listed again.
        self.refresh_reworded(step.kind == StepKind::Reattach);
        // A step undone or redone is whole: typing after it is a new step.
        step.coalesce = None;
        if redo { &mut self.undo } else { &mut self.redo }.push(Rc::new(step));
        // What was put back is dated anew (a rejection at `at`): every step that holds it follows
        // (copied only when it holds one).
        let put = Relabels::new(&play, &self.annotations, &self.rejected);
        for step in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            if step.relabels(&put) {
                Rc::make_mut(step).relabel(&put);
            }
        }
        self.outbox.extend(play.elsewhere);
    }

    /// Dates every change since `before`, `graves` and `refused` after what it changes (see
    /// [`date_changes`]); a list this action did not touch is not copied.
    fn date_changes(
        &mut self,
        before: &Rc<Vec<Annotation>>,
        graves: &Rc<Vec<Tombstone>>,
        refused: &Rc<Vec<Rejected>>,
    ) {
        /// The list `now` to date, when this action changed it (it is not `before`'s), else `none`.
        fn changed<'a, T: Clone>(
            before: &Rc<Vec<T>>,
            now: &'a mut Rc<Vec<T>>,
            none: &'a mut Vec<T>,
        ) -> &'a mut Vec<T> {
            match Rc::ptr_eq(before, now) {
                true => none,
                false => Rc::make_mut(now),
            }
        }
        let mut none = (Vec::new(), Vec::new(), Vec::new());
        date_changes(
            (before, graves, refused),
            (
                changed(before, &mut self.annotations, &mut none.0),
                changed(graves, &mut self.deleted, &mut none.1),
                changed(refused, &mut self.rejected, &mut none.2),
            ),
        );
    }

    /// Narrows the open popover to the annotations still here; closes it when none is left (a
    /// popover of annotations does not turn into that of a suggestion beneath them, whose Accept
    /// would take the next key meant for a field that went).
    fn keep_popover_on_present(&mut self) {
        if let Some(p) = &mut self.popover {
            let ids = Index::new(self.annotations.iter().map(|a| a.id.as_str()));
            let had = p.ids.len();
            p.ids.retain(|id| ids.find(id).is_some());
            if p.ids.is_empty() && (had > 0 || p.suggestions.is_empty()) {
                self.popover = None;
            }
        }
    }

    /// Annotations open in the popover that another tab deleted (`gone`, as this tab had them, with
    /// what was typed in them): their deletion becomes this tab's latest step, so that Undo puts
    /// them back as they were here (dated after the deletion, so other tabs take them back too); a
    /// notice says so. (The popover stays on those still here, or closes: the merge's load saw to it.)
    fn deleted_elsewhere(&mut self, gone: Vec<Annotation>) {
        let count = gone.len();
        self.undo.push(Rc::new(Step {
            kind: StepKind::Delete,
            changes: gone.into_iter().map(|a| (Some(a), None)).collect(),
            unrejected: Vec::new(),
            rejected: Vec::new(),
            registry: None,
            settings: None,
            coalesce: None,
            elsewhere: Vec::new(),
        }));
        if self.undo.len() > DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.steps = self.steps.wrapping_add(1);
        for n in &mut self.notices {
            if let Notice::Imported { undoable, .. } | Notice::BackupRestored(_, undoable) = n {
                *undoable = false;
            }
        }
        self.apply_action(Action::Notify(Notice::DeletedElsewhere(count)));
    }

    /// Replays `step` at time `at` (see [`replay`]).
    fn replay(&mut self, step: &Step, at: &str) {
        replay(
            step,
            at,
            Target {
                annotations: Rc::make_mut(&mut self.annotations),
                rejected: Rc::make_mut(&mut self.rejected),
                deleted: Rc::make_mut(&mut self.deleted),
                registry: &mut self.registry,
                settings: &mut self.settings,
            },
        );
        // An open popover stays on what is still there (its form, and what is typed in it, with
        // it); one whose annotations all went closes.
        self.keep_popover_on_present();
        self.pending = None;
        self.reattaching = None;
    }

    fn apply_action(&mut self, action: Action) {
        match action {
            Action::Undo { at } => {
                self.notices.retain(|n| !n.offers_undo());
                self.undo_redo(false, &at);
            }
            Action::Redo { at } => self.undo_redo(true, &at),
            Action::Merged { stored, from, at } => {
                let here = self.work();
                let open: Vec<Annotation> = (self.popover.iter())
                    .flat_map(|p| &p.ids)
                    .filter_map(|id| self.position(id).map(|i| self.annotations[i].clone()))
                    .collect();
                let merged = merge_since(&from, &stored, &here, Instant::MIN, &at);
                self.apply_action(Action::Load(merged));
                // (One whose place — kind and words — another annotation now holds was given another
                // id there, not deleted: a doccano span that took a W3C file's id.)
                let held = |a: &Annotation| {
                    a.place().is_some_and(|p| {
                        self.annotations
                            .iter()
                            .any(|b| b.place() == Some(p.clone()))
                    })
                };
                let gone: Vec<Annotation> = (open.into_iter())
                    .filter(|a| self.position(&a.id).is_none() && !held(a))
                    .collect();
                if !gone.is_empty() {
                    self.deleted_elsewhere(gone);
                }
            }
            Action::Load(stored) => {
                self.put_work(stored);
                // Another tab decided on a listed claim: it is no longer listed here either.
                self.refresh_reworded(false);
                self.loads = self.loads.wrapping_add(1);
                // Typing after another tab's change starts a new step (its undo stops there).
                self.end_typing();
                // A popover of annotations another tab deleted closes.
                self.keep_popover_on_present();
            }
            Action::Restore {
                backup,
                now,
                others,
            } => {
                let current = self.work();
                let (merged, here) = restore_into(&current, &backup, &now, Instant::MIN);
                self.put_work(merged);
                self.popover = None;
                self.apply_action(Action::Notify(Notice::BackupRestored(
                    others.and(here),
                    false,
                )));
            }
            Action::AddMany(annotations) => {
                let all = Rc::make_mut(&mut self.annotations);
                all.extend(annotations);
                sort_by(all, Annotation::reading_order);
                self.popover = None;
            }
            Action::Reject(rejected) => {
                if !self.rejected.contains(&rejected) {
                    Rc::make_mut(&mut self.rejected).push(rejected);
                }
                self.popover = None;
            }
            Action::SetRegistry(registry) | Action::FollowRegistry(registry) => {
                self.registry = registry
            }
            Action::SetSettings(settings) | Action::FollowSettings(settings) => {
                self.settings = settings
            }
            Action::DeleteEntity {
                id,
                replacement,
                modified,
                ..
            } => {
                if (self.annotations.iter()).any(|a| matches!(&a.kind, Kind::Entity(e) if *e == id))
                {
                    retag_entity(
                        Rc::make_mut(&mut self.annotations),
                        Rc::make_mut(&mut self.deleted),
                        &id,
                        replacement.as_ref(),
                        &modified,
                    );
                }
                if self.rejected.iter().any(|r| r.entity == id) {
                    Rc::make_mut(&mut self.rejected).retain(|r| r.entity != id);
                }
                self.registry = Rc::new(
                    self.registry
                        .iter()
                        .filter(|e| e.id != id)
                        .cloned()
                        .collect(),
                );
                if self.filter == Filter::Entity(id) {
                    self.filter = Filter::All;
                }
                self.popover = None;
            }
            Action::Add(annotation) => {
                let at = self
                    .annotations
                    .partition_point(|a| Annotation::reading_order(a, &annotation).is_le());
                Rc::make_mut(&mut self.annotations).insert(at, annotation);
                self.pending = None;
            }
            Action::SetKind { id, kind, modified } => {
                let Some(at) = self
                    .position(&id)
                    .filter(|&i| self.annotations[i].kind != kind)
                else {
                    return;
                };
                let all = Rc::make_mut(&mut self.annotations);
                let was = all[at].clone();
                all[at].kind = kind;
                all[at].modified = modified.clone();
                if all[at].kind == Kind::Claim {
                    name_claimants(all, &[was], &modified);
                }
            }
            Action::SetClaim {
                id,
                claim,
                field,
                modified,
            } => {
                // Only the field that changed is taken: the form sends its whole copy of the
                // details, which may predate a change just made to another field. Only a claim's
                // (a form closing as its claim was retagged sends nothing to keep).
                let at = self.position(&id);
                if let Some(a) = at
                    .and_then(|i| self.annotations.get(i))
                    .filter(|a| a.kind == Kind::Claim)
                {
                    let mut next = a.claim.clone();
                    match field {
                        ClaimField::Verdict => {
                            if claim.verdict != next.verdict {
                                next.verdict_at = claim.verdict.as_ref().map(|_| modified.clone());
                            }
                            next.verdict = claim.verdict;
                        }
                        ClaimField::Status => next.status = claim.status,
                        ClaimField::Claimant | ClaimField::Attribution => {
                            next.claimant = claim.claimant
                        }
                        ClaimField::Evidence => {
                            next.evidence = claim.evidence;
                            next.cut_evidence();
                        }
                        ClaimField::Date => next.date = claim.date,
                        ClaimField::CheckWorthy => next.check_worthy = claim.check_worthy,
                        ClaimField::Review => next.review = claim.review,
                    }
                    if a.claim != next {
                        self.change(at, |a| {
                            a.claim = next;
                            a.modified = modified;
                        });
                    }
                }
            }
            Action::SetNote { id, note, modified } => {
                // A note longer than any stored entry may hold is cut (a longer one would make the
                // whole entry unusable on the next load).
                let note = match note.char_indices().nth(MAX_NOTE) {
                    Some((cut, _)) => note[..cut].to_string(),
                    None => note,
                };
                let at = self.position(&id);
                if at.is_some_and(|i| self.annotations[i].note != note) {
                    self.change(at, |a| {
                        a.note = note;
                        a.modified = modified;
                    });
                }
            }
            Action::Delete { id, at } => {
                if let Some(i) = self.position(&id) {
                    let all = Rc::make_mut(&mut self.annotations);
                    let gone = all.remove(i);
                    unlink_claimants(all, &[id.as_str()], &at);
                    let graves = Tombstone::of(&[&gone], &at);
                    Tombstone::bury(Rc::make_mut(&mut self.deleted), graves);
                }
                if self.reattaching.as_deref() == Some(id.as_str()) {
                    self.reattaching = None;
                }
                if let Some(p) = &mut self.popover {
                    p.ids.retain(|i| *i != id);
                    if p.ids.is_empty() {
                        self.popover = None;
                    }
                }
            }
            Action::SetFilter(filter) => self.filter = filter,
            Action::SetPending(pending) => {
                if pending.is_some() {
                    self.popover = None;
                }
                self.pending = pending;
            }
            Action::SetPopover(popover) => {
                if popover.is_some() {
                    self.pending = None;
                }
                self.popover = popover;
                // Typing after the popover opened or closed again is a new step.
                self.end_typing();
            }
            Action::Import(mut parsed) => {
                let (anchored, orphaned) = (parsed.anchored(), parsed.orphaned());
                let (here, differing, deleted_here) = if parsed.by_span {
                    same_spans(&self.annotations, &mut parsed.annotations, &self.deleted)
                } else {
                    (0, 0, 0)
                };
                let renamed = if parsed.by_span {
                    0
                } else {
                    rename_colliding(&self.annotations, &mut parsed)
                };
                let adopted = if parsed.by_span {
                    Vec::new()
                } else {
                    adopted_ids(&self.annotations, &parsed.annotations)
                };
                if !adopted.is_empty() {
                    let olds = Index::new(adopted.iter().map(|(old, ..)| old.as_str()));
                    for a in Rc::make_mut(&mut self.annotations) {
                        if let Some((_, new, _)) = olds.find(&a.id).and_then(|i| adopted.get(i)) {
                            a.id.clone_from(new);
                        }
                    }
                    let graves = adopted.iter().map(|(old, _, ends)| Tombstone {
                        id: old.clone(),
                        deleted: ends.clone(),
                    });
                    Tombstone::bury(Rc::make_mut(&mut self.deleted), graves.collect());
                }
                let all = Rc::make_mut(&mut self.annotations);
                let mut merged = merge(all, parsed.annotations, &self.deleted, &parsed.capped);
                merged.kept += here;
                merged.differing += differing;
                merged.deleted_here += deleted_here;
                merged.renamed = renamed;
                sort_by(all, Annotation::reading_order);
                // The file's claims found in other words, of those it brought in (not one kept here).
                let here = (!parsed.reworded.is_empty())
                    .then(|| Index::new(all.iter().map(|a| a.id.as_str())));
                let reworded: Vec<Reworded> = parsed
                    .reworded
                    .into_iter()
                    .filter(|(r, imported)| {
                        here.as_ref()
                            .and_then(|h| h.find(&r.id))
                            .and_then(|i| all.get(i))
                            == Some(imported)
                    })
                    .map(|(r, _)| r)
                    .collect();
                let rejected = Rc::new(parsed.rejected);
                self.apply(Action::Notify(Notice::Imported {
                    anchored,
                    orphaned,
                    rejected,
                    merged,
                    undated: parsed.undated,
                    links_left_out: parsed.links_left_out,
                    undoable: false,
                }));
                if !reworded.is_empty() {
                    let count = reworded.len();
                    let listed = reworded.into_iter().take(REWORDED_LISTED).collect();
                    self.apply(Action::Notify(Notice::Reworded(count, Rc::new(listed))));
                }
            }
            Action::SetReattaching(id) => {
                self.reattaching = id;
                self.popover = None;
            }
            Action::Reattach {
                id,
                selectors,
                modified,
            } => {
                // Placed by hand: the reader chose its words.
                self.repoint(&id, modified, |a| {
                    a.attach(selectors);
                    a.keep_words();
                });
                self.reattaching = None;
                self.pending = None;
                self.unlist_reworded(&id);
            }
            Action::Detach { id, was, modified } => {
                self.repoint(&id, modified, |a| a.detach(was));
                self.unlist_reworded(&id);
            }
            Action::KeepWords { id, modified } => {
                self.repoint(&id, modified, Annotation::keep_words);
                self.unlist_reworded(&id);
            }
            Action::Notify(notice) => {
                // A new result of an export, import or open replaces the previous one; so does a new
                // undoable change.
                if notice.is_done() {
                    self.notices.retain(|n| !n.is_done());
                }
                let replaced = |n: &Notice| {
                    matches!(
                        n,
                        Notice::Exported(_)
                            | Notice::Imported { .. }
                            | Notice::ImportFailed(_)
                            | Notice::OpenFailed(_)
                    ) && matches!(
                        notice,
                        Notice::Exported(_)
                            | Notice::Imported { .. }
                            | Notice::ImportFailed(_)
                            | Notice::OpenFailed(_)
                    )
                };
                self.notices.retain(|n| !replaced(n));
                if !self.notices.contains(&notice) {
                    self.notices.push(notice);
                }
            }
            Action::Sent => self.outbox.clear(),
            Action::Withdraw(notice) => self.notices.retain(|n| *n != notice),
            Action::Dismiss(index) => {
                if index < self.notices.len() {
                    self.notices.remove(index);
                }
            }
        }
    }

    /// The annotation with this id.
    pub fn get(&self, id: &str) -> Option<&Annotation> {
        self.annotations.iter().find(|a| a.id == id)
    }

    /// Where the annotation with this id is in [`State::annotations`].
    /// Points annotation `id` elsewhere with `to` (re-attached, or detached), dated `modified`, and
    /// keeps the list in reading order.
    fn repoint(&mut self, id: &str, modified: String, to: impl FnOnce(&mut Annotation)) {
        let at = self.position(id);
        if at.is_some() {
            self.change(at, |a| {
                to(a);
                a.modified = modified;
            });
            let all: &mut Vec<Annotation> = Rc::make_mut(&mut self.annotations);
            sort_by(all, Annotation::reading_order);
        }
    }

    /// Lists again, in the warning of claims found in other words, those not decided on now (see
    /// [`still_reworded`]): the warning goes when there are none, and comes when `show` and there
    /// are some.
    fn refresh_reworded(&mut self, show: bool) {
        let (count, listed) = still_reworded(&self.annotations);
        let shown = self
            .notices
            .iter()
            .any(|n| matches!(n, Notice::Reworded(..)));
        if count == 0 {
            self.notices.retain(|n| !matches!(n, Notice::Reworded(..)));
        } else if shown || show {
            self.notices.retain(|n| !matches!(n, Notice::Reworded(..)));
            self.notices.push(Notice::Reworded(count, Rc::new(listed)));
        }
    }

    /// Takes claim `id` off the warning that lists claims found in other words (and the warning
    /// away when it lists none).
    fn unlist_reworded(&mut self, id: &str) {
        for notice in &mut self.notices {
            if let Notice::Reworded(count, listed) = notice {
                if listed.iter().any(|r| r.id == id) {
                    *count -= 1;
                    *listed = Rc::new(listed.iter().filter(|r| r.id != id).cloned().collect());
                }
            }
        }
        self.notices
            .retain(|n| !matches!(n, Notice::Reworded(0, _)));
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.annotations.iter().position(|a| a.id == id)
    }

    /// Changes the annotation at `at` (the list is copied first when a snapshot shares it).
    fn change(&mut self, at: Option<usize>, f: impl FnOnce(&mut Annotation)) {
        if let Some(a) = at.and_then(|i| Rc::make_mut(&mut self.annotations).get_mut(i)) {
            f(a);
        }
    }

    /// Shows `stored`'s annotations (in reading order), rejections and tombstones.
    fn put_work(&mut self, stored: Stored) {
        let mut annotations = stored.annotations;
        sort_by(&mut annotations, Annotation::reading_order);
        self.annotations = Rc::new(annotations);
        self.rejected = Rc::new(stored.rejected);
        self.deleted = Rc::new(stored.deleted);
    }

    /// Typing after this starts a new step: the latest step takes no more.
    fn end_typing(&mut self) {
        if let Some(last) = self.undo.last_mut().filter(|s| s.coalesce.is_some()) {
            Rc::make_mut(last).coalesce = None;
        }
    }
}

/// Claims attributed to one of the `removed` entity annotations lose that claimant (at time `at`): a
/// link to an annotation that is gone goes with it (and Undo brings both back).
pub fn unlink_claimants(annotations: &mut [Annotation], removed: &[&str], at: &str) {
    for a in annotations.iter_mut() {
        let linked =
            matches!(&a.claim.claimant, Some(Claimant::Entity(e)) if removed.contains(&e.as_str()));
        if linked {
            a.claim.claimant = None;
            a.modified = at.to_string();
        }
    }
}

/// Claims attributed to one of the entity annotations `retagged` as claims are attributed instead to
/// that tag's words, as a typed name (at time `at`): an attribution must name an entity tag, and the
/// name says who it was.
pub fn name_claimants(annotations: &mut [Annotation], retagged: &[Annotation], at: &str) {
    for a in annotations.iter_mut() {
        let Some(Claimant::Entity(e)) = &a.claim.claimant else {
            continue;
        };
        if let Some(tag) = retagged.iter().find(|t| t.id == *e) {
            a.claim.claimant = Some(Claimant::Named {
                name: tag.target.exact.clone(),
                wikidata: None,
            });
            a.modified = at.to_string();
        }
    }
}

/// Retags every tag of entity `id` as `replacement` (at time `modified`), or deletes them when there
/// is no replacement (each leaving a tombstone in `deleted`). Returns whether anything changed.
pub fn retag_entity(
    annotations: &mut Vec<Annotation>,
    deleted: &mut Vec<Tombstone>,
    id: &str,
    replacement: Option<&Kind>,
    modified: &str,
) -> bool {
    let uses = |a: &Annotation| matches!(&a.kind, Kind::Entity(e) if e == id);
    let before = annotations.len();
    match replacement {
        Some(kind) => {
            let retagged: Vec<Annotation> =
                annotations.iter().filter(|a| uses(a)).cloned().collect();
            for a in annotations.iter_mut().filter(|a| uses(a)) {
                a.kind = kind.clone();
                a.modified = modified.to_string();
            }
            if *kind == Kind::Claim {
                name_claimants(annotations, &retagged, modified);
            }
            !retagged.is_empty()
        }
        None => {
            let gone: Vec<String> = annotations
                .iter()
                .filter(|a| uses(a))
                .map(|a| a.id.clone())
                .collect();
            let graves: Vec<&Annotation> = annotations.iter().filter(|a| uses(a)).collect();
            Tombstone::bury(deleted, Tombstone::of(&graves, modified));
            annotations.retain(|a| !uses(a));
            let gone: Vec<&str> = gone.iter().map(String::as_str).collect();
            unlink_claimants(annotations, &gone, modified);
            annotations.len() != before
        }
    }
}
