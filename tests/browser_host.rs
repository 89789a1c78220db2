//! Browser tests (wasm-bindgen-test in headless Chromium) of reading a host page's own article in
//! place: blocks through inline elements and source white space, and the map between DOM boundary
//! points and code points — with Arabic diacritics and an emoji, whose UTF-16 and code-point counts differ.
#![cfg(target_arch = "wasm32")]

use hamish::core::text::article::BlockKind;
use hamish::core::text::span::Span;
use hamish::core::text::units::slice_cp;
use hamish::web::host_text::HostText;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Node, Text};

wasm_bindgen_test_configure!(run_in_browser);

/// A host article as a news site might render it: source indentation, a link and emphasis inside
/// sentences, a line break, a figure, a hidden element and a script.
const HOST_HTML: &str = "
  <h1>  سقوط   نظام الأسد </h1>
  <p class=\"byline\">بقلم: <span>ليلى</span></p>
  <p>
     لعبته <a href=\"#r\">روسيا</a> 😀 بإقناع
     <em>الأسدِ</em> بالتنحّي.<br>   ووافقت إيران
  </p>
  <figure><img alt=\"x\"><figcaption>صورة   أرشيفية</figcaption></figure>
  <p hidden>نص مخفي</p>
  <script>var ignored = 1;</script>
  <p data-hamish-ignore>إعلان</p>
";

fn mount() -> Element {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let root = doc.create_element("article").expect("article");
    root.set_inner_html(HOST_HTML);
    doc.body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    root
}

/// The `n`th text node under `root` whose text contains `needle`.
fn text_with(root: &Element, needle: &str) -> Text {
    let walker = root
        .owner_document()
        .expect("doc")
        .create_tree_walker_with_what_to_show(root, 4)
        .expect("walker");
    while let Ok(Some(node)) = walker.next_node() {
        let text: Text = node.dyn_into().expect("text");
        if text.data().contains(needle) {
            return text;
        }
    }
    panic!("no text node holds {needle}");
}

/// UTF-16 offset of `needle` in a text node's data.
fn utf16_at(text: &Text, needle: &str) -> u32 {
    let data = text.data();
    let byte = data.find(needle).expect("needle");
    data[..byte].encode_utf16().count() as u32
}

#[wasm_bindgen_test]
fn the_host_text_is_read_as_the_page_shows_it() {
    let root = mount();
    let host = HostText::read(&root, "story", "https://news.example/story");
    let blocks: Vec<(BlockKind, &str)> = host
        .article
        .blocks
        .iter()
        .map(|b| (b.kind, b.text.as_str()))
        .collect();
    assert_eq!(
        blocks,
        [
            (BlockKind::Title, "سقوط نظام الأسد"),
            (BlockKind::Paragraph, "بقلم: ليلى"),
            (
                BlockKind::Paragraph,
                "لعبته روسيا 😀 بإقناع الأسدِ بالتنحّي.\nووافقت إيران"
            ),
            (BlockKind::Paragraph, "صورة أرشيفية"),
        ]
    );
    root.remove();
}

#[wasm_bindgen_test]
fn a_range_across_a_link_an_emoji_and_emphasis_maps_to_code_points_and_back() {
    let root = mount();
    let host = HostText::read(&root, "story", "https://news.example/story");
    let doc = root.owner_document().expect("doc");
    // From "روسيا" inside the link to the end of "الأسدِ" (with its kasra) inside <em>.
    let link_text = text_with(&root, "روسيا");
    let em_text = text_with(&root, "الأسدِ");
    let range = doc.create_range().expect("range");
    range.set_start(&link_text, 0).expect("start");
    range.set_end(&em_text, em_text.length()).expect("end");
    let Span { start, end } = host.range_to_offsets(&range).expect("offsets");
    assert_eq!(
        slice_cp(&host.article.text, start, end),
        "روسيا 😀 بإقناع الأسدِ"
    );

    // Back to the DOM: one range in that block, whose text is the same (source white space aside).
    let ranges = host.ranges(Span::new(start, end));
    assert_eq!(ranges.len(), 1);
    let shown: String = String::from(ranges[0].to_string())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(shown, "روسيا 😀 بإقناع الأسدِ");
    root.remove();
}

