//! What is drawn over the article — for each annotation and suggestion: its style, its nesting depth,
//! which highlight names the annotations starting there — and what lies under a point. Decided here
//! once; the standalone page's `<span>` renderer (`ui::article`) and the embed's CSS-highlight painter
//! (`ui::embed::host_highlights`) only map the plan to the DOM.

use crate::core::annotations::model::{Annotation, Kind};
use crate::core::collections::sort::sort_by;
use crate::core::drawing::segments::{runs, Labelled};
use crate::core::entities::registry::Entity;
use crate::core::entities::suggestions::Suggestion;
use crate::core::text::span::Span;

/// Up to this many suggestions (and, apart, annotations) are all drawn when drawing is limited to
/// what is near the screen ([`Visible::Near`]); beyond it, only those near the screen: thousands of
/// highlight ranges make the browser slow at every change to a host page.
pub const DRAW_ALL: usize = 400;

/// The most marks drawn over one run: the outermost `MAX_LAYERS - 1` and the highlight that names the
/// annotations starting there. Each mark is an element nested in the one outside it, built
/// recursively by yew and the browser: a few thousand annotations over one word ran out of stack.
/// A deeper stack would look no different (tints and underlines stop changing after a few); the
/// marks not drawn there are still in the panel's list.
pub const MAX_LAYERS: usize = 12;

/// How a span looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// A claim: a tinted background.
    Claim,
    /// A tagged entity (index into the registry): an underline in its colour. A tag whose entity
    /// is not in the registry (deleted in another tab just as it was made) has the index one past
    /// the registry's end, and is drawn in grey, so it can still be opened, retagged or deleted.
    Entity(usize),
    /// A suggested entity mention: a dotted underline in its colour.
    Suggestion(usize),
    /// A highlight just chosen in the panel, flashed.
    Flash,
}

/// What a mark stands for: an index into the annotations or the suggestions the plan was made from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marked {
    /// The annotation at this index.
    Annotation(usize),
    /// The suggestion at this index.
    Suggestion(usize),
    /// The flash over a highlight just chosen.
    Flash,
}

/// One span to draw, in a style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    /// What it stands for.
    pub marked: Marked,
    /// How it looks.
    pub style: Style,
    /// Where it is.
    pub span: Span,
}

/// Which marks are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visible {
    /// All of them (the standalone page draws its whole article).
    All,
    /// Beyond [`DRAW_ALL`], only those overlapping this part of the article (around the screen).
    Near(Span),
}

/// The marks to draw over an article, bottom first: suggestions, then claims, then entity tags, then
/// the flash. Orphans, and suggestions of entities not in the registry, are not drawn.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    marks: Vec<Mark>,
    /// Ancestors-first nesting depth of each mark among the entity tags (see [`Layer::depth`]).
    flash: Option<Span>,
}

/// One mark covering a run of text, with how it nests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layer {
    /// The mark.
    pub mark: Mark,
    /// For an entity tag, how many entity tags cover the run outside it (its underline sits lower
    /// the deeper it is); 0 otherwise.
    pub depth: usize,
    /// Whether the mark starts where the run starts.
    pub starts_here: bool,
    /// Whether the mark is an annotation being flashed.
    pub flashed: bool,
}

/// A maximal stretch of a block covered by the same marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedRun {
    /// Where it is.
    pub span: Span,
    /// The marks covering it, outermost first (by start, then the longer first); at most
    /// [`MAX_LAYERS`] of them.
    pub layers: Vec<Layer>,
    /// The annotations starting at this run (indices), outermost first: the first of them holds the
    /// one focusable highlight of the run, labelled with all of them.
    pub named: Vec<usize>,
}

/// What lies under a point or a run: annotation and suggestion indices, outermost first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Under {
    /// Annotations.
    pub annotations: Vec<usize>,
    /// Suggestions.
    pub suggestions: Vec<usize>,
}

