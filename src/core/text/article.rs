//! An article as Hamish annotates it: a title, headings and paragraphs, and the one text all offsets
//! count over.

pub use crate::core::text::block::BlockKind;
use crate::core::text::formats::plain_blocks;
use crate::core::text::hash::Fnv;
use crate::core::text::span::Span;
use crate::core::text::units::{cp_len, snap_to_graphemes, trim_whitespace};

/// One block of the article and where it sits in the article's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Title, heading or paragraph.
    pub kind: BlockKind,
    /// Offset of the block's first code point in [`Article::text`].
    pub start: usize,
    /// The block's text.
    pub text: String,
    /// The block's language (`ar` or `en`), by its letters.
    pub lang: &'static str,
    /// The block's direction (`rtl` or `ltr`).
    pub dir: &'static str,
}

impl Block {
    /// Offset just past the block's last code point in [`Article::text`].
    pub fn end(&self) -> usize {
        self.start + cp_len(&self.text)
    }

    /// The block's span of [`Article::text`].
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end())
    }
}

/// A loaded article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Stable identity: the storage key's suffix.
    pub id: String,
    /// IRI of the article, exported as each target's `source`.
    pub source: String,
    /// BCP 47 language tag of most of the text.
    pub lang: String,
    /// `rtl` or `ltr`, for most of the text.
    pub dir: String,
    /// The blocks, in reading order.
    pub blocks: Vec<Block>,
    /// The blocks' texts joined by a blank line (`"\n\n"`): the text every offset counts over.
    pub text: String,
}

/// Separator between blocks in [`Article::text`].
pub const BLOCK_SEPARATOR: &str = "\n\n";

impl Article {
    /// Builds an article from its blocks (empty ones are dropped; white space around each is trimmed).
    pub fn from_blocks(id: &str, source: &str, blocks: Vec<(BlockKind, String)>) -> Self {
        let mut out = Vec::with_capacity(blocks.len());
        let mut start = 0;
        let mut letters = (0, 0);
        for (kind, text) in blocks {
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            let counts = letter_counts(text);
            letters = (letters.0 + counts.0, letters.1 + counts.1);
            let (lang, dir) = language_of(counts);
            out.push(Block {
                kind,
                start,
                text: text.to_string(),
                lang,
                dir,
            });
            start += cp_len(text) + cp_len(BLOCK_SEPARATOR);
        }
        let text = out
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join(BLOCK_SEPARATOR);
        // The whole text's letters are its blocks' letters (the separators hold none).
        let (lang, dir) = language_of(letters);
        Article {
            id: id.into(),
            source: source.into(),
            lang: lang.into(),
            dir: dir.into(),
            blocks: out,
            text,
        }
    }

    /// Builds an article from plain text (see [`plain_blocks`]).
    pub fn from_plain_text(id: &str, source: &str, raw: &str) -> Self {
        Self::from_blocks(id, source, plain_blocks(raw))
    }

    /// The article's title: its first title block, else its first block (empty for an empty article).
    pub fn title(&self) -> &str {
        let title = self
            .blocks
            .iter()
            .find(|b| b.kind == BlockKind::Title)
            .or(self.blocks.first());
        title.map_or("", |b| b.text.as_str())
    }

    /// Length of the article's text in code points.
    pub fn len(&self) -> usize {
        cp_len(&self.text)
    }

    /// True when the article has no text.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The index of the block holding code point `cp` (the last block starting at or before it).
    fn block_at(&self, cp: usize) -> usize {
        self.blocks
            .partition_point(|b| b.start <= cp)
            .saturating_sub(1)
    }

    /// The direction (`rtl` or `ltr`) of the block holding code point `cp`; the article's own when it
    /// has no blocks.
    pub fn dir_at(&self, cp: usize) -> &str {
        self.blocks
            .get(self.block_at(cp))
            .map_or(self.dir.as_str(), |b| b.dir)
    }

    /// The language (`ar` or `en`) of the block holding code point `cp`; the article's own when it
    /// has no blocks.
    pub fn lang_at(&self, cp: usize) -> &str {
        self.blocks
            .get(self.block_at(cp))
            .map_or(self.lang.as_str(), |b| b.lang)
    }

