//! Reading an HTML page as an article, without ever putting its markup into the page: the browser's
//! `DOMParser` builds an inert document (no script runs, nothing loads), and only text is taken out.
//! Which elements are blocks, which are left out and which are furniture is decided by
//! [`crate::core::text::elements`] ([`Purpose::Import`]); what holds the article is read here.

use crate::core::text::article::BlockKind;
use crate::core::text::elements::{by_tag, classify, Class, Purpose};
use crate::core::text::open_error::OpenError;
use wasm_bindgen::JsCast;
use web_sys::{Document, DomParser, Element, NodeList, SupportedType};

/// The element's tag, lower case.
fn tag_of(el: &Element) -> String {
    el.local_name().to_ascii_lowercase()
}

/// What `el` is to an import ([`classify`]: its tag, `id`, `class` and `role`).
fn class_of(el: &Element) -> Class {
    classify(&tag_of(el), |name| el.get_attribute(name), Purpose::Import)
}

/// The elements of a `querySelectorAll` answer, in document order.
fn elements(list: NodeList) -> Vec<Element> {
    (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
        .collect()
}

/// Whether removing `el` could lose the article: it is the page's frame (`html`, `body`, `main`,
/// `article`), holds one of those, or — inside an article — holds more than a line of text.
fn holds_content(el: &Element) -> bool {
    let tag = el.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "html" | "body" | "main" | "article")
        || el
            .query_selector("article, main, [role=main]")
            .ok()
            .flatten()
            .is_some()
        || (el.closest("article").ok().flatten().is_some() && text_of(el).chars().count() > 200)
}

/// The text of `el` with its white space collapsed.
fn text_of(el: &Element) -> String {
    el.text_content()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The element holding the article: `<article>`, else `<main>`, else the element with the most
/// paragraph text directly inside it.
fn main_content(doc: &Document) -> Option<Element> {
    for selector in ["article", "main", "[role=main]"] {
        if let Ok(Some(el)) = doc.query_selector(selector) {
            if !text_of(&el).is_empty() {
                return Some(el);
            }
        }
    }
    let paragraphs = doc.query_selector_all("p").ok()?;
    let mut best: Option<(usize, Element)> = None;
    let mut scores: Vec<(Element, usize)> = Vec::new();
    // Each parent's place in `scores`: a JavaScript Map keyed by the element, as searching `scores`
    // for every paragraph would be quadratic on a page of many paragraphs with distinct parents.
    let places = js_sys::Map::new();
    for i in 0..paragraphs.length() {
        let Some(p) = paragraphs
            .item(i)
            .and_then(|n| n.dyn_into::<Element>().ok())
        else {
            continue;
        };
        let Some(parent) = p.parent_element() else {
            continue;
        };
        let len = text_of(&p).chars().count();
        match places
            .get(&parent)
            .as_f64()
            .and_then(|place| scores.get_mut(place as usize))
        {
            Some((_, score)) => *score += len,
            None => {
                places.set(&parent, &(scores.len() as f64).into());
                scores.push((parent, len));
            }
        }
    }
    for (el, score) in scores {
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, el));
        }
    }
    best.map(|(_, el)| el)
        .or_else(|| doc.body().map(Into::into))
}

/// The title, headings and paragraphs of an HTML page, in reading order. Scripts, styles, navigation,
/// forms, comment sections, ads and other furniture are left out; links and emphasis become plain text.
pub fn html_blocks(html: &str) -> Result<Vec<(BlockKind, String)>, OpenError> {
    let parser = DomParser::new().map_err(|_| OpenError::HtmlParserUnavailable)?;
    let doc = parser
        .parse_from_string(html, SupportedType::TextHtml)
        .map_err(|_| OpenError::HtmlUnparsable)?;
    if let Ok(all) = doc.query_selector_all("*") {
        for el in elements(all) {
            if by_tag(&tag_of(&el), Purpose::Import) == Class::Skipped {
                el.remove();
            }
        }
    }
    if let Ok(all) = doc.query_selector_all("*") {
        for el in elements(all) {
            if class_of(&el) == Class::Furniture && !holds_content(&el) {
                el.remove();
            }
        }
    }
    let root = main_content(&doc).ok_or(OpenError::NoBody)?;
    let mut blocks = Vec::new();
    let title = root
        .query_selector("h1")
        .ok()
        .flatten()
        .map(|h| text_of(&h))
        .filter(|t| !t.is_empty())
        .or_else(|| Some(doc.title().trim().to_string()).filter(|t| !t.is_empty()));
    if let Some(title) = &title {
        blocks.push((BlockKind::Title, title.clone()));
    }
    // Furniture kept because it holds the article reads as its tag says.
    let all = root
        .query_selector_all("*")
        .map_err(|_| OpenError::PageUnreadable)?;
    let found: Vec<(Element, BlockKind)> = elements(all)
        .into_iter()
        .filter_map(|el| match by_tag(&tag_of(&el), Purpose::Import) {
            Class::Block(kind) => Some((el, kind)),
            _ => None,
        })
        .collect();
    for (i, (el, kind)) in found.iter().enumerate() {
        // Only innermost blocks: a list item holding paragraphs gives its paragraphs, not itself
        // too. A block's first block descendant is the next block in document order.
        if found
            .get(i + 1)
            .is_some_and(|(next, _)| el.contains(Some(next.as_ref())))
        {
            continue;
        }
        let text = text_of(el);
        if text.is_empty() || (blocks.is_empty() && title.as_deref() == Some(text.as_str())) {
            continue;
        }
        if title.as_deref() == Some(text.as_str()) && tag_of(el) == "h1" {
            continue;
        }
        blocks.push((*kind, text));
    }
    if blocks.iter().all(|b| b.0 == BlockKind::Title) {
        let text = text_of(&root);
        if !text.is_empty() && title.as_deref() != Some(text.as_str()) {
            blocks.push((BlockKind::Paragraph, text));
        }
    }
    Ok(blocks)
}
