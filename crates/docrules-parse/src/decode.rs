//! Raw bytes to text: the checks a file must pass before it is parsed.

use docrules_model::diagnostic::Diagnostic;
use docrules_model::source::Source;
use docrules_model::span::{LineIndex, Span, to_u32};

/// Files this large are refused: spans store `u32` offsets, and no documentation page is this big.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

const BOM: &str = "\u{feff}";

/// Decodes a file's bytes, or says why it cannot be used. `path` is only used in the message.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<Source, Diagnostic> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            "file-too-large",
            path,
            format!(
                "file is {} bytes, more than the {} bytes docrules reads",
                bytes.len(),
                MAX_FILE_BYTES
            ),
        ));
    }
    if let Some(encoding) = utf16_or_32(&bytes) {
        return Err(Diagnostic::error(
            "unsupported-encoding",
            path,
            format!("file is {encoding}; docrules reads UTF-8 only"),
        )
        .with_help("re-save the file as UTF-8 (a UTF-8 byte order mark is accepted)"));
    }
    // The whole file, not only its start as git does: a NUL further on is as much a sign of a
    // file that is not text, and it would reach the output otherwise.
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
        return Err(Diagnostic::error(
            "binary-file",
            path,
            format!(
                "file looks binary (NUL byte at offset {offset}, line {line}); it is not markdown"
            ),
        ));
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let bytes = err.as_bytes();
            let offset = err.utf8_error().valid_up_to();
            let line_start = bytes[..offset]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
            // The bytes before `offset` are valid UTF-8, so the column counts characters.
            let column = String::from_utf8_lossy(&bytes[line_start..offset])
                .chars()
                .count()
                + 1;
            let bad: Vec<String> = bytes[offset..]
                .iter()
                .take(err.utf8_error().error_len().unwrap_or(bytes.len() - offset))
                .map(|b| format!("0x{b:02X}"))
                .collect();
            return Err(Diagnostic::error(
                "invalid-utf8",
                path,
                format!(
                    "file is not valid UTF-8: invalid byte sequence [{}] at byte offset {offset} (line {line})",
                    bad.join(" ")
                ),
            )
            .at(Span {
                start: to_u32(offset),
                end: to_u32(offset + bad.len()),
                line: to_u32(line),
                column: to_u32(column),
            })
            .with_help("re-save the file as UTF-8; docrules does not guess legacy encodings"));
        }
    };
    let content_start = if text.starts_with(BOM) { BOM.len() } else { 0 };
    if text[content_start..].trim().is_empty() {
        return Err(Diagnostic::warning(
            "empty-file",
            path,
            "file is empty; there is nothing to compile",
        ));
    }
    Ok(Source {
        path: path.to_owned(),
        lines: LineIndex::new(&text),
        text,
        content_start,
    })
}

/// The name of a UTF-16 or UTF-32 encoding the bytes are in, told by a byte order mark or, for
/// UTF-16 without one, by NUL in every other byte of a text that starts with ASCII.
fn utf16_or_32(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Some("UTF-32 (it starts with a UTF-32 byte order mark)");
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Some("UTF-16 (it starts with a UTF-16 byte order mark)");
    }
    let head = &bytes[..bytes.len().min(64) & !1];
    let pairs = head.chunks_exact(2);
    let ascii = |b: u8| b != 0 && b.is_ascii();
    if head.len() >= 4 && pairs.clone().all(|p| p[1] == 0 && ascii(p[0])) {
        return Some("UTF-16 little-endian (without byte order mark)");
    }
    if head.len() >= 4 && pairs.clone().all(|p| p[0] == 0 && ascii(p[1])) {
        return Some("UTF-16 big-endian (without byte order mark)");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_offset_and_line() {
        let err = decode("a.md", b"ok\nbad \xff here".to_vec()).unwrap_err();
        assert_eq!(err.code, "invalid-utf8");
        assert!(err.message.contains("byte offset 7"), "{}", err.message);
        assert!(err.message.contains("line 2"), "{}", err.message);
        assert!(err.message.contains("0xFF"), "{}", err.message);
        let span = err.span.unwrap();
        assert_eq!((span.line, span.column, span.start), (2, 5, 7));
    }

    #[test]
    fn truncated_sequence_at_end_of_file() {
        let err = decode("a.md", "x時".as_bytes()[..3].to_vec()).unwrap_err();
        assert_eq!(err.code, "invalid-utf8");
        assert!(err.message.contains("byte offset 1"), "{}", err.message);
    }

    #[test]
    fn binary_and_empty_files_are_refused() {
        assert_eq!(
            decode("a.md", b"\x89PNG\0\0".to_vec()).unwrap_err().code,
            "binary-file"
        );
        assert_eq!(
            decode("a.md", b" \n\r\n".to_vec()).unwrap_err().code,
            "empty-file"
        );
        assert_eq!(
            decode("a.md", "\u{feff}".into()).unwrap_err().code,
            "empty-file"
        );
    }

    #[test]
    fn nul_anywhere_is_binary() {
        let mut bytes = format!("# x\n{}\n", "a".repeat(20_000)).into_bytes();
        bytes.push(0);
        let err = decode("a.md", bytes).unwrap_err();
        assert_eq!(err.code, "binary-file");
        assert!(err.message.contains("line 3"), "{}", err.message);
    }

    #[test]
    fn utf16_and_utf32_are_named() {
        let utf16le: Vec<u8> = "# x\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let utf16be: Vec<u8> = "# x\n".encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, name) in [
            ([&[0xFF, 0xFE][..], &utf16le].concat(), "UTF-16 (it starts"),
            (utf16le, "UTF-16 little-endian"),
            (utf16be, "UTF-16 big-endian"),
            (vec![0xFF, 0xFE, 0, 0, b'#', 0, 0, 0], "UTF-32"),
        ] {
            let err = decode("a.md", bytes).unwrap_err();
            assert_eq!(err.code, "unsupported-encoding");
            assert!(err.message.contains(name), "{}", err.message);
        }
    }

    #[test]
    fn bom_is_kept_and_skipped() {
        let source = decode("a.md", "\u{feff}# x".into()).unwrap();
        assert_eq!(source.content_start, 3);
        assert_eq!(&source.text[source.content_start..], "# x");
    }
}
