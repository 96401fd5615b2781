//! `docrules check`: contradictions across versions, locales and articles of a compiled corpus.
//!
//! One file per check; each starts with the doc comment `docrules explain CODE` prints, and
//! registers itself in the registry ([`crate::registry::RuleId`]). A check reads the aligned
//! corpus and returns findings; the framework applies suppressions and sorts.

pub(crate) mod corrupted_literal;
pub(crate) mod cross_article_disagreement;
pub(crate) mod error_id_rebound;
pub(crate) mod extra_section;
pub(crate) mod implausible_order;
pub(crate) mod internal_disagreement;
pub(crate) mod missing_section;
pub(crate) mod mistranslated_fact;
pub(crate) mod requirement_regressed;
pub(crate) mod rewritten_source;
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
    /// The findings suppressions left, with an `unused-suppression` finding for each
    /// suppression that matched none, sorted by (article, locale, file, line, code).
    pub findings: Vec<Finding>,
    /// Findings that suppressions removed, for `--show-suppressed` style reporting.
    pub suppressed: usize,
}

/// Runs every check on a compiled corpus, applies suppressions and sorts the findings by
/// (article, locale, file, line, code).
///
/// ```
/// use docrules_rules::registry::RuleId;
///
/// // An English source and a Japanese translation that still says 48 hours.
/// let root = std::env::temp_dir().join(format!("docrules-check-doc-{}", std::process::id()));
/// std::fs::create_dir_all(root.join("guide/en-us"))?;
/// std::fs::create_dir_all(root.join("guide/ja-jp"))?;
/// std::fs::write(root.join("docrules.toml"), "[corpus]\nsource_locale = \"en-US\"\n")?;
/// let page = |title: &str, row: &str| {
///     let head = "## <a name=\"vault\"></a>Vault\n\n| Cause | Action |\n| --- | --- |";
///     format!("# {title}\n\n{head}\n{row}\n")
/// };
/// let en = page("Guide", "| Credentials older than 10 days (ID: 34513) | Download new ones. |");
/// let ja = page("ガイド", "| 48 時間以上前の資格情報 (ID: 34513) | 再ダウンロードします。 |");
/// std::fs::write(root.join("guide/en-us/2021-06-04.md"), en)?;
/// std::fs::write(root.join("guide/ja-jp/2020-01-01.md"), ja)?;
///
/// let corpus = docrules_parse::corpus::load(&root);
/// std::fs::remove_dir_all(&root)?;
/// let corpus = corpus?;
/// let report = docrules_rules::check(&docrules_align::compile(&corpus));
///
/// let stale: Vec<_> = report
///     .findings
///     .iter()
///     .filter(|f| f.rule == RuleId::StaleFact)
///     .collect();
/// assert_eq!(stale.len(), 1, "{:#?}", report.findings);
/// assert_eq!(stale[0].locale, "ja-JP");
/// assert_eq!(stale[0].primary.path, "guide/ja-jp/2020-01-01.md");
/// assert_eq!(report.suppressed, 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn run(compiled: &Compiled<'_>) -> Report {
    use rayon::prelude::*;
    // Checks are independent: run them side by side. `collect` keeps the registry's order, so
    // the output is the same as one by one.
    let rules: Vec<RuleId> = RuleId::of_kind(Kind::Check).collect();
    let per_rule: Vec<Vec<Finding>> = rules
        .par_iter()
        .map(|rule| match rule.runner() {
            Runner::Check(run) => run(compiled),
            Runner::Lint(_) => Vec::new(),
        })
        .collect();
    let mut findings: Vec<Finding> = per_rule.into_iter().flatten().collect();
    name_commits(compiled, &mut findings);
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

/// Gives every place of a finding the commit of the version it is in (versions read from git
/// history), so that the checks need not each say it.
fn name_commits(compiled: &Compiled<'_>, findings: &mut [Finding]) {
    let commits: std::collections::HashMap<&str, &str> = compiled
        .corpus
        .versions()
        .filter_map(|v| Some((v.path.as_str(), v.commit.as_deref()?)))
        .collect();
    if commits.is_empty() {
        return;
    }
    for finding in findings {
        let related = finding.related.iter_mut().map(|r| &mut r.location);
        for place in std::iter::once(&mut finding.primary).chain(related) {
            place.commit = commits.get(place.path.as_str()).map(|c| (*c).to_owned());
        }
    }
}
