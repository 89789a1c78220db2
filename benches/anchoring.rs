//! Anchoring benchmark on the shared workload (`../shared/bench/workload.mjs`): 1,000 annotations on a
//! ~1 MB Arabic article, re-anchored in the unchanged text and in a copy with 5% of its words edited.
//!
//! `cargo bench --bench anchoring -- WORKLOAD.json` (see `make bench`, which generates the workload).

use hamish::core::anchoring::anchor::{anchor_all, Anchor};
use hamish::core::anchoring::selectors::TextSelector;
use hamish::core::text::span::Span;
use serde::Deserialize;
#[path = "support/timing.rs"]
mod timing;
#[path = "support/workload.rs"]
mod workload;
use timing::median_ms;

#[derive(Deserialize)]
struct Ann {
    start: usize,
    end: usize,
    exact: String,
    prefix: String,
    suffix: String,
    #[serde(rename = "expectedEdited")]
    expected_edited: Option<usize>,
}

#[derive(Deserialize)]
struct Workload {
    text: String,
    edited: String,
    anns: Vec<Ann>,
}

fn main() {
    let w: Workload = workload::read();
    // The workload's offsets are JavaScript string indices; its text is all in the BMP, so they are
    // code points too.
    assert_eq!(w.text.chars().count(), w.text.encode_utf16().count());
    let targets: Vec<TextSelector> = w
        .anns
        .iter()
        .map(|a| TextSelector {
            exact: a.exact.clone(),
            prefix: a.prefix.clone(),
            suffix: a.suffix.clone(),
            position: Some(Span::new(a.start, a.end)),
        })
        .collect();

    let unedited = anchor_all(&w.text, &targets);
    let in_place = unedited
        .iter()
        .zip(&w.anns)
        .filter(
            |(a, t)| matches!(a, Anchor::Found { span, .. } if *span == Span::new(t.start, t.end)),
        )
        .count();
    let edited = anchor_all(&w.edited, &targets);
    let (mut found, mut right, mut checkable, mut orphans) = (0, 0, 0, 0);
    for (a, t) in edited.iter().zip(&w.anns) {
        match a {
            Anchor::Found { span, .. } => {
                found += 1;
                if let Some(expected) = t.expected_edited {
                    checkable += 1;
                    right += usize::from(span.start == expected);
                }
            }
            Anchor::Orphan => orphans += 1,
        }
    }
    let t_unedited = median_ms(7, || drop(anchor_all(&w.text, &targets)));
    let t_edited = median_ms(5, || drop(anchor_all(&w.edited, &targets)));
    println!(
        "workload: {} code points, {} annotations, edited copy {} code points",
        w.text.chars().count(),
        targets.len(),
        w.edited.chars().count()
    );
    println!(
        "unedited: {in_place}/{} re-anchored in place, median {t_unedited:.1} ms (native)",
        targets.len()
    );
    println!(
        "edited:   {found} anchored, {orphans} orphaned; {right}/{checkable} of those with a known new place are there; median {t_edited:.1} ms (native)"
    );
    // The side-by-side judge (scripts/bench-peers.mjs uses the same one): among the annotations whose
    // expected place exists in the edited copy, right = found with its start within 2 code points of
    // it, misplaced = found elsewhere, orphaned = not found.
    let (mut j_right, mut j_misplaced, mut j_orphaned) = (0, 0, 0);
    for (a, t) in edited.iter().zip(&w.anns) {
        let Some(expected) = t.expected_edited else {
            continue;
        };
        match a {
            Anchor::Found { span, .. } if span.start.abs_diff(expected) <= 2 => j_right += 1,
            Anchor::Found { .. } => j_misplaced += 1,
            Anchor::Orphan => j_orphaned += 1,
        }
    }
    println!(
        "judge: hamish right={j_right} misplaced={j_misplaced} orphaned={j_orphaned} ms={t_edited:.1}"
    );
}
