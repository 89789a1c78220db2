//! A stored context (the prefix or suffix of a quote), folded, and how well it fits the text beside a
//! candidate match.
//!
//! The context must touch the match (a prefix ends where the match starts, a suffix starts where it
//! ends) but its outer end is free: it is compared with the best-fitting stretch of text of any length
//! ending (or starting) there. Comparing it with exactly as many characters as it has would count a
//! word inserted next to the match twice (once as the inserted characters, once as the characters
//! pushed out of the window) and so pull the match's edge over the new word.

use crate::core::anchoring::myers::ShortPattern;
use crate::core::text::fold::fold;

/// The most folded characters of a stored context compared with the text (one bit-parallel word).
pub const CONTEXT_MAX: usize = 64;

/// Which side of the quote a context is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Before the quote.
    Prefix,
    /// After the quote.
    Suffix,
}

/// A folded context, prepared for comparison with many places of a text.
#[derive(Clone)]
pub struct Context {
    /// Its folded characters, in reading order.
    pub chars: Vec<char>,
    side: Side,
    /// The characters in the order they are compared: a prefix is compared backwards from the match.
    pattern: Option<ShortPattern>,
}

impl Context {
    /// A stored prefix: at most its last [`CONTEXT_MAX`] folded characters count.
    pub fn prefix(text: &str) -> Context {
        let chars = fold(text).chars;
        Context::of(
            &chars[chars.len().saturating_sub(CONTEXT_MAX)..],
            Side::Prefix,
        )
    }

    /// A stored suffix: at most its first [`CONTEXT_MAX`] folded characters count.
    pub fn suffix(text: &str) -> Context {
        let chars = fold(text).chars;
        Context::of(&chars[..chars.len().min(CONTEXT_MAX)], Side::Suffix)
    }

    /// Already folded characters (at most [`CONTEXT_MAX`] of them are kept, those nearest the quote).
    pub fn of(chars: &[char], side: Side) -> Context {
        let chars = match side {
            Side::Prefix => &chars[chars.len().saturating_sub(CONTEXT_MAX)..],
            Side::Suffix => &chars[..chars.len().min(CONTEXT_MAX)],
        };
        let ordered: Vec<char> = match side {
            Side::Prefix => chars.iter().rev().copied().collect(),
            Side::Suffix => chars.to_vec(),
        };
        Context {
            chars: chars.to_vec(),
            side,
            pattern: ShortPattern::new(&ordered),
        }
    }

    /// Its length in folded characters.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// Whether it is empty (the quote was at the text's edge, or no context was given).
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Whether the quote is separated from this context by a word boundary (the context's character
    /// nearest the quote is not a letter or digit).
    pub fn at_word_boundary(&self) -> bool {
        let nearest = match self.side {
            Side::Prefix => self.chars.last(),
            Side::Suffix => self.chars.first(),
        };
        nearest.is_some_and(|c| !c.is_alphanumeric())
    }

    /// Edits between the context and the best-fitting text beside `edge` of `text` (before it for a
    /// prefix, after it for a suffix). Reads at most one and a half times the context's length.
    pub fn errors_at(&self, text: &[char], edge: usize) -> usize {
        let Some(pattern) = &self.pattern else {
            return 0;
        };
        let reach = self.len() + self.len() / 2 + 1;
        match self.side {
            Side::Prefix => {
                let edge = edge.min(text.len());
                let window = &text[edge.saturating_sub(reach)..edge];
                pattern.best_prefix_distance(window.iter().rev().copied())
            }
            Side::Suffix => {
                let window = text
                    .get(edge..(edge + reach).min(text.len()))
                    .unwrap_or(&[]);
                pattern.best_prefix_distance(window.iter().copied())
            }
        }
    }

    /// 1 minus [`Context::errors_at`] relative to the context's length (1 for no context).
    pub fn similarity_at(&self, text: &[char], edge: usize) -> f64 {
        if self.chars.is_empty() {
            return 1.0;
        }
        (1.0 - self.errors_at(text, edge) as f64 / self.len() as f64).max(0.0)
    }
}
