//! Undo and redo benchmark: 10,000 annotations (the most an import takes) imported into the
//! workload's ~1 MB Arabic article (`../shared/bench/workload.mjs`), then the import undone and
//! redone (and the same as one Accept all, redone), one new annotation added and undone with
//! the 10,000 present, and a note typed among them — each a single step of the one reducer
//! ([`State::apply`]), timed natively.
//!
//! `cargo bench --bench history -- WORKLOAD.json` (see `make bench`, which generates the workload).

use hamish::core::anchoring::selectors::describe;
use hamish::core::annotations::model::{Annotation, Kind};
use hamish::core::annotations::state::{Action, State};
use hamish::core::text::span::Span;
use hamish::core::w3c::import::Parsed;
use serde::Deserialize;
#[path = "support/timing.rs"]
mod timing;
#[path = "support/workload.rs"]
mod workload;
use timing::median_ms;

#[derive(Deserialize)]
struct Workload {
    text: String,
}

/// How many annotations: the most one import takes.
const COUNT: usize = 10_000;

fn main() {
    let w: Workload = workload::read();
    let chars: Vec<char> = w.text.chars().collect();
    // Every word's span, the first COUNT of them spread over the whole text.
    let mut words = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() {
            i += 1;
        }
        if i > start {
            words.push(Span { start, end: i });
        }
    }
    let every = (words.len() / COUNT).max(1);
    let now = "2026-12-07T08:00:00.000Z";
    let annotations: Vec<Annotation> = (words.iter().step_by(every).take(COUNT))
        .enumerate()
        .map(|(n, &span)| {
            let kind = if n % 3 == 0 {
                Kind::Claim
            } else {
                Kind::Entity("russia".into())
            };
            Annotation::new(
                format!("urn:uuid:bench-{n:06}"),
                kind,
                describe(&w.text, span),
                now,
            )
        })
        .collect();
    let parsed = Parsed {
        annotations,
        ..Parsed::default()
    };
    let mut ms = 0;
    let mut at = || {
        ms += 1;
        format!(
            "2026-12-07T09:{:02}:{:02}.{:03}Z",
            ms / 60_000 % 60,
            ms / 1000 % 60,
            ms % 1000
        )
    };
    let imported = {
        let mut s = State::default();
        s.apply(Action::Import(parsed.clone()));
        s
    };
    let import = median_ms(5, || {
        let mut s = State::default();
        s.apply(Action::Import(parsed.clone()));
    });
    let undo = median_ms(5, || {
        let mut s = imported.clone();
        s.apply(Action::Undo { at: at() });
        assert!(s.annotations.is_empty());
    });
    let undone = {
        let mut s = imported.clone();
        s.apply(Action::Undo { at: at() });
        s
    };
    let redo = median_ms(5, || {
        let mut s = undone.clone();
        s.apply(Action::Redo { at: at() });
        assert_eq!(s.annotations.len(), COUNT);
    });
    let one = Annotation::new(
        "urn:uuid:one".into(),
        Kind::Claim,
        describe(&w.text, words[1]),
        now,
    );
    let add_undo = median_ms(5, || {
        let mut s = imported.clone();
        s.apply(Action::Add(one.clone()));
        s.apply(Action::Undo { at: at() });
        assert_eq!(s.annotations.len(), COUNT);
    });
    let accepted = {
        let mut s = State::default();
        s.apply(Action::AddMany(parsed.annotations.clone()));
        s.apply(Action::Undo { at: at() });
        s
    };
    let accept_redo = median_ms(5, || {
        let mut s = accepted.clone();
        s.apply(Action::Redo { at: at() });
        assert_eq!(s.annotations.len(), COUNT);
    });
    // A note typed among them, one keystroke at a time, as the widget's reducer applies it: the
    // state drawn is kept and a copy of it changed.
    let mut typing = imported.clone();
    let id = typing.annotations[COUNT / 2].id.clone();
    let mut note = String::new();
    let keystroke = median_ms(21, || {
        note.push('x');
        let mut next = typing.clone();
        next.apply(Action::SetNote {
            id: id.clone(),
            note: note.clone(),
            modified: at(),
        });
        typing = next;
    });
    assert_eq!(typing.get(&id).map(|a| a.note.len()), Some(21));
    let clone = median_ms(5, || drop(imported.clone()));
    println!(
        "history: {COUNT} annotations on {} code points; import {import:.1} ms, its undo {undo:.1} ms, \
         redo {redo:.1} ms; the same as one Accept all, redone {accept_redo:.1} ms; one added and undone with them there {add_undo:.1} ms, \
         a keystroke in a note {keystroke:.1} ms (each includes a clone of the state, {clone:.1} ms) (native)",
        chars.len()
    );
}
