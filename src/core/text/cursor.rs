//! The keyboard cursor: moving through an article's text by word and by sentence, and extending a
//! selection, for a reader who selects without a mouse.
//!
//! Offsets are code points of the article's text (blocks joined by a blank line). Words are runs of
//! letters, digits and the marks on them, kept whole across an apostrophe or a dot between letters and
//! a comma or a dot between digits (UAX #29's rules for the scripts of news text, written out here so
//! the bundle does not carry Unicode's word tables); punctuation and white space are never a stop. A sentence ends at `.`, `!`, `?`, `؟` or `…` between two words, and at a
//! paragraph break (a blank line).

use crate::core::text::graphemes::joins_previous;
use crate::core::text::span::Span;

/// Characters that end a sentence.
const SENTENCE_ENDS: [char; 5] = ['.', '!', '?', '؟', '…'];

/// One move of the cursor, in reading order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// To the next word.
    NextWord,
    /// To the previous word.
    PreviousWord,
    /// To the next sentence (when extending: to the end of this sentence, then of the next).
    NextSentence,
    /// To the start of this sentence, or of the previous one when already there.
    PreviousSentence,
}

/// An arrow key, as pressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrow {
    /// ArrowLeft.
    Left,
    /// ArrowRight.
    Right,
    /// ArrowUp.
    Up,
    /// ArrowDown.
    Down,
}

impl Arrow {
    /// The arrow a `KeyboardEvent.key` names, if any.
    pub fn from_key(key: &str) -> Option<Arrow> {
        match key {
            "ArrowLeft" => Some(Arrow::Left),
            "ArrowRight" => Some(Arrow::Right),
            "ArrowUp" => Some(Arrow::Up),
            "ArrowDown" => Some(Arrow::Down),
            _ => None,
        }
    }

    /// The step this arrow asks for in a block written in direction `dir` (`rtl` or `ltr`): left and
    /// right follow the page (in right-to-left text ArrowLeft goes forward), by word, or by sentence
    /// when `by_sentence` (Ctrl held); up and down go back and forward by sentence.
    pub fn step(self, dir: &str, by_sentence: bool) -> Step {
        let rtl = dir == "rtl";
        let forward = match self {
            Arrow::Up => return Step::PreviousSentence,
            Arrow::Down => return Step::NextSentence,
            Arrow::Left => rtl,
            Arrow::Right => !rtl,
        };
        match (forward, by_sentence) {
            (true, false) => Step::NextWord,
            (false, false) => Step::PreviousWord,
            (true, true) => Step::NextSentence,
            (false, true) => Step::PreviousSentence,
        }
    }
}

/// The words of a text and the sentences they make up.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Words {
    /// Every word, in reading order.
    words: Vec<Span>,
    /// Each sentence as the indices of its first and last word.
    sentences: Vec<(usize, usize)>,
    /// The sentence of each word.
    sentence_of: Vec<usize>,
}

