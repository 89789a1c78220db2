//! What an HTML element is to Hamish: a block of the article, a line break, inline text, content
//! that is not article text, or page furniture. Decided once here for both readers of HTML:
//! importing a page as an article ([`Purpose::Import`], `web::html`) and reading a host page's
//! article in place ([`Purpose::HostArticle`], `web::host_text`).
//!
//! The two differ on purpose:
//! - The importer reads a whole page, so it also leaves out the page's frame (`header`, `footer`,
//!   `menu`) and furniture named by `id`/`class` words or landmark roles (comments, ads, sharing,
//!   related links, navigation). Its blocks are the elements that hold text (paragraphs, headings,
//!   list items, cells…); the containers around them are not blocks, and every heading, `h1` too, is
//!   a heading (the page's title is found separately).
//! - The host reader reads only the element the site marked as the article, so a `header` or
//!   `footer` inside it is part of it; what it leaves out is what the reader does not see as text:
//!   images, formulas, and anything the page hides (`hidden`, `aria-hidden="true"`) or asks Hamish
//!   to ignore (`data-hamish-ignore`). Every element the browser lays out as a block, containers
//!   too, starts a block of its own, of the kind [`BlockKind::of_tag`] gives.

use crate::core::text::block::BlockKind;

/// Which reader asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Importing an HTML page (a URL, a file, pasted rich text) as an article.
    Import,
    /// Reading the article of the page Hamish is embedded in, in place.
    HostArticle,
}

/// What an element is to the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Its text is a block of the article (or, for a container, holds blocks).
    Block(BlockKind),
    /// A line break inside a block (`br`).
    LineBreak,
    /// Its text runs on inside the block around it (links, emphasis, spans, unknown elements).
    Inline,
    /// It and everything inside it are not article text (scripts, media, forms, navigation, hidden
    /// content).
    Skipped,
    /// Page furniture (comments, ads, sharing, related links, landmarks around the article): left
    /// out when it does not hold the article itself, which only the document can tell.
    Furniture,
}

/// Elements that are never article text, for either reader.
const NOT_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "video", "audio", "input", "textarea", "select", "button", "form", "nav", "aside", "dialog",
];

/// The page's frame around its article, left out of an imported page.
const PAGE_FRAME: &[&str] = &["header", "footer", "menu"];

/// Images and formulas, left out of a host's article (an imported page keeps a formula's text).
const PICTURES: &[&str] = &["math", "img", "picture"];

/// Elements whose own text is a block, for either reader.
const TEXT_BLOCKS: &[&str] = &[
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "li",
    "blockquote",
    "pre",
    "figcaption",
    "dd",
    "dt",
    "td",
];

/// Further elements the browser lays out as blocks: each starts a block of a host's article. An
/// imported page takes the text blocks inside them instead.
const LAID_OUT_AS_BLOCKS: &[&str] = &[
    "address", "article", "caption", "details", "div", "dl", "fieldset", "figure", "footer",
    "header", "hr", "main", "ol", "section", "summary", "table", "tbody", "tfoot", "th", "thead",
    "tr", "ul",
];

/// Words in an element's `id` or `class` that mark page furniture (comments, ads, sharing, related
/// links); a word counts when it starts with one of them.
const FURNITURE_WORDS: &[&str] = &[
    "comment",
    "advert",
    "ads",
    "sponsor",
    "promo",
    "share",
    "social",
    "related",
    "newsletter",
    "cookie",
    "popup",
    "subscribe",
    "sidebar",
    "breadcrumb",
    "byline-share",
];

/// Landmark roles of what surrounds an article (navigation, sidebars, site header and footer).
const FURNITURE_ROLES: &[&str] = &["navigation", "complementary", "banner", "contentinfo"];

/// What an element of (lower-case) `tag` is to the reader of `purpose`, from its tag alone: a
/// block, a line break, inline text, or skipped. See [`classify`] for the attributes that matter.
pub fn by_tag(tag: &str, purpose: Purpose) -> Class {
    let skipped = NOT_TEXT.contains(&tag)
        || match purpose {
            Purpose::Import => PAGE_FRAME.contains(&tag),
            Purpose::HostArticle => PICTURES.contains(&tag),
        };
    if skipped {
        return Class::Skipped;
    }
    if tag == "br" {
        return Class::LineBreak;
    }
    let text_block = TEXT_BLOCKS.contains(&tag);
    match purpose {
        Purpose::Import if text_block => Class::Block(match BlockKind::of_tag(tag) {
            BlockKind::Title => BlockKind::Heading,
            kind => kind,
        }),
        Purpose::HostArticle if text_block || LAID_OUT_AS_BLOCKS.contains(&tag) => {
            Class::Block(BlockKind::of_tag(tag))
        }
        _ => Class::Inline,
    }
}

/// Whether an element's `id` and `class` name it as page furniture, or its `role` is a landmark
/// around the article.
pub fn is_furniture(id: &str, class: &str, role: Option<&str>) -> bool {
    let names = format!("{id} {class}").to_ascii_lowercase();
    names
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| FURNITURE_WORDS.iter().any(|f| word.starts_with(f)))
        || role.is_some_and(|r| FURNITURE_ROLES.contains(&r))
}

/// What an element of (lower-case) `tag` is to the reader of `purpose`; `attribute` gives the value
/// of one of its attributes by name (`None` when it has none) and is asked only for those that
/// matter: `id`, `class` and `role` for an import, `hidden`, `aria-hidden` and `data-hamish-ignore`
/// for a host's article.
pub fn classify(tag: &str, attribute: impl Fn(&str) -> Option<String>, purpose: Purpose) -> Class {
    let class = by_tag(tag, purpose);
    if class == Class::Skipped {
        return class;
    }
    match purpose {
        Purpose::Import => {
            let id = attribute("id").unwrap_or_default();
            let names = attribute("class").unwrap_or_default();
            if is_furniture(&id, &names, attribute("role").as_deref()) {
                return Class::Furniture;
            }
        }
        Purpose::HostArticle => {
            if attribute("hidden").is_some()
                || attribute("data-hamish-ignore").is_some()
                || attribute("aria-hidden").as_deref() == Some("true")
            {
                return Class::Skipped;
            }
        }
    }
    class
}
