//! A decoded source file: the text every span of a document points into.

use crate::span::LineIndex;

/// A decoded source file: its original text (BOM and CRLF kept, so spans point at the original
/// bytes) and where its content starts.
#[derive(Debug)]
pub struct Source {
    /// The name of the file in messages: for a corpus file, its path relative to the corpus
    /// root, `/`-separated.
    pub path: String,
    /// The whole decoded file, BOM and line endings kept.
    pub text: String,
    /// The line starts of `text`.
    pub lines: LineIndex,
    /// Byte offset of the content after an optional UTF-8 BOM.
    pub content_start: usize,
}
