//! The YAML block at the top of an article (`---` … `---`), parsed with `yaml-rust2`'s event
//! parser ([`fields`]): only top-level scalar fields are kept, so aliases are never expanded into
//! trees and the cost is linear in the block, which is at most [`MAX_FRONT_MATTER_BYTES`].

mod fields;

use docrules_model::diagnostic::Diagnostic;
use docrules_model::front_matter::FrontMatter;
use docrules_model::source::Source;

use fields::Block;

/// Front matter larger than this is refused: real articles hold a few hundred bytes of metadata,
/// and the limit bounds what YAML (anchors, long values) can make of one block.
pub const MAX_FRONT_MATTER_BYTES: usize = 64 * 1024;

/// Splits off and parses the front matter. Returns it with the byte offset where the markdown
/// body starts, or an error naming the line at fault.
pub fn parse(source: &Source) -> Result<(FrontMatter, usize), Diagnostic> {
    let text = &source.text;
    let start = source.content_start;
    let eol = source.lines.terminator();
    let Some(first_line_end) = line_end(text, start, eol) else {
        return Ok((FrontMatter::default(), start));
    };
    if text[start..first_line_end].trim_end() != "---" {
        return Ok((FrontMatter::default(), start));
    }
    // Find the closing `---` (or YAML's `...`) on a line of its own.
    let yaml_start = next_line(text, first_line_end);
    let mut pos = yaml_start;
    let close = loop {
        if pos >= text.len() {
            let span = source.lines.span(text, start..first_line_end);
            return Err(Diagnostic::error(
                "front-matter-unclosed",
                &source.path,
                format!("front matter opened at line {} is never closed", span.line),
            )
            .at(span)
            .with_help("end the front matter with a line holding only `---`"));
        }
        let end = line_end(text, pos, eol).unwrap_or(text.len());
        if matches!(text[pos..end].trim_end(), "---" | "...") {
            break (pos, end);
        }
        pos = next_line(text, end);
    };
    let yaml = &text[yaml_start..close.0];
    let body_start = next_line(text, close.1);
    let block = source.lines.span(text, start..close.1);
    if yaml.len() > MAX_FRONT_MATTER_BYTES {
        return Err(Diagnostic::error(
            "front-matter-too-large",
            &source.path,
            format!(
                "front matter opened at line {} is {} bytes, more than the {} bytes docrules reads",
                block.line,
                yaml.len(),
                MAX_FRONT_MATTER_BYTES
            ),
        )
        .at(source.lines.span(text, start..first_line_end))
        .with_help("keep long values out of the front matter"));
    }

    let mut offsets = CharOffsets::new(yaml);
    let fields = fields::read(yaml).map_err(|err| {
        let offset = yaml_start + offsets.byte_offset(err.char_index);
        let span = source.lines.span(text, offset..offset);
        Diagnostic::error(
            "front-matter-yaml",
            &source.path,
            format!(
                "front matter is not valid YAML at line {}: {}",
                span.line, err.message
            ),
        )
        .at(span)
    })?;
    let mut front = FrontMatter {
        span: Some(block),
        ..FrontMatter::default()
    };
    match fields {
        Block::Empty => {}
        Block::Mapping(fields) => {
            for field in fields {
                let key_start = yaml_start + offsets.byte_offset(field.key_char);
                let key_end = line_end(text, key_start, eol).unwrap_or(key_start);
                let key_end = key_start + text[key_start..key_end].trim_end().len();
                // The key's own line: a quoted key starts at its quote.
                let line_start = source.lines.line_start(source.lines.line(key_start));
                let from = if text[line_start..key_start].trim().is_empty() {
                    line_start
                } else {
                    key_start
                };
                front
                    .field_spans
                    .insert(field.key.clone(), source.lines.span(text, from..key_end));
                front.fields.insert(field.key, field.value);
            }
        }
        Block::Other => {
            return Err(Diagnostic::error(
                "front-matter-yaml",
                &source.path,
                "front matter is not a YAML mapping of `key: value` lines",
            )
            .at(block));
        }
    }
    Ok((front, body_start))
}

