//! A small tokenizer for the HTML tags that markdown lets through (`<br/>`, `<ul><li>`,
//! `<a name="…">`): enough to rebuild cell structure and to find anchors, not a browser.

pub use docrules_model::document::TagKind;

/// One HTML tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tag {
    /// Lower-cased element name.
    pub name: String,
    /// Opening, closing or self-closing.
    pub kind: TagKind,
    /// Attributes in source order, names lower-cased, values unquoted (entities not decoded).
    pub attrs: Vec<(String, String)>,
}

impl Tag {
    /// The value of the attribute `name` (lower case); `Some("")` for one without a value.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Parses one tag (`<a name="x">`, `</ul>`, `<br/>`). Comments, doctypes, CDATA and anything
/// that is not a tag give `None`.
pub fn parse_tag(raw: &str) -> Option<Tag> {
    let inner = raw.trim().strip_prefix('<')?.strip_suffix('>')?;
    let (kind, inner) = match inner.strip_prefix('/') {
        Some(rest) => (TagKind::Close, rest),
        None => match inner.strip_suffix('/') {
            Some(rest) => (TagKind::SelfClosing, rest),
            None => (TagKind::Open, inner),
        },
    };
    let name_len = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
        .unwrap_or(inner.len());
    let name = &inner[..name_len];
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    Some(Tag {
        name: name.to_ascii_lowercase(),
        kind,
        attrs: parse_attrs(&inner[name_len..]),
    })
}

fn parse_attrs(mut rest: &str) -> Vec<(String, String)> {
    let mut attrs = Vec::new();
    loop {
        rest = rest.trim_start();
        let name_len = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '=' | '/' | '>' | '"' | '\''))
            .unwrap_or(rest.len());
        if name_len == 0 {
            // A stray quote or slash: skip one character so the loop always advances.
            let mut chars = rest.chars();
            if chars.next().is_none() {
                return attrs;
            }
            rest = chars.as_str();
            continue;
        }
        let name = rest[..name_len].to_ascii_lowercase();
        rest = rest[name_len..].trim_start();
        let value = if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (value, remainder) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after[1..];
                    match body.find(q) {
                        Some(end) => (&body[..end], &body[end + 1..]),
                        None => (body, ""),
                    }
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            rest = remainder;
            value.to_owned()
        } else {
            String::new()
        };
        attrs.push((name, value));
    }
}

/// Every tag in a run of HTML (an HTML block), with its byte offset in `text`.
pub fn scan_tags(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, Tag)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        while let Some(open) = text[pos..].find('<').map(|i| pos + i) {
            if text[open..].starts_with("<!--") {
                pos = text[open..]
                    .find("-->")
                    .map_or(text.len(), |i| open + i + 3);
                continue;
            }
            let Some(close) = text[open..].find('>').map(|i| open + i + 1) else {
                pos = text.len();
                return None;
            };
            pos = open + 1;
            if let Some(tag) = parse_tag(&text[open..close]) {
                pos = close;
                return Some((open..close, tag));
            }
        }
        None
    })
}

/// HTML elements in the living standard plus obsolete ones still met in documentation.
const KNOWN_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "bdi",
    "bdo",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "map",
    "mark",
    "menu",
    "meta",
    "meter",
    "nav",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "picture",
    "pre",
    "progress",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "script",
    "search",
    "section",
    "select",
    "slot",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

/// Whether `name` (lower case) is an HTML element. Custom elements (with a `-`) and namespaced
/// names count as known: they are deliberate.
pub fn is_known_element(name: &str) -> bool {
    KNOWN_ELEMENTS.binary_search(&name).is_ok() || name.contains('-') || name.contains(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        let t = parse_tag(r#"<a name="pre-requisites">"#).unwrap();
        assert_eq!((t.name.as_str(), t.kind), ("a", TagKind::Open));
        assert_eq!(t.attr("name"), Some("pre-requisites"));
        assert_eq!(parse_tag("</br>").unwrap().kind, TagKind::Close);
        assert_eq!(parse_tag("<br/>").unwrap().kind, TagKind::SelfClosing);
        assert_eq!(parse_tag("<br />").unwrap().kind, TagKind::SelfClosing);
        assert_eq!(parse_tag("<UL>").unwrap().name, "ul");
        let t = parse_tag("<a href=x.md#y id='z' hidden>").unwrap();
        assert_eq!(t.attrs.len(), 3);
        assert_eq!(
            (t.attr("href"), t.attr("id"), t.attr("hidden")),
            (Some("x.md#y"), Some("z"), Some(""))
        );
        for not_a_tag in [
            "<!-- c -->",
            "<!DOCTYPE html>",
            "< a>",
            "<1>",
            "<>",
            "text",
            "<a",
        ] {
            assert_eq!(parse_tag(not_a_tag), None, "{not_a_tag}");
        }
    }

    #[test]
    fn broken_attributes_do_not_loop() {
        let t = parse_tag(r#"<a "x" = ' name="y>"#).unwrap();
        assert_eq!(t.name, "a");
    }

    #[test]
    fn scan() {
        let text = r#"<!-- <a name="no"> --><a name="x"></a> <p>t</p> 1 < 2 >"#;
        let found: Vec<_> = scan_tags(text).map(|(r, t)| (r.start, t.name)).collect();
        assert_eq!(
            found.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(),
            ["a", "a", "p", "p"]
        );
        assert_eq!(found[0].0, text.find(r#"<a name="x""#).unwrap());
    }

    #[test]
    fn known_elements_are_sorted_and_ui_is_unknown() {
        assert!(KNOWN_ELEMENTS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_known_element("ul") && is_known_element("br") && is_known_element("my-widget"));
        assert!(!is_known_element("ui") && !is_known_element("servername"));
    }
}
