//! Reading an HTML page as an article, without ever putting its markup into the page: the browser's
//! `DOMParser` builds an inert document (no script runs, nothing loads), and only text is taken out.

use crate::core::text::article::BlockKind;
use wasm_bindgen::JsCast;
use web_sys::{Document, DomParser, Element, SupportedType};

/// Elements that are never article text.
const DROPPED: &str =
    "script, style, noscript, template, iframe, object, embed, svg, canvas, video, audio, \
     nav, header, footer, aside, form, button, input, select, textarea, dialog, menu";

/// Words in an element's id or class that mark page furniture (comments, ads, sharing, related links).
const FURNITURE: [&str; 15] = [
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

/// Block elements whose text becomes a block of the article.
const BLOCKS: &str = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, dd, dt, td";

fn is_furniture(el: &Element) -> bool {
    let names = format!("{} {}", el.id(), el.class_name()).to_lowercase();
    names
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| FURNITURE.iter().any(|f| word == *f || word.starts_with(f)))
        || el.get_attribute("role").is_some_and(|r| {
            matches!(
                r.as_str(),
                "navigation" | "complementary" | "banner" | "contentinfo"
            )
        })
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
pub fn html_blocks(html: &str) -> Result<Vec<(BlockKind, String)>, String> {
    let parser = DomParser::new().map_err(|_| "the HTML parser is unavailable".to_string())?;
    let doc = parser
        .parse_from_string(html, SupportedType::TextHtml)
        .map_err(|_| "the HTML could not be parsed".to_string())?;
    if let Ok(dropped) = doc.query_selector_all(DROPPED) {
        for i in 0..dropped.length() {
            if let Some(el) = dropped.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                el.remove();
            }
        }
    }
    if let Ok(all) = doc.query_selector_all("[id], [class], [role]") {
        for i in 0..all.length() {
            if let Some(el) = all.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                if is_furniture(&el) && !holds_content(&el) {
                    el.remove();
                }
            }
        }
    }
    let root = main_content(&doc).ok_or("the page has no body")?;
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
    let found = root
        .query_selector_all(BLOCKS)
        .map_err(|_| "the page could not be read".to_string())?;
    for i in 0..found.length() {
        let Some(el) = found.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        // Only innermost blocks: a list item holding paragraphs gives its paragraphs, not itself too.
        if el.query_selector(BLOCKS).ok().flatten().is_some() {
            continue;
        }
        let text = text_of(&el);
        if text.is_empty() || (blocks.is_empty() && title.as_deref() == Some(text.as_str())) {
            continue;
        }
        if title.as_deref() == Some(text.as_str()) && el.tag_name().eq_ignore_ascii_case("h1") {
            continue;
        }
        let kind = if el.tag_name().to_lowercase().starts_with('h') && el.tag_name().len() == 2 {
            BlockKind::Heading
        } else {
            BlockKind::Paragraph
        };
        blocks.push((kind, text));
    }
    if blocks.iter().all(|b| b.0 == BlockKind::Title) {
        let text = text_of(&root);
        if !text.is_empty() && title.as_deref() != Some(text.as_str()) {
            blocks.push((BlockKind::Paragraph, text));
        }
    }
    Ok(blocks)
}
