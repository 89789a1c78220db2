//! A host page's own article, read in place: the blocks of the mounted element become the article
//! Hamish annotates, and boundary points in the host's DOM map to code points over its text and back.
//!
//! Nothing in the host's DOM is changed. Each block (a `<p>`, a heading, a list item, …) is the text
//! of its text nodes — through links, emphasis and any other inline elements — with white space
//! collapsed as the page renders it ([`crate::core::text::collapse`]); `<br>` is a line break. Which
//! elements start a block and which are left out is decided by [`crate::core::text::elements`]
//! ([`Purpose::HostArticle`]).

use crate::core::text::article::{Article, BlockKind};
use crate::core::text::collapse::{Bias, Collapsed, Piece};
use crate::core::text::elements::{classify, Class, Purpose};
use crate::core::text::span::Span;
use crate::core::text::units::{cp_len, cp_to_utf16, utf16_to_cp};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Range, Text};

/// One block of the host's article: its collapsed text and the text nodes it came from.
struct HostBlock {
    map: Collapsed,
    /// The text node of each piece (`None` for a line break).
    nodes: Vec<Option<Text>>,
    /// UTF-16 units the article's copy of the block lost at its start (Unicode white space such as a
    /// no-break space, which the page shows but the article trims).
    lead: usize,
}

/// The mounted element's text as an [`Article`], with the map to and from its DOM.
pub struct HostText {
    /// The article over the host's text.
    pub article: Rc<Article>,
    blocks: Vec<HostBlock>,
    /// Every mapped text node in document order, with its block and piece.
    order: Vec<(Text, usize, usize)>,
}

/// Reads blocks out of the DOM, one flush per block boundary.
#[derive(Default)]
struct Reader {
    kind: Option<BlockKind>,
    pieces: Vec<Piece>,
    nodes: Vec<Option<Text>>,
    out: Vec<(BlockKind, Collapsed, Vec<Option<Text>>)>,
}

impl Reader {
    fn flush(&mut self) {
        let pieces = std::mem::take(&mut self.pieces);
        let nodes = std::mem::take(&mut self.nodes);
        let map = Collapsed::new(&pieces);
        if !map.text.trim().is_empty() {
            let kind = self.kind.unwrap_or(BlockKind::Paragraph);
            self.out.push((kind, map, nodes));
        }
    }

    fn walk(&mut self, parent: &Node) {
        let children = parent.child_nodes();
        for i in 0..children.length() {
            let Some(child) = children.item(i) else {
                continue;
            };
            if let Some(text) = child.dyn_ref::<Text>() {
                self.pieces.push(Piece::Text(text.data()));
                self.nodes.push(Some(text.clone()));
                continue;
            }
            let Some(el) = child.dyn_ref::<Element>() else {
                continue;
            };
            let tag = el.local_name().to_ascii_lowercase();
            match classify(&tag, |name| el.get_attribute(name), Purpose::HostArticle) {
                Class::Skipped | Class::Furniture => {}
                Class::LineBreak => {
                    self.pieces.push(Piece::Break);
                    self.nodes.push(None);
                }
                Class::Block(kind) => {
                    self.flush();
                    let outer = self.kind;
                    self.kind = Some(kind);
                    self.walk(el);
                    self.flush();
                    self.kind = outer;
                }
                Class::Inline => self.walk(el),
            }
        }
    }
}

impl HostText {
    /// Reads the article under `root`; `id` and `source` name it (see [`Article`]).
    pub fn read(root: &Element, id: &str, source: &str) -> HostText {
        let mut reader = Reader::default();
        reader.walk(root);
        reader.flush();
        let article = Rc::new(Article::from_blocks(
            id,
            source,
            reader
                .out
                .iter()
                .map(|(kind, map, _)| (*kind, map.text.clone()))
                .collect(),
        ));
        let mut blocks = Vec::with_capacity(reader.out.len());
        let mut order = Vec::new();
        for (i, (_, map, nodes)) in reader.out.into_iter().enumerate() {
            for (piece, node) in nodes.iter().enumerate() {
                if let Some(node) = node {
                    order.push((node.clone(), i, piece));
                }
            }
            // The leading whitespace's UTF-16 length, counted over that whitespace only.
            let lead_bytes = map.text.len() - map.text.trim_start().len();
            let lead = map
                .text
                .get(..lead_bytes)
                .map_or(0, |w| w.encode_utf16().count());
            blocks.push(HostBlock { map, nodes, lead });
        }
        HostText {
            article,
            blocks,
            order,
        }
    }

    /// The article offset (code points) of a block's collapsed-text offset (UTF-16).
    fn article_offset(&self, block: usize, collapsed: usize) -> usize {
        let b = &self.article.blocks[block];
        let local = collapsed.saturating_sub(self.blocks[block].lead);
        b.start + utf16_to_cp(&b.text, local).min(cp_len(&b.text))
    }

