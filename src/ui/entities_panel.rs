//! The entity registry editor: the four defaults (read-only) and the reader's own entities, which can
//! be added, edited and deleted (their tags retagged or removed).

use crate::core::annotations::model::{Annotation, Kind};
use crate::core::entities::registry::{custom_entity, is_default, Entity};
use crate::ui::context::{use_widget, Widget};
use crate::ui::select_options::{choice, options};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Properties of [`EntitiesPanel`].
#[derive(Properties, PartialEq)]
pub struct EntitiesPanelProps {
    /// The open article's annotations (to say how many use an entity about to be deleted).
    pub annotations: Rc<Vec<Annotation>>,
    /// Called with a new or edited entity.
    pub on_save: Callback<Entity>,
    /// Called with an entity to delete and what its tags become (`None`: removed).
    pub on_delete: Callback<(String, Option<Kind>)>,
}

/// How many of an entity's forms its row shows.
const FORMS_SHOWN: usize = 6;

/// An entity's forms as its row shows them: the first [`FORMS_SHOWN`], each isolated so that Arabic
/// and Latin forms keep their order and their commas, then how many more there are.
fn forms_shown(forms: &[String], arabic: bool) -> impl Iterator<Item = Html> + '_ {
    let comma = if arabic { "، " } else { ", " };
    let more = forms.len().saturating_sub(FORMS_SHOWN);
    forms
        .iter()
        .take(FORMS_SHOWN)
        .enumerate()
        .map(move |(i, form)| html! { <>{ if i > 0 { comma } else { "" } }<bdi>{ form.clone() }</bdi></> })
        .chain((more > 0).then(|| html! { { format!("{comma}… (+{more})") } }))
}

/// The value of an input, textarea or select behind `node`.
fn value(node: &NodeRef) -> String {
    node.cast::<HtmlInputElement>()
        .map(|i| i.value())
        .or_else(|| node.cast::<HtmlTextAreaElement>().map(|t| t.value()))
        .or_else(|| node.cast::<HtmlSelectElement>().map(|s| s.value()))
        .unwrap_or_default()
}

/// The form's values for an entity (Arabic name, English name, colour, Wikidata id, forms), or a new
/// one's.
fn form_values(entity: Option<&Entity>) -> [String; 5] {
    match entity.map(|e| (e, e.given_names())) {
        Some((e, (ar, en))) => [
            ar.to_string(),
            en.to_string(),
            e.color.clone(),
            e.wikidata
                .as_deref()
                .and_then(|w| w.rsplit('/').next())
                .unwrap_or_default()
                .to_string(),
            e.forms.join("، "),
        ],
        None => [
            String::new(),
            String::new(),
            "#0f766e".into(),
            String::new(),
            String::new(),
        ],
    }
}

