//! A claim's fact-checking controls in its popover: verdict, status, who made it, evidence, when it
//! was made, whether it is worth checking. Each change goes through the widget's `on_claim` edit (so
//! it is stored, merged, announced to a host page and undoable like any other change).

use crate::core::annotations::model::Annotation;
use crate::core::annotations::state::{ClaimField, Notice};
use crate::core::claims::claim::{
    claim_date, evidence_url, ClaimDetails, Claimant, Evidence, Stance, Status, UrlError,
    MAX_CLAIMANT, MAX_EVIDENCE, URL_MAX,
};
use crate::core::claims::verdicts::Scale;
use crate::core::entities::registry::wikidata_iri;
use crate::i18n::Lang;
use crate::ui::context::{use_widget, Widget};
use crate::ui::select_options::{choice, options};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Properties of [`ClaimForm`].
#[derive(Properties, PartialEq)]
pub struct ClaimFormProps {
    /// The claim.
    pub claim: Annotation,
    /// The article's entity annotations a claim can be attributed to, in reading order: id and label.
    pub claimants: Vec<(String, String)>,
}

/// The value of the "Attributed to" option for a name typed by hand.
const TYPED: &str = "typed";

/// The label of a status in the interface language.
pub fn status_label(status: Status, lang: Lang) -> &'static str {
    let c = lang.claims();
    match status {
        Status::Unverified => c.unverified,
        Status::InReview => c.in_review,
        Status::Checked => c.checked,
    }
}

/// The label of a stance in the interface language.
fn stance_label(stance: Stance, lang: Lang) -> &'static str {
    let c = lang.claims();
    match stance {
        Stance::Supports => c.supports,
        Stance::Refutes => c.refutes,
        Stance::Context => c.context,
    }
}

/// The options of an evidence link's stance.
fn stance_options(selected: Stance, lang: Lang) -> Html {
    options(
        Stance::ALL
            .into_iter()
            .map(|s| choice(s.name(), stance_label(s, lang), s == selected))
            .collect(),
    )
}

/// Emits a claim's details changed by a change (what changed, and the change).
type Update = Rc<dyn Fn(ClaimField, &dyn Fn(&mut ClaimDetails))>;

/// What is typed in a claim's form but not yet part of the claim: the new evidence link (and its
/// stance), the claimant's Wikidata id and the published fact-check URL, which are committed by a
/// button or on leaving the field (an address half typed is never taken for the whole).
/// When the form goes first (Esc or a click elsewhere closes the popover), [`add_draft`] adds them.
#[derive(Default)]
struct Draft {
    url: String,
    stance: Option<Stance>,
    wikidata: Option<String>,
    review: Option<String>,
}

/// Adds what `draft` holds to the claim through `update`: a link that is a web address, a Wikidata id
/// that reads as one for a typed claimant; a link that is not, or one the claim has no room for
/// (`full`), an id that is not one, and a fact-check URL that is not an address, are shown in a
/// notice, not dropped.
fn add_draft(draft: &Draft, update: &Update, full: bool, on_notice: &Callback<Notice>) {
    if let Some(typed) = &draft.review {
        match review_typed(typed) {
            Ok(review) => update(ClaimField::Review, &|d| d.review.clone_from(&review)),
            Err(refused) => on_notice.emit(Notice::ReviewNotKept {
                url: crate::core::text::units::short_quote(typed.trim(), 200),
                refused,
            }),
        }
    }
    let url = draft.url.trim();
    let evidence = match evidence_url(url) {
        Ok(url) if !full => Some(url),
        valid if !url.is_empty() => {
            on_notice.emit(Notice::EvidenceNotAdded {
                url: crate::core::text::units::short_quote(url, 200),
                refused: valid.err(),
            });
            None
        }
        _ => None,
    };
    let wikidata = draft
        .wikidata
        .as_deref()
        .and_then(|w| match wikidata_iri(w) {
            Ok(iri) => Some(iri),
            Err(_) => {
                on_notice.emit(Notice::WikidataNotAdded(
                    crate::core::text::units::short_quote(w.trim(), 60),
                ));
                None
            }
        });
    // Each field on its own: the reducer takes only the field a change names.
    if let Some(url) = evidence {
        update(ClaimField::Evidence, &|d| {
            if !d.lists(&url) {
                d.evidence.push(Evidence {
                    url: url.clone(),
                    stance: draft.stance.unwrap_or(Stance::Refutes),
                });
            }
        });
    }
    if let Some(w) = wikidata {
        update(ClaimField::Attribution, &|d| {
            if let Some(Claimant::Named { wikidata, .. }) = &mut d.claimant {
                wikidata.clone_from(&w);
            }
        });
    }
}

