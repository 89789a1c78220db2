//! Unicode case mapping (lower and upper case of whole strings), from the platform — the standard
//! library on the host, the browser's `String.prototype.toLowerCase`/`toUpperCase` in WebAssembly
//! (installed by the browser glue, `src/web/case.rs`) — so the bundle does not carry Unicode's case
//! tables (about 15 KB gzip). Text that is all ASCII or caseless script (Arabic, Hebrew, CJK, …)
//! is mapped here without asking the platform, so matching Arabic costs no call out of wasm.

use std::cell::Cell;

/// Maps a whole string to lower or upper case (Unicode's full mappings: `ß` → `SS`).
pub type CaseMap = fn(&str) -> String;

thread_local! {
    static PLATFORM: Cell<(CaseMap, CaseMap)> = Cell::new(default_maps());
}

/// Makes `lower` and `upper` the mappings every later call uses for cased non-ASCII text.
pub fn use_case_mapping(lower: CaseMap, upper: CaseMap) {
    PLATFORM.with(|p| p.set((lower, upper)));
}

#[cfg(not(target_arch = "wasm32"))]
fn default_maps() -> (CaseMap, CaseMap) {
    (str::to_lowercase, str::to_uppercase)
}

/// Before the browser's mappings are installed (and where there are none), only ASCII changes case.
#[cfg(target_arch = "wasm32")]
fn default_maps() -> (CaseMap, CaseMap) {
    (str::to_ascii_lowercase, str::to_ascii_uppercase)
}

/// `text` in lower case.
pub fn to_lower(text: &str) -> String {
    if text.chars().all(caseless_or_ascii) {
        return text.to_ascii_lowercase();
    }
    PLATFORM.with(|p| (p.get().0)(text))
}

/// `text` in upper case.
pub fn to_upper(text: &str) -> String {
    if text.chars().all(caseless_or_ascii) {
        return text.to_ascii_uppercase();
    }
    PLATFORM.with(|p| (p.get().1)(text))
}

/// ASCII, or a character of a script without case, which no case mapping changes: Hebrew, Arabic
/// (with its supplements and presentation forms), the Indic scripts, CJK, Hangul, and the general
/// punctuation and symbols blocks — except U+2126 OHM, U+212A KELVIN and U+212B ANGSTROM SIGN, which
/// lower-case to Latin and Greek letters.
fn caseless_or_ascii(c: char) -> bool {
    c.is_ascii()
        || matches!(c,
            '\u{0590}'..='\u{0DFF}' | '\u{0E00}'..='\u{0FFF}' | '\u{2000}'..='\u{2125}'
            | '\u{2127}'..='\u{2129}' | '\u{212C}'..='\u{2131}' | '\u{2133}'..='\u{214D}'
            | '\u{214F}'..='\u{215F}' | '\u{2190}'..='\u{24B5}' | '\u{24EA}'..='\u{2BFF}'
            | '\u{3000}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7FF}' | '\u{F900}'..='\u{FAFF}'
            | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}
