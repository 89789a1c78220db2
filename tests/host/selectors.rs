//! Describing spans as TextQuote + TextPosition selectors.

use hamish::core::anchoring::selectors::{describe, CONTEXT_LEN};
use hamish::core::text::span::Span;
use hamish::core::text::units::{cp_len, slice_cp};

#[test]
fn quotes_carry_up_to_32_code_points_of_context() {
    let text = hamish::core::text::article::bundled().text;
    let start = text.chars().position(|c| c == 'ر').unwrap_or(0) + 100;
    let s = describe(&text, Span::new(start, start + 10));
    assert_eq!(s.exact, slice_cp(&text, start, start + 10));
    assert_eq!(cp_len(&s.prefix), CONTEXT_LEN);
    assert_eq!(cp_len(&s.suffix), CONTEXT_LEN);
    assert_eq!(
        format!("{}{}{}", s.prefix, s.exact, s.suffix),
        slice_cp(&text, start - 32, start + 42)
    );
}

#[test]
fn context_is_cut_at_the_text_edges() {
    // (text, start, end, exact, prefix, suffix)
    let cases: &[(&str, usize, usize, &str, &str, &str)] = &[
        ("روسيا وتركيا", 0, 5, "روسيا", "", " وتركيا"),
        ("روسيا وتركيا", 7, 12, "تركيا", "روسيا و", ""),
        ("😀إيران😀", 1, 6, "إيران", "😀", "😀"),
        ("abc", 0, 3, "abc", "", ""),
        ("abc", 2, 99, "c", "ab", ""),
    ];
    for &(text, start, end, exact, prefix, suffix) in cases {
        let s = describe(text, Span::new(start, end));
        assert_eq!(
            (s.exact.as_str(), s.prefix.as_str(), s.suffix.as_str()),
            (exact, prefix, suffix),
            "{text:?} {start}..{end}"
        );
        let position = s.position.expect("a described span has a position");
        assert_eq!(position.start, start.min(cp_len(text)));
        assert_eq!(position.end, end.min(cp_len(text)));
    }
}
