//! What every Hamish widget shares, on its own page or embedded in a news site: the reducer and the
//! article's store (loaded, re-anchored, saved, kept in step with other tabs), the entity suggestions,
//! and the callbacks that edit annotations.

use crate::core::anchoring::selectors::describe;
use crate::core::annotations::model::{Annotation, Kind};
use crate::core::annotations::reattach::{reattach_stored, Reworded};
use crate::core::annotations::state::{Action, ClaimField, Filter, Notice, State};
use crate::core::claims::claim::ClaimDetails;
use crate::core::claims::settings::{Reviewer, Settings};
use crate::core::claims::verdicts::Scale;
use crate::core::entities::mentions::Matcher;
use crate::core::entities::registry::Entity;
use crate::core::entities::suggestions::{accepted, pending, Suggestion};
use crate::core::exchange::{self, Export, Format};
use crate::core::storage::backup::is_backup;
use crate::core::storage::entry::Stored;
use crate::core::storage::keys::{ENTITIES_KEY, SETTINGS_KEY};
use crate::core::text::article::Article;
use crate::core::w3c::export::export_collection;
use crate::core::w3c::import;
use crate::i18n::Lang;
use crate::ui::reader_input::{Command, Latest};
use crate::ui::reducer::make_callback;
use crate::web::storage::AnnotationStore;
use crate::web::{backup, clock, download, library, registry_store, selection, unsaved};
use gloo::file::callbacks::FileReader;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// An entry this long (characters) is saved once the reader pauses for [`SAVE_PAUSE_MS`] rather than
/// on every change: writing it takes tens of milliseconds.
const LARGE_ENTRY: usize = 200_000;

/// The pause before a large entry is saved, in milliseconds.
const SAVE_PAUSE_MS: u32 = 400;

/// The files the Import input offers: W3C JSON(-LD), Hypothesis JSON, doccano JSONL.
pub const IMPORT_ACCEPT: &str =
    ".json,.jsonld,.jsonl,application/json,application/ld+json,application/jsonl,application/x-ndjson";

/// What a widget starts from.
#[derive(Clone)]
pub struct Setup {
    /// The article to annotate.
    pub article: Rc<Article>,
    /// The entities a reader can tag when the widget starts.
    pub registry: Rc<Vec<Entity>>,
    /// The storage namespace (see [`crate::core::storage::keys::entry_key_in`]).
    pub namespace: String,
    /// Notices to show from the start (e.g. a failed article load).
    pub notices: Vec<Notice>,
    /// Whether the registry (and the settings) follow the reader's own when another tab changes them.
    pub follow_registry: bool,
    /// Called with the number of annotations whenever they are saved.
    pub on_saved: Callback<usize, bool>,
    /// Reads the fact-checking settings the widget starts with (the standalone page's stored ones).
    pub load_settings: fn() -> Settings,
}

/// The callbacks that change annotations, for the toolbar, popover and panel.
#[derive(Clone, PartialEq)]
pub struct Edits {
    /// Annotation id and its new note.
    pub on_note: Callback<(String, String)>,
    /// Annotation id and its new kind.
    pub on_kind: Callback<(String, Kind)>,
    /// Id of an annotation to delete.
    pub on_delete: Callback<String>,
    /// The panel's new filter.
    pub on_filter: Callback<Filter>,
    /// Starts (`Some(id)`) or stops re-attaching an orphan.
    pub on_reattach: Callback<Option<String>>,
    /// Key of a suggestion to accept.
    pub on_accept: Callback<String>,
    /// Entity whose suggestions to accept, all of them.
    pub on_accept_all: Callback<String>,
    /// Key of a suggestion to reject.
    pub on_reject: Callback<String>,
    /// A key press or button on the pending selection.
    pub on_command: Callback<Command>,
    /// A claim's id, its new details and what changed.
    pub on_claim: Callback<(String, ClaimDetails, ClaimField)>,
    /// Shows a notice.
    pub on_notice: Callback<Notice>,
    /// Undoes the latest change.
    pub on_undo: Callback<()>,
    /// Redoes the latest undone change.
    pub on_redo: Callback<()>,
    /// Puts a claim the article's edit moved back on the words checked, as an orphan.
    pub on_detach: Callback<Reworded>,
    /// Keeps a claim the article's edit moved on the words it is on now (its verdict holds).
    pub on_keep_words: Callback<String>,
}

