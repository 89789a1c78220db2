//! The widget's state and the one reducer every change goes through.

use crate::core::anchoring::selectors::TextSelector;
use crate::core::annotations::model::{Annotation, Kind};
use crate::core::entities::registry::Entity;
use crate::core::entities::suggestions::Rejected;
use crate::core::storage::entry::Stored;
use crate::core::text::span::Span;
use crate::core::w3c::import::{merge, Merged, Parsed, Rejection};
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
}

impl Filter {
    /// Whether `annotation` passes the filter.
    pub fn accepts(&self, annotation: &Annotation) -> bool {
        match (self, &annotation.kind) {
            (Filter::All, _) | (Filter::Claims, Kind::Claim) => true,
            (Filter::Entity(want), Kind::Entity(id)) => want == id,
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
}

/// A message shown to the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// localStorage cannot be used: annotations live only as long as the tab.
    StorageUnavailable,
    /// The stored entry was unusable; it was kept under `backup_key` and Hamish started clean.
    StoredEntryBackedUp { reason: String, backup_key: String },
    /// The stored entry was unusable and could not be backed up: saving is off so it is not overwritten.
    StoredEntryKept { reason: String },
    /// Writing to storage failed (e.g. quota): the change is kept in this tab only.
    SaveFailed,
    /// The last export held this many annotations.
    Exported(usize),
    /// The article changed since it was annotated: `moved` annotations followed their text,
    /// `orphaned` could not be found.
    Reanchored { moved: usize, orphaned: usize },
    /// An import went through.
    Imported {
        anchored: usize,
        orphaned: usize,
        rejected: Vec<Rejection>,
        merged: Merged,
    },
    /// An import was refused as a whole; nothing changed.
    ImportFailed(String),
    /// The article asked for could not be loaded; the bundled one is shown.
    LoadFailed(String),
    /// An article the reader asked for could not be opened; the current one stays.
    OpenFailed(String),
    /// The browser cannot draw highlights inside a host page (no CSS Custom Highlight API).
    HighlightsUnsupported,
}

/// Everything the widget shows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct State {
    /// The article's annotations, kept in reading order.
    pub annotations: Vec<Annotation>,
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
    pub rejected: Vec<Rejected>,
    /// The entities a reader can tag: the defaults, then the reader's own.
    pub registry: Rc<Vec<Entity>>,
    /// How many times the annotations were replaced from storage (on start, or from another tab):
    /// changes that come this way were made, and announced, elsewhere.
    pub loads: u32,
}

/// Every change to [`State`].
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Replaces all annotations and rejections (after loading from storage).
    Load(Stored),
    /// Adds a new annotation and clears the pending selection.
    Add(Annotation),
    /// Adds several annotations (accepted suggestions).
    AddMany(Vec<Annotation>),
    /// Rejects a suggestion.
    Reject(Rejected),
    /// Replaces the entity registry.
    SetRegistry(Rc<Vec<Entity>>),
    /// Removes an entity from the registry; its tags are retagged as `replacement`, or deleted when
    /// there is none.
    DeleteEntity {
        id: String,
        replacement: Option<Kind>,
        modified: String,
    },
    /// Changes an annotation's tag.
    SetKind {
        id: String,
        kind: Kind,
        modified: String,
    },
    /// Changes an annotation's note.
    SetNote {
        id: String,
        note: String,
        modified: String,
    },
    /// Deletes an annotation (and drops it from the popover).
    Delete(String),
    /// Sets the panel's filter.
    SetFilter(Filter),
    /// Shows the toolbar for a selection, or hides it (`None`).
    SetPending(Option<Pending>),
    /// Opens the popover, or closes it (`None`).
    SetPopover(Option<Popover>),
    /// Shows a notice (once: an equal notice already shown is not repeated).
    Notify(Notice),
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
}

impl State {
    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Load(stored) => {
                self.annotations = stored.annotations;
                self.annotations.sort_by(Annotation::reading_order);
                self.rejected = stored.rejected;
                self.loads = self.loads.wrapping_add(1);
            }
            Action::AddMany(annotations) => {
                self.annotations.extend(annotations);
                self.annotations.sort_by(Annotation::reading_order);
                self.popover = None;
            }
            Action::Reject(rejected) => {
                if !self.rejected.contains(&rejected) {
                    self.rejected.push(rejected);
                }
                self.popover = None;
            }
            Action::SetRegistry(registry) => self.registry = registry,
            Action::DeleteEntity {
                id,
                replacement,
                modified,
            } => {
                retag_entity(&mut self.annotations, &id, replacement.as_ref(), &modified);
                self.rejected.retain(|r| r.entity != id);
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
                self.annotations.insert(at, annotation);
                self.pending = None;
            }
            Action::SetKind { id, kind, modified } => {
                if let Some(a) = self.annotations.iter_mut().find(|a| a.id == id) {
                    if a.kind != kind {
                        a.kind = kind;
                        a.modified = modified;
                    }
                }
            }
            Action::SetNote { id, note, modified } => {
                if let Some(a) = self.annotations.iter_mut().find(|a| a.id == id) {
                    if a.note != note {
                        a.note = note;
                        a.modified = modified;
                    }
                }
            }
            Action::Delete(id) => {
                self.annotations.retain(|a| a.id != id);
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
            }
            Action::Import(parsed) => {
                let (anchored, orphaned) = (parsed.anchored(), parsed.orphaned());
                let merged = merge(&mut self.annotations, parsed.annotations);
                self.annotations.sort_by(Annotation::reading_order);
                let rejected = parsed.rejected;
                self.apply(Action::Notify(Notice::Imported {
                    anchored,
                    orphaned,
                    rejected,
                    merged,
                }));
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
                if let Some(a) = self.annotations.iter_mut().find(|a| a.id == id) {
                    a.attach(selectors);
                    a.modified = modified;
                }
                self.annotations.sort_by(Annotation::reading_order);
                self.reattaching = None;
                self.pending = None;
            }
            Action::Notify(notice) => {
                // A new result of an export, import or open replaces the previous one.
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
}

/// Retags every tag of entity `id` as `replacement` (at time `modified`), or deletes them when there
/// is no replacement. Returns whether anything changed.
pub fn retag_entity(
    annotations: &mut Vec<Annotation>,
    id: &str,
    replacement: Option<&Kind>,
    modified: &str,
) -> bool {
    let uses = |a: &Annotation| matches!(&a.kind, Kind::Entity(e) if e == id);
    let before = annotations.len();
    match replacement {
        Some(kind) => {
            let mut changed = false;
            for a in annotations.iter_mut().filter(|a| uses(a)) {
                a.kind = kind.clone();
                a.modified = modified.to_string();
                changed = true;
            }
            changed
        }
        None => {
            annotations.retain(|a| !uses(a));
            annotations.len() != before
        }
    }
}
