//! Why part of another tool's file was not imported (kept apart so the W3C importer, which reports
//! it, need not import the formats that convert to it).

/// Why part of a Hypothesis or doccano file could not be imported. Rendered for the reader by
/// `i18n::Lang::foreign_reason`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ForeignReason {
    /// A doccano span whose quote is not in the open article (its line is another text).
    NotInArticle,
    /// A doccano span whose offsets are not within its line's text, or empty.
    BadSpan,
    /// A doccano line that is not a JSON object with a `text`.
    BadLine,
    /// A doccano line longer than `doccano::MAX_LINE` bytes.
    LineTooLong,
    /// The file has more than `doccano::MAX_LINES` lines (or spans); the rest was not read.
    TooMany,
}
