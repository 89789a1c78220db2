//! The article, rendered block by block with its highlights.

use crate::core::annotations::model::{Annotation, Kind};
use crate::core::drawing::plan::{plan, Layer, Marked, PlannedRun, Style, Visible};
use crate::core::entities::registry::{find, Entity};
use crate::core::entities::suggestions::Suggestion;
use crate::core::text::article::{Article, Block};
use crate::core::text::span::Span;
use crate::core::text::units::{short_quote, slice_cp};
use crate::i18n::Lang;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

/// Properties of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    /// The article.
    pub article: Rc<Article>,
    /// Its annotations, in reading order.
    pub annotations: Vec<Annotation>,
    /// The entity registry.
    pub registry: Rc<Vec<Entity>>,
    /// Interface language (for labels read by screen readers).
    pub lang: Lang,
    /// Entity suggestions still to decide on.
    pub suggestions: Rc<Vec<Suggestion>>,
    /// A highlight just chosen in the panel, flashed.
    #[prop_or_default]
    pub flash: Option<Span>,
    /// Called with a highlight run's element when the reader clicks it or presses Enter on it.
    /// (The second value asks the popover to start at the claim's "Attributed to": `a` on a claim.)
    pub on_open: Callback<(Element, bool)>,
    /// Called with a suggestion's key to accept it (`a` on a focused suggestion).
    pub on_accept: Callback<String>,
    /// Called with a suggestion's key to reject it (`x` or Delete on a focused suggestion).
    pub on_reject: Callback<String>,
}

/// A short label for an annotation: its kind and the start of its quote.
pub fn describe(annotation: &Annotation, registry: &[Entity], lang: Lang) -> String {
    format!(
        "{}: {}",
        kind_label(&annotation.kind, registry, lang),
        short_quote(&annotation.target.exact, 60)
    )
}

/// The label of a kind in the interface language.
pub fn kind_label(kind: &Kind, registry: &[Entity], lang: Lang) -> String {
    match kind {
        Kind::Claim => lang.strings().claim.to_string(),
        Kind::Entity(id) => {
            find(registry, id).map_or_else(|| id.clone(), |e| e.label(lang.is_arabic()).to_string())
        }
    }
}

/// One highlight element: no padding, border or margin (see `styles/hamish.css`), so letters keep
/// joining across its edges.
///
/// `label` is set on the one focusable highlight of a run where annotations start: it names all of
/// them, so nested annotations are announced instead of hiding inside one button.
fn highlight(
    annotation: &Annotation,
    layer: &Layer,
    label: Option<String>,
    inner: Html,
    p: &ArticleProps,
) -> Html {
    let flash = layer.flashed.then_some("flash");
    let (class, style) = match layer.mark.style {
        Style::Entity(i) => {
            let color = p.registry.get(i).map_or("#555", |e| e.color.as_str());
            (
                classes!("hl", "hl-entity", format!("u{}", layer.depth.min(3)), flash),
                format!("--hl-color:{color}"),
            )
        }
        _ => (classes!("hl", "hl-claim", flash), String::new()),
    };
    let focusable = label.is_some();
    html! {
        <span class={class} style={style} data-ann={annotation.id.clone()}
              tabindex={focusable.then_some("0")} role={focusable.then_some("button")} aria-label={label}>
            { inner }
        </span>
    }
}

/// One suggestion element: a dotted underline in the entity's colour, focusable where it starts.
fn suggestion(s: &Suggestion, first: bool, inner: Html, p: &ArticleProps) -> Html {
    let entity = find(&p.registry, &s.entity);
    let color = entity.map_or("#555", |e| e.color.as_str()).to_string();
    let name = entity.map_or(s.entity.as_str(), |e| e.label(p.lang.is_arabic()));
    let label = first.then(|| p.lang.strings().suggested.replace("{entity}", name));
    html! {
        <span class="sg" style={format!("--hl-color:{color}")} data-sg={s.key()}
              tabindex={first.then_some("0")} role={first.then_some("button")} aria-label={label}
              aria-keyshortcuts={first.then_some("a x n p")}>
            { inner }
        </span>
    }
}