    /// Where the boundary point (`node`, `offset`) falls in the article, in code points: for a range's
    /// start (`end == false`) at the first text at or after it, for its end at the last text before it.
    /// `None` when the point is not in this page's document.
    pub fn point_to_offset(&self, node: &Node, offset: u32, end: bool) -> Option<usize> {
        let probe = node
            .owner_document()
            .or_else(|| node.dyn_ref::<web_sys::Document>().cloned())?
            .create_range()
            .ok()?;
        // -1, 0, 1: the point is before, inside or after text node `i`.
        let compare = |i: usize| -> Option<i16> {
            probe.select_node_contents(&self.order[i].0).ok()?;
            probe.compare_point(node, offset).ok()
        };
        let n = self.order.len();
        // Binary search: the first node the point is not after (start), or not before (end, reversed).
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let c = compare(mid)?;
            let go_right = if end { c >= 0 } else { c > 0 };
            if go_right {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if end {
            let Some(i) = lo.checked_sub(1) else {
                return Some(0);
            };
            let (text, block, piece) = &self.order[i];
            let local = match compare(i)? {
                0 => offset as usize,
                _ => text.length() as usize,
            };
            Some(self.article_offset(*block, self.blocks[*block].map.to_text(*piece, local)))
        } else {
            if lo == n {
                return Some(self.article.len());
            }
            let (_, block, piece) = &self.order[lo];
            let local = match compare(lo)? {
                0 => offset as usize,
                _ => 0,
            };
            Some(self.article_offset(*block, self.blocks[*block].map.to_text(*piece, local)))
        }
    }

    /// The article's code points from the start of DOM range `from` to the end of `to`, as they
    /// fall (see [`HostText::point_to_offset`]); `None` when that is no text.
    fn between(&self, from: &Range, to: &Range) -> Option<Span> {
        let start = self.point_to_offset(
            &from.start_container().ok()?,
            from.start_offset().ok()?,
            false,
        )?;
        let end = self.point_to_offset(&to.end_container().ok()?, to.end_offset().ok()?, true)?;
        (start < end).then(|| Span::new(start, end))
    }

    /// The span of the article a DOM range covers, widened to whole grapheme clusters and trimmed of
    /// white space; `None` when it covers no article text.
    pub fn range_to_offsets(&self, range: &Range) -> Option<Span> {
        let Span { start, end } = self.between(range, range)?;
        self.article.normalize_selection(start, end)
    }

    /// The article's code points in blocks that reach between viewport heights `top` and `bottom`
    /// (pixels, may lie outside the window): found by a binary search over the blocks' boxes, as
    /// blocks follow one another down the page. `None` when no block does.
    pub fn span_between(&self, top: f64, bottom: f64) -> Option<Span> {
        let document = web_sys::window()?.document()?;
        let probe = document.create_range().ok()?;
        // The box of block `i` (from its first to its last text node).
        let rect = |i: usize| -> Option<web_sys::DomRect> {
            let nodes = &self.blocks.get(i)?.nodes;
            let first = nodes.iter().flatten().next()?;
            let last = nodes.iter().flatten().next_back()?;
            probe.set_start(first, 0).ok()?;
            probe.set_end(last, last.length()).ok()?;
            Some(probe.get_bounding_client_rect())
        };
        let n = self.blocks.len();
        let below = |i: usize, y: f64| rect(i).is_some_and(|r| r.bottom() < y);
        let above = |i: usize, y: f64| rect(i).is_some_and(|r| r.top() <= y);
        let first = partition(n, |i| below(i, top));
        let end = partition(n, |i| above(i, bottom));
        (first < end).then(|| {
            Span::new(
                self.article.blocks[first].start,
                self.article.blocks[end - 1].end(),
            )
        })
    }

    /// DOM ranges covering `span` of the article, one per block it touches (so content the
    /// article leaves out, like a figure between two paragraphs, is never covered).
    pub fn ranges(&self, span: Span) -> Vec<Range> {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return Vec::new();
        };
        let first = self
            .article
            .blocks
            .partition_point(|b| b.end() <= span.start);
        let mut out = Vec::new();
        for (b, host) in self.article.blocks.iter().zip(&self.blocks).skip(first) {
            if b.start >= span.end {
                break;
            }
            let (s, e) = (
                span.start.max(b.start) - b.start,
                span.end.min(b.end()) - b.start,
            );
            if e <= s {
                continue;
            }
            let at = |cp: usize, bias: Bias| {
                let (piece, offset) = host
                    .map
                    .to_piece(cp_to_utf16(&b.text, cp) + host.lead, bias)?;
                Some((host.nodes.get(piece)?.clone()?, offset as u32))
            };
            let (Some((sn, so)), Some((en, eo))) = (at(s, Bias::Start), at(e, Bias::End)) else {
                continue;
            };
            let Ok(range) = document.create_range() else {
                continue;
            };
            if range.set_start(&sn, so).is_ok() && range.set_end(&en, eo).is_ok() {
                out.push(range);
            }
        }
        out
    }

    /// Where `span` of this reading is in `fresh`, a later reading of the same element, by the text
    /// nodes it was drawn over: `None` when those nodes left the article. (A node whose text changed
    /// may give the wrong place; [`crate::core::annotations::reattach::prefer_followed`] checks it.)
    pub fn follow(&self, fresh: &HostText, span: Span) -> Option<Span> {
        let ranges = self.ranges(span);
        fresh.between(ranges.first()?, ranges.last()?)
    }

    /// Whether `other` read the same text from the same text nodes (nothing to re-anchor or redraw).
    pub fn same_as(&self, other: &HostText) -> bool {
        self.article.text == other.article.text
            && self.order.len() == other.order.len()
            && self.order.iter().zip(&other.order).all(|(a, b)| a.0 == b.0)
    }

    /// True when the mounted element holds no article text.
    pub fn is_empty(&self) -> bool {
        self.article.is_empty()
    }
}

/// The first index in `0..n` for which `before` is false (it must be true then false along `0..n`).
fn partition(n: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}
