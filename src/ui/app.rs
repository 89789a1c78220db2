//! The widget: wires the reducer, storage and the reader's input to the components.

use crate::core::anchor::reattach;
use crate::core::article::Article;
use crate::core::entities::Entity;
use crate::core::entities::CUSTOM_KEY;
use crate::core::import;
use crate::core::mentions::Matcher;
use crate::core::model::{Annotation, Kind};
use crate::core::persist::{entry_key, Stored};
use crate::core::selectors::describe;
use crate::core::state::{Action, Filter, Notice, Popover as PopoverState, State};
use crate::core::suggestions::{accepted, pending, Suggestion};
use crate::core::units::short_quote;
use crate::core::w3c::export_collection;
use crate::i18n::Lang;
use crate::ui::article::ArticleView;
use crate::ui::entities_panel::EntitiesPanel;
use crate::ui::loader::OpenRequest;
use crate::ui::notices::Notices;
use crate::ui::open_panel::OpenPanel;
use crate::ui::panel::Panel;
use crate::ui::popover::Popover;
use crate::ui::reader_input::{use_reader_input, Command, Latest, EDGE_MARGIN};
use crate::ui::toolbar::Toolbar;
use crate::web::registry_store;
use crate::web::storage::AnnotationStore;
use crate::web::{clock, download, page, selection};
use gloo::file::callbacks::FileReader;
use std::rc::Rc;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

/// Properties of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The article to annotate.
    pub article: Rc<Article>,
    /// The entities a reader can tag when the widget starts (the reader may add more).
    pub registry: Rc<Vec<Entity>>,
    /// The interface language to start in.
    pub lang: Lang,
    /// Notices to show from the start (e.g. a failed article load).
    #[prop_or_default]
    pub notices: Vec<Notice>,
    /// The latest failure to open another article (numbered, so each is shown once).
    #[prop_or_default]
    pub failure: Option<(u32, String)>,
    /// Called with an article the reader asks to open.
    #[prop_or_default]
    pub on_open: Callback<OpenRequest>,
    /// Called with the number of annotations whenever they are saved.
    #[prop_or_default]
    pub on_saved: Callback<usize>,
}

/// The starting state: the stored annotations, re-attached to the article's current text.
fn initial_state(store: &AnnotationStore, open_notices: &[Notice], props: &AppProps) -> State {
    let (mut stored, load_notices) = store.load(&clock::now_iso());
    let summary = reattach(&props.article.text, &mut stored.annotations);
    let mut state = State {
        registry: props.registry.clone(),
        ..State::default()
    };
    state.apply(Action::Load(stored));
    for notice in props
        .notices
        .iter()
        .chain(open_notices)
        .chain(&load_notices)
    {
        state.apply(Action::Notify(notice.clone()));
    }
    if summary.moved + summary.orphaned > 0 {
        state.apply(Action::Notify(Notice::Reanchored {
            moved: summary.moved,
            orphaned: summary.orphaned,
        }));
    }
    state
}

