//! Page furniture in plain text: what a copied web page brings along that is not the article —
//! the comment form's lines ("Leave a comment", "Your email address will not be published…") and
//! lines of bare symbols (`+ -`, `.`). The HTML importer leaves such parts out by their markup
//! ([`crate::core::text::elements`]); plain text has only its words to go by.

use crate::core::text::block::BlockKind;
use crate::core::text::fold::fold_char;

/// Longest block (code points) taken for a comment form's line: a longer one is the article's.
const FORM_LINE_MAX: usize = 160;

/// What a comment form says, folded (see [`folded`]): Arabic and English.
const FORM_PHRASES: &[&str] = &[
    "اترك تعليقا",
    "اترك ردا",
    "اترك رد",
    "اضف تعليقا",
    "اضف تعليق",
    "لن يتم نشر عنوان بريدك الالكتروني",
    "لن يتم نشر بريدك الالكتروني",
    "الحقول الالزاميه",
    "الحقول المطلوبه",
    "leave a comment",
    "leave a reply",
    "add a comment",
    "post a comment",
    "post comment",
    "your email address will not be published",
    "required fields are marked",
];

/// `text` folded for comparison: Arabic spelling variants made equal (diacritics and tatweel
/// dropped, alef forms, ya, ta marbuta), lower case, white space runs as one space.
fn folded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter_map(fold_char) {
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    crate::core::text::case::to_lower(&out)
}

/// Whether a block holds no letter and no digit (`+ -`, `.`, a row of stars).
pub fn is_bare_symbols(text: &str) -> bool {
    !text.chars().any(char::is_alphanumeric)
}

/// Whether a block is a line of a comment form: short, and saying what comment forms say.
pub fn is_comment_form(text: &str) -> bool {
    if text.chars().count() > FORM_LINE_MAX {
        return false;
    }
    let text = folded(text);
    FORM_PHRASES.iter().any(|phrase| text.contains(phrase))
}

/// Drops page furniture from plain-text blocks: every block of bare symbols, and the comment form's
/// lines at the end of the text (with the symbols among them). A comment form's words inside the
/// article, followed by more of the article, stay; blocks before the dropped ones keep their places.
pub fn drop_furniture(blocks: &mut Vec<(BlockKind, String)>) {
    blocks.retain(|(_, text)| !is_bare_symbols(text));
    while blocks.last().is_some_and(|(_, text)| is_comment_form(text)) {
        blocks.pop();
    }
}
