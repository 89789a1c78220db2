//! Browser tests (wasm-bindgen-test in headless Chromium): DOM selections on real Arabic text nodes,
//! and the storage wrapper.
#![cfg(target_arch = "wasm32")]

use hamish::core::anchoring::selectors::describe;
use hamish::core::annotations::model::{Annotation, Kind};
use hamish::core::annotations::state::Notice;
use hamish::core::storage::entry::Stored;
use hamish::core::storage::keys::{backup_key, entry_key};
use hamish::core::text::article::Article;
use hamish::core::text::span::Span;
use hamish::web::selection::range_to_offsets;
use hamish::web::storage::{AnnotationStore, Backend};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Node};

#[path = "support/case_cases.rs"]
mod case_cases;
#[path = "support/grapheme_cases.rs"]
mod grapheme_cases;

wasm_bindgen_test_configure!(run_in_browser);

const TEXT: &str = "سقوط نظام الأسد\n\nلعبته روسيا 😀 بإقناع الأسدِ بالتنحّي\n\nووافقت إيران على هذا";

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

/// Renders the article the way the widget does: one element per block, with the second block split
/// into a highlight span in the middle of a word, so that the text lies in several text nodes.
fn render(article: &Article) -> Element {
    let doc = document();
    let root = doc.create_element("div").expect("div");
    let body = doc.body().expect("body");
    body.append_child(&root).expect("append");
    for (i, block) in article.blocks.iter().enumerate() {
        let el = doc
            .create_element(if i == 0 { "h1" } else { "p" })
            .expect("el");
        el.set_attribute("data-block", &i.to_string())
            .expect("attr");
        if i == 1 {
            // "لعبته رو" | "سيا 😀 بإقناع" | rest
            let chars: Vec<char> = block.text.chars().collect();
            let a: String = chars[..8].iter().collect();
            let b: String = chars[8..21].iter().collect();
            let c: String = chars[21..].iter().collect();
            el.append_child(&doc.create_text_node(&a)).expect("t");
            let span = doc.create_element("span").expect("span");
            span.set_attribute("class", "hl").expect("class");
            span.append_child(&doc.create_text_node(&b)).expect("t");
            el.append_child(&span).expect("span");
            el.append_child(&doc.create_text_node(&c)).expect("t");
        } else {
            el.set_text_content(Some(&block.text));
        }
        root.append_child(&el).expect("block");
    }
    root
}

/// The `n`th text node under `el` in document order.
fn text_node(el: &Element, n: usize) -> Node {
    let walker = document()
        .create_tree_walker_with_what_to_show(el, 4)
        .expect("walker");
    let mut node = None;
    for _ in 0..=n {
        node = walker.next_node().expect("next");
    }
    node.expect("text node")
}

fn block(root: &Element, i: usize) -> Element {
    root.query_selector(&format!("[data-block=\"{i}\"]"))
        .ok()
        .flatten()
        .expect("block")
}

fn offsets(
    root: &Element,
    article: &Article,
    start: (&Node, u32),
    end: (&Node, u32),
) -> Option<(usize, usize)> {
    let range = document().create_range().expect("range");
    range.set_start(start.0, start.1).expect("start");
    range.set_end(end.0, end.1).expect("end");
    let selection = web_sys::window()
        .and_then(|w| w.get_selection().ok().flatten())
        .expect("selection");
    selection.remove_all_ranges().expect("clear");
    selection.add_range(&range).expect("select");
    let live = hamish::web::selection::current_range().expect("a live selection");
    range_to_offsets(root, article, &live).map(|s| (s.start, s.end))
}

fn article() -> Article {
    Article::from_plain_text("t", "urn:t", TEXT)
}

fn quote(article: &Article, r: Option<(usize, usize)>) -> String {
    let (s, e) = r.expect("a range");
    describe(&article.text, Span::new(s, e)).exact
}

#[wasm_bindgen_test]
fn a_selection_inside_one_text_node_counts_code_points() {
    let a = article();
    let root = render(&a);
    let title = text_node(&block(&root, 0), 0);
    // "نظام" is at UTF-16 5..9 in the title; the title starts at 0.
    assert_eq!(offsets(&root, &a, (&title, 5), (&title, 9)), Some((5, 9)));
    root.remove();
}

