//! A minimum version, or a limit stated with a comparator, went down from one version of an
//! article to the next in the same locale: the change `docrules diff` reports as
//! `minimum-version-lowered` (or a decreased limit).
//!
//! ## Why it matters
//!
//! Requirements rarely loosen. A lowered minimum (.NET Framework 4.6.2 → 4.5.2) is either a
//! deliberate relaxation worth a release note or a mistake that sends users onto unsupported
//! software. The finding points at the new statement and the old one, once per fact, with the
//! fact's history.
//!
//! ## Example
//!
//! ja-JP 2017-12-04: `.NET Framework 4.6.2`; ja-JP 2019-07-15: `.NET Framework 4.5.2 以降`.
//!
//! ## Fix
//!
//! Confirm the new value against the product's requirements; suppress the finding with the
//! reason if the relaxation is deliberate.

use super::{Finding, Location, Related, version_name};
use crate::registry::{Meta, RuleId};
use docrules_align::Compiled;
use docrules_align::diff::{self, ChangeKind, Direction};
use docrules_align::sections::Features;
use docrules_model::diagnostic::Level;
use docrules_model::fact::FactKind;

/// What this rule is, for the registry.
pub(crate) const META: Meta = Meta {
    name: "requirement-regressed",
    level: Level::Warning,
    summary: "a minimum version or limit went down from one version to the next",
};

pub(crate) fn run(compiled: &Compiled<'_>) -> Vec<Finding> {
    use rayon::prelude::*;
    // Each article's history is diffed on its own; `collect` keeps the articles' order.
    compiled
        .articles
        .par_iter()
        .flat_map_iter(in_article)
        .collect()
}

fn in_article(article: &docrules_align::AlignedArticle<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    {
        let versions = &article.article.versions;
        let mut locales: Vec<&docrules_model::locale::Locale> =
            versions.iter().map(|v| &v.locale).collect();
        locales.sort();
        locales.dedup();
        for locale in locales {
            let history: Vec<usize> = (0..versions.len())
                .filter(|&i| versions[i].locale == *locale)
                .collect();
            let mut seen: Vec<String> = Vec::new();
            // Each version is diffed with the one before and the one after: read it once.
            let features: Vec<Features<'_>> = history
                .iter()
                .map(|&i| Features::new(&versions[i].document))
                .collect();
            // Newest pair first, so a fact lowered twice is reported at its latest change.
            for (k, pair) in history.windows(2).enumerate().rev() {
                let (old, new) = (&versions[pair[0]], &versions[pair[1]]);
                // In the source's history each version was aligned with the next already.
                let step = article.steps[pair[0]].as_ref().filter(|_| {
                    article.parents[pair[0]].is_some_and(|p| p.version.index() == pair[1])
                });
                let changes = match step {
                    Some(step) => diff::diff_aligned(&old.document, &new.document, step, true),
                    None => diff::diff_features(&features[k], &features[k + 1], true),
                };
                for change in changes {
                    let limit_down = change.kind == ChangeKind::FactValueChanged
                        && change.direction == Some(Direction::Decreased)
                        && change.fact_kind == Some(FactKind::Count);
                    if change.kind != ChangeKind::MinimumVersionLowered && !limit_down {
                        continue;
                    }
                    let (Some(o), Some(n)) = (&change.old, &change.new) else {
                        continue;
                    };
                    let what = change.key.clone().unwrap_or_else(|| change.message.clone());
                    if seen.contains(&what) {
                        continue;
                    }
                    seen.push(what);
                    let mut finding = Finding::new(
                        RuleId::RequirementRegressed,
                        &article.article.name,
                        locale.as_str(),
                        format!(
                            "{} (from {} to {})",
                            change.message,
                            version_name(old),
                            version_name(new)
                        ),
                        Location {
                            commit: None,
                            path: n.path.clone(),
                            span: n.span,
                            label: format!("now `{}`", n.text),
                        },
                    );
                    finding.related.push(Related {
                        role: "previous-version",
                        location: Location {
                            commit: None,
                            path: o.path.clone(),
                            span: o.span,
                            label: format!("was `{}`", o.text),
                        },
                    });
                    finding.help =
                        Some("confirm the lowered requirement, or restore the previous one".into());
                    out.push(finding);
                }
            }
        }
    }
    out
}
