//! Finding entity mentions: the bundled article mention by mention, then every matching rule and
//! every trap word, in Arabic and English.

use hamish::core::entities::mentions::{Matcher, Mention};
use hamish::core::entities::registry::{default_registry, Entity};
use hamish::core::text::article::bundled;
use hamish::core::text::span::Span;
use hamish::core::text::units::slice_cp;

/// (entity, start, end, covered text) — code points over the bundled article's text.
const ARTICLE: &[(&str, usize, usize, &str)] = &[
    // Title.
    ("russia", 6, 11, "روسية"),
    ("al-assad", 43, 48, "الأسد"),
    // Paragraph 1.
    ("russia", 120, 127, "الروسية"),
    ("al-assad", 214, 224, "بشار الأسد"),
    ("russia", 244, 249, "روسيا"),
    ("al-assad", 257, 262, "الأسد"),
    // Paragraph 2: "لبشار الأسد" without its ل.
    ("russia", 358, 365, "الروسية"),
    ("russia", 479, 484, "الروس"),
    ("al-assad", 493, 503, "بشار الأسد"),
    ("russia", 643, 648, "الروس"),
    ("al-assad", 649, 654, "الأسد"),
    ("al-assad", 705, 710, "الأسد"),
    ("russia", 745, 751, "الروسي"),
    // Paragraph 3: "للروس" is ل + الروس, the span starting at the second ل.
    ("russia", 778, 782, "لروس"),
    ("russia", 976, 981, "موسكو"),
    // Paragraph 4.
    ("russia", 1097, 1102, "الروس"),
    ("al-assad", 1222, 1227, "الأسد"),
    ("al-assad", 1352, 1357, "الأسد"),
    // Paragraph 5: "وإيران" without its و.
    ("russia", 1420, 1425, "الروس"),
    ("turkey", 1429, 1436, "الأتراك"),
    ("iran", 1438, 1443, "إيران"),
    // Paragraph 6: "تتركز" (1743) is not Turkey; "والإيراني" without its و.
    ("russia", 1708, 1713, "موسكو"),
    ("russia", 1798, 1803, "موسكو"),
    ("al-assad", 1807, 1812, "الأسد"),
    ("turkey", 1902, 1908, "التركي"),
    ("iran", 1910, 1918, "الإيراني"),
    ("iran", 1927, 1932, "إيران"),
    // Paragraph 7: "بالأسد" without its ب.
    ("al-assad", 2163, 2168, "الأسد"),
    // Paragraph 8.
    ("al-assad", 2324, 2329, "الأسد"),
    // Paragraph 9.
    ("russia", 2551, 2556, "الروس"),
    // Paragraph 10 (the comment form's "اترك تعليقاً" after it is not the article).
    ("russia", 2755, 2760, "روسية"),
    ("russia", 2776, 2783, "الروسية"),
    ("al-assad", 2899, 2904, "الأسد"),
];

#[test]
fn the_bundled_article_names_exactly_these() {
    let text = bundled().text;
    let found = Matcher::new(&default_registry()).find(&text);
    for &(entity, start, end, covered) in ARTICLE {
        assert_eq!(slice_cp(&text, start, end), covered, "{entity} at {start}");
    }
    let expected: Vec<Mention> = ARTICLE
        .iter()
        .map(|&(entity, start, end, _)| Mention {
            entity: entity.into(),
            span: Span::new(start, end),
        })
        .collect();
    assert_eq!(found, expected);
    let count = |id: &str| found.iter().filter(|m| m.entity == id).count();
    assert_eq!(
        [
            count("russia"),
            count("turkey"),
            count("iran"),
            count("al-assad")
        ],
        [16, 2, 3, 12]
    );
}

/// The mentions of `text` found by `matcher`, as (entity, covered text).
fn named_by(matcher: &Matcher, text: &str) -> Vec<(String, String)> {
    matcher
        .find(text)
        .into_iter()
        .map(|m| {
            (
                m.entity,
                slice_cp(text, m.span.start, m.span.end).to_string(),
            )
        })
        .collect()
}

