//! The widget embedded in a news site's page: the host's own article text stays where it is and is
//! highlighted in place ([`crate::web::highlights`]); Hamish's controls — toolbar, popover, panel,
//! notices — live in a shadow root so the host's styles and Hamish's cannot touch each other.

use crate::core::anchor::reattach;
use crate::core::changes::changes;
use crate::core::embed_options::PanelPlacement;
use crate::core::entities::Entity;
use crate::core::model::{Annotation, Kind};
use crate::core::persist::Stored;
use crate::core::state::{Action, Notice, Popover as PopoverState, State};
use crate::core::suggestions::Suggestion;
use crate::core::units::short_quote;
use crate::core::w3c::annotation_json;
use crate::i18n::Lang;
use crate::ui::annotator::{use_annotator, Annotator, Setup};
use crate::ui::dock::{focus_in, use_dock};
use crate::ui::notices::Notices;
use crate::ui::overlays::{overlays, Overlays};
use crate::ui::panel::Panel;
use crate::ui::reader_input::{pending_at, use_reader_input, EDGE_MARGIN};
use crate::web::highlights::{Layer, Painter, Style};
use crate::web::host_text::HostText;
use crate::web::{page, selection};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomRect, Element, MouseEvent, Node, Range};
use yew::prelude::*;

/// What the page's script reaches through the mount handle: the current annotations and the reducer.
#[derive(Default)]
pub struct Bridge {
    /// The annotations as last rendered.
    pub annotations: RefCell<Vec<Annotation>>,
    /// The entity registry in use.
    pub registry: RefCell<Rc<Vec<Entity>>>,
    /// The widget's reducer, once it has rendered.
    pub dispatcher: RefCell<Option<UseReducerDispatcher<State>>>,
    /// The host's text as the widget last read it.
    pub host: RefCell<Option<Rc<HostText>>>,
    /// Gives the widget a fresh reading of the host's text (after the host changed it).
    pub rehost: RefCell<Option<Callback<HostText>>>,
}

impl Bridge {
    /// The host's text as the widget last read it, else as it was read at mounting.
    pub fn current_host(&self, mounted: &Rc<HostText>) -> Rc<HostText> {
        self.host
            .borrow()
            .clone()
            .unwrap_or_else(|| mounted.clone())
    }
}

/// One mounted article and everything its widget needs.
pub struct Embedding {
    /// The host's article text and its map to the DOM.
    pub host: Rc<HostText>,
    /// The mounted element (events are dispatched on it).
    pub mount: Element,
    /// The element holding the shadow root: positions are relative to it.
    pub frame: Element,
    /// The entities readers can tag.
    pub registry: Rc<Vec<Entity>>,
    /// Interface language to start in.
    pub lang: Lang,
    /// Storage namespace.
    pub namespace: String,
    /// Annotations are shown but cannot be changed.
    pub read_only: bool,
    /// Where the panel goes.
    pub panel: PanelPlacement,
    /// How many articles were mounted on the page before this one (their launchers stack).
    pub slot: usize,
    /// Draws the highlights.
    pub painter: Rc<Painter>,
    /// Shared with the page's script.
    pub bridge: Rc<Bridge>,
    /// Notices to show from the start.
    pub notices: Vec<Notice>,
}

/// Up to this many suggestions (and, apart, annotations) are all drawn; beyond it, only those near
/// the screen.
const DRAW_ALL: usize = 400;

/// Milliseconds a change waits before the host page is told of it (later changes fold into it).
const ANNOUNCE_DELAY_MS: u32 = 300;

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

/// Whether the range starts in `mount`, or ends in it while starting outside every mounted article
/// (so a selection reaching from one article into another belongs to the first only).
fn owns(mount: &Element, range: &Range) -> bool {
    let within = |node: Option<Node>| node.is_some_and(|n| mount.contains(Some(&n)));
    let start = range.start_container().ok();
    if within(start.clone()) {
        return true;
    }
    let in_other = start
        .and_then(|n| match n.dyn_ref::<Element>() {
            Some(el) => Some(el.clone()),
            None => n.parent_element(),
        })
        .and_then(|el| el.closest("[data-hamish-mounted]").ok().flatten())
        .is_some();
    !in_other && within(range.end_container().ok())
}

