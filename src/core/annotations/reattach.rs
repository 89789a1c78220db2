//! Re-attaching an article's annotations to its current text: each is found again by its selectors
//! ([`crate::core::anchoring::anchor`]) and re-described where it is now, or becomes an orphan.

use crate::core::anchoring::anchor::{anchor_all_in, Anchor, Anchorer};
use crate::core::anchoring::selectors::{describe_chars, TextSelector};
use crate::core::annotations::model::{Annotation, Kind};
use crate::core::claims::claim::Status;
use crate::core::entities::suggestions::{Quote, Rejected};
use crate::core::storage::entry::Stored;
use crate::core::text::fold::fold_quote;
use crate::core::text::span::Span;
use crate::core::text::units::short_quote;

/// How re-attaching a set of annotations went.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reattached {
    /// Found where they were.
    pub in_place: usize,
    /// Found elsewhere or in changed wording.
    pub moved: usize,
    /// Not found: now orphans.
    pub orphaned: usize,
    /// Claims already looked at (a verdict, or a status past unverified) found in other words than
    /// those checked, now or at an earlier opening, and not yet decided on ([`still_reworded`]): how
    /// many, and the first [`REWORDED_LISTED`].
    pub reworded: (usize, Vec<Reworded>),
}

/// A claim already looked at, now found in other words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reworded {
    /// The claim's id.
    pub id: String,
    /// Where it was, as stored before: the words checked (what [`Annotation::detach`] puts back when
    /// the reader says the words now are not the claim's).
    pub was: TextSelector,
    /// The words now, cut short (100 characters).
    pub now: String,
}

/// How many reworded claims [`Reattached`] quotes.
pub const REWORDED_LISTED: usize = 5;

/// `annotation`, a claim already looked at (a verdict, or a status past unverified), found at `now`
/// in other words than its own (not another spelling: a diacritic, a tatweel, a hamza).
pub fn reworded(annotation: &Annotation, now: &TextSelector) -> Option<Reworded> {
    let looked_at =
        annotation.claim.verdict.is_some() || annotation.claim.status != Status::Unverified;
    (annotation.kind == Kind::Claim
        && looked_at
        && fold_quote(&now.exact) != fold_quote(&annotation.target.exact))
    .then(|| Reworded {
        id: annotation.id.clone(),
        was: annotation.target.clone(),
        now: short_quote(&now.exact, 100),
    })
}

/// Re-attaches `annotations` to `text`: a found annotation is re-described from the current text
/// (position, quote and context); one that is not found keeps its last selectors and becomes an orphan.
/// One the reader detached ([`Annotation::detached`]) is left as it is.
pub fn reattach(text: &str, annotations: &mut [Annotation]) -> Reattached {
    let mut looked_for: Vec<&mut Annotation> =
        annotations.iter_mut().filter(|a| !a.detached).collect();
    // Nothing to find: no need to index the text (a copy of every character of a long article).
    if looked_for.is_empty() {
        return Reattached::default();
    }
    let anchorer = Anchorer::new(text);
    let targets: Vec<TextSelector> = looked_for.iter().map(|a| a.target.clone()).collect();
    let mut summary = Reattached::default();
    for (annotation, anchor) in looked_for
        .iter_mut()
        .zip(anchor_all_in(&anchorer, &targets))
    {
        match anchor {
            Anchor::Found { span, .. } => {
                let selectors = describe_chars(anchorer.chars(), span);
                let unchanged = selectors.position == annotation.target.position
                    && selectors.exact == annotation.target.exact
                    && !annotation.orphan;
                if unchanged {
                    summary.in_place += 1;
                } else {
                    summary.moved += 1;
                }
                let moved_words = reworded(annotation, &selectors).is_some();
                let was = annotation.target.clone();
                annotation.attach(selectors);
                if moved_words {
                    annotation.checked.get_or_insert(was);
                }
                // Back on the words checked (the edit was undone): nothing to warn of.
                let back = annotation
                    .checked
                    .as_ref()
                    .is_some_and(|c| fold_quote(&c.exact) == fold_quote(&annotation.target.exact));
                if back {
                    annotation.checked = None;
                }
            }
            Anchor::Orphan => {
                summary.orphaned += 1;
                annotation.orphan = true;
            }
        }
    }
    drop(looked_for);
    summary.reworded = still_reworded(annotations);
    summary
}

/// The claims found in other words than the ones checked ([`Annotation::checked`]), this time or
/// an earlier one, that the reader has not decided on: how many, and the first [`REWORDED_LISTED`].
pub fn still_reworded(annotations: &[Annotation]) -> (usize, Vec<Reworded>) {
    let mut out = (0, Vec::new());
    for a in annotations.iter().filter(|a| !a.orphan && !a.detached) {
        if let Some(was) = &a.checked {
            out.0 += 1;
            if out.1.len() < REWORDED_LISTED {
                out.1.push(Reworded {
                    id: a.id.clone(),
                    was: was.clone(),
                    now: short_quote(&a.target.exact, 100),
                });
            }
        }
    }
    out
}

/// Re-attaches rejected suggestions that kept their quote: one found again moves with its mention
/// (so it stays rejected after an edit above it); one not found stays where it was (it then matches
/// nothing, and does no harm).
pub fn reattach_rejections(text: &str, rejected: &mut [Rejected]) {
    if rejected.is_empty() {
        return;
    }
    let anchorer = Anchorer::new(text);
    let targets: Vec<TextSelector> = rejected
        .iter()
        .map(|r| TextSelector {
            exact: r.quote.exact.clone(),
            prefix: r.quote.prefix.clone(),
            suffix: r.quote.suffix.clone(),
            position: Some(r.span),
        })
        .collect();
    for (r, anchor) in rejected.iter_mut().zip(anchor_all_in(&anchorer, &targets)) {
        if let (false, Anchor::Found { span, .. }) = (r.quote.is_empty(), anchor) {
            let described = describe_chars(anchorer.chars(), span);
            r.span = span;
            r.quote = Quote {
                exact: described.exact,
                prefix: described.prefix,
                suffix: described.suffix,
            };
        }
    }
}

/// Re-describes each of `annotations` at its span in `followed` (the same order; where the page says
/// its text went when the text changed under it, e.g. by the DOM nodes it was in) when the text there
/// is still exactly its quote: position and context are read there, so [`reattach`] finds it there
/// rather than at a copy of the quote whose context matched the old text better (a pull quote put
/// before it). Spans out of range or over other text are left alone.
pub fn prefer_followed(text: &str, annotations: &mut [Annotation], followed: &[Option<Span>]) {
    if followed.iter().all(Option::is_none) {
        return;
    }
    let chars: Vec<char> = text.chars().collect();
    for (a, span) in annotations.iter_mut().zip(followed) {
        let Some(span) = span.filter(|s| s.start < s.end) else {
            continue;
        };
        let quoted = chars
            .get(span.start..span.end)
            .is_some_and(|there| there.iter().copied().eq(a.target.exact.chars()));
        if quoted {
            a.target = describe_chars(&chars, span);
        }
    }
}

/// Re-attaches everything kept for an article to its current text: annotations (see [`reattach`])
/// and rejected suggestions (see [`reattach_rejections`]).
pub fn reattach_stored(text: &str, stored: &mut Stored) -> Reattached {
    reattach_rejections(text, &mut stored.rejected);
    reattach(text, &mut stored.annotations)
}
