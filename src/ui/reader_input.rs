//! The reader's input outside any one component: selecting text (mouse, touch, keyboard) and the
//! keyboard shortcuts that act on a selection.

use crate::core::annotations::model::Kind;
use crate::core::annotations::state::{Action, Pending, State};
use crate::core::entities::registry::Entity;
use crate::core::text::span::Span;
use crate::web::{clock, page, selection};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::DomRect;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

/// Pixels the toolbar needs above a selection; with less room in the viewport it goes below.
const TOOLBAR_ROOM: f64 = 60.0;

/// Half the toolbar's and popover's width: how far their centre stays from the widget's edges.
pub const EDGE_MARGIN: f64 = 170.0;

/// What the document listeners need to know of the current state (they are registered once).
#[derive(Clone, Default)]
pub struct Latest {
    /// The selection waiting for a tag.
    pub pending: Option<Pending>,
    /// Whether the popover is open.
    pub popover_open: bool,
    /// The annotation being re-attached.
    pub reattaching: Option<String>,
    /// The entity registry (keys `1`… follow its order).
    pub registry: Rc<Vec<Entity>>,
}

impl Latest {
    /// The parts of `state` the listeners read.
    pub fn of(state: &State) -> Latest {
        Latest {
            pending: state.pending.clone(),
            popover_open: state.popover.is_some(),
            reattaching: state.reattaching.clone(),
            registry: state.registry.clone(),
        }
    }
}

/// Makes `pending` the selection waiting for a tag: in `latest` at once, so a key pressed before
/// it is drawn acts on it, and in the state.
pub fn send_pending(
    latest: &RefCell<Latest>,
    dispatcher: &UseReducerDispatcher<State>,
    pending: Option<Pending>,
) {
    latest.borrow_mut().pending = pending.clone();
    dispatcher.dispatch(Action::SetPending(pending));
}

/// What a key press on a selection asks for.
pub enum Command {
    /// Tag the selection.
    Tag(Kind),
    /// Re-attach the annotation being re-attached to the selection.
    Attach,
}

/// Whether the event's original target (inside a shadow root too) lies inside an element matching
/// `selector`.
pub fn inside(e: &web_sys::Event, selector: &str) -> bool {
    e.composed_path()
        .get(0)
        .dyn_into::<Element>()
        .ok()
        .and_then(|el| el.closest(selector).ok().flatten())
        .is_some()
}

/// The pending selection `span` whose bounding box is `rect`, with its toolbar placed
/// relative to `frame` (above the selection, or below it when the viewport has no room above).
pub fn pending_at(frame: &Element, span: Span, rect: &DomRect) -> Pending {
    let below = rect.top() < TOOLBAR_ROOM;
    let (x, y) = page::anchor_point(frame, rect, below, EDGE_MARGIN);
    Pending { span, x, y, below }
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

/// Whether a key press asks to undo (`Some(true)`: Ctrl/⌘+Z) or redo (`Some(false)`: Ctrl/⌘+Shift+Z,
/// Ctrl+Y); physical key codes count too, so it works with an Arabic keyboard layout.
fn history_key(e: &KeyboardEvent) -> Option<bool> {
    if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
        return None;
    }
    let key = e.key().to_ascii_lowercase();
    let code = e.code();
    if key == "z" || code == "KeyZ" {
        Some(!e.shift_key())
    } else if (key == "y" || code == "KeyY") && e.ctrl_key() && !e.shift_key() {
        Some(false)
    } else {
        None
    }
}

