//! DOM selection ⇄ code-point offsets over the article's text.
//!
//! Each rendered block carries `data-block="i"` and holds nothing but the text of block `i` (split into
//! highlight spans, never with extra text), so the UTF-16 length of the DOM text between a block's
//! start and a boundary point is that point's offset inside the block. [`crate::core::text::units`] turns it
//! into code points.

use crate::core::text::article::{Article, Block};
use crate::core::text::span::Span;
use crate::core::text::units::{cp_len, cp_to_utf16, utf16_to_cp};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node, Range};

/// UTF-16 length of the text between the start of `block` and the boundary point (`node`, `offset`).
fn utf16_before(doc: &Document, block: &Element, node: &Node, offset: u32) -> Option<usize> {
    let range = doc.create_range().ok()?;
    range.set_start(block, 0).ok()?;
    range.set_end(node, offset).ok()?;
    Some(range.to_string().length() as usize)
}

/// The code-point range `[start, end)` of `range` inside the block element `el` (holding `block`),
/// or `None` when `range` covers none of its text.
fn local_range(
    doc: &Document,
    range: &Range,
    el: &Element,
    block: &Block,
) -> Option<(usize, usize)> {
    if !range.intersects_node(el).ok()? {
        return None;
    }
    let whole = doc.create_range().ok()?;
    whole.select_node_contents(el).ok()?;
    // The code point offset inside the block of a boundary point of `range`.
    let offset_of = |node: Node, offset: u32| {
        utf16_before(doc, el, &node, offset).map(|u| utf16_to_cp(&block.text, u))
    };
    let starts_before = range
        .compare_boundary_points(Range::START_TO_START, &whole)
        .ok()?
        <= 0;
    let start = if starts_before {
        0
    } else {
        offset_of(range.start_container().ok()?, range.start_offset().ok()?)?
    };
    let ends_after = range
        .compare_boundary_points(Range::END_TO_END, &whole)
        .ok()?
        >= 0;
    let end = if ends_after {
        cp_len(&block.text)
    } else {
        offset_of(range.end_container().ok()?, range.end_offset().ok()?)?
    };
    (end > start).then_some((start, end))
}

/// The index of the rendered block holding `node`, if any.
fn block_index(node: &Node) -> Option<usize> {
    let el = match node.dyn_ref::<Element>() {
        Some(el) => el.clone(),
        None => node.parent_element()?,
    };
    el.closest("[data-block]")
        .ok()??
        .get_attribute("data-block")?
        .parse()
        .ok()
}

/// Maps a DOM `range` to a span of the `article`'s text, where `root` contains its rendered
/// blocks. A range that crosses blocks covers them all (with the separators between them); one that
/// extends outside the article is clipped to it. The result is widened to whole grapheme clusters and
/// trimmed of white space; `None` when no article text is selected. Only the blocks between the
/// range's ends are looked at when both ends lie in blocks, so a long article costs no more.
pub fn range_to_offsets(root: &Element, article: &Article, range: &Range) -> Option<Span> {
    let doc = root.owner_document()?;
    let ends = (
        range.start_container().ok().as_ref().and_then(block_index),
        range.end_container().ok().as_ref().and_then(block_index),
    );
    let candidates = match ends {
        (Some(a), Some(b)) if a <= b && b < article.blocks.len() => a..b + 1,
        _ => 0..article.blocks.len(),
    };
    let mut covered: Option<Span> = None;
    for i in candidates {
        let block = &article.blocks[i];
        let Ok(Some(el)) = root.query_selector(&format!("[data-block=\"{i}\"]")) else {
            continue;
        };
        if let Some((s, e)) = local_range(&doc, range, &el, block) {
            let (s, e) = (block.start + s, block.start + e);
            covered = Some(Span::new(covered.map_or(s, |c| c.start), e));
        }
    }
    let covered = covered?;
    article.normalize_selection(covered.start, covered.end)
}

/// The window's current selection as a DOM range, when something is selected.
pub fn current_range() -> Option<Range> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    selection.get_range_at(0).ok()
}

/// Empties the window's selection.
pub fn clear() {
    if let Some(Ok(Some(selection))) = web_sys::window().map(|w| w.get_selection()) {
        let _ = selection.remove_all_ranges();
    }
}

/// Whether the window's selection is empty.
pub fn is_collapsed() -> bool {
    current_range().is_none()
}

/// The DOM boundary point at code point `cp` of the article, in the rendered block holding it under
/// `root`: a start (`end == false`) in the block where text follows it, an end in the block where text
/// precedes it.
fn boundary(root: &Element, article: &Article, cp: usize, end: bool) -> Option<(Node, u32)> {
    let index = if end {
        article
            .blocks
            .partition_point(|b| b.start < cp)
            .checked_sub(1)?
    } else {
        article.blocks.partition_point(|b| b.end() <= cp)
    };
    let block = article.blocks.get(index)?;
    let local = cp_to_utf16(
        &block.text,
        cp.clamp(block.start, block.end()) - block.start,
    );
    let el = root
        .query_selector(&format!("[data-block=\"{index}\"]"))
        .ok()??;
    let doc = root.owner_document()?;
    let walker = doc.create_tree_walker_with_what_to_show(&el, 4).ok()?;
    let mut seen = 0usize;
    let mut last = None;
    while let Ok(Some(node)) = walker.next_node() {
        let len = node.text_content().map_or(0, |t| t.encode_utf16().count());
        let past = if end {
            local <= seen + len
        } else {
            local < seen + len
        };
        if past {
            return Some((node, (local - seen) as u32));
        }
        seen += len;
        last = Some((node, len as u32));
    }
    last
}

/// Makes `span` of the article (rendered under `root`) the window's selection and scrolls it into
/// view; false when it could not be drawn.
pub fn select_span(root: &Element, article: &Article, span: Span) -> bool {
    let (Some(start), Some(end)) = (
        boundary(root, article, span.start, false),
        boundary(root, article, span.end, true),
    ) else {
        return false;
    };
    select_points(start, end)
}

/// Makes the DOM ranges (in document order) one selection, from the first's start to the last's end,
/// and scrolls it into view; false when there are none.
pub fn select_ranges(ranges: &[Range]) -> bool {
    let (Some(first), Some(last)) = (ranges.first(), ranges.last()) else {
        return false;
    };
    let points = (
        first.start_container().ok().zip(first.start_offset().ok()),
        last.end_container().ok().zip(last.end_offset().ok()),
    );
    match points {
        (Some(start), Some(end)) => select_points(start, end),
        _ => false,
    }
}

/// Selects from boundary point `start` to `end` and scrolls the start into view.
fn select_points(start: (Node, u32), end: (Node, u32)) -> bool {
    let Some(Ok(Some(selection))) = web_sys::window().map(|w| w.get_selection()) else {
        return false;
    };
    if selection
        .set_base_and_extent(&start.0, start.1, &end.0, end.1)
        .is_err()
    {
        return false;
    }
    let el = match start.0.dyn_ref::<Element>() {
        Some(el) => Some(el.clone()),
        None => start.0.parent_element(),
    };
    if let Some(el) = el {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
    true
}
