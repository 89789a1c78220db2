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
//! Why hand-rolled and not a multi-pattern automaton (Aho–Corasick): matching is by whole words, with
//! proclitic and article variants and folded spelling, so the text is cut into words once, each word
//! folded once and its few proclitic-stripped variants looked up in a hash map from the folded first
//! word of every form. That is one pass over the text and a handful of lookups per word, whatever the
//! size of the registry.

use std::collections::HashMap;
use std::iter::Peekable;
use std::str::CharIndices;

use crate::core::entities::Entity;
use crate::core::fold::fold_char;

/// One place where an entity is named.
///
/// `start` and `end` are code point offsets into the searched text, `[start, end)`. The span is the
/// word (or words) naming the entity without the proclitics in front of it (و ف ب ل ك) and without
/// anything after the word (a possessive `'s`, punctuation): `وبروسيا` → `روسيا`, `بالأسد` → `الأسد`,
/// `للروس` → `لروس` (the article's ل that remains after the preposition ل, and the name),
/// `وبشار الأسد` → `بشار الأسد`, `Russia's` → `Russia`. The diacritics written on the span's letters
/// are inside it. A span always lies inside the text's words and covers at least the name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The id of the entity named ([`Entity::id`]).
    pub entity: String,
    /// First code point of the mention.
    pub start: usize,
    /// Code point just past the mention.
    pub end: usize,
}

/// One form of one entity, after its first word: what each following word may be spelled as.
#[derive(Debug, PartialEq, Eq)]
struct Form {
    /// Index of the entity in [`Matcher::ids`].
    entity: usize,
    /// For each word after the first, its accepted folded spellings.
    rest: Vec<Vec<String>>,
}

/// The registry's forms, prepared for searching many texts.
#[derive(Debug)]
pub struct Matcher {
    /// Entity ids, in registry order.
    ids: Vec<String>,
    /// Every form, in registry order.
    forms: Vec<Form>,
    /// Accepted folded spelling of a form's first word → the forms starting with it, in registry order.
    first: HashMap<String, Vec<usize>>,
    /// The same for first words starting with the article ال, spelled without its alef (`لروس` for
    /// `الروس`): how they are written after the preposition ل (`للروس`), and only there.
    after_lam: HashMap<String, Vec<usize>>,
}

