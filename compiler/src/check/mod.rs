//! `docrules check`: contradictions across versions, locales and articles of a compiled corpus.
//!
//! One file per check; each starts with the doc comment `docrules explain CODE` prints, and
//! registers itself in [`CHECKS`]. A check reads the aligned corpus and returns findings; the
//! framework applies suppressions and sorts.

mod cross_article_disagreement;
mod error_id_rebound;
mod extra_section;
mod implausible_order;
mod internal_disagreement;
mod missing_section;
mod requirement_regressed;
mod stale_fact;
pub mod suppress;
mod unused_suppression;

use serde::Serialize;

use crate::align::{AlignedArticle, Compiled};
use crate::corpus::Version;
use crate::diagnostic::Level;
use crate::fact::{Fact, FactKind};
use crate::span::Span;

/// A registered check or lint: stable code and name, default level, one-line summary, the source
/// file whose leading `//!` comment is its documentation, and the function that runs it.
#[derive(Debug)]
pub struct RuleDef<Run> {
    pub code: &'static str,
    pub name: &'static str,
    pub level: Level,
    /// One line: what it finds.
    pub summary: &'static str,
    pub(crate) source: &'static str,
    pub(crate) run: Run,
}

impl<Run> RuleDef<Run> {
    /// The documentation: the `//!` comment that opens the rule's file.
    pub fn doc(&self) -> String {
        module_doc(self.source)
    }
}

/// Finds a rule by code or name, case-insensitively.
pub fn find_in<Run>(
    rules: &'static [RuleDef<Run>],
    code_or_name: &str,
) -> Option<&'static RuleDef<Run>> {
    rules.iter().find(|r| {
        r.code.eq_ignore_ascii_case(code_or_name) || r.name.eq_ignore_ascii_case(code_or_name)
    })
}

