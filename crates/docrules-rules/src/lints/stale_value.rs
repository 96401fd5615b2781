//! A fact in the linted file disagrees with the canonical value of the same aligned fact in the
//! compiled corpus, after unit normalization.
//!
//! ## Why it matters
//!
//! The maintainer editing a translation sees, before committing, that it still states the old
//! value. The file's sections are aligned with the canonical version (by anchor, error IDs,
//! literals, position), so a translation with renamed anchors is still compared.
//!
//! ## Example
//!
//! A zh-TW file says `超過 48 小時` where the canonical ja-JP 2021-06-04 version says
//! `10 日間以上`: `48 小時` → `10 天`.
//!
//! ## Fix
//!
//! Durations come with a machine-applicable fix written in the file's own language and unit
//! (`docrules lint --fix`): only the number and its unit are replaced; the words around them
//! stay.

use crate::registry::Meta;
use docrules_model::diagnostic::Level;
use std::collections::HashMap;

use super::Target;
use crate::finding::{Finding, Fix, Location, Related};
use crate::registry::RuleId;
use docrules_align::sections;
use docrules_lexicon::Lexicons;
use docrules_model::fact::{Fact, Value};

/// What this rule is, for the registry.
pub(crate) const META: Meta = Meta {
    name: "stale-value",
    level: Level::Error,
    summary: "a fact disagrees with the compiled canonical value",
};

pub(crate) fn run(target: &Target<'_>) -> Vec<Finding> {
    let (Some(canonical), Some(article)) = (target.canonical, target.article) else {
        return Vec::new();
    };
    let alignment = sections::align(target.doc, canonical);
    let by_key: HashMap<String, &Fact> = canonical
        .facts
        .iter()
        .map(|f| (f.key.to_string(), f))
        .collect();
    let lex = Lexicons::get().facts(target.locale);
    let lint = RuleId::StaleValue;
    let mut out = Vec::new();
    for fact in target.doc.facts.iter().filter(|f| f.kind.is_quantity()) {
        let section = alignment
            .of_old(fact.context.section)
            .and_then(|m| m.new.first())
            .map_or_else(
                || fact.key.section.clone(),
                |&n| canonical.sections[n].anchor.clone(),
            );
        let key = format!("{section}/{}/{}", fact.kind, fact.key.subject);
        let Some(reference) = by_key.get(&key) else {
            continue;
        };
        if fact.value.same_as(&reference.value) {
            continue;
        }
        let version = format!("{} {}", article.canonical_locale, article.canonical_date);
        let mut finding = target.finding(
            lint,
            fact.span,
            format!("{} here", fact.value),
            format!(
                "`{}` ({}) disagrees with the canonical value {} ({version})",
                fact.text, fact.value, reference.value
            ),
        );
        finding.related.push(Related {
            role: "canonical",
            location: Location {
                commit: None,
                path: article.canonical_path.clone(),
                span: reference.span,
                label: format!("{} ({version})", reference.value),
            },
        });
        if let Some(fix) = fix(target, fact, &reference.value, lex) {
            finding.help = Some(format!("write `{}`", fix.replacement));
            finding.fix = Some(fix);
        } else {
            finding.help = Some(format!(
                "state {} as the canonical version does: `{}`",
                reference.value, reference.text
            ));
        }
        out.push(finding);
    }
    out
}

/// Replaces the number and unit of a stale duration with the canonical amount and unit, in the
/// file's language (`48 小時` → `10 天`).
fn fix(
    target: &Target<'_>,
    fact: &Fact,
    canonical: &Value,
    lex: &docrules_lexicon::FactLexicon,
) -> Option<Fix> {
    let (Value::Duration { .. }, Value::Duration { amount, unit, .. }) = (&fact.value, canonical)
    else {
        return None;
    };
    let text = &fact.text;
    let (start, number) = text.char_indices().find_map(|(i, c)| {
        docrules_parse::extract::number::digit(c)
            .and(docrules_parse::extract::number::digits_at(
                text,
                i,
                lex.decimal_comma,
            ))
            .map(|n| (i, n))
    })?;
    let after = &text[number.range.end..];
    let spaces = after.len() - after.trim_start().len();
    let ((), unit_len) = lex_units(lex, after.trim_start())?;
    let end = number.range.end + spaces + unit_len;
    let replacement = lex.write_duration(*amount, *unit, spaces > 0)?;
    let base = fact.span.start as usize;
    let span = target
        .doc
        .source
        .lines
        .span(&target.doc.source.text, base + start..base + end);
    Some(Fix { span, replacement })
}

fn lex_units(lex: &docrules_lexicon::FactLexicon, text: &str) -> Option<((), usize)> {
    lex.units.prefix_of(text).map(|(_, len)| ((), len))
}
