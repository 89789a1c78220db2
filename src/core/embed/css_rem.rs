//! Hamish's stylesheet made independent of the host page's root font size.
//!
//! Inside a shadow root, `rem` still means the font size of the *page's* `<html>` element, and many
//! sites set it to 62.5 % (10 px), which would shrink every control. The embedded copy of the styles
//! therefore has each `Nrem` rewritten as `calc(N * var(--hamish-rem, 16px))`, where `--hamish-rem`
//! is the reader's default font size, set on the shadow root's host (see `embed.css`).
//! (Hand-written because it is a one-pass token scan; a CSS parser crate would cost far more wasm.)

/// `css` with every `rem` length replaced by `calc(<number> * var(--hamish-rem, 16px))`, its sign kept
/// inside.
pub fn rem_to_reader_units(css: &str) -> String {
    let bytes = css.as_bytes();
    let mut out = String::with_capacity(css.len() + css.len() / 8);
    let mut i = 0;
    while i < bytes.len() {
        let starts_number = bytes[i].is_ascii_digit()
            || (bytes[i] == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit));
        let after_name = i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
        if !starts_number || after_name {
            let ch = css[i..].chars().next().unwrap_or(' ');
            out.push(ch);
            i += ch.len_utf8();
            continue;
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
            i += 1;
        }
        let number = &css[start..i];
        let unit_end = i + 3;
        let is_rem = css.get(i..unit_end) == Some("rem")
            && !bytes
                .get(unit_end)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_');
        if !is_rem {
            out.push_str(number);
            continue;
        }
        // A minus sign written just before the number belongs inside the calc().
        let negative = out.ends_with('-')
            && out[..out.len() - 1]
                .chars()
                .last()
                .is_none_or(|c| c.is_whitespace() || "(:,".contains(c));
        if negative {
            out.pop();
            out.push_str("calc(-");
        } else {
            out.push_str("calc(");
        }
        out.push_str(number);
        out.push_str(" * var(--hamish-rem, 16px))");
        i = unit_end;
    }
    out
}