#[wasm_bindgen_test]
fn a_selection_across_a_highlight_and_an_emoji_counts_code_points_not_utf16() {
    let a = article();
    let root = render(&a);
    let p = block(&root, 1);
    let first = text_node(&p, 0); // "لعبته رو"
    let third = text_node(&p, 2); // "الأسدِ بالتنحّي"
                                  // From "روسيا" (UTF-16 6 in the first node) to the end of "الأسدِ" (UTF-16 6 in the third node).
    let r = offsets(&root, &a, (&first, 6), (&third, 6));
    assert_eq!(quote(&a, r), "روسيا 😀 بإقناع الأسدِ");
    let p_start = a.blocks[1].start;
    // The emoji is two UTF-16 units but one code point: 6 + 5 + 1 + 1 + 1 + 6 + 1 + 6.
    assert_eq!(r, Some((p_start + 6, p_start + 6 + 21)));
    root.remove();
}

#[wasm_bindgen_test]
fn a_selection_never_splits_a_letter_from_its_diacritic() {
    let a = article();
    let root = render(&a);
    let third = text_node(&block(&root, 1), 2); // "الأسدِ بالتنحّي"
                                                // End between د and its kasra (UTF-16 5): the kasra comes along.
    let r = offsets(&root, &a, (&third, 0), (&third, 5));
    assert_eq!(quote(&a, r), "الأسدِ");
    // Start between ح and its shadda: the range starts at ح.
    let r = offsets(&root, &a, (&third, 13), (&third, 15));
    assert_eq!(quote(&a, r), "حّي");
    root.remove();
}

#[wasm_bindgen_test]
fn a_selection_across_paragraphs_covers_both_and_the_gap() {
    let a = article();
    let root = render(&a);
    let title = text_node(&block(&root, 0), 0);
    let last = text_node(&block(&root, 2), 0);
    let r = offsets(&root, &a, (&title, 10), (&last, 6));
    assert_eq!(
        quote(&a, r),
        "الأسد\n\nلعبته روسيا 😀 بإقناع الأسدِ بالتنحّي\n\nووافقت"
    );
    root.remove();
}

#[wasm_bindgen_test]
fn a_selection_reaching_outside_the_article_is_clipped() {
    let a = article();
    let root = render(&a);
    let outside = document().create_element("div").expect("div");
    outside.set_text_content(Some("outside text"));
    root.parent_node()
        .expect("parent")
        .insert_before(&outside, Some(&root))
        .expect("insert");
    let title = text_node(&block(&root, 0), 0);
    let out = text_node(&outside, 0);
    let r = offsets(&root, &a, (&out, 2), (&title, 4));
    assert_eq!(quote(&a, r), "سقوط");
    // Only outside text: nothing.
    assert_eq!(offsets(&root, &a, (&out, 0), (&out, 7)), None);
    // Only white space: nothing.
    let p = text_node(&block(&root, 1), 0);
    assert_eq!(offsets(&root, &a, (&p, 5), (&p, 6)), None);
    outside.remove();
    root.remove();
}

#[wasm_bindgen_test]
fn element_boundary_points_are_understood() {
    let a = article();
    let root = render(&a);
    let p = block(&root, 1);
    // (p, 1) is the boundary before the highlight span; (p, 2) after it.
    let p_node: &Node = p.unchecked_ref();
    let r = offsets(&root, &a, (p_node, 1), (p_node, 2));
    assert_eq!(quote(&a, r), "سيا 😀 بإقناع");
    root.remove();
}

fn sample_annotation(article: &Article) -> Annotation {
    let start = article
        .text
        .find("إيران")
        .map(|b| article.text[..b].chars().count())
        .expect("إيران");
    Annotation::new(
        "urn:uuid:1".into(),
        Kind::Entity("iran".into()),
        describe(&article.text, Span::new(start, start + 5)),
        "2026-11-29T10:00:00Z",
    )
}

fn local() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage")
}

