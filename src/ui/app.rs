//! The widget: wires the reducer, storage and browser events to the components.

use crate::core::article::Article;
use crate::core::entities::Entity;
use crate::core::model::{Annotation, Kind};
use crate::core::selectors::describe;
use crate::core::state::{Action, Filter, Notice, Pending, Popover as PopoverState, State};
use crate::core::w3c::export_collection;
use crate::i18n::Lang;
use crate::ui::article::ArticleView;
use crate::ui::notices::Notices;
use crate::ui::panel::Panel;
use crate::ui::popover::Popover;
use crate::ui::toolbar::Toolbar;
use crate::web::storage::AnnotationStore;
use crate::web::{clock, download, page, selection};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
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
}

/// Half the toolbar's and popover's width: how far their centre stays from the widget's edges.
const EDGE_MARGIN: f64 = 170.0;

/// Pixels the toolbar needs above a selection; with less room in the viewport it goes below.
const TOOLBAR_ROOM: f64 = 60.0;

/// Whether `target` lies inside an element matching `selector`.
fn inside(target: Option<web_sys::EventTarget>, selector: &str) -> bool {
    target
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest(selector).ok().flatten())
        .is_some()
}

/// The selection as a pending range with its toolbar position, when it covers article text.
fn read_pending(root: &Element, article: &Article) -> Option<Pending> {
    let range = selection::current_range()?;
    let (start, end) = selection::range_to_offsets(root, &article.blocks, &article.text, &range)?;
    let rect = range.get_bounding_client_rect();
    let below = rect.top() < TOOLBAR_ROOM;
    let (x, y) = page::anchor_point(root, &rect, below, EDGE_MARGIN);
    Some(Pending {
        start,
        end,
        x,
        y,
        below,
    })
}

/// The keyboard shortcut's kind: `c` for a claim, `1`… for the registry's entities. Physical key codes
/// count too, so the shortcuts work with an Arabic keyboard layout.
fn shortcut(e: &KeyboardEvent, registry: &[Entity]) -> Option<Kind> {
    if e.ctrl_key() || e.meta_key() || e.alt_key() {
        return None;
    }
    if e.key().eq_ignore_ascii_case("c") || e.code() == "KeyC" {
        return Some(Kind::Claim);
    }
    let digit = e.key().parse::<usize>().ok().or_else(|| {
        let code = e.code();
        code.strip_prefix("Digit")
            .or_else(|| code.strip_prefix("Numpad"))
            .and_then(|d| d.parse().ok())
    })?;
    registry
        .get(digit.checked_sub(1)?)
        .map(|entity| Kind::Entity(entity.id.clone()))
}

