//! The popover opened from a highlight: what each annotation under the point is, its tag, its note, delete.

use crate::core::annotations::model::{Annotation, Kind};
use crate::core::entities::registry::find;
use crate::core::entities::suggestions::Suggestion;
use crate::core::storage::entry::MAX_NOTE;
use crate::ui::article::kind_label;
use crate::ui::claim_form::{claim_summary, ClaimForm};
use crate::ui::clicks::send;
use crate::ui::context::Widget;
use crate::ui::quoted::quoted;
use crate::ui::select_options::{choice, options};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// What [`popover`] shows.
pub struct PopoverProps {
    /// The annotations under the clicked point, outermost first.
    pub annotations: Vec<Annotation>,
    /// The suggestions under it, each with how many suggestions its entity has in all.
    pub suggestions: Vec<(Suggestion, usize)>,
    /// Horizontal centre, pixels relative to the widget.
    pub x: f64,
    /// Bottom of the clicked highlight, pixels relative to the widget.
    pub y: f64,
    /// Called to close the popover.
    pub on_close: Callback<()>,
    /// Shows the annotations without the controls that change them.
    pub read_only: bool,
    /// The article's entity annotations a claim can be attributed to, in reading order: id and label.
    pub claimants: Vec<(String, String)>,
    /// Whether the focus starts at the first claim's "Attributed to".
    pub claimant_first: bool,
}

/// The value a `<select>` option uses for a kind.
fn kind_value(kind: &Kind) -> String {
    match kind {
        Kind::Claim => "claim".into(),
        Kind::Entity(id) => format!("entity:{id}"),
    }
}

/// The kind an option value stands for.
fn kind_from_value(value: &str) -> Kind {
    match value.strip_prefix("entity:") {
        Some(id) => Kind::Entity(id.into()),
        None => Kind::Claim,
    }
}

/// The popover's element: each time a popover opens on other annotations (`opened`: the first
/// annotation's id, the first suggestion's key, whether the claimant comes first), it is kept inside
/// the window and its first control takes the focus.
#[hook]
pub fn use_popover_ref(opened: Option<(Option<String>, Option<String>, bool)>) -> NodeRef {
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with(opened, move |opened| {
            let claimant_first = opened.as_ref().is_some_and(|o| o.2);
            if let Some(el) = dialog.cast::<HtmlElement>() {
                crate::web::page::keep_in_viewport(&el);
                let first = |selector: &str| el.query_selector(selector).ok().flatten();
                let start = claimant_first.then(|| first(".claim-claimant")).flatten();
                if let Some(target) = start
                    .or_else(|| first("select, .pop-accept"))
                    .or_else(|| first(".pop-close"))
                {
                    if let Ok(target) = target.dyn_into::<HtmlElement>() {
                        let _ = target.focus();
                    }
                }
            }
        });
    }
    {
        // A select shows what is recorded after each draw: an undo or redo back to a value the
        // reader chose before changes the option's `selected` attribute, which a select the reader
        // already changed does not follow. (Not a new link's stance: a choice not made yet.)
        let dialog = dialog.clone();
        use_effect(move || {
            let Some(el) = dialog.cast::<web_sys::Element>() else {
                return;
            };
            let Ok(selects) = el.query_selector_all("select:not([data-draft])") else {
                return;
            };
            for i in 0..selects.length() {
                let Some(select) = selects
                    .get(i)
                    .and_then(|n| n.dyn_into::<HtmlSelectElement>().ok())
                else {
                    continue;
                };
                let recorded = select
                    .query_selector("option[selected]")
                    .ok()
                    .flatten()
                    .and_then(|o| o.get_attribute("value"));
                if let Some(value) = recorded.filter(|v| *v != select.value()) {
                    select.set_value(&value);
                }
            }
        });
    }
    dialog
}