/// A widget's state and what changes it.
pub struct Annotator {
    /// The reducer.
    pub state: UseReducerHandle<State>,
    /// The article's store and the notices opening it gave.
    pub store: Rc<(AnnotationStore, Vec<Notice>)>,
    /// Mentions not yet tagged or rejected.
    pub suggestions: Rc<Vec<Suggestion>>,
    /// What the document listeners read of the state.
    pub latest: Rc<RefCell<Latest>>,
    /// Tags (or re-attaches) the pending selection.
    pub command: Rc<dyn Fn(Command)>,
    /// The editing callbacks.
    pub edits: Edits,
    /// Downloads the annotations as W3C JSON.
    pub on_export: Callback<MouseEvent>,
    /// The `change` handler of an import file input.
    pub on_import: Callback<Event>,
}

/// The starting state: the stored annotations, re-attached to the article's current text.
fn initial_state(store: &AnnotationStore, open_notices: &[Notice], setup: &Setup) -> State {
    let (mut stored, load_notices) = store.load(&clock::now_iso());
    let summary = reattach_stored(&setup.article.text, &mut stored);
    let mut state = State {
        registry: setup.registry.clone(),
        settings: (setup.load_settings)(),
        ..State::default()
    };
    state.apply(Action::Load(stored));
    for notice in setup
        .notices
        .iter()
        .chain(open_notices)
        .chain(&load_notices)
    {
        state.apply(Action::Notify(notice.clone()));
    }
    // Another article's work no save could write is still only in this page: the alert stays.
    if unsaved::any() {
        state.apply(Action::Notify(Notice::SaveFailed));
    }
    if summary.moved + summary.orphaned > 0 {
        state.apply(Action::Notify(Notice::Reanchored {
            moved: summary.moved,
            orphaned: summary.orphaned,
        }));
    }
    let (reworded, listed) = summary.reworded;
    if reworded > 0 {
        state.apply(Action::Notify(Notice::Reworded(reworded, Rc::new(listed))));
    }
    state
}

