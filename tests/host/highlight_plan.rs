//! What an embedded article draws over the host's text, and what lies under a point.

use hamish::core::anchoring::selectors::describe;
use hamish::core::annotations::model::{Annotation, Kind};
use hamish::core::drawing::plan::{
    plan, BlockPlan, Mark, Marked, PlannedRun, Style, Visible, DRAW_ALL,
};
use hamish::core::entities::registry::default_registry;
use hamish::core::entities::suggestions::Suggestion;
use hamish::core::text::span::Span;

const TEXT: &str = "قال الروس إن الأسد غادر دمشق 😀 فجراً، وإن موسكو استقبلته.";

fn annotation(id: &str, kind: Kind, start: usize, end: usize) -> Annotation {
    Annotation::new(
        id.into(),
        kind,
        describe(TEXT, Span::new(start, end)),
        "2026-11-29T10:00:00Z",
    )
}

fn suggestion(entity: &str, start: usize, end: usize) -> Suggestion {
    Suggestion {
        entity: entity.into(),
        span: Span::new(start, end),
    }
}

#[test]
fn suggestions_then_claims_then_tags_then_the_flash_and_no_orphans_and_a_gone_entity_in_grey() {
    let registry = default_registry();
    let mut orphan = annotation("urn:o", Kind::Claim, 0, 3);
    orphan.orphan = true;
    let annotations = vec![
        annotation("urn:c", Kind::Claim, 0, 18),
        annotation("urn:r", Kind::Entity("russia".into()), 4, 9),
        annotation("urn:x", Kind::Entity("no-such".into()), 10, 12),
        orphan,
    ];
    let suggestions = vec![suggestion("al-assad", 13, 18), suggestion("unknown", 1, 2)];
    let near = Visible::Near(Span::default());
    let drawn = plan(
        &annotations,
        &suggestions,
        &registry,
        Some(Span::new(24, 28)),
        near,
    );
    let stroke = |marked, style, start, end| Mark {
        marked,
        style,
        span: Span::new(start, end),
    };
    assert_eq!(
        drawn.marks(),
        [
            stroke(Marked::Suggestion(0), Style::Suggestion(3), 13, 18),
            stroke(Marked::Annotation(0), Style::Claim, 0, 18),
            stroke(Marked::Annotation(1), Style::Entity(0), 4, 9),
            // A tag whose entity is gone (deleted in another tab as it was made): one past the end.
            stroke(Marked::Annotation(2), Style::Entity(registry.len()), 10, 12),
            stroke(Marked::Flash, Style::Flash, 24, 28),
        ]
    );
}

#[test]
fn beyond_the_limit_only_what_is_near_the_screen_is_drawn() {
    let registry = default_registry();
    let many: Vec<Suggestion> = (0..=DRAW_ALL)
        .map(|i| suggestion("russia", i * 10, i * 10 + 5))
        .collect();
    let near = Visible::Near(Span::new(100, 200));
    let drawn = plan(&[], &many, &registry, None, near);
    assert_eq!(drawn.marks().len(), 10);
    assert!(drawn
        .marks()
        .iter()
        .all(|s| s.span.end > 100 && s.span.start < 200));
    // Up to the limit, everything is drawn wherever the screen is.
    assert_eq!(
        plan(&[], &many[..DRAW_ALL], &registry, None, near)
            .marks()
            .len(),
        DRAW_ALL
    );
    // Annotations are counted apart from suggestions.
    let few = vec![annotation("urn:c", Kind::Claim, 0, 3)];
    assert_eq!(
        plan(&few, &many, &registry, None, near)
            .marks()
            .iter()
            .filter(|s| s.style == Style::Claim)
            .count(),
        1
    );
}

