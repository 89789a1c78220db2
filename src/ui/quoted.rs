//! Words quoted from the article, or typed by the reader, shown inside the interface: cut short and
//! marked with their own language (by their letters), so that a screen reader reads Arabic words in
//! the English interface with an Arabic voice, and the reverse.

use crate::core::text::article::detect_language;
use crate::core::text::units::short_quote;
use yew::prelude::*;

/// `text` cut to `max` characters in a `<span class={class}>` (a `<blockquote>` when `block`), with
/// its language and `dir="auto"`.
pub fn quoted(text: &str, max: usize, class: &'static str, block: bool) -> Html {
    let shown = short_quote(text, max);
    let lang = detect_language(&shown).0;
    if block {
        html! { <blockquote {class} dir="auto" {lang}>{ shown }</blockquote> }
    } else {
        html! { <span {class} dir="auto" {lang}>{ shown }</span> }
    }
}
