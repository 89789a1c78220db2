//! Splitting text into highlight runs with overlaps and nesting.

use hamish::core::drawing::segments::{runs, Labelled, Run};
use hamish::core::text::span::Span;

fn run(start: usize, end: usize, covering: &[usize]) -> Run {
    Run {
        span: Span::new(start, end),
        covering: covering.to_vec(),
    }
}

fn span(index: usize, start: usize, end: usize) -> Labelled {
    Labelled {
        index,
        span: Span::new(start, end),
    }
}

/// (name, from, to, spans, expected runs)
type Case = (&'static str, usize, usize, Vec<Labelled>, Vec<Run>);

#[test]
fn runs_cover_the_range_exactly() {
    let cases: Vec<Case> = vec![
        ("no annotations", 0, 10, vec![], vec![run(0, 10, &[])]),
        (
            "one inside",
            0,
            10,
            vec![span(0, 2, 5)],
            vec![run(0, 2, &[]), run(2, 5, &[0]), run(5, 10, &[])],
        ),
        (
            "whole range",
            0,
            10,
            vec![span(0, 0, 10)],
            vec![run(0, 10, &[0])],
        ),
        (
            "overlapping",
            0,
            10,
            vec![span(0, 1, 6), span(1, 4, 8)],
            vec![
                run(0, 1, &[]),
                run(1, 4, &[0]),
                run(4, 6, &[0, 1]),
                run(6, 8, &[1]),
                run(8, 10, &[]),
            ],
        ),
        (
            "nested: outer listed first whatever the input order",
            0,
            10,
            vec![span(0, 3, 5), span(1, 2, 8)],
            vec![
                run(0, 2, &[]),
                run(2, 3, &[1]),
                run(3, 5, &[1, 0]),
                run(5, 8, &[1]),
                run(8, 10, &[]),
            ],
        ),
        (
            "identical spans",
            0,
            4,
            vec![span(0, 1, 3), span(1, 1, 3)],
            vec![run(0, 1, &[]), run(1, 3, &[0, 1]), run(3, 4, &[])],
        ),
        (
            "adjacent",
            0,
            6,
            vec![span(0, 0, 3), span(1, 3, 6)],
            vec![run(0, 3, &[0]), run(3, 6, &[1])],
        ),
        (
            "clipped to the block",
            10,
            20,
            vec![span(0, 5, 12), span(1, 18, 30), span(2, 0, 9)],
            vec![run(10, 12, &[0]), run(12, 18, &[]), run(18, 20, &[1])],
        ),
        (
            "empty span ignored",
            0,
            5,
            vec![span(0, 2, 2)],
            vec![run(0, 5, &[])],
        ),
        ("empty range", 5, 5, vec![span(0, 0, 9)], vec![]),
    ];
    for (name, from, to, spans, expected) in cases {
        assert_eq!(runs(Span::new(from, to), &spans), expected, "{name}");
    }
}
