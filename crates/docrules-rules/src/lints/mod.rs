//! `docrules lint`: what is wrong in one article, against the compiled rules of its corpus and
//! against the markdown itself. One file per lint; each opens with the documentation that
//! `docrules explain` prints and registers itself in [`LINTS`].

mod broken_fragment;
mod front_matter;
mod inconsistent_literal;
mod stale_fact;
mod table_column_count;
mod unbalanced_list;
mod unknown_html_element;
mod untranslated_text;

use crate::finding::Finding;
use crate::lint::reference::{Reference, ReferenceArticle};
use crate::registry::{RuleDef, find_in, rule_def};
use crate::suppress;
use docrules_model::diagnostic::Level;
use docrules_model::document::Document;
use docrules_model::locale::Locale;
use docrules_model::manifest::Manifest;

/// A lint runs on one file.
pub type Lint = RuleDef<fn(&Target<'_>) -> Vec<Finding>>;

impl Lint {
    fn finding(
        &self,
        target: &Target<'_>,
        span: docrules_model::span::Span,
        label: String,
        message: String,
    ) -> Finding {
        let location = crate::finding::Location {
            path: target.path.to_owned(),
            span,
            label,
        };
        let mut finding = Finding::of(self.code, self.name, self.level, message, location);
        finding.article = target.article.map(|a| a.name.clone()).unwrap_or_default();
        finding.locale = target.locale.map(|l| l.to_string()).unwrap_or_default();
        finding
    }
}

/// Every lint, by code.
pub static LINTS: &[Lint] = &[
    rule_def!(
        stale_fact,
        "DL001",
        "stale-fact",
        Level::Error,
        "a fact disagrees with the compiled canonical value"
    ),
    rule_def!(
        broken_fragment,
        "DL002",
        "broken-fragment",
        Level::Warning,
        "a `#fragment` link to an anchor that does not exist"
    ),
    rule_def!(
        unknown_html_element,
        "DL003",
        "unknown-html-element",
        Level::Warning,
        "a tag that is no HTML element in a table cell"
    ),
    rule_def!(
        unbalanced_list,
        "DL004",
        "unbalanced-list",
        Level::Warning,
        "an HTML list in a table cell closed too often or never"
    ),
    rule_def!(
        table_column_count,
        "DL005",
        "table-column-count",
        Level::Warning,
        "a table row with more or fewer cells than its header"
    ),
    rule_def!(
        untranslated_text,
        "DL006",
        "untranslated-text",
        Level::Info,
        "a header or sentence left in the source language"
    ),
    rule_def!(
        inconsistent_literal,
        "DL007",
        "inconsistent-literal",
        Level::Warning,
        "one path or product name spelled two ways in a file"
    ),
    rule_def!(
        front_matter,
        "DL008",
        "front-matter",
        Level::Warning,
        "missing or unparsable ms.date, or a locale mismatch"
    ),
];

pub fn find(code_or_name: &str) -> Option<&'static Lint> {
    find_in(LINTS, code_or_name)
}

fn def(name: &str) -> &'static Lint {
    find(name).unwrap_or(&LINTS[0])
}

/// One file to lint and what it is linted against.
#[derive(Debug)]
pub struct Target<'a> {
    /// The path shown in findings.
    pub path: &'a str,
    pub doc: &'a Document,
    pub locale: Option<&'a Locale>,
    /// The locale its folder names, when it lies in a corpus layout.
    pub folder_locale: Option<&'a Locale>,
    /// The article it was placed in, if any.
    pub article: Option<&'a ReferenceArticle>,
    /// That article's canonical version, parsed.
    pub canonical: Option<&'a Document>,
    pub reference: Option<&'a Reference>,
}

/// Runs every lint on one target, applies the configuration's levels and suppressions and the
/// file's inline comments; findings sorted by position. Returns them with the count suppressed.
pub fn run(target: &Target<'_>, config: &Manifest) -> (Vec<Finding>, usize) {
    let mut findings: Vec<Finding> = Vec::new();
    for lint in LINTS {
        let level = config
            .lint
            .iter()
            .find(|(k, _)| find(k).is_some_and(|l| l.code == lint.code))
            .map(|(_, v)| v.as_str());
        let level = match level {
            Some("off") => continue,
            Some("error") => Level::Error,
            Some("warning") => Level::Warning,
            Some("info") => Level::Info,
            _ => lint.level,
        };
        findings.extend((lint.run)(target).into_iter().map(|mut f| {
            f.level = level;
            f
        }));
    }
    let before = findings.len();
    findings.retain(|f| {
        !config.suppress.iter().any(|s| {
            let s = s.get_ref();
            find(&s.code).is_some_and(|l| l.code == f.code)
                && s.path
                    .as_ref()
                    .is_none_or(|p| target.path.ends_with(p.as_str()))
                && s.key
                    .as_ref()
                    .is_none_or(|k| f.fact.as_ref().is_some_and(|x| x.key == *k))
        })
    });
    let mut suppressed = before - findings.len();
    let is_code = |code: &str, f: &Finding| find(code).is_some_and(|l| l.code == f.code);
    suppressed += suppress::apply_inline_in(
        target.path,
        &target.doc.source.text,
        &mut findings,
        &is_code,
    );
    findings.sort_by_key(|f| (f.primary.span.start, f.code));
    (findings, suppressed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lint_is_documented_and_named_uniquely() {
        for (i, lint) in LINTS.iter().enumerate() {
            let doc = lint.doc();
            assert!(
                doc.contains("## Example") && doc.contains("## Fix"),
                "{}",
                lint.name
            );
            assert!(
                doc.starts_with(&format!("# {} ({}", lint.name, lint.code)),
                "{}",
                lint.name
            );
            assert!(
                LINTS[i + 1..]
                    .iter()
                    .all(|l| l.code != lint.code && l.name != lint.name)
            );
        }
    }
}
