//! Page furniture in plain text: a comment form's lines and bare symbols are not the article.

use hamish::core::text::article::{Article, BlockKind};
use hamish::core::text::formats::plain_blocks;
use hamish::core::text::furniture::{is_bare_symbols, is_comment_form};

fn texts(raw: &str) -> Vec<String> {
    plain_blocks(raw).into_iter().map(|(_, t)| t).collect()
}

#[test]
fn comment_form_lines_are_recognised_in_arabic_and_english() {
    let cases = [
        ("اترك تعليقاً", true),
        ("اترك تعليقا", true),
        ("اترك رداً", true),
        ("أضف تعليقاً", true),
        ("لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *", true),
        ("لن يتم نشر عنوان بريدك الالكتروني", true),
        ("Leave a Comment", true),
        ("Leave a reply", true),
        ("Your email address will not be published. Required fields are marked *", true),
        ("Required fields are marked *", true),
        // The article's own words.
        ("اترك الرئيس دمشق", false),
        ("تتركز المخاوف على التعليقات", false),
        ("Leave Syria", false),
        ("قال المتحدث: اترك تعليقاً على الخبر إن شئت، لكن القرار اتخذ في موسكو قبل أسابيع من سقوط النظام وبعد مفاوضات طويلة مع أنقرة وطهران حول مستقبل الحكم في دمشق والمرحلة الانتقالية المقبلة", false),
    ];
    for (text, expected) in cases {
        assert_eq!(is_comment_form(text), expected, "{text}");
    }
}

#[test]
fn blocks_without_letters_or_digits_are_bare_symbols() {
    let cases = [
        ("+ -", true),
        (".", true),
        ("* * *", true),
        ("— ، —", true),
        ("٢٠٢٤", false),
        ("1.", false),
        ("روسيا", false),
    ];
    for (text, expected) in cases {
        assert_eq!(is_bare_symbols(text), expected, "{text}");
    }
}

#[test]
fn plain_text_drops_the_comment_form_at_its_end_and_bare_symbols_anywhere() {
    let cases: &[(&str, &[&str])] = &[
        (
            "عنوان\n\nفقرة أولى.\n\nاترك تعليقاً\n\nلن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *\n\n+ -\n\n.",
            &["عنوان", "فقرة أولى."],
        ),
        (
            "Title\n\nA paragraph.\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n\n",
            &["Title", "A paragraph."],
        ),
        ("عنوان\n\nفقرة أولى.\n\n* * *\n\nفقرة ثانية.", &["عنوان", "فقرة أولى.", "فقرة ثانية."]),
        // Followed by more of the article, a comment form's words stay.
        ("عنوان\n\nاترك تعليقاً\n\nفقرة بعده.", &["عنوان", "اترك تعليقاً", "فقرة بعده."]),
        ("+ -\n\n.", &[]),
    ];
    for (raw, expected) in cases {
        assert_eq!(&texts(raw), expected, "{raw}");
    }
    let a = Article::from_plain_text("x", "urn:x", "عنوان\n\nفقرة.\n\nاترك تعليقاً\n\n+ -");
    assert_eq!(a.text, "عنوان\n\nفقرة.");
    assert_eq!(a.blocks[0].kind, BlockKind::Title);
}
