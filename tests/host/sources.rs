//! Turning documents into articles: plain text, Markdown, formats, sizes, encodings, ids, the recent list.

use hamish::core::storage::recent::{
    decode as decode_recent, encode, evictions, keeping_order, merge_restored, touch, Recent,
    StoredText, KEEP, KEEP_ANNOTATED,
};
use hamish::core::text::article::{content_id, detect_language, Article, BlockKind};
use hamish::core::text::formats::{markdown_blocks, plain_blocks};
use hamish::core::text::source::{decode, format_of, DocumentError, Format, MAX_BYTES};
use hamish::i18n::Lang;

fn kinds(blocks: &[(BlockKind, String)]) -> Vec<(BlockKind, &str)> {
    blocks.iter().map(|(k, t)| (*k, t.as_str())).collect()
}

#[test]
fn plain_text_title_only_when_it_looks_like_one() {
    use BlockKind::*;
    // (text, expected blocks)
    let cases: Vec<(&str, Vec<(BlockKind, &str)>)> = vec![
        (
            "عنوان قصير\n\nفقرة.",
            vec![(Title, "عنوان قصير"), (Paragraph, "فقرة.")],
        ),
        (
            "جملة كاملة تنتهي بنقطة.\n\nفقرة ثانية.",
            vec![
                (Paragraph, "جملة كاملة تنتهي بنقطة."),
                (Paragraph, "فقرة ثانية."),
            ],
        ),
        (
            "سطر أول\nوسطر ثان\n\nفقرة",
            vec![(Paragraph, "سطر أول\nوسطر ثان"), (Paragraph, "فقرة")],
        ),
        (
            "Title\r\n\r\nBody text.\r\n",
            vec![(Title, "Title"), (Paragraph, "Body text.")],
        ),
        ("   \n\n  ", vec![]),
    ];
    for (text, want) in cases {
        assert_eq!(kinds(&plain_blocks(text)), want, "{text:?}");
    }
}

#[test]
fn markdown_becomes_headings_and_paragraphs() {
    use BlockKind::*;
    let md = "# تقرير\n\nقال **مسؤول** [إيراني](https://x.y) إن `الأمر` انتهى.\nوأضاف.\n\n## تفاصيل\n\n- بند _أول_\n1. بند ثان\n> اقتباس\n\n---\n\n![صورة](a.png) وصف";
    assert_eq!(
        kinds(&markdown_blocks(md)),
        vec![
            (Title, "تقرير"),
            (Paragraph, "قال مسؤول إيراني إن الأمر انتهى. وأضاف."),
            (Heading, "تفاصيل"),
            (Paragraph, "بند أول"),
            (Paragraph, "بند ثان"),
            (Paragraph, "اقتباس"),
            (Paragraph, "صورة وصف"),
        ]
    );
    assert_eq!(
        kinds(&markdown_blocks("snake_case_word stays")),
        vec![(Title, "snake_case_word stays")]
    );
}

#[test]
fn formats_come_from_the_type_then_the_name() {
    // (name, content type, expected)
    let cases = [
        ("a.txt", "", Ok(Format::Plain)),
        ("a.md", "", Ok(Format::Markdown)),
        ("https://x.y/a.html?q=1", "", Ok(Format::Html)),
        (
            "https://x.y/page",
            "text/html; charset=utf-8",
            Ok(Format::Html),
        ),
        ("https://x.y/page", "text/plain", Ok(Format::Plain)),
        ("notes.md", "text/plain", Ok(Format::Markdown)),
        ("https://x.y/a", "text/markdown", Ok(Format::Markdown)),
        ("a.bin", "application/octet-stream", Ok(Format::Plain)),
        (
            "photo.png",
            "image/png",
            Err("it is not a text document (its type is image/png)".to_string()),
        ),
        (
            "doc.pdf",
            "application/pdf",
            Err("it is not a text document (its type is application/pdf)".to_string()),
        ),
    ];
    for (name, mime, want) in cases {
        assert_eq!(
            format_of(name, mime).map_err(|e| Lang::En.document_error(&e)),
            want,
            "{name} {mime}"
        );
    }
}

/// A decoding refusal as the English reader reads it.
fn english(decoded: Result<String, DocumentError>) -> Result<String, String> {
    decoded.map_err(|e| Lang::En.document_error(&e))
}

#[test]
fn documents_must_be_small_valid_utf8_and_not_empty() {
    assert_eq!(decode("مرحبا".as_bytes()), Ok("مرحبا".to_string()));
    assert_eq!(decode(b"\xEF\xBB\xBFbom"), Ok("bom".to_string()));
    assert_eq!(
        english(decode(b"A \xE9t\xE9")),
        Err("it is not valid UTF-8 text (bad bytes at byte 2)".to_string())
    );
    assert_eq!(
        english(decode(b"  \n ")),
        Err("the document is empty".to_string())
    );
    assert_eq!(
        decode(&vec![b'a'; MAX_BYTES]).map(|t| t.len()),
        Ok(MAX_BYTES)
    );
    assert_eq!(
        english(decode(&vec![b'a'; 6 * 1024 * 1024])),
        Err("it is too large (6.0 MB; the limit is 5 MB of UTF-8 text)".to_string())
    );
}

