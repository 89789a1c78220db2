//! The side panel: every annotation in reading order, filterable by claim and by entity.

use crate::core::annotations::model::{Annotation, Kind};
use crate::core::annotations::state::Filter;
use crate::core::claims::claim::Status;
use crate::core::claims::verdicts::Scale;
use crate::core::entities::registry::Entity;
use crate::core::entities::suggestions::Suggestion;
use crate::i18n::Lang;
use crate::ui::article::kind_label;
use crate::ui::claim_form::{claim_summary, status_label};
use crate::ui::clicks::send;
use crate::ui::context::{use_widget, Widget};
use crate::ui::quoted::quoted;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

/// Properties of [`Panel`].
#[derive(Properties, PartialEq)]
pub struct PanelProps {
    /// All annotations, in reading order.
    pub annotations: Rc<Vec<Annotation>>,
    /// The active filter.
    pub filter: Filter,
    /// Called with the id of the annotation the reader chose.
    pub on_choose: Callback<String>,
    /// Entity suggestions still to decide on.
    pub suggestions: Rc<Vec<Suggestion>>,
    /// Called with an entity's id to go through its suggestions with the keyboard.
    pub on_review: Callback<String>,
    /// Lists the annotations without the controls that change them.
    #[prop_or_default]
    pub read_only: bool,
    /// In a host page, where suggestions are reviewed by clicking rather than with keys.
    #[prop_or_default]
    pub embedded: bool,
    /// Controls shown under the panel's title (the keyboard mode's button).
    #[prop_or_default]
    pub tools: Html,
}

/// The annotation panel (filters, re-attaching, deleting and accepting go through the widget's edits).
#[function_component]
pub fn Panel(p: &PanelProps) -> Html {
    let Widget {
        lang,
        registry,
        edits,
        scale,
    } = use_widget();
    let strings = lang.strings();
    let mut filters = vec![
        (Filter::All, strings.all.to_string(), None),
        (Filter::Claims, strings.claims.to_string(), None),
    ];
    filters.extend(registry.iter().map(|e| {
        (
            Filter::Entity(e.id.clone()),
            e.label(lang.is_arabic()).to_string(),
            Some(e.color.clone()),
        )
    }));
    // One filter button, with how many annotations it lets through.
    let chip = |filter: Filter, label: String, color: Option<String>| {
        let count = p.annotations.iter().filter(|a| filter.accepts(a)).count();
        let pressed = if filter == p.filter { "true" } else { "false" };
        let on_filter = edits.on_filter.clone();
        let style = color.map(|c| format!("--hl-color:{c}"));
        html! {
            <button type="button" class="chip" aria-pressed={pressed} {style}
                    onclick={move |_| on_filter.emit(filter.clone())}>
                { label }<span class="count">{ count }</span>
            </button>
        }
    };
    let chips = filters
        .into_iter()
        .map(|(filter, label, color)| chip(filter, label, color));
    // Claims by verdict (with counts) and by status.
    let c = lang.claims();
    let has_claims = p.annotations.iter().any(|a| a.kind == Kind::Claim);
    let verdict_chips = scale.verdicts.iter().map(|v| {
        chip(
            Filter::Verdict(v.id.clone()),
            v.label(lang.is_arabic()).to_string(),
            Some(v.color.clone()),
        )
    });
    let status_chips = Status::ALL
        .into_iter()
        .map(|st| chip(Filter::Status(st), status_label(st, lang).to_string(), None));
    let claim_filters = has_claims.then(|| {
        html! {
            <>
                <div class="filters filters-verdict" role="group" aria-label={c.by_verdict}>{ for verdict_chips }</div>
                <div class="filters filters-status" role="group" aria-label={c.by_status}>{ for status_chips }</div>
            </>
        }
    });
    let shown = (p.annotations.iter()).any(|a| !a.orphan && p.filter.accepts(a));
    let orphans: Vec<&Annotation> = p.annotations.iter().filter(|a| a.orphan).collect();
    // The list is drawn in parts of PART annotations, each redrawn only when its annotations
    // changed: a note typed among 10,000 annotations redraws one part, not 10,000 items.
    let parts = (0..p.annotations.len()).step_by(PART).map(|from| {
        html! {
            <ItemsPart key={from} annotations={p.annotations.clone()} {from} filter={p.filter.clone()}
                       {lang} registry={registry.clone()} scale={scale.clone()} />
        }
    });
    // One handler for every item (the one clicked is found by its `data-item`).
    let on_items = {
        let on_choose = p.on_choose.clone();
        Callback::from(move |e: MouseEvent| {
            let item = (e.composed_path().get(0).dyn_into::<Element>().ok())
                .and_then(|el| el.closest("[data-item]").ok().flatten())
                .and_then(|el| el.get_attribute("data-item"));
            if let Some(id) = item {
                on_choose.emit(id);
            }
        })
    };
    let orphan_items = orphans.iter().map(|a| {
        let reattach = send(&edits.on_reattach, Some(a.id.clone()));
        let delete = send(&edits.on_delete, a.id.clone());
        html! {
            <li class="orphan" data-orphan={a.id.clone()}>
                <span class="kind">{ kind_label(&a.kind, &registry, lang) }</span>
                { quoted(&a.target.exact, 90, "quote", false) }
                if !a.note.trim().is_empty() {
                    { quoted(&a.note, 90, "note", false) }
                }
                if !p.read_only {
                    <span class="actions">
                        <button type="button" onclick={reattach}>{ strings.reattach }</button>
                        <button type="button" onclick={delete}>{ strings.delete }</button>
                    </span>
                }
            </li>
        }
    });
    let orphan_section = (!orphans.is_empty()).then(|| {
        html! {
            <section class="orphans" aria-labelledby="hamish-orphans-title">
                <h3 id="hamish-orphans-title">{ strings.orphaned_title }<span class="count">{ orphans.len() }</span></h3>
                <p class="help">{ strings.orphaned_help }</p>
                <ul>{ for orphan_items }</ul>
            </section>
        }
    });
    let suggestion_rows = registry.iter().filter_map(|e| {
        let count = p.suggestions.iter().filter(|s| s.entity == e.id).count();
        (count > 0).then(|| {
            let accept = send(&edits.on_accept_all, e.id.clone());
            let review = send(&p.on_review, e.id.clone());
            html! {
                <li key={e.id.clone()} data-suggestions={e.id.clone()}>
                    <span class="kind kind-entity" style={format!("--hl-color:{}", e.color)}>{ e.label(lang.is_arabic()) }</span>
                    <span class="count">{ count }</span>
                    <button type="button" onclick={review}>{ strings.review }</button>
                    <button type="button" onclick={accept}>{ strings.accept_all.replace("{entity}", e.label(lang.is_arabic())).replace("{n}", &count.to_string()) }</button>
                </li>
            }
        })
    });
    let suggestion_section = (!p.read_only && !p.suggestions.is_empty()).then(|| {
        html! {
            <section class="suggestions" aria-labelledby="hamish-suggestions-title">
                <h3 id="hamish-suggestions-title">{ strings.suggestions_title }<span class="count">{ p.suggestions.len() }</span></h3>
                <p class="help">{ if p.embedded { strings.suggestions_help_embedded } else { strings.suggestions_help } }</p>
                <ul>{ for suggestion_rows }</ul>
            </section>
        }
    });
    let empty = if p.annotations.iter().all(|a| a.orphan) {
        Some(strings.panel_empty)
    } else if !shown {
        Some(strings.panel_filter_empty)
    } else {
        None
    };
    html! {
        <aside class="hamish-panel" id="hamish-panel" tabindex="-1" aria-labelledby="hamish-panel-title">
            <h2 id="hamish-panel-title">{ strings.panel_title }<span class="count">{ p.annotations.len() }</span></h2>
            { p.tools.clone() }
            <div class="filters" role="group" aria-label={strings.filter_label}>{ for chips }</div>
            { claim_filters.unwrap_or_default() }
            if let Some(text) = empty {
                <p class="empty">{ text }</p>
            } else {
                <ol class="items" onclick={on_items}>{ for parts }</ol>
            }
            { orphan_section.unwrap_or_default() }
            { suggestion_section.unwrap_or_default() }
        </aside>
    }
}

