//! Opening a document as an article: from a URL, a file, or pasted text. Nothing of it is ever
//! inserted into the page as markup (see [`crate::web::html`]).

use crate::core::text::article::{content_id, Article};
use crate::core::text::formats::{markdown_blocks, plain_blocks};
use crate::core::text::open_error::OpenError;
use crate::core::text::source::{check_size, decode, format_of, Format, MAX_BYTES};
use crate::web::html::html_blocks;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Builds the article for a document's text. `id` names it (else its content hash); `source` is its IRI.
pub fn article_from_text(
    id: Option<&str>,
    source: Option<&str>,
    format: Format,
    text: &str,
) -> Result<Article, OpenError> {
    let blocks = match format {
        Format::Plain => plain_blocks(text),
        Format::Markdown => markdown_blocks(text),
        Format::Html => html_blocks(text)?,
    };
    if blocks.is_empty() {
        return Err(OpenError::NoReadableText);
    }
    let mut article = Article::from_blocks("", "", blocks);
    article.id = id.map_or_else(|| content_id(&article.text), str::to_string);
    article.source = source.map_or_else(|| format!("urn:hamish:{}", article.id), str::to_string);
    Ok(article)
}

/// The bytes of a fetch response or file, as a `Vec`.
async fn bytes_of(buffer: js_sys::Promise) -> Result<Vec<u8>, OpenError> {
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| OpenError::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The body of a fetch response, read chunk by chunk and abandoned as soon as it passes
/// [`MAX_BYTES`]: a compressed response can unpack to far more than its Content-Length says (a gzip
/// bomb), so the size is checked while reading rather than after holding it all.
async fn streamed_bytes(response: &web_sys::Response) -> Result<Vec<u8>, OpenError> {
    fn unreadable<E>(_: E) -> OpenError {
        OpenError::Unreadable
    }
    let Some(body) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader =
        body.get_reader().dyn_into().map_err(unreadable)?;
    let mut bytes = Vec::new();
    loop {
        let result: web_sys::ReadableStreamReadResult = JsFuture::from(reader.read())
            .await
            .map_err(unreadable)?
            .unchecked_into();
        if result.get_done().unwrap_or(true) {
            return Ok(bytes);
        }
        let chunk: js_sys::Uint8Array = result.get_value().dyn_into().map_err(unreadable)?;
        let total = bytes.len().saturating_add(chunk.length() as usize);
        if total > MAX_BYTES {
            // The rest is not wanted: stop the download (the promise only says when it stopped).
            drop(reader.cancel());
            check_size(total)?;
        }
        let start = bytes.len();
        bytes.resize(total, 0);
        chunk.copy_to(&mut bytes[start..]);
    }
}

/// The fetch of `url` that the early fetch in `index.html` started while the page loaded, taken once.
fn early_fetch(window: &web_sys::Window, url: &str) -> Option<js_sys::Promise> {
    let key = wasm_bindgen::JsValue::from_str("hamishEarlyFetch");
    let early = js_sys::Reflect::get(window, &key).ok()?;
    let field =
        |name: &str| js_sys::Reflect::get(&early, &wasm_bindgen::JsValue::from_str(name)).ok();
    if field("url")?.as_string()? != url {
        return None;
    }
    let _ = js_sys::Reflect::delete_property(window, &key);
    field("response")?.dyn_into::<js_sys::Promise>().ok()
}

/// Fetches `url` and reads it as an article (named `id`, else by its URL). Errors name the problem:
/// the network or CORS, the HTTP status, a type that is not text, the size, the encoding, emptiness.
pub async fn open_url(url: &str, id: Option<&str>) -> Result<Article, OpenError> {
    let window = web_sys::window().ok_or(OpenError::NoWindow)?;
    let request = early_fetch(&window, url).unwrap_or_else(|| window.fetch_with_str(url));
    let response = JsFuture::from(request)
        .await
        .map_err(|_| OpenError::Network)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| OpenError::NoResponse)?;
    if !response.ok() {
        return Err(OpenError::Http {
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let content_type = response
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .unwrap_or_default();
    let final_url = response.url();
    let format = format_of(&final_url, &content_type)?;
    if let Some(length) = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|l| l.parse::<usize>().ok())
    {
        check_size(length)?;
    }
    let text = decode(&streamed_bytes(&response).await?)?;
    article_from_text(
        Some(id.unwrap_or(&final_url)),
        Some(&final_url),
        format,
        &text,
    )
}

/// Reads a file the reader chose or dropped as an article (named by its content).
pub async fn open_file(file: web_sys::File) -> Result<Article, OpenError> {
    check_size(file.size() as usize)?;
    let format = format_of(&file.name(), &file.type_())?;
    let text = decode(&bytes_of(file.array_buffer()).await?)?;
    article_from_text(None, None, format, &text)
}