/// Checks a table of (text, expected (entity, covered text) in order).
fn check(cases: &[(&str, &[(&str, &str)])]) {
    let matcher = Matcher::new(&default_registry());
    for &(text, expected) in cases {
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|&(e, c)| (e.to_string(), c.to_string()))
            .collect();
        assert_eq!(named_by(&matcher, text), expected, "in {text:?}");
    }
}

#[test]
fn proclitics_stay_outside_the_span() {
    check(&[
        ("روسيا", &[("russia", "روسيا")]),
        ("وروسيا", &[("russia", "روسيا")]),
        ("فروسيا", &[("russia", "روسيا")]),
        ("بروسيا", &[("russia", "روسيا")]),
        ("لروسيا", &[("russia", "روسيا")]),
        ("كروسيا", &[("russia", "روسيا")]),
        ("وبروسيا", &[("russia", "روسيا")]),
        ("ولتركيا", &[("turkey", "تركيا")]),
        ("وكإيران", &[("iran", "إيران")]),
        ("فبإيران", &[("iran", "إيران")]),
        ("فلطهران", &[("iran", "طهران")]),
        ("فكأنقرة", &[("turkey", "أنقرة")]),
        // With the article: ب + ال is written بال and keeps the article in the span.
        ("بالأسد", &[("al-assad", "الأسد")]),
        ("وبالروسية", &[("russia", "الروسية")]),
        ("كالأتراك", &[("turkey", "الأتراك")]),
        ("والإيرانيين", &[("iran", "الإيرانيين")]),
        ("فالكرملين", &[("russia", "الكرملين")]),
    ]);
}

#[test]
fn lam_and_the_article_merge_into_lam_lam() {
    check(&[
        ("للروس", &[("russia", "لروس")]),
        ("للأسد", &[("al-assad", "لأسد")]),
        ("للإيرانيين", &[("iran", "لإيرانيين")]),
        ("وللأتراك", &[("turkey", "لأتراك")]),
        ("فللروسية", &[("russia", "لروسية")]),
        // Without a preposition ل before it, لروس is not الروس.
        ("لروس", &[]),
        ("بلروس", &[]),
    ]);
}

#[test]
fn a_bare_form_also_takes_the_article() {
    let syria = Entity {
        id: "syria".into(),
        label_en: "Syria".into(),
        label_ar: "سوريا".into(),
        color: "#000000".into(),
        wikidata: None,
        forms: vec!["سوري".into()],
    };
    let matcher = Matcher::new(&[syria]);
    let s = |c: &str| vec![("syria".to_string(), c.to_string())];
    assert_eq!(named_by(&matcher, "سوري"), s("سوري"));
    assert_eq!(named_by(&matcher, "السوري"), s("السوري"));
    assert_eq!(named_by(&matcher, "والسوري"), s("السوري"));
    assert_eq!(named_by(&matcher, "للسوري"), s("لسوري"));
    assert_eq!(named_by(&matcher, "السورية"), vec![]);
}

#[test]
fn spelling_variants_fold() {
    check(&[
        // Diacritics, on the name and on a proclitic (the proclitic's own marks stay outside).
        ("رُوسْيَا", &[("russia", "رُوسْيَا")]),
        ("تركيّا", &[("turkey", "تركيّا")]),
        ("وَرُوسيا", &[("russia", "رُوسيا")]),
        ("لِلأَسَد", &[("al-assad", "لأَسَد")]),
        // Tatweel, inside the name and after a proclitic.
        ("إيـــران", &[("iran", "إيـــران")]),
        ("بـروسيا", &[("russia", "روسيا")]),
        ("وَبِـرُوسيا", &[("russia", "رُوسيا")]),
        // Alef variants.
        ("ايران", &[("iran", "ايران")]),
        ("الاتراك", &[("turkey", "الاتراك")]),
        ("انقرة", &[("turkey", "انقرة")]),
        ("ٱلأسد", &[("al-assad", "ٱلأسد")]),
        ("الإسد", &[("al-assad", "الإسد")]),
        // Alef maqsura for ya, ha for ta marbuta.
        ("روسى", &[("russia", "روسى")]),
        ("الإيرانى", &[("iran", "الإيرانى")]),
        ("الروسيه", &[("russia", "الروسيه")]),
        ("أنقره", &[("turkey", "أنقره")]),
    ]);
}

