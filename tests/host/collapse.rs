//! A block's DOM pieces → its collapsed text (CSS `white-space: normal`), and the map both ways.

use hamish::core::text::collapse::*;
use Bias::{End, Start};

/// A piece in a table: text, or a break.
#[derive(Clone, Copy, Debug)]
enum P {
    T(&'static str),
    B,
}
use P::{B, T};

fn pieces(ps: &[P]) -> Vec<Piece> {
    ps.iter()
        .map(|p| match p {
            T(s) => Piece::Text(s.to_string()),
            B => Piece::Break,
        })
        .collect()
}

/// A point in the pieces: (piece index, UTF-16 offset in that piece).
type Point = Option<(usize, usize)>;

struct Case {
    name: &'static str,
    pieces: &'static [P],
    text: &'static str,
    /// (piece, UTF-16 offset in piece, expected UTF-16 offset in text)
    to_text: &'static [(usize, usize, usize)],
    /// (UTF-16 offset in text, bias, expected point)
    to_piece: &'static [(usize, Bias, Point)],
}

const CASES: &[Case] = &[
    Case {
        name: "source indentation in one piece",
        pieces: &[T("\n      النص   هنا\n    ")],
        text: "النص هنا",
        to_text: &[
            (0, 0, 0),
            (0, 6, 0),
            (0, 7, 0),
            (0, 10, 3),
            (0, 11, 4),
            (0, 12, 5),
            (0, 13, 5),
            (0, 14, 5),
            (0, 16, 7),
            (0, 17, 8),
            (0, 22, 8),
            (0, 99, 8),
        ],
        to_piece: &[
            (0, Start, Some((0, 7))),
            (0, End, Some((0, 7))),
            (3, End, Some((0, 10))),
            (4, Start, Some((0, 11))),
            (4, End, Some((0, 11))),
            (5, Start, Some((0, 14))),
            (5, End, Some((0, 12))),
            (8, Start, Some((0, 17))),
            (8, End, Some((0, 17))),
        ],
    },
    Case {
        name: "across an inline element",
        pieces: &[T("قال "), T("الروس"), T(" إن")],
        text: "قال الروس إن",
        to_text: &[
            (0, 0, 0),
            (0, 3, 3),
            (0, 4, 4),
            (1, 0, 4),
            (1, 4, 8),
            (1, 5, 9),
            (2, 0, 9),
            (2, 1, 10),
            (2, 3, 12),
        ],
        to_piece: &[
            (3, Start, Some((0, 3))),
            (4, Start, Some((1, 0))),
            (4, End, Some((0, 4))),
            (9, Start, Some((2, 0))),
            (9, End, Some((1, 5))),
            (10, Start, Some((2, 1))),
            (10, End, Some((2, 1))),
            (12, End, Some((2, 3))),
            (12, Start, Some((2, 3))),
        ],
    },
    Case {
        name: "white space split over two pieces",
        pieces: &[T("a "), T(" b")],
        text: "a b",
        to_text: &[(0, 1, 1), (0, 2, 2), (1, 0, 2), (1, 1, 2), (1, 2, 3)],
        to_piece: &[
            (1, Start, Some((0, 1))),
            (2, Start, Some((1, 1))),
            (2, End, Some((0, 2))),
            (3, End, Some((1, 2))),
        ],
    },
    Case {
        name: "a white-space piece between words",
        pieces: &[T("a"), T(" "), T("b")],
        text: "a b",
        to_text: &[(0, 1, 1), (1, 0, 1), (1, 1, 2), (2, 0, 2), (2, 1, 3)],
        to_piece: &[
            (1, Start, Some((1, 0))),
            (1, End, Some((0, 1))),
            (2, Start, Some((2, 0))),
            (2, End, Some((1, 1))),
        ],
    },
    Case {
        name: "an empty piece inside white space",
        pieces: &[T("a "), T(""), T(" b")],
        text: "a b",
        to_text: &[(0, 1, 1), (1, 0, 2), (2, 0, 2), (2, 1, 2), (2, 2, 3)],
        to_piece: &[(1, Start, Some((0, 1))), (2, Start, Some((2, 1)))],
    },
    Case {
        name: "tabs, carriage returns and form feeds collapse",
        pieces: &[T("a\t\r\n\u{c}b")],
        text: "a b",
        to_text: &[(0, 1, 1), (0, 2, 2), (0, 4, 2), (0, 5, 2), (0, 6, 3)],
        to_piece: &[(1, Start, Some((0, 1))), (2, End, Some((0, 2)))],
    },
    Case {
        name: "a break",
        pieces: &[T("a"), B, T("b")],
        text: "a\nb",
        to_text: &[(0, 0, 0), (0, 1, 1), (1, 0, 2), (2, 0, 2), (2, 1, 3)],
        to_piece: &[
            (1, Start, Some((2, 0))),
            (1, End, Some((0, 1))),
            (2, Start, Some((2, 0))),
            (2, End, Some((0, 1))),
        ],
    },
    Case {
        name: "white space around a break disappears",
        pieces: &[T("a "), B, T(" b")],
        text: "a\nb",
        to_text: &[
            (0, 1, 1),
            (0, 2, 1),
            (1, 0, 2),
            (2, 0, 2),
            (2, 1, 2),
            (2, 2, 3),
        ],
        to_piece: &[
            (1, Start, Some((2, 1))),
            (1, End, Some((0, 1))),
            (2, Start, Some((2, 1))),
            (2, End, Some((0, 1))),
            (3, End, Some((2, 2))),
        ],
    },
    Case {
        name: "newlines in text around a break",
        pieces: &[T("a\n"), B, T("\tb")],
        text: "a\nb",
        to_text: &[(0, 1, 1), (2, 0, 2), (2, 1, 2)],
        to_piece: &[(2, Start, Some((2, 1)))],
    },
    Case {
        name: "breaks at the start and the end are trimmed",
        pieces: &[B, T("a"), B],
        text: "a",
        to_text: &[(0, 0, 0), (1, 0, 0), (1, 1, 1), (2, 0, 1), (9, 0, 1)],
        to_piece: &[
            (0, Start, Some((1, 0))),
            (0, End, Some((1, 0))),
            (1, Start, Some((1, 1))),
            (1, End, Some((1, 1))),
        ],
    },
    Case {
        name: "breaks and white space at both ends",
        pieces: &[T(" "), B, T(" a "), B, T(" ")],
        text: "a",
        to_text: &[
            (0, 0, 0),
            (1, 0, 0),
            (2, 0, 0),
            (2, 1, 0),
            (2, 2, 1),
            (3, 0, 1),
            (4, 1, 1),
        ],
        to_piece: &[(0, Start, Some((2, 1))), (1, End, Some((2, 2)))],
    },
    Case {
        name: "two breaks",
        pieces: &[T("a"), B, B, T("b")],
        text: "a\n\nb",
        to_text: &[(0, 1, 1), (1, 0, 2), (2, 0, 3), (3, 0, 3), (3, 1, 4)],
        to_piece: &[
            (1, Start, Some((3, 0))),
            (2, Start, Some((3, 0))),
            (3, Start, Some((3, 0))),
            (2, End, Some((0, 1))),
            (3, End, Some((0, 1))),
            (4, End, Some((3, 1))),
        ],
    },
    Case {
        name: "two breaks with white space between",
        pieces: &[T("a "), B, T(" \n "), B, T(" b")],
        text: "a\n\nb",
        to_text: &[
            (0, 2, 1),
            (1, 0, 2),
            (2, 1, 2),
            (3, 0, 3),
            (4, 1, 3),
            (4, 2, 4),
        ],
        to_piece: &[(2, Start, Some((4, 1))), (3, End, Some((0, 1)))],
    },
    Case {
        name: "a no-break space is kept",
        pieces: &[T("a\u{a0}b")],
        text: "a\u{a0}b",
        to_text: &[(0, 1, 1), (0, 2, 2)],
        to_piece: &[(1, Start, Some((0, 1))), (2, End, Some((0, 2)))],
    },
    Case {
        name: "a no-break space between collapsible spaces",
        pieces: &[T(" a  \u{a0}  b ")],
        text: "a \u{a0} b",
        to_text: &[
            (0, 1, 0),
            (0, 2, 1),
            (0, 3, 2),
            (0, 4, 2),
            (0, 5, 3),
            (0, 7, 4),
            (0, 8, 5),
        ],
        to_piece: &[
            (2, Start, Some((0, 4))),
            (3, Start, Some((0, 5))),
            (4, End, Some((0, 6))),
        ],
    },
    Case {
        name: "a block of no-break spaces is not trimmed",
        pieces: &[T(" \u{a0} ")],
        text: "\u{a0}",
        to_text: &[(0, 0, 0), (0, 1, 0), (0, 2, 1), (0, 3, 1)],
        to_piece: &[(0, Start, Some((0, 1))), (1, End, Some((0, 2)))],
    },
    Case {
        name: "other Unicode spaces and zero-width characters are kept",
        pieces: &[T("a\u{2003}\u{200d}\u{200c} b")],
        text: "a\u{2003}\u{200d}\u{200c} b",
        to_text: &[(0, 4, 4), (0, 5, 5)],
        to_piece: &[(5, Start, Some((0, 5)))],
    },
    Case {
        name: "emoji are two units",
        pieces: &[T("😀 😀")],
        text: "😀 😀",
        to_text: &[
            (0, 0, 0),
            (0, 1, 0),
            (0, 2, 2),
            (0, 3, 3),
            (0, 4, 3),
            (0, 5, 5),
        ],
        to_piece: &[
            (0, Start, Some((0, 0))),
            (1, Start, Some((0, 0))),
            (2, End, Some((0, 2))),
            (3, Start, Some((0, 3))),
            (4, Start, Some((0, 3))),
            (5, End, Some((0, 5))),
        ],
    },
    Case {
        name: "an emoji after collapsed white space",
        pieces: &[T("  😀"), T("  "), T("x")],
        text: "😀 x",
        to_text: &[
            (0, 0, 0),
            (0, 2, 0),
            (0, 3, 0),
            (0, 4, 2),
            (1, 0, 2),
            (1, 1, 3),
            (2, 0, 3),
        ],
        to_piece: &[
            (0, Start, Some((0, 2))),
            (2, End, Some((0, 4))),
            (2, Start, Some((1, 0))),
            (3, Start, Some((2, 0))),
            (3, End, Some((1, 1))),
        ],
    },
    Case {
        name: "Arabic with diacritics",
        pieces: &[T("  مُشَدَّد  ")],
        text: "مُشَدَّد",
        to_text: &[(0, 2, 0), (0, 5, 3), (0, 10, 8), (0, 12, 8)],
        to_piece: &[
            (0, Start, Some((0, 2))),
            (3, Start, Some((0, 5))),
            (8, End, Some((0, 10))),
        ],
    },
    Case {
        name: "diacritics and an emoji across pieces",
        pieces: &[T("كَتَبَ "), T("😀"), T(" الوَلَدُ")],
        text: "كَتَبَ 😀 الوَلَدُ",
        to_text: &[
            (0, 6, 6),
            (0, 7, 7),
            (1, 0, 7),
            (1, 1, 7),
            (1, 2, 9),
            (2, 0, 9),
            (2, 1, 10),
            (2, 9, 18),
        ],
        to_piece: &[
            (7, Start, Some((1, 0))),
            (7, End, Some((0, 7))),
            (8, Start, Some((1, 0))),
            (8, End, Some((0, 7))),
            (9, Start, Some((2, 0))),
            (9, End, Some((1, 2))),
            (10, Start, Some((2, 1))),
            (18, End, Some((2, 9))),
        ],
    },
    Case {
        name: "no pieces",
        pieces: &[],
        text: "",
        to_text: &[(0, 0, 0), (3, 7, 0)],
        to_piece: &[(0, Start, None), (0, End, None), (5, Start, None)],
    },
    Case {
        name: "an empty text piece",
        pieces: &[T("")],
        text: "",
        to_text: &[(0, 0, 0)],
        to_piece: &[(0, Start, None), (0, End, None)],
    },
    Case {
        name: "white space only",
        pieces: &[T("  \n\t "), T(" ")],
        text: "",
        to_text: &[(0, 0, 0), (0, 3, 0), (1, 1, 0)],
        to_piece: &[(0, Start, None), (0, End, None)],
    },
    Case {
        name: "breaks and white space only",
        pieces: &[B, T(" "), B, B],
        text: "",
        to_text: &[(0, 0, 0), (1, 0, 0), (3, 0, 0)],
        to_piece: &[(0, Start, None), (0, End, None)],
    },
    Case {
        name: "out of range clamps",
        pieces: &[T("ab "), T("c")],
        text: "ab c",
        to_text: &[
            (0, 99, 3),
            (1, 99, 4),
            (2, 0, 4),
            (usize::MAX, usize::MAX, 4),
        ],
        to_piece: &[
            (4, Start, Some((1, 1))),
            (5, Start, Some((1, 1))),
            (99, End, Some((1, 1))),
            (usize::MAX, Start, Some((1, 1))),
            (usize::MAX, End, Some((1, 1))),
        ],
    },
];

/// What `text` must be, computed the slow and obvious way: concatenate (text white space as ' ',
/// breaks as '\n'), collapse runs of spaces, drop spaces next to '\n', trim spaces and '\n'.
fn reference(ps: &[Piece]) -> String {
    let mut joined = String::new();
    for p in ps {
        match p {
            Piece::Break => joined.push('\n'),
            Piece::Text(s) => joined.extend(s.chars().map(|c| {
                if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                    ' '
                } else {
                    c
                }
            })),
        }
    }
    let mut collapsed = String::new();
    for c in joined.chars() {
        if !(c == ' ' && collapsed.ends_with(' ')) {
            collapsed.push(c);
        }
    }
    let no_spaces_at_breaks = collapsed.replace(" \n", "\n").replace("\n ", "\n");
    no_spaces_at_breaks.trim_matches([' ', '\n']).to_string()
}

