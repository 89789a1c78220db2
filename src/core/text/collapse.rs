//! A block's text as the reader sees it, mapped both ways to the DOM text nodes it came from.
//!
//! When Hamish annotates a host page in place, a block (`<p>`, `<h1>`…) is a sequence of [`Piece`]s in
//! document order: the data of its text nodes (wherever they sit: inside links, `<em>`…) and its `<br>`s.
//! The text Hamish annotates is what CSS `white-space: normal` renders:
//!
//! * **Collapsible white space** is ' ', '\t', '\n', '\r' and U+000C (form feed) — nothing else: a
//!   no-break space (U+00A0), other Unicode spaces and zero-width characters are kept as they are.
//! * A run of collapsible white space, even one spread over several pieces (`"foo "` + `" bar"`, or
//!   `"foo"` + `" "` + `"bar"`), becomes **one space** U+0020, mapped to the run's first white-space
//!   character.
//! * A **break** becomes `"\n"`; collapsible white space directly before or after it disappears (so
//!   `a <br> b` gives `"a\nb"`), and consecutive breaks give consecutive `"\n"`s. The `"\n"` of a break
//!   maps to no piece.
//! * The text is **trimmed**: white space and breaks at the block's start and end are dropped, so a block
//!   with only white space and breaks has the text `""`.
//!
//! Every offset — inside a piece or inside [`Collapsed::text`] — counts **UTF-16 code units**, the DOM's
//! unit (an Arabic letter or diacritic is one unit, an emoji such as 😀 two). An offset between the two
//! halves of a surrogate pair rounds down to the start of that character; every offset or piece index
//! out of range clamps, so nothing here panics on input that came from a page. Converting the block
//! offsets to code points is `units.rs`'s job.
//!
//! Hand-rolled because no crate maps DOM-like text pieces through CSS white-space collapsing and back.
//! One pass over the pieces (linear in their length) builds the text together with *runs*: maximal
//! stretches of the text that are a contiguous stretch of one piece, in document order, so both their
//! text offsets and their (piece, offset) keys are sorted; each lookup is then a binary search.

/// One piece of a block's content, in document order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// A text node's data.
    Text(String),
    /// A line break (`<br>`).
    Break,
}

/// Which side of an offset a boundary point belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bias {
    /// The point just before the character at the offset (a range's start).
    Start,
    /// The point just after the character before the offset (a range's end).
    End,
}

/// A stretch of `text` copied from a contiguous stretch of one `Text` piece (a collapsed space counts
/// as the one white-space character it is mapped to).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    /// UTF-16 offset of the run in `text`.
    text: usize,
    /// Index of the piece.
    piece: usize,
    /// UTF-16 offset of the run in the piece.
    at: usize,
    /// UTF-16 length (the same in `text` and in the piece).
    len: usize,
}

/// A kept break: its piece and the UTF-16 offset of its `"\n"` in `text`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct KeptBreak {
    piece: usize,
    text: usize,
}

/// A block's collapsed text and the map between it and its pieces (all offsets in UTF-16 code units).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Collapsed {
    /// The text as rendered: white space collapsed, a `\n` per break, trimmed at both ends.
    pub text: String,
    /// UTF-16 length of `text`.
    len16: usize,
    /// Runs in document order (sorted by `text` and by `(piece, at)`).
    runs: Vec<Run>,
    /// Kept breaks in document order.
    breaks: Vec<KeptBreak>,
    /// UTF-16 offsets in `text` of the second halves of surrogate pairs (sorted).
    lows: Vec<usize>,
}

/// White space that `white-space: normal` collapses.
fn collapsible(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{000C}')
}

impl Collapsed {
    /// Collapses `pieces`.
    pub fn new(pieces: &[Piece]) -> Collapsed {
        let mut out = Collapsed::default();
        // Nothing is emitted until a kept character shows that something follows it: white space and
        // breaks wait here, so those at the start and the end of the block are dropped.
        let mut started = false;
        let mut space: Option<(usize, usize)> = None;
        let mut breaks: Vec<usize> = Vec::new();
        for (index, piece) in pieces.iter().enumerate() {
            let data = match piece {
                Piece::Break => {
                    breaks.push(index);
                    continue;
                }
                Piece::Text(data) => data,
            };
            let mut at = 0;
            for c in data.chars() {
                if collapsible(c) {
                    space.get_or_insert((index, at));
                } else {
                    if started {
                        if !breaks.is_empty() {
                            // White space around breaks disappears.
                            for &b in &breaks {
                                out.push_break(b);
                            }
                        } else if let Some((p, a)) = space {
                            out.push_char(' ', p, a);
                        }
                    }
                    breaks.clear();
                    space = None;
                    out.push_char(c, index, at);
                    started = true;
                }
                at += c.len_utf16();
            }
        }
        out
    }

