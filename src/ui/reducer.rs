//! The core's state as yew's reducer: every change goes through [`State::apply`].

use crate::core::annotations::state::{Action, State};
use std::rc::Rc;

impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}
