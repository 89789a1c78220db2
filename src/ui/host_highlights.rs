//! The embedded widget's highlights over the host's text: which annotations and suggestions are drawn
//! (all of them, or those near the screen when there are many), and which of them lie under a click.

use crate::core::entities::Entity;
use crate::core::model::{Annotation, Kind};
use crate::core::suggestions::Suggestion;
use crate::ui::embed::{Bridge, Embedding};
use crate::web::highlights::{Layer, Style};
use crate::web::host_text::HostText;
use crate::web::selection;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomRect, MouseEvent, Node, Range};
use yew::prelude::*;

/// Up to this many suggestions (and, apart, annotations) are all drawn; beyond it, only those near
/// the screen.
const DRAW_ALL: usize = 400;

/// The text position under the viewport point (`x`, `y`): `caretPositionFromPoint`, else
/// `caretRangeFromPoint`.
pub fn caret_at(x: f64, y: f64) -> Option<(Node, u32)> {
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
pub fn hit(ranges: &[Range], x: f64, y: f64) -> Option<DomRect> {
    ranges.iter().find_map(|range| {
        let rects = range.get_client_rects()?;
        (0..rects.length())
            .filter_map(|i| rects.get(i))
            .find(|r| x >= r.left() && x <= r.right() && y >= r.top() && y <= r.bottom())
    })
}

/// The highlight layers: suggestions under everything, then claims, then entity tags.
pub fn layers(
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

/// The article near the screen (a screen above and below it), measured again as the reader scrolls
/// (at most every 120 ms) or resizes the window.
#[hook]
pub fn use_near(bridge: Rc<Bridge>, mounted_host: Rc<HostText>) -> Option<(usize, usize)> {
    let near = use_state_eq(|| None::<(usize, usize)>);
    {
        let near = near.clone();
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
    *near
}

/// Opens the popover (through `open_at`: annotation ids, suggestion keys, the box to place it by)
/// when the reader clicks highlighted text of the mounted article.
#[hook]
pub fn use_click_to_open(
    e: Rc<Embedding>,
    current_suggestions: Rc<RefCell<Rc<Vec<Suggestion>>>>,
    open_at: Rc<dyn Fn(Vec<String>, Vec<String>, &DomRect)>,
) {
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