/// What a published fact-check URL typed in full makes the claim's: none when the field is empty,
/// the address when it reads as one, else why not.
fn review_typed(text: &str) -> Result<Option<String>, UrlError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    evidence_url(text).map(Some)
}

/// The claim's controls.
#[function_component]
pub fn ClaimForm(p: &ClaimFormProps) -> Html {
    let Widget {
        lang, edits, scale, ..
    } = use_widget();
    let c = lang.claims();
    let id = p.claim.id.clone();
    let details = p.claim.claim.clone();
    let typed_name = use_state(|| matches!(details.claimant, Some(Claimant::Named { .. })));
    let evidence_error = use_state(|| None::<String>);
    let date_error = use_state(|| None::<String>);
    let review_error = use_state(|| None::<String>);
    let wikidata_error = use_state(|| None::<String>);
    let new_url = use_node_ref();
    let new_stance = use_node_ref();
    // Emits the claim's details changed by `change`.
    let update = {
        let (on_claim, id, details) = (edits.on_claim.clone(), id.clone(), details.clone());
        move |field: ClaimField, change: &dyn Fn(&mut ClaimDetails)| {
            let mut next = details.clone();
            change(&mut next);
            // A change that changes nothing (a link already listed) is no step.
            if next != details {
                on_claim.emit((id.clone(), next, field));
            }
        }
    };
    let select_value = |e: &Event| e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value());
    let input_value = |e: &InputEvent| e.target_dyn_into::<HtmlInputElement>().map(|i| i.value());
    let draft = use_mut_ref(Draft::default);
    let latest = use_mut_ref(|| None::<Update>);
    *latest.borrow_mut() = Some(Rc::new(update.clone()));
    // Whether the claim has as many links as it keeps (a link typed then stays in its field, or is
    // shown in a notice when the form goes).
    let full = details.evidence.len() >= MAX_EVIDENCE;
    let latest_full = use_mut_ref(|| full);
    *latest_full.borrow_mut() = full;
    {
        let (draft, latest, on_notice) = (draft.clone(), latest.clone(), edits.on_notice.clone());
        let (new_url, latest_full) = (new_url.clone(), latest_full.clone());
        use_effect_with((), move |_| {
            // Leaving or hiding the page adds what is typed and reads as a link or an id, as
            // closing the form does: it is not lost with the tab. (What does not read is left in
            // its field, and reported when the form closes.)
            let leaving = {
                let (draft, latest, on_notice) = (draft.clone(), latest.clone(), on_notice.clone());
                let latest_full = latest_full.clone();
                move || {
                    let full = *latest_full.borrow();
                    let mut d = draft.borrow_mut();
                    let ready = Draft {
                        url: (evidence_url(d.url.trim()).ok().filter(|_| !full))
                            .map_or(String::new(), |_| std::mem::take(&mut d.url)),
                        stance: d.stance,
                        wikidata: d.wikidata.take_if(|w| wikidata_iri(w).is_ok()),
                        review: d.review.take_if(|r| review_typed(r).is_ok()),
                    };
                    drop(d);
                    if !ready.url.is_empty() {
                        if let Some(input) = new_url.cast::<HtmlInputElement>() {
                            input.set_value("");
                        }
                    }
                    if let Some(update) = latest.borrow().as_ref() {
                        add_draft(&ready, update, full, &on_notice);
                    }
                }
            };
            let window = gloo::utils::window();
            let on = |target: &web_sys::EventTarget, name: &'static str| {
                let leaving = leaving.clone();
                gloo::events::EventListener::new(target, name, move |_| {
                    if name != "visibilitychange" || gloo::utils::document().hidden() {
                        leaving();
                    }
                })
            };
            let listeners = [
                on(&window, "pagehide"),
                on(&gloo::utils::document(), "visibilitychange"),
            ];
            move || {
                drop(listeners);
                if let Some(update) = latest.borrow().as_ref() {
                    add_draft(&draft.borrow(), update, *latest_full.borrow(), &on_notice);
                }
            }
        });
    }
    let on_url = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(url) = input_value(&e) {
                draft.borrow_mut().url = url;
            }
        })
    };
    let on_new_stance = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            draft.borrow_mut().stance = select_value(&e).as_deref().and_then(Stance::from_name);
        })
    };
    let on_wikidata_input = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| draft.borrow_mut().wikidata = input_value(&e))
    };

    let on_verdict = {
        let update = update.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = select_value(&e) {
                update(ClaimField::Verdict, &|d| {
                    d.verdict = (!v.is_empty()).then(|| v.clone())
                });
            }
        })
    };
    let on_status = {
        let update = update.clone();
        Callback::from(move |e: Event| {
            if let Some(status) = select_value(&e).as_deref().and_then(Status::from_name) {
                update(ClaimField::Status, &|d| d.status = status);
            }
        })
    };
    // A name typed by hand, kept while another choice is tried: choosing "Someone else" again
    // brings it back rather than an empty field.
    let set_aside = use_mut_ref(|| None::<Claimant>);
    let on_claimant = {
        let (update, typed_name) = (update.clone(), typed_name.clone());
        let attributed = matches!(details.claimant, Some(Claimant::Entity(_)));
        let named = details
            .claimant
            .clone()
            .filter(|c| matches!(c, Claimant::Named { .. }));
        Callback::from(move |e: Event| {
            let Some(v) = select_value(&e) else { return };
            typed_name.set(v == TYPED);
            if named.is_some() {
                set_aside.borrow_mut().clone_from(&named);
            }
            let back = set_aside.borrow().clone();
            match v.as_str() {
                // From an entity tag or nobody to the name typed before, or to one still to type
                // (an entity tag no longer says who).
                TYPED if back.is_some() || attributed => {
                    update(ClaimField::Attribution, &|d| d.claimant.clone_from(&back))
                }
                TYPED => {}
                "" => update(ClaimField::Attribution, &|d| d.claimant = None),
                entity => update(ClaimField::Attribution, &|d| {
                    d.claimant = Some(Claimant::Entity(entity.to_string()))
                }),
            }
        })
    };
    let (typed, typed_wikidata) = match &details.claimant {
        Some(Claimant::Named { name, wikidata }) => {
            (name.clone(), wikidata.clone().unwrap_or_default())
        }
        _ => (String::new(), String::new()),
    };
    let on_name = {
        let (update, wikidata) = (update.clone(), typed_wikidata.clone());
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(name) = input_value(&e) {
                // A Wikidata id typed before the name joins it now.
                let waiting = draft
                    .borrow()
                    .wikidata
                    .as_deref()
                    .and_then(|w| wikidata_iri(w).ok().flatten());
                let wikidata = (!wikidata.is_empty()).then(|| wikidata.clone()).or(waiting);
                update(ClaimField::Claimant, &|d| {
                    d.claimant = (!name.trim().is_empty()).then(|| Claimant::Named {
                        name: name.clone(),
                        wikidata: wikidata.clone(),
                    })
                });
            }
        })
    };
    let on_wikidata = {
        let (update, name, error) = (update.clone(), typed.clone(), wikidata_error.clone());
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let Some(text) = e.target_dyn_into::<HtmlInputElement>().map(|i| i.value()) else {
                return;
            };
            match wikidata_iri(&text) {
                Ok(wikidata) if !name.trim().is_empty() => {
                    draft.borrow_mut().wikidata = None;
                    error.set(None);
                    // Part of typing the claimant: one step with the name typed in this sitting.
                    update(ClaimField::Claimant, &|d| {
                        d.claimant = Some(Claimant::Named {
                            name: name.clone(),
                            wikidata: wikidata.clone(),
                        })
                    });
                }
                // No name yet: the id waits in the draft for one.
                Ok(_) => error.set(None),
                // Left in the draft: if the form closes with it, a notice shows what was typed.
                Err(_) => error.set(Some(c.bad_wikidata.to_string())),
            }
        })
    };
    let full_note = c.evidence_full.replace("{n}", &MAX_EVIDENCE.to_string());
    let on_add_evidence = {
        let (update, error, full_note) =
            (update.clone(), evidence_error.clone(), full_note.clone());
        let (new_url, new_stance, draft) = (new_url.clone(), new_stance.clone(), draft.clone());
        let listed = details.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (Some(input), Some(stance)) = (
                new_url.cast::<HtmlInputElement>(),
                new_stance.cast::<HtmlSelectElement>(),
            ) else {
                return;
            };
            match evidence_url(&input.value()) {
                Ok(_) if full => error.set(Some(full_note.clone())),
                Ok(url) if listed.lists(&url) => error.set(Some(c.evidence_listed.to_string())),
                Ok(url) => {
                    let stance = Stance::from_name(&stance.value()).unwrap_or(Stance::Context);
                    error.set(None);
                    input.set_value("");
                    draft.borrow_mut().url.clear();
                    update(ClaimField::Evidence, &|d| {
                        d.evidence.push(Evidence {
                            url: url.clone(),
                            stance,
                        })
                    });
                }
                Err(e) => error.set(Some(c.url_error(e).to_string())),
            }
        })
    };
    let on_date = {
        let (update, error) = (update.clone(), date_error.clone());
        Callback::from(move |e: Event| {
            let Some(text) = e.target_dyn_into::<HtmlInputElement>().map(|i| i.value()) else {
                return;
            };
            match claim_date(&text) {
                Ok(date) => {
                    error.set(None);
                    update(ClaimField::Date, &|d| d.date = date.clone());
                }
                Err(_) => error.set(Some(c.bad_date.to_string())),
            }
        })
    };
    // The published fact-check's address: taken when the field is left (or the form closes) and it
    // reads as an address, emptied with the field; what does not read is said, and not taken. (Not
    // as typed: `https://user` on the way to `https://user@…` reads as an address.)
    let on_review = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| draft.borrow_mut().review = input_value(&e))
    };
    let on_review_left = {
        let (update, draft, error) = (update.clone(), draft.clone(), review_error.clone());
        Callback::from(move |e: Event| {
            let text = e
                .target_dyn_into::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            match review_typed(&text) {
                Ok(review) => {
                    draft.borrow_mut().review = None;
                    error.set(None);
                    update(ClaimField::Review, &|d| d.review.clone_from(&review));
                }
                Err(why) => error.set(Some(c.url_error(why).to_string())),
            }
        })
    };
    let on_worthy = {
        let update = update.clone();
        Callback::from(move |e: Event| {
            let worthy = match select_value(&e).as_deref() {
                Some("yes") => Some(true),
                Some("no") => Some(false),
                _ => None,
            };
            update(ClaimField::CheckWorthy, &|d| d.check_worthy = worthy);
        })
    };

    let field = |name: &str| format!("{name}-{id}");
    // The id given, else one typed and not yet taken (it is added when the form closes).
    let shown_wikidata = match typed_wikidata.rsplit('/').next().unwrap_or_default() {
        "" => draft.borrow().wikidata.clone().unwrap_or_default(),
        given => given.to_string(),
    };
    let mut verdicts = vec![choice("", c.no_verdict, details.verdict.is_none())];
    for v in &scale.verdicts {
        let selected = details.verdict.as_deref() == Some(v.id.as_str());
        verdicts.push(choice(
            v.id.clone(),
            v.label(lang.is_arabic()).to_string(),
            selected,
        ));
    }
    if let Some(v) = details
        .verdict
        .as_ref()
        .filter(|v| scale.verdict(v).is_none())
    {
        let label = scale
            .judged(v)
            .map_or(v.clone(), |(j, _)| j.label(lang.is_arabic()).to_string());
        verdicts.push(choice(v.clone(), label, true));
    }
    let statuses = Status::ALL
        .into_iter()
        .map(|s| choice(s.name(), status_label(s, lang), details.status == s))
        .collect();
    let claimant_value = match &details.claimant {
        Some(Claimant::Entity(e)) => e.clone(),
        Some(Claimant::Named { .. }) => TYPED.to_string(),
        None if *typed_name => TYPED.to_string(),
        None => String::new(),
    };
    let mut claimants = vec![choice("", c.nobody, claimant_value.is_empty())];
    for (value, label) in &p.claimants {
        claimants.push(choice(
            value.clone(),
            label.clone(),
            *value == claimant_value,
        ));
    }
    claimants.push(choice(TYPED, c.someone_else, claimant_value == TYPED));
    let evidence = details.evidence.iter().enumerate().map(|(i, e)| {
        let on_stance = {
            let update = update.clone();
            Callback::from(move |ev: Event| {
                if let Some(stance) = select_value(&ev).as_deref().and_then(Stance::from_name) {
                    update(ClaimField::Evidence, &|d| {
                        if let Some(item) = d.evidence.get_mut(i) {
                            item.stance = stance;
                        }
                    });
                }
            })
        };
        let on_remove = {
            let update = update.clone();
            Callback::from(move |_| {
                update(ClaimField::Evidence, &|d| {
                    if i < d.evidence.len() {
                        d.evidence.remove(i);
                    }
                })
            })
        };
        let stance_id = format!("{}-{i}", field("stance"));
        html! {
            <li>
                if let Ok(url) = evidence_url(&e.url) {
                    <a href={url} target="_blank" rel="noopener noreferrer" dir="ltr">{ e.url.clone() }</a>
                } else {
                    <span dir="ltr">{ e.url.clone() }</span>
                }
                <label for={stance_id.clone()} class="hamish-sr">{ c.stance }</label>
                <select id={stance_id} onchange={on_stance}>{ stance_options(e.stance, lang) }</select>
                <button type="button" class="evidence-remove" aria-label={c.remove_evidence.replace("{url}", &e.url)}
                        onclick={on_remove}>{ "×" }</button>
            </li>
        }
    });
    // What the field shows: what is typed and not yet taken, else the claim's (a redraw — another
    // tab's save of this claim — does not empty the field under the reader's fingers).
    let typed_review = (draft.borrow().review.clone())
        .or_else(|| details.review.clone())
        .unwrap_or_default();
    let worthy = match details.check_worthy {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    };
    let error = |e: &Option<String>| {
        e.as_ref()
            .map(|m| html! { <p class="claim-error" role="alert">{ m.clone() }</p> })
            .unwrap_or_default()
    };
    html! {
        <fieldset class="claim-form">
            <legend>{ c.legend }</legend>
            <label for={field("verdict")}>{ c.verdict }</label>
            <select id={field("verdict")} class="claim-verdict" onchange={on_verdict}>{ options(verdicts) }</select>
            <label for={field("status")}>{ c.status }</label>
            <select id={field("status")} class="claim-status" onchange={on_status}>{ options(statuses) }</select>
            if details.needs_verdict() {
                <p class="claim-error" role="alert">{ c.needs_verdict }</p>
            }
            <label for={field("claimant")}>{ c.attributed_to }</label>
            <select id={field("claimant")} class="claim-claimant" onchange={on_claimant}>{ options(claimants) }</select>
            if claimant_value == TYPED {
                <label for={field("claimant-name")}>{ c.claimant_name }</label>
                <input id={field("claimant-name")} type="text" dir="auto" maxlength={MAX_CLAIMANT.to_string()} value={typed} oninput={on_name} />
                <label for={field("claimant-wikidata")}>{ c.claimant_wikidata }</label>
                <input id={field("claimant-wikidata")} type="text" dir="ltr" placeholder="Q12345" maxlength={URL_MAX.to_string()}
                       value={shown_wikidata}
                       oninput={on_wikidata_input} onchange={on_wikidata} />
                { error(&wikidata_error) }
            }
            <fieldset class="claim-evidence">
                <legend>{ c.evidence }</legend>
                <ul>{ for evidence }</ul>
                if full {
                    <p class="evidence-full">{ full_note }</p>
                }
                <form class="evidence-add" onsubmit={on_add_evidence}>
                    <label for={field("evidence-url")}>{ c.evidence_url }</label>
                    <input id={field("evidence-url")} type="url" dir="ltr" placeholder="https://" maxlength={URL_MAX.to_string()} ref={new_url} oninput={on_url} />
                    <label for={field("evidence-stance")}>{ c.stance }</label>
                    <select id={field("evidence-stance")} ref={new_stance} onchange={on_new_stance} data-draft="">{ stance_options(Stance::Refutes, lang) }</select>
                    <button type="submit">{ c.add_evidence }</button>
                </form>
                { error(&evidence_error) }
            </fieldset>
            <label for={field("date")}>{ c.claim_date }</label>
            <input id={field("date")} type="date" dir="ltr" value={details.date.clone().unwrap_or_default()} onchange={on_date} />
            { error(&date_error) }
            <label for={field("review")}>{ c.review_url }</label>
            <input id={field("review")} type="url" dir="ltr" placeholder="https://" maxlength={URL_MAX.to_string()}
                   value={typed_review} oninput={on_review} onchange={on_review_left} />
            { error(&review_error) }
            <label for={field("worthy")}>{ c.check_worthy }</label>
            <select id={field("worthy")} onchange={on_worthy}>{ options(vec![
                choice("", c.undecided, worthy.is_empty()),
                choice("yes", c.yes, worthy == "yes"),
                choice("no", c.no, worthy == "no"),
            ]) }</select>
        </fieldset>
    }
}

/// A claim's verdict and status as the panel and a read-only popover show them (nothing for a claim
/// with nothing recorded).
pub fn claim_summary(claim: &Annotation, scale: &Scale, lang: Lang) -> Html {
    let details = &claim.claim;
    if details.is_empty() {
        return Html::default();
    }
    let verdict = details.verdict.as_ref().map(|id| {
        let (label, color) = scale
            .judged(id)
            .map_or((id.clone(), "#475569".into()), |(v, _)| {
                (v.label(lang.is_arabic()).to_string(), v.color)
            });
        html! { <span class="verdict" style={format!("--verdict-color:{color}")}>{ label }</span> }
    });
    html! {
        <span class="claim-summary">
            { verdict.unwrap_or_default() }
            <span class="status">{ status_label(details.status, lang) }</span>
        </span>
    }
}