#[wasm_bindgen_test]
fn a_boundary_between_a_letter_and_its_diacritic_widens_to_the_whole_letter() {
    let root = mount();
    let host = HostText::read(&root, "story", "s");
    let doc = root.owner_document().expect("doc");
    let em_text = text_with(&root, "الأسدِ");
    let range = doc.create_range().expect("range");
    // End between "د" and its kasra.
    let cut = utf16_at(&em_text, "ِ");
    range.set_start(&em_text, 0).expect("start");
    range.set_end(&em_text, cut).expect("end");
    let Span { start, end } = host.range_to_offsets(&range).expect("offsets");
    assert_eq!(slice_cp(&host.article.text, start, end), "الأسدِ");
    root.remove();
}

#[wasm_bindgen_test]
fn element_boundaries_and_ranges_reaching_outside_are_understood() {
    let root = mount();
    let host = HostText::read(&root, "story", "s");
    let doc = root.owner_document().expect("doc");
    // From before the whole mounted element to the start of the figure: the first three blocks.
    let figure = root
        .query_selector("figure")
        .expect("query")
        .expect("figure");
    let range = doc.create_range().expect("range");
    range
        .set_start(&doc.body().expect("body"), 0)
        .expect("start");
    range.set_end_before(&figure).expect("end");
    let Span { start, end } = host.range_to_offsets(&range).expect("offsets");
    assert_eq!(start, 0);
    assert_eq!(
        slice_cp(&host.article.text, start, end),
        "سقوط نظام الأسد\n\nبقلم: ليلى\n\nلعبته روسيا 😀 بإقناع الأسدِ بالتنحّي.\nووافقت إيران"
    );
    // A range wholly outside the element covers nothing.
    let outside = doc.create_element("p").expect("p");
    outside.set_text_content(Some("خارج المقال"));
    doc.body()
        .expect("body")
        .append_child(&outside)
        .expect("append");
    let node: Node = outside.first_child().expect("text");
    range.set_start(&node, 0).expect("start");
    range.set_end(&node, 4).expect("end");
    assert_eq!(host.range_to_offsets(&range), None);
    outside.remove();
    root.remove();
}

#[wasm_bindgen_test]
fn a_line_break_maps_to_the_text_on_either_side() {
    let root = mount();
    let host = HostText::read(&root, "s", "s");
    let text = &host.article.text;
    let at = text.find("\nووافقت").expect("break");
    let cp = text[..at].chars().count();
    // The break itself plus the word after it, drawn as one range from the end of "بالتنحّي." on.
    let ranges = host.ranges(Span::new(cp - 1, cp + 7));
    assert_eq!(ranges.len(), 1);
    let shown = String::from(ranges[0].to_string());
    assert!(shown.starts_with('.'), "{shown:?}");
    assert!(shown.trim_end().ends_with("ووافقت"), "{shown:?}");
    root.remove();
}

#[wasm_bindgen_test]
fn the_blocks_between_two_heights_are_found_by_their_boxes() {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let root = doc.create_element("article").expect("article");
    let paragraphs: String = (0..60)
        .map(|i| format!("<p style=\"margin:0;height:50px\">فقرة رقم {i} عن روسيا</p>"))
        .collect();
    root.set_inner_html(&paragraphs);
    doc.body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let host = HostText::read(&root, "s", "s");
    assert_eq!(
        host.span_between(-1e9, 1e9),
        Some(Span::new(0, host.article.len()))
    );
    let p = |i: u32| -> web_sys::DomRect {
        root.children()
            .item(i)
            .expect("paragraph")
            .get_bounding_client_rect()
    };
    let (top, bottom) = (p(10).top() + 1.0, p(12).bottom() - 1.0);
    let Span { start, end } = host.span_between(top, bottom).expect("blocks");
    assert_eq!(start, host.article.blocks[10].start);
    assert_eq!(end, host.article.blocks[12].end());
    assert_eq!(
        host.span_between(p(59).bottom() + 10.0, p(59).bottom() + 500.0),
        None
    );
    root.remove();
}
