//! JSON text → [`Value`], strictly (RFC 8259) and as `serde_json` reads it: the same values, the
//! same inputs refused, with the same messages and positions ("expected value at line 1 column 1").
//!
//! Hand-rolled rather than taken from a crate: `serde_json`'s parser came with serde's visitor
//! machinery and its float parser, and the bundle has a size budget (`BUDGET` in `scripts/size.sh`).
//! No float is parsed: a number keeps its text (`number.rs`), and the one float operation left,
//! deciding whether a number is too large for an `f64` as `serde_json` decides it, is a
//! multiplication. Nesting is bounded ([`DEPTH`]) so a hostile file cannot overflow the stack; time
//! is linear in the text (objects are sorted once, when closed).

use crate::core::json::number::{Decimal, Number};
use crate::core::json::value::{Map, Value};
use std::fmt;

/// How deep arrays and objects may nest (`serde_json`'s limit: 127 levels are read, the 128th is
/// refused).
pub const DEPTH: u8 = 128;

const EOF_LIST: &str = "EOF while parsing a list";
const EOF_OBJECT: &str = "EOF while parsing an object";
const EOF_STRING: &str = "EOF while parsing a string";
const EOF_VALUE: &str = "EOF while parsing a value";
const EXPECTED_COLON: &str = "expected `:`";
const EXPECTED_LIST_END: &str = "expected `,` or `]`";
const EXPECTED_OBJECT_END: &str = "expected `,` or `}`";
const EXPECTED_IDENT: &str = "expected ident";
const EXPECTED_VALUE: &str = "expected value";
const INVALID_ESCAPE: &str = "invalid escape";
const INVALID_NUMBER: &str = "invalid number";
const OUT_OF_RANGE: &str = "number out of range";
const CONTROL: &str = "control character (\\u0000-\\u001F) found while parsing a string";
const KEY_NOT_STRING: &str = "key must be a string";
const LONE_SURROGATE: &str = "lone leading surrogate in hex escape";
const TRAILING_COMMA: &str = "trailing comma";
const TRAILING: &str = "trailing characters";
const END_OF_HEX: &str = "unexpected end of hex escape";
const RECURSION: &str = "recursion limit exceeded";

/// Why a text is not JSON: `serde_json`'s message, "… at line L column C" (columns count bytes
/// from 0 at the line's start, as `serde_json` counts them).
#[derive(Clone, Debug, PartialEq)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Reads one JSON value from `text` (white space around it allowed, nothing else).
pub fn from_str(text: &str) -> Result<Value, Error> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        at: 0,
        depth: DEPTH,
    };
    let value = parser.value()?;
    match parser.whitespace() {
        Some(_) => Err(parser.peek_error(TRAILING)),
        None => Ok(value),
    }
}

