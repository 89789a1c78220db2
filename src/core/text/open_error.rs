//! Why an article could not be opened: from a URL, a file, pasted text or the recent list. Rendered
//! for the reader by `i18n::Lang::open_error`.

use crate::core::text::source::DocumentError;

/// Why an article could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenError {
    /// Not running in a browser window.
    NoWindow,
    /// The request failed: the network is down, or the server does not allow the page to read the
    /// answer (CORS).
    Network,
    /// The request gave something that is not a response.
    NoResponse,
    /// The server answered with an error.
    Http {
        /// The HTTP status code.
        status: u16,
        /// The status text the server sent (may be empty).
        status_text: String,
    },
    /// The response's or file's content could not be read.
    Unreadable,
    /// The content is not a document Hamish opens (its type, size, encoding, emptiness).
    Document(DocumentError),
    /// The document holds no text to make blocks of.
    NoReadableText,
    /// The browser's HTML parser is unavailable.
    HtmlParserUnavailable,
    /// The HTML could not be parsed.
    HtmlUnparsable,
    /// The HTML page has no body.
    NoBody,
    /// The HTML page's elements could not be read.
    PageUnreadable,
    /// The reader asked to open pasted text, and there is none.
    PastedEmpty,
    /// A recent article without a URL whose stored text is gone.
    NoLongerStored,
}

impl From<DocumentError> for OpenError {
    fn from(e: DocumentError) -> OpenError {
        OpenError::Document(e)
    }
}