/// A check runs on the whole compiled corpus.
pub type Check = RuleDef<fn(&Compiled<'_>) -> Vec<Finding>>;

/// The `//!` lines at the top of a source file, without the markers.
pub fn module_doc(source: &str) -> String {
    source
        .lines()
        .take_while(|l| l.starts_with("//!"))
        .map(|l| {
            l.trim_start_matches("//!")
                .strip_prefix(' ')
                .unwrap_or(l.trim_start_matches("//!"))
        })
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

/// A registry entry for the check or lint in file `$module.rs`: its documentation is that
/// file's `//!` comment, its function `$module::run`.
macro_rules! rule_def {
    ($module:ident, $code:literal, $name:literal, $level:expr, $summary:literal) => {
        $crate::check::RuleDef {
            code: $code,
            name: $name,
            level: $level,
            summary: $summary,
            source: include_str!(concat!(stringify!($module), ".rs")),
            run: $module::run,
        }
    };
}
pub(crate) use rule_def;

/// Every check, by code.
pub static CHECKS: &[Check] = &[
    rule_def!(
        stale_fact,
        "DR101",
        "stale-fact",
        Level::Error,
        "a translation states a value the canonical version has changed"
    ),
    rule_def!(
        missing_section,
        "DR102",
        "missing-section",
        Level::Warning,
        "a locale's newest version lacks a section of the canonical version"
    ),
    rule_def!(
        extra_section,
        "DR103",
        "extra-section",
        Level::Warning,
        "a locale's newest version has a section the canonical version lacks"
    ),
    rule_def!(
        internal_disagreement,
        "DR104",
        "internal-disagreement",
        Level::Warning,
        "two statements of one fact in one version disagree"
    ),
    rule_def!(
        cross_article_disagreement,
        "DR105",
        "cross-article-disagreement",
        Level::Warning,
        "two articles state different values for the same subject"
    ),
    rule_def!(
        requirement_regressed,
        "DR106",
        "requirement-regressed",
        Level::Warning,
        "a minimum version or limit went down from one version to the next"
    ),
    rule_def!(
        implausible_order,
        "DR107",
        "implausible-order",
        Level::Warning,
        "paired values whose order contradicts what they are paired with"
    ),
    rule_def!(
        error_id_rebound,
        "DR108",
        "error-id-rebound",
        Level::Warning,
        "one error ID is attached to different sections"
    ),
    rule_def!(
        unused_suppression,
        "DR109",
        "unused-suppression",
        Level::Info,
        "a suppression that suppresses nothing"
    ),
];

/// A check by code (`DR101`) or name (`stale-fact`), case-insensitively.
pub fn find(code_or_name: &str) -> Option<&'static Check> {
    CHECKS.iter().find(|c| {
        c.code.eq_ignore_ascii_case(code_or_name) || c.name.eq_ignore_ascii_case(code_or_name)
    })
}

/// A place a finding rests on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Location {
    /// Relative to the corpus root.
    pub path: String,
    pub span: Span,
    /// What is there, for the reader (the underlined text's label).
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Related {
    /// How it relates: `canonical`, `other-statement`, `other-article`, `history`, …
    pub role: &'static str,
    #[serde(flatten)]
    pub location: Location,
}

/// One value of a fact in one version, for the JSON output.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactValue {
    pub locale: String,
    pub version: String,
    pub value: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactInfo {
    pub key: String,
    pub kind: FactKind,
    pub values: Vec<FactValue>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub name: &'static str,
    pub level: Level,
    pub message: String,
    pub primary: Location,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fact: Option<FactInfo>,
    pub article: String,
    pub locale: String,
    /// A machine-applicable replacement of the text under `span` in the primary file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
}

impl Finding {
    /// A finding of any registered rule (a check or a lint).
    pub fn of(
        code: &'static str,
        name: &'static str,
        level: Level,
        message: String,
        primary: Location,
    ) -> Finding {
        Finding {
            code,
            name,
            level,
            message,
            primary,
            related: Vec::new(),
            help: None,
            notes: Vec::new(),
            fact: None,
            article: String::new(),
            locale: String::new(),
            fix: None,
        }
    }

    /// A finding of `check` at `primary`, with everything else empty.
    pub fn new(
        check: &str,
        article: &str,
        locale: &str,
        message: String,
        primary: Location,
    ) -> Finding {
        let def = find(check).unwrap_or(&CHECKS[0]);
        let mut finding = Finding::of(def.code, def.name, def.level, message, primary);
        finding.article = article.to_owned();
        finding.locale = locale.to_owned();
        finding
    }

    fn sort_key(&self) -> (&str, &str, &str, u32, u32, &str) {
        (
            &self.article,
            &self.locale,
            &self.primary.path,
            self.primary.span.line,
            self.primary.span.column,
            self.code,
        )
    }
}

/// A fact's place, labelled with its text and value.
pub fn fact_location(version: &Version, fact: &Fact, label: String) -> Location {
    Location {
        path: version.path.clone(),
        span: fact.span,
        label,
    }
}

pub fn fact_value(version: &Version, fact: &Fact) -> FactValue {
    FactValue {
        locale: version.locale.to_string(),
        version: version.date.map_or_else(String::new, |d| d.to_string()),
        value: fact.value.to_string(),
        text: fact.text.clone(),
    }
}

/// `ja-JP 2021-06-04`.
pub fn version_name(version: &Version) -> String {
    format!(
        "{} {}",
        version.locale,
        version
            .date
            .map_or_else(|| "(undated)".to_owned(), |d| d.to_string())
    )
}

/// What readers see now: the newest version of each locale of every article, with its index.
pub fn current_versions<'a>(
    compiled: &'a Compiled<'a>,
) -> impl Iterator<Item = (&'a AlignedArticle<'a>, usize, &'a Version)> + 'a {
    compiled.articles.iter().flat_map(|article| {
        newest_per_locale(article)
            .into_iter()
            .map(move |v| (article, v, &article.article.versions[v]))
    })
}

/// The current versions that are translations of the canonical one (every current version but
/// the canonical version itself).
pub fn current_translations<'a>(
    compiled: &'a Compiled<'a>,
) -> impl Iterator<Item = (&'a AlignedArticle<'a>, usize, &'a Version)> + 'a {
    current_versions(compiled).filter(|(article, v, _)| *v != article.canonical)
}

/// The newest version of each locale of an article (indices into its versions).
pub fn newest_per_locale(article: &AlignedArticle<'_>) -> Vec<usize> {
    let versions = &article.article.versions;
    let mut newest: Vec<usize> = Vec::new();
    for (i, v) in versions.iter().enumerate() {
        match newest.iter_mut().find(|n| versions[**n].locale == v.locale) {
            Some(n) => *n = i,
            None => newest.push(i),
        }
    }
    newest
}

/// The result of `docrules check`.
#[derive(Debug, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    /// Findings that suppressions removed, for `--show-suppressed` style reporting.
    pub suppressed: usize,
}

/// Runs every check on a compiled corpus, applies suppressions and sorts the findings by
/// (article, locale, file, line, code).
pub fn run(compiled: &Compiled<'_>) -> Report {
    let mut findings: Vec<Finding> = CHECKS.iter().flat_map(|c| (c.run)(compiled)).collect();
    let before = findings.len();
    let unused = suppress::apply(compiled, &mut findings);
    let suppressed = before - findings.len();
    findings.extend(unused);
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    Report {
        findings,
        suppressed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_is_documented_and_named_uniquely() {
        for (i, check) in CHECKS.iter().enumerate() {
            let doc = check.doc();
            assert!(doc.lines().count() >= 3, "{} has documentation", check.name);
            assert!(
                doc.contains("## Example") && doc.contains("## Fix"),
                "{} has an example and a fix",
                check.name
            );
            assert!(
                CHECKS[i + 1..]
                    .iter()
                    .all(|c| c.code != check.code && c.name != check.name)
            );
            assert_eq!(find(check.code).map(|c| c.name), Some(check.name));
            assert_eq!(
                find(&check.name.to_uppercase()).map(|c| c.code),
                Some(check.code)
            );
        }
    }
}
