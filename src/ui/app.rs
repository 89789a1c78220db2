//! The widget: wires the reducer, storage and the reader's input to the components.

use crate::core::anchor::reattach;
use crate::core::article::Article;
use crate::core::entities::Entity;
use crate::core::import;
use crate::core::model::{Annotation, Kind};
use crate::core::selectors::describe;
use crate::core::state::{Action, Filter, Notice, Popover as PopoverState, State};
use crate::core::units::short_quote;
use crate::core::w3c::export_collection;
use crate::i18n::Lang;
use crate::ui::article::ArticleView;
use crate::ui::loader::OpenRequest;
use crate::ui::notices::Notices;
use crate::ui::open_panel::OpenPanel;
use crate::ui::panel::Panel;
use crate::ui::popover::Popover;
use crate::ui::reader_input::{use_reader_input, Command, Latest, EDGE_MARGIN};
use crate::ui::toolbar::Toolbar;
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
    /// The entities a reader can tag.
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
    let (mut annotations, load_notices) = store.load(&clock::now_iso());
    let summary = reattach(&props.article.text, &mut annotations);
    let mut state = State::default();
    state.apply(Action::Load(annotations));
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
    let registry = props.registry.clone();
    let root = use_node_ref();
    let lang = use_state(|| props.lang);
    let store = use_memo(article.id.clone(), |id| AnnotationStore::open(id));
    let state = use_reducer(|| initial_state(&store.0, &store.1, props));
    let latest = use_mut_ref(Latest::default);
    *latest.borrow_mut() = Latest::of(&state);
    let reading = use_mut_ref(|| None::<FileReader>);

    let opening = use_state(|| false);

    {
        let dispatcher = state.dispatcher();
        let store = store.clone();
        let on_saved = props.on_saved.clone();
        use_effect_with(state.annotations.clone(), move |annotations| {
            match store.0.save(annotations) {
                Ok(()) => on_saved.emit(annotations.len()),
                Err(notice) => dispatcher.dispatch(Action::Notify(notice)),
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
        registry.clone(),
        latest.clone(),
        state.dispatcher(),
        command.clone(),
    );

    let strings = lang.strings();
    let on_open = {
        let dispatcher = state.dispatcher();
        let root = root.clone();
        Callback::from(move |run: Element| {
            let Some(root_el) = root.cast::<Element>() else {
                return;
            };
            let ids = run.get_attribute("data-ids").unwrap_or_default();
            let (x, y) =
                page::anchor_point(&root_el, &run.get_bounding_client_rect(), true, EDGE_MARGIN);
            let ids = ids.split_whitespace().map(String::from).collect();
            dispatcher.dispatch(Action::SetPopover(Some(PopoverState { ids, x, y })));
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
        html! {
            <Popover {annotations} x={p.x} y={p.y} registry={registry.clone()} lang={*lang}
                     on_kind={on_kind.clone()} on_note={on_note.clone()} on_delete={on_delete.clone()} on_close={on_close.clone()} />
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
                <label class="hamish-import">
                    { strings.import_json }
                    <input type="file" accept=".json,.jsonld,application/json,application/ld+json" onchange={on_import} />
                </label>
                <button type="button" class="hamish-export" onclick={on_export}>{ strings.export_json }</button>
            </header>
            { open_panel.unwrap_or_default() }
            <Notices notices={state.notices.clone()} lang={*lang} {on_dismiss} />
            { banner.unwrap_or_default() }
            <div class="hamish-layout">
                <ArticleView article={article.clone()} annotations={state.annotations.clone()}
                             registry={registry.clone()} lang={*lang} {on_open} />
                <Panel annotations={state.annotations.clone()} filter={state.filter.clone()}
                       registry={registry.clone()} lang={*lang} {on_filter} {on_choose}
                       on_reattach={on_reattach.clone()} on_delete={on_delete.clone()} />
            </div>
            // Always one child each (an empty fragment when closed): yew matches unkeyed children
            // from the end, so a child that comes and goes would make it rebuild the article and
            // lose the reader's selection.
            { toolbar.unwrap_or_default() }
            { popover.unwrap_or_default() }
        </div>
    }
}
