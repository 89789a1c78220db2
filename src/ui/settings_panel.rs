//! The standalone page's fact-checking settings: the verdict scale claims are judged on, and the
//! reviewer details (name, organisation, its website) set once and kept in this browser.

use crate::core::claims::claim::evidence_url;
use crate::core::claims::settings::{Reviewer, Settings};
use crate::core::claims::verdicts::builtin_scales;
use crate::i18n::Lang;
use crate::ui::select_options::{choice, options};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Properties of [`SettingsPanel`].
#[derive(Properties, PartialEq)]
pub struct SettingsPanelProps {
    /// Interface language.
    pub lang: Lang,
    /// The settings now.
    pub settings: Settings,
    /// Called with the settings to keep.
    pub on_save: Callback<Settings>,
}

/// The settings form (a labelled region; Save keeps them).
#[function_component]
pub fn SettingsPanel(p: &SettingsPanelProps) -> Html {
    let c = p.lang.claims();
    let (scale, name, org, url) = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    let error = use_state(|| None::<String>);
    let onsubmit = {
        let (scale, name, org, url) = (scale.clone(), name.clone(), org.clone(), url.clone());
        let (on_save, error) = (p.on_save.clone(), error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| {
                r.cast::<HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default()
            };
            let url = value(&url).trim().to_string();
            if let (false, Err(e)) = (url.is_empty(), evidence_url(&url)) {
                error.set(Some(c.url_error(e).to_string()));
                return;
            }
            error.set(None);
            on_save.emit(Settings {
                scale: scale
                    .cast::<HtmlSelectElement>()
                    .map(|s| s.value())
                    .unwrap_or_default(),
                reviewer: Reviewer {
                    name: value(&name).trim().to_string(),
                    organization: value(&org).trim().to_string(),
                    url,
                },
            });
        })
    };
    let scales = builtin_scales()
        .into_iter()
        .map(|s| {
            let selected = s.id == p.settings.scale;
            choice(
                s.id.clone(),
                s.name(p.lang.is_arabic()).to_string(),
                selected,
            )
        })
        .collect();
    let r = &p.settings.reviewer;
    html! {
        <section class="hamish-settings" aria-labelledby="hamish-settings-title">
            <h2 id="hamish-settings-title">{ c.settings_title }</h2>
            <form {onsubmit}>
                <label for="hamish-scale">{ c.scale_label }</label>
                <select id="hamish-scale" ref={scale}>{ options(scales) }</select>
                <label for="hamish-reviewer-name">{ c.reviewer_name }</label>
                <input id="hamish-reviewer-name" type="text" dir="auto" value={r.name.clone()} ref={name} />
                <label for="hamish-reviewer-org">{ c.reviewer_org }</label>
                <input id="hamish-reviewer-org" type="text" dir="auto" value={r.organization.clone()} ref={org} />
                <label for="hamish-reviewer-url">{ c.reviewer_url }</label>
                <input id="hamish-reviewer-url" type="url" dir="ltr" placeholder="https://" value={r.url.clone()} ref={url} />
                if let Some(message) = &*error {
                    <p class="claim-error" role="alert">{ message.clone() }</p>
                }
                <button type="submit">{ c.save }</button>
            </form>
        </section>
    }
}
