//! Times as instants: annotations carry RFC 3339 times (`2026-11-29T10:15:30.123Z`,
//! `2026-11-29T11:00:00+02:00`), and which of two versions is newer is decided by the instants they
//! name, never by comparing the strings.
//!
//! Hand-rolled: the date crates (`chrono`, `time`) would add far more to the WebAssembly bundle than
//! this one format needs; the conversion of a civil date to days is Howard Hinnant's
//! `days_from_civil`, exact for every year 0000–9999.

/// Milliseconds since 1970-01-01T00:00:00Z.
pub type Instant = i64;

/// The instant an RFC 3339 time names, or `None` when it is not one (`"~"`, a date alone, a time
/// without a zone, a month 13…). Fractions of a second beyond milliseconds are cut.
pub fn parse(text: &str) -> Option<Instant> {
    let b = text.trim().as_bytes();
    let digits = |from: usize, len: usize| -> Option<i64> {
        let part = b.get(from..from + len)?;
        part.iter().try_fold(0i64, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0'))
        })
    };
    let sep = |at: usize, want: &[u8]| b.get(at).is_some_and(|c| want.contains(c));
    if !(sep(4, b"-") && sep(7, b"-") && sep(10, b"Tt ") && sep(13, b":") && sep(16, b":")) {
        return None;
    }
    let (year, month, day) = (digits(0, 4)?, digits(5, 2)?, digits(8, 2)?);
    let (hour, minute, second) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let valid = (1..=12).contains(&month)
        && day >= 1
        && day <= month_days[(month - 1) as usize]
        && hour < 24
        && minute < 60
        && second <= 60;
    if !valid {
        return None;
    }
    let mut at = 19;
    let mut millis = 0;
    if b.get(at) == Some(&b'.') {
        at += 1;
        let start = at;
        while b.get(at).is_some_and(u8::is_ascii_digit) {
            if at - start < 3 {
                millis = millis * 10 + i64::from(b[at] - b'0');
            }
            at += 1;
        }
        if at == start {
            return None;
        }
        for _ in (at - start)..3 {
            millis *= 10;
        }
    }
    let offset_minutes = match b.get(at)? {
        b'Z' | b'z' if at + 1 == b.len() => 0,
        &sign @ (b'+' | b'-') if at + 6 == b.len() && sep(at + 3, b":") => {
            let (h, m) = (digits(at + 1, 2)?, digits(at + 4, 2)?);
            if h > 23 || m > 59 {
                return None;
            }
            let minutes = h * 60 + m;
            if sign == b'+' {
                minutes
            } else {
                -minutes
            }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset_minutes * 60;
    Some(seconds * 1_000 + millis)
}

/// The instant of `text` for ordering versions: an unparsable time counts as the oldest.
pub fn instant_or_oldest(text: &str) -> Instant {
    parse(text).unwrap_or(Instant::MIN)
}

/// `instant` written as RFC 3339 in UTC with milliseconds (`2026-11-29T10:15:30.123Z`), as the
/// browser's clock writes it.
pub fn format(instant: Instant) -> String {
    let (days, ms) = (
        instant.div_euclid(86_400_000),
        instant.rem_euclid(86_400_000),
    );
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1_000 % 60,
        ms % 1_000
    )
}

/// The time a change made at `now` is dated, given the time of the version it changes (an
/// annotation's `modified`, a tombstone's `deleted`): `now`, or one millisecond after `previous`
/// when that is not earlier (a colleague's fast clock). A change is always newer than what it
/// changes, so merging never prefers the version the reader changed.
pub fn after(now: &str, previous: &str) -> String {
    match parse(previous) {
        Some(p) if instant_or_oldest(now) <= p => format(p.saturating_add(1)),
        _ => now.to_string(),
    }
}

/// The oldest time: what a time that cannot be read counts as.
pub const EPOCH: &str = "1970-01-01T00:00:00Z";

/// Whether `text` names a real time: one that can be read and is later than [`EPOCH`], which stands
/// for "no time known" (doccano's spans, a file without times), and which no export gives as the
/// day a verdict was published or given.
pub fn dated(text: &str) -> bool {
    parse(text).is_some_and(|t| t > 0)
}

/// A time read from outside (an imported file, a backup) no later than `limit`: a time after it (a
/// fast clock, a forged date) is `limit` itself, so it cannot beat the reader's later changes; one that
/// cannot be read is [`EPOCH`], as it counts, so no export ever writes it.
pub fn clamp(text: &mut String, limit: &str) {
    match (parse(text), parse(limit)) {
        (None, _) => *text = EPOCH.to_string(),
        (Some(t), Some(l)) if t > l => *text = limit.to_string(),
        _ => {}
    }
}

/// Whether a time read from outside is later than `limit` ([`clamp`] makes it `limit`): such a time
/// says nothing of which version is newer, so it may add an annotation but never replace or bring
/// back one here (importing or restoring the same file again leaves the edits made in between).
pub fn ahead(text: &str, limit: &str) -> bool {
    instant_or_oldest(text) > instant_or_oldest(limit)
}

/// Days from 1970-01-01 to the civil date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}
