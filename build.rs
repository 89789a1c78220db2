//! Prepares the embedded widget's stylesheet (`styles/hamish.css` then `styles/embed.css`) as
//! `$OUT_DIR/chrome.css`, which `src/embed.rs` includes: minified (the comments and indentation are
//! bytes every reader would download inside the WebAssembly) and with `rem` lengths made independent
//! of the host page (`src/core/embed/css_rem.rs`, host-tested; done here rather than at each mount).
//! The standalone page's stylesheet is minified by Trunk.

#[path = "src/core/embed/css_rem.rs"]
mod css_rem;

use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=src/core/embed/css_rem.rs");
    let mut css = String::new();
    for file in ["styles/hamish.css", "styles/embed.css"] {
        println!("cargo::rerun-if-changed={file}");
        match std::fs::read_to_string(file) {
            Ok(text) => css.push_str(&text),
            Err(e) => panic!("build.rs: cannot read {file}: {e}"),
        }
    }
    let minified = match minifier::css::minify(&css) {
        Ok(m) => css_rem::rem_to_reader_units(&m.to_string()),
        Err(e) => panic!("build.rs: cannot minify the styles: {e}"),
    };
    let out = std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("build.rs: OUT_DIR: {e}"));
    if let Err(e) = std::fs::write(Path::new(&out).join("chrome.css"), minified) {
        panic!("build.rs: cannot write chrome.css: {e}");
    }
}
