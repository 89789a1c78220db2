//! The widget embedded in a news site's page: the host's own article text stays where it is and is
//! highlighted in place ([`crate::web::highlights`]); Hamish's controls — toolbar, popover, panel,
//! notices — live in a shadow root so the host's styles and Hamish's cannot touch each other.

pub mod dock;
pub mod embedding;
pub mod host_events;
pub mod host_highlights;

use crate::core::annotations::reattach::Reworded;
use crate::core::annotations::reattach::{prefer_followed, reattach_stored};
use crate::core::annotations::state::{Action, Notice, Pending, Popover as PopoverState, Way};
use crate::core::claims::settings::Reviewer;
use crate::core::claims::settings::Settings;
use crate::core::drawing::plan::{plan, Visible};
use crate::core::entities::suggestions::Suggestion;
use crate::core::storage::entry::Stored;
use crate::core::text::span::Span;
use crate::core::text::units::short_quote;
use crate::i18n::entity_keys;
use crate::ui::annotator::{export_as, use_annotator, Annotator, Setup, IMPORT_ACCEPT};
use crate::ui::context::Widget;
use crate::ui::embed::dock::{focus_in, use_dock};
pub use crate::ui::embed::embedding::{Bridge, Embedding};
use crate::ui::embed::host_events::use_announcer;
use crate::ui::embed::host_highlights::{layers, use_click_to_open, use_near, Drawn};
use crate::ui::export_menu::export_menu;
use crate::ui::flash::use_flash;
use crate::ui::history_buttons::history_buttons;
use crate::ui::history_buttons::HISTORY_ENABLED;
use crate::ui::keyboard_mode::{mode_button, use_keyboard_mode, KeyboardSetup};
use crate::ui::notices::{notices, said_text, use_undo_offered, NoticesProps, NEWEST_UNDO};
use crate::ui::overlays::{overlays, Overlays};
use crate::ui::panel::Panel;
use crate::ui::popover::use_popover_ref;
use crate::ui::reader_input::{pending_at, use_reader_input, EDGE_MARGIN};
use crate::ui::reducer::make_callback;
use crate::ui::toolbar::use_toolbar_ref;
use crate::web::host_text::HostText;
use crate::web::settings_store;
use crate::web::{page, selection};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{DomRect, Element, Node, Range};
use yew::prelude::*;

/// Properties of [`EmbedApp`].
#[derive(Properties)]
pub struct EmbedProps {
    /// The mounted article.
    pub embedding: Rc<Embedding>,
}

impl PartialEq for EmbedProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.embedding, &other.embedding)
    }
}

thread_local! {
    /// The mounted article in which the reader last selected text to tag.
    static LAST_SELECTED: std::cell::RefCell<Option<Element>> = const { std::cell::RefCell::new(None) };
}

/// Whether the range starts in `mount`, or ends in it while starting outside every mounted article
/// (so a selection reaching from one article into another belongs to the first only).
fn owns(mount: &Element, range: &Range) -> bool {
    let within = |node: Option<Node>| node.is_some_and(|n| mount.contains(Some(&n)));
    let start = range.start_container().ok();
    if within(start.clone()) {
        return true;
    }
    let in_other = start
        .and_then(element_of)
        .and_then(|el| el.closest("[data-hamish-mounted]").ok().flatten())
        .is_some();
    !in_other && within(range.end_container().ok())
}

/// The element a DOM node is, or lies in.
fn element_of(node: Node) -> Option<Element> {
    match node.dyn_ref::<Element>() {
        Some(el) => Some(el.clone()),
        None => node.parent_element(),
    }
}

/// The window's selection as a selection waiting for a tag, when it belongs to the article mounted
/// on `mount` (read as `host`); its toolbar placed relative to `frame`.
fn pending_selection(host: &HostText, mount: &Element, frame: &Element) -> Option<Pending> {
    let range = selection::current_range()?;
    if !owns(mount, &range) {
        return None;
    }
    let span = host.range_to_offsets(&range)?;
    Some(pending_at(frame, span, &range.get_bounding_client_rect()))
}

