//! Source positions: byte ranges into a file's original bytes, with the line and column of their
//! start resolved once, when the element is built.

use serde::Serialize;

/// A range of bytes in one source file, with the 1-based line and character column of its start.
///
/// Columns count `char`s, not bytes, so that they mean something in CJK text; the renderer
/// measures display width itself.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    schemars::JsonSchema,
)]
pub struct Span {
    /// Byte offset of the first byte, into the file's original text.
    pub start: u32,
    /// Byte offset just past the last byte (exclusive).
    pub end: u32,
    /// 1-based line of `start`.
    pub line: u32,
    /// 1-based column of `start`, in `char`s from the start of its line.
    pub column: u32,
}

impl Span {
    /// The byte range `start..end`, for slicing the source text.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Whether the span covers no bytes (`start == end`).
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// Offsets of line starts in a text, for turning byte offsets into lines and columns.
///
/// A line ends at `\n`; a `\r` before it belongs to the line ending and is not counted as a column.
/// A file without any `\n` but with `\r` (classic Mac line endings) has its lines end at `\r`;
/// in a file with `\n`, a lone `\r` is a character of its line, so it never shifts the line
/// numbers that editors and `grep -n` show.
///
/// Columns are found from checkpoints of the character count every [`CHECKPOINT_BYTES`] bytes,
/// so a span costs at most that many bytes of counting even on a line of megabytes (counting
/// from the line start made a long table row quadratic).
///
/// ```
/// use docrules_model::span::LineIndex;
///
/// let text = "# Title\r\n時間 48\n";
/// let lines = LineIndex::new(text);
/// let start = text.find("48").unwrap();
/// let span = lines.span(text, start..start + 2);
/// assert_eq!((span.line, span.column), (2, 4));
/// assert_eq!(&text[span.range()], "48");
/// assert_eq!(lines.line_start(2), "# Title\r\n".len());
/// ```
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    starts: Vec<u32>,
    /// `chars_before[k]`: characters in the first `k * CHECKPOINT_BYTES` bytes.
    chars_before: Vec<u32>,
    terminator: u8,
}

/// Distance between two character-count checkpoints of a [`LineIndex`].
pub const CHECKPOINT_BYTES: usize = 4096;

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let terminator = line_terminator(text);
        let mut starts = vec![0];
        starts.extend(positions_of(text.as_bytes(), terminator).map(|i| to_u32(i + 1)));
        let mut chars_before = Vec::with_capacity(text.len() / CHECKPOINT_BYTES + 1);
        let mut count = 0u32;
        for chunk in text.as_bytes().chunks(CHECKPOINT_BYTES) {
            chars_before.push(count);
            count += to_u32(chunk.iter().filter(|&&b| !is_continuation(b)).count());
        }
        chars_before.push(count);
        LineIndex {
            starts,
            chars_before,
            terminator,
        }
    }

    /// The byte that ends a line of this text: `\n`, or `\r` in a file without any `\n`.
    pub fn terminator(&self) -> u8 {
        self.terminator
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> u32 {
        let offset = to_u32(offset);
        to_u32(self.starts.partition_point(|&s| s <= offset))
    }

    /// Byte offset where a 1-based line starts.
    pub fn line_start(&self, line: u32) -> usize {
        self.starts
            .get(line.saturating_sub(1) as usize)
            .copied()
            .unwrap_or(0) as usize
    }

    /// Number of lines, counting the (possibly empty) line after a final line ending.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// A span over `range` of `text` (the text this index was built from).
    ///
    /// Offsets that fall inside a UTF-8 sequence are moved back to its first byte, so a span
    /// always slices the text on character boundaries.
    pub fn span(&self, text: &str, range: std::ops::Range<usize>) -> Span {
        let start = floor_char_boundary(text, range.start);
        let end = floor_char_boundary(text, range.end.max(start));
        let line = self.line(start);
        let line_start = self.line_start(line);
        let column = if start - line_start <= CHECKPOINT_BYTES {
            // A line of usual length: counting it is cheaper than two checkpoint lookups.
            to_u32(text[line_start..start].chars().count())
        } else {
            self.chars_to(text, start) - self.chars_to(text, line_start)
        } + 1;
        Span {
            start: to_u32(start),
            end: to_u32(end),
            line,
            column,
        }
    }

    /// Characters in `text[..offset]` (`offset` on a character boundary).
    fn chars_to(&self, text: &str, offset: usize) -> u32 {
        let block = offset / CHECKPOINT_BYTES;
        let Some(&before) = self.chars_before.get(block) else {
            // An index built from another text: count directly rather than panic.
            return to_u32(text.get(..offset).map_or(0, |t| t.chars().count()));
        };
        let from = (block * CHECKPOINT_BYTES).min(text.len());
        let tail = text
            .as_bytes()
            .get(from..offset.min(text.len()))
            .unwrap_or_default();
        before + to_u32(tail.iter().filter(|&&b| !is_continuation(b)).count())
    }
}

/// `\n`, unless the text has none and has `\r`: then its lines end at `\r`.
fn line_terminator(text: &str) -> u8 {
    let bytes = text.as_bytes();
    if !bytes.contains(&b'\n') && bytes.contains(&b'\r') {
        b'\r'
    } else {
        b'\n'
    }
}

fn positions_of(bytes: &[u8], needle: u8) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(move |&(_, &b)| b == needle)
        .map(|(i, _)| i)
}

/// A UTF-8 continuation byte (`10xxxxxx`): every other byte starts a character.
fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Converts an offset or length to `u32`, saturating at `u32::MAX`.
///
/// Offsets are stored as `u32`: the loader refuses files of 4 GiB or more, so this never saturates
/// on a loaded file.
pub fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_char_columns() {
        let text = "ab\r\n時間 48\nx";
        let index = LineIndex::new(text);
        let at = |needle: &str| {
            let start = text.find(needle).unwrap();
            index.span(text, start..start + needle.len())
        };
        assert_eq!((at("ab").line, at("ab").column), (1, 1));
        assert_eq!((at("48").line, at("48").column), (2, 4));
        assert_eq!((at("x").line, at("x").column), (3, 1));
        assert_eq!(&text[at("48").range()], "48");
    }

    #[test]
    fn cr_only_files_have_lines_and_lone_crs_do_not_shift_lines() {
        let mac = "a\rb\r時間 48";
        let index = LineIndex::new(mac);
        let start = mac.find("48").unwrap();
        let span = index.span(mac, start..start + 2);
        assert_eq!((span.line, span.column), (3, 4));
        let mixed = "a\rb\nc";
        let index = LineIndex::new(mixed);
        assert_eq!(index.span(mixed, 4..5).line, 2);
        assert_eq!(index.span(mixed, 2..3).line, 1);
    }

    #[test]
    fn columns_on_a_long_line_count_characters_across_checkpoints() {
        let text = format!("x\n{}48", "時".repeat(3 * CHECKPOINT_BYTES));
        let index = LineIndex::new(&text);
        let start = text.find("48").unwrap();
        let span = index.span(&text, start..start + 2);
        assert_eq!(
            (span.line, span.column),
            (2, 3 * CHECKPOINT_BYTES as u32 + 1)
        );
    }

    #[test]
    fn offsets_inside_a_character_are_floored() {
        let text = "時間";
        let span = LineIndex::new(text).span(text, 1..4);
        assert_eq!(span.range(), 0..3);
    }
}