#[test]
fn words_that_contain_a_form_are_not_mentions() {
    check(&[
        ("تتركز المخاوف", &[]),
        ("اترك تعليقاً", &[]),
        ("لا يُترك شيء", &[]),
        ("تركيب الجملة", &[]),
        ("بيت متروك", &[]),
        ("يتركون ويتركها", &[]),
        ("مشترك", &[]),
        ("الأسدين والأسود", &[]),
        ("موسكوفي", &[]),
        ("Russiagate", &[]),
        ("Iranshahr", &[]),
        ("Moscowitz", &[]),
        ("Turkeys", &[]),
        ("Assadist", &[]),
    ]);
}

#[test]
fn english_forms_are_capitalised_proper_nouns() {
    check(&[
        ("Russia's army", &[("russia", "Russia")]),
        ("Russia’s army", &[("russia", "Russia")]),
        ("Turkey and Iran", &[("turkey", "Turkey"), ("iran", "Iran")]),
        ("roast turkey, stuffed", &[]),
        ("TURKEY VOTES", &[("turkey", "TURKEY")]),
        ("TurKey", &[]),
        ("Türkiye", &[("turkey", "Türkiye")]),
        (
            "Turkish and Iranian officials",
            &[("turkey", "Turkish"), ("iran", "Iranian")],
        ),
        (
            "the Kremlin in Moscow",
            &[("russia", "Kremlin"), ("russia", "Moscow")],
        ),
        ("al-Assad", &[("al-assad", "al-Assad")]),
        ("Al-Assad fled.", &[("al-assad", "Al-Assad")]),
        ("Assad", &[("al-assad", "Assad")]),
        ("Bashar al-Assad's fall", &[("al-assad", "Bashar al-Assad")]),
        ("Bashar al Assad", &[("al-assad", "Bashar al Assad")]),
        ("assad", &[]),
    ]);
}

#[test]
fn a_multi_word_form_is_one_mention() {
    check(&[
        ("بشار الأسد", &[("al-assad", "بشار الأسد")]),
        ("وبشار الأسد", &[("al-assad", "بشار الأسد")]),
        ("لبشار الأسد", &[("al-assad", "بشار الأسد")]),
        ("فلبشار  الأسد", &[("al-assad", "بشار  الأسد")]),
        ("بَشّار الأَسَد", &[("al-assad", "بَشّار الأَسَد")]),
        // Proclitics go on the first word only: "Bashar and al-Assad" is two mentions.
        ("بشار والأسد", &[("al-assad", "بشار"), ("al-assad", "الأسد")]),
        // Punctuation or a line break between the words separates them.
        ("بشار، الأسد", &[("al-assad", "بشار"), ("al-assad", "الأسد")]),
        ("بشار\nالأسد", &[("al-assad", "بشار"), ("al-assad", "الأسد")]),
        (
            "Bashar, al-Assad",
            &[("al-assad", "Bashar"), ("al-assad", "al-Assad")],
        ),
        ("بشار", &[("al-assad", "بشار")]),
    ]);
}

#[test]
fn punctuation_digits_and_emoji_around_words() {
    check(&[
        (
            "روسيا، تركيا، إيران.",
            &[("russia", "روسيا"), ("turkey", "تركيا"), ("iran", "إيران")],
        ),
        (
            "(موسكو) «الأسد»؟ طهران!",
            &[("russia", "موسكو"), ("al-assad", "الأسد"), ("iran", "طهران")],
        ),
        ("\"Iran\"-backed", &[("iran", "Iran")]),
        ("روسيا 2024", &[("russia", "روسيا")]),
        ("٢٠٢٤ إيران", &[("iran", "إيران")]),
        // Digits are word characters: glued to a name, they make another word.
        ("روسيا2024", &[]),
        ("٢٠٢٤إيران", &[]),
        ("🇷🇺روسيا🇷🇺", &[("russia", "روسيا")]),
        ("❤️تركيا", &[("turkey", "تركيا")]),
        ("", &[]),
        ("   \n\n  ", &[]),
        ("، . ؟", &[]),
    ]);
}

