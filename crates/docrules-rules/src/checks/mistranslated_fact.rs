//! The newest version of a locale states a value that differs from the source version it was
//! translated from (the source version with the same `ms.date`).
//!
//! ## Why it matters
//!
//! A translation that is merely behind still says what its source said when it was made; the
//! fix is to translate the newer source (see `stale-fact`). A translation that disagrees with
//! the very text it was made from was translated wrong: a number mistyped, a unit confused, a
//! sentence rewritten by machine translation. The two need different people: the first waits
//! for the next handoff, the second is a bug in the translation itself.
//!
//! ## Example
//!
//! `functions-premium-plan/fr-fr/2019-04-11.md` says `12 minutes` where
//! `functions-premium-plan/en-us/2019-04-11.md`, the version it was translated from, says
//! `10 minutes`.
//!
//! ## Fix
//!
//! Correct the translation to what its source says (and, if the source has changed since,
//! to the canonical value).

use super::{Finding, Location, Related, current_translations, fact_location, version_name};
use crate::registry::{Meta, RuleId};
use docrules_align::Compiled;
use docrules_model::diagnostic::Level;
use docrules_model::index::FactId;

/// What this rule is, for the registry.
pub(crate) const META: Meta = Meta {
    name: "mistranslated-fact",
    level: Level::Warning,
    summary: "a translation disagrees with the source version it was made from",
};

pub(crate) fn run(compiled: &Compiled<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (article, v, version) in current_translations(compiled) {
        for (f, fact) in version.document.facts.iter().enumerate() {
            if !fact.kind.is_quantity() {
                continue;
            }
            let Some((parent, source, stated)) = article.parent_of(v, FactId::new(f)) else {
                continue;
            };
            if parent.same_locale || !parent.exact || fact.value.same_as(&stated.value) {
                continue;
            }
            let mut finding = Finding::new(
                RuleId::MistranslatedFact,
                &article.article.name,
                version.locale.as_str(),
                format!(
                    "`{}` ({}) disagrees with `{}` ({}) of {}, which it was translated from",
                    fact.text,
                    fact.value,
                    stated.text,
                    stated.value,
                    version_name(source)
                ),
                fact_location(version, fact, format!("{} here", fact.value)),
            );
            finding.related.push(Related {
                role: "source",
                location: Location {
                    commit: None,
                    path: source.path.clone(),
                    span: stated.span,
                    label: format!("{} ({})", stated.value, version_name(source)),
                },
            });
            finding.help = Some(format!(
                "translate `{}` as its source states it: {}",
                stated.text, stated.value
            ));
            out.push(finding);
        }
    }
    out
}