/// The state of a widget annotating `setup.article`, saved as it changes.
#[hook]
pub fn use_annotator(setup: &Setup) -> Annotator {
    let article = setup.article.clone();
    let store = use_memo(
        (setup.namespace.clone(), article.id.clone()),
        |(namespace, id)| AnnotationStore::open_in(namespace, id),
    );
    let state = use_reducer(|| initial_state(&store.0, &store.1, setup));
    // Listeners registered once read the article through this (an embedded article can be re-read).
    let current = use_mut_ref(|| article.clone());
    *current.borrow_mut() = article.clone();
    let latest = use_mut_ref(Latest::default);
    *latest.borrow_mut() = Latest::of(&state);
    // Finding mentions runs only when the article or the registry changes, never on a selection.
    let mentions = use_memo(
        (article.clone(), state.registry.clone()),
        |(article, registry)| Matcher::new(registry).find(&article.text),
    );
    let suggestions = use_memo(
        (
            mentions.clone(),
            state.annotations.clone(),
            state.rejected.clone(),
        ),
        |(mentions, annotations, rejected)| pending(mentions, annotations, rejected),
    );
    // What a save writes (shared with the state: comparing it is cheap when nothing changed).
    let work = (
        state.annotations.clone(),
        state.rejected.clone(),
        state.deleted.clone(),
    );
    // Saves this tab's version merged with what other tabs stored; shows what they changed.
    let sync: Rc<dyn Fn()> = {
        let dispatcher = state.dispatcher();
        let store = store.clone();
        let current = current.clone();
        let on_saved = setup.on_saved.clone();
        // The reducer's state as it is now, not as last drawn: a change dispatched as the page is
        // left (a typed link added on `pagehide`) is saved even when yew puts off the effects of
        // that draw past the page's end (its scheduler yields after 16 ms of work).
        let latest_state = state.clone();
        Rc::new(move || {
            let ours = latest_state.work();
            if !ours.annotations.is_empty() {
                library::ask_to_persist();
            }
            // Stored article texts (a convenience) make room for annotations.
            let make_room = || library::evict_oldest_text(&current.borrow().id);
            let now = clock::now_iso();
            let saved = store.0.sync(&ours, &now, &make_room);
            // Work no save could write (storage full, saving paused) is kept for the page's life.
            store
                .0
                .mark_unsaved(saved.is_err() && ours != Stored::default(), &ours, &now);
            match saved {
                Ok(merged) => {
                    // The alert stays while the entity list or another article's work is unsaved.
                    if !registry_store::unsaved() && !unsaved::any() {
                        dispatcher.dispatch(Action::Withdraw(Notice::SaveFailed));
                    }
                    let count = merged.as_ref().unwrap_or(&ours).annotations.len();
                    if !on_saved.emit(count) && count > 0 {
                        dispatcher.dispatch(Action::Notify(Notice::TextNotKept));
                    }
                    if let Some(mut merged) = merged {
                        // Merged into the state at once (the reducer runs on dispatch), so a second
                        // save before it is drawn (pagehide, then visibilitychange) writes it too.
                        reattach_stored(&current.borrow().text, &mut merged);
                        dispatcher.dispatch(Action::Merged {
                            stored: merged,
                            from: ours.clone(),
                            at: now.clone(),
                        });
                    }
                }
                Err(notice) => dispatcher.dispatch(Action::Notify(notice)),
            }
        })
    };
    {
        // A large entry (thousands of annotations) is saved once the reader pauses, not on every
        // keystroke of a note; leaving or hiding the page saves at once.
        let waiting = use_mut_ref(|| None::<Timeout>);
        {
            // A save still waiting when the widget goes (another article opened) is made at once.
            let (waiting, sync) = (waiting.clone(), sync.clone());
            use_effect_with((), move |_| {
                move || {
                    if waiting.borrow_mut().take().is_some() {
                        sync();
                    }
                }
            });
        }
        let sync = sync.clone();
        let store = store.clone();
        use_effect_with(work, move |_| {
            if store.0.stored_len() < LARGE_ENTRY {
                waiting.borrow_mut().take();
                sync();
            } else {
                *waiting.borrow_mut() = Some(Timeout::new(SAVE_PAUSE_MS, move || sync()));
            }
        });
    }
    {
        // An entity deletion undone or redone: its changes in other stored articles are replayed there,
        // except on annotations changed there since (the reader is told).
        let dispatcher = state.dispatcher();
        use_effect_with(state.outbox.clone(), move |outbox| {
            if !outbox.is_empty() {
                let at = clock::now_iso();
                let mut left = false;
                for (article, step) in outbox {
                    left |= registry_store::replay_in(article, step, &at);
                }
                dispatcher.dispatch(Action::Sent);
                if left {
                    dispatcher.dispatch(Action::Notify(Notice::KeptElsewhere));
                }
            }
        });
    }
    // Restores a backup file: other articles in storage, this one as an undoable step; then the
    // reader's entities and settings.
    let restore: Rc<dyn Fn(&str)> = {
        let dispatcher = state.dispatcher();
        let (store, current, latest) = (store.clone(), current.clone(), latest.clone());
        let (follow_registry, load_settings) = (setup.follow_registry, setup.load_settings);
        Rc::new(move |text| {
            let now = clock::now_iso();
            match backup::import_all(text, &now, &store.0.key()) {
                Ok((others, mut here)) => {
                    reattach_stored(&current.borrow().text, &mut here);
                    dispatcher.dispatch(Action::Restore {
                        backup: here,
                        now,
                        others,
                    });
                    if follow_registry {
                        // The entities it added are stored already: shown, not a step of their
                        // own (the restore is the one step, and its notice offers Undo); an entity
                        // list of this page's that could not be saved stays, merged with them.
                        let shown = latest.borrow().registry.clone();
                        if let Some(list) = registry_store::follow(&shown) {
                            dispatcher.dispatch(Action::FollowRegistry(Rc::new(list)));
                        }
                        // Settings the backup wrote where there were none.
                        dispatcher.dispatch(Action::FollowSettings(load_settings()));
                    }
                }
                Err(error) => dispatcher.dispatch(Action::Notify(Notice::BackupFailed(error))),
            }
        })
    };
    {
        // Another tab of this browser changed this article's annotations (or the reader's entities),
        // or this tab comes back from the background or the back/forward cache: merge what is stored.
        let dispatcher = state.dispatcher();
        let (store, latest) = (store.clone(), latest.clone());
        let (follow_registry, load_settings) = (setup.follow_registry, setup.load_settings);
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let settings_dispatcher = dispatcher.clone();
            // The entity list as stored, shown when it differs from this tab's: on another tab's
            // change, and when this tab comes back (it may have missed that change in the background).
            let follow: Rc<dyn Fn()> = Rc::new(move || {
                if follow_registry {
                    let followed = registry_store::follow(&latest.borrow().registry);
                    if let Some(stored) = followed {
                        dispatcher.dispatch(Action::FollowRegistry(Rc::new(stored)));
                    }
                }
            });
            let on_storage = {
                let (sync, follow) = (sync.clone(), follow.clone());
                let dispatcher = settings_dispatcher;
                gloo::events::EventListener::new(&window, "storage", move |e| {
                    let Some(e) = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(e) else {
                        return;
                    };
                    let key = e.key();
                    if key.as_deref() == Some(store.0.key().as_str()) {
                        sync();
                    } else if key.as_deref() == Some(ENTITIES_KEY) {
                        follow();
                    } else if follow_registry && key.as_deref() == Some(SETTINGS_KEY) {
                        // Another tab saved its settings: shown here, and an undo here of an
                        // earlier save is refused rather than writing over them.
                        dispatcher.dispatch(Action::FollowSettings(load_settings()));
                    }
                })
            };
            let again = |target: &web_sys::EventTarget, name: &'static str| {
                let (sync, follow) = (sync.clone(), follow.clone());
                gloo::events::EventListener::new(target, name, move |_| {
                    sync();
                    follow();
                })
            };
            let document = gloo::utils::document();
            let listeners = [
                on_storage,
                again(&window, "pageshow"),
                again(&window, "pagehide"),
                again(&window, "focus"),
                again(&document, "visibilitychange"),
            ];
            move || drop(listeners)
        });
    }
    let command: Rc<dyn Fn(Command)> =
        {
            let dispatcher = state.dispatcher();
            let current = current.clone();
            let latest = latest.clone();
            Rc::new(move |command: Command| {
                let now = latest.borrow().clone();
                let Some(pending) = now.pending else { return };
                let selectors = describe(&current.borrow().text, pending.span);
                let modified = clock::now_iso();
                match (command, now.reattaching) {
                    (Command::Attach, Some(id)) => dispatcher.dispatch(Action::Reattach {
                        id,
                        selectors,
                        modified,
                    }),
                    (Command::Tag(kind), None) => dispatcher.dispatch(Action::Add(
                        Annotation::new(clock::new_urn(), kind, selectors, &modified),
                    )),
                    _ => return,
                }
                // The same key again before this is drawn does not tag the same words twice.
                latest.borrow_mut().pending = None;
                selection::clear();
            })
        };
    let edits = use_edits(&state, &article, &suggestions, command.clone());
    let on_export = {
        let dispatcher = state.dispatcher();
        let annotations = state.annotations.clone();
        let article = article.clone();
        let registry = state.registry.clone();
        Callback::from(move |_| export_download(&dispatcher, &annotations, &article, &registry))
    };
    let on_import = use_import_file(
        state.dispatcher(),
        article.clone(),
        state.registry.clone(),
        restore,
    );
    Annotator {
        state,
        store,
        suggestions,
        latest,
        command,
        edits,
        on_export,
        on_import,
    }
}

