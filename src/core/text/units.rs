//! Text offsets in the three units Hamish meets, converted in this one place.
//!
//! * **Code points** (Unicode scalar values) — the W3C Web Annotation model's unit, and Hamish's own:
//!   every stored and exported offset counts code points.
//! * **UTF-16 code units** — what the DOM counts (`Range` offsets, `String.length`).
//! * **UTF-8 bytes** — what Rust string slicing uses.
//!
//! Every function takes offsets that may be out of range and clamps them, so no caller can panic on
//! an offset that came from the page or from storage.

use crate::core::text::graphemes::{cluster_end, cluster_start};

/// Number of code points in `text`.
pub fn cp_len(text: &str) -> usize {
    text.chars().count()
}

/// Byte offset of code point `cp` in `text` (clamped to the text's end).
pub fn cp_to_byte(text: &str, cp: usize) -> usize {
    text.char_indices().nth(cp).map_or(text.len(), |(b, _)| b)
}

/// Code point offset of byte `byte` in `text`; a byte inside a character counts as that character's start.
pub fn byte_to_cp(text: &str, byte: usize) -> usize {
    text.char_indices()
        .take_while(|(b, _)| *b < byte)
        .filter(|(b, c)| b + c.len_utf8() <= byte)
        .count()
}

/// Code point offset of UTF-16 offset `u16_offset` in `text`. An offset that falls between the two
/// halves of a surrogate pair rounds down to the start of that character; past the end clamps.
pub fn utf16_to_cp(text: &str, u16_offset: usize) -> usize {
    let mut units = 0;
    for (cp, c) in text.chars().enumerate() {
        units += c.len_utf16();
        if units > u16_offset {
            return cp;
        }
    }
    cp_len(text)
}

/// UTF-16 offset of code point `cp` in `text` (clamped to the text's end).
pub fn cp_to_utf16(text: &str, cp: usize) -> usize {
    text.chars().take(cp).map(char::len_utf16).sum()
}

/// Many offsets of one text converted between code points and UTF-16 units, each in O(log n): the
/// code points of the characters outside the Basic Multilingual Plane (two UTF-16 units each) are
/// listed once. Offsets out of range clamp to the text's end; a UTF-16 offset between the two halves
/// of a surrogate pair rounds down to the start of its character, as [`utf16_to_cp`] does.
pub struct Utf16Map {
    /// The code point offsets of the text's astral characters, in order.
    astral: Vec<usize>,
    /// The text's length in code points.
    len: usize,
}

impl Utf16Map {
    /// The map of `text`.
    pub fn new(text: &str) -> Utf16Map {
        let mut len = 0;
        let astral = text
            .chars()
            .inspect(|_| len += 1)
            .enumerate()
            .filter(|(_, c)| c.len_utf16() == 2)
            .map(|(cp, _)| cp)
            .collect();
        Utf16Map { astral, len }
    }

    /// The text's length in UTF-16 units.
    pub fn utf16_len(&self) -> usize {
        self.len + self.astral.len()
    }

    /// The UTF-16 offset of code point `cp`.
    pub fn to_utf16(&self, cp: usize) -> usize {
        let cp = cp.min(self.len);
        cp + self.astral.partition_point(|&a| a < cp)
    }

    /// The code point offset of UTF-16 offset `unit`.
    pub fn to_cp(&self, unit: usize) -> usize {
        let unit = unit.min(self.utf16_len());
        // Astral character i starts at UTF-16 offset astral[i] + i: those whose second half is
        // before `unit` (or at it) each took one unit more than a code point.
        // (A binary search over the index: `astral[i] + i` grows with i.)
        let (mut lo, mut hi) = (0, self.astral.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.astral.get(mid).is_some_and(|&a| a + mid + 1 <= unit) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        unit - lo
    }
}

/// The slice of `text` between code points `start` and `end` (clamped; empty when `end <= start`).
pub fn slice_cp(text: &str, start: usize, end: usize) -> &str {
    let s = cp_to_byte(text, start);
    let e = cp_to_byte(text, end).max(s);
    &text[s..e]
}

/// The slices of `text` between each pair of code points in `spans` ([`slice_cp`] for each), found
/// in one pass over the text while the spans come in order: a block drawn as thousands of runs was
/// walked from its start for every run. A span that starts before the one before it ends is sliced
/// on its own.
pub fn slices_cp<'a>(text: &'a str, spans: &[(usize, usize)]) -> Vec<&'a str> {
    let mut starts = text.char_indices().map(|(b, _)| b);
    // Code point `cp` starts at byte `byte` (the text's length past its end).
    let (mut cp, mut byte) = (0, starts.next().unwrap_or(text.len()));
    let mut seek = move |target: usize| {
        if target < cp {
            return None;
        }
        while cp < target && byte < text.len() {
            byte = starts.next().unwrap_or(text.len());
            cp += 1;
        }
        Some(byte)
    };
    (spans.iter())
        .map(|&(start, end)| match (seek(start), seek(end)) {
            (Some(s), Some(e)) if s <= e => &text[s..e],
            _ => slice_cp(text, start, end),
        })
        .collect()
}

/// Widens `[start, end)` (code points) to whole grapheme clusters: the start moves back and the end
/// forward to the nearest cluster boundary, so a range never separates an Arabic letter from its
/// diacritics nor splits an emoji sequence.
pub fn snap_to_graphemes(text: &str, start: usize, end: usize) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let (start, end) = (start.min(chars.len()), end.min(chars.len()));
    let snapped_start = cluster_start(&chars, start);
    (snapped_start, cluster_end(&chars, end).max(snapped_start))
}

/// Shrinks `[start, end)` (code points) so it neither starts nor ends with a grapheme cluster that
/// is only white space (a space carrying a combining mark is kept whole, so cluster boundaries stay).
pub fn trim_whitespace(text: &str, start: usize, end: usize) -> (usize, usize) {
    let chars: Vec<char> = slice_cp(text, start, end).chars().collect();
    let blank_lead = chars.iter().take_while(|c| c.is_whitespace()).count();
    if blank_lead == chars.len() {
        return (start, start);
    }
    // White space ends where its last cluster starts, when that cluster goes on past it.
    let lead = cluster_start(&chars, blank_lead);
    let blank_trail = chars.iter().rev().take_while(|c| c.is_whitespace()).count();
    let trail_from = cluster_end(&chars, chars.len() - blank_trail);
    (start + lead, start + trail_from.max(lead))
}

/// Turns a raw selection `[start, end)` into the range Hamish annotates: whole grapheme clusters,
/// without surrounding white space. Returns `None` when nothing but white space was selected.
pub fn normalize_selection(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let (lo, hi) = if start <= end {
        (start, end)
    } else {
        (end, start)
    };
    let (lo, hi) = snap_to_graphemes(text, lo, hi);
    let (lo, hi) = trim_whitespace(text, lo, hi);
    (hi > lo).then_some((lo, hi))
}

/// `text` with its white space collapsed, cut to `max` code points with an ellipsis when cut (for
/// lists and labels).
pub fn short_quote(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        format!("{}…", flat.chars().take(max).collect::<String>())
    }
}