/// The highlight popover (a non-modal dialog; Esc or Close dismisses it), drawn into `dialog`
/// ([`use_popover_ref`]); its controls go through the widget's edits. (A function, not a component:
/// each component costs the bundle its own copy of yew's lifecycle code.)
pub fn popover(widget: &Widget, p: &PopoverProps, dialog: &NodeRef) -> Html {
    let Widget {
        lang,
        registry,
        edits,
        scale,
    } = widget;
    let (lang, scale) = (*lang, scale.clone());
    let strings = lang.strings();
    let onkeydown = {
        let on_close = p.on_close.clone();
        let dialog = dialog.clone();
        Callback::from(move |e: KeyboardEvent| {
            // Tab past its last control closes it, back to the highlight that opened it (it is drawn
            // last in the widget: the focus would leave the page).
            let last = || {
                let controls = dialog
                    .cast::<web_sys::Element>()?
                    .query_selector_all("button, select, textarea, input, a[href]")
                    .ok()?;
                controls.item(controls.length().checked_sub(1)?)
            };
            let past_last = e.key() == "Tab"
                && !e.shift_key()
                && e.target().zip(last()).is_some_and(|(t, l)| {
                    wasm_bindgen::JsValue::from(t) == wasm_bindgen::JsValue::from(l)
                });
            if e.key() == "Escape" || past_last {
                e.prevent_default();
                e.stop_propagation();
                on_close.emit(());
            }
        })
    };
    let sections = p.annotations.iter().map(|a| {
        let id = a.id.clone();
        let on_kind = edits.on_kind.clone();
        let onchange = {
            let id = id.clone();
            Callback::from(move |e: Event| {
                if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                    on_kind.emit((id.clone(), kind_from_value(&select.value())));
                }
            })
        };
        let on_note = edits.on_note.clone();
        let oninput = {
            let id = id.clone();
            Callback::from(move |e: InputEvent| {
                if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                    on_note.emit((id.clone(), area.value()));
                }
            })
        };
        let ondelete = send(&edits.on_delete, id.clone());
        let current = kind_value(&a.kind);
        let mut choices = vec![choice("claim", strings.claim, current == "claim")];
        for e in registry.iter() {
            let value = format!("entity:{}", e.id);
            let selected = value == current;
            choices.push(choice(value, e.label(lang.is_arabic()).to_string(), selected));
        }
        let select_id = format!("tag-{id}");
        let note_id = format!("note-{id}");
        if p.read_only {
            return html! {
                <section class="pop-item" data-ann-id={id.clone()}>
                    <h2 class="pop-kind">{ kind_label(&a.kind, registry, lang) }</h2>
                    { quoted(&a.target.exact, 140, "pop-quote", true) }
                    if !a.note.trim().is_empty() {
                        <p class="pop-note" dir="auto">{ a.note.clone() }</p>
                    }
                    if a.kind == Kind::Claim {
                        { claim_summary(a, &scale, lang) }
                    }
                </section>
            };
        }
        html! {
            <section class="pop-item" data-ann-id={id.clone()}>
                <h2 class="pop-kind">{ kind_label(&a.kind, registry, lang) }</h2>
                { quoted(&a.target.exact, 140, "pop-quote", true) }
                <label for={select_id.clone()}>{ strings.tag_label }</label>
                <select id={select_id} {onchange}>{ options(choices) }</select>
                <label for={note_id.clone()}>{ strings.note_label }</label>
                <textarea id={note_id} rows="3" maxlength={MAX_NOTE.to_string()} placeholder={strings.note_placeholder} value={a.note.clone()} {oninput} />
                if a.kind == Kind::Claim {
                    <ClaimForm key={a.id.clone()} claim={a.clone()} claimants={p.claimants.clone()} />
                }
                <button type="button" class="pop-delete" onclick={ondelete}>{ strings.delete }</button>
            </section>
        }
    });
    let suggested = p.suggestions.iter().map(|(sg, count)| {
        let entity = find(registry, &sg.entity);
        let name = entity.map_or(sg.entity.as_str(), |e| e.label(lang.is_arabic())).to_string();
        let (key, id) = (sg.key(), sg.entity.clone());
        let accept = send(&edits.on_accept, key.clone());
        // Rejected, the suggestion goes: the focus goes on to the next one, as the `x` key does.
        let reject = {
            let (on_reject, key) = (edits.on_reject.clone(), key.clone());
            Callback::from(move |_: MouseEvent| {
                crate::web::page::focus_suggestion_after(&key, true);
                on_reject.emit(key.clone());
            })
        };
        let accept_all = send(&edits.on_accept_all, id);
        html! {
            <section class="pop-item pop-suggestion" data-sg-id={key}>
                <h2 class="pop-kind">{ strings.suggested.replace("{entity}", &name) }</h2>
                <div class="pop-actions">
                    <button type="button" class="pop-accept" onclick={accept}>{ strings.accept }</button>
                    <button type="button" onclick={reject}>{ strings.reject }</button>
                    if *count > 1 {
                        <button type="button" onclick={accept_all}>
                            { strings.accept_all.replace("{entity}", &name).replace("{n}", &count.to_string()) }
                        </button>
                    }
                </div>
            </section>
        }
    });
    html! {
        <div class="hamish-popover" role="dialog" aria-label={strings.popover_label} ref={dialog.clone()} {onkeydown}
             style={format!("left:{}px;top:{}px", p.x as i32, p.y as i32)}>
            <button type="button" class="pop-close" aria-label={strings.close} onclick={send(&p.on_close, ())}>{ "×" }</button>
            { for sections }
            { for suggested }
        </div>
    }
}