/// Registers the document listeners for the widget's lifetime: a finished selection that
/// `read_selection` finds in the article shows the toolbar (mouse up at once; touch and keyboard selections after a short pause),
/// a collapsed one hides it; `c`, `1`–`9` and Enter act on it through `command`; Esc dismisses the
/// toolbar, then the popover, then re-attaching; Ctrl/⌘+Z undoes and Ctrl/⌘+Shift+Z or Ctrl+Y redo,
/// when `owns_history` says the key press is this widget's (never in a field, but for a popover's
/// selects, whose choice is made at once).
#[hook]
pub fn use_reader_input(
    read_selection: Rc<dyn Fn() -> Option<Pending>>,
    latest: Rc<RefCell<Latest>>,
    dispatcher: UseReducerDispatcher<State>,
    command: Rc<dyn Fn(Command)>,
    owns_history: Rc<dyn Fn() -> bool>,
) {
    use_effect_with((), move |_| {
        let document = gloo::utils::document();
        let dragging = Rc::new(RefCell::new(false));
        let debounce: Rc<RefCell<Option<Timeout>>> = Rc::default();
        let refresh: Rc<dyn Fn()> = {
            let dispatcher = dispatcher.clone();
            let (latest, read_selection) = (latest.clone(), read_selection.clone());
            Rc::new(move || {
                let pending = read_selection();
                if pending.is_some() || latest.borrow().pending.is_some() {
                    send_pending(&latest, &dispatcher, pending);
                }
            })
        };
        let on_down = {
            let dragging = dragging.clone();
            let debounce = debounce.clone();
            EventListener::new(&document, "mousedown", move |_| {
                *dragging.borrow_mut() = true;
                // A refresh still waiting from an earlier selection change must not fire mid-drag.
                debounce.borrow_mut().take();
            })
        };
        let on_up = {
            let dragging = dragging.clone();
            let refresh = refresh.clone();
            let dispatcher = dispatcher.clone();
            let latest = latest.clone();
            EventListener::new(&document, "mouseup", move |e| {
                *dragging.borrow_mut() = false;
                if inside(e, ".hamish-toolbar, .hamish-popover") {
                    return;
                }
                if latest.borrow().popover_open {
                    dispatcher.dispatch(Action::SetPopover(None));
                }
                refresh();
            })
        };
        let on_selection = {
            let (debounce, refresh) = (debounce.clone(), refresh.clone());
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
            // A field keeps its own undo, but for a popover's selects, whose choice is made at once
            // (a verdict): there Ctrl+Z is the widget's. (A form's select — settings, an entity's
            // deletion — holds a choice not made yet.)
            let field = inside(e, "input, textarea, select, [contenteditable]");
            let chosen = inside(e, ".hamish-popover select:not([data-draft])");
            if let Some(undo) = history_key(e).filter(|_| !field || chosen) {
                if owns_history() {
                    e.prevent_default();
                    dispatcher.dispatch(if undo {
                        Action::Undo {
                            at: clock::now_iso(),
                        }
                    } else {
                        Action::Redo {
                            at: clock::now_iso(),
                        }
                    });
                }
                return;
            }
            if field {
                return;
            }
            // A selection changed by the keyboard (Shift+arrows) is read after a pause; a key that
            // acts on it, pressed before the pause is over, acts on the selection as it is now.
            let acts = matches!(e.key().as_str(), "Escape" | "Enter")
                || shortcut(e, &latest.borrow().registry).is_some();
            if acts {
                // Read now, not only when a pause is still waiting: the last change's
                // `selectionchange` may not have arrived yet.
                debounce.borrow_mut().take();
                let current = read_selection();
                if current.is_some() && current != latest.borrow().pending {
                    send_pending(&latest, &dispatcher, current);
                }
            }
            let now = latest.borrow().clone();
            if e.key() == "Escape" {
                if now.pending.is_some() {
                    selection::clear();
                    dispatcher.dispatch(Action::SetPending(None));
                } else if now.popover_open {
                    dispatcher.dispatch(Action::SetPopover(None));
                } else if now.reattaching.is_some() {
                    dispatcher.dispatch(Action::SetReattaching(None));
                }
                return;
            }
            if now.pending.is_none() {
                return;
            }
            let wanted = if now.reattaching.is_some() {
                (e.key() == "Enter").then_some(Command::Attach)
            } else {
                shortcut(e, &now.registry).map(Command::Tag)
            };
            if let Some(wanted) = wanted {
                e.prevent_default();
                command(wanted);
            }
        });
        move || drop((on_down, on_up, on_selection, on_key))
    });
}
