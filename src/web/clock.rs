//! Time stamps and fresh ids from the browser.

/// The current time as ISO 8601 in UTC, e.g. `2026-11-29T10:15:30.123Z`.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A fresh random (version 4) UUID as a URN, from the browser's `crypto.getRandomValues`
/// (or `Math.random` where that is missing).
pub fn new_urn() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    format!(
        "urn:uuid:{}",
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    )
}
