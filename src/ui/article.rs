//! The article, rendered block by block with its highlights. Blocks are drawn by components of a few
//! blocks each, given only what their blocks draw ([`BlockDrawing`]), so a change redraws the blocks
//! it touches and no others. A long article shows every block's text at once and draws the
//! highlights of the blocks near the screen first, the rest a chunk at a time.

use crate::core::annotations::model::{Annotation, Kind};
use crate::core::claims::verdicts::Scale;
use crate::core::drawing::plan::{plan, Layer, Mark, Marked, PlannedRun, Style, Visible};
use crate::core::entities::registry::{find, Entity};
use crate::core::entities::suggestions::Suggestion;
use crate::core::text::article::Article;
use crate::core::text::span::Span;
use crate::core::text::units::{short_quote, slices_cp};
use crate::i18n::Lang;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

/// An article up to this long (bytes of text) has all its highlights drawn in its first render.
const DRAW_AT_ONCE: usize = 100_000;

/// Beyond [`DRAW_AT_ONCE`], how much text (bytes) has its highlights drawn per chunk: the first
/// chunk is the first screen; each later one is a short task, so the page keeps answering.
const CHUNK: usize = 120_000;

/// How much text (bytes) has its highlights drawn in the first render of a long article: more than
/// a screen holds.
const FIRST_CHUNK: usize = 30_000;

/// How many consecutive blocks one component draws (see [`BlockGroup`]).
const GROUP: usize = 24;

/// While the reader is selecting, how long to wait (milliseconds) before looking again.
const SELECTING_WAIT_MS: u32 = 250;

/// Properties of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    /// The article.
    pub article: Rc<Article>,
    /// Its annotations, in reading order.
    pub annotations: Rc<Vec<Annotation>>,
    /// The entity registry.
    pub registry: Rc<Vec<Entity>>,
    /// Interface language (for labels read by screen readers).
    pub lang: Lang,
    /// The verdict scale (a claim's label names its verdict).
    pub scale: Rc<Scale>,
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

/// A highlight's label for an annotation: as [`describe`], with a claim's verdict after its kind
/// ("Claim (False): …"), named as the scale it was given on names it.
fn describe_judged(annotation: &Annotation, p: &Drawer) -> String {
    let verdict = (annotation.kind == Kind::Claim)
        .then_some(annotation.claim.verdict.as_ref())
        .flatten();
    match verdict {
        Some(id) => format!(
            "{} ({}): {}",
            p.lang.strings().claim,
            p.scale
                .judged(id)
                .map_or(id.clone(), |(v, _)| v.label(p.lang.is_arabic()).to_string()),
            short_quote(&annotation.target.exact, 60)
        ),
        None => describe(annotation, p.registry, p.lang),
    }
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

/// What one block draws: its runs, and the annotations and suggestions they number (see
/// [`crate::core::drawing::plan::BlockPlan`]). Equal whenever what the block shows is the same.
#[derive(Clone, Debug, PartialEq)]
pub struct BlockDrawing {
    runs: Vec<PlannedRun>,
    annotations: Vec<Annotation>,
    suggestions: Vec<Suggestion>,
    /// The marks it was drawn from (see [`crate::core::drawing::plan::BlockPlan::marks`]).
    marks: Vec<Mark>,
}

/// Every block's drawing for these annotations and suggestions. `previous` holds the drawings last
/// made for this article and registry: a block the plan finds unchanged keeps its drawing (the same
/// `Rc`, so its group is not even compared), and only the blocks a change touched are planned again —
/// on a long article, a new claim plans one block, not thousands.
fn drawings(
    article: &Article,
    annotations: &[Annotation],
    suggestions: &[Suggestion],
    registry: &[Entity],
    flash: Option<Span>,
    previous: &[Rc<BlockDrawing>],
) -> Vec<Rc<BlockDrawing>> {
    let spans: Vec<Span> = article.blocks.iter().map(|b| b.span()).collect();
    let planned = plan(annotations, suggestions, registry, flash, Visible::All);
    spans
        .iter()
        .zip(planned.marks_by_block(&spans))
        .enumerate()
        .map(|(i, (&block, inside))| {
            let kept = previous.get(i).filter(|before| {
                planned.block_unchanged(&inside, &before.marks, |now, old| match (now, old) {
                    (Marked::Annotation(n), Marked::Annotation(o)) => annotations
                        .get(n)
                        .is_some_and(|a| before.annotations.get(o) == Some(a)),
                    (Marked::Suggestion(n), Marked::Suggestion(o)) => suggestions
                        .get(n)
                        .is_some_and(|s| before.suggestions.get(o) == Some(s)),
                    _ => false,
                })
            });
            if let Some(kept) = kept {
                return kept.clone();
            }
            let block = planned.block_plan(block, &inside);
            Rc::new(BlockDrawing {
                annotations: block
                    .annotations
                    .iter()
                    .filter_map(|&i| annotations.get(i).cloned())
                    .collect(),
                suggestions: block
                    .suggestions
                    .iter()
                    .filter_map(|&i| suggestions.get(i).cloned())
                    .collect(),
                runs: block.runs,
                marks: block.marks,
            })
        })
        .collect()
}

/// Properties of [`BlockGroup`].
#[derive(Properties)]
struct GroupProps {
    article: Rc<Article>,
    /// The index of the group's first block.
    first: usize,
    /// What each of its blocks draws; `None` while only a block's text is shown (its highlights come
    /// in a later chunk).
    drawings: Vec<Option<Rc<BlockDrawing>>>,
    registry: Rc<Vec<Entity>>,
    lang: Lang,
    /// The verdict scale, by identity (the widget keeps one while the settings stay).
    scale: Rc<Scale>,
}

impl PartialEq for GroupProps {
    /// The article by identity (comparing a long text for every group would cost more than drawing it).
    fn eq(&self, other: &Self) -> bool {
        let same = |a: &Option<Rc<BlockDrawing>>, b: &Option<Rc<BlockDrawing>>| match (a, b) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b) || a == b,
            (None, None) => true,
            _ => false,
        };
        Rc::ptr_eq(&self.article, &other.article)
            && self.first == other.first
            && self.lang == other.lang
            && Rc::ptr_eq(&self.scale, &other.scale)
            && (Rc::ptr_eq(&self.registry, &other.registry) || self.registry == other.registry)
            && self.drawings.len() == other.drawings.len()
            && self
                .drawings
                .iter()
                .zip(&other.drawings)
                .all(|(a, b)| same(a, b))
    }
}