/// The annotator widget.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let article = props.article.clone();
    let registry = props.registry.clone();
    let root = use_node_ref();
    let lang = use_state(|| props.lang);
    let store = use_memo(article.id.clone(), |id| AnnotationStore::open(id));
    let state = use_reducer({
        let store = store.clone();
        move || {
            let (store, open_notices) = &*store;
            let (annotations, load_notices) = store.load(&clock::now_iso());
            let mut state = State::default();
            state.apply(Action::Load(annotations));
            for notice in open_notices.iter().chain(&load_notices) {
                state.apply(Action::Notify(notice.clone()));
            }
            state
        }
    });
    // The latest pending selection and popover, read by document-level listeners registered once.
    let latest = use_mut_ref(|| (None::<Pending>, false));
    *latest.borrow_mut() = (state.pending.clone(), state.popover.is_some());

    {
        let dispatcher = state.dispatcher();
        let store = store.clone();
        use_effect_with(state.annotations.clone(), move |annotations| {
            if let Err(notice) = store.0.save(annotations) {
                dispatcher.dispatch(Action::Notify(notice));
            }
        });
    }

    let tag: Rc<dyn Fn(Kind)> = {
        let dispatcher = state.dispatcher();
        let article = article.clone();
        let latest = latest.clone();
        Rc::new(move |kind: Kind| {
            let Some(pending) = latest.borrow().0.clone() else {
                return;
            };
            let selectors = describe(&article.text, pending.start, pending.end);
            let now = clock::now_iso();
            dispatcher.dispatch(Action::Add(Annotation::new(
                clock::new_urn(),
                kind,
                selectors,
                &now,
            )));
            selection::clear();
        })
    };

    {
        let dispatcher = state.dispatcher();
        let article = article.clone();
        let registry = registry.clone();
        let root = root.clone();
        let latest = latest.clone();
        let tag = tag.clone();
        use_effect_with((), move |_| {
            let document = gloo::utils::document();
            let dragging = Rc::new(RefCell::new(false));
            let debounce: Rc<RefCell<Option<Timeout>>> = Rc::default();
            let refresh: Rc<dyn Fn()> = {
                let dispatcher = dispatcher.clone();
                let latest = latest.clone();
                Rc::new(move || {
                    let Some(root_el) = root.cast::<Element>() else {
                        return;
                    };
                    let pending = read_pending(&root_el, &article);
                    if pending.is_some() || latest.borrow().0.is_some() {
                        dispatcher.dispatch(Action::SetPending(pending));
                    }
                })
            };
            let on_down = {
                let dragging = dragging.clone();
                EventListener::new(&document, "mousedown", move |_| {
                    *dragging.borrow_mut() = true
                })
            };
            let on_up = {
                let dragging = dragging.clone();
                let refresh = refresh.clone();
                let dispatcher = dispatcher.clone();
                let latest = latest.clone();
                EventListener::new(&document, "mouseup", move |e| {
                    *dragging.borrow_mut() = false;
                    if inside(e.target(), ".hamish-toolbar, .hamish-popover") {
                        return;
                    }
                    if latest.borrow().1 {
                        dispatcher.dispatch(Action::SetPopover(None));
                    }
                    refresh();
                })
            };
            let on_selection = {
                let refresh = refresh.clone();
                EventListener::new(&document, "selectionchange", move |_| {
                    if *dragging.borrow() {
                        return;
                    }
                    let refresh = refresh.clone();
                    *debounce.borrow_mut() = Some(Timeout::new(200, move || refresh()));
                })
            };
            let active = EventListenerOptions::enable_prevent_default();
            let on_key = EventListener::new_with_options(&document, "keydown", active, move |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                if inside(e.target(), "input, textarea, select, [contenteditable]") {
                    return;
                }
                let (pending, popover_open) = latest.borrow().clone();
                if e.key() == "Escape" {
                    if pending.is_some() {
                        selection::clear();
                        dispatcher.dispatch(Action::SetPending(None));
                    } else if popover_open {
                        dispatcher.dispatch(Action::SetPopover(None));
                    }
                    return;
                }
                if pending.is_some() {
                    if let Some(kind) = shortcut(e, &registry) {
                        e.prevent_default();
                        tag(kind);
                    }
                }
            });
            move || drop((on_down, on_up, on_selection, on_key))
        });
    }

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
            page::set_query_param("ui", next.code());
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
    let dispatch = |make: fn(String, String, String) -> Action| {
        let dispatcher = state.dispatcher();
        Callback::from(move |(id, value): (String, String)| {
            dispatcher.dispatch(make(id, value, clock::now_iso()))
        })
    };
    let on_note = dispatch(|id, note, modified| Action::SetNote { id, note, modified });
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
    let on_dismiss = {
        let dispatcher = state.dispatcher();
        Callback::from(move |i: usize| dispatcher.dispatch(Action::Dismiss(i)))
    };
    let on_tag = Callback::from(move |kind: Kind| tag(kind));

    let toolbar = state.pending.as_ref().map(|p| {
        html! { <Toolbar x={p.x} y={p.y} below={p.below} registry={registry.clone()} lang={*lang} on_tag={on_tag.clone()} /> }
    });
    let popover = state.popover.as_ref().map(|p| {
        let annotations: Vec<Annotation> = p.ids.iter().filter_map(|id| state.get(id).cloned()).collect();
        html! {
            <Popover {annotations} x={p.x} y={p.y} registry={registry.clone()} lang={*lang}
                     on_kind={on_kind.clone()} on_note={on_note.clone()} on_delete={on_delete.clone()} on_close={on_close.clone()} />
        }
    });
    html! {
        <div class="hamish" lang={lang.code()} dir={lang.dir()} ref={root}>
            <header class="hamish-bar">
                <span class="hamish-brand">{ strings.app_name }</span>
                <p class="hamish-hint">{ strings.toolbar_hint }</p>
                <button type="button" class="hamish-lang" lang={lang.other().code()} onclick={on_switch}>{ strings.switch_to }</button>
                <button type="button" class="hamish-export" onclick={on_export}>{ strings.export_json }</button>
            </header>
            <Notices notices={state.notices.clone()} lang={*lang} {on_dismiss} />
            <div class="hamish-layout">
                <ArticleView article={article.clone()} annotations={state.annotations.clone()}
                             registry={registry.clone()} lang={*lang} {on_open} />
                <Panel annotations={state.annotations.clone()} filter={state.filter.clone()}
                       registry={registry.clone()} lang={*lang} {on_filter} {on_choose} />
            </div>
            // Always one child each (an empty fragment when closed): yew matches unkeyed children
            // from the end, so a child that comes and goes would make it rebuild the article and
            // lose the reader's selection.
            { toolbar.unwrap_or_default() }
            { popover.unwrap_or_default() }
        </div>
    }
}