/// Character indices (what the YAML parser reports) to byte offsets, for indices met in
/// increasing order: each conversion walks on from the last, so all of them cost one pass.
struct CharOffsets<'a> {
    text: &'a str,
    chars: usize,
    bytes: usize,
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> Self {
        CharOffsets {
            text,
            chars: 0,
            bytes: 0,
        }
    }

    fn byte_offset(&mut self, char_index: usize) -> usize {
        if char_index < self.chars {
            self.chars = 0;
            self.bytes = 0;
        }
        let mut rest = self.text[self.bytes..].chars();
        while self.chars < char_index {
            let Some(c) = rest.next() else { break };
            self.chars += 1;
            self.bytes += c.len_utf8();
        }
        self.bytes
    }
}

/// End of the line starting at `pos`, before its line ending `eol`; `None` at end of text.
fn line_end(text: &str, pos: usize, eol: u8) -> Option<usize> {
    (pos < text.len()).then(|| {
        text.as_bytes()[pos..]
            .iter()
            .position(|&b| b == eol)
            .map_or(text.len(), |i| pos + i)
    })
}

fn next_line(text: &str, line_end: usize) -> usize {
    (line_end + 1).min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;

    fn parse_str(text: &str) -> Result<(FrontMatter, usize), Diagnostic> {
        parse(&decode("t.md", text.into()).unwrap())
    }

    #[test]
    fn fields_and_body_start() {
        let (front, body) = parse_str(
            "---\r\nms.date: 12/4/2017\r\nms.locfileid: \"68\"\r\nn: 5\r\n---\r\n# T\r\n",
        )
        .unwrap();
        assert_eq!(front.get("ms.date"), Some("12/4/2017"));
        assert_eq!(front.get("ms.locfileid"), Some("68"));
        assert_eq!(front.get("n"), Some("5"));
        assert_eq!(front.span_of("n").unwrap().line, 4);
        assert_eq!(
            body,
            "---\r\nms.date: 12/4/2017\r\nms.locfileid: \"68\"\r\nn: 5\r\n---\r\n".len()
        );
    }

    #[test]
    fn bom_before_front_matter() {
        let (front, _) = parse_str("\u{feff}---\ntitle: x\n---\nbody").unwrap();
        assert_eq!(front.get("title"), Some("x"));
    }

    #[test]
    fn no_front_matter() {
        let (front, body) = parse_str("# Title\n").unwrap();
        assert!(front.span.is_none());
        assert_eq!(body, 0);
    }

    #[test]
    fn unclosed_names_the_opening_line() {
        let err = parse_str("---\ntitle: x\n# body\n").unwrap_err();
        assert_eq!(err.code, "front-matter-unclosed");
        assert_eq!(err.span.unwrap().line, 1);
    }

    #[test]
    fn cr_only_line_endings() {
        let (front, body) = parse_str("---\rms.date: 12/4/2017\rn: 5\r---\r# T\r").unwrap();
        assert_eq!(front.get("ms.date"), Some("12/4/2017"));
        assert_eq!(front.span_of("n").unwrap().line, 3);
        assert_eq!(body, "---\rms.date: 12/4/2017\rn: 5\r---\r".len());
    }

    #[test]
    fn key_lines_after_non_ascii_values_and_aliases() {
        let (front, _) =
            parse_str("---\ntitle: 時間です\nx: &a 値\n'q': *a\nlist: [1, 2]\n---\n").unwrap();
        assert_eq!(front.span_of("q").unwrap().line, 4);
        assert_eq!(front.get("q"), Some("値"));
        assert_eq!(front.get("list"), None);
        assert!(front.fields.contains_key("list"));
    }

    #[test]
    fn duplicate_keys_and_oversized_blocks_are_errors() {
        let err = parse_str("---\na: 1\nb: 2\na: 3\n---\n").unwrap_err();
        assert_eq!(err.code, "front-matter-yaml");
        assert_eq!(err.span.unwrap().line, 4);
        let big = format!("---\ntitle: {}\n---\n", "x".repeat(MAX_FRONT_MATTER_BYTES));
        let err = parse_str(&big).unwrap_err();
        assert_eq!(err.code, "front-matter-too-large");
        assert!(err.message.contains("65536"), "{}", err.message);
    }

    #[test]
    fn broken_yaml_names_its_line() {
        let err = parse_str("---\ntitle: x\nms.date: [12/4/2017\nauthor: y\n---\n").unwrap_err();
        assert_eq!(err.code, "front-matter-yaml");
        assert!(err.span.unwrap().line >= 3, "{err}");
        let err = parse_str("---\n- a\n- b\n---\n").unwrap_err();
        assert_eq!(err.code, "front-matter-yaml");
    }
}