impl Words {
    /// Finds the words and sentences of `text`.
    pub fn new(text: &str) -> Words {
        let mut out = Words::default();
        let mut at = 0;
        let mut ended = false;
        let mut newlines = 0;
        for (segment, is_word) in word_runs(text) {
            let len = segment.chars().count();
            if is_word {
                let index = out.words.len();
                if index == 0 || ended || newlines >= 2 {
                    out.sentences.push((index, index));
                } else if let Some(last) = out.sentences.last_mut() {
                    last.1 = index;
                }
                out.sentence_of.push(out.sentences.len() - 1);
                out.words.push(Span::new(at, at + len));
                ended = false;
                newlines = 0;
            } else {
                ended |= segment.contains(SENTENCE_ENDS);
                newlines += segment.matches('\n').count();
            }
            at += len;
        }
        out
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when the text has no word.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The span of word `index` (clamped to the last word); an empty span when there are none.
    pub fn word(&self, index: usize) -> Span {
        self.words
            .get(index.min(self.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    }

    /// The first and last word of the sentence holding word `index`.
    pub fn sentence(&self, index: usize) -> (usize, usize) {
        self.sentence_of
            .get(index)
            .and_then(|&s| self.sentences.get(s))
            .copied()
            .unwrap_or((index, index))
    }

    /// The index of the word holding code point `cp`, else of the first word after it, else of the
    /// last word.
    pub fn at(&self, cp: usize) -> usize {
        self.words
            .partition_point(|w| w.end <= cp)
            .min(self.len().saturating_sub(1))
    }

    /// The cursor selecting the words `span` touches, from its first to its last; `None` when it
    /// touches none.
    pub fn covering(&self, span: Span) -> Option<Cursor> {
        let first = self.words.partition_point(|w| w.end <= span.start);
        let last = self.words.partition_point(|w| w.start < span.end);
        (first < last).then(|| Cursor {
            anchor: first,
            focus: last - 1,
        })
    }
}

/// The keyboard cursor: the word a selection started from (`anchor`) and the word it reaches
/// (`focus`), as indices into [`Words`]; the same word when nothing is extended.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cursor {
    /// The word the selection started from.
    pub anchor: usize,
    /// The word the cursor is on.
    pub focus: usize,
}

impl Cursor {
    /// A cursor on word `index` alone.
    pub fn on(index: usize) -> Cursor {
        Cursor {
            anchor: index,
            focus: index,
        }
    }

    /// Whether the selection reaches over more than one word.
    pub fn is_extended(self) -> bool {
        self.anchor != self.focus
    }

    /// The cursor after `step`: the focus moves (never past the first or last word); the anchor stays
    /// when `extend` (Shift held), else it follows the focus.
    pub fn step(self, words: &Words, step: Step, extend: bool) -> Cursor {
        let last = words.len().saturating_sub(1);
        let focus = self.focus.min(last);
        let (first_of, last_of) = words.sentence(focus);
        let focus = match step {
            Step::NextWord => (focus + 1).min(last),
            Step::PreviousWord => focus.saturating_sub(1),
            Step::NextSentence if extend => {
                if focus < last_of {
                    last_of
                } else if last_of < last {
                    words.sentence(last_of + 1).1
                } else {
                    focus
                }
            }
            Step::NextSentence => {
                if last_of < last {
                    last_of + 1
                } else {
                    focus
                }
            }
            Step::PreviousSentence => {
                if focus > first_of {
                    first_of
                } else if first_of > 0 {
                    words.sentence(first_of - 1).0
                } else {
                    focus
                }
            }
        };
        Cursor {
            anchor: if extend { self.anchor } else { focus },
            focus,
        }
    }

    /// The text the cursor selects: from the start of its first word to the end of its last.
    pub fn span(self, words: &Words) -> Span {
        let (a, b) = (words.word(self.anchor), words.word(self.focus));
        Span::new(a.start.min(b.start), a.end.max(b.end))
    }
}

/// Whether `c` continues a word: a letter, a digit, a mark on one, a joiner or a connector `_`.
fn in_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || joins_previous(c)
}

/// Whether `c`, between `before` and `after`, keeps one word whole (`don't`, `e.g`, `3.14`, `1,000`).
fn joins_word(before: char, c: char, after: char) -> bool {
    let letters = before.is_alphabetic() && after.is_alphabetic();
    let digits = before.is_numeric() && after.is_numeric();
    (letters && matches!(c, '\'' | '’' | '.' | ':' | '·'))
        || (digits && matches!(c, ',' | '.' | ';' | '\'' | '٫' | '٬'))
}

/// `text` cut into runs that are words and runs that are not, in order, with which is which.
pub fn word_runs(text: &str) -> Vec<(&str, bool)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut runs = Vec::new();
    let mut from = 0;
    let mut word = None;
    for (i, &(byte, c)) in chars.iter().enumerate() {
        let is = in_word(c)
            || (word == Some(true)
                && i > 0
                && chars
                    .get(i + 1)
                    .is_some_and(|&(_, after)| joins_word(chars[i - 1].1, c, after)));
        if word.is_some_and(|w| w != is) {
            runs.push((&text[from..byte], word == Some(true)));
            from = byte;
        }
        word = Some(is);
    }
    if let Some(w) = word {
        runs.push((&text[from..], w));
    }
    runs
}
