//! Re-anchoring after the article changed: one row per kind of edit.

use hamish::core::anchoring::anchor::{anchor_all, Anchor, Method};
use hamish::core::anchoring::selectors::describe;
use hamish::core::anchoring::selectors::TextSelector;
use hamish::core::text::article::bundled;
use hamish::core::text::span::Span;
use hamish::core::text::units::{byte_to_cp, slice_cp};

/// A target for the `nth` occurrence of `quote` in `text`.
fn target(text: &str, quote: &str, nth: usize) -> TextSelector {
    let byte = text
        .match_indices(quote)
        .nth(nth)
        .map(|(b, _)| b)
        .unwrap_or_else(|| panic!("{quote:?} #{nth} not found"));
    let start = byte_to_cp(text, byte);
    describe(text, Span::new(start, start + quote.chars().count()))
}

/// Code point offset of the `nth` occurrence of `needle` in `text`.
fn cp_of(text: &str, needle: &str, nth: usize) -> usize {
    let byte = text
        .match_indices(needle)
        .nth(nth)
        .map(|(b, _)| b)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in the edited text"));
    byte_to_cp(text, byte)
}

struct Case {
    name: &'static str,
    /// The quote in the original article, and which occurrence of it.
    quote: &'static str,
    nth: usize,
    /// Turns the original article into the edited one.
    edit: fn(&str) -> String,
    /// The text the annotation must cover afterwards and which occurrence of it; `None` for an orphan.
    expect: Option<(&'static str, usize)>,
    /// How it must be found.
    method: Option<Method>,
}

const QUOTE: &str = "والدور الذي لعبته روسيا بإقناع الأسد بالتنحي";

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "unchanged",
            quote: QUOTE,
            nth: 0,
            edit: |t| t.to_string(),
            expect: Some((QUOTE, 0)),
            method: Some(Method::Position),
        },
        Case {
            name: "text inserted before the quote",
            quote: QUOTE,
            nth: 0,
            edit: |t| t.replacen("انتشر في", "تحديث: انتشر في", 1),
            expect: Some((QUOTE, 0)),
            method: Some(Method::Exact),
        },
        Case {
            name: "a paragraph added at the top",
            quote: QUOTE,
            nth: 0,
            edit: |t| {
                t.replacen(
                    "\n\n",
                    &format!("\n\n{}\n\n", "فقرة جديدة أضيفت بعد النشر. ".repeat(120)),
                    1,
                )
            },
            expect: Some((QUOTE, 0)),
            method: Some(Method::Exact),
        },
        Case {
            name: "a word deleted inside the quote",
            quote: QUOTE,
            nth: 0,
            edit: |t| t.replacen("الذي لعبته روسيا", "لعبته روسيا", 1),
            expect: Some(("والدور لعبته روسيا بإقناع الأسد بالتنحي", 0)),
            method: Some(Method::Fuzzy),
        },
        Case {
            name: "a word of the quote reworded",
            quote: QUOTE,
            nth: 0,
            edit: |t| t.replacen("بإقناع الأسد", "بإقناع بشار", 1),
            expect: Some(("والدور الذي لعبته روسيا بإقناع بشار بالتنحي", 0)),
            method: Some(Method::Fuzzy),
        },
        Case {
            name: "the same quote twice: the first, by its context",
            quote: "لم يتجاوب",
            nth: 0,
            edit: |t| t.replacen("انتشر في", "قيل إن ", 1),
            expect: Some(("لم يتجاوب", 0)),
            method: Some(Method::Exact),
        },
        Case {
            name: "the same quote twice: the second, by its context, after the first moved",
            quote: "لم يتجاوب",
            nth: 1,
            edit: |t| {
                t.replacen(
                    "لكن الأسد لم يتجاوب بالوقت المناسب",
                    "لكن الأسد لم يتجاوب في الوقت المناسب أبداً",
                    1,
                )
            },
            expect: Some(("لم يتجاوب", 1)),
            method: Some(Method::Exact),
        },
        Case {
            name: "a paragraph moved to the end",
            quote: "ووافقت إيران على هذا السيناريو",
            nth: 0,
            edit: |t| {
                let paragraphs: Vec<&str> = t.split("\n\n").collect();
                let moved = paragraphs[6];
                let mut rest: Vec<&str> =
                    paragraphs.iter().copied().filter(|p| *p != moved).collect();
                rest.push(moved);
                rest.join("\n\n")
            },
            expect: Some(("ووافقت إيران على هذا السيناريو", 0)),
            method: Some(Method::Exact),
        },
        Case {
            name: "diacritics added",
            quote: "الأسد لم يتجاوب بالسرعة المطلوبة",
            nth: 0,
            edit: |t| {
                t.replacen(
                    "الأسد لم يتجاوب بالسرعة المطلوبة",
                    "الأسدُ لم يتجاوبْ بالسرعةِ المطلوبةِ",
                    1,
                )
            },
            expect: Some(("الأسدُ لم يتجاوبْ بالسرعةِ المطلوبةِ", 0)),
            method: Some(Method::Exact),
        },
        Case {
            name: "diacritics removed",
            quote: "أُضف إلى ذلك",
            nth: 0,
            edit: |t| t.replacen("أُضف إلى ذلك", "أضف إلى ذلك", 1),
            expect: Some(("أضف إلى ذلك", 0)),
            method: Some(Method::Exact),
        },
        Case {
            name: "hamza dropped from alef",
            quote: "وأوضحوا له أنه في حال",
            nth: 0,
            edit: |t| t.replacen("وأوضحوا له أنه في حال", "واوضحوا له انه في حال", 1),
            expect: Some(("واوضحوا له انه في حال", 0)),
            method: Some(Method::Exact),
        },
        Case {
            name: "tatweel inserted",
            quote: "حمام دم لن تعرف نهايته",
            nth: 0,
            edit: |t| t.replacen("حمام دم", "حمـــام دم", 1),
            expect: Some(("حمـــام دم لن تعرف نهايته", 0)),
            method: Some(Method::Exact),
        },
        Case {
            name: "white space changed",
            quote: "سيل من المعلومات في وسائل",
            nth: 0,
            edit: |t| t.replacen("سيل من المعلومات في", "سيل  من\nالمعلومات   في", 1),
            expect: Some(("سيل  من\nالمعلومات   في وسائل", 0)),
            method: Some(Method::Exact),
        },
        Case {
            name: "the quote gone entirely",
            quote: "كان من الممكن أن يذهب ضحيتها أكثر من مليون شخص",
            nth: 0,
            edit: |t| {
                t.replacen(
                    "كان من الممكن أن يذهب ضحيتها أكثر من مليون شخص",
                    "وهو ما نفته مصادر أخرى لاحقاً",
                    1,
                )
            },
            expect: None,
            method: None,
        },
        Case {
            name: "a short quote gone, though its word appears elsewhere",
            quote: "دمشق",
            nth: 0,
            edit: |t| t.replacen("للعاصمة دمشق", "للعاصمة", 1),
            expect: None,
            method: None,
        },
        Case {
            name: "the first word replaced: the span starts at its replacement",
            quote: "الأسد لم يتجاوب بالسرعة المطلوبة",
            nth: 0,
            edit: |t| t.replacen("الأسد لم يتجاوب بالسرعة", "النظام لم يتجاوب بالسرعة", 1),
            expect: Some(("النظام لم يتجاوب بالسرعة المطلوبة", 0)),
            method: Some(Method::Fuzzy),
        },
        Case {
            name: "the first word deleted: the span starts at the second",
            quote: "وأوضحوا له أنه في حال تم ذلك",
            nth: 0,
            edit: |t| t.replacen("وأوضحوا له أنه", "له أنه", 1),
            expect: Some(("له أنه في حال تم ذلك", 0)),
            method: Some(Method::Fuzzy),
        },
        Case {
            name: "the last word deleted: the span ends at the one before",
            quote: "سيل من المعلومات في وسائل التواصل",
            nth: 0,
            edit: |t| t.replacen("وسائل التواصل الاجتماعي", "وسائل الاجتماعي", 1),
            expect: Some(("سيل من المعلومات في وسائل", 0)),
            method: Some(Method::Fuzzy),
        },
        Case {
            name: "the last word replaced by a longer one: the span ends after all of it",
            quote: "حول حجم الاستعدادات له",
            nth: 0,
            edit: |t| t.replacen("الاستعدادات له", "الاستعدادات للمعركة", 1),
            expect: Some(("حول حجم الاستعدادات للمعركة", 0)),
            method: Some(Method::Fuzzy),
        },
        Case {
            name: "a word inserted just before a changed quote stays outside it",
            quote: "تجاوب الأهالي الواسع معها",
            nth: 0,
            edit: |t| t.replacen("واضحاً تجاوب الأهالي الواسع", "واضحاً جداً تجاوب الأهالي", 1),
            expect: Some(("تجاوب الأهالي معها", 0)),
            method: Some(Method::Fuzzy),
        },
        Case {
            name: "a word inserted just after a changed quote stays outside it",
            quote: "حول حقيقة ما حصل في سوريا",
            nth: 0,
            edit: |t| t.replacen("حقيقة ما حصل في سوريا", "حقيقة حصل في سوريا أمس", 1),
            expect: Some(("حول حقيقة حصل في سوريا", 0)),
            method: Some(Method::Fuzzy),
        },
        Case {
            name: "a third of the words changed, found by the context on both sides",
            quote: "لبحث آليات تفادي وقوع اقتتال مدمر",
            nth: 0,
            edit: |t| t.replacen("لبحث آليات تفادي وقوع", "لبحث سبل تفادي اندلاع", 1),
            expect: Some(("لبحث سبل تفادي اندلاع اقتتال مدمر", 0)),
            method: Some(Method::Fuzzy),
        },
        Case {
            name: "a two-word quote with one word replaced, found by its context",
            quote: "بفتح حوار",
            nth: 0,
            edit: |t| t.replacen("بفتح حوار سياسي", "بفتح نقاش سياسي", 1),
            expect: Some(("بفتح نقاش", 0)),
            method: Some(Method::Fuzzy),
        },
        Case {
            name: "a letter attached to a one-word quote: the whole new word, not the inside of it",
            quote: "الأتراك",
            nth: 0,
            edit: |t| t.replacen("مع الأتراك", "مع والأتراك", 1),
            expect: Some(("والأتراك", 0)),
            method: Some(Method::Fuzzy),
        },
        Case {
            name: "the same quote twice, both changed: the second, by its context",
            quote: "الأسد لم يتجاوب",
            nth: 1,
            edit: |t| t.replace("الأسد لم يتجاوب", "الأسد لم يستجب"),
            expect: Some(("الأسد لم يستجب", 1)),
            method: Some(Method::Fuzzy),
        },
        Case {
            name: "a word doubled by an edit next to a moved quote: an orphan, not a guess",
            quote: "الأتراك",
            nth: 0,
            edit: |t| {
                t.replacen("وفي محاولة", "وفي محاولة جديدة", 1).replacen(
                    "مع الأتراك وإيران",
                    "مع الأتراك الأتراك وإيران",
                    1,
                )
            },
            expect: None,
            method: None,
        },
        Case {
            name: "most of the words replaced, though the context agrees: an orphan",
            quote: "لبحث آليات تفادي وقوع اقتتال مدمر",
            nth: 0,
            edit: |t| t.replacen("لبحث آليات تفادي وقوع اقتتال", "لمنع أي حرب أهلية", 1),
            expect: None,
            method: None,
        },
        Case {
            name: "an emoji before the quote (code points, not UTF-16)",
            quote: QUOTE,
            nth: 0,
            edit: |t| t.replacen("انتشر في", "🇸🇾😀 انتشر في", 1),
            expect: Some((QUOTE, 0)),
            method: Some(Method::Exact),
        },
    ]
}

