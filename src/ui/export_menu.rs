//! The Export menu beside the Export JSON button: a format and a Download button (both widgets).

use crate::core::exchange::Format;
use crate::i18n::Lang;
use crate::ui::select_options::{choice, options};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Properties of [`ExportMenu`].
#[derive(Properties, PartialEq)]
pub struct ExportMenuProps {
    /// The interface language.
    pub lang: Lang,
    /// Called with the chosen format when the reader asks for the file.
    pub on_export: Callback<Format>,
}

/// A `<select>` "Export as" and a Download button.
#[function_component]
pub fn ExportMenu(p: &ExportMenuProps) -> Html {
    // The chosen format, as its place in `Format::ALL` (1: ClaimReview until the reader chooses): a
    // `u32`, a type yew's state code is already compiled for.
    let chosen = use_state(|| 1u32);
    let format = Format::ALL[*chosen as usize];
    let s = p.lang.exchange();
    let on_change = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            if let Some(place) = e.target_dyn_into::<HtmlSelectElement>().and_then(|select| {
                let name = select.value();
                Format::ALL.iter().position(|f| f.name() == name)
            }) {
                chosen.set(place as u32);
            }
        })
    };
    let on_click = {
        let on_export = p.on_export.clone();
        Callback::from(move |_: MouseEvent| on_export.emit(format))
    };
    html! {
        <span class="hamish-export-as">
            <span class="hamish-export-as-label" aria-hidden="true">{ s.export_as }</span>
            <select aria-label={s.export_as} onchange={on_change}>
                { options(Format::ALL.iter().map(|f| choice(f.name(), p.lang.format_name(*f), *f == format)).collect()) }
            </select>
            <button type="button" class="hamish-export-format" onclick={on_click}>{ s.download }</button>
        </span>
    }
}
