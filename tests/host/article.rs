//! Turning plain text into an article.

use hamish::core::text::article::{bundled, Article, BlockKind};
use hamish::core::text::units::slice_cp;

#[test]
fn blank_lines_separate_blocks_and_the_first_is_the_title() {
    let a = Article::from_plain_text(
        "id",
        "urn:x",
        "\r\nعنوان\r\n\r\n\r\nفقرة أولى\nسطر ثان\n\n  فقرة ثانية  \n",
    );
    let blocks: Vec<(BlockKind, &str, usize)> = a
        .blocks
        .iter()
        .map(|b| (b.kind, b.text.as_str(), b.start))
        .collect();
    assert_eq!(
        blocks,
        [
            (BlockKind::Title, "عنوان", 0),
            (BlockKind::Paragraph, "فقرة أولى\nسطر ثان", 7),
            (BlockKind::Paragraph, "فقرة ثانية", 26)
        ]
    );
    assert_eq!(a.text, "عنوان\n\nفقرة أولى\nسطر ثان\n\nفقرة ثانية");
    for b in &a.blocks {
        assert_eq!(
            slice_cp(&a.text, b.start, b.end()),
            b.text,
            "block offsets point into the text"
        );
    }
    assert_eq!(a.title(), "عنوان");
}

#[test]
fn the_bundled_article_is_the_seed() {
    let a = bundled();
    assert_eq!(a.title(), "مصادر روسية تكشف بعض الحقائق حول سقوط نظام الأسد");
    // The page's comment form at the end of the file is not the article; everything before it is,
    // at the same offsets.
    let raw = include_str!("../../articles/article.ar.txt").trim();
    assert!(raw.starts_with(&a.text));
    assert!(raw[a.text.len()..].trim_start().starts_with("اترك تعليقاً"));
    assert!(a.text.ends_with("بعبثية بقائه في السلطة."));
    assert_eq!(a.len(), 2938, "the seed is 2,938 code points");
    assert_eq!((a.lang.as_str(), a.dir.as_str()), ("ar", "rtl"));
    assert!(a.blocks.len() > 10);
}

#[test]
fn block_wise_normalizing_matches_normalizing_the_whole_text() {
    use hamish::core::text::units::normalize_selection;
    let a = Article::from_plain_text(
        "x",
        "urn:x",
        "عنوانٌ قصير\n\nفقرةُ أولى، فيها  مسافات 😀 ونص.\n\n   \n\nفقرة ثانية بُنيت\n\nأخيرة",
    );
    let n = a.len();
    for start in 0..=n {
        for end in start..=n.min(start + 40) {
            assert_eq!(
                a.normalize_selection(start, end).map(|s| (s.start, s.end)),
                normalize_selection(&a.text, start, end),
                "{start}..{end}"
            );
        }
    }
    let b = bundled();
    for (start, end) in [
        (0, 5),
        (44, 60),
        (48, 52),
        (300, 900),
        (1000, 2938),
        (2930, 2938),
    ] {
        assert_eq!(
            b.normalize_selection(start, end).map(|s| (s.start, s.end)),
            normalize_selection(&b.text, start, end),
            "{start}..{end}"
        );
    }
}
