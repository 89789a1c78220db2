//! The toolbar shown beside a selection: Claim and one button per entity.

use crate::core::entities::Entity;
use crate::core::model::Kind;
use crate::i18n::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// Horizontal centre, pixels relative to the widget.
    pub x: f64,
    /// Top of the selection (bottom when `below`), pixels relative to the widget.
    pub y: f64,
    /// Whether the toolbar goes below the selection.
    pub below: bool,
    /// The entity registry (keys `1`… in this order).
    pub registry: Rc<Vec<Entity>>,
    /// Interface language.
    pub lang: Lang,
    /// Called with the chosen kind.
    pub on_tag: Callback<Kind>,
}

/// The selection toolbar. Its buttons do not take the focus on mouse down, so the selection stays.
#[function_component]
pub fn Toolbar(p: &ToolbarProps) -> Html {
    let keep_selection = Callback::from(|e: MouseEvent| e.prevent_default());
    let button = |kind: Kind, label: String, key: String, style: String| {
        let on_tag = p.on_tag.clone();
        let class = classes!("tb-btn", matches!(kind, Kind::Claim).then_some("tb-claim"));
        html! {
            <button type="button" {class} style={style} onmousedown={keep_selection.clone()}
                    onclick={move |_| on_tag.emit(kind.clone())} aria-keyshortcuts={key.clone()}>
                <span class="tb-label">{ label }</span><kbd aria-hidden="true">{ key }</kbd>
            </button>
        }
    };
    let strings = p.lang.strings();
    let entities = p.registry.iter().enumerate().take(9).map(|(i, e)| {
        button(
            Kind::Entity(e.id.clone()),
            e.label(p.lang.is_arabic()).to_string(),
            (i + 1).to_string(),
            format!("--hl-color:{}", e.color),
        )
    });
    html! {
        <div class={classes!("hamish-toolbar", p.below.then_some("below"))} role="toolbar" aria-label={strings.toolbar_label}
             style={format!("left:{}px;top:{}px", p.x, p.y)}>
            { button(Kind::Claim, strings.claim.to_string(), "c".into(), String::new()) }
            { for entities }
        </div>
    }
}
