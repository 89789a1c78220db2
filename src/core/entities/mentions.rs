//! Finding where the registry's entities are named in a text: every occurrence of one of an
//! entity's surface forms ([`Entity::forms`]), as whole words, in text order, never overlapping.
//!
//! **Words.** A word is a maximal run of letters, digits, combining marks (the Arabic diacritics
//! U+064B–U+065F and U+0670 among them) and tatweel (U+0640). Anything else ends a word: white space,
//! punctuation (the Arabic comma too), apostrophes (so `Russia's` names Russia and the `'s` is left
//! out), hyphens, emoji. A form matches whole words only, never part of one: `تتركز` and `اترك` are
//! not Turkey, `Russiagate` is not Russia.
//!
//! **Spelling.** Arabic is compared folded ([`fold_char`]): diacritics and tatweel are ignored, and
//! أ إ آ ٱ are ا, ى is ي, ة is ه, so `ايران` is `إيران` and `تركيّا` is `تركيا`.
//!
//! **Proclitics.** An Arabic word may carry, before the form, و or ف, then ب, ل or ك (either or
//! both: `وروسيا`, `بروسيا`, `وبروسيا`, `فللروس`). A form without the article also matches with it
//! (`إيرانيين` also matches `الإيرانيين`). After ل the article's alef is dropped (`للروس` is ل +
//! `الروس`, `للأسد` is ل + `الأسد`).
//!
//! **English.** Forms are proper nouns and match as written, with the first letter capitalised
//! (`al-Assad` matches `Al-Assad`), or all in capitals (`TURKEY`, as in headlines); `turkey` on a
//! dinner menu is not Turkey.
//!
//! **Several words.** A form of several words (`بشار الأسد`, `Bashar al-Assad`) is one mention. Its
//! words must follow each other joined only by spaces or hyphens on one line (so `al Assad` matches
//! `al-Assad`, but a comma or a line break between them does not); proclitics go on its first word
//! only (`وبشار الأسد`).
//!
//! **Choice.** Where several forms match at a word, the one covering the most words wins, then the
//! one leaving the fewest letters outside as proclitics, then the one earliest in the registry. The
//! text is read from its start and a mention's words are not searched again, so mentions never
//! overlap.
//!
//! **Span.** See [`Mention`]: a mention covers the word without its proclitics (و ف ب ل ك), keeping
//! the article; for `لل` it starts at the second ل, covering the article's remaining ل and the name.
//!
//! **How.** Why hand-rolled and not a multi-pattern automaton (Aho–Corasick): matching is by whole
//! words, with proclitic and article variants and folded spelling, so the text is cut into words and
//! folded in one pass, and each word's few proclitic-stripped variants are looked up in a hash map
//! from the folded first word of every form. That is a handful of lookups per word, whatever the size
//! of the registry; the words after a form's first word are read only when that first word matched.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::core::entities::registry::Entity;
use crate::core::text::case::to_upper;
use crate::core::text::fold::fold_char;
use crate::core::text::span::Span;

/// One place where an entity is named.
///
/// `span` is in code points of the searched text. It is the
/// word (or words) naming the entity without the proclitics in front of it (و ف ب ل ك) and without
/// anything after the word (a possessive `'s`, punctuation): `وبروسيا` → `روسيا`, `بالأسد` → `الأسد`,
/// `للروس` → `لروس` (the article's ل that remains after the preposition ل, and the name),
/// `وبشار الأسد` → `بشار الأسد`, `Russia's` → `Russia`. The diacritics written on the span's letters
/// are inside it. A span always lies inside the text's words and covers at least the name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The id of the entity named ([`Entity::id`]).
    pub entity: String,
    /// Where the mention is in the searched text.
    pub span: Span,
}

/// The registry's forms, prepared for searching many texts.
#[derive(Debug)]
pub struct Matcher {
    /// Entity ids, in registry order.
    ids: Vec<String>,
    /// Every form, in registry order.
    forms: Vec<Form>,
    /// Accepted folded spelling of a form's first word → the forms starting with it, in registry order.
    first: Index,
    /// The same for first words starting with the article ال, spelled without its alef (`لروس` for
    /// `الروس`): how they are written after the preposition ل (`للروس`), and only there.
    after_lam: Index,
    /// What each character of the Arabic block (U+0600–U+06FF) is to a word (see [`Letter`]).
    arabic: [Letter; 256],
    /// The last two characters of every key of `first` and `after_lam`, hashed into a bit set:
    /// proclitics change only a word's start, so a word whose ending is not in the set cannot match and is not looked up
    /// (most words of a text, for a registry of tens of entities).
    endings: Endings,
}

/// Folded spellings of first words → forms.
type Index = HashMap<Box<[char]>, Vec<usize>, BuildHasherDefault<FxHasher>>;