/// Plans the drawing of `annotations` and `suggestions`; `flash` is a span just chosen in the panel.
pub fn plan(
    annotations: &[Annotation],
    suggestions: &[Suggestion],
    registry: &[Entity],
    flash: Option<Span>,
    visible: Visible,
) -> Plan {
    let entity_index = |id: &str| registry.iter().position(|e| e.id == id);
    let window = |count: usize| match visible {
        Visible::Near(near) if count > DRAW_ALL => Some(near),
        _ => None,
    };
    let shown = |window: Option<Span>, span: Span| window.is_none_or(|w| span.overlaps(w));
    let (sg_window, window) = (window(suggestions.len()), window(annotations.len()));
    let mark = |marked, style, span| Mark {
        marked,
        style,
        span,
    };
    let drawn = || {
        annotations
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.orphan && shown(window, a.span()))
    };
    let suggested = suggestions.iter().enumerate().filter_map(|(i, s)| {
        let span = s.span;
        shown(sg_window, span).then_some(())?;
        Some(mark(
            Marked::Suggestion(i),
            Style::Suggestion(entity_index(&s.entity)?),
            span,
        ))
    });
    let claims = drawn()
        .filter(|(_, a)| a.kind == Kind::Claim)
        .map(|(i, a)| mark(Marked::Annotation(i), Style::Claim, a.span()));
    let tags = drawn().filter_map(|(i, a)| match &a.kind {
        Kind::Entity(id) => Some(mark(
            Marked::Annotation(i),
            Style::Entity(entity_index(id).unwrap_or(registry.len())),
            a.span(),
        )),
        Kind::Claim => None,
    });
    let flashed = flash.map(|span| mark(Marked::Flash, Style::Flash, span));
    Plan {
        marks: suggested.chain(claims).chain(tags).chain(flashed).collect(),
        flash,
    }
}

impl Plan {
    /// The marks, bottom first.
    pub fn marks(&self) -> &[Mark] {
        &self.marks
    }

    /// What lies under `probe`: the marks whose span covers it (a caret position `at` is the empty
    /// span `at..at`, and counts at either edge of a mark), outermost first.
    pub fn under(&self, probe: Span) -> Under {
        let mut covering: Vec<&Mark> = self
            .marks
            .iter()
            .filter(|m| m.marked != Marked::Flash && m.span.covers(probe))
            .collect();
        sort_by(&mut covering, |a, b| outermost_first(a, b));
        let mut under = Under::default();
        for m in covering {
            match m.marked {
                Marked::Annotation(i) => under.annotations.push(i),
                Marked::Suggestion(i) => under.suggestions.push(i),
                Marked::Flash => {}
            }
        }
        under
    }

    /// `block` split into runs, each with the marks covering it (see [`PlannedRun`]).
    pub fn runs(&self, block: Span) -> Vec<PlannedRun> {
        let inside = (0..self.marks.len()).filter(|&i| self.marks[i].span.overlaps(block));
        self.runs_of(block, inside)
    }

    /// Every block's drawing at once (`blocks` in reading order, apart): each mark is looked for only
    /// in the blocks it overlaps, so the cost grows with marks plus blocks, not their product.
    pub fn by_block(&self, blocks: &[Span]) -> Vec<BlockPlan> {
        blocks
            .iter()
            .zip(self.marks_by_block(blocks))
            .map(|(&block, inside)| self.block_plan(block, &inside))
            .collect()
    }

    /// The marks over each block (`blocks` in reading order, apart): indices into [`Plan::marks`],
    /// bottom first, found in one pass (each mark is looked for only in the blocks it overlaps).
    pub fn marks_by_block(&self, blocks: &[Span]) -> Vec<Vec<usize>> {
        let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); blocks.len()];
        for (i, mark) in self.marks.iter().enumerate() {
            let first = blocks.partition_point(|b| b.end <= mark.span.start);
            for (bucket, block) in buckets[first..].iter_mut().zip(&blocks[first..]) {
                if block.start >= mark.span.end {
                    break;
                }
                if mark.span.overlaps(*block) {
                    bucket.push(i);
                }
            }
        }
        buckets
    }

    /// One block's drawing from the marks over it (`inside`, from [`Plan::marks_by_block`]).
    pub fn block_plan(&self, block: Span, inside: &[usize]) -> BlockPlan {
        let mut plan = BlockPlan::local(self.runs_of(block, inside.iter().copied()));
        plan.marks = inside
            .iter()
            .map(|&i| plan.numbered(self.marks[i]))
            .collect();
        plan
    }

    /// Whether a block with the marks `inside` (from [`Plan::marks_by_block`]) is drawn as it was when
    /// its marks were `before` ([`BlockPlan::marks`]): the same marks in the same order, each standing
    /// for an equal annotation or suggestion — `same(now, before)` compares what a mark of this plan
    /// and one numbered within the block stand for. A block that is the same need not be planned again.
    pub fn block_unchanged(
        &self,
        inside: &[usize],
        before: &[Mark],
        mut same: impl FnMut(Marked, Marked) -> bool,
    ) -> bool {
        inside.len() == before.len()
            && inside.iter().zip(before).all(|(&i, old)| {
                let now = &self.marks[i];
                now.style == old.style
                    && now.span == old.span
                    && match (now.marked, old.marked) {
                        // The flash is its span, compared above.
                        (Marked::Flash, Marked::Flash) => true,
                        (now, old) => same(now, old),
                    }
            })
    }

    /// `block` split into runs by the marks at `inside` (indices into the marks, bottom first).
    fn runs_of(&self, block: Span, inside: impl Iterator<Item = usize>) -> Vec<PlannedRun> {
        let labelled: Vec<Labelled> = inside
            .filter(|&index| self.marks[index].marked != Marked::Flash)
            .map(|index| Labelled {
                index,
                span: self.marks[index].span,
            })
            .collect();
        runs(block, &labelled)
            .into_iter()
            .map(|run| {
                let mut covering: Vec<&Mark> =
                    run.covering.iter().map(|&i| &self.marks[i]).collect();
                sort_by(&mut covering, |a, b| outermost_first(a, b));
                let mut entities = 0;
                let mut layers: Vec<Layer> = covering
                    .iter()
                    .map(|&&mark| {
                        let depth = entities;
                        if matches!(mark.style, Style::Entity(_)) {
                            entities += 1;
                        }
                        Layer {
                            mark,
                            depth,
                            starts_here: mark.span.start == run.span.start,
                            flashed: matches!(mark.marked, Marked::Annotation(_))
                                && self.flash == Some(mark.span),
                        }
                    })
                    .collect();
                let named: Vec<usize> = layers
                    .iter()
                    .filter(|l| l.starts_here)
                    .filter_map(|l| match l.mark.marked {
                        Marked::Annotation(i) => Some(i),
                        _ => None,
                    })
                    .collect();
                if layers.len() > MAX_LAYERS {
                    let holder = named.first().map(|&i| Marked::Annotation(i));
                    let mut kept = 0;
                    layers.retain(|l| {
                        let keep = kept < MAX_LAYERS - 1 || Some(l.mark.marked) == holder;
                        kept += usize::from(keep);
                        keep
                    });
                }
                PlannedRun {
                    span: run.span,
                    layers,
                    named,
                }
            })
            .collect()
    }
}

