//! The core's state as yew's reducer: every change goes through [`State::apply`], dispatched as an
//! [`Action`] (callbacks that dispatch one are made by [`make_callback`]).

use crate::core::annotations::state::{Action, State};
use std::rc::Rc;
use yew::{Callback, UseReducerDispatcher};

impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

/// A callback that dispatches the action `action` makes of its argument, e.g.
/// `make_callback(&dispatcher, Action::Delete)`.
pub fn make_callback<In: 'static>(
    dispatcher: &UseReducerDispatcher<State>,
    action: impl Fn(In) -> Action + 'static,
) -> Callback<In> {
    let dispatcher = dispatcher.clone();
    Callback::from(move |input| dispatcher.dispatch(action(input)))
}
