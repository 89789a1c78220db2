//! Re-attaching an article's annotations to its current text: each is found again by its selectors
//! ([`crate::core::anchoring::anchor`]) and re-described where it is now, or becomes an orphan.

use crate::core::anchoring::anchor::{anchor_all_in, Anchor, Anchorer};
use crate::core::anchoring::selectors::{describe_chars, TextSelector};
use crate::core::annotations::model::Annotation;

/// How re-attaching a set of annotations went.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reattached {
    /// Found where they were.
    pub in_place: usize,
    /// Found elsewhere or in changed wording.
    pub moved: usize,
    /// Not found: now orphans.
    pub orphaned: usize,
}

/// Re-attaches `annotations` to `text`: a found annotation is re-described from the current text
/// (position, quote and context); one that is not found keeps its last selectors and becomes an orphan.
pub fn reattach(text: &str, annotations: &mut [Annotation]) -> Reattached {
    let anchorer = Anchorer::new(text);
    let targets: Vec<TextSelector> = annotations.iter().map(|a| a.target.clone()).collect();
    let mut summary = Reattached::default();
    for (annotation, anchor) in annotations
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
                annotation.attach(selectors);
            }
            Anchor::Orphan => {
                summary.orphaned += 1;
                annotation.orphan = true;
            }
        }
    }
    summary
}