/// The editor.
#[function_component]
pub fn EntitiesPanel(p: &EntitiesPanelProps) -> Html {
    let Widget { lang, registry, .. } = use_widget();
    let s = lang.strings();
    // The form: closed (`None`), a new entity (an empty id) or the entity of that id.
    let editing = use_state(|| None::<String>);
    let deleting = use_state(|| None::<String>);
    // What went wrong, shown under the form or the deletion's question.
    let error = use_state(|| None::<String>);
    let fields: [NodeRef; 5] = [
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    ];
    // What the tags of the entity being deleted become, as chosen (`remove`, `claim`, `entity:ID`).
    // (`None` until the reader chooses: the first choice, `claim`; kept in the state type the other
    // fields use, so yew's state code is not compiled again for a `String`.)
    let chosen = use_state(|| None::<String>);
    // The form's inputs are left to the reader (yew would reset a `value` on every redraw); an
    // edited entity's current values are filled in once, when its form opens, and kept in `opened`
    // so that a save changes only the fields the reader changed.
    let opened = use_mut_ref(|| form_values(None));
    {
        let (fields, opened) = (fields.clone(), opened.clone());
        let registry = registry.clone();
        use_effect_with((*editing).clone(), move |which| {
            let current = which
                .as_deref()
                .and_then(|id| registry.iter().find(|e| e.id == id));
            let values = form_values(current);
            for (field, value) in fields.iter().zip(&values) {
                if let Some(input) = field.cast::<HtmlInputElement>() {
                    input.set_value(value);
                } else if let Some(area) = field.cast::<HtmlTextAreaElement>() {
                    area.set_value(value);
                }
            }
            *opened.borrow_mut() = values;
            // The form's first field takes the focus (the button that opened it is gone).
            if which.is_some() {
                if let Some(first) = fields[0].cast::<HtmlInputElement>() {
                    let _ = first.focus();
                }
            }
        });
    }
    // The deletion's question takes the focus: its choice of what the tags become.
    let question = use_node_ref();
    {
        let question = question.clone();
        use_effect_with((*deleting).clone(), move |_| {
            if let Some(select) = question.cast::<HtmlSelectElement>() {
                let _ = select.focus();
            }
        });
    }

    let rows = registry.iter().map(|e| {
        let builtin = is_default(&e.id);
        let edit = {
            let editing = editing.clone();
            let id = e.id.clone();
            move |_| editing.set(Some(id.clone()))
        };
        let delete = {
            let (deleting, chosen, error) = (deleting.clone(), chosen.clone(), error.clone());
            let id = e.id.clone();
            move |_| {
                chosen.set(None);
                error.set(None);
                deleting.set(Some(id.clone()))
            }
        };
        html! {
            <li class="entity" data-entity={e.id.clone()}>
                <span class="swatch" style={format!("background:{}", e.color)}></span>
                <span class="name">{ e.label(lang.is_arabic()) }</span>
                <span class="forms">{ for forms_shown(&e.forms, lang.is_arabic()) }</span>
                if builtin {
                    <span class="builtin">{ s.entity_builtin }</span>
                } else {
                    <span class="actions">
                        <button type="button" onclick={edit}>{ s.entity_edit }</button>
                        <button type="button" onclick={delete}>{ s.delete }</button>
                    </span>
                }
            </li>
        }
    });

    let confirm = (*deleting).clone().and_then(|id| registry.iter().find(|e| e.id == id).cloned()).map(|entity| {
        let uses = p.annotations.iter().filter(|a| matches!(&a.kind, Kind::Entity(x) if *x == entity.id)).count();
        // The choice is kept by value and drawn as selected, so another tab's change to the list
        // never moves it to a neighbour; a chosen entity deleted since stops the deletion.
        // Until the reader chooses (and when their choice is gone), the tags are kept as claims:
        // the first choice is never the one that removes them.
        let now = (*chosen).clone().unwrap_or_else(|| "claim".into());
        let mut choices = vec![choice("claim", format!("{}{}", s.entity_retag_as, s.claim), now == "claim"), choice("remove", s.entity_remove_tags, now == "remove")];
        for o in registry.iter().filter(|o| o.id != entity.id) {
            let value = format!("entity:{}", o.id);
            let selected = value == now;
            choices.push(choice(value, format!("{}{}", s.entity_retag_as, o.label(lang.is_arabic())), selected));
        }
        let on_delete = p.on_delete.clone();
        let deleting_done = deleting.clone();
        let (registry_now, gone, chosen_now) = (registry.clone(), error.clone(), chosen.clone());
        let id = entity.id.clone();
        let go = move |_| {
            let replacement = match now.as_str() {
                "remove" => None,
                "claim" => Some(Kind::Claim),
                v => v.strip_prefix("entity:").map(|x| Kind::Entity(x.to_string())),
            };
            // The select now shows its first choice (claims), as the browser does when the chosen
            // option goes.
            if matches!(&replacement, Some(Kind::Entity(x)) if !registry_now.iter().any(|e| e.id == *x)) {
                chosen_now.set(None);
                return gone.set(Some(s.entity_choice_gone.into()));
            }
            on_delete.emit((id.clone(), replacement));
            deleting_done.set(None);
        };
        let pick = { let (chosen, gone) = (chosen.clone(), error.clone()); move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                chosen.set(Some(select.value()));
                gone.set(None);
            }
        } };
        let cancel = { let deleting = deleting.clone(); move |_| deleting.set(None) };
        html! {
            <div class="confirm" role="alertdialog" aria-label={s.entity_confirm_delete}>
                <p>{ s.entity_delete_prompt.replace("{n}", &uses.to_string()).replace("{entity}", entity.label(lang.is_arabic())) }</p>
                <select ref={question.clone()} onchange={pick} aria-label={s.entity_tags_choice}>
                    { options(choices) }
                </select>
                <button type="button" class="danger" onclick={go}>{ s.entity_confirm_delete }</button>
                <button type="button" onclick={cancel}>{ s.cancel }</button>
            </div>
        }
    });

    let form = (*editing).clone().map(|which| {
        let save = {
            let fields = fields.clone();
            let registry = registry.clone();
            let on_save = p.on_save.clone();
            let editing = editing.clone();
            let error = error.clone();
            let which = which.clone();
            let opened = opened.clone();
            move |e: SubmitEvent| {
                e.prevent_default();
                let id = Some(which.as_str()).filter(|id| !id.is_empty());
                let current = registry.iter().find(|e| Some(e.id.as_str()) == id);
                if id.is_some() && current.is_none() {
                    return error.set(Some(s.entity_gone.into()));
                }
                // A field the reader left as it was when the form opened takes the entity's value now
                // (another tab may have changed it since).
                let now = form_values(current);
                let typed: Vec<String> = fields.iter().map(value).collect();
                let opened = opened.borrow();
                let pick = |i: usize| if typed[i] == opened[i] { now[i].as_str() } else { typed[i].as_str() };
                match custom_entity(id, pick(1), pick(0), pick(2), pick(3), pick(4), &registry) {
                    Ok(entity) => {
                        error.set(None);
                        editing.set(None);
                        on_save.emit(entity);
                    }
                    Err(reason) => error.set(Some(s.entity_invalid.replace("{reason}", &reason))),
                }
            }
        };
        let cancel = { let editing = editing.clone(); let error = error.clone(); move |_| { editing.set(None); error.set(None); } };
        let [ar, en, color, wikidata, forms] = fields.clone();
        html! {
            <form class="entity-form" onsubmit={save}>
                <label>{ s.entity_label_ar }<input ref={ar} type="text" dir="rtl" lang="ar" /></label>
                <label>{ s.entity_label_en }<input ref={en} type="text" dir="ltr" lang="en" /></label>
                <label>{ s.entity_color }<input ref={color} type="color" /></label>
                <label>{ s.entity_wikidata }<input ref={wikidata} type="text" dir="ltr" /></label>
                <label>{ s.entity_forms }<textarea ref={forms} rows="2" dir="auto" /></label>
                <div class="actions">
                    <button type="submit">{ s.entity_save }</button>
                    <button type="button" onclick={cancel}>{ s.cancel }</button>
                </div>
            </form>
        }
    });
    let add = {
        let editing = editing.clone();
        move |_| editing.set(Some(String::new()))
    };
    html! {
        <section class="hamish-entities" aria-labelledby="hamish-entities-title">
            <h2 id="hamish-entities-title">{ s.entities_title }</h2>
            <ul>{ for rows }</ul>
            { confirm.unwrap_or_default() }
            if let Some(message) = &*error {
                <p class="error" role="alert">{ message.clone() }</p>
            }
            { form.unwrap_or_else(|| html! { <button type="button" class="add" onclick={add}>{ s.entity_add }</button> }) }
        </section>
    }
}
