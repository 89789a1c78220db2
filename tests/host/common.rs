//! Helpers shared by the host tests.

use hamish::core::anchoring::selectors::describe;
use hamish::core::annotations::model::{Annotation, Kind};
use hamish::core::text::article::{bundled, Article};
use hamish::core::text::span::Span;

/// An annotation on the first occurrence of `quote` in the bundled article.
pub fn annotate(article: &Article, quote: &str, kind: Kind, id: &str) -> Annotation {
    let byte = article
        .text
        .find(quote)
        .unwrap_or_else(|| panic!("{quote:?} not in the article"));
    let start = hamish::core::text::units::byte_to_cp(&article.text, byte);
    let end = start + quote.chars().count();
    Annotation::new(
        id.into(),
        kind,
        describe(&article.text, Span::new(start, end)),
        "2026-11-29T10:15:30.123Z",
    )
}

/// The bundled article.
pub fn article() -> Article {
    bundled()
}
