//! Grapheme clusters (Unicode UAX #29): where a highlighted range may start and end, so it never
//! separates an Arabic letter from its diacritics nor splits an emoji sequence.
//!
//! The clusters come from the platform — `unicode-segmentation` on the host, the browser's
//! `Intl.Segmenter` in WebAssembly (installed by the browser glue, `src/web/graphemes.rs`) — so the bundle does not
//! carry Unicode's segmentation tables (about 11 KB gzip). Only short windows are segmented: between
//! two plain characters (ASCII, Latin letters, Arabic letters and digits, common punctuation) there is
//! always a cluster boundary (no rule of UAX #29 joins two such characters), so a window reaches from
//! the last plain pair before an offset to the first plain pair after it, at most [`WINDOW`] code
//! points each way (a longer run of marks is cut there: bounded cost on hostile text).

use std::cell::Cell;

/// Splits a short text into grapheme clusters: the length in code points of each, in order.
pub type ClusterLengths = fn(&str) -> Vec<usize>;

/// How far (code points) a window reaches each way from the offset it decides.
pub const WINDOW: usize = 64;

thread_local! {
    static PLATFORM: Cell<ClusterLengths> = Cell::new(default_clusters());
}

/// Makes `split` the segmenter every later call uses (the browser's, once it is known to exist).
pub fn use_segmenter(split: ClusterLengths) {
    PLATFORM.with(|p| p.set(split));
}

#[cfg(not(target_arch = "wasm32"))]
fn default_clusters() -> ClusterLengths {
    unicode_clusters
}

#[cfg(target_arch = "wasm32")]
fn default_clusters() -> ClusterLengths {
    marks_join
}

/// The clusters of `text` by `unicode-segmentation` (host builds only).
#[cfg(not(target_arch = "wasm32"))]
pub fn unicode_clusters(text: &str) -> Vec<usize> {
    use unicode_segmentation::UnicodeSegmentation;
    text.graphemes(true).map(|g| g.chars().count()).collect()
}

/// An approximation for a platform without a segmenter: every character starts a cluster except
/// combining marks, joiners, variation selectors, emoji modifiers and tags, which join the one
/// before (a character after a zero-width joiner joins too). Right for Arabic with its diacritics
/// and for most emoji; Indic conjuncts and flags come apart.
pub fn marks_join(text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let mut after_joiner = false;
    for c in text.chars() {
        match out.last_mut() {
            Some(last) if after_joiner || joins_previous(c) => *last += 1,
            _ => out.push(1),
        }
        after_joiner = c == '\u{200D}';
    }
    out
}

/// Characters [`marks_join`] attaches to the character before: combining marks (Arabic's among
/// them), joiners, variation selectors, emoji modifiers and tags.
pub fn joins_previous(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}' | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08E1}' | '\u{08E3}'..='\u{08FF}' | '\u{0900}'..='\u{0903}'
        | '\u{093A}'..='\u{094F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}' | '\u{200D}' | '\u{20D0}'..='\u{20FF}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}'
        | '\u{E0100}'..='\u{E01EF}')
}

/// A character that never joins its neighbours into a cluster: ASCII (but CR), Latin letters,
/// Arabic letters, digits and punctuation, common quotes and dashes.
fn plain(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | ' '..='~' | '\u{A0}'..='\u{AC}' | '\u{AE}'..='\u{2FF}'
        | '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{0621}'..='\u{064A}' | '\u{0660}'..='\u{066F}'
        | '\u{0671}'..='\u{06D5}' | '\u{06EE}'..='\u{06FF}' | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}')
}

/// Whether code point `i` of `chars` is certainly a cluster boundary without segmenting.
fn plain_boundary(chars: &[char], i: usize) -> bool {
    i == 0 || i >= chars.len() || (plain(chars[i - 1]) && plain(chars[i]))
}

/// The cluster boundaries (code points, absolute) in the window around `i`, and the window's edges.
fn boundaries_around(chars: &[char], i: usize) -> Vec<usize> {
    let i = i.min(chars.len());
    let lo = (i.saturating_sub(WINDOW)..=i)
        .rev()
        .find(|&j| plain_boundary(chars, j))
        .unwrap_or(i.saturating_sub(WINDOW));
    let hi = (i..=(i + WINDOW).min(chars.len()))
        .find(|&j| plain_boundary(chars, j))
        .unwrap_or((i + WINDOW).min(chars.len()));
    let window: String = chars[lo..hi].iter().collect();
    let split = PLATFORM.with(Cell::get);
    let mut at = lo;
    let mut out = vec![lo];
    for len in split(&window) {
        at += len;
        out.push(at.min(hi));
    }
    out.push(hi);
    out
}

/// The start of the cluster holding code point `i` (`i` itself when a cluster starts there).
pub fn cluster_start(chars: &[char], i: usize) -> usize {
    if plain_boundary(chars, i) {
        return i.min(chars.len());
    }
    boundaries_around(chars, i)
        .into_iter()
        .filter(|&b| b <= i)
        .max()
        .unwrap_or(0)
}

/// The end of the cluster reaching past code point `i` (`i` itself when a cluster ends there).
pub fn cluster_end(chars: &[char], i: usize) -> usize {
    if plain_boundary(chars, i) {
        return i.min(chars.len());
    }
    boundaries_around(chars, i)
        .into_iter()
        .filter(|&b| b >= i)
        .min()
        .unwrap_or(chars.len())
}