/// One form of one entity, after its first word: what each following word may be spelled as.
#[derive(Debug, PartialEq, Eq)]
struct Form {
    /// Index of the entity in [`Matcher::ids`].
    entity: usize,
    /// For each word after the first, its accepted folded spellings.
    rest: Vec<Vec<Vec<char>>>,
}

/// Conjunctions that may open an Arabic word: و (and), ف (so).
fn is_conjunction(c: char) -> bool {
    matches!(c, 'و' | 'ف')
}

/// Prepositions that may follow them, or open the word themselves: ب (in, by), ل (to, for), ك (like).
fn is_preposition(c: char) -> bool {
    matches!(c, 'ب' | 'ل' | 'ك')
}

/// The best match found so far at one word.
#[derive(Clone, Copy)]
struct Candidate {
    form: usize,
    /// Folded characters stripped as proclitics.
    stripped: usize,
    /// Words covered.
    words: usize,
    /// Code point just past the last word covered.
    end: usize,
}

impl Matcher {
    /// Prepares every form of every entity in `registry`. Forms with no word in them are ignored.
    pub fn new(registry: &[Entity]) -> Matcher {
        let mut arabic = [Letter::Gap; 256];
        for (c, letter) in ('\u{0600}'..='\u{06FF}').zip(arabic.iter_mut()) {
            *letter = classify(c);
        }
        let mut matcher = Matcher {
            ids: registry.iter().map(|e| e.id.clone()).collect(),
            forms: Vec::new(),
            first: Index::default(),
            after_lam: Index::default(),
            arabic,
            endings: Endings::default(),
        };
        for (entity, e) in registry.iter().enumerate() {
            for form in &e.forms {
                let mut words = Words::new(form);
                let mut folded = Vec::new();
                let mut spelled = Vec::new();
                while words.next_folded(&matcher.arabic, &mut folded).is_some() {
                    spelled.push(folded.clone());
                }
                let Some((head, tail)) = spelled.split_first() else {
                    continue;
                };
                let mut heads = spellings(head);
                if head.first().copied().is_some_and(is_arabic_letter)
                    && !head.starts_with(&['ا', 'ل'])
                {
                    heads.push(['ا', 'ل'].iter().chain(head).copied().collect());
                }
                matcher.add(
                    heads,
                    Form {
                        entity,
                        rest: tail.iter().map(|w| spellings(w)).collect(),
                    },
                );
            }
        }
        matcher
    }

    /// Registers `form` under each of its first word's spellings (once per identical form), and
    /// under those starting with ال without the alef, for after ل.
    fn add(&mut self, heads: Vec<Vec<char>>, form: Form) {
        let id = match self.forms.iter().position(|f| *f == form) {
            Some(id) => id,
            None => {
                self.forms.push(form);
                self.forms.len() - 1
            }
        };
        for head in heads {
            self.endings.insert(&head);
            if head.starts_with(&['ا', 'ل']) {
                self.endings.insert(&head[1..]);
                push_once(self.after_lam.entry(head[1..].into()).or_default(), id);
            }
            push_once(self.first.entry(head.into()).or_default(), id);
        }
    }

