//! What a block of an article is (title, heading, paragraph), and its names: the HTML tag it is drawn
//! as and read from, and the word it is stored under.

/// What a block of the article is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// The article's headline.
    Title,
    /// A heading inside the article.
    Heading,
    /// A paragraph of the body.
    Paragraph,
}

impl BlockKind {
    /// The HTML element a block of this kind is drawn as (`h1`, `h2`, `p`).
    pub fn tag(self) -> &'static str {
        match self {
            BlockKind::Title => "h1",
            BlockKind::Heading => "h2",
            BlockKind::Paragraph => "p",
        }
    }

    /// The kind of block an HTML element of this (lower-case) tag holds: `h1` a title, `h2`–`h6` a
    /// heading, anything else a paragraph.
    pub fn of_tag(tag: &str) -> BlockKind {
        match tag {
            "h1" => BlockKind::Title,
            "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
            _ => BlockKind::Paragraph,
        }
    }

    /// The word a stored text names this kind by (`title`, `heading`, `paragraph`).
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
        }
    }

    /// The kind a stored word names (an unknown word is a paragraph).
    pub fn of_name(name: &str) -> BlockKind {
        match name {
            "title" => BlockKind::Title,
            "heading" => BlockKind::Heading,
            _ => BlockKind::Paragraph,
        }
    }
}