/// The annotator widget.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let article = props.article.clone();
    let root = use_node_ref();
    let lang = use_state(|| props.lang);
    let store = use_memo(article.id.clone(), |id| AnnotationStore::open(id));
    let state = use_reducer(|| initial_state(&store.0, &store.1, props));
    let registry = state.registry.clone();
    let latest = use_mut_ref(Latest::default);
    *latest.borrow_mut() = Latest::of(&state);
    let reading = use_mut_ref(|| None::<FileReader>);

    let opening = use_state(|| false);
    let editing_entities = use_state(|| false);
    // Finding mentions runs only when the article or the registry changes, never on a selection.
    let mentions = use_memo(
        (article.clone(), registry.clone()),
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

    {
        let dispatcher = state.dispatcher();
        let store = store.clone();
        let on_saved = props.on_saved.clone();
        let stored = Stored {
            annotations: state.annotations.clone(),
            rejected: state.rejected.clone(),
        };
        use_effect_with(stored, move |stored| match store.0.save(stored) {
            Ok(()) => on_saved.emit(stored.annotations.len()),
            Err(notice) => dispatcher.dispatch(Action::Notify(notice)),
        });
    }
    {
        // Another tab of this browser changed this article's annotations or the reader's entities:
        // take its version (each tab writes whole entries, so the newest write is the whole truth).
        let dispatcher = state.dispatcher();
        let store = store.clone();
        let article = article.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let listener = gloo::events::EventListener::new(&window, "storage", move |e| {
                let Some(e) = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(e) else {
                    return;
                };
                let key = e.key();
                if key.as_deref() == Some(entry_key(&article.id).as_str()) {
                    if let Some(mut stored) = store.0.adopt(e.new_value().as_deref()) {
                        reattach(&article.text, &mut stored.annotations);
                        dispatcher.dispatch(Action::Load(stored));
                    }
                } else if key.as_deref() == Some(CUSTOM_KEY) {
                    dispatcher.dispatch(Action::SetRegistry(Rc::new(registry_store::load())));
                }
            });
            move || drop(listener)
        });
    }
    {
        // Saved when it changes, not when the widget mounts (that would rewrite what was just read).
        let mounted = use_mut_ref(|| false);
        use_effect_with(registry.clone(), move |registry| {
            if std::mem::replace(&mut *mounted.borrow_mut(), true) {
                registry_store::save(registry);
            }
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with(props.failure.clone(), move |failure| {
            if let Some((_, reason)) = failure {
                dispatcher.dispatch(Action::Notify(Notice::OpenFailed(reason.clone())));
            }
        });
    }

    let command: Rc<dyn Fn(Command)> =
        {
            let dispatcher = state.dispatcher();
            let article = article.clone();
            let latest = latest.clone();
            Rc::new(move |command: Command| {
                let now = latest.borrow().clone();
                let Some(pending) = now.pending else { return };
                let selectors = describe(&article.text, pending.start, pending.end);
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
                selection::clear();
            })
        };
    use_reader_input(
        root.clone(),
        article.clone(),
        latest.clone(),
        state.dispatcher(),
        command.clone(),
    );

    let strings = lang.strings();
    let on_open = {
        let dispatcher = state.dispatcher();
        let root = root.clone();
        // Stable callbacks (use_callback) keep the article from being redrawn on every selection.
        use_callback((), move |run: Element, _| {
            let Some(root_el) = root.cast::<Element>() else {
                return;
            };
            let list = |name: &str| -> Vec<String> {
                run.get_attribute(name)
                    .unwrap_or_default()
                    .split_whitespace()
                    .map(String::from)
                    .collect()
            };
            let (x, y) =
                page::anchor_point(&root_el, &run.get_bounding_client_rect(), true, EDGE_MARGIN);
            let popover = PopoverState {
                ids: list("data-ids"),
                suggestions: list("data-sgs"),
                x,
                y,
            };
            dispatcher.dispatch(Action::SetPopover(Some(popover)));
        })
    };
    let on_switch = {
        let lang = lang.clone();
        Callback::from(move |_| {
            let next = lang.other();
            page::set_query(&[("ui", Some(next.code()))]);
            lang.set(next);
        })
    };
    let on_export = {
        let dispatcher = state.dispatcher();
        let annotations = state.annotations.clone();
        let article = article.clone();
        let registry = registry.clone();
        Callback::from(move |_| {
            let now = clock::now_iso();
            let json =
                export_collection(&annotations, &article, &registry, &clock::new_urn(), &now);
            let text = serde_json::to_string_pretty(&json).unwrap_or_default();
            let day = now.get(..10).unwrap_or("export");
            let filename = format!("hamish-{}-{day}.json", article.id);
            if download::download(&filename, "application/ld+json", &text).is_ok() {
                dispatcher.dispatch(Action::Notify(Notice::Exported(annotations.len())));
            }
        })
    };
    let on_import = {
        let dispatcher = state.dispatcher();
        let article = article.clone();
        let registry = registry.clone();
        let reading = reading.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            let dispatcher = dispatcher.clone();
            let article = article.clone();
            let registry = registry.clone();
            let task = gloo::file::callbacks::read_as_text(&file.into(), move |read| {
                let parsed = read
                    .map_err(|e| format!("the file could not be read ({e})"))
                    .and_then(|json| {
                        import::parse(
                            &json,
                            &article.text,
                            &registry,
                            &mut clock::new_urn,
                            &clock::now_iso(),
                        )
                    });
                dispatcher.dispatch(match parsed {
                    Ok(parsed) => Action::Import(parsed),
                    Err(reason) => Action::Notify(Notice::ImportFailed(reason)),
                });
            });
            *reading.borrow_mut() = Some(task);
        })
    };
    let on_note = {
        let dispatcher = state.dispatcher();
        Callback::from(move |(id, note): (String, String)| {
            dispatcher.dispatch(Action::SetNote {
                id,
                note,
                modified: clock::now_iso(),
            })
        })
    };
    let on_kind = {
        let dispatcher = state.dispatcher();
        Callback::from(move |(id, kind): (String, Kind)| {
            dispatcher.dispatch(Action::SetKind {
                id,
                kind,
                modified: clock::now_iso(),
            })
        })
    };
    let on_delete = {
        let dispatcher = state.dispatcher();
        Callback::from(move |id: String| dispatcher.dispatch(Action::Delete(id)))
    };
    let on_close = {
        let dispatcher = state.dispatcher();
        let root = root.clone();
        let first = state.popover.as_ref().and_then(|p| p.ids.first().cloned());
        Callback::from(move |()| {
            dispatcher.dispatch(Action::SetPopover(None));
            if let (Some(root_el), Some(id)) = (root.cast::<Element>(), first.as_deref()) {
                page::focus_highlight(&root_el, id);
            }
        })
    };
    let on_filter = {
        let dispatcher = state.dispatcher();
        Callback::from(move |f: Filter| dispatcher.dispatch(Action::SetFilter(f)))
    };
    let on_choose = {
        let root = root.clone();
        Callback::from(move |id: String| {
            if let Some(root_el) = root.cast::<Element>() {
                page::reveal(&root_el, &id);
            }
        })
    };
    let on_reattach = {
        let dispatcher = state.dispatcher();
        Callback::from(move |id: Option<String>| dispatcher.dispatch(Action::SetReattaching(id)))
    };
    let accept = {
        let dispatcher = state.dispatcher();
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
        Callback::from(move |entity: String| {
            accept(
                suggestions
                    .iter()
                    .filter(|s| s.entity == entity)
                    .cloned()
                    .collect(),
            )
        })
    };
    let on_reject = {
        let dispatcher = state.dispatcher();
        use_callback(suggestions.clone(), move |key: String, suggestions| {
            if let Some(sg) = suggestions.iter().find(|s| s.key() == key) {
                dispatcher.dispatch(Action::Reject(sg.rejected()));
            }
        })
    };
    let on_review = {
        let suggestions = suggestions.clone();
        Callback::from(move |entity: String| {
            if let Some(sg) = suggestions.iter().find(|s| s.entity == entity) {
                page::focus_suggestion(&sg.key());
            }
        })
    };
    let on_toggle_entities = {
        let editing_entities = editing_entities.clone();
        Callback::from(move |_| editing_entities.set(!*editing_entities))
    };
    let on_save_entity = {
        let dispatcher = state.dispatcher();
        let registry = registry.clone();
        Callback::from(move |entity: Entity| {
            let mut next: Vec<Entity> = registry.iter().cloned().collect();
            match next.iter_mut().find(|e| e.id == entity.id) {
                Some(slot) => *slot = entity,
                None => next.push(entity),
            }
            dispatcher.dispatch(Action::SetRegistry(Rc::new(next)));
        })
    };
    let on_delete_entity = {
        let dispatcher = state.dispatcher();
        Callback::from(move |(id, replacement): (String, Option<Kind>)| {
            let modified = clock::now_iso();
            registry_store::retag_everywhere(&id, replacement.as_ref(), &modified);
            dispatcher.dispatch(Action::DeleteEntity {
                id,
                replacement,
                modified,
            });
        })
    };
    let entities_panel = editing_entities.then(|| {
        html! {
            <EntitiesPanel registry={registry.clone()} annotations={state.annotations.clone()} lang={*lang}
                           on_save={on_save_entity.clone()} on_delete={on_delete_entity.clone()} />
        }
    });
    let on_toggle_open = {
        let opening = opening.clone();
        Callback::from(move |_| opening.set(!*opening))
    };
    let on_open_request = {
        let on_open = props.on_open.clone();
        let opening = opening.clone();
        Callback::from(move |request: OpenRequest| {
            opening.set(false);
            on_open.emit(request);
        })
    };
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    let on_drop = {
        let on_open = on_open_request.clone();
        Callback::from(move |e: DragEvent| {
            let file = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0));
            if let Some(file) = file {
                e.prevent_default();
                on_open.emit(OpenRequest::File(file));
            }
        })
    };
    let open_panel = opening.then(|| {
        html! { <OpenPanel lang={*lang} recent={crate::web::library::recent()} on_open={on_open_request.clone()} /> }
    });
    let on_dismiss = {
        let dispatcher = state.dispatcher();
        Callback::from(move |i: usize| dispatcher.dispatch(Action::Dismiss(i)))
    };
    let on_command = Callback::from(move |c: Command| command(c));

    let reattaching = state.reattaching.as_ref().and_then(|id| state.get(id));
    let banner = reattaching.map(|a| {
        let cancel = on_reattach.clone();
        html! {
            <div class="hamish-reattach" role="status">
                <p>{ strings.reattach_prompt.replace("{quote}", &short_quote(&a.exact, 60)) }</p>
                <button type="button" onclick={move |_| cancel.emit(None)}>{ strings.cancel }</button>
            </div>
        }
    });
    let toolbar = state.pending.as_ref().map(|p| {
        html! {
            <Toolbar x={p.x} y={p.y} below={p.below} registry={registry.clone()} lang={*lang}
                     reattaching={reattaching.is_some()} on_command={on_command.clone()} on_cancel={on_reattach.clone()} />
        }
    });
    let popover = state.popover.as_ref().map(|p| {
        let annotations: Vec<Annotation> = p.ids.iter().filter_map(|id| state.get(id).cloned()).collect();
        let suggested: Vec<(Suggestion, usize)> = p
            .suggestions
            .iter()
            .filter_map(|key| suggestions.iter().find(|s| s.key() == *key))
            .map(|sg| (sg.clone(), suggestions.iter().filter(|s| s.entity == sg.entity).count()))
            .collect();
        html! {
            <Popover {annotations} suggestions={suggested} x={p.x} y={p.y} registry={registry.clone()} lang={*lang}
                     on_kind={on_kind.clone()} on_note={on_note.clone()} on_delete={on_delete.clone()} on_close={on_close.clone()}
                     on_accept={on_accept.clone()} on_reject={on_reject.clone()} on_accept_all={on_accept_all.clone()} />
        }
    });
    html! {
        <div class="hamish" lang={lang.code()} dir={lang.dir()} ref={root} ondragover={on_dragover} ondrop={on_drop}>
            <header class="hamish-bar">
                <span class="hamish-brand">{ strings.app_name }</span>
                <p class="hamish-hint">{ strings.toolbar_hint }</p>
                <button type="button" class="hamish-lang" lang={lang.other().code()} onclick={on_switch}>{ strings.switch_to }</button>
                <button type="button" class="hamish-open-toggle" aria-expanded={if *opening { "true" } else { "false" }}
                        onclick={on_toggle_open}>{ strings.open_button }</button>
                <button type="button" class="hamish-entities-toggle" aria-expanded={if *editing_entities { "true" } else { "false" }}
                        onclick={on_toggle_entities}>{ strings.entities_button }</button>
                <label class="hamish-import">
                    { strings.import_json }
                    <input type="file" accept=".json,.jsonld,application/json,application/ld+json" onchange={on_import} />
                </label>
                <button type="button" class="hamish-export" onclick={on_export}>{ strings.export_json }</button>
            </header>
            { open_panel.unwrap_or_default() }
            { entities_panel.unwrap_or_default() }
            <Notices notices={state.notices.clone()} lang={*lang} {on_dismiss} />
            { banner.unwrap_or_default() }
            <div class="hamish-layout">
                <ArticleView article={article.clone()} annotations={state.annotations.clone()}
                             registry={registry.clone()} lang={*lang} {on_open} suggestions={suggestions.clone()}
                             on_accept={on_accept.clone()} on_reject={on_reject.clone()} />
                <Panel annotations={state.annotations.clone()} filter={state.filter.clone()}
                       registry={registry.clone()} lang={*lang} {on_filter} {on_choose}
                       on_reattach={on_reattach.clone()} on_delete={on_delete.clone()}
                       suggestions={suggestions.clone()} on_accept_all={on_accept_all.clone()} {on_review} />
            </div>
            // Always one child each (an empty fragment when closed): yew matches unkeyed children
            // from the end, so a child that comes and goes would make it rebuild the article and
            // lose the reader's selection.
            <p class="hamish-sr" role="status">{ if state.pending.is_some() { strings.selection_ready } else { "" } }</p>
            { toolbar.unwrap_or_default() }
            { popover.unwrap_or_default() }
        </div>
    }
}
