//! The embedded widget's highlights over the host's text: which annotations and suggestions are drawn
//! (all of them, or those near the screen when there are many), and which of them lie under a click.

use crate::core::annotations::model::Annotation;
use crate::core::drawing::plan::{Mark, Plan};
use crate::core::entities::suggestions::Suggestion;
use crate::core::text::span::Span;
use crate::ui::embed::embedding::{Bridge, Embedding};
use crate::web::highlights::Layer;
use crate::web::host_text::HostText;
use crate::web::selection;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomRect, MouseEvent, Node, Range};
use yew::prelude::*;

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

/// What is drawn now: the plan and the annotations and suggestions its marks index.
#[derive(Default)]
pub struct Drawn {
    /// The plan last painted.
    pub plan: Plan,
    /// The annotations it was made from.
    pub annotations: Rc<Vec<Annotation>>,
    /// The suggestions it was made from.
    pub suggestions: Rc<Vec<Suggestion>>,
}

/// The highlight layers for the plan's marks (see [`crate::core::drawing::plan::plan`]): one per
/// style, in the order styles first appear.
pub fn layers(host: &HostText, marks: &[Mark]) -> Vec<Layer> {
    let mut out: Vec<Layer> = Vec::new();
    for stroke in marks {
        let ranges = host.ranges(stroke.span);
        match out.iter_mut().find(|l| l.style == stroke.style) {
            Some(layer) => layer.ranges.extend(ranges),
            None => out.push(Layer {
                style: stroke.style,
                ranges,
            }),
        }
    }
    out
}

/// The article near the screen (a screen above and below it), measured again as the reader scrolls
/// (at most every 120 ms) or resizes the window.
#[hook]
pub fn use_near(bridge: Rc<Bridge>, mounted_host: Rc<HostText>) -> Option<Span> {
    let near = use_state_eq(|| None::<Span>);
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
    drawn: Rc<RefCell<Drawn>>,
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
            // The box of the line clicked, from the first span drawn under the point.
            let mut rect = None;
            let mut hits = |span: Span| match hit(&host.ranges(span), x, y) {
                Some(r) => {
                    rect.get_or_insert(r);
                    true
                }
                None => false,
            };
            let drawn = drawn.borrow();
            let under = drawn.plan.under(Span::new(at, at));
            let covering: Vec<String> = under
                .annotations
                .iter()
                .filter_map(|&i| drawn.annotations.get(i))
                .filter(|a| hits(a.span()))
                .map(|a| a.id.clone())
                .collect();
            let suggested: Vec<String> = under
                .suggestions
                .iter()
                .filter_map(|&i| drawn.suggestions.get(i))
                .filter(|s| hits(s.span))
                .map(Suggestion::key)
                .collect();
            if let Some(rect) = rect {
                open_at(covering, suggested, &rect);
            }
        });
        move || drop(listener)
    });
}