/// The invariants every block must satisfy; panics with `label` on the first failure.
fn check_invariants(label: &str, ps: &[Piece]) {
    let c = Collapsed::new(ps);
    assert_eq!(c.text, reference(ps), "{label}: text");
    let len = c.text.encode_utf16().count();
    assert_eq!(c.len_utf16(), len, "{label}: len_utf16");
    let units: Vec<u16> = c.text.encode_utf16().collect();
    let is_char_start = |t: usize| t >= units.len() || !(0xDC00..0xE000).contains(&units[t]);

    // to_text: monotonic in document order, within the text, never inside a surrogate pair; every
    // kept character round-trips through to_piece.
    let mut last = 0;
    for (i, p) in ps.iter().enumerate() {
        let n = match p {
            Piece::Text(s) => s.encode_utf16().count(),
            Piece::Break => 0,
        };
        for o in 0..=n + 1 {
            let t = c.to_text(i, o);
            assert!(t <= len, "{label}: to_text({i}, {o}) = {t} > {len}");
            assert!(
                t >= last,
                "{label}: to_text({i}, {o}) = {t} went back from {last}"
            );
            assert!(
                is_char_start(t),
                "{label}: to_text({i}, {o}) = {t} splits a pair"
            );
            last = t;
            let kept = t < len && units[t] != u16::from(b'\n') && c.to_text(i, o + 1) > t;
            if kept {
                let (pi, po) = c.to_piece(t, Start).expect("text has a point");
                assert_eq!(c.to_text(pi, po), t, "{label}: round trip of ({i}, {o})");
            }
        }
    }
    assert_eq!(c.to_text(ps.len(), 0), len, "{label}: past the last piece");

    // to_piece: only Text pieces, offsets within them on character boundaries; round trips.
    for t in 0..=len + 1 {
        for bias in [Start, End] {
            let point = c.to_piece(t, bias);
            if len == 0 {
                assert_eq!(
                    point, None,
                    "{label}: to_piece({t}, {bias:?}) of empty text"
                );
                continue;
            }
            let (pi, po) = point.expect("non-empty text has points");
            let Some(Piece::Text(s)) = ps.get(pi) else {
                panic!("{label}: to_piece({t}, {bias:?}) = ({pi}, {po}) is not a text piece");
            };
            let pu: Vec<u16> = s.encode_utf16().collect();
            assert!(po <= pu.len(), "{label}: ({pi}, {po}) past the piece");
            assert!(
                po == pu.len() || !(0xDC00..0xE000).contains(&pu[po]),
                "{label}: ({pi}, {po}) splits a pair"
            );
            let t = t.min(len);
            let back = c.to_text(pi, po);
            let before_is_text = t > 0 && units[t - 1] != u16::from(b'\n');
            let at_is_text = t < len && units[t] != u16::from(b'\n');
            if is_char_start(t)
                && ((bias == Start && at_is_text) || (bias == End && before_is_text))
            {
                assert_eq!(back, t, "{label}: to_text(to_piece({t}, {bias:?}))");
            }
        }
    }
}

