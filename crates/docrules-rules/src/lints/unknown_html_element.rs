//! A tag in a table cell whose name is no HTML element.
//!
//! ## Why it matters
//!
//! Browsers drop unknown tags and keep their content, so a typo such as `<ui>` for `<ul>` turns
//! a list into loose text; a bare `<ServerName>` placeholder disappears from the page (write it
//! as `\<ServerName>` or in code). Custom elements (with a `-`) are accepted.
//!
//! ## Example
//!
//! `下列檔案： <br/><ui> <li> *CBengine.exe* <li> *CSC.exe*`: `<ui>` is not an HTML element; did
//! you mean `<ul>`?
//!
//! ## Fix
//!
//! Correct the tag name, or escape the angle bracket if the text is not a tag.

use super::Target;
use crate::finding::Finding;
use crate::registry::Meta;
use crate::registry::RuleId;
use docrules_model::diagnostic::Level;
use docrules_model::document::HtmlIssueKind;
use docrules_model::document::TagKind;

/// Elements a typo most likely meant, in order of preference.
const LIKELY: &[&str] = &[
    "ul", "ol", "li", "br", "b", "i", "p", "a", "em", "strong", "code", "sup", "sub", "table",
    "tr", "td", "th",
];

/// What this rule is, for the registry.
pub(crate) const META: Meta = Meta {
    name: "unknown-html-element",
    level: Level::Warning,
    summary: "a tag that is no HTML element in a table cell",
};

pub(crate) fn run(target: &Target<'_>) -> Vec<Finding> {
    let lint = RuleId::UnknownHtmlElement;
    target
        .doc
        .html_issues
        .iter()
        .filter(|i| i.in_table)
        .filter_map(|issue| {
            let HtmlIssueKind::UnknownElement { name, tag } = &issue.kind else {
                return None;
            };
            let written = if *tag == TagKind::Close {
                format!("</{name}>")
            } else {
                format!("<{name}>")
            };
            let guess = LIKELY
                .iter()
                .find(|e| strsim::levenshtein(name, e) == 1 && name.len() <= 3);
            let mut finding = target.finding(
                lint,
                issue.span,
                "not an HTML element".into(),
                format!("`{written}` is not an HTML element"),
            );
            finding.help = Some(match guess {
                Some(e) => format!("did you mean `<{e}>`?"),
                None => format!("escape it as `\\<{name}>` if it is text, not a tag"),
            });
            Some(finding)
        })
        .collect()
}