#[test]
fn offsets_count_code_points() {
    let matcher = Matcher::new(&default_registry());
    let at = |entity: &str, start, end| Mention {
        entity: entity.into(),
        span: Span::new(start, end),
    };
    // A flag is two code points (four UTF-16 units): و is at 3, the name at 4.
    assert_eq!(matcher.find("🇷🇺 وروسيا"), vec![at("russia", 4, 9)]);
    assert_eq!(matcher.find("😀Iran"), vec![at("iran", 1, 5)]);
    // Diacritics count: و + fatha before the name.
    assert_eq!(matcher.find("وَإِيران"), vec![at("iran", 2, 8)]);
    assert_eq!(
        matcher.find("Bashar al-Assad, Turkey"),
        vec![at("al-assad", 0, 15), at("turkey", 17, 23)]
    );
}

#[test]
fn every_default_form_names_its_entity() {
    let registry = default_registry();
    let matcher = Matcher::new(&registry);
    let ids: Vec<&str> = registry.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["russia", "turkey", "iran", "al-assad"]);
    for entity in &registry {
        assert!(entity.forms.len() >= 4, "{}", entity.id);
        for form in &entity.forms {
            let whole = vec![(entity.id.clone(), form.clone())];
            assert_eq!(named_by(&matcher, form), whole, "{form}");
            let arabic = form.chars().next().is_some_and(|c| c > '\u{05FF}');
            if arabic {
                assert_eq!(named_by(&matcher, &format!("و{form}")), whole, "و{form}");
            }
        }
    }
}

#[test]
fn custom_entities_bring_their_own_forms() {
    let hezbollah = Entity {
        id: "hezbollah".into(),
        label_en: "Hezbollah".into(),
        label_ar: "حزب الله".into(),
        color: "#a16207".into(),
        wikidata: Some("http://www.wikidata.org/entity/Q41053".into()),
        forms: vec![
            "حزب الله".into(),
            "Hezbollah".into(),
            " ، ".into(),
            String::new(),
        ],
    };
    let mut registry = default_registry();
    registry.push(hezbollah.clone());
    let matcher = Matcher::new(&registry);
    let h = |c: &str| ("hezbollah".to_string(), c.to_string());
    assert_eq!(
        named_by(&matcher, "دعمت إيران وحزب الله"),
        vec![("iran".to_string(), "إيران".to_string()), h("حزب الله")]
    );
    assert_eq!(named_by(&matcher, "لحزب الله"), vec![h("حزب الله")]);
    assert_eq!(
        named_by(&matcher, "Hezbollah's fighters"),
        vec![h("Hezbollah")]
    );
    assert_eq!(named_by(&matcher, "حزب سياسي"), vec![]);
    // Only the registry's entities are found.
    assert_eq!(
        named_by(&Matcher::new(&[hezbollah]), "روسيا وحزب الله"),
        vec![h("حزب الله")]
    );
    assert_eq!(Matcher::new(&[]).find("روسيا"), vec![]);
}

#[test]
fn a_form_shared_by_two_entities_goes_to_the_first() {
    let mut registry = default_registry();
    registry.push(Entity {
        id: "lion".into(),
        label_en: "Lion".into(),
        label_ar: "الأسد".into(),
        color: "#000000".into(),
        wikidata: None,
        forms: vec!["الأسد".into(), "أسد".into()],
    });
    let matcher = Matcher::new(&registry);
    assert_eq!(
        named_by(&matcher, "الأسد وأسد"),
        vec![
            ("al-assad".to_string(), "الأسد".to_string()),
            ("lion".to_string(), "أسد".to_string())
        ]
    );
}

#[test]
fn mentions_are_in_order_and_never_overlap() {
    let text = format!("{} Bashar al-Assad، وبشار الأسد للروس", bundled().text);
    let found = Matcher::new(&default_registry()).find(&text);
    assert!(found.len() > 33);
    for pair in found.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start, "{pair:?}");
    }
    for m in &found {
        assert!(m.span.start < m.span.end);
    }
}