#[test]
fn table() {
    for case in CASES {
        let ps = pieces(case.pieces);
        let c = Collapsed::new(&ps);
        assert_eq!(c.text, case.text, "{}: text", case.name);
        for &(p, o, want) in case.to_text {
            assert_eq!(c.to_text(p, o), want, "{}: to_text({p}, {o})", case.name);
        }
        for &(t, bias, want) in case.to_piece {
            assert_eq!(
                c.to_piece(t, bias),
                want,
                "{}: to_piece({t}, {bias:?})",
                case.name
            );
        }
    }
}

#[test]
fn table_invariants() {
    for case in CASES {
        check_invariants(case.name, &pieces(case.pieces));
    }
}

#[test]
fn len_utf16_counts_units() {
    for (ps, want) in [
        (vec![T("😀")], 2),
        (vec![T(" النص "), B, T("هنا")], 8),
        (vec![], 0),
    ] {
        assert_eq!(Collapsed::new(&pieces(&ps)).len_utf16(), want, "{ps:?}");
    }
}

#[test]
fn ends_of_every_block() {
    // At 0 both biases give the first character's start; at the end, the last character's end.
    for case in CASES {
        let c = Collapsed::new(&pieces(case.pieces));
        let len = c.len_utf16();
        if len == 0 {
            continue;
        }
        let first = c.to_piece(0, Start);
        assert_eq!(c.to_piece(0, End), first, "{}", case.name);
        assert_eq!(
            c.to_piece(len, Start),
            c.to_piece(len, End),
            "{}",
            case.name
        );
        let (p, o) = first.unwrap();
        assert_eq!(c.to_text(p, o), 0, "{}", case.name);
        let (p, o) = c.to_piece(len, End).unwrap();
        assert_eq!(c.to_text(p, o), len, "{}", case.name);
    }
}

