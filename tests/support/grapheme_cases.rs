//! Grapheme snapping cases shared by the host tests (unicode-segmentation) and the browser tests
//! (Intl.Segmenter): `(text, start, end, expected)`, offsets in code points.

/// Each case: a text, a selection in it, and the selection widened to whole grapheme clusters.
pub const CASES: &[(&str, usize, usize, (usize, usize))] = &[
    ("مُحَمَّدٌ", 1, 3, (0, 4)),       // a selection inside a letter's diacritics
    ("قالَ الرئيس", 3, 4, (2, 4)), // only the fatha: its letter comes with it
    ("قالَ الرئيس", 4, 5, (4, 5)),
    ("a👨‍👩‍👧b", 2, 3, (1, 6)),   // inside a family (ZWJ sequence)
    ("🇸🇾🇹🇷", 1, 3, (0, 4)),   // two flags: regional indicators in pairs
    ("👍🏽 ok", 1, 1, (0, 2)),  // a skin tone modifier
    ("x\r\ny", 2, 2, (1, 3)), // CR LF is one cluster
    ("한국", 0, 1, (0, 1)),
    ("\u{1100}\u{1161}\u{11A8}x", 1, 2, (0, 3)), // Hangul jamo L V T
    ("नमस्ते", 2, 3, (2, 6)),                      // a conjunct (Unicode 15.1)
    ("\u{0600}123 x", 0, 1, (0, 2)), // an Arabic number sign (Prepend) holds the next digit
    ("e\u{301}", 1, 1, (0, 2)),
];