    /// Appends `c`, copied from UTF-16 offset `at` of piece `piece`.
    fn push_char(&mut self, c: char, piece: usize, at: usize) {
        let n = c.len_utf16();
        match self.runs.last_mut() {
            // Runs always end at the end of the text unless a break came after them.
            Some(run)
                if run.piece == piece
                    && run.at + run.len == at
                    && run.text + run.len == self.len16 =>
            {
                run.len += n;
            }
            _ => self.runs.push(Run {
                text: self.len16,
                piece,
                at,
                len: n,
            }),
        }
        if n == 2 {
            self.lows.push(self.len16 + 1);
        }
        self.text.push(c);
        self.len16 += n;
    }

    /// Appends the `"\n"` of the break at piece `piece`.
    fn push_break(&mut self, piece: usize) {
        self.breaks.push(KeptBreak {
            piece,
            text: self.len16,
        });
        self.text.push('\n');
        self.len16 += 1;
    }

    /// `at` moved back to the start of its character when it falls inside a surrogate pair.
    fn char_start(&self, at: usize) -> usize {
        if self.lows.binary_search(&at).is_ok() {
            at - 1
        } else {
            at
        }
    }

    /// UTF-16 length of `text`.
    pub fn len_utf16(&self) -> usize {
        self.len16
    }

    /// The offset in `text` of the point `offset` (UTF-16) inside piece `piece`. A point inside white space
    /// that was collapsed away maps to the end of the kept character before it; a point before all kept text maps
    /// to 0, after all of it to `len_utf16()`. Pieces that are `Break` or out of range map to the nearest kept text
    /// after them (or the end).
    pub fn to_text(&self, piece: usize, offset: usize) -> usize {
        let key = (piece, offset);
        let i = self.runs.partition_point(|r| (r.piece, r.at) <= key);
        let after_run = match i.checked_sub(1).map(|i| self.runs[i]) {
            None => 0,
            Some(r) if r.piece == piece && offset < r.at + r.len => {
                return self.char_start(r.text + (offset - r.at));
            }
            Some(r) => r.text + r.len,
        };
        // A break at or before the point (a `Break` piece counts as being before every offset "in" it).
        let j = self.breaks.partition_point(|b| b.piece <= piece);
        let after_break = j.checked_sub(1).map_or(0, |j| self.breaks[j].text + 1);
        // Both are ends of things before the point in document order: the later one is the larger.
        after_run.max(after_break)
    }

    /// The point in the pieces for offset `at` in `text`, as (piece index, UTF-16 offset in that piece).
    /// `Bias::Start` gives the point just before the character at `at` (for a range's start);
    /// `Bias::End` the point just after the character before `at` (for a range's end). Only `Text` pieces are
    /// returned. `None` when the block has no text.
    ///
    /// Where that character is a break's `"\n"`, or there is none (`Start` at the end, `End` at 0), the
    /// nearest text is used: `Start` takes the first kept character at or after `at` (else the end of the
    /// last one), `End` the end of the last kept character before `at` (else the start of the first one).
    /// An `at` inside a surrogate pair rounds down to the start of that character; past the end clamps.
    pub fn to_piece(&self, at: usize, bias: Bias) -> Option<(usize, usize)> {
        if self.runs.is_empty() {
            return None;
        }
        let at = self.char_start(at.min(self.len16));
        match bias {
            Bias::Start => self.start_point(at).or_else(|| self.end_point(at)),
            Bias::End => self.end_point(at).or_else(|| self.start_point(at)),
        }
    }

    /// The point before the first text character at or after `at`.
    fn start_point(&self, at: usize) -> Option<(usize, usize)> {
        let i = self.runs.partition_point(|r| r.text + r.len <= at);
        let r = self.runs.get(i)?;
        Some((r.piece, r.at + at.saturating_sub(r.text)))
    }

    /// The point after the last text character before `at`.
    fn end_point(&self, at: usize) -> Option<(usize, usize)> {
        let i = self.runs.partition_point(|r| r.text < at);
        let r = self.runs[i.checked_sub(1)?];
        Some((r.piece, r.at + (at - r.text).min(r.len)))
    }
}
