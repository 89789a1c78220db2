//! RFC 3339 times as instants: which version is newer is decided by the instant, not the string.

use hamish::core::annotations::time::{instant_or_oldest, parse};

#[test]
fn times_name_instants() {
    // (time, milliseconds since the epoch)
    let cases: &[(&str, i64)] = &[
        ("1970-01-01T00:00:00Z", 0),
        ("1970-01-01T00:00:00.001Z", 1),
        ("2026-11-29T10:15:30.123Z", 1_795_947_330_123),
        ("2026-11-29T10:15:30.123456Z", 1_795_947_330_123),
        ("2026-11-29T12:15:30.123+02:00", 1_795_947_330_123),
        ("2026-11-29T05:15:30.123-05:00", 1_795_947_330_123),
        ("2026-11-29t10:15:30.123z", 1_795_947_330_123),
        ("2024-02-29T00:00:00Z", 1_709_164_800_000),
        ("1969-12-31T23:59:59Z", -1_000),
    ];
    for &(text, want) in cases {
        assert_eq!(parse(text), Some(want), "{text}");
    }
}

#[test]
fn an_offset_time_compares_by_its_instant() {
    // 11:00+02:00 is 09:00Z: older than a local edit at 10:00Z although its string sorts later.
    let east = instant_or_oldest("2026-11-29T11:00:00+02:00");
    let local = instant_or_oldest("2026-11-29T10:00:00Z");
    assert!(east < local);
    assert!("2026-11-29T11:00:00+02:00" > "2026-11-29T10:00:00Z");
}

#[test]
fn what_is_not_an_rfc_3339_time_counts_as_oldest() {
    for text in [
        "~",
        "",
        "2026-11-29",
        "2026-11-29T10:15:30",
        "2026-13-01T00:00:00Z",
        "2026-02-30T00:00:00Z",
        "2025-02-29T00:00:00Z",
        "2026-11-29T24:00:00Z",
        "2026-11-29T10:15:30.Z",
        "2026-11-29T10:15:30+2:00",
        "2026-11-29T10:15:30Zjunk",
        "٢٠٢٦-١١-٢٩T10:15:30Z",
    ] {
        assert_eq!(parse(text), None, "{text:?}");
        assert_eq!(instant_or_oldest(text), i64::MIN);
    }
}
