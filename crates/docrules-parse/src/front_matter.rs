//! The YAML block at the top of an article (`---` … `---`), parsed with `yaml-rust2`.

use yaml_rust2::{Yaml, YamlLoader};

use docrules_model::diagnostic::Diagnostic;
use docrules_model::front_matter::FrontMatter;
use docrules_model::source::Source;
use docrules_model::span::Span;

/// Splits off and parses the front matter. Returns it with the byte offset where the markdown
/// body starts, or an error naming the line at fault.
pub fn parse(source: &Source) -> Result<(FrontMatter, usize), Diagnostic> {
    let text = &source.text;
    let start = source.content_start;
    let Some(first_line_end) = line_end(text, start) else {
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
        let end = line_end(text, pos).unwrap_or(text.len());
        if matches!(text[pos..end].trim_end(), "---" | "...") {
            break (pos, end);
        }
        pos = next_line(text, end);
    };
    let yaml = &text[yaml_start..close.0];
    let body_start = next_line(text, close.1);
    let block = source.lines.span(text, start..close.1);

    let docs = YamlLoader::load_from_str(yaml).map_err(|err| {
        let marker = err.marker();
        let offset = yaml_start + marker.index().min(yaml.len());
        let span = source.lines.span(text, offset..offset);
        Diagnostic::error(
            "front-matter-yaml",
            &source.path,
            format!(
                "front matter is not valid YAML at line {}: {}",
                span.line,
                err.info()
            ),
        )
        .at(span)
    })?;
    let mut front = FrontMatter {
        span: Some(block),
        ..FrontMatter::default()
    };
    match docs.first() {
        None | Some(Yaml::Null) => {}
        Some(Yaml::Hash(hash)) => {
            for (key, value) in hash {
                let Some(key) = scalar(key) else { continue };
                // Lists and maps are not used by docrules; keep the key so its presence is known.
                let value = scalar(value).unwrap_or_default();
                if let Some(span) = key_span(source, yaml_start, yaml, &key) {
                    front.field_spans.insert(key.clone(), span);
                }
                front.fields.insert(key, value);
            }
        }
        Some(_) => {
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

fn scalar(yaml: &Yaml) -> Option<String> {
    match yaml {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        Yaml::Null => Some(String::new()),
        _ => None,
    }
}

/// The line of a top-level key, found by its text: the YAML parser does not keep positions.
fn key_span(source: &Source, yaml_start: usize, yaml: &str, key: &str) -> Option<Span> {
    let mut offset = 0;
    for line in yaml.split_inclusive('\n') {
        let rest = line
            .strip_prefix(key)
            .or_else(|| line.strip_prefix(&format!("\"{key}\"")))
            .or_else(|| line.strip_prefix(&format!("'{key}'")));
        if rest.is_some_and(|r| r.trim_start().starts_with(':')) {
            let start = yaml_start + offset;
            let end = start + line.trim_end().len();
            return Some(source.lines.span(&source.text, start..end));
        }
        offset += line.len();
    }
    None
}

/// End of the line starting at `pos`, before its `\n`; `None` at end of text.
fn line_end(text: &str, pos: usize) -> Option<usize> {
    (pos < text.len()).then(|| text[pos..].find('\n').map_or(text.len(), |i| pos + i))
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
    fn broken_yaml_names_its_line() {
        let err = parse_str("---\ntitle: x\nms.date: [12/4/2017\nauthor: y\n---\n").unwrap_err();
        assert_eq!(err.code, "front-matter-yaml");
        assert!(err.span.unwrap().line >= 3, "{err}");
        let err = parse_str("---\n- a\n- b\n---\n").unwrap_err();
        assert_eq!(err.code, "front-matter-yaml");
    }
}