/// How many annotations one [`ItemsPart`] lists.
const PART: usize = 100;

/// Properties of [`ItemsPart`].
#[derive(Properties)]
struct PartProps {
    /// All annotations, in reading order.
    annotations: Rc<Vec<Annotation>>,
    /// The first of the part's annotations.
    from: usize,
    /// The active filter.
    filter: Filter,
    /// Interface language.
    lang: Lang,
    /// The entity registry.
    registry: Rc<Vec<Entity>>,
    /// The verdict scale.
    scale: Rc<Scale>,
}

impl PartProps {
    /// The part's annotations.
    fn part(&self) -> &[Annotation] {
        let to = self.annotations.len().min(self.from + PART);
        self.annotations.get(self.from..to).unwrap_or_default()
    }
}

impl PartialEq for PartProps {
    /// Equal when the part lists the same annotations the same way (the whole list need not be the
    /// same; a registry or scale that is not the same one redraws it).
    fn eq(&self, other: &Self) -> bool {
        self.filter == other.filter
            && self.lang == other.lang
            && Rc::ptr_eq(&self.registry, &other.registry)
            && Rc::ptr_eq(&self.scale, &other.scale)
            && (Rc::ptr_eq(&self.annotations, &other.annotations) || self.part() == other.part())
    }
}

/// The panel's items for `PART` annotations from `from` (those the filter lets through, not
/// orphans). Given what it draws as properties, not through the widget's context, so that it is
/// redrawn only when they change.
#[function_component]
fn ItemsPart(p: &PartProps) -> Html {
    let (lang, registry, scale) = (p.lang, &p.registry, &p.scale);
    let items = (p.part().iter())
        .filter(|a| !a.orphan && p.filter.accepts(a))
        .map(|a| {
            let (class, style) = match &a.kind {
                Kind::Claim => ("kind kind-claim", String::new()),
                Kind::Entity(eid) => (
                    "kind kind-entity",
                    crate::core::entities::registry::find(registry, eid)
                        .map_or(String::new(), |e| format!("--hl-color:{}", e.color)),
                ),
            };
            html! {
                <li>
                    <button type="button" class="item" data-item={a.id.clone()}>
                        <span {class} {style}>{ kind_label(&a.kind, registry, lang) }</span>
                        { quoted(&a.target.exact, 90, "quote", false) }
                        if !a.note.trim().is_empty() {
                            { quoted(&a.note, 90, "note", false) }
                        }
                        if a.kind == Kind::Claim {
                            { claim_summary(a, scale, lang) }
                        }
                    </button>
                </li>
            }
        });
    items.collect()
}