#[test]
fn generated_blocks() {
    // A deterministic walk over small blocks from an alphabet that mixes every kind of character.
    let alphabet = [
        T(" "),
        T("\n  "),
        T("ب"),
        T("َ"),
        T("😀"),
        T("\u{a0}"),
        T("x \t"),
        T(" y"),
        T(""),
        B,
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for n in 0..2000 {
        let mut ps = Vec::new();
        for _ in 0..(n % 7) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            ps.push(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        check_invariants(&format!("{ps:?}"), &pieces(&ps));
    }
}

#[test]
fn long_block_is_linear() {
    // 20 000 pieces: building and querying must stay fast (quadratic would take minutes).
    let ps: Vec<Piece> = (0..20_000)
        .map(|i| match i % 4 {
            0 => Piece::Text("  الروس ".into()),
            1 => Piece::Break,
            2 => Piece::Text("😀".into()),
            _ => Piece::Text(" \n".into()),
        })
        .collect();
    let c = Collapsed::new(&ps);
    assert_eq!(c.text, reference(&ps));
    let len = c.len_utf16();
    let mut last = 0;
    for (i, _) in ps.iter().enumerate() {
        let t = c.to_text(i, 3);
        assert!(t >= last && t <= len);
        last = t;
    }
    for t in 0..=len {
        assert!(c.to_piece(t, Start).is_some());
        assert!(c.to_piece(t, End).is_some());
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod props {
    use super::*;
    use proptest::prelude::*;

    fn piece() -> impl Strategy<Value = Piece> {
        prop_oneof![
            1 => Just(Piece::Break),
            5 => proptest::collection::vec(
                prop::sample::select(vec![
                    ' ', '\t', '\n', '\r', '\u{c}', '\u{a0}', 'ا', 'ب', 'َ', 'ّ', '😀', '\u{200d}', 'x',
                ]),
                0..8,
            )
            .prop_map(|v| Piece::Text(v.into_iter().collect())),
        ]
    }

    proptest! {
        #[test]
        fn matches_reference_and_round_trips(ps in proptest::collection::vec(piece(), 0..8)) {
            check_invariants(&format!("{ps:?}"), &ps);
        }

        #[test]
        fn never_panics(
            ps in proptest::collection::vec(piece(), 0..6),
            p in 0usize..10,
            o in prop::num::usize::ANY,
            t in prop::num::usize::ANY,
        ) {
            let c = Collapsed::new(&ps);
            prop_assert!(c.to_text(p, o) <= c.len_utf16());
            let _ = c.to_piece(t, Start);
            let _ = c.to_piece(t, End);
        }
    }
}
