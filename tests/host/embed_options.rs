//! A host page's options: attributes, the options object (which wins), defaults, and clear errors.

use hamish::core::embed::options::{
    article_address, default_id, panel_side, EmbedOptions, PanelPlacement, PanelSide,
};

/// Parses with the given attributes and options JSON.
fn parse(attrs: &[(&str, &str)], json: &str) -> Result<EmbedOptions, String> {
    EmbedOptions::parse(
        |name| {
            attrs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        },
        json,
    )
}

#[test]
fn defaults() {
    let o = parse(&[], "null").expect("defaults");
    assert_eq!(o.id, None);
    assert_eq!(o.ui, None);
    assert_eq!(o.namespace, "hamish");
    assert!(!o.read_only);
    assert_eq!(o.panel, None);
    assert_eq!(o.src, None);
    let ids: Vec<&str> = o.entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["russia", "turkey", "iran", "al-assad"]);
}

#[test]
fn attributes() {
    let o = parse(
        &[
            ("data-hamish-id", " story-42 "),
            ("data-hamish-ui", "en"),
            ("data-hamish-entities", "iran, russia"),
            ("data-hamish-namespace", "newsroom_1"),
            ("data-hamish-readonly", ""),
            ("data-hamish-panel", "collapsed"),
            ("data-src", "/texts/story.txt"),
        ],
        "{}",
    )
    .expect("valid");
    assert_eq!(o.id.as_deref(), Some("story-42"));
    assert_eq!(o.ui.as_deref(), Some("en"));
    let ids: Vec<&str> = o.entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["iran", "russia"]);
    assert_eq!(o.namespace, "newsroom_1");
    assert!(o.read_only, "a bare data-hamish-readonly means read-only");
    assert_eq!(o.panel, Some(PanelPlacement::Collapsed));
    assert_eq!(o.src.as_deref(), Some("/texts/story.txt"));
}

#[test]
fn the_options_object_wins_over_attributes() {
    let o = parse(
        &[
            ("data-hamish-panel", "bottom"),
            ("data-hamish-readonly", "true"),
        ],
        r#"{"panel": "side", "readOnly": false, "src": null}"#,
    )
    .expect("valid");
    assert_eq!(o.panel, Some(PanelPlacement::Side));
    assert!(!o.read_only);
    assert!(
        !parse(&[("data-hamish-readonly", "false")], "{}")
            .expect("valid")
            .read_only
    );
}

#[test]
fn custom_entities_from_the_options_object() {
    let o = parse(
        &[],
        r##"{"entities": ["russia", {"label": "NATO", "labelAr": "الناتو", "color": "#7c3aed",
             "wikidata": "Q7184", "forms": ["حلف الناتو"]}]}"##,
    )
    .expect("valid");
    assert_eq!(o.entities.len(), 2);
    let nato = &o.entities[1];
    assert_eq!(nato.id, "nato");
    assert_eq!(nato.label_ar, "الناتو");
    assert_eq!(
        nato.wikidata.as_deref(),
        Some("http://www.wikidata.org/entity/Q7184")
    );
    assert!(nato.forms.iter().any(|f| f == "حلف الناتو"));
    assert!(nato.forms.iter().any(|f| f == "الناتو"));
}

#[test]
fn mistakes_have_clear_messages() {
    let cases: &[(&[(&str, &str)], &str, &str)] = &[
        (&[], "[1]", "options must be an object"),
        (&[], "{not json", "options are not JSON"),
        (&[], r#"{"colour": "red"}"#, "unknown option “colour”"),
        (
            &[],
            r#"{"ui": "fr"}"#,
            "option “ui” must be \"ar\" or \"en\"",
        ),
        (
            &[("data-hamish-panel", "top")],
            "{}",
            "option “panel” must be side, bottom or collapsed",
        ),
        (&[], r#"{"namespace": "a:b"}"#, "option “namespace” must be"),
        (
            &[],
            r#"{"readOnly": "yes"}"#,
            "option “readOnly” must be true or false",
        ),
        (&[], r#"{"id": 7}"#, "option “id” must be a string"),
        (
            &[("data-hamish-entities", "russia mars")],
            "{}",
            "unknown entity “mars”",
        ),
        (&[], r#"{"entities": []}"#, "lists no entity"),
        (
            &[],
            r#"{"entities": "russia"}"#,
            "option “entities” must be an array",
        ),
        (
            &[],
            r##"{"entities": [{"label": "Pale", "color": "#ffff00"}]}"##,
            "choose a darker colour",
        ),
        (
            &[],
            r##"{"entities": [{"id": "x", "label": "A", "color": "#000000"}, {"id": "x", "label": "B", "color": "#000000"}]}"##,
            "given twice",
        ),
        (&[], r#"{"entities": [3]}"#, "each entity must be"),
    ];
    for (attrs, json, expected) in cases {
        match parse(attrs, json) {
            Ok(_) => panic!("{json} with {attrs:?} should fail"),
            Err(message) => assert!(
                message.contains(expected),
                "{json}: “{message}” should say “{expected}”"
            ),
        }
    }
}

#[test]
fn default_ids() {
    let cases = [
        (
            Some("https://news.example/a"),
            "https://news.example/a?utm=x#top",
            "https://news.example/a",
        ),
        (
            None,
            "https://news.example/a?utm=x#top",
            "https://news.example/a",
        ),
        (
            Some("  "),
            "https://news.example/b#c",
            "https://news.example/b",
        ),
    ];
    for (canonical, address, expected) in cases {
        assert_eq!(default_id(canonical, address), expected);
    }
}

#[test]
fn article_addresses_do_not_depend_on_mounting_order() {
    let page = "https://news.example/live";
    assert_eq!(
        article_address(page, Some("story"), false).as_deref(),
        Ok(page)
    );
    assert_eq!(article_address(page, None, false).as_deref(), Ok(page));
    assert_eq!(
        article_address(page, Some("story-b"), true),
        Ok(format!("{page}#story-b"))
    );
    for missing in [None, Some(""), Some("  ")] {
        let err = article_address(page, missing, true).expect_err("needs an id");
        assert!(
            err.contains("give each element an id attribute or a data-hamish-id"),
            "{err}"
        );
    }
}

#[test]
fn the_side_panel_goes_where_there_is_room() {
    let at = |side, fits| PanelSide { side, fits };
    let need = 364.0;
    let cases = [
        (440.0, 88.0, at("left", true)),
        (64.0, 416.0, at("right", true)),
        (400.0, 400.0, at("left", true)),
        (300.0, 100.0, at("left", false)),
        (10.0, 20.0, at("right", false)),
    ];
    for (left, right, expected) in cases {
        assert_eq!(panel_side(left, right, need), expected, "{left} {right}");
    }
}