    /// Every mention in `text`, in text order, non-overlapping (longest form wins). Offsets are code
    /// points; see [`Mention`] for what a span covers.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let mut found = Vec::new();
        if self.first.is_empty() {
            return found;
        }
        let mut words = Words::new(text);
        let (mut key, mut scratch) = (Vec::new(), Vec::new());
        while let Some(word) = words.next_folded(&self.arabic, &mut key) {
            if !self.endings.may_end(&key) {
                continue;
            }
            let at = Start {
                text,
                word: &word,
                after: &words,
            };
            let Some(best) = self.best_at(&at, &key, &mut scratch) else {
                continue;
            };
            found.push(Mention {
                entity: self.ids[self.forms[best.form].entity].clone(),
                span: Span::new(original_offset(text, &word, best.stripped), best.end),
            });
            for _ in 1..best.words {
                words.next_folded(&self.arabic, &mut scratch);
            }
        }
        found
    }

    /// The best form starting at the word (folded: `key`): the word as it is, then without one
    /// proclitic, then without two.
    fn best_at(&self, at: &Start, key: &[char], scratch: &mut Vec<char>) -> Option<Candidate> {
        let mut best = None;
        let first = *key.first()?;
        self.try_head(at, key, 0, scratch, &mut best);
        if key.len() > 1 && (is_conjunction(first) || is_preposition(first)) {
            self.try_stripped(at, &key[1..], first, 1, scratch, &mut best);
        }
        if key.len() > 2 && is_conjunction(first) && is_preposition(key[1]) {
            self.try_stripped(at, &key[2..], key[1], 2, scratch, &mut best);
        }
        best
    }

    /// Tries `rest`, what is left once `stripped` proclitics (the last one `last`) are taken off the
    /// word. After ل, the article's alef is missing: `rest` may then be the first word of a form
    /// starting with ال, written with its ل only (`لروس` for `الروس`).
    fn try_stripped(
        &self,
        at: &Start,
        rest: &[char],
        last: char,
        stripped: usize,
        scratch: &mut Vec<char>,
        best: &mut Option<Candidate>,
    ) {
        self.try_head(at, rest, stripped, scratch, best);
        if last == 'ل' {
            if let Some(ids) = self.after_lam.get(rest) {
                self.try_forms(at, ids, stripped, scratch, best);
            }
        }
    }

    /// Tries every form whose first word is spelled `head`.
    fn try_head(
        &self,
        at: &Start,
        head: &[char],
        stripped: usize,
        scratch: &mut Vec<char>,
        best: &mut Option<Candidate>,
    ) {
        if let Some(ids) = self.first.get(head) {
            self.try_forms(at, ids, stripped, scratch, best);
        }
    }

    /// Tries the forms `ids`, whose first word matched with `stripped` proclitics; keeps the best.
    fn try_forms(
        &self,
        at: &Start,
        ids: &[usize],
        stripped: usize,
        scratch: &mut Vec<char>,
        best: &mut Option<Candidate>,
    ) {
        for &form in ids {
            let Some((words, end)) = self.continues(at, &self.forms[form], scratch) else {
                continue;
            };
            let better =
                best.is_none_or(|b| words > b.words || (words == b.words && stripped < b.stripped));
            if better {
                *best = Some(Candidate {
                    form,
                    stripped,
                    words,
                    end,
                });
            }
        }
    }

    /// Whether the words after the first continue `form`: the number of words covered and the code
    /// point where they end.
    fn continues(&self, at: &Start, form: &Form, folded: &mut Vec<char>) -> Option<(usize, usize)> {
        let mut after = at.after.clone();
        let (mut gap_start, mut end) = (at.word.byte_end, at.word.end);
        for spellings in &form.rest {
            let next = after.next_folded(&self.arabic, folded)?;
            if !is_joiner(&at.text[gap_start..next.byte_start]) || !spellings.contains(folded) {
                return None;
            }
            gap_start = next.byte_end;
            end = next.end;
        }
        Some((form.rest.len() + 1, end))
    }
}

/// A bit set of the last two characters of words (see [`Matcher::endings`]).
#[derive(Debug)]
struct Endings {
    bits: [u64; 64],
    /// Whether some key has one character only (and so no two last characters).
    short: bool,
}

impl Default for Endings {
    fn default() -> Self {
        Endings {
            bits: [0; 64],
            short: false,
        }
    }
}

impl Endings {
    /// The bit of a word's ending, if it has two characters.
    fn bit(word: &[char]) -> Option<usize> {
        match word {
            [.., a, b] => Some((u32::from(*a).wrapping_mul(31) ^ u32::from(*b)) as usize & 4095),
            _ => None,
        }
    }

    /// Adds the ending of `head`, a key of the index.
    fn insert(&mut self, head: &[char]) {
        match Endings::bit(head) {
            Some(bit) => self.bits[bit / 64] |= 1 << (bit % 64),
            None => self.short = true,
        }
    }

    /// False when no key can be `word`, nor what is left of it without proclitics.
    fn may_end(&self, word: &[char]) -> bool {
        self.short
            || Endings::bit(word).is_none_or(|bit| self.bits[bit / 64] & (1 << (bit % 64)) != 0)
    }
}

/// Where a match is tried: the text, the word it starts at and the words after it.
struct Start<'t, 'w> {
    text: &'t str,
    word: &'w Word,
    after: &'w Words<'t>,
}

/// What a character is to a word: not part of one, part of one but dropped by folding (diacritics,
/// tatweel), or part of one, folded to this character.
#[derive(Clone, Copy, Debug)]
enum Letter {
    Gap,
    Silent,
    Kept(char),
}

/// What `c` is to a word (see the module documentation) and what it folds to ([`fold_char`]).
fn classify(c: char) -> Letter {
    if !(c.is_alphanumeric() || is_mark(c)) {
        return Letter::Gap;
    }
    fold_char(c).map_or(Letter::Silent, Letter::Kept)
}

/// One word of a text: code point and byte offsets.
struct Word {
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
}

/// Reads the words of a text in order, folding each as it goes.
#[derive(Clone)]
struct Words<'a> {
    text: &'a str,
    /// Byte and code point offsets of the next character.
    byte: usize,
    cp: usize,
}

impl<'a> Words<'a> {
    fn new(text: &'a str) -> Self {
        Words {
            text,
            byte: 0,
            cp: 0,
        }
    }

