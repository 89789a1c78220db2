//! Opening a document as an article: from a URL, a file, or pasted text. Nothing of it is ever
//! inserted into the page as markup (see [`crate::web::html`]).

use crate::core::text::article::{content_id, Article};
use crate::core::text::formats::{markdown_blocks, plain_blocks};
use crate::core::text::open_error::OpenError;
use crate::core::text::source::{check_size, decode, format_of, Format};
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
    let probe = Article::from_blocks("", "", blocks.clone());
    let id = id.map_or_else(|| content_id(&probe.text), str::to_string);
    let source = source.map_or_else(|| format!("urn:hamish:{id}"), str::to_string);
    Ok(Article::from_blocks(&id, &source, blocks))
}

/// The bytes of a fetch response or file, as a `Vec`.
async fn bytes_of(buffer: js_sys::Promise) -> Result<Vec<u8>, OpenError> {
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| OpenError::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Fetches `url` and reads it as an article (named `id`, else by its URL). Errors name the problem:
/// the network or CORS, the HTTP status, a type that is not text, the size, the encoding, emptiness.
pub async fn open_url(url: &str, id: Option<&str>) -> Result<Article, OpenError> {
    let window = web_sys::window().ok_or(OpenError::NoWindow)?;
    let response = JsFuture::from(window.fetch_with_str(url))
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
    let buffer = response.array_buffer().map_err(|_| OpenError::Unreadable)?;
    let text = decode(&bytes_of(buffer).await?)?;
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