/// `10^289` to `10^308` as `f64`s, the powers of ten by which a `u64` can overflow (serde_json's
/// table, from 289 on).
const POW10_HIGH: [f64; 20] = [
    1e289, 1e290, 1e291, 1e292, 1e293, 1e294, 1e295, 1e296, 1e297, 1e298, 1e299, 1e300, 1e301,
    1e302, 1e303, 1e304, 1e305, 1e306, 1e307, 1e308,
];

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    depth: u8,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    /// The next byte that is not white space, not taken.
    fn whitespace(&mut self) -> Option<u8> {
        while let Some(b) = self.peek() {
            if !matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(b);
            }
            self.at += 1;
        }
        None
    }

    /// An error at byte `i` (line and column as serde_json counts them).
    fn error_at(&self, message: &str, i: usize) -> Error {
        let before = &self.bytes[..i.min(self.bytes.len())];
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let line = 1 + before[..start].iter().filter(|&&b| b == b'\n').count();
        Error(format!("{message} at line {line} column {}", i - start))
    }

    /// An error about the byte just taken.
    fn error(&self, message: &str) -> Error {
        self.error_at(message, self.at)
    }

    /// An error about the byte not yet taken.
    fn peek_error(&self, message: &str) -> Error {
        self.error_at(message, (self.at + 1).min(self.bytes.len()))
    }

    fn value(&mut self) -> Result<Value, Error> {
        let Some(b) = self.whitespace() else {
            return Err(self.peek_error(EOF_VALUE));
        };
        match b {
            b'n' => self.ident(b"ull", Value::Null),
            b't' => self.ident(b"rue", Value::Bool(true)),
            b'f' => self.ident(b"alse", Value::Bool(false)),
            b'-' => {
                let start = self.at;
                self.at += 1;
                self.number(false, start)
            }
            b'0'..=b'9' => self.number(true, self.at),
            b'"' => {
                self.at += 1;
                self.string().map(Value::String)
            }
            b'[' | b'{' => {
                self.depth -= 1;
                if self.depth == 0 {
                    return Err(self.peek_error(RECURSION));
                }
                self.at += 1;
                let value = if b == b'[' {
                    self.array()
                } else {
                    self.object()
                };
                self.depth += 1;
                value
            }
            _ => Err(self.peek_error(EXPECTED_VALUE)),
        }
    }

    /// The rest of `null`, `true` or `false` (its first letter seen).
    fn ident(&mut self, rest: &[u8], value: Value) -> Result<Value, Error> {
        self.at += 1;
        for &expected in rest {
            match self.next() {
                None => return Err(self.error(EOF_VALUE)),
                Some(b) if b != expected => return Err(self.error(EXPECTED_IDENT)),
                Some(_) => {}
            }
        }
        Ok(value)
    }

    fn array(&mut self) -> Result<Value, Error> {
        let mut items = Vec::new();
        loop {
            let Some(b) = self.whitespace() else {
                return Err(self.peek_error(EOF_LIST));
            };
            if b == b']' {
                self.at += 1;
                return Ok(Value::Array(items));
            }
            if !items.is_empty() {
                if b != b',' {
                    return Err(self.peek_error(EXPECTED_LIST_END));
                }
                self.at += 1;
                match self.whitespace() {
                    Some(b']') => return Err(self.peek_error(TRAILING_COMMA)),
                    Some(_) => {}
                    None => return Err(self.peek_error(EOF_VALUE)),
                }
            }
            items.push(self.value()?);
        }
    }

    fn object(&mut self) -> Result<Value, Error> {
        let mut fields = Vec::new();
        loop {
            let Some(b) = self.whitespace() else {
                return Err(self.peek_error(EOF_OBJECT));
            };
            if b == b'}' {
                self.at += 1;
                return Ok(Value::Object(Map::from_fields(fields)));
            }
            if fields.is_empty() {
                if b != b'"' {
                    return Err(self.peek_error(KEY_NOT_STRING));
                }
            } else {
                if b != b',' {
                    return Err(self.peek_error(EXPECTED_OBJECT_END));
                }
                self.at += 1;
                match self.whitespace() {
                    Some(b'"') => {}
                    Some(b'}') => return Err(self.peek_error(TRAILING_COMMA)),
                    Some(_) => return Err(self.peek_error(KEY_NOT_STRING)),
                    None => return Err(self.peek_error(EOF_VALUE)),
                }
            }
            self.at += 1;
            let key = self.string()?;
            match self.whitespace() {
                Some(b':') => self.at += 1,
                Some(_) => return Err(self.peek_error(EXPECTED_COLON)),
                None => return Err(self.peek_error(EOF_OBJECT)),
            }
            let value = self.value()?;
            fields.push((key, value));
        }
    }

    /// A string's contents and its closing quote (the opening one taken).
    fn string(&mut self) -> Result<String, Error> {
        let mut out = String::new();
        let mut start = self.at;
        loop {
            let rest = self.bytes.get(self.at..).unwrap_or_default();
            self.at += rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(rest.len());
            // Every stop is at an ASCII byte, so the slices below are whole characters.
            let run = self.text.get(start..self.at).unwrap_or_default();
            match self.peek() {
                None => return Err(self.error(EOF_STRING)),
                Some(b'"') => {
                    self.at += 1;
                    out.push_str(run);
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(run);
                    self.at += 1;
                    self.escape(&mut out)?;
                    start = self.at;
                }
                Some(_) => {
                    self.at += 1;
                    return Err(self.error(CONTROL));
                }
            }
        }
    }

    /// One escape (its backslash taken).
    fn escape(&mut self, out: &mut String) -> Result<(), Error> {
        let c = match self.next() {
            None => return Err(self.error(EOF_STRING)),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => return self.unicode(out),
            Some(_) => return Err(self.error(INVALID_ESCAPE)),
        };
        out.push(c);
        Ok(())
    }

    /// A `\u` escape (its `\u` taken); a surrogate must be the first of a pair.
    fn unicode(&mut self, out: &mut String) -> Result<(), Error> {
        let n = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&n) {
            return Err(self.error(LONE_SURROGATE));
        }
        let code = if (0xD800..=0xDBFF).contains(&n) {
            for expected in [b'\\', b'u'] {
                match self.peek() {
                    None => return Err(self.error(EOF_STRING)),
                    Some(b) => {
                        self.at += 1;
                        if b != expected {
                            return Err(self.error(END_OF_HEX));
                        }
                    }
                }
            }
            let low = self.hex4()?;
            if !(0xDC00..=0xDFFF).contains(&low) {
                return Err(self.error(LONE_SURROGATE));
            }
            (((n - 0xD800) << 10) | (low - 0xDC00)) + 0x1_0000
        } else {
            n
        };
        out.extend(char::from_u32(code));
        Ok(())
    }

    /// Four hex digits.
    fn hex4(&mut self) -> Result<u32, Error> {
        let Some(digits) = self.bytes.get(self.at..self.at + 4) else {
            self.at = self.bytes.len();
            return Err(self.error(EOF_STRING));
        };
        self.at += 4;
        digits
            .iter()
            .try_fold(0u32, |n, &b| Some(n << 4 | char::from(b).to_digit(16)?))
            .ok_or_else(|| self.error(INVALID_ESCAPE))
    }

    /// A number, its sign taken (`start` is where its text starts). The significand and exponent
    /// are computed as `serde_json` computes them (digits past a full `u64` dropped), so that the
    /// same numbers are refused as out of range.
    fn number(&mut self, positive: bool, start: usize) -> Result<Value, Error> {
        let digit = |b: Option<u8>| b.filter(u8::is_ascii_digit).map(|b| u64::from(b - b'0'));
        let push = |significand: u64, d: u64| significand.checked_mul(10)?.checked_add(d);
        let (mut significand, mut exponent, mut float) = (0u64, 0i32, false);
        match self.next() {
            None => return Err(self.error(EOF_VALUE)),
            Some(b'0') => {
                if digit(self.peek()).is_some() {
                    return Err(self.peek_error(INVALID_NUMBER));
                }
            }
            Some(b @ b'1'..=b'9') => {
                significand = u64::from(b - b'0');
                while let Some(d) = digit(self.peek()) {
                    self.at += 1;
                    match push(significand, d) {
                        Some(s) if !float => significand = s,
                        // The rest of a long integer only scales it.
                        _ => {
                            float = true;
                            exponent = exponent.saturating_add(1);
                        }
                    }
                }
            }
            Some(_) => return Err(self.error(INVALID_NUMBER)),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            float = true;
            let (mut any, mut full) = (false, false);
            while let Some(d) = digit(self.peek()) {
                self.at += 1;
                any = true;
                match push(significand, d) {
                    Some(s) if !full => {
                        significand = s;
                        exponent = exponent.saturating_sub(1);
                    }
                    _ => full = true,
                }
            }
            if !any {
                return Err(match self.peek() {
                    Some(_) => self.peek_error(INVALID_NUMBER),
                    None => self.peek_error(EOF_VALUE),
                });
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            float = true;
            let positive_exp = match self.peek() {
                Some(b'-') => {
                    self.at += 1;
                    false
                }
                Some(b'+') => {
                    self.at += 1;
                    true
                }
                _ => true,
            };
            let mut exp = match self.next() {
                None => return Err(self.error(EOF_VALUE)),
                Some(b) => match digit(Some(b)) {
                    Some(d) => d as i32,
                    None => return Err(self.error(INVALID_NUMBER)),
                },
            };
            while let Some(d) = digit(self.peek()) {
                self.at += 1;
                match exp.checked_mul(10).and_then(|e| e.checked_add(d as i32)) {
                    Some(e) => exp = e,
                    None if significand != 0 && positive_exp => {
                        return Err(self.error(OUT_OF_RANGE))
                    }
                    None => {
                        while digit(self.peek()).is_some() {
                            self.at += 1;
                        }
                        return Ok(self.finish(start, Decimal::Zero { positive }));
                    }
                }
            }
            exponent = if positive_exp {
                exponent.saturating_add(exp)
            } else {
                exponent.saturating_sub(exp)
            };
        }
        let integer = !float && (positive || (1..=1u64 << 63).contains(&significand));
        if integer {
            return Ok(self.finish(start, Decimal::Integer));
        }
        if significand == 0 {
            return Ok(self.finish(start, Decimal::Zero { positive }));
        }
        // serde_json multiplies by a power of ten: out of range when that gives infinity.
        let too_large = match exponent {
            309.. => true,
            289..=308 => POW10_HIGH
                .get((exponent - 289) as usize)
                .is_some_and(|p| (significand as f64 * p).is_infinite()),
            _ => false,
        };
        if too_large {
            return Err(self.error(OUT_OF_RANGE));
        }
        Ok(self.finish(
            start,
            Decimal::Float {
                positive,
                significand,
                exponent,
            },
        ))
    }

    fn finish(&self, start: usize, decimal: Decimal) -> Value {
        let text = self.text.get(start..self.at).unwrap_or_default();
        Value::Number(Number::read(text, decimal))
    }
}
