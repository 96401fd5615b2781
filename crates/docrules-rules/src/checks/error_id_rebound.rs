//! One error ID is attached to table rows of different sections in the newest version of a
//! locale.
//!
//! ## Why it matters
//!
//! An error ID is how users and tools find the right advice (`by_error_id("34513")` in the
//! generated crate). When two sections claim it with different causes, a lookup returns either,
//! and one of them is usually a copy-paste slip. Rows in one section sharing an ID (several
//! causes of one error) are fine.
//!
//! ## Example
//!
//! `(ID: 100050)` in a row of `#registration-issues` and in a row of `#restore-fails`.
//!
//! ## Fix
//!
//! Correct the ID, or merge the advice into one section and link to it from the other.

use crate::registry::{Meta, RuleId};
use docrules_model::diagnostic::Level;
use std::collections::BTreeMap;

use super::{Finding, Location, Related, current_versions};
use docrules_align::Compiled;
use docrules_model::index::SectionId;
use docrules_model::span::Span;

/// What this rule is, for the registry.
pub(crate) const META: Meta = Meta {
    name: "error-id-rebound",
    level: Level::Warning,
    summary: "one error ID is attached to different sections",
};

pub(crate) fn run(compiled: &Compiled<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (article, _, version) in current_versions(compiled) {
        let doc = &version.document;
        // Error ID → (section, first row's ID span) in document order.
        let mut owners: BTreeMap<&str, Vec<(SectionId, Span)>> = BTreeMap::new();
        for rule in &doc.rules {
            for id in &rule.error_ids {
                let list = owners.entry(id.value.as_str()).or_default();
                if !list.iter().any(|(s, _)| *s == rule.section) {
                    list.push((rule.section, id.span));
                }
            }
        }
        for (id, list) in owners {
            let [(first_section, first_span), rest @ ..] = list.as_slice() else {
                continue;
            };
            for (section, span) in rest {
                let mut finding = Finding::new(
                    RuleId::ErrorIdRebound,
                    &article.article.name,
                    version.locale.as_str(),
                    format!(
                        "error {id} is attached to rows of #{} and of #{}",
                        doc.sections[*first_section].anchor, doc.sections[*section].anchor
                    ),
                    Location {
                        commit: None,
                        path: version.path.clone(),
                        span: *span,
                        label: format!("{id} here"),
                    },
                );
                finding.related.push(Related {
                    role: "other-section",
                    location: Location {
                        commit: None,
                        path: version.path.clone(),
                        span: *first_span,
                        label: format!("{id} in #{}", doc.sections[*first_section].anchor),
                    },
                });
                out.push(finding);
            }
        }
    }
    out
}