#[test]
fn what_lies_under_a_point_outermost_first() {
    let mut orphan = annotation("urn:o", Kind::Claim, 4, 9);
    orphan.orphan = true;
    let annotations = vec![
        annotation("urn:inner", Kind::Entity("russia".into()), 4, 9),
        annotation("urn:outer", Kind::Claim, 0, 18),
        annotation("urn:after", Kind::Claim, 10, 18),
        orphan,
    ];
    let drawn = plan(&annotations, &[], &default_registry(), None, Visible::All);
    let ids = |at| {
        drawn
            .under(Span::new(at, at))
            .annotations
            .iter()
            .map(|&i| annotations[i].id.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(5), ["urn:outer", "urn:inner"]);
    assert_eq!(ids(9), ["urn:outer", "urn:inner"]);
    assert_eq!(ids(12), ["urn:outer", "urn:after"]);
    assert!(ids(30).is_empty());
}

/// A block plan's runs with its own numbers turned back into the plan's.
fn renumbered(block: &BlockPlan) -> Vec<PlannedRun> {
    let mut runs = block.runs.clone();
    for run in &mut runs {
        for layer in &mut run.layers {
            layer.mark.marked = match layer.mark.marked {
                Marked::Annotation(i) => Marked::Annotation(block.annotations[i]),
                Marked::Suggestion(i) => Marked::Suggestion(block.suggestions[i]),
                Marked::Flash => Marked::Flash,
            };
        }
        for i in &mut run.named {
            *i = block.annotations[*i];
        }
    }
    runs
}

#[test]
fn every_block_at_once_draws_what_each_block_alone_draws() {
    // Three blocks of TEXT's length; a claim across the first two, tags, a suggestion in the last.
    let blocks = [Span::new(0, 20), Span::new(22, 40), Span::new(42, 58)];
    let annotations = vec![
        annotation("urn:across", Kind::Claim, 10, 30),
        annotation("urn:r", Kind::Entity("russia".into()), 4, 9),
        annotation("urn:t", Kind::Entity("turkey".into()), 24, 28),
        annotation("urn:edge", Kind::Claim, 20, 22),
    ];
    let suggestions = vec![suggestion("iran", 0, 3), suggestion("al-assad", 44, 50)];
    let drawn = plan(
        &annotations,
        &suggestions,
        &default_registry(),
        Some(Span::new(24, 28)),
        Visible::All,
    );
    let each = drawn.by_block(&blocks);
    assert_eq!(each.len(), 3);
    for (block, planned) in blocks.iter().zip(&each) {
        assert_eq!(renumbered(planned), drawn.runs(*block));
    }
    // Numbered within the block: the claim across two blocks is annotation 0 of each...
    assert_eq!(each[0].annotations, [1, 0]);
    assert_eq!(each[1].annotations, [0, 2]);
    assert_eq!(each[2].suggestions, [1]);
    // ...so a block's drawing does not change when an annotation elsewhere comes before it in the list.
    let mut more = vec![annotation("urn:first", Kind::Claim, 0, 2)];
    more.extend(annotations.iter().cloned());
    let redrawn = plan(
        &more,
        &suggestions,
        &default_registry(),
        Some(Span::new(24, 28)),
        Visible::All,
    )
    .by_block(&blocks);
    assert_ne!(redrawn[0].runs, each[0].runs);
    assert_eq!(redrawn[1].runs, each[1].runs);
    assert_eq!(redrawn[2], each[2]);
}

/// Whether `block` of the plan `now` (over `annotations` and `suggestions`) is drawn as `before` was
/// (a block planned over `old_annotations` and `old_suggestions`), as the article view asks.
fn unchanged(
    now: &hamish::core::drawing::plan::Plan,
    blocks: &[Span],
    block: usize,
    lists: (&[Annotation], &[Suggestion]),
    before: &BlockPlan,
    old: (&[Annotation], &[Suggestion]),
) -> bool {
    let inside = &now.marks_by_block(blocks)[block];
    now.block_unchanged(inside, &before.marks, |n, o| match (n, o) {
        (Marked::Annotation(n), Marked::Annotation(o)) => {
            lists.0.get(n) == before.annotations.get(o).and_then(|&g| old.0.get(g))
        }
        (Marked::Suggestion(n), Marked::Suggestion(o)) => {
            lists.1.get(n) == before.suggestions.get(o).and_then(|&g| old.1.get(g))
        }
        _ => false,
    })
}

#[test]
fn only_the_blocks_a_change_touches_are_planned_again() {
    let blocks = [Span::new(0, 20), Span::new(22, 40), Span::new(42, 58)];
    let registry = default_registry();
    let annotations = vec![
        annotation("urn:r", Kind::Entity("russia".into()), 4, 9),
        annotation("urn:t", Kind::Entity("turkey".into()), 24, 28),
    ];
    let suggestions = vec![suggestion("iran", 44, 50)];
    let first = plan(&annotations, &suggestions, &registry, None, Visible::All);
    let before: Vec<BlockPlan> = blocks
        .iter()
        .zip(first.marks_by_block(&blocks))
        .map(|(&b, inside)| first.block_plan(b, &inside))
        .collect();
    assert_eq!(before, first.by_block(&blocks));
    let old = (&annotations[..], &suggestions[..]);

    // A claim added first in the list, in the first block: the other blocks are as they were.
    let mut added = vec![annotation("urn:new", Kind::Claim, 0, 3)];
    added.extend(annotations.iter().cloned());
    let now = plan(&added, &suggestions, &registry, None, Visible::All);
    let lists = (&added[..], &suggestions[..]);
    assert!(!unchanged(&now, &blocks, 0, lists, &before[0], old));
    assert!(unchanged(&now, &blocks, 1, lists, &before[1], old));
    assert!(unchanged(&now, &blocks, 2, lists, &before[2], old));

    // A note on the tag in the second block changes that block only (the same span and style).
    let mut noted = annotations.clone();
    noted[1].note = "Ankara".into();
    let now = plan(&noted, &suggestions, &registry, None, Visible::All);
    let lists = (&noted[..], &suggestions[..]);
    assert!(unchanged(&now, &blocks, 0, lists, &before[0], old));
    assert!(!unchanged(&now, &blocks, 1, lists, &before[1], old));

    // The flash over the tag in the first block, and a suggestion accepted in the last.
    let now = plan(
        &annotations,
        &[],
        &registry,
        Some(Span::new(4, 9)),
        Visible::All,
    );
    let lists = (&annotations[..], &[][..]);
    assert!(!unchanged(&now, &blocks, 0, lists, &before[0], old));
    assert!(unchanged(&now, &blocks, 1, lists, &before[1], old));
    assert!(!unchanged(&now, &blocks, 2, lists, &before[2], old));
}

#[test]
fn thousands_of_marks_over_one_word_draw_a_bounded_stack_that_keeps_the_named_highlight() {
    use hamish::core::drawing::plan::MAX_LAYERS;
    let registry = default_registry();
    // (covering spans, what each run may draw): the same word thousands of times; nested spans
    // growing outwards; spans that start earlier than the word (so the holder is deep inside).
    let same: Vec<Annotation> = (0..3000)
        .map(|i| annotation(&format!("urn:s{i}"), Kind::Claim, 4, 9))
        .collect();
    let nested: Vec<Annotation> = (0..400)
        .map(|i| annotation(&format!("urn:n{i}"), Kind::Claim, 4 - i % 4, 9 + i % 9))
        .collect();
    let mut deep: Vec<Annotation> = (0..40)
        .map(|i| annotation(&format!("urn:e{i}"), Kind::Entity("russia".into()), 0, 18))
        .collect();
    deep.push(annotation("urn:late", Kind::Claim, 10, 12));
    for annotations in [same, nested, deep] {
        let drawn = plan(&annotations, &[], &registry, None, Visible::All);
        let runs = drawn.runs(Span::new(0, TEXT.chars().count()));
        assert!(!runs.is_empty());
        for run in &runs {
            assert!(
                run.layers.len() <= MAX_LAYERS,
                "{} layers",
                run.layers.len()
            );
            if let Some(&holder) = run.named.first() {
                assert!(
                    run.layers
                        .iter()
                        .any(|l| l.mark.marked == Marked::Annotation(holder)),
                    "the named highlight is drawn"
                );
            }
            let covering = annotations
                .iter()
                .filter(|a| a.span().covers(run.span))
                .count();
            if covering <= MAX_LAYERS {
                assert_eq!(run.layers.len(), covering, "all drawn when few");
            } else {
                assert!(
                    run.layers.len() >= MAX_LAYERS - 1,
                    "the outermost are drawn"
                );
            }
        }
    }
}
