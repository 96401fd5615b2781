//! The newest version of a locale has a section that the canonical version does not have.
//!
//! ## Why it matters
//!
//! Usually the source removed the section and the translation kept it: its readers follow
//! advice the source no longer gives. Sections are matched by evidence (anchor, error IDs,
//! literals, position), so a section whose anchor was renamed is not reported.
//! A version most of whose sections the canonical version no longer has is reported once, as
//! `rewritten-source`, not section by section.
//!
//! A section whose content is an included file (`[!INCLUDE]`) is not reported: its words are
//! not in the file, and it may be a canonical section under an older heading.
//!
//! ## Example
//!
//! The newest zh-TW version has `#need-help-contact-support`; the canonical ja-JP 2021-06-04
//! version has no section aligned with it.
//!
//! ## Fix
//!
//! Remove the section from the translation, or add it to the source if it belongs there.

use super::{Finding, Location, current_translations, version_name};
use crate::registry::{Meta, RuleId};
use docrules_align::Compiled;
use docrules_align::absence::{Removal, included_files, is_wrapper};
use docrules_model::diagnostic::Level;
use docrules_model::index::SectionId;

/// What this rule is, for the registry.
pub(crate) const META: Meta = Meta {
    name: "extra-section",
    level: Level::Warning,
    summary: "a locale's newest version has a section the canonical version lacks",
};

pub(crate) fn run(compiled: &Compiled<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (article, v, version) in current_translations(compiled) {
        // A translation of a rewritten source is one `rewritten-source` finding.
        if article.rewritten(v).is_some() {
            continue;
        }
        let canonical = &article.article.versions[article.canonical];
        let doc = &version.document;
        let alignment = &article.alignments[v.index()];
        let matched = |s: SectionId| alignment.of_old(s).is_some();
        let unmatched: Vec<SectionId> = SectionId::all(doc.sections.len())
            .filter(|&s| doc.sections[s].level > 0 && alignment.of_old(s).is_none())
            .collect();
        let extra: Vec<SectionId> = unmatched
            .iter()
            .copied()
            .filter(|&s| {
                let certain = match article.removal(v, s) {
                    Removal::Removed { certain, .. } | Removal::NotInSource { certain } => certain,
                    Removal::Unknown => true,
                };
                // A section whose content is an included file may be the canonical one's
                // under an older heading: its words are not here to tell.
                certain && !is_wrapper(doc, s, &matched) && included_files(doc, s).is_empty()
            })
            .collect();
        for &s in &extra {
            let section = &doc.sections[s];
            if section.parent.is_some_and(|p| extra.contains(&p)) {
                continue;
            }
            let mut finding = Finding::new(
                RuleId::ExtraSection,
                &article.article.name,
                version.locale.as_str(),
                format!(
                    "#{} has no counterpart in the canonical {}",
                    section.anchor,
                    version_name(canonical)
                ),
                Location {
                    commit: None,
                    path: version.path.clone(),
                    span: section.span,
                    label: "not in the canonical version".into(),
                },
            );
            finding.section = Some(section.anchor.clone());
            finding.help = Some(format!(
                "remove #{} or add it to the source",
                section.anchor
            ));
            out.push(finding);
        }
    }
    out
}