/// What the highlights of a block are drawn with.
struct Drawer<'a> {
    registry: &'a [Entity],
    lang: Lang,
    scale: &'a Scale,
}

/// The element of one run that names what lies under it (`data-ids`, `data-sgs`): its outermost mark,
/// or a wrapper when several marks cover it.
struct RunNames {
    ids: Option<String>,
    keys: Option<String>,
}

/// One highlight element: no padding, border or margin (see `styles/hamish.css`), so letters keep
/// joining across its edges.
///
/// `label` is set on the one focusable highlight of a run where annotations start: it names all of
/// them, so nested annotations are announced instead of hiding inside one button.
fn highlight(
    annotation: &Annotation,
    layer: &Layer,
    (label, sg_here): (Option<String>, Option<String>),
    inner: Html,
    names: Option<RunNames>,
    registry: &[Entity],
) -> Html {
    let flash = layer.flashed.then_some("flash");
    let run = names.as_ref().map(|_| "hl-run");
    let (ids, keys) = names.map_or((None, None), |n| (n.ids, n.keys));
    let (class, style) = match layer.mark.style {
        Style::Entity(i) => {
            let color = registry.get(i).map_or("#555", |e| e.color.as_str());
            (
                classes!(
                    "hl",
                    "hl-entity",
                    format!("u{}", layer.depth.min(3)),
                    flash,
                    run
                ),
                Some(format!("--hl-color:{color}")),
            )
        }
        _ => (classes!("hl", "hl-claim", flash, run), None),
    };
    let focusable = label.is_some();
    html! {
        <span class={class} style={style} data-ann={annotation.id.clone()} data-ids={ids} data-sgs={keys}
              data-sg-here={sg_here} tabindex={focusable.then_some("0")} role={focusable.then_some("button")} aria-label={label}>
            { inner }
        </span>
    }
}

/// One suggestion element: a dotted underline in the entity's colour, focusable where it starts.
fn suggestion(
    s: &Suggestion,
    first: bool,
    inner: Html,
    names: Option<RunNames>,
    p: &Drawer,
) -> Html {
    let entity = find(p.registry, &s.entity);
    let color = entity.map_or("#555", |e| e.color.as_str());
    let name = entity.map_or(s.entity.as_str(), |e| e.label(p.lang.is_arabic()));
    let label = first.then(|| p.lang.strings().suggested.replace("{entity}", name));
    let run = names.as_ref().map(|_| "hl-run");
    let (ids, keys) = names.map_or((None, None), |n| (n.ids, n.keys));
    html! {
        <span class={classes!("sg", run)} style={format!("--hl-color:{color}")} data-sg={s.key()}
              data-ids={ids} data-sgs={keys}
              tabindex={first.then_some("0")} role={first.then_some("button")} aria-label={label}
              aria-keyshortcuts={first.then_some("a x n p")}>
            { inner }
        </span>
    }
}

/// The most annotations a highlight's label describes; beyond them it says how many more start there.
const LABEL_MAX: usize = 8;

