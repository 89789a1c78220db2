//! The embedded stylesheet's `rem` lengths become pixels, so a host's root font size cannot shrink it.

use hamish::core::css_rem::rem_to_px;

#[test]
fn rem_lengths_become_sixteen_pixel_calcs() {
    let cases = [
        (
            "a { padding: 0.3rem 0.8rem; }",
            "a { padding: calc(0.3 * 16px) calc(0.8 * 16px); }",
        ),
        (
            "b { width: min(22rem, 92vw); }",
            "b { width: min(calc(22 * 16px), 92vw); }",
        ),
        (
            "c { max-height: calc(100vh - 1.5rem); }",
            "c { max-height: calc(100vh - calc(1.5 * 16px)); }",
        ),
        (
            "d { margin: -1rem .5rem; }",
            "d { margin: calc(-1 * 16px) calc(.5 * 16px); }",
        ),
        ("e { top:-0.5rem }", "e { top:calc(-0.5 * 16px) }"),
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
            "g { font: calc(0.75 * 16px)/1 ui-monospace; content: \"هامش\"; }",
        ),
    ];
    for (css, expected) in cases {
        assert_eq!(rem_to_px(css), expected, "{css}");
    }
}

#[test]
fn hamish_stylesheets_have_no_rem_left() {
    for file in ["styles/hamish.css", "styles/embed.css"] {
        let css = std::fs::read_to_string(file).expect("stylesheet");
        let out = rem_to_px(&css);
        let left: Vec<&str> = out
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '.')
            .filter(|t| {
                t.ends_with("rem") && t.len() > 3 && t.as_bytes()[t.len() - 4].is_ascii_digit()
            })
            .collect();
        assert!(left.is_empty(), "{file}: {left:?}");
    }
}
