//! Which HTML elements are blocks, line breaks, inline text, skipped or furniture, for importing a
//! page and for reading a host's article in place.

use hamish::core::text::block::BlockKind::{Heading, Paragraph, Title};
use hamish::core::text::elements::{by_tag, classify, is_furniture, Class, Purpose};
use Class::{Block, Furniture, Inline, LineBreak, Skipped};

/// The attribute lookup of an element holding `attributes` (name, value).
fn with<'a>(attributes: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
    move |name| {
        attributes
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.to_string())
    }
}

/// A tag, its attributes (name, value) and two classes.
type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], Class, Class);

#[test]
fn tags_classify_for_each_purpose() {
    // (tag, as an imported page's element, as a host article's element)
    let cases = [
        ("script", Skipped, Skipped),
        ("style", Skipped, Skipped),
        ("noscript", Skipped, Skipped),
        ("template", Skipped, Skipped),
        ("iframe", Skipped, Skipped),
        ("object", Skipped, Skipped),
        ("embed", Skipped, Skipped),
        ("svg", Skipped, Skipped),
        ("canvas", Skipped, Skipped),
        ("video", Skipped, Skipped),
        ("audio", Skipped, Skipped),
        ("nav", Skipped, Skipped),
        ("header", Skipped, Block(Paragraph)),
        ("footer", Skipped, Block(Paragraph)),
        ("aside", Skipped, Skipped),
        ("form", Skipped, Skipped),
        ("button", Skipped, Skipped),
        ("input", Skipped, Skipped),
        ("select", Skipped, Skipped),
        ("textarea", Skipped, Skipped),
        ("dialog", Skipped, Skipped),
        ("menu", Skipped, Inline),
        ("h1", Block(Heading), Block(Title)),
        ("h2", Block(Heading), Block(Heading)),
        ("h3", Block(Heading), Block(Heading)),
        ("h4", Block(Heading), Block(Heading)),
        ("h5", Block(Heading), Block(Heading)),
        ("h6", Block(Heading), Block(Heading)),
        ("p", Block(Paragraph), Block(Paragraph)),
        ("li", Block(Paragraph), Block(Paragraph)),
        ("blockquote", Block(Paragraph), Block(Paragraph)),
        ("pre", Block(Paragraph), Block(Paragraph)),
        ("figcaption", Block(Paragraph), Block(Paragraph)),
        ("dd", Block(Paragraph), Block(Paragraph)),
        ("dt", Block(Paragraph), Block(Paragraph)),
        ("td", Block(Paragraph), Block(Paragraph)),
        ("math", Inline, Skipped),
        ("img", Inline, Skipped),
        ("picture", Inline, Skipped),
        ("address", Inline, Block(Paragraph)),
        ("article", Inline, Block(Paragraph)),
        ("details", Inline, Block(Paragraph)),
        ("div", Inline, Block(Paragraph)),
        ("dl", Inline, Block(Paragraph)),
        ("fieldset", Inline, Block(Paragraph)),
        ("figure", Inline, Block(Paragraph)),
        ("hr", Inline, Block(Paragraph)),
        ("main", Inline, Block(Paragraph)),
        ("ol", Inline, Block(Paragraph)),
        ("section", Inline, Block(Paragraph)),
        ("summary", Inline, Block(Paragraph)),
        ("table", Inline, Block(Paragraph)),
        ("tbody", Inline, Block(Paragraph)),
        ("tfoot", Inline, Block(Paragraph)),
        ("th", Inline, Block(Paragraph)),
        ("thead", Inline, Block(Paragraph)),
        ("tr", Inline, Block(Paragraph)),
        ("ul", Inline, Block(Paragraph)),
        ("caption", Inline, Block(Paragraph)),
        ("br", LineBreak, LineBreak),
        ("a", Inline, Inline),
        ("span", Inline, Inline),
        ("em", Inline, Inline),
        ("strong", Inline, Inline),
        ("b", Inline, Inline),
        ("i", Inline, Inline),
        ("html", Inline, Inline),
        ("body", Inline, Inline),
        ("head", Inline, Inline),
        ("title", Inline, Inline),
        ("time", Inline, Inline),
        ("abbr", Inline, Inline),
        ("small", Inline, Inline),
        ("sub", Inline, Inline),
        ("sup", Inline, Inline),
        ("mark", Inline, Inline),
        ("cite", Inline, Inline),
        ("q", Inline, Inline),
        ("code", Inline, Inline),
        ("label", Inline, Inline),
        ("unknown-element", Inline, Inline),
    ];
    for (tag, import, host) in cases {
        assert_eq!(by_tag(tag, Purpose::Import), import, "import {tag}");
        assert_eq!(by_tag(tag, Purpose::HostArticle), host, "host {tag}");
        assert_eq!(
            classify(tag, with(&[]), Purpose::Import),
            import,
            "import {tag}"
        );
        assert_eq!(
            classify(tag, with(&[]), Purpose::HostArticle),
            host,
            "host {tag}"
        );
    }
}

