//! Click handlers that send a fixed value. Every button built with [`send`] shares one compiled
//! handler per value type, where a closure at each button would be its own compiled copy.

use yew::prelude::*;

/// A click handler that emits a clone of `value` on `callback` at each click.
pub fn send<T: Clone + 'static>(callback: &Callback<T>, value: T) -> Callback<MouseEvent> {
    let callback = callback.clone();
    Callback::from(move |_: MouseEvent| callback.emit(value.clone()))
}
