//! The newest version of a locale lacks a section that the canonical version has.
//!
//! ## Why it matters
//!
//! Readers of that locale do not get the troubleshooting steps the source gives: a translation
//! that was not updated when sections were added. Sections are matched by evidence (anchor,
//! error IDs, literals, position), so a renamed or translated anchor is not reported as missing.
//! A missing section whose parent section is missing too is reported once, with its parent.
//! A version most of whose sections the canonical version no longer has is reported once, as
//! `rewritten-source`, not section by section. Where the section would be, a translation
//! that takes content from an included file (`[!INCLUDE]`) the canonical version does not
//! include may hold it there: not reported.
//!
//! ## Example
//!
//! The canonical ja-JP 2021-06-04 version has `#common-issues`; the newest zh-TW version,
//! 2019-05-21, has no section that aligns with it.
//!
//! ## Fix
//!
//! Translate the section, or if the locale deliberately omits it, suppress the finding in
//! `docrules.toml` with the reason.

use super::{Finding, Location, Related, current_translations, version_name};
use crate::registry::{Meta, RuleId};
use docrules_align::Compiled;
use docrules_align::absence::{Absence, all_included_files, included_files, is_wrapper};
use docrules_align::sections::SectionAlignment;
use docrules_model::diagnostic::Level;
use docrules_model::document::Document;
use docrules_model::index::SectionId;

/// What this rule is, for the registry.
pub(crate) const META: Meta = Meta {
    name: "missing-section",
    level: Level::Warning,
    summary: "a locale's newest version lacks a section of the canonical version",
};

pub(crate) fn run(compiled: &Compiled<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (article, v, version) in current_translations(compiled) {
        // A translation of a rewritten source is one `rewritten-source` finding.
        if article.rewritten(v).is_some() {
            continue;
        }
        let canonical = &article.article.versions[article.canonical];
        let reference = &canonical.document;
        let alignment = &article.alignments[v.index()];
        let unmatched: Vec<SectionId> = SectionId::all(reference.sections.len())
            .filter(|&s| reference.sections[s].level > 0 && alignment.of_new(s).is_none())
            .collect();
        // Only what the evidence says is missing: not a section whose content the source
        // already had under other headings, not a wrapper around sections the locale has, not
        // one whose place in the translation takes its content from an included file.
        let matched = |s: SectionId| alignment.of_new(s).is_some();
        let doc = &version.document;
        // An include the canonical version has too does not hold what the canonical version
        // says beside it.
        let canonical_includes = all_included_files(reference);
        let hides = |t: SectionId| {
            included_files(doc, t)
                .iter()
                .any(|f| !canonical_includes.contains(f))
        };
        let missing: Vec<SectionId> = unmatched
            .iter()
            .copied()
            .filter(|&s| {
                let certain = match article.absence(v, s) {
                    Absence::Added { certain, .. } => certain,
                    Absence::Dropped | Absence::Unknown => true,
                };
                certain
                    && !is_wrapper(reference, s, &matched)
                    && !place_of(alignment, reference, doc, s)
                        .into_iter()
                        .any(hides)
            })
            .collect();
        for &s in &missing {
            let section = &reference.sections[s];
            // A subsection of a missing section is reported with it.
            if section.parent.is_some_and(|p| missing.contains(&p)) {
                continue;
            }
            let before = before(alignment, s);
            let at = before.map_or(doc.sections.first().map(|x| x.span), |b| {
                doc.sections.get(b.index()).map(|x| x.span)
            });
            let Some(span) = at else { continue };
            let mut finding = Finding::new(
                RuleId::MissingSection,
                &article.article.name,
                version.locale.as_str(),
                format!(
                    "{} has no section for #{} of {}",
                    version_name(version),
                    section.anchor,
                    version_name(canonical)
                ),
                Location {
                    commit: None,
                    path: version.path.clone(),
                    span,
                    label: format!("#{} would follow this section", section.anchor),
                },
            );
            finding.related.push(Related {
                role: "canonical",
                location: Location {
                    commit: None,
                    path: canonical.path.clone(),
                    span: section.span,
                    label: format!("#{} in the canonical version", section.anchor),
                },
            });
            let children = missing
                .iter()
                .filter(|&&c| reference.sections[c].parent == Some(s))
                .count();
            if children > 0 {
                finding
                    .notes
                    .push(format!("with its {children} subsections"));
            }
            if let Absence::Added { in_version, .. } = article.absence(v, s) {
                let first = &article.article.versions[in_version];
                finding
                    .notes
                    .push(format!("the source has it since {}", version_name(first)));
            }
            finding.help = Some(format!("translate #{} ({})", section.anchor, section.title));
            finding.section = Some(section.anchor.clone());
            out.push(finding);
        }
    }
    out
}

/// The translation's sections where canonical section `s` would be: the one aligned with its
/// canonical parent, and the one aligned with the section before it, with its ancestors.
fn place_of(
    alignment: &SectionAlignment,
    reference: &Document,
    doc: &Document,
    s: SectionId,
) -> Vec<SectionId> {
    let mut out = Vec::new();
    if let Some(parent) = reference.sections[s.index()].parent {
        out.extend(
            alignment
                .of_new(parent)
                .map(|m| m.old.clone())
                .unwrap_or_default(),
        );
    }
    let mut at = before(alignment, s);
    while let Some(t) = at {
        out.push(t);
        at = doc.sections.get(t.index()).and_then(|x| x.parent);
    }
    // Not the title: an include in an article's introduction is boilerplate (a note that the
    // article uses the Az module), not where a section's content went.
    out.retain(|t| doc.sections.get(t.index()).is_some_and(|x| x.level > 1));
    out
}

/// Where canonical section `s` would go in the translation: after the section aligned with
/// its predecessor (one that is the first of its match, not content folded into another).
fn before(alignment: &SectionAlignment, s: SectionId) -> Option<SectionId> {
    SectionId::all(s.index())
        .rev()
        .find_map(|p| alignment.of_new(p).filter(|m| m.new.first() == Some(&p)))
        .and_then(|m| m.old.iter().max().copied())
}