#[wasm_bindgen_test]
fn storage_round_trips_through_local_storage() {
    let a = article();
    let id = "browser-test-round-trip";
    let _ = local().remove_item(&entry_key(id));
    let store = AnnotationStore::with_backend(Backend::local().expect("localStorage works"), id);
    assert!(store.is_persistent());
    assert_eq!(store.load("s1"), (Stored::default(), vec![]));
    let ann = sample_annotation(&a);
    assert_eq!(ann.target.exact, "إيران");
    let stored = Stored {
        annotations: vec![ann],
        rejected: vec![],
        deleted: vec![],
    };
    assert_eq!(
        store.sync(&stored, "2026-11-30T00:00:00Z", &|| false),
        Ok(None)
    );
    let raw = local()
        .get_item(&entry_key(id))
        .ok()
        .flatten()
        .expect("an entry");
    assert!(raw.contains("\"schema\":1") && raw.contains("إيران"));
    let reopened = AnnotationStore::with_backend(Backend::local().expect("localStorage works"), id);
    assert_eq!(reopened.load("s2"), (stored, vec![]));
    let _ = local().remove_item(&entry_key(id));
}

#[wasm_bindgen_test]
fn a_corrupt_entry_is_backed_up_not_overwritten() {
    let id = "browser-test-corrupt";
    let garbage = "{\"schema\":1, this is not json";
    local().set_item(&entry_key(id), garbage).expect("seed");
    let store = AnnotationStore::with_backend(Backend::local().expect("localStorage works"), id);
    let (stored, notices) = store.load("2026-11-29T10:00:00Z");
    assert!(stored.annotations.is_empty());
    let backup = backup_key(id, "2026-11-29T10:00:00Z");
    match notices.as_slice() {
        [Notice::StoredEntryBackedUp {
            reason,
            backup_key,
            salvaged: 0,
        }] => {
            assert!(reason.contains("not valid JSON"), "{reason}");
            assert_eq!(backup_key, &backup);
        }
        other => panic!("unexpected notices {other:?}"),
    }
    assert_eq!(
        local().get_item(&backup).ok().flatten().as_deref(),
        Some(garbage),
        "kept verbatim"
    );
    let fresh = local()
        .get_item(&entry_key(id))
        .ok()
        .flatten()
        .expect("a clean entry");
    assert!(fresh.contains("\"annotations\":[]"));
    let _ = local().remove_item(&entry_key(id));
    let _ = local().remove_item(&backup);
}

#[wasm_bindgen_test]
fn an_entry_of_a_newer_schema_is_never_written_over() {
    let id = "browser-test-future";
    let future = "{\"schema\":7,\"article\":\"x\",\"annotations\":[]}";
    local().set_item(&entry_key(id), future).expect("seed");
    let store = AnnotationStore::with_backend(Backend::local().expect("localStorage works"), id);
    let (_, notices) = store.load("s");
    assert_eq!(notices, vec![Notice::SavingPaused]);
    assert!(!store.is_saving());
    let a = article();
    let stored = Stored {
        annotations: vec![sample_annotation(&a)],
        ..Stored::default()
    };
    assert_eq!(
        store.sync(&stored, "2026-11-30T00:00:00Z", &|| false),
        Err(Notice::SavingPaused)
    );
    assert_eq!(
        local().get_item(&entry_key(id)).ok().flatten().as_deref(),
        Some(future),
        "the newer entry is untouched"
    );
    assert_eq!(local().get_item(&backup_key(id, "s")).ok().flatten(), None);
    let _ = local().remove_item(&entry_key(id));
}

#[wasm_bindgen_test]
fn a_stale_tab_merges_instead_of_writing_over_newer_work() {
    let a = article();
    let id = "browser-test-two-tabs";
    let _ = local().remove_item(&entry_key(id));
    let open = || AnnotationStore::with_backend(Backend::local().expect("localStorage works"), id);
    let (one, two) = (open(), open());
    let _ = (one.load("s"), two.load("s"));
    let mut first = sample_annotation(&a);
    first.id = "urn:first".into();
    let mut second = sample_annotation(&a);
    second.id = "urn:second".into();
    let tab_one = Stored {
        annotations: vec![first],
        ..Stored::default()
    };
    assert_eq!(
        one.sync(&tab_one, "2026-11-30T00:00:00Z", &|| false),
        Ok(None)
    );
    // The second tab never heard of the first one's annotation: its save merges it in.
    let tab_two = Stored {
        annotations: vec![second],
        ..Stored::default()
    };
    let merged = two
        .sync(&tab_two, "2026-11-30T00:00:01Z", &|| false)
        .expect("saved")
        .expect("the other tab's work merged");
    let mut ids: Vec<&str> = merged.annotations.iter().map(|x| x.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["urn:first", "urn:second"]);
    let reopened = open().load("s2").0;
    assert_eq!(reopened.annotations.len(), 2);
    let _ = local().remove_item(&entry_key(id));
}

