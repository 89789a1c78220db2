//! Orthographic folding for matching Arabic text: a folded copy of a text in which spelling variants
//! that readers and editors treat as the same word become equal, with a map back to the original.
//!
//! Folding drops diacritics (U+064B–U+065F, U+0670) and tatweel (U+0640); writes alef with hamza or
//! madda and alef wasla (أ إ آ ٱ) as bare alef (ا), alef maqsura (ى) as ya (ي) and ta marbuta (ة) as
//! ha (ه); writes Arabic-Indic and Persian digits (٠–٩, ۰–۹) as 0–9 and the Arabic percent sign and
//! decimal and thousands separators (٪ ٫ ٬) as % . ,; and turns every run of white space into one
//! space.

/// A folded text: its characters and, for each, the code point offset it came from in the original.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Folded {
    /// The folded characters.
    pub chars: Vec<char>,
    /// `origin[i]` is the original code point offset of `chars[i]`.
    pub origin: Vec<usize>,
    /// Length of the original text in code points.
    pub original_len: usize,
}

/// What one character folds to: `None` when it is dropped.
pub fn fold_char(c: char) -> Option<char> {
    match c {
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => None,
        'أ' | 'إ' | 'آ' | 'ٱ' => Some('ا'),
        'ى' => Some('ي'),
        'ة' => Some('ه'),
        // Arabic-Indic and Persian digits, percent sign and decimal and thousands separators.
        '\u{0660}'..='\u{0669}' => char::from_digit(c as u32 - 0x0660, 10),
        '\u{06F0}'..='\u{06F9}' => char::from_digit(c as u32 - 0x06F0, 10),
        '\u{066A}' => Some('%'),
        '\u{066B}' => Some('.'),
        '\u{066C}' => Some(','),
        c if c.is_whitespace() => Some(' '),
        c => Some(c),
    }
}

/// Folds `text` (see the module documentation).
pub fn fold(text: &str) -> Folded {
    let mut chars = Vec::with_capacity(text.len() / 2);
    let mut origin = Vec::with_capacity(text.len() / 2);
    let mut original_len = 0;
    for (i, c) in text.chars().enumerate() {
        original_len = i + 1;
        let Some(f) = fold_char(c) else { continue };
        if f == ' ' && chars.last() == Some(&' ') {
            continue;
        }
        chars.push(f);
        origin.push(i);
    }
    Folded {
        chars,
        origin,
        original_len,
    }
}

/// Folds a quote for searching: folded, without leading or trailing white space.
pub fn fold_quote(quote: &str) -> Vec<char> {
    let folded = fold(quote).chars;
    let start = folded
        .iter()
        .position(|c| *c != ' ')
        .unwrap_or(folded.len());
    let end = folded
        .iter()
        .rposition(|c| *c != ' ')
        .map_or(start, |e| e + 1);
    folded[start..end].to_vec()
}

impl Folded {
    /// The original code point range of the folded range `[start, end)`: from the first folded
    /// character's origin to the origin of the next kept character (so the marks that were dropped
    /// after the last character are included, the white space after it is not).
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let at = |i: usize| self.origin.get(i).copied().unwrap_or(self.original_len);
        let s = at(start);
        let e = if end > start { at(end) } else { s };
        (s, e.max(s))
    }

    /// The folded offset of original code point `cp`: the first folded character at or after it.
    pub fn from_original(&self, cp: usize) -> usize {
        self.origin.partition_point(|&o| o < cp)
    }
}
