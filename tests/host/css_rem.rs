//! The embedded stylesheet's `rem` lengths follow the reader's font size, not the host's root font size.

use hamish::core::embed::css_rem::rem_to_reader_units;

#[test]
fn rem_lengths_become_multiples_of_the_readers_font_size() {
    let cases = [
        (
            "a { padding: 0.3rem 0.8rem; }",
            "a { padding: calc(0.3 * R) calc(0.8 * R); }",
        ),
        (
            "b { width: min(22rem, 92vw); }",
            "b { width: min(calc(22 * R), 92vw); }",
        ),
        (
            "c { max-height: calc(100vh - 1.5rem); }",
            "c { max-height: calc(100vh - calc(1.5 * R)); }",
        ),
        (
            "d { margin: -1rem .5rem; }",
            "d { margin: calc(-1 * R) calc(.5 * R); }",
        ),
        ("e { top:-0.5rem }", "e { top:calc(-0.5 * R) }"),
        // Not lengths in rem: other units, names with digits, words starting with "rem".
        (
            "f { width: 2em; height: 3px; z-index: 20; }",
            "f { width: 2em; height: 3px; z-index: 20; }",
        ),
        (
            ".h2rem { x: 1remark; } h1 { }",
            ".h2rem { x: 1remark; } h1 { }",
        ),
        (
            "g { font: 0.75rem/1 ui-monospace; content: \"هامش\"; }",
            "g { font: calc(0.75 * R)/1 ui-monospace; content: \"هامش\"; }",
        ),
    ];
    for (css, expected) in cases {
        let expected = expected.replace(" * R)", " * var(--hamish-rem, 16px))");
        assert_eq!(rem_to_reader_units(css), expected, "{css}");
    }
}

#[test]
fn hamish_stylesheets_have_no_rem_left() {
    for file in ["styles/hamish.css", "styles/embed.css"] {
        let css = std::fs::read_to_string(file).expect("stylesheet");
        let out = rem_to_reader_units(&css);
        let left: Vec<&str> = out
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '.')
            .filter(|t| {
                t.ends_with("rem") && t.len() > 3 && t.as_bytes()[t.len() - 4].is_ascii_digit()
            })
            .collect();
        assert!(left.is_empty(), "{file}: {left:?}");
    }
}

#[test]
fn embedded_stylesheet_is_minified_with_every_selector_and_no_rem() {
    let built = include_str!(concat!(env!("OUT_DIR"), "/chrome.css"));
    let mut source = String::new();
    for file in ["styles/hamish.css", "styles/embed.css"] {
        source.push_str(&std::fs::read_to_string(file).expect("stylesheet"));
    }
    let unminified = rem_to_reader_units(&source).len();
    assert!(built.len() < unminified, "{} ≥ {unminified}", built.len());
    assert!(!built.contains("/*"), "comments left");
    let classes = |css: &str| -> std::collections::BTreeSet<String> {
        css.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '.'))
            .filter(|t| (t.starts_with(".hamish") || t.starts_with(".claim")) && !t.ends_with('.'))
            .map(String::from)
            .collect()
    };
    assert_eq!(classes(built), classes(&source));
    assert!(built.contains("calc(0.75 * var(--hamish-rem, 16px))"));
    assert!(!built
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '.')
        .any(|t| t.ends_with("rem") && t.len() > 3 && t.as_bytes()[t.len() - 4].is_ascii_digit()));
}
