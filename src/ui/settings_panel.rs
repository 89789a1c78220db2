//! The standalone page's fact-checking settings: the verdict scale claims are judged on, and the
//! reviewer details (name, organisation, its website) set once and kept in this browser.

use crate::core::claims::claim::evidence_url;
use crate::core::claims::settings::{Reviewer, Settings};
use crate::core::claims::verdicts::builtin_scales;
use crate::i18n::Lang;
use crate::ui::select_options::{choice, options};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The value of the `selector` field in the form a submit event came from, trimmed.
fn field(e: &SubmitEvent, selector: &str) -> String {
    let found = e
        .target_dyn_into::<web_sys::Element>()
        .and_then(|form| form.query_selector(selector).ok().flatten());
    let value = match found {
        Some(el) => match el.dyn_into::<HtmlInputElement>() {
            Ok(input) => input.value(),
            Err(el) => el
                .dyn_into::<HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default(),
        },
        None => String::new(),
    };
    value.trim().to_string()
}

/// The settings form (a labelled region) on `settings`, in `lang`, showing `error` when given: Save
/// sends the settings to keep to `on_save`, or what was typed with the message for a website that is
/// not a web address (drawn again as `settings` with that `error`, so nothing typed is lost).
/// (A function, not a component: the fields hold what is typed, and each component costs the bundle
/// its own copy of yew's lifecycle code.)
pub fn settings_panel(
    lang: Lang,
    settings: &Settings,
    error: Option<&str>,
    on_save: &Callback<Result<Settings, (Settings, String)>>,
) -> Html {
    let c = lang.claims();
    let onsubmit = {
        let on_save = on_save.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let url = field(&e, "#hamish-reviewer-url");
            let refused = (!url.is_empty())
                .then(|| evidence_url(&url).err())
                .flatten();
            let typed = Settings {
                scale: field(&e, "#hamish-scale"),
                reviewer: Reviewer {
                    name: field(&e, "#hamish-reviewer-name"),
                    organization: field(&e, "#hamish-reviewer-org"),
                    url,
                },
            };
            on_save.emit(match refused {
                Some(error) => Err((typed, c.url_error(error).to_string())),
                None => Ok(typed),
            });
        })
    };
    let scales = builtin_scales()
        .into_iter()
        .map(|s| {
            let selected = s.id == settings.scale;
            choice(s.id.clone(), s.name(lang.is_arabic()).to_string(), selected)
        })
        .collect();
    let r = &settings.reviewer;
    html! {
        <section class="hamish-settings" aria-labelledby="hamish-settings-title">
            <h2 id="hamish-settings-title">{ c.settings_title }</h2>
            <form {onsubmit}>
                <label for="hamish-scale">{ c.scale_label }</label>
                <select id="hamish-scale">{ options(scales) }</select>
                <label for="hamish-reviewer-name">{ c.reviewer_name }</label>
                <input id="hamish-reviewer-name" type="text" dir="auto" value={r.name.clone()} />
                <label for="hamish-reviewer-org">{ c.reviewer_org }</label>
                <input id="hamish-reviewer-org" type="text" dir="auto" value={r.organization.clone()} />
                <label for="hamish-reviewer-url">{ c.reviewer_url }</label>
                <input id="hamish-reviewer-url" type="url" dir="ltr" placeholder="https://" value={r.url.clone()} />
                if let Some(message) = error {
                    <p class="claim-error" role="alert">{ message.to_string() }</p>
                }
                <button type="submit">{ c.save }</button>
            </form>
        </section>
    }
}
