//! The page around the widget: query parameters, scrolling to and flashing highlights, geometry.

use gloo::events::EventListener;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{DomRect, Element, HtmlElement};

/// The value of `?name=` in the page's URL.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// The page's address.
pub fn href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Sets (`Some`) or removes (`None`) query parameters in the address bar without reloading, so a
/// reload keeps them; with `new_entry`, as a new entry of the tab's history (Back returns to the
/// address before), unless the address stays the same.
pub fn set_query(params: &[(&str, Option<&str>)], new_entry: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href()) else {
        return;
    };
    let search = url.search_params();
    for (name, value) in params {
        match value {
            Some(v) => search.set(name, v),
            None => search.delete(name),
        }
    }
    url.set_search(&String::from(search.to_string()));
    LANGUAGE.with(|l| *l.borrow_mut() = search.get("ui"));
    let (Ok(history), next) = (window.history(), url.href()) else {
        return;
    };
    let set = if new_entry && next != href() {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&next))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&next))
    };
    if set.is_ok() {
        SHOWN.with(|shown| *shown.borrow_mut() = next);
    }
}

thread_local! {
    /// The interface language (`?ui=`) the page's address last had: it stays when the reader goes
    /// Back or Forward to an entry made before they switched it.
    static LANGUAGE: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The address of what the page shows: put back while the page goes to another history entry,
    /// so that a reader who stays (the browser asks first when work is unsaved) keeps an address
    /// that opens what they see.
    static SHOWN: RefCell<String> = const { RefCell::new(String::new()) };
}

/// From now on, Back or Forward reloads the page, which opens the article its address names (in the
/// interface language chosen last): the only history entries of the page's own are the articles the
/// reader opened ([`set_query`]), and everything is saved (or the browser asks first when something
/// is not, and a reader who stays keeps this page's address).
pub fn reload_on_history() {
    let Some(window) = web_sys::window() else {
        return;
    };
    LANGUAGE.with(|l| *l.borrow_mut() = query_param("ui"));
    SHOWN.with(|shown| *shown.borrow_mut() = href());
    EventListener::new(&window, "popstate", |_| {
        let shown = SHOWN.with(|shown| shown.borrow().clone());
        if let Some(ui) = LANGUAGE.with(|l| l.borrow().clone()) {
            set_query(&[("ui", Some(&ui))], false);
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        if !crate::web::unsaved::any() && !crate::web::unsaved::entities_pending() {
            let _ = window.location().reload();
            return;
        }
        // Work no save could write: the browser asks before the page is left. The entry gone to
        // shows this page's address until the page is left for it, which then replaces it, so a
        // reader who stays keeps an address that opens what they see.
        let target = href();
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&shown));
        }
        SHOWN.with(|s| *s.borrow_mut() = shown);
        let _ = window.location().replace(&target);
    })
    .forget();
}

/// A CSS selector for elements whose attribute `name` is `value`, whatever characters the value holds
/// (an id from a backup or another tool may hold quotes or backslashes).
pub fn attribute_is(name: &str, value: &str) -> String {
    let mut quoted = String::new();
    for c in value.chars() {
        match c {
            '"' | '\\' => quoted.extend(['\\', c]),
            '\n' | '\r' | '\u{c}' => quoted.push_str(&format!("\\{:x} ", u32::from(c))),
            c => quoted.push(c),
        }
    }
    format!("[{name}=\"{quoted}\"]")
}

/// Scrolls the first highlight of annotation `id` into the middle of the window and focuses it (the
/// flash is drawn by the plan).
pub fn reveal(root: &Element, id: &str) {
    let selector = attribute_is("data-ann", id);
    let Some(part) = root.query_selector(&selector).ok().flatten() else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    options.set_behavior(web_sys::ScrollBehavior::Smooth);
    part.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(el) = part.dyn_into::<HtmlElement>() {
        let _ = el.focus_with_options(&{
            let o = web_sys::FocusOptions::new();
            o.set_prevent_scroll(true);
            o
        });
    }
}

/// Moves the keyboard focus to the suggestion named `key` and scrolls it into view.
pub fn focus_suggestion(key: &str) {
    let selector = suggestion_at(key);
    let found = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&selector).ok().flatten());
    if let Some(el) = found.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// The element that takes the focus for suggestion `key`: its own, or the highlight of the