#[test]
fn a_host_skips_what_it_hides_or_asks_hamish_to_ignore() {
    // (tag, attributes, host class, import class: an import does not look at these attributes)
    let cases: [Case; 9] = [
        ("p", &[("hidden", "")], Skipped, Block(Paragraph)),
        ("span", &[("hidden", "hidden")], Skipped, Inline),
        ("br", &[("hidden", "")], Skipped, LineBreak),
        ("div", &[("aria-hidden", "true")], Skipped, Inline),
        ("div", &[("aria-hidden", "false")], Block(Paragraph), Inline),
        ("h2", &[("data-hamish-ignore", "")], Skipped, Block(Heading)),
        ("aside", &[("data-hamish-ignore", "")], Skipped, Skipped),
        ("p", &[("class", "x")], Block(Paragraph), Block(Paragraph)),
        ("h1", &[("lang", "ar")], Block(Title), Block(Heading)),
    ];
    for (tag, attributes, host, import) in cases {
        assert_eq!(
            classify(tag, with(attributes), Purpose::HostArticle),
            host,
            "host {tag} {attributes:?}"
        );
        assert_eq!(
            classify(tag, with(attributes), Purpose::Import),
            import,
            "import {tag} {attributes:?}"
        );
    }
}

#[test]
fn an_import_marks_furniture_by_id_class_and_role() {
    // (tag, attributes, import class, host class: a host's article keeps what its site put in it)
    let cases: [Case; 14] = [
        ("div", &[("class", "comments")], Furniture, Block(Paragraph)),
        (
            "section",
            &[("id", "Comment-list")],
            Furniture,
            Block(Paragraph),
        ),
        (
            "div",
            &[("class", "story ad-slot adsense")],
            Furniture,
            Block(Paragraph),
        ),
        (
            "div",
            &[("class", "share-buttons")],
            Furniture,
            Block(Paragraph),
        ),
        (
            "ul",
            &[("class", "related_links")],
            Furniture,
            Block(Paragraph),
        ),
        ("p", &[("class", "newsletter")], Furniture, Block(Paragraph)),
        (
            "div",
            &[("role", "navigation")],
            Furniture,
            Block(Paragraph),
        ),
        (
            "div",
            &[("role", "complementary")],
            Furniture,
            Block(Paragraph),
        ),
        ("span", &[("role", "banner")], Furniture, Inline),
        (
            "div",
            &[("role", "contentinfo")],
            Furniture,
            Block(Paragraph),
        ),
        ("div", &[("role", "main")], Inline, Block(Paragraph)),
        (
            "div",
            &[("class", "shadow loads")],
            Inline,
            Block(Paragraph),
        ),
        (
            "p",
            &[("class", "lead"), ("id", "body")],
            Block(Paragraph),
            Block(Paragraph),
        ),
        ("nav", &[("class", "share")], Skipped, Skipped),
    ];
    for (tag, attributes, import, host) in cases {
        assert_eq!(
            classify(tag, with(attributes), Purpose::Import),
            import,
            "import {tag} {attributes:?}"
        );
        assert_eq!(
            classify(tag, with(attributes), Purpose::HostArticle),
            host,
            "host {tag} {attributes:?}"
        );
    }
}

#[test]
fn furniture_words_start_a_word_of_the_id_or_class() {
    // (id, class, role, furniture)
    let cases = [
        ("", "", None, false),
        ("comments", "", None, true),
        ("", "article-body social-bar", None, true),
        ("", "SIDEBAR", None, true),
        ("", "breadcrumbs", None, true),
        ("", "cookie_banner", None, true),
        ("", "popup", None, true),
        ("", "subscribe-box", None, true),
        ("", "sponsored", None, true),
        ("", "promo", None, true),
        ("", "advertisement", None, true),
        ("", "uploads", None, false),
        ("", "shared", None, true),
        ("", "unshared", None, false),
        ("", "", Some("Navigation"), false),
        ("", "", Some("main"), false),
        ("", "", Some("banner"), true),
    ];
    for (id, class, role, want) in cases {
        assert_eq!(
            is_furniture(id, class, role),
            want,
            "{id:?} {class:?} {role:?}"
        );
    }
}
