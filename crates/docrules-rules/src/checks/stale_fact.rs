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
use docrules_align::Compiled;
use docrules_model::diagnostic::Level;

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
        for fact in version
            .document
            .facts
            .iter()
            .filter(|f| f.kind.is_quantity())
        {
            let key = article.aligned_key(v, fact);
            let Some(history) = article.histories.get(&key) else {
                continue;
            };
            let Some(entry) = history.canonical else {
                continue;
            };
            let (_, reference) = article.fact(entry);
            if fact.value.same_as(&reference.value) {
                continue;
            }
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
                    path: canonical.path.clone(),
                    span: reference.span,
                    label: format!("{} ({})", reference.value, version_name(canonical)),
                },
            });
            // The old canonical value it still repeats.
            let matches =
                history
                    .entries
                    .iter()
                    .rev()
                    .map(|&e| article.fact(e))
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
            finding.fact = Some(FactInfo {
                key: key.to_string(),
                kind: fact.kind,
                values: history
                    .entries
                    .iter()
                    .map(|&e| article.fact(e))
                    .map(|(v, f)| fact_value(v, f))
                    .collect(),
            });
            out.push(finding);
        }
    }
    out
}
