//! The flash of a highlight just chosen in the panel, for both widgets: the span flashed (drawn by
//! the plan, [`crate::core::drawing::plan`]) and how to flash one.

use crate::core::text::span::Span;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// How long a flash lasts, in milliseconds (the CSS animation takes 1.5 s).
const FLASH_MS: u32 = 1600;

/// The span being flashed, and a function that flashes a span (a later flash replaces an earlier
/// one's timer, so it lasts its full time).
#[hook]
pub fn use_flash() -> (Option<Span>, Rc<dyn Fn(Span)>) {
    let flash = use_state(|| None::<Span>);
    let timer = use_mut_ref(|| None::<Timeout>);
    let start: Rc<dyn Fn(Span)> = {
        let flash = flash.clone();
        Rc::new(move |span| {
            flash.set(Some(span));
            let flash = flash.clone();
            *timer.borrow_mut() = Some(Timeout::new(FLASH_MS, move || flash.set(None)));
        })
    };
    (*flash, start)
}