/// The embedded widget.
#[function_component]
pub fn EmbedApp(props: &EmbedProps) -> Html {
    let e = props.embedding.clone();
    // The host's text: as read at mounting, then as read again whenever the host changes it.
    let host_state = use_state(|| e.host.clone());
    let host = (*host_state).clone();
    // Redraws the highlights after a re-reading even when the text and nodes are the same (the host
    // moved the article, which resets ranges in it).
    let readings = use_state(|| 0u32);
    let article = host.article.clone();
    let lang = use_state(|| e.lang);
    let dock = use_dock(
        article.id.clone(),
        e.panel,
        e.mount.clone(),
        e.frame.clone(),
    );
    let (flash, start_flash) = use_flash();
    let setup = Setup {
        article: article.clone(),
        registry: e.registry.clone(),
        namespace: e.namespace.clone(),
        notices: e.notices.clone(),
        follow_registry: false,
        on_saved: Callback::from(|_| true),
        // An embedded article's scale and reviewer come from its site's options.
        load_settings: Settings::default,
    };
    let Annotator {
        state,
        suggestions,
        latest,
        command,
        edits,
        on_export,
        on_import,
        ..
    } = use_annotator(&setup);
    let registry = state.registry.clone();
    // Tells the site at once of changes still waiting to be announced.
    let announce_now = use_announcer(e.clone(), state.annotations.clone(), state.loads);
    let suggestions: Rc<Vec<Suggestion>> = if e.read_only {
        Rc::default()
    } else {
        suggestions
    };
    *e.bridge.annotations.borrow_mut() = state.annotations.clone();
    *e.bridge.registry.borrow_mut() = registry.clone();
    *e.bridge.dispatcher.borrow_mut() = Some(state.dispatcher());
    *e.bridge.host.borrow_mut() = Some(host.clone());
    e.bridge.lang.set(Some(*lang));
    if let Some(ready) = e.bridge.on_ready.borrow_mut().take() {
        let _ = ready.call0(&wasm_bindgen::JsValue::NULL);
    }
    {
        // A fresh reading of the host's text: the annotations are re-anchored in it (and saved); the
        // site is not told, as nothing was annotated.
        let host_state = host_state.clone();
        let readings = readings.clone();
        let announce_now = announce_now.clone();
        let dispatcher = state.dispatcher();
        let bridge = e.bridge.clone();
        let rejected = state.rejected.clone();
        let deleted = state.deleted.clone();
        let (mount, frame, read_only) = (e.mount.clone(), e.frame.clone(), e.read_only);
        *e.bridge.rehost.borrow_mut() = Some(Callback::from(move |fresh: HostText| {
            let mut stored = Stored {
                annotations: bridge.annotations.borrow().to_vec(),
                rejected: rejected.to_vec(),
                deleted: deleted.to_vec(),
            };
            // What the page kept in place keeps its annotations, even where a copy of their text
            // now comes first.
            let before = bridge.host.borrow().clone();
            if let Some(before) = before {
                let followed: Vec<Option<Span>> = stored
                    .annotations
                    .iter()
                    .map(|a| {
                        (!a.orphan)
                            .then(|| before.follow(&fresh, a.span()))
                            .flatten()
                    })
                    .collect();
                prefer_followed(&fresh.article.text, &mut stored.annotations, &followed);
            }
            let summary = reattach_stored(&fresh.article.text, &mut stored);
            // A selection waiting for a tag is measured again in the new text.
            let pending = (!read_only)
                .then(|| pending_selection(&fresh, &mount, &frame))
                .flatten();
            host_state.set(Rc::new(fresh));
            readings.set(readings.wrapping_add(1));
            // The reader's own changes are told before the re-anchored list becomes the baseline.
            announce_now();
            dispatcher.dispatch(Action::Load(stored));
            dispatcher.dispatch(Action::SetPending(pending));
            // The story changed under the reader: checked claims now in other words are said (what
            // was lost is listed under Orphaned; a site that shows a placeholder for a moment would
            // leave a false alarm).
            let (reworded, listed) = summary.reworded;
            if reworded > 0 {
                dispatcher.dispatch(Action::Notify(Notice::Reworded(reworded, Rc::new(listed))));
            }
        }));
    }
    let near = use_near(e.bridge.clone(), e.host.clone());
    let drawn = use_mut_ref(Drawn::default);

    let read_selection: Rc<dyn Fn() -> Option<Pending>> = {
        let e = e.clone();
        Rc::new(move || {
            let host = e.bridge.current_host(&e.host);
            let pending = (!e.read_only)
                .then(|| pending_selection(&host, &e.mount, &e.frame))
                .flatten();
            if pending.is_some() {
                LAST_SELECTED.with(|last| *last.borrow_mut() = Some(e.mount.clone()));
            }
            pending
        })
    };
    // Undo keys belong to this article when the focus or the selection is in it or in its controls
    // (a page may hold several articles), or, with the focus on the page itself and nothing
    // selected (just after a tag, which clears the selection), when the reader last selected here.
    let owns_history: Rc<dyn Fn() -> bool> = {
        let (mount, frame) = (e.mount.clone(), e.frame.clone());
        Rc::new(move || {
            let document = gloo::utils::document();
            let within = |node: Option<Node>| {
                node.is_some_and(|n| mount.contains(Some(&n)) || frame.contains(Some(&n)))
            };
            let active = document.active_element();
            let range = selection::current_range();
            let on_page = active.as_ref().is_none_or(|el| {
                document
                    .body()
                    .is_some_and(|body| Element::from(body) == *el)
                    || document.document_element().is_some_and(|root| root == *el)
            });
            within(active.map(Node::from))
                || within(range.as_ref().and_then(|r| r.start_container().ok()))
                || (on_page
                    && range.is_none()
                    && LAST_SELECTED.with(|last| last.borrow().as_ref() == Some(&mount)))
        })
    };
    use_reader_input(
        read_selection.clone(),
        latest.clone(),
        state.dispatcher(),
        command,
        owns_history.clone(),
    );
    let keyboard = {
        let (current, select) = (e.clone(), e.clone());
        let frame = e.frame.clone();
        let setup = KeyboardSetup {
            article: Rc::new(move || current.bridge.current_host(&current.host).article.clone()),
            select: Rc::new(move |span| {
                selection::select_ranges(&select.bridge.current_host(&select.host).ranges(span))
            }),
            read_selection,
            owns_keys: {
                let read_only = e.read_only;
                Rc::new(move || !read_only && owns_history())
            },
            focus_toolbar: Rc::new(move || {
                focus_in(&frame, ".hamish-toolbar button");
            }),
        };
        use_keyboard_mode(setup, latest, state.dispatcher(), *lang)
    };
    {
        // `readings` changes with every new reading of the host's text (even the same text, after the
        // host moved the article), so the host's text need not be compared itself.
        let e = e.clone();
        let deps = (
            *readings,
            near,
            state.annotations.clone(),
            suggestions.clone(),
            registry.clone(),
            flash,
        );
        let drawn = drawn.clone();
        use_effect_with(
            deps,
            move |(_, near, annotations, suggestions, registry, flash)| {
                let visible = Visible::Near(near.unwrap_or_default());
                let planned = plan(annotations, suggestions, registry, *flash, visible);
                let host = e.bridge.current_host(&e.host);
                e.painter.paint(layers(&host, planned.marks()));
                *drawn.borrow_mut() = Drawn {
                    plan: planned,
                    annotations: annotations.clone(),
                    suggestions: suggestions.clone(),
                };
            },
        );
    }

    // Opens the popover for the annotations and suggestions covering the clicked text.
    let open_at: Rc<dyn Fn(Vec<String>, Vec<String>, &DomRect)> = {
        let dispatcher = state.dispatcher();
        let frame = e.frame.clone();
        Rc::new(move |ids, suggestions, rect| {
            let (x, y) = page::anchor_point(&frame, rect, true, EDGE_MARGIN);
            dispatcher.dispatch(Action::SetPopover(Some(PopoverState {
                ids,
                suggestions,
                x,
                y,
                ..PopoverState::default()
            })));
        })
    };
    use_click_to_open(e.clone(), drawn, open_at.clone());
    // Shows a span of the article: scrolled to the middle of the window, flashed, and its popover open.
    let show: Rc<dyn Fn(Span, Vec<String>, Vec<String>)> = {
        let e = e.clone();
        Rc::new(move |span: Span, ids, suggestions| {
            let ranges = e.bridge.current_host(&e.host).ranges(span);
            let Some(first) = ranges.first() else { return };
            let target = first.start_container().ok().and_then(element_of);
            if let Some(target) = target {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                target.scroll_into_view_with_scroll_into_view_options(&options);
            }
            start_flash(span);
            open_at(ids, suggestions, &first.get_bounding_client_rect());
        })
    };
    // Where the keyboard focus goes back to when a popover opened from the panel closes.
    let return_focus = use_mut_ref(|| None::<String>);
    {
        let return_focus = return_focus.clone();
        let frame = e.frame.clone();
        use_effect_with(state.popover.is_some(), move |open| {
            if *open {
                return;
            }
            let Some(selector) = return_focus.borrow_mut().take() else {
                return;
            };
            if focus_lost(&frame) {
                // Where it was opened from; when that went (a deletion), the Undo that brings it
                // back, else the panel's first item, else the panel's own button.
                let present = |selector: &str| {
                    frame
                        .shadow_root()
                        .and_then(|r| r.query_selector(selector).ok().flatten())
                        .is_some()
                };
                let candidates = [selector.as_str(), NEWEST_UNDO, ".hamish-panel .item"];
                let target = candidates.into_iter().find(|s| present(s));
                focus_in(&frame, target.unwrap_or(".hamish-collapse"));
            }
        });
    }
    // After the popover's focus went back to the panel (above), when it had nowhere to go.
    {
        let (frame, mode_on) = (e.frame.clone(), keyboard.active);
        use_undo_offered(&state.notices, state.steps, move || {
            if focus_lost(&frame) {
                focus_in(&frame, NEWEST_UNDO);
            }
            // Tagged from the toolbar in keyboard mode: back to the mode's button, where the mode
            // keeps its keys (Enter opens the toolbar again; it does not press the button).
            if mode_on && focus_lost(&frame) {
                focus_in(&frame, ".hamish-keyboard");
            }
        });
    }
    // "Not this claim's words": the focus, if it went with the notice's line, to the orphan's
    // Re-attach in the panel, where the claim now is.
    let on_detach = {
        let (detach, frame) = (edits.on_detach.clone(), e.frame.clone());
        Callback::from(move |r: Reworded| {
            let selector = page::attribute_is("data-orphan", &r.id) + " button";
            detach.emit(r);
            let frame = frame.clone();
            gloo::timers::callback::Timeout::new(0, move || {
                if focus_lost(&frame) {
                    focus_in(&frame, &selector);
                }
            })
            .forget();
        })
    };
    // "The verdict holds for these words": the focus, if it went with the notice's line, to the panel.
    let on_keep = {
        let (keep, frame) = (edits.on_keep_words.clone(), e.frame.clone());
        Callback::from(move |id: String| {
            keep.emit(id);
            let frame = frame.clone();
            gloo::timers::callback::Timeout::new(0, move || {
                if focus_lost(&frame) {
                    focus_in(&frame, ".hamish-panel");
                }
            })
            .forget();
        })
    };
    // An undo or redo that took the focus away (its notice's Undo button went, the button itself
    // disabled) leaves it on the panel item of the annotation it changed, when the panel shows it,
    // else on Undo or Redo.
    {
        let frame = e.frame.clone();
        let said = state.said.clone();
        use_effect_with(said.count, move |_| {
            if said.way != Way::Made
                && focus_lost(&frame)
                && !said
                    .id
                    .as_deref()
                    .is_some_and(|id| focus_in(&frame, &page::attribute_is("data-item", id)))
            {
                focus_in(&frame, HISTORY_ENABLED);
            }
        });
    }
    let on_choose = {
        let show = show.clone();
        let bridge = e.bridge.clone();
        let return_focus = return_focus.clone();
        Callback::from(move |id: String| {
            *return_focus.borrow_mut() = Some(page::attribute_is("data-item", &id));
            let found = bridge
                .annotations
                .borrow()
                .iter()
                .find(|a| a.id == id)
                .cloned();
            if let Some(a) = found {
                show(a.span(), vec![a.id], Vec::new());
            }
        })
    };
    let on_review = {
        let (suggestions, return_focus) = (suggestions.clone(), return_focus.clone());
        Callback::from(move |entity: String| {
            *return_focus.borrow_mut() =
                Some(page::attribute_is("data-suggestions", &entity) + " button");
            if let Some(sg) = suggestions.iter().find(|s| s.entity == entity) {
                show(sg.span, Vec::new(), vec![sg.key()]);
            }
        })
    };
    // The reader's own close (Esc, the close button) hands the focus back before the popover goes, so
    // it never depends on when the close is drawn; the effect above covers the other ways it closes.
    let on_close = {
        let (dispatcher, frame) = (state.dispatcher(), e.frame.clone());
        Callback::from(move |()| {
            if let Some(selector) = return_focus.borrow().as_deref() {
                focus_in(&frame, selector);
            }
            dispatcher.dispatch(Action::SetPopover(None));
        })
    };
    let on_switch = {
        let lang = lang.clone();
        Callback::from(move |_| lang.set(lang.other()))
    };
    let on_dismiss = make_callback(&state.dispatcher(), Action::Dismiss);

    let strings = lang.strings();
    let count = state.annotations.len();
    let on_export_as = {
        // The site's reviewer, else the reader's own settings (read when exporting).
        let site = e.reviewer.clone();
        let reviewer: Rc<dyn Fn() -> Reviewer> = Rc::new(move || {
            site.clone()
                .unwrap_or_else(|| settings_store::load().reviewer)
        });
        export_as(
            state.clone(),
            article.clone(),
            e.scale.clone(),
            reviewer,
            *lang,
        )
    };
    let toolbar_ref = use_toolbar_ref();
    let popover_ref = use_popover_ref(state.popover.as_ref().map(|p| {
        (
            p.ids.first().cloned(),
            p.suggestions.first().cloned(),
            p.claimant_first,
        )
    }));
    let widget = Widget {
        lang: *lang,
        registry: registry.clone(),
        edits: edits.clone(),
        scale: e.scale.clone(),
    };
    let Overlays {
        banner,
        toolbar,
        popover,
    } = overlays(
        &state,
        &suggestions,
        &widget,
        &on_close,
        e.read_only,
        &toolbar_ref,
        &popover_ref,
    );
    let panel = if dock.open {
        html! {
            <section class="hamish-dock" aria-label={strings.dock_label}>
                <header class="hamish-bar">
                    <span class="hamish-brand">{ strings.app_name }</span>
                    <span class="hamish-dock-title" dir="auto" title={article.title().to_string()}>{ short_quote(article.title(), 48) }</span>
                    if e.read_only {
                        <span class="hamish-read-only">{ strings.read_only }</span>
                    }
                    <button type="button" class="hamish-lang" lang={lang.other().code()} onclick={on_switch}>{ strings.switch_to }</button>
                    if !e.read_only {
                        <label class="hamish-import">
                            { strings.import_json }
                            <input type="file" accept={IMPORT_ACCEPT} onchange={on_import} />
                        </label>
                    }
                    <button type="button" class="hamish-export" onclick={on_export.clone()}>{ strings.export_json }</button>
                    { export_menu(*lang, &on_export_as) }
                    <button type="button" class="hamish-collapse" aria-label={strings.dock_collapse} title={strings.dock_collapse}
                            aria-expanded="true" onclick={dock.on_toggle.clone()}>{ "×" }</button>
                </header>
                { banner }
                <Panel annotations={state.annotations.clone()} filter={state.filter.clone()} {on_choose}
                       read_only={e.read_only} embedded=true suggestions={suggestions.clone()} {on_review}
                       tools={(!e.read_only).then(|| html! {<>{ mode_button(&keyboard, *lang) }{ history_buttons(&state, &edits, *lang) }</>}).unwrap_or_default()} />
            </section>
        }
    } else if dock.launcher_hidden {
        Html::default()
    } else {
        html! {
            <button type="button" class="hamish-launcher" aria-expanded="false" onclick={dock.on_toggle.clone()}
                    title={article.title().to_string()}>
                { strings.dock_expand }<span class="count">{ count }</span>
            </button>
        }
    };
    html! {
        <ContextProvider<Widget> context={widget}>
            <div class="hamish hamish-embed" role="region" aria-label={format!("{}: {}", strings.app_name, short_quote(article.title(), 48))} lang={lang.code()} dir={lang.dir()} data-panel={e.panel.name()} data-side={dock.side}
                 style={format!("--hamish-slot:{}", e.slot.min(20))}>
                <div class="hamish-toasts">
                    { notices(&NoticesProps { notices: state.notices.clone(), on_dismiss, on_undo: edits.on_undo.clone(), on_export: on_export.clone(), on_detach, on_keep, steps: state.steps }, *lang) }
                </div>
                { panel }
                <p class="hamish-sr" role="status">{ said_text(&state.said, &state.registry, *lang) }</p>
                <p class="hamish-sr" role="status">{ if state.pending.is_some() { strings.selection_ready.replace("{keys}", &entity_keys(state.registry.len())) } else { String::new() } }</p>
                <p class="hamish-sr" role="status">{ keyboard.status.clone() }</p>
                { toolbar }
                { popover }
            </div>
        </ContextProvider<Widget>>
    }
}

/// Whether the keyboard focus is nowhere in particular: on the page's body, or on the widget's frame
/// with nothing inside it (the element that had it went).
fn focus_lost(frame: &Element) -> bool {
    let inside = frame.shadow_root().and_then(|r| r.active_element());
    page::focus_lost()
        || (gloo::utils::document().active_element().as_ref() == Some(frame)
            && inside.is_none_or(|el| el.matches(":disabled").unwrap_or(false)))
}