/// One run of a block as the plan draws it (`text`: the run's own): its text inside every mark covering it, outermost
/// outside; the outermost element (or a `.hl-run` wrapper around several) names what lies under it.
fn planned_run(text: &str, run: &PlannedRun, d: &BlockDrawing, p: &Drawer) -> Html {
    let text = text.to_string();
    if run.layers.is_empty() {
        return html! { { text } };
    }
    let holder = run.named.first().copied();
    // A suggestion starting where annotations start is reached through their highlight (one button
    // may not hold another): it names the suggestion and takes its keys; its popover holds it.
    let sg_here = holder.and_then(|_| {
        run.layers.iter().find_map(|l| match l.mark.marked {
            Marked::Suggestion(i) if l.starts_here => d.suggestions.get(i),
            _ => None,
        })
    });
    let label = holder.map(|_| {
        let mut label = run
            .named
            .iter()
            .take(LABEL_MAX)
            .filter_map(|&i| d.annotations.get(i))
            .map(|a| describe_judged(a, p))
            .collect::<Vec<_>>()
            .join("; ");
        if run.named.len() > LABEL_MAX {
            label.push_str(&format!("; +{}", run.named.len() - LABEL_MAX));
        }
        if let Some(sg) = sg_here {
            let entity = find(p.registry, &sg.entity);
            let name = entity.map_or(sg.entity.as_str(), |e| e.label(p.lang.is_arabic()));
            label.push_str("; ");
            label.push_str(&p.lang.strings().suggested.replace("{entity}", name));
        }
        label
    });
    let sg_key = sg_here.map(Suggestion::key);
    let mut ids = Vec::new();
    let mut keys = Vec::new();
    for layer in &run.layers {
        match layer.mark.marked {
            Marked::Annotation(i) => ids.extend(d.annotations.get(i).map(|a| a.id.clone())),
            Marked::Suggestion(i) => keys.extend(d.suggestions.get(i).map(Suggestion::key)),
            Marked::Flash => {}
        }
    }
    let nonempty = |list: Vec<String>| (!list.is_empty()).then(|| list.join(" "));
    let mut names = Some(RunNames {
        ids: nonempty(ids),
        keys: nonempty(keys),
    });
    let single = run.layers.len() == 1;
    let mut node = html! { { text } };
    for (depth, layer) in run.layers.iter().enumerate().rev() {
        let own_names = if single && depth == 0 {
            names.take()
        } else {
            None
        };
        node = match layer.mark.marked {
            Marked::Annotation(i) => match d.annotations.get(i) {
                Some(a) => {
                    let own = (holder == Some(i))
                        .then(|| (label.clone(), sg_key.clone()))
                        .unwrap_or_default();
                    highlight(a, layer, own, node, own_names, p.registry)
                }
                None => node,
            },
            Marked::Suggestion(i) => match d.suggestions.get(i) {
                Some(s) => suggestion(s, layer.starts_here && holder.is_none(), node, own_names, p),
                None => node,
            },
            Marked::Flash => node,
        };
    }
    match names {
        Some(RunNames { ids, keys }) => {
            html! { <span class="hl-run" data-ids={ids} data-sgs={keys}>{ node }</span> }
        }
        None => node,
    }
}

/// A run of consecutive blocks, redrawn together only when one of their drawings changes: one
/// component per block would cost more to mount than the blocks' own elements.
#[function_component]
fn BlockGroup(p: &GroupProps) -> Html {
    let drawer = Drawer {
        registry: &p.registry,
        lang: p.lang,
        scale: &p.scale,
    };
    let blocks = p.drawings.iter().enumerate().map(|(k, drawing)| {
        let index = p.first + k;
        let Some(block) = p.article.blocks.get(index) else {
            return Html::default();
        };
        let content = match drawing {
            Some(d) => {
                let local = |run: &PlannedRun| {
                    let at = |cp: usize| cp.saturating_sub(block.start);
                    (at(run.span.start), at(run.span.end))
                };
                let spans: Vec<(usize, usize)> = d.runs.iter().map(local).collect();
                let texts = slices_cp(&block.text, &spans);
                (d.runs.iter().zip(texts))
                    .map(|(run, text)| planned_run(text, run, d, &drawer))
                    .collect::<Html>()
            }
            None => html! { { block.text.clone() } },
        };
        html! {
            <@{block.kind.tag()} data-block={index.to_string()} lang={block.lang} dir={block.dir}>{ content }</@>
        }
    });
    html! { { for blocks } }
}

/// Which blocks draw their highlights: all of them in a short article; in a long one, the first
/// chunk at first, then a chunk more at a time from the block at the top of the screen onwards.
fn first_chunk(article: &Article) -> Vec<bool> {
    let mut budget = if article.text.len() <= DRAW_AT_ONCE {
        usize::MAX
    } else {
        FIRST_CHUNK
    };
    article
        .blocks
        .iter()
        .map(|b| {
            let drawn = budget > 0;
            budget = budget.saturating_sub(b.text.len());
            drawn
        })
        .collect()
}