    /// The next word, its folded characters written to `folded`.
    ///
    /// ASCII and the Arabic block (U+0600–U+06FF, two UTF-8 bytes led by 0xD8–0xDB) are read
    /// straight from the bytes and classified by range and table; other characters are decoded and
    /// looked up in the general Unicode tables. Hand-rolled because decoding and Unicode lookups
    /// were most of the time spent on a long Arabic text (the size-optimised build does not inline
    /// `Chars`).
    fn next_folded(&mut self, arabic: &[Letter; 256], folded: &mut Vec<char>) -> Option<Word> {
        folded.clear();
        let (mut byte, mut cp) = (self.byte, self.cp);
        let (mut letter, mut len) = loop {
            match letter_at(self.text, byte, arabic) {
                Some((Letter::Gap, len)) => {
                    byte += len;
                    cp += 1;
                }
                Some(found) => break found,
                None => {
                    (self.byte, self.cp) = (byte, cp);
                    return None;
                }
            }
        };
        let (start, byte_start) = (cp, byte);
        loop {
            if let Letter::Kept(f) = letter {
                folded.push(f);
            }
            byte += len;
            cp += 1;
            match letter_at(self.text, byte, arabic) {
                Some((Letter::Gap, _)) | None => break,
                Some(next) => (letter, len) = next,
            }
        }
        (self.byte, self.cp) = (byte, cp);
        Some(Word {
            start,
            end: cp,
            byte_start,
            byte_end: byte,
        })
    }
}

/// The character of `text` at byte `byte`: what it is to a word, and its length in bytes.
#[inline(always)]
fn letter_at(text: &str, byte: usize, arabic: &[Letter; 256]) -> Option<(Letter, usize)> {
    let bytes = text.as_bytes();
    let lead = *bytes.get(byte)?;
    Some(match lead {
        0xD8..=0xDB => {
            let next = bytes.get(byte + 1).copied().unwrap_or(0);
            (
                arabic[usize::from(lead & 0x03) << 6 | usize::from(next & 0x3F)],
                2,
            )
        }
        b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => (Letter::Kept(char::from(lead)), 1),
        0..=0x7F => (Letter::Gap, 1),
        _ => {
            let c = text.get(byte..)?.chars().next()?;
            (classify(c), c.len_utf8())
        }
    })
}

/// Combining marks that may sit inside a word: Latin and Arabic diacritics. Tatweel (U+0640) is a
/// letter by its Unicode category already. Variation selectors are not marks here, so an emoji's
/// U+FE0F does not glue the emoji to the word after it.
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08E1}'
        | '\u{08E3}'..='\u{08FF}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Letters of the Arabic alphabet (the forms that take the article ال).
fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}')
}

/// What may stand between two words of one form: spaces and hyphens, on one line.
fn is_joiner(gap: &str) -> bool {
    !gap.is_empty()
        && gap.chars().all(|c| {
            matches!(c, '-' | '\u{2010}' | '\u{2011}')
                || (c.is_whitespace()
                    && !matches!(
                        c,
                        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
                    ))
        })
}

/// Adds `id` to `ids` unless it is there.
fn push_once(ids: &mut Vec<usize>, id: usize) {
    if !ids.contains(&id) {
        ids.push(id);
    }
}

/// The spellings a form's (folded) word is accepted in: as written, with its first letter
/// capitalised, and all in capitals (the same single spelling for Arabic, which has no case).
fn spellings(word: &[char]) -> Vec<Vec<char>> {
    let capitalised: Vec<char> = match word.split_first() {
        Some((first, rest)) => to_upper(&first.to_string())
            .chars()
            .chain(rest.iter().copied())
            .collect(),
        None => Vec::new(),
    };
    let upper: Vec<char> = to_upper(&word.iter().collect::<String>()).chars().collect();
    let mut all = vec![word.to_vec()];
    for s in [capitalised, upper] {
        if !all.contains(&s) {
            all.push(s);
        }
    }
    all
}

/// The code point offset, in `text`, of the folded character `skip` of `word`: where the word starts
/// once that many kept characters (the proclitics) are passed; the marks written on them stay out.
fn original_offset(text: &str, word: &Word, skip: usize) -> usize {
    if skip == 0 {
        return word.start;
    }
    let mut kept = 0;
    for (i, c) in text[word.byte_start..word.byte_end].chars().enumerate() {
        if fold_char(c).is_none() {
            continue;
        }
        if kept == skip {
            return word.start + i;
        }
        kept += 1;
    }
    word.end
}

/// FxHash, the multiply-and-rotate hash rustc uses for its own tables, for the word index: one
/// multiplication per character where the standard SipHash, built to resist collision attacks, costs
/// several times more, on the one lookup made for nearly every word of the text. Hand-rolled because
/// the crate takes no hashing dependency; collision attacks do not apply, as the table's keys come
/// from the registry and the text only looks them up.
#[derive(Default)]
struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
