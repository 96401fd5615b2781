//! `docrules check`: contradictions across versions, locales and articles of a compiled corpus.
//!
//! One file per check; each starts with the doc comment `docrules explain CODE` prints, and
//! registers itself in the registry ([`crate::registry::RuleId`]). A check reads the aligned corpus and returns findings; the
//! framework applies suppressions and sorts.

pub(crate) mod cross_article_disagreement;
pub(crate) mod error_id_rebound;
pub(crate) mod extra_section;
pub(crate) mod implausible_order;
pub(crate) mod internal_disagreement;
pub(crate) mod missing_section;
pub(crate) mod requirement_regressed;
pub(crate) mod stale_fact;
pub(crate) mod unused_suppression;

use docrules_align::{AlignedArticle, Compiled};
use docrules_model::corpus::Version;
use docrules_model::index::VersionId;

pub use crate::finding::{
    FactInfo, FactValue, Finding, Fix, Location, Related, fact_location, fact_value, version_name,
};
use crate::registry::{Kind, RuleId, Runner};
use crate::suppress;

/// What readers see now: the newest version of each locale of every article, with its index.
pub fn current_versions<'a>(
    compiled: &'a Compiled<'a>,
) -> impl Iterator<Item = (&'a AlignedArticle<'a>, VersionId, &'a Version)> + 'a {
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
) -> impl Iterator<Item = (&'a AlignedArticle<'a>, VersionId, &'a Version)> + 'a {
    current_versions(compiled).filter(|(article, v, _)| *v != article.canonical)
}

/// The newest version of each locale of an article (indices into its versions).
pub fn newest_per_locale(article: &AlignedArticle<'_>) -> Vec<VersionId> {
    let versions = &article.article.versions;
    let mut newest: Vec<VersionId> = Vec::new();
    for (i, v) in versions.iter().enumerate() {
        let i = VersionId::new(i);
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
    let mut findings: Vec<Finding> = RuleId::of_kind(Kind::Check)
        .flat_map(|rule| match rule.runner() {
            Runner::Check(run) => run(compiled),
            Runner::Lint(_) => Vec::new(),
        })
        .collect();
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
