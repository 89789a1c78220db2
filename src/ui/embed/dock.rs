//! Where an embedded article's panel sits and whether it is open. The side panel goes beside the
//! article on whichever side of the window has room, so it never covers the text; with no room (a
//! phone) it starts as a launcher button. One panel is open at a time on a page: opening one closes
//! the others and hides their launchers until it closes. Opening and closing moves the keyboard focus
//! to the control that replaces the one pressed.

use crate::core::embed::options::{panel_side, PanelPlacement, PanelSide};
use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// Width of the side panel in CSS pixels (with `EDGE` on each side).
pub const DOCK_WIDTH: f64 = 340.0;

/// Gap between the panel and the window's edge.
const EDGE: f64 = 12.0;

/// The document events a panel sends when it opens or closes (detail: the article's id).
const OPENED: &str = "hamish:panel-opened";
const CLOSED: &str = "hamish:panel-closed";

/// The dock's state for rendering.
pub struct Dock {
    /// Whether the panel is open (else its launcher shows).
    pub open: bool,
    /// `left` or `right`: the window side the panel and launcher sit on.
    pub side: &'static str,
    /// Another article's panel is open: this launcher stays out of its way.
    pub launcher_hidden: bool,
    /// Opens or closes the panel.
    pub on_toggle: Callback<MouseEvent>,
}

/// Where the side panel goes beside `mount` in this window (see [`panel_side`]).
fn placement_beside(mount: &Element) -> PanelSide {
    let width = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .unwrap_or(0.0);
    let rect = mount.get_bounding_client_rect();
    panel_side(rect.left(), width - rect.right(), DOCK_WIDTH + 2.0 * EDGE)
}

/// Sends a panel event with the article's id.
fn send(name: &str, id: &str) {
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&JsValue::from_str(id));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = gloo::utils::document().dispatch_event(&event);
    }
}

/// Focuses the first element matching `selector` in the shadow root of `frame`.
pub fn focus_in(frame: &Element, selector: &str) -> bool {
    let found = frame
        .shadow_root()
        .and_then(|root| root.query_selector(selector).ok().flatten())
        .and_then(|el| el.dyn_into::<HtmlElement>().ok());
    found.is_some_and(|el| el.focus().is_ok())
}

/// The dock of the article `id` mounted on `mount`, its controls in `frame`'s shadow root.
#[hook]
pub fn use_dock(id: String, placement: PanelPlacement, mount: Element, frame: Element) -> Dock {
    let side = {
        let mount = mount.clone();
        use_state(move || placement_beside(&mount).side)
    };
    let open = {
        let mount = mount.clone();
        use_state(move || match placement {
            PanelPlacement::Collapsed => false,
            PanelPlacement::Bottom => true,
            PanelPlacement::Side => placement_beside(&mount).fits,
        })
    };
    let other_open = use_state(|| false);
    let by_reader = use_mut_ref(|| false);
    // The listeners below live as long as the dock; they read whether it is open through this.
    let is_open = use_mut_ref(|| false);
    *is_open.borrow_mut() = *open;
    {
        let (open, other_open, side, id) =
            (open.clone(), other_open.clone(), side.clone(), id.clone());
        use_effect_with((), move |_| {
            let document = gloo::utils::document();
            let from = |ev: &Event| {
                ev.dyn_ref::<web_sys::CustomEvent>()
                    .and_then(|c| c.detail().as_string())
            };
            let on_opened = {
                let (open, other_open, id) = (open.clone(), other_open.clone(), id.clone());
                EventListener::new(&document, OPENED, move |ev| {
                    if from(ev).as_deref() != Some(id.as_str()) {
                        open.set(false);
                        other_open.set(true);
                    }
                })
            };
            let on_closed = {
                let id = id.clone();
                EventListener::new(&document, CLOSED, move |ev| {
                    if from(ev).as_deref() != Some(id.as_str()) {
                        other_open.set(false);
                    }
                })
            };
            // A narrower window: the side panel moves to the side with room, or folds into its
            // launcher when neither side has room any more (it must not cover the article).
            let open_at_end = is_open.clone();
            let on_resize = {
                let (open, id) = (open.clone(), id.clone());
                EventListener::new(&gloo::utils::window(), "resize", move |_| {
                    let beside = placement_beside(&mount);
                    side.set(beside.side);
                    if !beside.fits && placement == PanelPlacement::Side && *is_open.borrow() {
                        send(CLOSED, &id);
                        open.set(false);
                    }
                })
            };
            move || {
                drop((on_opened, on_closed, on_resize));
                if *open_at_end.borrow() {
                    send(CLOSED, &id);
                }
            }
        });
    }
    {
        let by_reader = by_reader.clone();
        use_effect_with(*open, move |open| {
            if std::mem::replace(&mut *by_reader.borrow_mut(), false) {
                focus_in(
                    &frame,
                    if *open {
                        ".hamish-collapse"
                    } else {
                        ".hamish-launcher"
                    },
                );
            }
        });
    }
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |_| {
            *by_reader.borrow_mut() = true;
            send(if *open { CLOSED } else { OPENED }, &id);
            open.set(!*open);
        })
    };
    Dock {
        open: *open,
        side: *side,
        launcher_hidden: *other_open && !*open,
        on_toggle,
    }
}
