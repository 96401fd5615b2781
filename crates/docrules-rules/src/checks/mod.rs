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
mod unused_suppression;

use docrules_align::{AlignedArticle, Compiled};
use docrules_model::corpus::Version;
use docrules_model::diagnostic::Level;

pub use crate::finding::{
    FactInfo, FactValue, Finding, Fix, Location, Related, fact_location, fact_value, version_name,
};
use crate::registry::{RuleDef, rule_def};
use crate::suppress;

/// A check runs on the whole compiled corpus.
pub type Check = RuleDef<fn(&Compiled<'_>) -> Vec<Finding>>;

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
