//! Offsets between UTF-16, code points and bytes; grapheme snapping.

use hamish::core::text::units::*;

/// (text, UTF-16 offset, expected code point offset)
const UTF16_TO_CP: &[(&str, usize, usize)] = &[
    ("", 0, 0),
    ("abc", 2, 2),
    ("abc", 99, 3),
    // Arabic letters are one UTF-16 unit and one code point each.
    ("روسيا", 3, 3),
    // Diacritics (fatha U+064E, shadda U+0651) are code points of their own.
    ("مُشَدَّد", 4, 4),
    // An emoji outside the BMP is two UTF-16 units and one code point.
    ("a😀b", 1, 1),
    ("a😀b", 3, 2),
    ("a😀b", 4, 3),
    // An offset between the halves of a surrogate pair rounds down to the character's start.
    ("a😀b", 2, 1),
    // Arabic after an emoji.
    ("😀 إيران", 3, 2),
    // A flag is two astral code points.
    ("🇸🇾سوريا", 4, 2),
];

#[test]
fn utf16_offsets_become_code_points() {
    for &(text, u16_offset, cp) in UTF16_TO_CP {
        assert_eq!(
            utf16_to_cp(text, u16_offset),
            cp,
            "utf16_to_cp({text:?}, {u16_offset})"
        );
    }
}

#[test]
fn code_points_become_utf16_offsets() {
    let cases: &[(&str, usize, usize)] = &[
        ("abc", 2, 2),
        ("a😀b", 2, 3),
        ("a😀b", 9, 4),
        ("🇸🇾سوريا", 2, 4),
        ("مُشَدَّد", 3, 3),
    ];
    for &(text, cp, u16_offset) in cases {
        assert_eq!(
            cp_to_utf16(text, cp),
            u16_offset,
            "cp_to_utf16({text:?}, {cp})"
        );
        assert_eq!(utf16_to_cp(text, u16_offset), cp.min(cp_len(text)));
    }
}

#[test]
fn a_texts_map_converts_every_offset_as_the_single_conversions_do() {
    for text in [
        "",
        "abc",
        "مُشَدَّد",
        "a😀b",
        "😀 إيران",
        "🇸🇾سوريا",
        "😀😀",
        "روسيا 👨🏻‍🚒 تركيا 🇹🇷",
    ] {
        let map = Utf16Map::new(text);
        let units: usize = text.chars().map(char::len_utf16).sum();
        assert_eq!(map.utf16_len(), units, "{text:?}");
        for unit in 0..units + 3 {
            assert_eq!(
                map.to_cp(unit),
                utf16_to_cp(text, unit),
                "{text:?} unit {unit}"
            );
        }
        for cp in 0..cp_len(text) + 3 {
            assert_eq!(map.to_utf16(cp), cp_to_utf16(text, cp), "{text:?} cp {cp}");
        }
    }
}

#[test]
fn code_points_and_bytes_round_trip() {
    // (text, code point offset, byte offset)
    let cases: &[(&str, usize, usize)] = &[
        ("abc", 1, 1),
        ("روسيا", 2, 4),
        ("a😀b", 2, 5),
        ("é", 1, 2),
        ("e\u{301}x", 2, 3),
        ("سوريا", 99, 10),
    ];
    for &(text, cp, byte) in cases {
        assert_eq!(cp_to_byte(text, cp), byte, "cp_to_byte({text:?}, {cp})");
        assert_eq!(
            byte_to_cp(text, byte),
            cp.min(cp_len(text)),
            "byte_to_cp({text:?}, {byte})"
        );
    }
    // A byte inside a character counts as that character's start.
    assert_eq!(byte_to_cp("روسيا", 3), 1);
}

#[test]
fn slices_count_code_points() {
    assert_eq!(slice_cp("نظام بشار الأسد", 5, 9), "بشار");
    assert_eq!(slice_cp("a😀b", 1, 2), "😀");
    assert_eq!(slice_cp("abc", 2, 1), "");
    assert_eq!(slice_cp("abc", 2, 50), "c");
}

#[test]
fn runs_sliced_in_one_pass_are_what_each_slice_is() {
    // Arabic with a shadda and a fatha, an emoji with a skin tone, a flag (two code points each).
    let text = "رَوسيّا a😀🏽b 🇸🇾 نظام";
    let n = text.chars().count();
    let cases: Vec<Vec<(usize, usize)>> = vec![
        vec![],
        vec![(0, n)],
        vec![(0, 2), (2, 5), (5, 9), (9, 10), (10, n)],
        // Gaps, empty runs, a run past the end, one that goes back, one reversed.
        vec![(1, 3), (3, 3), (6, 8), (n - 2, n + 5), (n + 6, n + 9)],
        vec![(4, 8), (2, 5), (7, 6), (8, 9)],
    ];
    for spans in cases {
        let each: Vec<&str> = spans.iter().map(|&(s, e)| slice_cp(text, s, e)).collect();
        assert_eq!(slices_cp(text, &spans), each, "{spans:?}");
    }
    assert_eq!(slices_cp("", &[(0, 0), (0, 3)]), vec!["", ""]);
}

#[test]
fn selections_snap_to_grapheme_clusters() {
    // (text, start, end, expected start, expected end)
    let cases: &[(&str, usize, usize, usize, usize)] = &[
        // بُني: ending between ب and its damma takes the damma.
        ("بُني", 0, 1, 0, 2),
        // Starting on a diacritic moves back to its letter.
        ("بُني", 1, 3, 0, 3),
        // A shadda stays with its letter.
        ("مدّة", 2, 3, 1, 3),
        // Shadda + fatha (two marks) stay with their letter.
        ("مدَّة", 1, 2, 1, 4),
        // Superscript alef (U+0670) stays with its letter.
        ("هٰذا", 0, 1, 0, 2),
        // A family emoji (ZWJ sequence) is one cluster.
        ("a👨‍👩‍👧b", 2, 3, 1, 6),
        // A flag is one cluster.
        ("🇸🇾x", 1, 2, 0, 2),
        // Already on boundaries: unchanged; empty stays empty.
        ("روسيا", 1, 3, 1, 3),
        ("روسيا", 2, 2, 2, 2),
        ("روسيا", 0, 0, 0, 0),
        // Past the end clamps.
        ("ab", 5, 9, 2, 2),
    ];
    for &(text, s, e, ws, we) in cases {
        assert_eq!(
            snap_to_graphemes(text, s, e),
            (ws, we),
            "snap({text:?}, {s}, {e})"
        );
    }
}

#[test]
fn selections_are_normalized() {
    let text = "قال  الروس: نعم";
    assert_eq!(normalize_selection(text, 3, 10), Some((5, 10)));
    assert_eq!(
        normalize_selection(text, 10, 3),
        Some((5, 10)),
        "backwards selections are turned round"
    );
    assert_eq!(
        normalize_selection(text, 3, 5),
        None,
        "white space alone is no selection"
    );
    assert_eq!(normalize_selection("بُني", 0, 1), Some((0, 2)));
}
