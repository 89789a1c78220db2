//! The keyboard cursor: words, sentences and moves over Arabic text, in code points.

use hamish::core::text::cursor::{Arrow, Cursor, Step, Words};
use hamish::core::text::span::Span;
use hamish::core::text::units::slice_cp;

/// Two paragraphs: three sentences (ended by `.` and `؟`), then a paragraph without a full stop.
const TEXT: &str = "قال الرئيس: «روسيا أقنعت الأسد». هل غادر دمشق؟ نعم\n\nتركيا، وإيران 2024…";

fn words_of(text: &str) -> Vec<&str> {
    let words = Words::new(text);
    (0..words.len())
        .map(|i| {
            let w = words.word(i);
            slice_cp(text, w.start, w.end)
        })
        .collect()
}

#[test]
fn words_are_letters_and_digits_never_punctuation() {
    let cases: &[(&str, &[&str])] = &[
        (
            TEXT,
            &[
                "قال",
                "الرئيس",
                "روسيا",
                "أقنعت",
                "الأسد",
                "هل",
                "غادر",
                "دمشق",
                "نعم",
                "تركيا",
                "وإيران",
                "2024",
            ],
        ),
        // Diacritics and tatweel stay inside their word; a number with a decimal point is one word.
        (
            "بِإقْناعِ الأســد ٣.٥ مليار",
            &["بِإقْناعِ", "الأســد", "٣.٥", "مليار"],
        ),
        // Astral characters count as one code point each.
        ("😀 روسيا 😀 تركيا", &["روسيا", "تركيا"]),
        ("، . ؟", &[]),
        ("", &[]),
    ];
    for (text, expected) in cases {
        assert_eq!(&words_of(text), expected, "{text}");
    }
}

#[test]
fn sentences_end_at_stops_question_marks_and_paragraph_breaks() {
    let words = Words::new(TEXT);
    let sentence_of = |word: &str| {
        let i = words_of(TEXT).iter().position(|w| *w == word).unwrap();
        let (a, b) = words.sentence(i);
        let (a, b) = (words.word(a), words.word(b));
        slice_cp(TEXT, a.start, b.end).to_string()
    };
    let cases = [
        ("قال", "قال الرئيس: «روسيا أقنعت الأسد"),
        ("الأسد", "قال الرئيس: «روسيا أقنعت الأسد"),
        ("غادر", "هل غادر دمشق"),
        ("نعم", "نعم"),
        ("وإيران", "تركيا، وإيران 2024"),
    ];
    for (word, sentence) in cases {
        assert_eq!(sentence_of(word), sentence, "{word}");
    }
    let text = "أولى! ثانية? ثالثة… رابعة";
    let words = Words::new(text);
    let firsts: Vec<usize> = (0..words.len()).map(|i| words.sentence(i).0).collect();
    assert_eq!(firsts, [0, 1, 2, 3]);
}

#[test]
fn moves_by_word_and_by_sentence_extend_with_shift_and_stop_at_the_ends() {
    let words = Words::new(TEXT);
    let text_of = |c: Cursor| {
        let s = c.span(&words);
        slice_cp(TEXT, s.start, s.end).to_string()
    };
    use Step::*;
    // (start word, moves with Shift held or not, the selected text)
    let cases: &[(usize, &[(Step, bool)], &str)] = &[
        (0, &[], "قال"),
        (0, &[(NextWord, false)], "الرئيس"),
        (0, &[(NextWord, false), (NextWord, false)], "روسيا"),
        (0, &[(PreviousWord, false)], "قال"),
        (11, &[(NextWord, false)], "2024"),
        (2, &[(NextWord, true), (NextWord, true)], "روسيا أقنعت الأسد"),
        (
            4,
            &[(PreviousWord, true), (PreviousWord, true)],
            "روسيا أقنعت الأسد",
        ),
        (
            2,
            &[(NextWord, true), (PreviousWord, true), (PreviousWord, true)],
            "الرئيس: «روسيا",
        ),
        (0, &[(NextSentence, false)], "هل"),
        (0, &[(NextSentence, false), (NextSentence, false)], "نعم"),
        (
            0,
            &[
                (NextSentence, false),
                (NextSentence, false),
                (NextSentence, false),
            ],
            "تركيا",
        ),
        (9, &[(NextSentence, false)], "تركيا"),
        (6, &[(PreviousSentence, false)], "هل"),
        (5, &[(PreviousSentence, false)], "قال"),
        (0, &[(PreviousSentence, false)], "قال"),
        (2, &[(NextSentence, true)], "روسيا أقنعت الأسد"),
        (
            0,
            &[(NextSentence, true), (NextSentence, true)],
            "قال الرئيس: «روسيا أقنعت الأسد». هل غادر دمشق",
        ),
        (7, &[(PreviousSentence, true)], "هل غادر دمشق"),
        (2, &[(NextWord, true), (NextWord, false)], "الأسد"),
    ];
    for (start, moves, expected) in cases {
        let mut cursor = Cursor::on(*start);
        for &(step, extend) in *moves {
            cursor = cursor.step(&words, step, extend);
        }
        assert_eq!(text_of(cursor), *expected, "from {start} by {moves:?}");
    }
}

#[test]
fn arrows_follow_the_direction_of_the_block() {
    use Arrow::*;
    use Step::*;
    let cases = [
        (Left, "rtl", false, NextWord),
        (Right, "rtl", false, PreviousWord),
        (Left, "ltr", false, PreviousWord),
        (Right, "ltr", false, NextWord),
        (Left, "rtl", true, NextSentence),
        (Right, "rtl", true, PreviousSentence),
        (Right, "ltr", true, NextSentence),
        (Up, "rtl", false, PreviousSentence),
        (Down, "ltr", false, NextSentence),
    ];
    for (arrow, dir, ctrl, step) in cases {
        assert_eq!(arrow.step(dir, ctrl), step, "{arrow:?} in {dir}");
    }
    assert_eq!(Arrow::from_key("ArrowLeft"), Some(Left));
    assert_eq!(Arrow::from_key("Enter"), None);
}

#[test]
fn a_selection_is_taken_up_word_by_word() {
    let words = Words::new(TEXT);
    // "روسيا أقنعت" starts at code point 13.
    assert_eq!(slice_cp(TEXT, 13, 24), "روسيا أقنعت");
    let cases = [
        (
            Span::new(13, 24),
            Some(Cursor {
                anchor: 2,
                focus: 3,
            }),
        ),
        (Span::new(15, 16), Some(Cursor::on(2))),
        (Span::new(11, 13), None),
        (Span::new(0, 0), None),
    ];
    for (span, cursor) in cases {
        assert_eq!(words.covering(span), cursor, "{span:?}");
    }
    assert_eq!(words.at(0), 0);
    assert_eq!(words.at(11), 2, "between words: the next one");
    assert_eq!(words.at(10_000), words.len() - 1);
    assert!(Words::new("").is_empty());
    assert_eq!(
        Cursor::on(3).step(&Words::new(""), Step::NextWord, false),
        Cursor::on(0)
    );
}