    /// Turns a raw selection between offsets `start` and `end` (in either order) into the span Hamish
    /// annotates, like [`crate::core::text::units::normalize_selection`] — whole grapheme clusters,
    /// no white space at either end — but working inside the blocks at its edges, so it costs the
    /// same in a 1 MB article as in a short one. `None` when only white space (or nothing) is selected.
    pub fn normalize_selection(&self, start: usize, end: usize) -> Option<Span> {
        let (start, end) = if start <= end {
            (start, end)
        } else {
            (end, start)
        };
        let (first, last) = (
            self.block_at(start),
            self.block_at(end.saturating_sub(1).max(start)),
        );
        let (a, b) = (self.blocks.get(first)?, self.blocks.get(last)?);
        let local_start = snap_to_graphemes(
            &a.text,
            start.saturating_sub(a.start),
            start.saturating_sub(a.start),
        )
        .0;
        let local_end = snap_to_graphemes(
            &b.text,
            end.saturating_sub(b.start),
            end.saturating_sub(b.start),
        )
        .1;
        // White space at the edges: trim within the edge blocks, moving on to the next (or previous)
        // block when one edge block holds nothing but white space.
        // The selected part of block `i`, trimmed, in article offsets (`None`: only white space).
        let trimmed = |i: usize| {
            let block = &self.blocks[i];
            let from = if i == first { local_start } else { 0 };
            let to = if i == last {
                local_end
            } else {
                cp_len(&block.text)
            };
            let (s, e) = trim_whitespace(&block.text, from, to);
            (e > s).then_some((block.start + s, block.start + e))
        };
        let lo = (first..=last).find_map(trimmed).map(|(s, _)| s);
        let hi = (first..=last).rev().find_map(trimmed).map(|(_, e)| e);
        match (lo, hi) {
            (Some(lo), Some(hi)) if hi > lo => Some(Span::new(lo, hi)),
            _ => None,
        }
    }
}

/// The language and direction of a text, by its letters: Arabic (`ar`, `rtl`) when at least as many
/// letters are Arabic as Latin, else English (`en`, `ltr`).
pub fn detect_language(text: &str) -> (&'static str, &'static str) {
    language_of(letter_counts(text))
}

/// How many letters of a text are Arabic and how many Latin.
fn letter_counts(text: &str) -> (usize, usize) {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        // The ranges first: asking whether a character is a letter is the slow part.
        match c {
            // The common Arabic letters (hamza to ya, tatweel among them) are all letters.
            '\u{0621}'..='\u{064A}' => arabic += 1,
            '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{08A0}'..='\u{08FF}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}'
                if c.is_alphabetic() =>
            {
                arabic += 1
            }
            c if c.is_ascii_alphabetic()
                || ('\u{00C0}'..='\u{024F}').contains(&c) && c.is_alphabetic() =>
            {
                latin += 1
            }
            _ => {}
        }
    }
    (arabic, latin)
}

/// The language and direction for these counts of Arabic and Latin letters.
fn language_of((arabic, latin): (usize, usize)) -> (&'static str, &'static str) {
    if arabic > 0 && arabic >= latin {
        ("ar", "rtl")
    } else {
        ("en", "ltr")
    }
}

/// An id for a text that came without a URL: `text-` and a 64-bit FNV-1a hash of the text with its
/// white space collapsed, so the same text pasted or opened again finds its annotations.
pub fn content_id(text: &str) -> String {
    let mut hash = Fnv::default();
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            hash.write(b" ");
        }
        hash.write(word.as_bytes());
    }
    format!("text-{}", hash.hex())
}

/// The bundled article's id.
pub const BUNDLED_ID: &str = "seed-ar-assad-fall";

/// The article bundled with Hamish (see `articles/SOURCE.md`).
pub fn bundled() -> Article {
    Article::from_plain_text(
        BUNDLED_ID,
        "urn:hamish:article:seed-ar-assad-fall",
        include_str!("../../../articles/article.ar.txt"),
    )
}
