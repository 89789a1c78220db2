//! A JSON number kept as text: no float is parsed or printed, so the bundle carries neither the
//! standard library's decimal-to-float tables nor its float printer.

/// A JSON number: the text it is written as, and whether `serde_json` would have read it as an
/// integer (`u64`, or a negative `i64`).
///
/// Integers keep their text. Other numbers are written as `serde_json` writes the `f64` it would
/// read (`1.50` → `1.5`, `1e2` → `100.0`, `-0` → `-0.0`, `1e16` → `1e+16`) when that `f64` is exact enough to know
/// without float arithmetic: at most 15 significant digits and a power of ten within ±22; any
/// other keeps the text it was read as (`serde_json` would print its nearest `f64`).
#[derive(Clone, Debug, PartialEq)]
pub struct Number {
    text: String,
    integer: bool,
}

impl Number {
    /// The number as it is written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Its value, when it is a whole number in `u64`'s range (not `1.0` or `1e2`, as in `serde_json`).
    pub fn as_u64(&self) -> Option<u64> {
        self.integer.then(|| self.text.parse().ok()).flatten()
    }

    /// Its value, when it is a whole number in `i64`'s range.
    pub fn as_i64(&self) -> Option<i64> {
        self.integer.then(|| self.text.parse().ok()).flatten()
    }

    /// A number read from JSON text as `serde_json` reads it: `positive`, `significand` and
    /// `exponent` are what its parser computes (see `parse.rs`); `text` is the literal.
    pub(crate) fn read(text: &str, decimal: Decimal) -> Number {
        match decimal {
            Decimal::Integer => Number {
                text: text.into(),
                integer: true,
            },
            Decimal::Zero { positive } => Number {
                text: if positive { "0.0" } else { "-0.0" }.into(),
                integer: false,
            },
            Decimal::Float {
                positive,
                significand,
                exponent,
            } => Number {
                text: shortest(positive, significand, exponent).unwrap_or_else(|| text.into()),
                integer: false,
            },
        }
    }
}

/// What the parser made of a number's text.
pub(crate) enum Decimal {
    /// A whole number `serde_json` keeps as `u64` or `i64`.
    Integer,
    /// A float that is zero.
    Zero { positive: bool },
    /// `±significand × 10^exponent`, read as an `f64`.
    Float {
        positive: bool,
        significand: u64,
        exponent: i32,
    },
}

/// The text `serde_json` (its float printer, `zmij`) writes for the `f64` nearest `±significand × 10^exponent`, when that
/// `f64` is found by one correctly rounded operation and its shortest digits are the decimal's own (at most 15
/// significant digits: two such decimals never share an `f64`).
fn shortest(positive: bool, significand: u64, exponent: i32) -> Option<String> {
    // The significand is an exact f64 when its odd part has at most 53 bits, and so are the powers
    // of ten up to 10^22: serde_json's one multiplication or division then rounds correctly.
    if significand >> significand.trailing_zeros() > 1 << 53 || !(-22..=22).contains(&exponent) {
        return None;
    }
    let mut digits = significand.to_string();
    let mut k = exponent as isize;
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
        k += 1;
    }
    if digits.len() > 15 {
        return None;
    }
    let length = digits.len() as isize;
    let kk = length + k;
    let mut out = String::new();
    if !positive {
        out.push('-');
    }
    if 0 <= k && kk <= 16 {
        out.push_str(&digits);
        out.extend((length..kk).map(|_| '0'));
        out.push_str(".0");
    } else if 0 < kk && kk <= 16 {
        let (int, frac) = digits.split_at(kk as usize);
        out.push_str(int);
        out.push('.');
        out.push_str(frac);
    } else if -5 < kk && kk <= 0 {
        out.push_str("0.");
        out.extend((kk..0).map(|_| '0'));
        out.push_str(&digits);
    } else {
        let (first, rest) = digits.split_at(1);
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        out.push_str(if kk > 0 { "e+" } else { "e" });
        out.push_str(&(kk - 1).to_string());
    }
    Some(out)
}

macro_rules! from_integer {
    ($($t:ty),*) => {$(
        impl From<$t> for Number {
            fn from(n: $t) -> Number {
                Number { text: n.to_string(), integer: true }
            }
        }
    )*};
}

from_integer!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);
