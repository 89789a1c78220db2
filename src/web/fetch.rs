//! Fetching an article's text over HTTP (same origin, or a server that allows it by CORS).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A fetched text and the URL it finally came from (after redirects).
pub struct Fetched {
    /// The response's URL.
    pub url: String,
    /// The body, decoded as UTF-8 by the browser.
    pub text: String,
}

/// Fetches `url` as text. Errors name the problem: the network, the status, or a body that is not text.
pub async fn fetch_text(url: &str) -> Result<Fetched, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "the network request failed (offline, or refused by CORS)".to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response".to_string())?;
    if !response.ok() {
        return Err(format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let kind = response
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .unwrap_or_default();
    if !kind.is_empty() && !kind.starts_with("text/") {
        return Err(format!("it is not text (content type {kind})"));
    }
    let text = JsFuture::from(
        response
            .text()
            .map_err(|_| "the body could not be read".to_string())?,
    )
    .await
    .map_err(|_| "the body could not be read".to_string())?;
    Ok(Fetched {
        url: response.url(),
        text: text.as_string().unwrap_or_default(),
    })
}
