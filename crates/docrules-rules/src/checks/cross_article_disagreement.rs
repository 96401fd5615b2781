//! Two articles state different values for facts with the same subject.
//!
//! ## Why it matters
//!
//! Readers move between related articles (the MARS agent and Azure Backup Server share the same
//! agent); when they give different thresholds for the same thing, at least one is wrong. The
//! subject is matched conservatively, on what translation does not change: the same kind of
//! value stated beside the same literal (a path such as `C:\Windows\Temp`, a host, a file
//! extension such as `.tmp`). The canonical version of each article is compared. This is a
//! warning, never an error: the two statements may describe different limits.
//!
//! ## Example
//!
//! MARS: "more than 60,000 or 65,000 .tmp files in C:/Windows/Temp"; MABS: "more than 65,000
//! files in c:\windows\temp".
//!
//! ## Fix
//!
//! Agree on one value in both articles, or make the difference explicit.

use crate::registry::{Meta, RuleId};
use docrules_model::diagnostic::Level;
use std::collections::BTreeMap;

use super::{FactInfo, Finding, Related, fact_location, fact_value, version_name};
use docrules_align::Compiled;
use docrules_model::fact::FactKind;

/// What this rule is, for the registry.
pub(crate) const META: Meta = Meta {
    name: "cross-article-disagreement",
    level: Level::Warning,
    summary: "two articles state different values for the same subject",
};

pub(crate) fn run(compiled: &Compiled<'_>) -> Vec<Finding> {
    // (kind, literal) → (article index, fact index) in the canonical versions.
    let mut by_subject: BTreeMap<(FactKind, &str), Vec<(usize, usize)>> = BTreeMap::new();
    for (a, article) in compiled.articles.iter().enumerate() {
        let doc = &article.article.versions[article.canonical].document;
        for (f, fact) in doc.facts.iter().enumerate() {
            if !matches!(
                fact.kind,
                FactKind::Count | FactKind::Duration | FactKind::Percent
            ) {
                continue;
            }
            for literal in &fact.context.literals {
                by_subject
                    .entry((fact.kind, literal.as_str()))
                    .or_default()
                    .push((a, f));
            }
        }
    }
    let mut out = Vec::new();
    let mut reported: Vec<((usize, usize), (usize, usize))> = Vec::new();
    for ((kind, literal), facts) in &by_subject {
        for (i, &(a1, f1)) in facts.iter().enumerate() {
            for &(a2, f2) in &facts[i + 1..] {
                if a1 == a2 || reported.contains(&((a1, f1), (a2, f2))) {
                    continue;
                }
                let (art1, art2) = (&compiled.articles[a1], &compiled.articles[a2]);
                let (v1, v2) = (
                    &art1.article.versions[art1.canonical],
                    &art2.article.versions[art2.canonical],
                );
                let (x, y) = (&v1.document.facts[f1], &v2.document.facts[f2]);
                if x.value.same_as(&y.value) {
                    continue;
                }
                reported.push(((a1, f1), (a2, f2)));
                let mut finding = Finding::new(
                    RuleId::CrossArticleDisagreement,
                    &art2.article.name,
                    v2.locale.as_str(),
                    format!(
                        "`{}` ({}) here, but {} says `{}` ({}) about {literal}",
                        y.text, y.value, art1.article.name, x.text, x.value
                    ),
                    fact_location(v2, y, format!("{} ({})", y.value, version_name(v2))),
                );
                finding.related.push(Related {
                    role: "other-article",
                    location: fact_location(
                        v1,
                        x,
                        format!(
                            "{} in {} ({})",
                            x.value,
                            art1.article.name,
                            version_name(v1)
                        ),
                    ),
                });
                finding.help = Some(format!(
                    "agree on one {kind} for {literal} in both articles, or say why they differ"
                ));
                finding.fact = Some(FactInfo {
                    key: y.key.to_string(),
                    kind: *kind,
                    values: vec![fact_value(v1, x), fact_value(v2, y)],
                });
                out.push(finding);
            }
        }
    }
    out
}
