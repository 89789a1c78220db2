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
    let chosen = use_state(|| Format::ClaimReview);
    let s = p.lang.exchange();
    let on_change = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            if let Some(format) = e
                .target_dyn_into::<HtmlSelectElement>()
                .and_then(|select| Format::from_name(&select.value()))
            {
                chosen.set(format);
            }
        })
    };
    let on_click = {
        let (chosen, on_export) = (*chosen, p.on_export.clone());
        Callback::from(move |_: MouseEvent| on_export.emit(chosen))
    };
    html! {
        <span class="hamish-export-as">
            <span class="hamish-export-as-label" aria-hidden="true">{ s.export_as }</span>
            <select aria-label={s.export_as} onchange={on_change}>
                { options(Format::ALL.iter().map(|f| choice(f.name(), p.lang.format_name(*f), *f == *chosen)).collect()) }
            </select>
            <button type="button" class="hamish-export-format" onclick={on_click}>{ s.download }</button>
        </span>
    }
}
