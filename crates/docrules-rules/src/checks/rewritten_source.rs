//! The newest version of a locale translates a source that has since been rewritten: fewer
//! than half of its sections have a counterpart in the canonical version.
//!
//! ## Why it matters
//!
//! Readers of that locale get a different article. Section by section, the differences would
//! read as a list of missing and extra sections, and many of those would be wrong: after a
//! rewrite, content moves between sections in ways a translation's words cannot show. So a
//! rewritten source is one finding, which lists the canonical sections with no counterpart,
//! and `missing-section` and `extra-section` say nothing about that version.
//!
//! ## Example
//!
//! The newest fr-FR version, translated from en-US 2018-08-09, has 11 sections; one of them
//! (`#understanding-scaling-behaviors`, now `#scale`) has a counterpart in the canonical en-US
//! 2025-12-09, whose other nine sections it lacks.
//!
//! ## Fix
//!
//! Translate the canonical version again, rather than patching the old translation.

use super::{Finding, Location, Related, current_translations, version_name};
use crate::registry::{Meta, RuleId};
use docrules_align::Compiled;
use docrules_model::diagnostic::Level;
use docrules_model::index::SectionId;

/// What this rule is, for the registry.
pub(crate) const META: Meta = Meta {
    name: "rewritten-source",
    level: Level::Warning,
    summary: "a locale's newest version translates a source rewritten since",
};

/// At most this many anchors are listed in a note.
const LISTED: usize = 8;

pub(crate) fn run(compiled: &Compiled<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (article, v, version) in current_translations(compiled) {
        let Some(rewrite) = article.rewritten(v) else {
            continue;
        };
        let canonical = &article.article.versions[article.canonical];
        let doc = &version.document;
        let Some(title) = doc
            .sections
            .iter()
            .find(|s| s.level > 0)
            .or(doc.sections.first())
        else {
            continue;
        };
        let mut finding = Finding::new(
            RuleId::RewrittenSource,
            &article.article.name,
            version.locale.as_str(),
            format!(
                "{} translates a source rewritten since: {} of its {} sections {} a counterpart in {}",
                version_name(version),
                rewrite.kept,
                rewrite.sections,
                if rewrite.kept == 1 { "has" } else { "have" },
                version_name(canonical)
            ),
            Location {
                path: version.path.clone(),
                span: title.span,
                label: "translated from an older structure".into(),
            },
        );
        if let Some(canonical_title) = canonical.document.sections.iter().find(|s| s.level > 0) {
            finding.related.push(Related {
                role: "canonical",
                location: Location {
                    path: canonical.path.clone(),
                    span: canonical_title.span,
                    label: "the rewritten source".into(),
                },
            });
        }
        if let Some(parent) = article.parents[v.index()].filter(|p| !p.newer) {
            finding.notes.push(format!(
                "translated from {}",
                version_name(&article.article.versions[parent.version])
            ));
        }
        let alignment = &article.alignments[v.index()];
        let reference = &canonical.document;
        let lacking: Vec<&str> = SectionId::all(reference.sections.len())
            .filter(|&s| {
                let section = &reference.sections[s];
                section.level > 1
                    && alignment.of_new(s).is_none()
                    && section.parent.is_none_or(|p| alignment.of_new(p).is_some())
            })
            .map(|s| reference.sections[s].anchor.as_str())
            .collect();
        if !lacking.is_empty() {
            finding.notes.push(format!(
                "canonical sections with no counterpart here: {}",
                listed(&lacking)
            ));
        }
        let doc_alignment = &article.alignments[v.index()];
        let only_here: Vec<&str> = SectionId::all(doc.sections.len())
            .filter(|&s| {
                let section = &doc.sections[s];
                section.level > 1
                    && doc_alignment.of_old(s).is_none()
                    && section
                        .parent
                        .is_none_or(|p| doc_alignment.of_old(p).is_some())
            })
            .map(|s| doc.sections[s].anchor.as_str())
            .collect();
        if !only_here.is_empty() {
            finding.notes.push(format!(
                "sections here with no counterpart there: {}",
                listed(&only_here)
            ));
        }
        finding.help = Some(format!(
            "translate {} again rather than patching this version",
            version_name(canonical)
        ));
        out.push(finding);
    }
    out
}

/// `#a, #b, …` with at most [`LISTED`] anchors, and how many more.
fn listed(anchors: &[&str]) -> String {
    let mut text = anchors
        .iter()
        .take(LISTED)
        .map(|a| format!("#{a}"))
        .collect::<Vec<_>>()
        .join(", ");
    if anchors.len() > LISTED {
        text.push_str(&format!(" and {} more", anchors.len() - LISTED));
    }
    text
}