#[test]
fn content_ids_ignore_white_space_only() {
    let a = content_id("خبر  عاجل\n\nنص");
    assert_eq!(a, content_id(" خبر عاجل نص "));
    assert_ne!(a, content_id("خبر عاجل نصّ"));
    assert!(a.starts_with("text-") && a.len() == 21);
}

#[test]
fn blocks_know_their_language() {
    assert_eq!(
        detect_language("قال إن وفد Gazprom لم يشارك"),
        ("ar", "rtl")
    );
    assert_eq!(
        detect_language("Officials from Turkey met in أنقرة"),
        ("en", "ltr")
    );
    assert_eq!(detect_language("2026 — 80%"), ("en", "ltr"));
    let a = Article::from_blocks(
        "x",
        "urn:x",
        vec![
            (BlockKind::Title, "Talks".into()),
            (BlockKind::Paragraph, "قال المتحدث".into()),
        ],
    );
    assert_eq!((a.blocks[0].dir, a.blocks[1].dir), ("ltr", "rtl"));
}

#[test]
fn the_recent_list_keeps_the_newest_once_each() {
    let entry = |id: &str, n: usize| Recent {
        id: id.into(),
        title: id.into(),
        url: None,
        opened: format!("2026-11-{n:02}"),
        count: n,
    };
    let mut list = decode_recent(Some("not json"));
    assert!(list.is_empty());
    for n in 1..=KEEP + 3 {
        touch(&mut list, entry(&format!("a{n}"), 0));
    }
    touch(&mut list, entry("a5", 0));
    assert_eq!(list.len(), KEEP);
    assert_eq!(list[0].id, "a5");
    assert_eq!(list.iter().filter(|r| r.id == "a5").count(), 1);
    assert_eq!(decode_recent(Some(&encode(&list))), list);
}

#[test]
fn an_annotated_article_never_makes_way_for_articles_only_opened() {
    let entry = |id: &str, count: usize| Recent {
        id: id.into(),
        title: id.into(),
        url: None,
        opened: "2026-12-06".into(),
        count,
    };
    let mut list = Vec::new();
    touch(&mut list, entry("annotated", 1));
    for n in 0..3 * KEEP {
        touch(&mut list, entry(&format!("opened{n}"), 0));
    }
    assert_eq!(list.len(), KEEP + 1);
    assert_eq!(list.last().map(|r| r.id.as_str()), Some("annotated"));
    // Its text is evicted last: the order texts are kept by puts it first.
    let order: Vec<&str> = keeping_order(&list).iter().map(|r| r.id.as_str()).collect();
    assert_eq!(order[0], "annotated");
    assert_eq!(order[1], format!("opened{}", 3 * KEEP - 1));
    let sizes: Vec<(String, usize, bool)> = order
        .iter()
        .map(|id| (id.to_string(), 100_000, *id == "annotated"))
        .collect();
    let evicted = evictions(&sizes, 1_000_000, 2_000_000).unwrap_or_default();
    assert!(!evicted.contains(&"annotated".to_string()));
    assert_eq!(evicted.len(), 11, "the oldest only-opened texts go first");
    assert_eq!(evicted[0], "opened40");
    // Once its annotations are all deleted it is one more article only opened.
    touch(&mut list, entry("annotated", 0));
    for n in 0..KEEP {
        touch(&mut list, entry(&format!("later{n}"), 0));
    }
    assert!(list.iter().all(|r| r.id != "annotated"));
    assert_eq!(KEEP_ANNOTATED, 1_000);
}

#[test]
fn an_annotated_articles_text_is_never_removed_to_make_room() {
    let big = |id: &str, annotated| (id.to_string(), 960_000, annotated);
    // Two long annotated texts fill the budget: a third long text is not kept, and nothing goes.
    let stored = [big("first", true), big("second", true)];
    assert_eq!(evictions(&stored, 960_000, 2_000_000), None);
    // An only-opened text between them makes way; the annotated ones never do.
    let stored = [
        big("first", true),
        big("opened", false),
        big("second", true),
    ];
    assert_eq!(evictions(&stored, 960_000, 2_000_000), None);
    let stored = [big("first", true), big("opened", false)];
    assert_eq!(
        evictions(&stored, 960_000, 2_000_000),
        Some(vec!["opened".to_string()])
    );
    // Room enough: nothing removed.
    assert_eq!(evictions(&stored, 10, 2_000_000), Some(vec![]));
}

#[test]
fn stored_texts_rebuild_the_same_article() {
    let a = Article::from_blocks(
        "text-1",
        "urn:hamish:text-1",
        markdown_blocks("# عنوان\n\nفقرة\n\n## قسم\n\nأخرى"),
    );
    let again = StoredText::of(&a).article("text-1");
    assert_eq!(again, a);
}

