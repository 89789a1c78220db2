//! The `<option>`s of a `<select>`, built by one function for every select of the widget (each
//! list built in place would be its own compiled copy of the same code).

use yew::prelude::*;

/// One `<option>`: its value, its label and whether it is selected.
pub type Choice = (AttrValue, AttrValue, bool);

/// A [`Choice`] from anything that makes an attribute value.
pub fn choice(value: impl Into<AttrValue>, label: impl Into<AttrValue>, selected: bool) -> Choice {
    (value.into(), label.into(), selected)
}

/// A `<select>`'s options, in order, keyed by value: when the list changes under an open select
/// (another tab's entities), the chosen option stays the same element rather than a neighbour.
pub fn options(choices: Vec<Choice>) -> Html {
    choices
        .into_iter()
        .map(|(value, label, selected)| html! { <option key={value.as_str()} {value} {selected}>{ label }</option> })
        .collect()
}