#[wasm_bindgen_test]
fn the_memory_backend_works_without_local_storage() {
    let a = article();
    let store = AnnotationStore::with_backend(Backend::memory(), "mem");
    assert!(!store.is_persistent());
    let ann = sample_annotation(&a);
    let stored = Stored {
        annotations: vec![ann],
        rejected: vec![],
        deleted: vec![],
    };
    assert_eq!(
        store.sync(&stored, "2026-11-30T00:00:00Z", &|| false),
        Ok(None)
    );
    assert_eq!(store.load("s"), (stored, vec![]));
}

#[wasm_bindgen_test]
fn html_pages_give_their_article_text_only() {
    use hamish::core::text::article::BlockKind::{Heading, Paragraph, Title};
    use hamish::web::html::html_blocks;
    let page = r#"<!doctype html><html><head><title>Site — تقرير</title><style>p{color:red}</style>
        <script>window.__ran = 1</script></head><body>
        <nav><a href="/">الرئيسية</a></nav><header>الموقع</header>
        <main><article><h1>محادثات في <em>أنقرة</em></h1><p class="byline-share">شارك</p>
        <p>اجتمع مسؤولون من <a href="/t">تركيا</a>
           وروسيا.<img src=x onerror="window.__ran=2"></p>
        <h2>Reactions</h2><ul><li><p>First point.</p></li><li>Second point.</li></ul>
        <div class="ad-slot">إعلان</div><form><input value="x"></form></article>
        <section id="comments"><p>تعليق</p></section></main><footer><p>حقوق</p></footer></body></html>"#;
    let blocks = html_blocks(page).expect("parsed");
    let got: Vec<(hamish::core::text::article::BlockKind, &str)> =
        blocks.iter().map(|(k, t)| (*k, t.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (Title, "محادثات في أنقرة"),
            (Paragraph, "اجتمع مسؤولون من تركيا وروسيا."),
            (Heading, "Reactions"),
            (Paragraph, "First point."),
            (Paragraph, "Second point."),
        ]
    );
    let ran = js_sys::Reflect::get(&js_sys::global(), &"__ran".into())
        .ok()
        .filter(|v| !v.is_undefined());
    assert!(ran.is_none(), "nothing from the page ran");
    // A page without <article> or <main>: the element with the most paragraph text.
    let loose = "<body><div><p>قصير</p></div><div class=story><p>فقرة أولى طويلة بما يكفي.</p><p>فقرة ثانية.</p></div></body>";
    let blocks = html_blocks(loose).expect("parsed");
    assert_eq!(
        blocks.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>(),
        ["فقرة أولى طويلة بما يكفي.", "فقرة ثانية."]
    );
}

#[wasm_bindgen_test]
fn the_browsers_segmenter_keeps_letters_with_their_marks_and_emoji_whole() {
    hamish::web::graphemes::install();
    use hamish::core::text::units::{normalize_selection, snap_to_graphemes};
    // The host's cases (tests/host/graphemes.rs), here through Intl.Segmenter.
    for &(text, start, end, expected) in grapheme_cases::CASES {
        assert_eq!(
            snap_to_graphemes(text, start, end),
            expected,
            "{text:?} {start}..{end}"
        );
    }
    assert_eq!(normalize_selection(" \u{0651}نص ", 0, 5), Some((0, 4)));
}

#[wasm_bindgen_test]
fn the_browsers_case_mapping_agrees_with_the_hosts() {
    use hamish::core::text::case::{to_lower, to_upper};
    hamish::web::case::install();
    // The host's cases (tests/host/case.rs), here through toLowerCase/toUpperCase.
    for &(text, lower, upper) in case_cases::CASES {
        assert_eq!(to_lower(text), lower, "lower {text:?}");
        assert_eq!(to_upper(text), upper, "upper {text:?}");
    }
}