/// `drawn` with one more chunk of blocks drawn, starting at block `from` and going round.
fn next_chunk(article: &Article, drawn: &[bool], from: usize) -> Vec<bool> {
    let mut next = drawn.to_vec();
    let count = next.len();
    let mut budget = CHUNK;
    for i in (0..count).map(|k| (from + k) % count.max(1)) {
        if budget == 0 {
            break;
        }
        if let (Some(slot), Some(block)) = (next.get_mut(i), article.blocks.get(i)) {
            if !*slot {
                *slot = true;
                budget = budget.saturating_sub(block.text.len());
            }
        }
    }
    next
}

/// The article element with every block and highlight.
#[function_component]
pub fn ArticleView(p: &ArticleProps) -> Html {
    let drawn = {
        let article = p.article.clone();
        use_state(move || Rc::new(first_chunk(&article)))
    };
    let retry = use_state(|| 0u32);
    // The last drawings, with the article and registry they were made for (kept only for those).
    let last = use_mut_ref(|| None::<(Rc<Article>, Rc<Vec<Entity>>, Rc<Vec<Rc<BlockDrawing>>>)>);
    let blocks_drawing = use_memo(
        (
            p.article.clone(),
            p.annotations.clone(),
            p.suggestions.clone(),
            p.registry.clone(),
            p.flash,
        ),
        move |(article, annotations, suggestions, registry, flash)| {
            let mut last = last.borrow_mut();
            let previous = last
                .as_ref()
                .filter(|(a, r, _)| Rc::ptr_eq(a, article) && Rc::ptr_eq(r, registry))
                .map(|(_, _, d)| d.clone());
            let previous = previous.as_deref().map_or(&[][..], Vec::as_slice);
            let made = Rc::new(drawings(
                article,
                annotations,
                suggestions,
                registry,
                *flash,
                previous,
            ));
            *last = Some((article.clone(), registry.clone(), made.clone()));
            made
        },
    );
    {
        // The next chunk once this render is on the screen: a task of its own, so the page paints
        // and answers the reader in between; held back while the reader is selecting (drawing a
        // block replaces its text, which would lose the selection).
        let (drawn, retry) = (drawn.clone(), retry.clone());
        let article = p.article.clone();
        let now = (*drawn).clone();
        use_effect_with((now, *retry), move |(now, _)| {
            let now = now.clone();
            let wait = if crate::web::selection::is_collapsed() {
                0
            } else {
                SELECTING_WAIT_MS
            };
            let timer = now.iter().any(|d| !d).then(|| {
                Timeout::new(wait, move || {
                    if crate::web::selection::is_collapsed() {
                        let from = crate::web::page::block_at_top(now.len());
                        drawn.set(Rc::new(next_chunk(&article, &now, from)));
                    } else {
                        retry.set(retry.wrapping_add(1));
                    }
                })
            });
            move || drop(timer)
        });
    }
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
            // A suggestion's own element takes every key of a suggestion; an annotation's highlight
            // naming one that starts there only the letters (Delete and the arrows stay its own).
            let own = target.as_ref().and_then(|t| t.get_attribute("data-sg"));
            let here = target
                .as_ref()
                .and_then(|t| t.get_attribute("data-sg-here"));
            let key = e.key();
            let letter = key.chars().count() == 1;
            let suggestion = own.or(here.filter(|_| letter));
            match (suggestion, key.as_str()) {
                (_, "Enter" | " ") => {
                    if let Some(run) = open(&e) {
                        e.prevent_default();
                        on_open.emit((run, false));
                    }
                }
                // `a` on a focused claim: who made it ("Attributed to"), in one keystroke.
                (_, _)
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
    let long = p.article.text.len() > DRAW_AT_ONCE;
    let count = p.article.blocks.len();
    let groups = (0..count).step_by(GROUP).map(|first| {
        let drawings = (first..count.min(first + GROUP))
            .map(|i| {
                blocks_drawing
                    .get(i)
                    .filter(|d| drawn.get(i).copied().unwrap_or(true) || !d.annotations.is_empty())
                    .cloned()
            })
            .collect::<Vec<_>>();
        html! {
            <BlockGroup key={first} article={p.article.clone()} {first} {drawings}
                        registry={p.registry.clone()} lang={p.lang} scale={p.scale.clone()} />
        }
    });
    html! {
        <article class={classes!("hamish-article", long.then_some("hamish-long"))} lang={p.article.lang.clone()} dir={p.article.dir.clone()}
                 {onmousedown} {onclick} {onkeydown} aria-label={p.lang.strings().article_label}>
            { for groups }
        </article>
    }
}
