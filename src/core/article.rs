//! An article as Hamish annotates it: a title and paragraphs, and the one text all offsets count over.

use crate::core::units::cp_len;

/// What a block of the article is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// The article's headline.
    Title,
    /// A paragraph of the body.
    Paragraph,
}

/// One block of the article and where it sits in the article's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Title or paragraph.
    pub kind: BlockKind,
    /// Offset of the block's first code point in [`Article::text`].
    pub start: usize,
    /// The block's text.
    pub text: String,
}

impl Block {
    /// Offset just past the block's last code point in [`Article::text`].
    pub fn end(&self) -> usize {
        self.start + cp_len(&self.text)
    }
}

/// A loaded article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Stable identity: the storage key's suffix.
    pub id: String,
    /// IRI of the article, exported as each target's `source`.
    pub source: String,
    /// BCP 47 language tag of the text.
    pub lang: String,
    /// `rtl` or `ltr`.
    pub dir: String,
    /// Title first, then paragraphs.
    pub blocks: Vec<Block>,
    /// The blocks' texts joined by a blank line (`"\n\n"`): the text every offset counts over.
    pub text: String,
}

/// Separator between blocks in [`Article::text`].
pub const BLOCK_SEPARATOR: &str = "\n\n";

impl Article {
    /// Builds an article from plain text: blank lines separate blocks, the first block is the title,
    /// white space inside a block is kept as it is and around it is trimmed.
    pub fn from_plain_text(id: &str, source: &str, lang: &str, dir: &str, raw: &str) -> Self {
        let normalized = raw.replace("\r\n", "\n");
        let pieces: Vec<&str> = normalized
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let mut blocks = Vec::with_capacity(pieces.len());
        let mut start = 0;
        for (i, piece) in pieces.iter().enumerate() {
            let kind = if i == 0 {
                BlockKind::Title
            } else {
                BlockKind::Paragraph
            };
            blocks.push(Block {
                kind,
                start,
                text: (*piece).to_string(),
            });
            start += cp_len(piece) + cp_len(BLOCK_SEPARATOR);
        }
        let text = pieces.join(BLOCK_SEPARATOR);
        Article {
            id: id.into(),
            source: source.into(),
            lang: lang.into(),
            dir: dir.into(),
            blocks,
            text,
        }
    }

    /// The article's title (empty for an empty article).
    pub fn title(&self) -> &str {
        self.blocks.first().map_or("", |b| b.text.as_str())
    }

    /// Length of the article's text in code points.
    pub fn len(&self) -> usize {
        cp_len(&self.text)
    }

    /// True when the article has no text.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// The language and direction of a text, by its letters: Arabic (`ar`, `rtl`) when at least as many
/// letters are Arabic as Latin, else English (`en`, `ltr`).
pub fn detect_language(text: &str) -> (&'static str, &'static str) {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        match c {
            '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{08A0}'..='\u{08FF}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}' => arabic += 1,
            c if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) => latin += 1,
            _ => {}
        }
    }
    if arabic > 0 && arabic >= latin {
        ("ar", "rtl")
    } else {
        ("en", "ltr")
    }
}

/// The article bundled with Hamish (see `articles/SOURCE.md`).
pub fn bundled() -> Article {
    Article::from_plain_text(
        "seed-ar-assad-fall",
        "urn:hamish:article:seed-ar-assad-fall",
        "ar",
        "rtl",
        include_str!("../../articles/article.ar.txt"),
    )
}
