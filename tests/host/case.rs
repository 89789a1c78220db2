//! Letter case from the platform, with ASCII and caseless scripts mapped in Rust.

#[path = "../support/case_cases.rs"]
mod case_cases;

use hamish::core::text::case::{to_lower, to_upper};

#[test]
fn case_maps_latin_greek_cyrillic_and_leaves_arabic_alone() {
    for &(text, lower, upper) in case_cases::CASES {
        assert_eq!(to_lower(text), lower, "lower {text:?}");
        assert_eq!(to_upper(text), upper, "upper {text:?}");
    }
}