#[test]
fn an_article_reads_its_language_from_all_its_blocks_letters() {
    // Counted once over the blocks: the same as reading the joined text.
    let blocks = vec![
        (
            BlockKind::Paragraph,
            "Officials from Turkey, Iran and Russia met".into(),
        ),
        (BlockKind::Paragraph, "في أنقرة ـ اليوم".into()),
        (BlockKind::Paragraph, "Ça ×÷ 2026 ٢٠٢٦ ، ؟".into()),
    ];
    let a = Article::from_blocks("x", "urn:x", blocks);
    assert_eq!((a.lang.as_str(), a.dir.as_str()), detect_language(&a.text));
    assert_eq!(a.lang, "en");
    // Marks, digits and punctuation are not letters; tatweel and the letters are.
    assert_eq!(detect_language("ـ ٢٠٢٦ ، ؟ َ"), ("ar", "rtl"));
    assert_eq!(detect_language("٢٠٢٦ ، ؟ ×"), ("en", "ltr"));
    assert_eq!(detect_language("Çé قال"), ("ar", "rtl"));
    assert_eq!(detect_language("Çéaz قال"), ("en", "ltr"));
}

/// A backup's recent list joins the one here: articles not here come in by when they were opened
/// (once each, the last of a file listing one twice), an article here stays as it is here, and the
/// limits hold.
#[test]
fn a_restored_recent_list_joins_the_one_here() {
    let entry = |id: &str, opened: &str, count: usize| Recent {
        id: id.into(),
        title: format!("{id} {count}"),
        url: None,
        opened: opened.into(),
        count,
    };
    let here = vec![entry("b", "2026-12-05", 2), entry("d", "2026-12-01", 0)];
    let cases: Vec<(&str, Vec<Recent>, Vec<(&str, usize)>)> = vec![
        ("nothing restored", vec![], vec![("b", 2), ("d", 0)]),
        (
            "new articles fall in by date",
            vec![entry("a", "2026-12-06", 1), entry("c", "2026-12-03", 0)],
            vec![("a", 1), ("b", 2), ("c", 0), ("d", 0)],
        ),
        (
            "an article here stays as here",
            vec![entry("b", "2026-12-07", 9)],
            vec![("b", 2), ("d", 0)],
        ),
        (
            "listed twice in the file: the last",
            vec![entry("x", "2026-12-02", 1), entry("x", "2026-12-02", 3)],
            vec![("b", 2), ("x", 3), ("d", 0)],
        ),
    ];
    for (case, restored, expected) in cases {
        let merged = merge_restored(&here, &restored);
        let got: Vec<(&str, usize)> = merged.iter().map(|r| (r.id.as_str(), r.count)).collect();
        assert_eq!(got, expected, "{case}");
    }
    // The limits hold: of many articles only opened, the newest KEEP.
    let many: Vec<Recent> = (0..3 * KEEP)
        .map(|n| {
            entry(
                &format!("o{n}"),
                &format!("2026-11-{:02}T{n:04}", n % 28 + 1),
                0,
            )
        })
        .collect();
    let merged = merge_restored(&here, &many);
    assert_eq!(merged.iter().filter(|r| r.count == 0).count(), KEEP);
    assert!(merged.iter().any(|r| r.id == "b"));
    // A list of a thousand annotated articles, however new, never pushes out one listed here.
    let flood: Vec<Recent> = (0..KEEP_ANNOTATED)
        .map(|n| entry(&format!("f{n}"), "9999-12-31T00:00:00Z", 1))
        .collect();
    let merged = merge_restored(&here, &flood);
    assert!(merged.iter().any(|r| r.id == "b") && merged.iter().any(|r| r.id == "d"));
    assert_eq!(
        merged.iter().filter(|r| r.count > 0).count(),
        KEEP_ANNOTATED
    );
}

/// A backup's recent list is read with no time after the backup's export, and a time that cannot
/// be read counts as the oldest: a forged list cannot sort itself before the reader's own.
#[test]
fn a_backups_recent_times_are_clamped_to_its_export() {
    let file = r#"{"format":"hamish-backup","version":1,"exported":"2026-11-30T00:00:00Z","articles":[],
        "recent":[{"id":"a","title":"t","url":null,"opened":"9999-12-31T00:00:00Z","count":1},
                  {"id":"b","title":"t","url":null,"opened":"zzzz","count":1},
                  {"id":"c","title":"t","url":null,"opened":"2026-11-01T00:00:00Z","count":1}]}"#;
    let opened: Vec<String> = hamish::core::storage::backup::read(file)
        .expect("a backup")
        .recent
        .into_iter()
        .map(|r| r.opened)
        .collect();
    assert_eq!(
        opened,
        [
            "2026-11-30T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "2026-11-01T00:00:00Z"
        ]
    );
}