/// Conjunctions that may open an Arabic word: و (and), ف (so).
const CONJUNCTIONS: [char; 2] = ['و', 'ف'];
/// Prepositions that may follow them, or open the word themselves: ب (in, by), ل (to, for), ك (like).
const PREPOSITIONS: [char; 3] = ['ب', 'ل', 'ك'];

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
        let mut matcher = Matcher {
            ids: registry.iter().map(|e| e.id.clone()).collect(),
            forms: Vec::new(),
            first: HashMap::new(),
            after_lam: HashMap::new(),
        };
        let mut buf = String::new();
        for (entity, e) in registry.iter().enumerate() {
            for form in &e.forms {
                let words: Vec<String> = Words::new(form)
                    .map(|w| {
                        fold_into(&form[w.byte_start..w.byte_end], &mut buf);
                        buf.clone()
                    })
                    .collect();
                let Some((head, tail)) = words.split_first() else {
                    continue;
                };
                let mut heads = spellings(head);
                if head.chars().next().is_some_and(is_arabic_letter) && !head.starts_with("ال") {
                    heads.push(format!("ال{head}"));
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
    fn add(&mut self, heads: Vec<String>, form: Form) {
        let id = match self.forms.iter().position(|f| *f == form) {
            Some(id) => id,
            None => {
                self.forms.push(form);
                self.forms.len() - 1
            }
        };
        for head in heads {
            if let Some(bare) = head.strip_prefix('ا').filter(|b| b.starts_with('ل')) {
                push_once(self.after_lam.entry(bare.to_string()).or_default(), id);
            }
            push_once(self.first.entry(head).or_default(), id);
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
        let mut key = String::new();
        while let Some(word) = words.next() {
            fold_into(&text[word.byte_start..word.byte_end], &mut key);
            let Some(best) = self.best_at(text, &word, &key, &words) else {
                continue;
            };
            found.push(Mention {
                entity: self.ids[self.forms[best.form].entity].clone(),
                start: original_offset(text, &word, best.stripped),
                end: best.end,
            });
            for _ in 1..best.words {
                words.next();
            }
        }
        found
    }

    /// The best form starting at `word` (folded: `key`), `after` being the words that follow it:
    /// the word as it is, then without one proclitic, then without two.
    fn best_at<'t>(
        &self,
        text: &'t str,
        word: &Word,
        key: &str,
        after: &Words<'t>,
    ) -> Option<Candidate> {
        let at = Start { text, word, after };
        let mut best = None;
        let mut chars = key.chars();
        let first = chars.next()?;
        self.try_head(&at, key, 0, &mut best);
        if CONJUNCTIONS.contains(&first) || PREPOSITIONS.contains(&first) {
            self.try_stripped(&at, &key[first.len_utf8()..], first, 1, &mut best);
        }
        if let Some(second) = chars.next() {
            if CONJUNCTIONS.contains(&first) && PREPOSITIONS.contains(&second) {
                let rest = &key[first.len_utf8() + second.len_utf8()..];
                self.try_stripped(&at, rest, second, 2, &mut best);
            }
        }
        best
    }

    /// Tries `rest`, what is left once `stripped` proclitics (the last one `last`) are taken off the
    /// word. After ل, the article's alef is missing: `rest` may then be the first word of a form
    /// starting with ال, written with its ل only (`لروس` for `الروس`).
    fn try_stripped(
        &self,
        at: &Start,
        rest: &str,
        last: char,
        stripped: usize,
        best: &mut Option<Candidate>,
    ) {
        if rest.is_empty() {
            return;
        }
        self.try_head(at, rest, stripped, best);
        if last == 'ل' {
            if let Some(ids) = self.after_lam.get(rest) {
                self.try_forms(at, ids, stripped, best);
            }
        }
    }

    /// Tries every form whose first word is spelled `head`.
    fn try_head(&self, at: &Start, head: &str, stripped: usize, best: &mut Option<Candidate>) {
        if let Some(ids) = self.first.get(head) {
            self.try_forms(at, ids, stripped, best);
        }
    }

    /// Tries the forms `ids`, whose first word matched with `stripped` proclitics; keeps the best.
    fn try_forms(&self, at: &Start, ids: &[usize], stripped: usize, best: &mut Option<Candidate>) {
        for &form in ids {
            let Some((words, end)) = continues(at, &self.forms[form]) else {
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
}

/// Where a match is tried: the text, the word it starts at and the words after it.
struct Start<'t, 'w> {
    text: &'t str,
    word: &'w Word,
    after: &'w Words<'t>,
}

/// Whether the words after the first continue `form`: the number of words covered and the code
/// point where they end.
fn continues(at: &Start, form: &Form) -> Option<(usize, usize)> {
    if form.rest.is_empty() {
        return Some((1, at.word.end));
    }
    let mut after = at.after.clone();
    let (mut gap_start, mut end) = (at.word.byte_end, at.word.end);
    let mut folded = String::new();
    for spellings in &form.rest {
        let next = after.next()?;
        if !is_joiner(&at.text[gap_start..next.byte_start]) {
            return None;
        }
        fold_into(&at.text[next.byte_start..next.byte_end], &mut folded);
        if !spellings.contains(&folded) {
            return None;
        }
        gap_start = next.byte_end;
        end = next.end;
    }
    Some((form.rest.len() + 1, end))
}

/// One word of a text: code point and byte offsets.
struct Word {
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
}

/// The words of a text, in order (see the module documentation for what a word is).
#[derive(Clone)]
struct Words<'a> {
    chars: Peekable<CharIndices<'a>>,
    /// Code point offset of the next character.
    cp: usize,
}

impl<'a> Words<'a> {
    fn new(text: &'a str) -> Self {
        Words {
            chars: text.char_indices().peekable(),
            cp: 0,
        }
    }
}

impl Iterator for Words<'_> {
    type Item = Word;

    fn next(&mut self) -> Option<Word> {
        while self.chars.next_if(|&(_, c)| !is_word_char(c)).is_some() {
            self.cp += 1;
        }
        let &(byte_start, _) = self.chars.peek()?;
        let start = self.cp;
        let mut byte_end = byte_start;
        while let Some((b, c)) = self.chars.next_if(|&(_, c)| is_word_char(c)) {
            byte_end = b + c.len_utf8();
            self.cp += 1;
        }
        Some(Word {
            start,
            end: self.cp,
            byte_start,
            byte_end,
        })
    }
}

/// Letters, digits, combining marks and tatweel make words.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
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

/// Writes `word` folded ([`fold_char`]) into `out`.
fn fold_into(word: &str, out: &mut String) {
    out.clear();
    out.extend(word.chars().filter_map(fold_char));
}

/// The spellings a form's word is accepted in: as written, with its first letter capitalised, and
/// all in capitals (the same single spelling for Arabic, which has no case).
fn spellings(word: &str) -> Vec<String> {
    let mut chars = word.chars();
    let capitalised: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    let mut all = vec![word.to_string()];
    for s in [capitalised, word.to_uppercase()] {
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
