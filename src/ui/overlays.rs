//! What both widgets draw over the article: the banner while an orphan is being re-attached, the
//! toolbar beside a selection, and the popover of a highlight.

use crate::core::annotations::model::{Annotation, Kind};
use crate::core::annotations::state::State;
use crate::core::claims::claim::Claimant;
use crate::core::collections::index::repeats;
use crate::core::entities::suggestions::Suggestion;
use crate::core::text::units::short_quote;
use crate::ui::article::describe;
use crate::ui::clicks::send;
use crate::ui::context::Widget;
use crate::ui::popover::{popover, PopoverProps};
use crate::ui::toolbar::{toolbar, ToolbarAt};
use yew::prelude::*;

/// The three overlays, each an empty fragment when not shown (so each keeps its child slot).
pub struct Overlays {
    /// "Select the new place of …", with Cancel.
    pub banner: Html,
    /// The selection toolbar.
    pub toolbar: Html,
    /// The highlight popover.
    pub popover: Html,
}

/// The overlays for `state` in `widget` (the context the widget provides, whose language the banner
/// speaks): `suggestions` are the pending ones, `on_close` closes the popover, and `read_only` leaves
/// out the controls that change annotations; the toolbar is drawn into `toolbar_ref`
/// ([`crate::ui::toolbar::use_toolbar_ref`]) and the popover into `popover_ref`
/// ([`crate::ui::popover::use_popover_ref`]).
pub fn overlays(
    state: &State,
    suggestions: &[Suggestion],
    widget: &Widget,
    on_close: &Callback<()>,
    read_only: bool,
    toolbar_ref: &NodeRef,
    popover_ref: &NodeRef,
) -> Overlays {
    let strings = widget.lang.strings();
    let reattaching = state.reattaching.as_ref().and_then(|id| state.get(id));
    let banner = reattaching.map(|a| {
        html! {
            <div class="hamish-reattach" role="status">
                <p>{ strings.reattach_prompt.replace("{quote}", &short_quote(&a.target.exact, 60)) }</p>
                <button type="button" onclick={send(&widget.edits.on_reattach, None)}>{ strings.cancel }</button>
            </div>
        }
    });
    let toolbar = state.pending.as_ref().map(|p| {
        let at = ToolbarAt {
            x: p.x,
            y: p.y,
            below: p.below,
            reattaching: reattaching.is_some(),
        };
        toolbar(widget, &at, toolbar_ref)
    });
    let popover = state.popover.as_ref().map(|p| {
        let annotations: Vec<Annotation> = p
            .ids
            .iter()
            .filter_map(|id| state.get(id).cloned())
            .collect();
        let suggested: Vec<(Suggestion, usize)> = p
            .suggestions
            .iter()
            .filter_map(|key| suggestions.iter().find(|s| s.key() == *key))
            .map(|sg| {
                (
                    sg.clone(),
                    suggestions.iter().filter(|s| s.entity == sg.entity).count(),
                )
            })
            .collect();
        // Who a claim can be attributed to: the article's entity tags, in reading order, once per
        // entity and words (the first), and the tag a claim here is attributed to. Only a claim
        // needs them (describing 10,000 tags on every keystroke in a tag's note cost 5 ms).
        let has_claim = annotations.iter().any(|a| a.kind == Kind::Claim);
        let linked: Vec<&str> = annotations
            .iter()
            .filter_map(|a| match &a.claim.claimant {
                Some(Claimant::Entity(id)) => Some(id.as_str()),
                _ => None,
            })
            .collect();
        let all: &[Annotation] = if has_claim { &state.annotations } else { &[] };
        let tags: Vec<(String, String)> = (all.iter())
            .filter(|a| !a.orphan && matches!(a.kind, Kind::Entity(_)))
            .map(|a| (a.id.clone(), describe(a, &widget.registry, widget.lang)))
            .collect();
        let repeat = repeats(
            &tags
                .iter()
                .map(|(_, label)| label.as_str())
                .collect::<Vec<_>>(),
        );
        let claimants: Vec<(String, String)> = tags
            .into_iter()
            .zip(repeat)
            .filter(|((id, _), repeat)| !repeat || linked.contains(&id.as_str()))
            .map(|(tag, _)| tag)
            .collect();
        let props = PopoverProps {
            annotations,
            suggestions: suggested,
            x: p.x,
            y: p.y,
            on_close: on_close.clone(),
            read_only,
            claimants,
            claimant_first: p.claimant_first,
        };
        popover(widget, &props, popover_ref)
    });
    Overlays {
        banner: banner.unwrap_or_default(),
        toolbar: toolbar.unwrap_or_default(),
        popover: popover.unwrap_or_default(),
    }
}