/// One run of a block as the plan draws it: its text inside every mark covering it, outermost
/// outside, in a `.hl-run` naming what lies under it.
fn planned_run(block: &Block, run: &PlannedRun, p: &ArticleProps) -> Html {
    let text = slice_cp(
        &block.text,
        run.span.start - block.start,
        run.span.end - block.start,
    )
    .to_string();
    if run.layers.is_empty() {
        return html! { { text } };
    }
    let holder = run.named.first().copied();
    let label = holder.map(|_| {
        run.named
            .iter()
            .filter_map(|&i| p.annotations.get(i))
            .map(|a| describe(a, &p.registry, p.lang))
            .collect::<Vec<_>>()
            .join("; ")
    });
    let mut node = html! { { text } };
    let (mut ids, mut keys) = (Vec::new(), Vec::new());
    for layer in run.layers.iter().rev() {
        node = match layer.mark.marked {
            Marked::Annotation(i) => match p.annotations.get(i) {
                Some(a) => {
                    ids.push(a.id.as_str());
                    let own = (holder == Some(i)).then(|| label.clone()).flatten();
                    highlight(a, layer, own, node, p)
                }
                None => node,
            },
            Marked::Suggestion(i) => match p.suggestions.get(i) {
                Some(s) => {
                    keys.push(s.key());
                    suggestion(s, layer.starts_here, node, p)
                }
                None => node,
            },
            Marked::Flash => node,
        };
    }
    ids.reverse();
    keys.reverse();
    html! { <span class="hl-run" data-ids={ids.join(" ")} data-sgs={keys.join(" ")}>{ node }</span> }
}

/// The article element with every block and highlight.
#[function_component]
pub fn ArticleView(p: &ArticleProps) -> Html {
    let plan = plan(
        &p.annotations,
        &p.suggestions,
        &p.registry,
        p.flash,
        Visible::All,
    );
    let open = |e: &Event| {
        e.target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest(".hl-run").ok().flatten())
    };
    // Pressing the mouse on a focusable highlight would focus it, and Chrome then stops the
    // selection from growing out of it; so it is made unfocusable until the mouse is released.
    let onmousedown = Callback::from(|e: MouseEvent| {
        let focusable = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("[tabindex]").ok().flatten());
        if let Some(el) = focusable {
            let _ = el.remove_attribute("tabindex");
            gloo::events::EventListener::once(&gloo::utils::window(), "mouseup", move |_| {
                let _ = el.set_attribute("tabindex", "0");
            })
            .forget();
        }
    });
    let onclick = {
        let on_open = p.on_open.clone();
        Callback::from(move |e: MouseEvent| {
            if crate::web::selection::is_collapsed() {
                if let Some(run) = open(&e) {
                    on_open.emit((run, false));
                }
            }
        })
    };
    let onkeydown = {
        let on_open = p.on_open.clone();
        let on_accept = p.on_accept.clone();
        let on_reject = p.on_reject.clone();
        Callback::from(move |e: KeyboardEvent| {
            let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
            let suggestion = target.as_ref().and_then(|t| t.get_attribute("data-sg"));
            let key = e.key();
            match (suggestion, key.as_str()) {
                (_, "Enter" | " ") => {
                    if let Some(run) = open(&e) {
                        e.prevent_default();
                        on_open.emit((run, false));
                    }
                }
                // `a` on a focused claim: who made it ("Attributed to"), in one keystroke.
                (None, _)
                    if (key.eq_ignore_ascii_case("a") || e.code() == "KeyA")
                        && target
                            .as_ref()
                            .is_some_and(|t| t.class_list().contains("hl-claim")) =>
                {
                    if let Some(run) = open(&e) {
                        e.prevent_default();
                        on_open.emit((run, true));
                    }
                }
                (Some(sg), "a" | "A") => {
                    e.prevent_default();
                    crate::web::page::focus_suggestion_after(&sg, true);
                    on_accept.emit(sg);
                }
                (Some(sg), "x" | "X" | "Delete" | "Backspace") => {
                    e.prevent_default();
                    crate::web::page::focus_suggestion_after(&sg, true);
                    on_reject.emit(sg);
                }
                (Some(sg), "n" | "N" | "ArrowDown") => {
                    e.prevent_default();
                    crate::web::page::focus_suggestion_after(&sg, true);
                }
                (Some(sg), "p" | "P" | "ArrowUp") => {
                    e.prevent_default();
                    crate::web::page::focus_suggestion_after(&sg, false);
                }
                _ => {}
            }
        })
    };
    let blocks = p.article.blocks.iter().enumerate().map(|(i, block)| {
        let content = plan
            .runs(block.span())
            .iter()
            .map(|run| planned_run(block, run, p))
            .collect::<Html>();
        html! {
            <@{block.kind.tag()} data-block={i.to_string()} lang={block.lang} dir={block.dir}>{ content }</@>
        }
    });
    html! {
        <article class="hamish-article" lang={p.article.lang.clone()} dir={p.article.dir.clone()}
                 {onmousedown} {onclick} {onkeydown} aria-label={p.lang.strings().article_label}>
            { for blocks }
        </article>
    }
}