/// The editing callbacks of [`Edits`]; those the article view takes are stable between selections.
#[hook]
fn use_edits(
    state: &UseReducerHandle<State>,
    article: &Rc<Article>,
    suggestions: &Rc<Vec<Suggestion>>,
    command: Rc<dyn Fn(Command)>,
) -> Edits {
    let dispatcher = state.dispatcher();
    let on_note = make_callback(&dispatcher, |(id, note)| Action::SetNote {
        id,
        note,
        modified: clock::now_iso(),
    });
    let on_kind = make_callback(&dispatcher, |(id, kind)| Action::SetKind {
        id,
        kind,
        modified: clock::now_iso(),
    });
    let on_delete = make_callback(&dispatcher, |id| Action::Delete {
        id,
        at: clock::now_iso(),
    });
    let on_claim = make_callback(&dispatcher, |(id, claim, field)| Action::SetClaim {
        id,
        claim,
        field,
        modified: clock::now_iso(),
    });
    let on_notice = make_callback(&dispatcher, Action::Notify);
    let on_undo = make_callback(&dispatcher, |()| Action::Undo {
        at: clock::now_iso(),
    });
    let on_redo = make_callback(&dispatcher, |()| Action::Redo {
        at: clock::now_iso(),
    });
    let on_detach = make_callback(&dispatcher, |r: Reworded| Action::Detach {
        id: r.id,
        was: r.was,
        modified: clock::now_iso(),
    });
    let on_keep_words = make_callback(&dispatcher, |id: String| Action::KeepWords {
        id,
        modified: clock::now_iso(),
    });
    let on_filter = make_callback(&dispatcher, Action::SetFilter);
    let on_reattach = make_callback(&dispatcher, Action::SetReattaching);
    let accept = {
        let dispatcher = dispatcher.clone();
        let article = article.clone();
        move |chosen: Vec<Suggestion>| {
            let tags = accepted(
                &article.text,
                chosen,
                &mut clock::new_urn,
                &clock::now_iso(),
            );
            dispatcher.dispatch(Action::AddMany(tags));
        }
    };
    let on_accept = {
        let accept = accept.clone();
        use_callback(suggestions.clone(), move |key: String, suggestions| {
            accept(
                suggestions
                    .iter()
                    .filter(|s| s.key() == key)
                    .cloned()
                    .collect(),
            )
        })
    };
    let on_accept_all = {
        let suggestions = suggestions.clone();
        // At most as many at once as an import brings: an entity named by a common word (a form
        // like «إلى») had 42,021 suggestions, which held the page 2.3 s and filled storage. The
        // button then counts what is left.
        Callback::from(move |entity: String| {
            accept(
                suggestions
                    .iter()
                    .filter(|s| s.entity == entity)
                    .take(import::MAX_IMPORT)
                    .cloned()
                    .collect(),
            )
        })
    };
    let on_reject = {
        let dispatcher = dispatcher.clone();
        let article = article.clone();
        use_callback(suggestions.clone(), move |key: String, suggestions| {
            if let Some(sg) = suggestions.iter().find(|s| s.key() == key) {
                dispatcher.dispatch(Action::Reject(
                    sg.rejected(&article.text, &clock::now_iso()),
                ));
            }
        })
    };
    let on_command = Callback::from(move |c: Command| command(c));
    Edits {
        on_note,
        on_kind,
        on_delete,
        on_filter,
        on_reattach,
        on_accept,
        on_accept_all,
        on_reject,
        on_command,
        on_claim,
        on_notice,
        on_undo,
        on_redo,
        on_detach,
        on_keep_words,
    }
}

