//! The Export menu beside the Export JSON button: a format and a Download button (both widgets).

use crate::core::exchange::Format;
use crate::i18n::Lang;
use crate::ui::select_options::{choice, options};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlSelectElement};
use yew::prelude::*;

/// The format chosen in the menu whose Download button is `button`: read from its `<select>` (the
/// element before it), which keeps the reader's choice itself.
fn chosen(button: Option<Element>) -> Option<Format> {
    let select = button?
        .previous_element_sibling()?
        .dyn_into::<HtmlSelectElement>()
        .ok()?;
    let name = select.value();
    Format::ALL.iter().copied().find(|f| f.name() == name)
}

/// A `<select>` "Export as" (ClaimReview until the reader chooses) and a Download button that
/// emits the chosen format through `on_export`. (A function, not a component: the select holds the
/// choice, and each component costs the bundle its own copy of yew's lifecycle code.)
pub fn export_menu(lang: Lang, on_export: &Callback<Format>) -> Html {
    let s = lang.exchange();
    let on_click = {
        let on_export = on_export.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(format) = chosen(e.target_dyn_into::<Element>()) {
                on_export.emit(format);
            }
        })
    };
    html! {
        <span class="hamish-export-as">
            <span class="hamish-export-as-label" aria-hidden="true">{ s.export_as }</span>
            <select aria-label={s.export_as}>
                { options(Format::ALL.iter().enumerate().map(|(i, f)| choice(f.name(), lang.format_name(*f), i == 1)).collect()) }
            </select>
            <button type="button" class="hamish-export-format" onclick={on_click}>{ s.download }</button>
        </span>
    }
}