/// annotations starting where it starts (`data-sg-here`).
fn suggestion_at(key: &str) -> String {
    format!(
        "{}[tabindex], {}",
        attribute_is("data-sg", key),
        attribute_is("data-sg-here", key)
    )
}

/// Moves the keyboard focus to the suggestion after (or before) the one named `key`, in reading order,
/// once the page has been redrawn (the current one may be about to disappear); at the end, the one
/// on the other side.
pub fn focus_suggestion_after(key: &str, forward: bool) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(all) = document.query_selector_all("[data-sg][tabindex], [data-sg-here]") else {
        return;
    };
    let keys: Vec<String> = (0..all.length())
        .filter_map(|i| all.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
        .filter_map(|el| (el.get_attribute("data-sg")).or_else(|| el.get_attribute("data-sg-here")))
        .collect();
    let Some(at) = keys.iter().position(|k| k == key) else {
        return;
    };
    // At either end, the one on the other side (the last rejected: the one before it).
    let (after, before) = (
        keys.get(at + 1),
        at.checked_sub(1).and_then(|i| keys.get(i)),
    );
    let next = if forward {
        after.or(before)
    } else {
        before.or(after)
    };
    let Some(next) = next.cloned() else { return };
    gloo::timers::callback::Timeout::new(0, move || {
        let selector = suggestion_at(&next);
        if let Some(el) = document
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    })
    .forget();
}

/// The first of an article's `count` blocks (`.hamish-article [data-block]`) whose bottom is below
/// the top of the window: where the reader is (0 when it cannot be told).
pub fn block_at_top(count: usize) -> usize {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return 0;
    };
    let below_top = |i: usize| {
        document
            .query_selector(&format!(".hamish-article [data-block=\"{i}\"]"))
            .ok()
            .flatten()
            .is_none_or(|el| el.get_bounding_client_rect().bottom() > 0.0)
    };
    let (mut lo, mut hi) = (0, count);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if below_top(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo.min(count.saturating_sub(1))
}

/// Moves the keyboard focus to the focusable part of annotation `id`'s highlight; whether it is drawn.
pub fn focus_highlight(root: &Element, id: &str) -> bool {
    focus_first(root, &(attribute_is("data-ann", id) + "[tabindex]"))
}

/// Whether the keyboard focus is nowhere in particular: on the page's body (the element that had it
/// went), or on a button just disabled (the browser takes the focus from it a moment later).
pub fn focus_lost() -> bool {
    let document = gloo::utils::document();
    document.active_element().is_none_or(|a| {
        Some(&a) == document.body().as_deref() || a.matches(":disabled").unwrap_or(false)
    })
}

/// Moves the keyboard focus to the first element under `root` matching `selector`; whether there was one.
pub fn focus_first(root: &Element, selector: &str) -> bool {
    let found = root.query_selector(selector).ok().flatten();
    match found.and_then(|el| el.dyn_into::<HtmlElement>().ok()) {
        Some(el) => el.focus().is_ok(),
        None => false,
    }
}

/// A point below or above `rect`, in pixels relative to `root`'s top-left corner, with the horizontal
/// centre kept at least `margin` pixels inside `root`.
pub fn anchor_point(root: &Element, rect: &DomRect, below: bool, margin: f64) -> (f64, f64) {
    let frame = root.get_bounding_client_rect();
    let centre = rect.left() + rect.width() / 2.0 - frame.left();
    let x = if frame.width() > 2.0 * margin {
        centre.max(margin).min(frame.width() - margin)
    } else {
        frame.width() / 2.0
    };
    let y = if below { rect.bottom() } else { rect.top() } - frame.top();
    (x, y)
}

/// Shifts a floating element (the toolbar, the popover) sideways so all of it stays inside the window,
/// through the `--nudge` CSS variable its transform adds.
pub fn keep_in_viewport(el: &HtmlElement) {
    let style = el.style();
    let _ = style.remove_property("--nudge");
    let Some(width) = el
        .owner_document()
        .and_then(|d| d.document_element())
        .map(|root| f64::from(root.client_width()))
    else {
        return;
    };
    let rect = el.get_bounding_client_rect();
    let margin = 8.0;
    let shift = if rect.left() < margin {
        margin - rect.left()
    } else if rect.right() > width - margin {
        (width - margin - rect.right()).max(margin - rect.left())
    } else {
        return;
    };
    let _ = style.set_property("--nudge", &format!("{}px", shift as i32));
}