/// The text position under the viewport point (`x`, `y`): `caretPositionFromPoint`, else
/// `caretRangeFromPoint`.
fn caret_at(x: f64, y: f64) -> Option<(Node, u32)> {
    let document: JsValue = web_sys::window()?.document()?.into();
    let call = |name: &str| -> Option<JsValue> {
        let f = js_sys::Reflect::get(&document, &name.into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        f.call2(&document, &x.into(), &y.into())
            .ok()
            .filter(|v| !v.is_null() && !v.is_undefined())
    };
    let field = |v: &JsValue, name: &str| js_sys::Reflect::get(v, &name.into()).ok();
    if let Some(pos) = call("caretPositionFromPoint") {
        let node = field(&pos, "offsetNode")?.dyn_into::<Node>().ok()?;
        return Some((node, field(&pos, "offset")?.as_f64()? as u32));
    }
    let range = call("caretRangeFromPoint")?.dyn_into::<Range>().ok()?;
    Some((range.start_container().ok()?, range.start_offset().ok()?))
}

/// The client rectangle of `ranges` containing (`x`, `y`), if any.
fn hit(ranges: &[Range], x: f64, y: f64) -> Option<DomRect> {
    ranges.iter().find_map(|range| {
        let rects = range.get_client_rects()?;
        (0..rects.length())
            .filter_map(|i| rects.get(i))
            .find(|r| x >= r.left() && x <= r.right() && y >= r.top() && y <= r.bottom())
    })
}

/// The highlight layers: suggestions under everything, then claims, then entity tags.
fn layers(
    host: &HostText,
    annotations: &[Annotation],
    suggestions: &[Suggestion],
    registry: &[Entity],
    flash: Option<(usize, usize)>,
    near: Option<(usize, usize)>,
) -> Vec<Layer> {
    let entity_index = |id: &str| registry.iter().position(|e| e.id == id);
    let mut out: Vec<Layer> = Vec::new();
    let mut add = |style: Style, start: usize, end: usize| {
        let ranges = host.ranges(start, end);
        match out.iter_mut().find(|l| l.style == style) {
            Some(layer) => layer.ranges.extend(ranges),
            None => out.push(Layer { style, ranges }),
        }
    };
    // Many highlights are drawn only near the part of the article on screen: thousands of highlight
    // ranges make the browser slow at every change to the page.
    let window = |count: usize| (count > DRAW_ALL).then_some(near.unwrap_or((0, 0)));
    let far = |window: Option<(usize, usize)>, start: usize, end: usize| {
        window.is_some_and(|(from, to)| end <= from || start >= to)
    };
    let (sg_window, window) = (window(suggestions.len()), window(annotations.len()));
    for sg in suggestions
        .iter()
        .filter(|s| !far(sg_window, s.start, s.end))
    {
        if let Some(i) = entity_index(&sg.entity) {
            add(Style::Suggestion(i), sg.start, sg.end);
        }
    }
    let shown = annotations
        .iter()
        .filter(|a| !a.orphan && !far(window, a.start, a.end));
    for a in shown.clone().filter(|a| a.kind == Kind::Claim) {
        add(Style::Claim, a.start, a.end);
    }
    for a in shown {
        if let Kind::Entity(id) = &a.kind {
            if let Some(i) = entity_index(id) {
                add(Style::Entity(i), a.start, a.end);
            }
        }
    }
    if let Some((start, end)) = flash {
        add(Style::Flash, start, end);
    }
    out
}

/// Tells the host page about a change: a `hamish:change` event on the mounted element whose `detail`
/// is `{type, article, annotation}` (the annotation as W3C JSON).
fn announce(embedding: &Embedding, change: &crate::core::changes::Change) {
    let article = embedding
        .bridge
        .current_host(&embedding.host)
        .article
        .clone();
    let detail = serde_json::json!({
        "type": change.kind.name(),
        "article": article.id,
        "annotation": annotation_json(&change.annotation, &article, &embedding.registry),
    });
    let Ok(detail) = js_sys::JSON::parse(&detail.to_string()) else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("hamish:change", &init) {
        let _ = embedding.mount.dispatch_event(&event);
    }
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
    // Tells the site at once of changes still waiting to be announced (set by the announcer below).
    let announce_now = use_mut_ref(|| None::<Rc<dyn Fn()>>);
    let article = host.article.clone();
    let lang = use_state(|| e.lang);
    let dock = use_dock(
        article.id.clone(),
        e.panel,
        e.mount.clone(),
        e.frame.clone(),
    );
    let flash = use_state(|| None::<(usize, usize)>);
    let setup = Setup {
        article: article.clone(),
        registry: e.registry.clone(),
        namespace: e.namespace.clone(),
        notices: e.notices.clone(),
        follow_registry: false,
        on_saved: Callback::noop(),
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
    let suggestions: Rc<Vec<Suggestion>> = if e.read_only {
        Rc::default()
    } else {
        suggestions
    };
    *e.bridge.annotations.borrow_mut() = state.annotations.clone();
    *e.bridge.registry.borrow_mut() = registry.clone();
    *e.bridge.dispatcher.borrow_mut() = Some(state.dispatcher());
    *e.bridge.host.borrow_mut() = Some(host.clone());
    {
        // A fresh reading of the host's text: the annotations are re-anchored in it (and saved); the
        // site is not told, as nothing was annotated.
        let host_state = host_state.clone();
        let readings = readings.clone();
        let announce_now = announce_now.clone();
        let dispatcher = state.dispatcher();
        let bridge = e.bridge.clone();
        let rejected = state.rejected.clone();
        let (mount, frame, read_only) = (e.mount.clone(), e.frame.clone(), e.read_only);
        *e.bridge.rehost.borrow_mut() = Some(Callback::from(move |fresh: HostText| {
            let mut annotations = bridge.annotations.borrow().clone();
            reattach(&fresh.article.text, &mut annotations);
            // A selection waiting for a tag is measured again in the new text.
            let pending = selection::current_range()
                .filter(|range| !read_only && owns(&mount, range))
                .and_then(|range| {
                    let (start, end) = fresh.range_to_offsets(&range)?;
                    Some(pending_at(
                        &frame,
                        start,
                        end,
                        &range.get_bounding_client_rect(),
                    ))
                });
            host_state.set(Rc::new(fresh));
            readings.set(readings.wrapping_add(1));
            // The reader's own changes are told before the re-anchored list becomes the baseline.
            let flush = announce_now.borrow().clone();
            if let Some(flush) = flush {
                flush();
            }
            dispatcher.dispatch(Action::Load(Stored {
                annotations,
                rejected: rejected.clone(),
            }));
            dispatcher.dispatch(Action::SetPending(pending));
        }));
    }
    // The article near the screen (a screen above and below it), followed as the reader scrolls.
    let near = use_state_eq(|| None::<(usize, usize)>);
    {
        let near = near.clone();
        let bridge = e.bridge.clone();
        let mounted_host = e.host.clone();
        use_effect_with((), move |_| {
            let measure = Rc::new(move || {
                let height = gloo::utils::window()
                    .inner_height()
                    .ok()
                    .and_then(|h| h.as_f64())
                    .unwrap_or(0.0);
                let host = bridge.current_host(&mounted_host);
                near.set(host.span_between(-height, 2.0 * height));
            });
            measure();
            // At most one measurement per 120 ms of scrolling.
            let timer: RefCell<Option<Timeout>> = RefCell::default();
            let waiting = Rc::new(std::cell::Cell::new(false));
            let on_scroll = {
                let measure = measure.clone();
                EventListener::new(&gloo::utils::window(), "scroll", move |_| {
                    if waiting.replace(true) {
                        return;
                    }
                    let (measure, waiting) = (measure.clone(), waiting.clone());
                    *timer.borrow_mut() = Some(Timeout::new(120, move || {
                        waiting.set(false);
                        measure();
                    }));
                })
            };
            let on_resize =
                EventListener::new(&gloo::utils::window(), "resize", move |_| measure());
            move || drop((on_scroll, on_resize))
        });
    }
    let current_suggestions = use_mut_ref(Rc::<Vec<Suggestion>>::default);
    *current_suggestions.borrow_mut() = suggestions.clone();

    let read_selection: Rc<dyn Fn() -> Option<crate::core::state::Pending>> = {
        let e = e.clone();
        Rc::new(move || {
            if e.read_only {
                return None;
            }
            let range = selection::current_range()?;
            if !owns(&e.mount, &range) {
                return None;
            }
            let (start, end) = e.bridge.current_host(&e.host).range_to_offsets(&range)?;
            Some(pending_at(
                &e.frame,
                start,
                end,
                &range.get_bounding_client_rect(),
            ))
        })
    };
    use_reader_input(read_selection, latest, state.dispatcher(), command);

    {
        let e = e.clone();
        let deps = (
            host.clone(),
            *readings,
            *near,
            state.annotations.clone(),
            suggestions.clone(),
            registry.clone(),
            *flash,
        );
        use_effect_with(
            deps,
            move |(host, _, near, annotations, suggestions, registry, flash)| {
                e.painter.paint(layers(
                    host,
                    annotations,
                    suggestions,
                    registry,
                    *flash,
                    *near,
                ));
            },
        );
    }
    {
        // The host hears of changes once they settle, so typing a note is one update rather than
        // one per key; what is still waiting when the widget goes is told at once.
        let e = e.clone();
        let baseline = use_mut_ref(|| None::<Vec<Annotation>>);
        let waiting = use_mut_ref(|| None::<Vec<Annotation>>);
        let timer = use_mut_ref(|| None::<Timeout>);
        let flush: Rc<dyn Fn()> = Rc::new({
            let (waiting, baseline) = (waiting.clone(), baseline.clone());
            move || {
                let Some(now) = waiting.borrow_mut().take() else {
                    return;
                };
                if let Some(before) = baseline.borrow_mut().replace(now.clone()) {
                    for change in changes(&before, &now) {
                        announce(&e, &change);
                    }
                }
            }
        });
        *announce_now.borrow_mut() = Some(flush.clone());
        let seen_loads = use_mut_ref(|| 0u32);
        {
            let flush = flush.clone();
            // Annotations loaded from storage (at the start, or another tab's changes) are the new
            // baseline: another tab announced its own changes.
            use_effect_with(
                (state.annotations.clone(), state.loads),
                move |(now, loads)| {
                    if std::mem::replace(&mut *seen_loads.borrow_mut(), *loads) != *loads {
                        timer.borrow_mut().take();
                        waiting.borrow_mut().take();
                        *baseline.borrow_mut() = Some(now.clone());
                    } else {
                        *waiting.borrow_mut() = Some(now.clone());
                        *timer.borrow_mut() =
                            Some(Timeout::new(ANNOUNCE_DELAY_MS, move || flush()));
                    }
                },
            );
        }
        use_effect_with((), move |_| move || flush());
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
            })));
        })
    };
    {
        let e = e.clone();
        let open_at = open_at.clone();
        let current_suggestions = current_suggestions.clone();
        use_effect_with((), move |_| {
            let mount = e.mount.clone();
            let listener = EventListener::new(&mount, "click", move |ev| {
                let Some(ev) = ev.dyn_ref::<MouseEvent>() else {
                    return;
                };
                if !selection::is_collapsed() {
                    return;
                }
                let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
                let Some((node, offset)) = caret_at(x, y) else {
                    return;
                };
                let host = e.bridge.current_host(&e.host);
                let Some(at) = host.point_to_offset(&node, offset, false) else {
                    return;
                };
                let mut rect = None;
                let mut covering: Vec<Annotation> = e
                    .bridge
                    .annotations
                    .borrow()
                    .iter()
                    .filter(|a| !a.orphan && a.start <= at && at <= a.end)
                    .filter(|a| match hit(&host.ranges(a.start, a.end), x, y) {
                        Some(r) => {
                            rect.get_or_insert(r);
                            true
                        }
                        None => false,
                    })
                    .cloned()
                    .collect();
                covering.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
                let suggested: Vec<String> = current_suggestions
                    .borrow()
                    .iter()
                    .filter(|s| s.start <= at && at <= s.end)
                    .filter(|s| match hit(&host.ranges(s.start, s.end), x, y) {
                        Some(r) => {
                            rect.get_or_insert(r);
                            true
                        }
                        None => false,
                    })
                    .map(Suggestion::key)
                    .collect();
                if let Some(rect) = rect {
                    open_at(
                        covering.into_iter().map(|a| a.id).collect(),
                        suggested,
                        &rect,
                    );
                }
            });
            move || drop(listener)
        });
    }
    // Shows a span of the article: scrolled to the middle of the window, flashed, and its popover open.
    let flash_timer = use_mut_ref(|| None::<Timeout>);
    let show: Rc<dyn Fn(usize, usize, Vec<String>, Vec<String>)> = {
        let e = e.clone();
        let flash = flash.clone();
        Rc::new(move |start, end, ids, suggestions| {
            let ranges = e.bridge.current_host(&e.host).ranges(start, end);
            let Some(first) = ranges.first() else { return };
            let target = first
                .start_container()
                .ok()
                .and_then(|n| match n.dyn_ref::<Element>() {
                    Some(el) => Some(el.clone()),
                    None => n.parent_element(),
                });
            if let Some(target) = target {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                target.scroll_into_view_with_scroll_into_view_options(&options);
            }
            flash.set(Some((start, end)));
            let flash = flash.clone();
            // A later choice replaces the earlier one's timer, so its flash lasts its full time.
            *flash_timer.borrow_mut() = Some(Timeout::new(1600, move || flash.set(None)));
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
            let document = gloo::utils::document();
            let inside = frame.shadow_root().and_then(|r| r.active_element());
            let lost = document.active_element().is_none_or(|a| {
                Some(&a) == document.body().as_deref() || (a == frame && inside.is_none())
            });
            if lost {
                let found = frame
                    .shadow_root()
                    .and_then(|r| r.query_selector(&selector).ok().flatten())
                    .is_some();
                focus_in(&frame, if found { &selector } else { ".hamish-collapse" });
            }
        });
    }
    let on_choose = {
        let show = show.clone();
        let bridge = e.bridge.clone();
        let return_focus = return_focus.clone();
        Callback::from(move |id: String| {
            *return_focus.borrow_mut() = Some(format!("[data-item=\"{id}\"]"));
            let found = bridge
                .annotations
                .borrow()
                .iter()
                .find(|a| a.id == id)
                .cloned();
            if let Some(a) = found {
                show(a.start, a.end, vec![a.id], Vec::new());
            }
        })
    };
    let on_review = {
        let suggestions = suggestions.clone();
        Callback::from(move |entity: String| {
            *return_focus.borrow_mut() = Some(format!("[data-suggestions=\"{entity}\"] button"));
            if let Some(sg) = suggestions.iter().find(|s| s.entity == entity) {
                show(sg.start, sg.end, Vec::new(), vec![sg.key()]);
            }
        })
    };
    let on_close = {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(Action::SetPopover(None)))
    };
    let on_switch = {
        let lang = lang.clone();
        Callback::from(move |_| lang.set(lang.other()))
    };
    let on_dismiss = {
        let dispatcher = state.dispatcher();
        Callback::from(move |i: usize| dispatcher.dispatch(Action::Dismiss(i)))
    };

    let strings = lang.strings();
    let count = state.annotations.len();
    let Overlays {
        banner,
        toolbar,
        popover,
    } = overlays(&state, &suggestions, *lang, &edits, &on_close, e.read_only);
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
                            <input type="file" accept=".json,.jsonld,application/json,application/ld+json" onchange={on_import} />
                        </label>
                    }
                    <button type="button" class="hamish-export" onclick={on_export}>{ strings.export_json }</button>
                    <button type="button" class="hamish-collapse" aria-label={strings.dock_collapse} title={strings.dock_collapse}
                            aria-expanded="true" onclick={dock.on_toggle.clone()}>{ "×" }</button>
                </header>
                { banner }
                <Panel annotations={state.annotations.clone()} filter={state.filter.clone()}
                       registry={registry.clone()} lang={*lang} on_filter={edits.on_filter.clone()} {on_choose}
                       on_reattach={edits.on_reattach.clone()} on_delete={edits.on_delete.clone()} read_only={e.read_only} embedded=true
                       suggestions={suggestions.clone()} on_accept_all={edits.on_accept_all.clone()} {on_review} />
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
        <div class="hamish hamish-embed" lang={lang.code()} dir={lang.dir()} data-panel={e.panel.name()} data-side={dock.side}
             style={format!("--hamish-slot:{}", e.slot.min(20))}>
            <div class="hamish-toasts">
                <Notices notices={state.notices.clone()} lang={*lang} {on_dismiss} />
            </div>
            { panel }
            <p class="hamish-sr" role="status">{ if state.pending.is_some() { strings.selection_ready } else { "" } }</p>
            { toolbar }
            { popover }
        </div>
    }
}