/// The annotations as the W3C `AnnotationCollection` Hamish exports, generated now.
pub fn export_value(
    annotations: &[Annotation],
    article: &Article,
    registry: &[Entity],
) -> crate::core::json::Value {
    export_collection(
        annotations,
        article,
        registry,
        &clock::new_urn(),
        &clock::now_iso(),
    )
}

/// Downloads the annotations as a JSON file and says how many went out.
pub fn export_download(
    dispatcher: &UseReducerDispatcher<State>,
    annotations: &[Annotation],
    article: &Article,
    registry: &[Entity],
) {
    let json = export_value(annotations, article, registry);
    let text = crate::core::json::to_string_pretty(&json);
    let now = clock::now_iso();
    let day = now.get(..10).unwrap_or("export");
    let filename = format!("hamish-{}-{day}.json", file_safe(&article.id));
    if download::download(&filename, "application/ld+json", &text).is_ok() {
        dispatcher.dispatch(Action::Notify(Notice::Exported(annotations.len())));
    }
}

/// The Export menu's callback for a widget: downloads the annotations in the chosen format, labelled
/// in `lang`, judged on `scale`, with the reviewer `reviewer` gives at the time of the export.
pub fn export_as(
    state: UseReducerHandle<State>,
    article: Rc<Article>,
    scale: Rc<Scale>,
    reviewer: Rc<dyn Fn() -> Reviewer>,
    lang: Lang,
) -> Callback<Format> {
    Callback::from(move |format: Format| {
        let reviewer = reviewer();
        let export = Export {
            annotations: &state.annotations,
            article: &article,
            registry: &state.registry,
            scale: &scale,
            reviewer: &reviewer,
            arabic: lang == Lang::Ar,
        };
        download_as(&state.dispatcher(), &export, format);
    })
}