/// One block's drawing, the same whatever else changed in the article: its runs, whose marks number
/// the block's own annotations and suggestions (`Marked::Annotation(0)` is `annotations[0]`), so a
/// block whose drawing did not change compares equal to its previous drawing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BlockPlan {
    /// The block's runs, numbered within the block.
    pub runs: Vec<PlannedRun>,
    /// The annotations drawn in the block: indices into the list the plan was made from.
    pub annotations: Vec<usize>,
    /// The suggestions drawn in the block: indices into the list the plan was made from.
    pub suggestions: Vec<usize>,
    /// The marks over the block, bottom first, numbered within the block (an annotation or suggestion
    /// not in its runs numbered past the end of its list): what the drawing was made from.
    pub marks: Vec<Mark>,
}

impl BlockPlan {
    /// Renumbers `runs` (numbered in the plan's lists) within the block, in order of appearance.
    fn local(mut runs: Vec<PlannedRun>) -> Self {
        let mut plan = BlockPlan::default();
        let local = |list: &mut Vec<usize>, i: usize| match list.iter().position(|&j| j == i) {
            Some(k) => k,
            None => {
                list.push(i);
                list.len() - 1
            }
        };
        for run in &mut runs {
            for layer in &mut run.layers {
                layer.mark.marked = match layer.mark.marked {
                    Marked::Annotation(i) => Marked::Annotation(local(&mut plan.annotations, i)),
                    Marked::Suggestion(i) => Marked::Suggestion(local(&mut plan.suggestions, i)),
                    Marked::Flash => Marked::Flash,
                };
            }
            for i in &mut run.named {
                *i = local(&mut plan.annotations, *i);
            }
        }
        plan.runs = runs;
        plan
    }

    /// `mark` numbered within the block.
    fn numbered(&self, mut mark: Mark) -> Mark {
        let local =
            |list: &[usize], i: usize| list.iter().position(|&j| j == i).unwrap_or(list.len());
        mark.marked = match mark.marked {
            Marked::Annotation(i) => Marked::Annotation(local(&self.annotations, i)),
            Marked::Suggestion(i) => Marked::Suggestion(local(&self.suggestions, i)),
            Marked::Flash => Marked::Flash,
        };
        mark
    }
}

/// Outermost first: by start, then the longer first, then annotations before suggestions (in their
/// lists' order).
fn outermost_first(a: &Mark, b: &Mark) -> std::cmp::Ordering {
    let rank = |m: &Mark| match m.marked {
        Marked::Annotation(i) => (0, i),
        Marked::Suggestion(i) => (1, i),
        Marked::Flash => (2, 0),
    };
    a.span
        .start
        .cmp(&b.span.start)
        .then(b.span.end.cmp(&a.span.end))
        .then(rank(a).cmp(&rank(b)))
}