#[test]
fn annotations_follow_their_text_through_edits() {
    let original = bundled().text;
    let mut failures = Vec::new();
    for case in cases() {
        let t = target(&original, case.quote, case.nth);
        let edited = (case.edit)(&original);
        let anchors = anchor_all(&edited, std::slice::from_ref(&t));
        match (anchors[0], case.expect) {
            (
                Anchor::Found {
                    span: Span { start, end },
                    method,
                    ..
                },
                Some((text, nth)),
            ) => {
                let found = slice_cp(&edited, start, end);
                if found != text || start != cp_of(&edited, text, nth) {
                    failures.push(format!("{}: found {found:?} at {start}", case.name));
                } else if case.method.is_some_and(|m| m != method) {
                    failures.push(format!("{}: found by {method:?}", case.name));
                }
            }
            (Anchor::Orphan, None) => {}
            (got, want) => failures.push(format!("{}: got {got:?}, wanted {want:?}", case.name)),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_position_alone_or_a_quote_alone_is_enough() {
    let text = bundled().text;
    let full = target(&text, QUOTE, 0);
    let position_only = TextSelector {
        position: full.position,
        ..TextSelector::default()
    };
    let quote_only = TextSelector {
        exact: full.exact.clone(),
        ..TextSelector::default()
    };
    let anchors = anchor_all(&text, &[position_only, quote_only]);
    for a in anchors {
        let Anchor::Found {
            span: Span { start, end },
            ..
        } = a
        else {
            panic!("orphan")
        };
        assert_eq!(slice_cp(&text, start, end), QUOTE);
    }
    let out_of_range = TextSelector {
        position: Some(Span::new(10_000, 10_010)),
        ..TextSelector::default()
    };
    assert_eq!(anchor_all(&text, &[out_of_range]), vec![Anchor::Orphan]);
}

#[test]
fn neighbours_shift_carries_to_the_next_annotation() {
    let text = bundled().text;
    let targets = vec![
        target(&text, "روسيا", 0),
        target(&text, "الروس", 1),
        target(&text, "موسكو", 0),
    ];
    let edited = text.replacen("مصادر روسية", &"إضافة ".repeat(3000), 1);
    let anchors = anchor_all(&edited, &targets);
    for (a, (quote, nth)) in anchors
        .iter()
        .zip([("روسيا", 0), ("الروس", 1), ("موسكو", 0)])
    {
        let Anchor::Found {
            span: Span { start, end },
            ..
        } = *a
        else {
            panic!("{quote} orphaned")
        };
        assert_eq!(slice_cp(&edited, start, end), quote);
        assert_eq!(start, cp_of(&edited, quote, nth), "{quote}");
    }
}

#[test]
fn reattaching_redescribes_what_moved_and_orphans_what_is_gone() {
    use hamish::core::annotations::model::{Annotation, Kind};
    use hamish::core::annotations::reattach::{reattach, Reattached};
    let text = bundled().text;
    let make = |quote: &str, id: &str| {
        let t = target(&text, quote, 0);
        Annotation::new(id.into(), Kind::Claim, t, "2026-11-29T00:00:00Z")
    };
    let mut anns = vec![
        make("روسيا", "a"),
        make("أكثر من مليون شخص", "b"),
        make("دمشق", "c"),
    ];
    let unchanged = anns.clone();
    assert_eq!(
        reattach(&text, &mut anns),
        Reattached {
            in_place: 3,
            ..Reattached::default()
        }
    );
    assert_eq!(anns, unchanged);
    let edited =
        text.replacen("مصادر روسية", "مصادر روسيةُ", 1)
            .replacen("أكثر من مليون شخص", "كثيرون", 1);
    assert_eq!(
        reattach(&edited, &mut anns),
        Reattached {
            in_place: 0,
            moved: 2,
            orphaned: 1,
            ..Reattached::default()
        }
    );
    assert_eq!(
        slice_cp(&edited, anns[0].span().start, anns[0].span().end),
        anns[0].target.exact
    );
    assert_eq!(
        anns[2].target.prefix.chars().count(),
        32,
        "context is re-read from the edited text"
    );
    assert!(anns[1].orphan);
    assert_eq!(anns[1].target.exact, "أكثر من مليون شخص");
    // The orphan stays an orphan, the others stay put, when the same text is loaded again.
    assert_eq!(
        reattach(&edited, &mut anns),
        Reattached {
            in_place: 2,
            moved: 0,
            orphaned: 1,
            ..Reattached::default()
        }
    );
}

/// A claim already looked at (a verdict, or a status past unverified) found in other words is
/// reported with the words checked and the words now: its verdict may no longer fit. A claim not yet
/// looked at, an entity tag, or one that only moved is not.
#[test]
fn claims_already_checked_found_in_other_words_are_reported() {
    use hamish::core::annotations::model::{Annotation, Kind};
    use hamish::core::annotations::reattach::reattach;
    use hamish::core::claims::claim::Status;
    let text = bundled().text;
    let make = |quote: &str, id: &str, kind: Kind| {
        let t = target(&text, quote, 0);
        Annotation::new(id.into(), kind, t, "2026-11-29T00:00:00Z")
    };
    let quote = "روسيا بإقناع الأسد بالتنحي";
    let mut checked = make(quote, "checked", Kind::Claim);
    checked.claim.verdict = Some("false".into());
    let mut in_review = make(quote, "in-review", Kind::Claim);
    in_review.claim.status = Status::InReview;
    let mut anns = vec![
        checked,
        in_review,
        make(quote, "unchecked", Kind::Claim),
        make(quote, "tag", Kind::Entity("russia".into())),
    ];
    let edited = format!(
        "سطر جديد\n\n{}",
        text.replacen("بإقناع الأسد", "بإقناع بشار الأسد", 1)
    );
    let before: Vec<TextSelector> = anns.iter().map(|a| a.target.clone()).collect();
    let summary = reattach(&edited, &mut anns);
    assert_eq!(summary.moved, 4);
    let now = "روسيا بإقناع بشار الأسد بالتنحي".to_string();
    let listed: Vec<(&str, &TextSelector, &str)> = summary
        .reworded
        .1
        .iter()
        .map(|r| (r.id.as_str(), &r.was, r.now.as_str()))
        .collect();
    assert_eq!(summary.reworded.0, 2);
    assert_eq!(
        listed,
        vec![
            ("checked", &before[0], now.as_str()),
            ("in-review", &before[1], now.as_str())
        ]
    );
    // The reader says the words now are not the claim's: back on the words checked, an orphan that
    // re-anchoring leaves alone (not found again, not counted), until it is attached by hand.
    anns[0].detach(before[0].clone());
    let again = reattach(&edited, &mut anns);
    assert_eq!((again.in_place, again.moved, again.orphaned), (3, 0, 0));
    assert!(anns[0].orphan && anns[0].detached);
    assert_eq!(anns[0].target, before[0]);
    anns[0].attach(before[1].clone());
    assert!(!anns[0].orphan && !anns[0].detached);
    // Only moved, or spelt otherwise (a diacritic, a tatweel, Arabic-Indic digits): not reworded.
    for (quote, edited) in [
        (quote, format!("سطر جديد\n\n{text}")),
        (quote, text.replacen("روسيا بإقناع", "روسيـا بإقناعِ", 1)),
        ("فإن نحو 80% من", text.replacen("نحو 80%", "نحو ٨٠٪", 1)),
    ] {
        let mut anns = vec![make(quote, "checked", Kind::Claim)];
        anns[0].claim.verdict = Some("false".into());
        let summary = reattach(&edited, &mut anns);
        assert_eq!((summary.moved, summary.reworded.0), (1, 0), "{edited:.40}");
    }
}

#[test]
fn a_place_the_page_followed_wins_over_a_copy_of_the_quote_before_it() {
    use hamish::core::annotations::model::{Annotation, Kind};
    use hamish::core::annotations::reattach::{prefer_followed, reattach};
    let text = "First paragraph.\n\nSecond one: Russian intelligence said so.";
    let quote = "Russian intelligence";
    let make = || {
        Annotation::new(
            "a".into(),
            Kind::Claim,
            target(text, quote, 0),
            "2026-12-06T00:00:00Z",
        )
    };
    // A pull quote of the second paragraph put before it.
    let edited = "First paragraph.\n\nSecond one: Russian intelligence said so.\n\nSecond one: Russian intelligence said so.";
    let copy = cp_of(edited, quote, 0);
    let own = cp_of(edited, quote, 1);
    let span = |start: usize| Span::new(start, start + quote.chars().count());
    // (where the page says the text went, where it is found)
    let cases = [
        (None, copy),
        (Some(span(own)), own),
        // Over other text, or out of the text: not taken.
        (Some(span(own - 3)), copy),
        (Some(Span::new(own, own + 10_000)), copy),
        (Some(Span::new(own, own)), copy),
    ];
    for (followed, found) in cases {
        let mut anns = vec![make()];
        prefer_followed(edited, &mut anns, &[followed]);
        reattach(edited, &mut anns);
        assert_eq!(anns[0].span(), span(found), "followed {followed:?}");
        assert_eq!(anns[0].target.exact, quote);
    }
}

/// Sentences that differ only in their number word, each a claim, every one edited the same way:
/// each claim must stay on its own sentence (its number), or be an orphan, never on a neighbour.
#[test]
fn near_identical_sentences_all_edited_keep_their_claims() {
    let numbers = [
        "عشرة",
        "عشرين",
        "ثلاثين",
        "أربعين",
        "خمسين",
        "ستين",
        "سبعين",
        "ثمانين",
    ];
    let sentences: Vec<String> = numbers
        .iter()
        .map(|n| format!("قالت المصادر إن روسيا أرسلت {n} جنديا إلى المدينة الساحلية في الشمال"))
        .collect();
    // Each edit, and the quote expected afterwards (a word inserted before the quote is not in it).
    let edits: [(&str, fn(&str) -> String, fn(&str) -> String); 5] = [
        (
            "a word inserted",
            |s| s.replace("الساحلية", "الشمالية الساحلية"),
            |s| s.replace("الساحلية", "الشمالية الساحلية"),
        ),
        (
            "a word deleted",
            |s| s.replace("الساحلية ", ""),
            |s| s.replace("الساحلية ", ""),
        ),
        (
            "the first word replaced",
            |s| s.replace("قالت", "ذكرت"),
            |s| s.replace("قالت", "ذكرت"),
        ),
        (
            "the last word replaced",
            |s| s.replace("الشمال", "الجنوب"),
            |s| s.replace("الشمال", "الجنوب"),
        ),
        (
            "a word inserted before",
            |s| format!("أمس {s}"),
            |s| s.to_string(),
        ),
    ];
    let title = "عنوان تجريبي عن روسيا وتركيا".to_string();
    let original = [vec![title.clone()], sentences.clone()]
        .concat()
        .join("\n\n");
    let targets: Vec<TextSelector> = sentences.iter().map(|s| target(&original, s, 0)).collect();
    let (mut wrong, mut found_right) = (Vec::new(), 0);
    for (name, edit, expected) in edits {
        let edited_sentences: Vec<String> = sentences.iter().map(|s| edit(s)).collect();
        let edited = [vec![title.clone()], edited_sentences]
            .concat()
            .join("\n\n");
        for (i, a) in anchor_all(&edited, &targets).iter().enumerate() {
            match *a {
                Anchor::Found { span, .. } => {
                    let found = slice_cp(&edited, span.start, span.end);
                    if found != expected(&sentences[i]) {
                        wrong.push(format!("{name}, {}: {found:?}", numbers[i]));
                    } else {
                        found_right += 1;
                    }
                }
                // Where only the place tells a sentence from its neighbours (see the anchorer's
                // `best_of`), an orphan: never a neighbour.
                Anchor::Orphan => {}
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(found_right >= 25, "only {found_right} of 40 found");
}

/// Sentences of one paragraph that differ in one word: the claimed sentence (or part of it) edited,
/// alone or with its neighbour, or a sentence before it deleted; the claim must stay there (or, where
/// only the place could tell, be an orphan), never move to a neighbour that now looks more like its
/// old words.
#[test]
fn a_claim_on_one_of_similar_sentences_stays_when_that_sentence_is_edited() {
    let ordinals = [
        "الأولى",
        "الثانية",
        "الثالثة",
        "الرابعة",
        "الخامسة",
        "السادسة",
    ];
    let sentence = |o: &str| format!("أعلنت الوزارة أن القوات انسحبت من البلدة {o} بعد قصف عنيف");
    let original: String = ordinals.iter().map(|o| sentence(o) + ". ").collect();
    let (third, fourth) = (sentence(ordinals[2]), sentence(ordinals[3]));
    let part = "القوات انسحبت من البلدة الرابعة";
    // (what, the claim's quote, the edit, what the claim must cover afterwards, whether it may be an
    // orphan instead)
    let cases: [(&str, &str, String, String, bool); 7] = [
        (
            "its last word replaced",
            &fourth,
            original.replace(&fourth, &fourth.replace("عنيف", "متواصل")),
            fourth.replace("عنيف", "متواصل"),
            false,
        ),
        (
            "its first word replaced",
            &fourth,
            original.replace(&fourth, &fourth.replace("أعلنت", "أكدت")),
            fourth.replace("أعلنت", "أكدت"),
            false,
        ),
        (
            "its last word and the one before's replaced",
            &fourth,
            original
                .replace(&fourth, &fourth.replace("عنيف", "مكثف"))
                .replace(&third, &third.replace("عنيف", "متواصل")),
            fourth.replace("عنيف", "مكثف"),
            true,
        ),
        (
            "its first word and the one before's last replaced",
            &fourth,
            original
                .replace(&fourth, &fourth.replace("أعلنت", "أكدت"))
                .replace(&third, &third.replace("عنيف", "متواصل")),
            fourth.replace("أعلنت", "أكدت"),
            true,
        ),
        (
            "part of it, its first word replaced",
            part,
            original.replace(part, &part.replace("القوات", "الجنود")),
            part.replace("القوات", "الجنود"),
            true,
        ),
        (
            "part of it, its last word replaced",
            part,
            original.replace(part, &part.replace("الرابعة", "المجاورة")),
            part.replace("الرابعة", "المجاورة"),
            true,
        ),
        (
            "the sentence before deleted, its last word replaced",
            &fourth,
            original
                .replace(&format!("{third}. "), "")
                .replace(&fourth, &fourth.replace("عنيف", "مكثف")),
            fourth.replace("عنيف", "مكثف"),
            true,
        ),
    ];
    let mut wrong = Vec::new();
    for (name, quote, edited, now, may_orphan) in cases {
        let targets = [target(&original, quote, 0)];
        match anchor_all(&edited, &targets)[0] {
            Anchor::Found { span, .. } => {
                let found = slice_cp(&edited, span.start, span.end);
                if found != now || span.start != cp_of(&edited, &now, 0) {
                    wrong.push(format!("{name}: {found:?} at {}", span.start));
                }
            }
            Anchor::Orphan if may_orphan => {}
            Anchor::Orphan => wrong.push(format!("{name}: orphan")),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A re-check's 45 claims on look-alike sentences (English and Arabic, one to three claims per
/// article; `lookalikes.json`: the text before, each claim's span, the text after and where each
/// claim should be, absent where an orphan is right), edited as publishers do: a paragraph above
/// deleted or inserted, paragraphs swapped, the claim's first or last word replaced, a copy left
/// behind. At this stop's start 18 landed on a wrong sentence; the six still wrong are listed in the
/// README ("Anchoring"). Any more is a regression.
/// Runs a file of cases (`v1`, `v2`, claims' spans in `v1`, and where each should be in `v2`, absent
/// where an orphan is right): how many are found right (start within 2 code points), how many are
/// orphans (and which of them had a place to be found), and a line for each found in the wrong place.
fn run_cases(json: &str) -> (usize, Vec<String>, Vec<String>) {
    let cases: serde_json::Value = serde_json::from_str(json).expect("the cases");
    let span = |v: &serde_json::Value| {
        let at = |i: usize| v[i].as_u64().map_or(0, |n| n as usize);
        (at(0), at(1))
    };
    let (mut right, mut orphans, mut wrong) = (0, Vec::new(), Vec::new());
    for case in cases.as_array().into_iter().flatten() {
        let (before, after) = (
            case["v1"].as_str().unwrap_or(""),
            case["v2"].as_str().unwrap_or(""),
        );
        let claims = case["claims"].as_object().expect("claims");
        let targets: Vec<TextSelector> = claims
            .values()
            .map(|s| {
                let (start, end) = span(s);
                describe(before, Span::new(start, end))
            })
            .collect();
        for ((name, _), anchor) in claims.iter().zip(anchor_all(after, &targets)) {
            let want = case["want"].get(name).map(span);
            match (anchor, want) {
                (Anchor::Orphan, _) => orphans.push(format!(
                    "{}/{} {name}{}",
                    case["group"],
                    case["name"],
                    if want.is_some() {
                        " (its words are there)"
                    } else {
                        ""
                    }
                )),
                (Anchor::Found { span, .. }, Some((start, _)))
                    if span.start.abs_diff(start) <= 2 =>
                {
                    right += 1
                }
                (Anchor::Found { span, .. }, _) => wrong.push(format!(
                    "{}/{} {name}: at {}, wanted {want:?}",
                    case["group"], case["name"], span.start
                )),
            }
        }
    }
    (right, orphans, wrong)
}

#[test]
fn look_alike_sentences_edited_are_found_or_orphaned() {
    let (right, orphans, wrong) = run_cases(include_str!("lookalikes.json"));
    println!(
        "look-alikes: {right} right, {} orphans, {} wrong",
        orphans.len(),
        wrong.len()
    );
    assert!(
        wrong.len() <= 6 && right >= 24,
        "{right} right\n{}",
        wrong.join("\n")
    );
}

/// Claims in a news article (the seed, and an English one with figures per town, a headline its
/// lede repeats, a pull quote repeated in the body) edited as newsrooms do: an update paragraph on
/// top, a correction below, a figure or a word changed inside a claim, a paragraph inserted, deleted,
/// split or moved, one copy of a repeated quote edited, a paragraph with the same figures inserted
/// above (three checks of the built page, 2026-12-07; 90 edited versions, 356 claims).
#[test]
fn claims_in_a_news_article_edited_as_newsrooms_do() {
    let (right, orphans, wrong) = run_cases(include_str!("newsroom.json"));
    println!(
        "newsroom: {right} right, {} orphans, {} wrong\n{}\n{}",
        orphans.len(),
        wrong.len(),
        wrong.join("\n"),
        orphans.join("\n")
    );
    // With the anchorer of 2026-12-07's morning: 336 right, 6 orphans, 14 wrong. Of the four still
    // wrong, three are claims whose words were deleted, found on a look-alike, and one a short quote
    // whose paragraph's twin now stands where it stood (README, "When the article changes").
    assert!(
        wrong.len() <= 4 && right >= 341,
        "{right} right\n{}",
        wrong.join("\n")
    );
}