/// Downloads the annotations in `format` and says how many went out.
pub fn download_as(dispatcher: &UseReducerDispatcher<State>, export: &Export, format: Format) {
    let now = clock::now_iso();
    let text = export.write(format, &clock::new_urn(), &now);
    let day = now.get(..10).unwrap_or("export");
    let filename = format!(
        "hamish-{}-{day}{}",
        file_safe(&export.article.id),
        format.suffix()
    );
    if download::download(&filename, format.mime(), &text).is_ok() {
        dispatcher.dispatch(Action::Notify(Notice::Exported(export.count(format))));
    }
}

/// `id` with the characters file names cannot hold (`/`, `:`, …) replaced by `-`.
fn file_safe(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// The `change` handler of an import `<input type=file>`: reads the JSON file and imports it
/// (a refused file — one over [`import::MAX_IMPORT_BYTES`] is refused before it is read — gives a
/// notice and changes nothing).
#[hook]
pub fn use_import_file(
    dispatcher: UseReducerDispatcher<State>,
    article: Rc<Article>,
    registry: Rc<Vec<Entity>>,
    restore: Rc<dyn Fn(&str)>,
) -> Callback<Event> {
    let reading = use_mut_ref(|| None::<FileReader>);
    Callback::from(move |e: Event| {
        let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        // A file too large for any backup is refused before it is read (reading holds the page).
        if let Err(e) = import::check_import_size(file.size() as usize) {
            return dispatcher.dispatch(Action::Notify(Notice::ImportFailed(e)));
        }
        let dispatcher = dispatcher.clone();
        let article = article.clone();
        let registry = registry.clone();
        let restore = restore.clone();
        let task = gloo::file::callbacks::read_as_text(&file.into(), move |read| {
            // A backup of everything ("Export all") is restored, not imported into this article.
            if let Some(text) = read.as_ref().ok().filter(|t| is_backup(t)) {
                return restore(text);
            }
            let parsed = read
                .map_err(|e| import::ImportError::Unreadable(e.to_string()))
                .and_then(|json| {
                    exchange::import_into(&json, &article, &registry, &clock::now_iso())
                });
            dispatcher.dispatch(match parsed {
                Ok(parsed) => Action::Import(parsed),
                Err(reason) => Action::Notify(Notice::ImportFailed(reason)),
            });
        });
        *reading.borrow_mut() = Some(task);
    })
}
