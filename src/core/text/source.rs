//! Checking what a loaded document is before it becomes an article: its format, its size, its encoding.

/// The largest document Hamish opens.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// Why a document's content cannot become an article. Rendered for the reader by
/// `i18n::Lang::document_error`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocumentError {
    /// Its type is not text (an image, a PDF, a binary): the type as served or named.
    NotText {
        /// The MIME type, lower case, without parameters.
        mime: String,
    },
    /// It is over [`MAX_BYTES`].
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
    },
    /// Its bytes are not valid UTF-8.
    NotUtf8 {
        /// The offset of the first bad byte.
        byte: usize,
    },
    /// It holds nothing but white space.
    Empty,
}

/// A size of `bytes` in tenths of a megabyte (MiB), rounded up (a size over a limit never reads as
/// the limit): what a message about a document's size shows.
pub fn tenths_of_mb(bytes: usize) -> usize {
    bytes.saturating_mul(10).div_ceil(1_048_576)
}

/// How a document's text is turned into blocks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text: blank lines separate paragraphs.
    Plain,
    /// Markdown.
    Markdown,
    /// An HTML page: its main content is extracted.
    Html,
}

/// The format of a document named `name` (a file name or URL) served as `content_type` (may be
/// empty): by the content type when it says, else by the name's extension, else plain text. A type
/// that is not text (an image, a PDF, a binary) is refused.
pub fn format_of(name: &str, content_type: &str) -> Result<Format, DocumentError> {
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let path = name
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let by_name = if path.ends_with(".html") || path.ends_with(".htm") || path.ends_with(".xhtml") {
        Some(Format::Html)
    } else if path.ends_with(".md") || path.ends_with(".markdown") {
        Some(Format::Markdown)
    } else if path.ends_with(".txt") {
        Some(Format::Plain)
    } else {
        None
    };
    match mime.as_str() {
        "" | "application/octet-stream" => Ok(by_name.unwrap_or(Format::Plain)),
        "text/html" | "application/xhtml+xml" => Ok(Format::Html),
        "text/markdown" | "text/x-markdown" => Ok(Format::Markdown),
        m if m.starts_with("text/") => Ok(by_name
            .filter(|f| *f != Format::Html || m == "text/plain")
            .unwrap_or(Format::Plain)),
        m => Err(DocumentError::NotText {
            mime: m.to_string(),
        }),
    }
}

/// Refuses a document of `len` bytes when it is over [`MAX_BYTES`], saying how large it is.
pub fn check_size(len: usize) -> Result<(), DocumentError> {
    if len <= MAX_BYTES {
        return Ok(());
    }
    Err(DocumentError::TooLarge { bytes: len })
}

/// The text of a document's bytes: at most [`MAX_BYTES`], valid UTF-8 (a byte-order mark is
/// dropped), not empty. Invalid UTF-8 is refused, saying where, rather than shown with guesses.
pub fn decode(bytes: &[u8]) -> Result<String, DocumentError> {
    check_size(bytes.len())?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = String::from_utf8(bytes.to_vec()).map_err(|e| DocumentError::NotUtf8 {
        byte: e.utf8_error().valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(DocumentError::Empty);
    }
    Ok(text)
}
