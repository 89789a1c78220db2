//! What an embedded article draws over the host's text, and what lies under a point: decided here,
//! drawn by `web::highlights`.

use crate::core::annotations::model::{Annotation, Kind};
use crate::core::entities::registry::Entity;
use crate::core::entities::suggestions::Suggestion;

/// Up to this many suggestions (and, apart, annotations) are all drawn; beyond it, only those near
/// the screen: thousands of highlight ranges make the browser slow at every change to the page.
pub const DRAW_ALL: usize = 400;

/// How a span looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// A claim: a tinted background.
    Claim,
    /// A tagged entity (index into the registry): an underline in its colour.
    Entity(usize),
    /// A suggested entity mention: a dotted underline in its colour.
    Suggestion(usize),
    /// A highlight just chosen in the panel, flashed.
    Flash,
}

/// One span to draw: `[start, end)` in code points, in a style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stroke {
    /// How it looks.
    pub style: Style,
    /// First code point.
    pub start: usize,
    /// Code point just past it.
    pub end: usize,
}

/// The spans to draw, bottom first: suggestions, then claims, then entity tags, then the flash.
/// Orphans are not drawn; beyond [`DRAW_ALL`] suggestions (or annotations), only those overlapping
/// `near` (the article around the screen) are.
pub fn plan(
    annotations: &[Annotation],
    suggestions: &[Suggestion],
    registry: &[Entity],
    flash: Option<(usize, usize)>,
    near: Option<(usize, usize)>,
) -> Vec<Stroke> {
    let entity_index = |id: &str| registry.iter().position(|e| e.id == id);
    let window = |count: usize| (count > DRAW_ALL).then_some(near.unwrap_or((0, 0)));
    let shown = |window: Option<(usize, usize)>, start: usize, end: usize| {
        window.is_none_or(|(from, to)| end > from && start < to)
    };
    let (sg_window, window) = (window(suggestions.len()), window(annotations.len()));
    let stroke = |style, start, end| Stroke { style, start, end };
    let drawn: Vec<&Annotation> = annotations
        .iter()
        .filter(|a| !a.orphan && shown(window, a.span().start, a.span().end))
        .collect();
    let suggested = suggestions
        .iter()
        .filter(|s| shown(sg_window, s.start, s.end))
        .filter_map(|s| {
            Some(stroke(
                Style::Suggestion(entity_index(&s.entity)?),
                s.start,
                s.end,
            ))
        });
    let claims = drawn
        .iter()
        .filter(|a| a.kind == Kind::Claim)
        .map(|a| stroke(Style::Claim, a.span().start, a.span().end));
    let tags = drawn.iter().filter_map(|a| match &a.kind {
        Kind::Entity(id) => Some(stroke(
            Style::Entity(entity_index(id)?),
            a.span().start,
            a.span().end,
        )),
        Kind::Claim => None,
    });
    let flashed = flash.map(|(start, end)| stroke(Style::Flash, start, end));
    suggested.chain(claims).chain(tags).chain(flashed).collect()
}

/// The annotations (not orphans) whose span reaches the caret position `at`, outermost first.
pub fn under(annotations: &[Annotation], at: usize) -> Vec<&Annotation> {
    let mut out: Vec<&Annotation> = annotations
        .iter()
        .filter(|a| !a.orphan && a.span().start <= at && at <= a.span().end)
        .collect();
    out.sort_by(|a, b| {
        a.span()
            .start
            .cmp(&b.span().start)
            .then(b.span().end.cmp(&a.span().end))
    });
    out
}
