//! Two statements of the same fact inside one version disagree: in one table row, two cells
//! each state one value of the same kind, and the values differ.
//!
//! ## Why it matters
//!
//! A row's cause says the credential file expires after 48 hours while its note says 10 days:
//! one of them was updated and the other forgotten, and the reader cannot tell which to trust.
//! Values are compared after unit normalization (`48 時間` and `2 日` agree). A cell stating
//! several values of a kind (a list of retention periods) is not one statement and is not
//! compared. Only the newest version of each locale is checked.
//!
//! ## Example
//!
//! `| 48 時間以上前にダウンロードされた (ID: 34513) | … **注**: 次の 10 日間 … |`
//!
//! ## Fix
//!
//! Make both statements give the same value.

use crate::registry::{Meta, RuleId};
use docrules_model::diagnostic::Level;
use std::collections::BTreeMap;

use super::{
    FactInfo, Finding, Related, current_versions, fact_location, fact_value, version_name,
};
use docrules_align::Compiled;
use docrules_model::document::ColumnRole;
use docrules_model::fact::FactKind;
use docrules_model::index::RowId;

/// What this rule is, for the registry.
pub(crate) const META: Meta = Meta {
    name: "internal-disagreement",
    level: Level::Warning,
    summary: "two statements of one fact in one version disagree",
};

pub(crate) fn run(compiled: &Compiled<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (article, _, version) in current_versions(compiled) {
        let doc = &version.document;
        // (rule, kind) → column → facts of that kind in that cell.
        let mut cells: BTreeMap<(RowId, FactKind), BTreeMap<usize, Vec<usize>>> = BTreeMap::new();
        for (i, fact) in doc.facts.iter().enumerate() {
            let (Some(rule), true) = (
                fact.context.rule,
                matches!(
                    fact.kind,
                    FactKind::Duration | FactKind::Count | FactKind::Percent
                ),
            ) else {
                continue;
            };
            // Columns of numbers (`| Region | Windows | Linux |`) hold different measures by
            // design; only the cells that explain one error can contradict each other.
            if !matches!(
                fact.context.column,
                Some(ColumnRole::Error | ColumnRole::Cause | ColumnRole::Action)
            ) {
                continue;
            }
            let column = doc.rules[rule]
                .cells
                .iter()
                .position(|c| {
                    Some(c.role) == fact.context.column
                        && c.span.start <= fact.span.start
                        && fact.span.end <= c.span.end.max(c.span.start)
                })
                .unwrap_or(usize::MAX);
            cells
                .entry((rule, fact.kind))
                .or_default()
                .entry(column)
                .or_default()
                .push(i);
        }
        for ((_, kind), columns) in cells {
            let single: Vec<usize> = columns
                .values()
                .filter(|f| f.len() == 1)
                .map(|f| f[0])
                .collect();
            let [first, rest @ ..] = single.as_slice() else {
                continue;
            };
            let a = &doc.facts[*first];
            for &other in rest {
                let b = &doc.facts[other];
                if a.value.same_as(&b.value) {
                    continue;
                }
                let mut finding = Finding::new(
                    RuleId::InternalDisagreement,
                    &article.article.name,
                    version.locale.as_str(),
                    format!(
                        "this row states the {kind} as {} here and as {} in another cell ({})",
                        b.value,
                        a.value,
                        version_name(version)
                    ),
                    fact_location(version, b, format!("{}", b.value)),
                );
                finding.related.push(Related {
                    role: "other-statement",
                    location: fact_location(version, a, format!("{} here", a.value)),
                });
                finding.help = Some("make both statements give the same value".into());
                finding.fact = Some(FactInfo {
                    key: b.key.to_string(),
                    kind,
                    values: vec![fact_value(version, a), fact_value(version, b)],
                });
                out.push(finding);
            }
        }
    }
    out
}
