//! The newest version of a locale states a value that differs from the canonical value of the
//! same aligned fact, after unit normalization.
//!
//! ## Why it matters
//!
//! A translation that still says the old value tells its readers something the source no longer
//! says: a vault credential file "valid for 48 hours" when the source now says 10 days. Units
//! are normalized first, so `48 小時` and `2 日` agree with 48 hours; only the value counts, not
//! the wording or the comparator.
//!
//! ## Example
//!
//! The canonical (newest) version, ja-JP 2021-06-04, says `10 日間以上`; the newest zh-TW version,
//! 2019-05-21, still says `超過 48 小時`. When the stale value equals an older canonical value,
//! the finding says which version it matches (`matches ja-JP 2019-07-15`); when the translation
//! is newer than the canonical version, it says the source may be the outdated side.
//!
//! ## Fix
//!
//! Update the translation to the canonical value (the help line gives it), or, if the
//! translation is right, update the source.

use super::{
    FactInfo, Finding, Location, Related, current_translations, fact_location, fact_value,
    version_name,
};
use crate::registry::{Meta, RuleId};
use docrules_align::{AlignedArticle, Compiled, HistoryEntry};
use docrules_model::corpus::Version;
use docrules_model::diagnostic::Level;
use docrules_model::fact::{Fact, FactKey};
use docrules_model::index::FactId;

/// What this rule is, for the registry.
pub(crate) const META: Meta = Meta {
    name: "stale-fact",
    level: Level::Error,
    summary: "a translation states a value the canonical version has changed",
};

pub(crate) fn run(compiled: &Compiled<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (article, v, version) in current_translations(compiled) {
        let canonical = &article.article.versions[article.canonical];
        for (f, fact) in version.document.facts.iter().enumerate() {
            let f = FactId::new(f);
            if !fact.kind.is_quantity() {
                continue;
            }
            let Some(reference) = article.canonical_of(v, f) else {
                continue;
            };
            if fact.value.same_as(&reference.value) {
                continue;
            }
            let lineage = article.parent_of(v, f).filter(|(p, _, _)| !p.same_locale);
            // A translation that disagrees with the very version it was made from is
            // mistranslated (mistranslated-fact), not behind.
            if lineage.is_some_and(|(p, _, source)| p.exact && !fact.value.same_as(&source.value)) {
                continue;
            }
            let key = article.aligned_key(v, fact);
            let mut finding = Finding::new(
                RuleId::StaleFact,
                &article.article.name,
                version.locale.as_str(),
                format!(
                    "`{}` ({}) disagrees with the canonical value {} of {}",
                    fact.text,
                    fact.value,
                    reference.value,
                    version_name(canonical)
                ),
                fact_location(version, fact, format!("{} here", fact.value)),
            );
            finding.related.push(Related {
                role: "canonical",
                location: Location {
                    commit: None,
                    path: canonical.path.clone(),
                    span: reference.span,
                    label: format!("{} ({})", reference.value, version_name(canonical)),
                },
            });
            let chain = article.chain(v, f);
            match lineage {
                Some((_, source, stated)) if stated.value.same_as(&fact.value) => {
                    // Behind: it still says what its source said; say since when the source
                    // says otherwise.
                    let since = chain
                        .iter()
                        .map(|&(cv, cf)| {
                            article.fact(HistoryEntry {
                                version: cv,
                                fact: cf,
                            })
                        })
                        .find(|(_, later)| later.value.same_as(&reference.value))
                        .map(|(later, _)| version_name(later));
                    finding.notes.push(format!(
                        "translated from {}, which states {}; the source states {}{}",
                        version_name(source),
                        stated.value,
                        reference.value,
                        since.map(|s| format!(" since {s}")).unwrap_or_default()
                    ));
                }
                _ => {
                    // The old canonical value it still repeats.
                    let matches = chain
                        .iter()
                        .rev()
                        .map(|&(cv, cf)| {
                            article.fact(HistoryEntry {
                                version: cv,
                                fact: cf,
                            })
                        })
                        .chain(history_matches(article, &key))
                        .find(|(old, old_fact)| {
                            old.locale == canonical.locale
                                && old.date < canonical.date
                                && old_fact.value.same_as(&fact.value)
                        });
                    if let Some((old, _)) = matches {
                        finding
                            .notes
                            .push(format!("the stale value matches {}", version_name(old)));
                    }
                }
            }
            if version.date > canonical.date {
                finding.notes.push(format!(
                    "{} is newer than the canonical {}: the source may be the outdated side",
                    version_name(version),
                    version_name(canonical)
                ));
            }
            finding.help = Some(format!(
                "state {} as the canonical version does: `{}`",
                reference.value, reference.text
            ));
            let canonical_key = article.aligned_key(article.canonical, reference);
            let history = article.histories.get(&canonical_key);
            finding.fact = Some(FactInfo {
                key: canonical_key.to_string(),
                kind: fact.kind,
                values: history
                    .map(|h| {
                        h.entries
                            .iter()
                            .map(|&e| article.fact(e))
                            .map(|(v, f)| fact_value(v, f))
                            .collect()
                    })
                    .unwrap_or_default(),
            });
            out.push(finding);
        }
    }
    out
}

/// Every statement of the history under `key`, oldest first.
fn history_matches<'c>(
    article: &'c AlignedArticle<'c>,
    key: &FactKey,
) -> impl Iterator<Item = (&'c Version, &'c Fact)> + 'c {
    article
        .histories
        .get(key)
        .into_iter()
        .flat_map(|h| h.entries.iter().rev().map(|&e| article.fact(e)))
}
