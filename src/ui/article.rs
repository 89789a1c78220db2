//! The article, rendered block by block with its highlights.

use crate::core::article::{Article, BlockKind};
use crate::core::entities::{find, Entity};
use crate::core::model::{Annotation, Kind};
use crate::core::segments::{runs, Span};
use crate::core::units::{short_quote, slice_cp};
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
    /// Called with a highlight run's element when the reader clicks it or presses Enter on it.
    pub on_open: Callback<Element>,
}

/// A short label for an annotation: its kind and the start of its quote.
pub fn describe(annotation: &Annotation, registry: &[Entity], lang: Lang) -> String {
    format!(
        "{}: {}",
        kind_label(&annotation.kind, registry, lang),
        short_quote(&annotation.exact, 60)
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
fn highlight(
    annotation: &Annotation,
    entity_depth: usize,
    first: bool,
    inner: Html,
    p: &ArticleProps,
) -> Html {
    let (class, style) = match &annotation.kind {
        Kind::Claim => (classes!("hl", "hl-claim"), String::new()),
        Kind::Entity(id) => {
            let color = find(&p.registry, id)
                .map_or("#555", |e| e.color.as_str())
                .to_string();
            (
                classes!("hl", "hl-entity", format!("u{}", entity_depth.min(3))),
                format!("--hl-color:{color}"),
            )
        }
    };
    let label = first.then(|| describe(annotation, &p.registry, p.lang));
    html! {
        <span class={class} style={style} data-ann={annotation.id.clone()}
              tabindex={first.then_some("0")} role={first.then_some("button")} aria-label={label}>
            { inner }
        </span>
    }
}

/// The article element with every block and highlight.
#[function_component]
pub fn ArticleView(p: &ArticleProps) -> Html {
    let spans: Vec<Span> = p
        .annotations
        .iter()
        .enumerate()
        .filter(|(_, a)| !a.orphan)
        .map(|(index, a)| Span {
            index,
            start: a.start,
            end: a.end,
        })
        .collect();
    let open = |e: &Event| {
        e.target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("[data-ids]").ok().flatten())
    };
    let onclick = {
        let on_open = p.on_open.clone();
        Callback::from(move |e: MouseEvent| {
            if crate::web::selection::is_collapsed() {
                if let Some(run) = open(&e) {
                    on_open.emit(run);
                }
            }
        })
    };
    let onkeydown = {
        let on_open = p.on_open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                if let Some(run) = open(&e) {
                    e.prevent_default();
                    on_open.emit(run);
                }
            }
        })
    };
    let blocks = p.article.blocks.iter().enumerate().map(|(i, block)| {
        let content = runs(block.start, block.end(), &spans)
            .into_iter()
            .map(|run| {
                let text = slice_cp(&block.text, run.start - block.start, run.end - block.start)
                    .to_string();
                if run.covering.is_empty() {
                    return html! { { text } };
                }
                let depths: Vec<usize> = run
                    .covering
                    .iter()
                    .scan(0, |entities, &idx| {
                        let d = *entities;
                        if matches!(p.annotations[idx].kind, Kind::Entity(_)) {
                            *entities += 1;
                        }
                        Some(d)
                    })
                    .collect();
                let mut node = html! { { text } };
                for (pos, &idx) in run.covering.iter().enumerate().rev() {
                    let a = &p.annotations[idx];
                    let first = run.start == a.start;
                    node = highlight(a, depths[pos], first, node, p);
                }
                let ids = run
                    .covering
                    .iter()
                    .map(|&i| p.annotations[i].id.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                html! { <span class="hl-run" data-ids={ids}>{ node }</span> }
            });
        let key = i.to_string();
        match block.kind {
            BlockKind::Title => html! { <h1 data-block={key} lang={block.lang} dir={block.dir}>{ for content }</h1> },
            BlockKind::Heading => html! { <h2 data-block={key} lang={block.lang} dir={block.dir}>{ for content }</h2> },
            BlockKind::Paragraph => html! { <p data-block={key} lang={block.lang} dir={block.dir}>{ for content }</p> },
        }
    });
    html! {
        <article class="hamish-article" lang={p.article.lang.clone()} dir={p.article.dir.clone()}
                 {onclick} {onkeydown} aria-label={p.lang.strings().article_label}>
            { for blocks }
        </article>
    }
}
