//! The newest version of a locale translates a source that has since been rewritten: fewer
//! than half of its sections have a counterpart in the canonical version, or the source
//! version it was made from (or, when it is older than every source version, the oldest one)
//! keeps fewer than half of its sections in the canonical version under the same anchor, error
//! IDs or text.
//!
//! ## Why it matters
//!
//! Readers of that locale get a different article. Section by section, the differences would
//! read as a list of missing and extra sections, and many of those would be wrong: after a
//! rewrite, content moves between sections in ways a translation's words cannot show. So a
//! rewritten source is one finding, which marks every section with no counterpart on either side,
//! and `missing-section` and `extra-section` say nothing about that version. Sections of two
//! source versions that share little but a few values or their place in the article look
//! matched to the alignment; when most of a source version's sections survive only that way,
//! the translations made from it get this finding rather than matches that are guesses.
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
use docrules_model::document::Document;
use docrules_model::index::SectionId;

/// What this rule is, for the registry.
pub(crate) const META: Meta = Meta {
    name: "rewritten-source",
    level: Level::Warning,
    summary: "a locale's newest version translates a source rewritten since",
};

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
            match rewrite.source {
                Some((source, kept, sections)) => format!(
                    "{} translates {}, which was rewritten since: {kept} of its {sections} sections {} in {}",
                    version_name(version),
                    version_name(&article.article.versions[source]),
                    if kept == 1 {
                        "keeps its anchor or text"
                    } else {
                        "keep their anchor or text"
                    },
                    version_name(canonical)
                ),
                None => format!(
                    "{} translates a source rewritten since: {} of its {} sections {} a counterpart in {}",
                    version_name(version),
                    rewrite.kept,
                    rewrite.sections,
                    if rewrite.kept == 1 { "has" } else { "have" },
                    version_name(canonical)
                ),
            },
            Location {
                commit: None,
                path: version.path.clone(),
                span: title.span,
                label: "translated from an older structure".into(),
            },
        );
        if let Some(canonical_title) = canonical.document.sections.iter().find(|s| s.level > 0) {
            finding.related.push(Related {
                role: "canonical",
                location: Location {
                    commit: None,
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
        let lacking = unmatched(reference, |s| alignment.of_new(s).is_some());
        let only_here = unmatched(doc, |s| alignment.of_old(s).is_some());
        // The outermost sections are counted (a subsection goes with its parent); every one
        // is a place below.
        for (what, marked, doc, sections) in [
            ("canonical sections have", "missing", reference, &lacking),
            ("sections here have", "extra", doc, &only_here),
        ] {
            let outermost = sections
                .iter()
                .filter(|&&s| {
                    !doc.sections[s]
                        .parent
                        .is_some_and(|p| sections.contains(&p))
                })
                .count();
            if outermost > 0 {
                finding.notes.push(format!(
                    "{outermost} {what} no counterpart {} (marked `{marked}`)",
                    if marked == "missing" { "here" } else { "there" }
                ));
            }
        }
        // Every place, subsections included, so that each can be opened.
        let places = lacking
            .iter()
            .map(|&s| ("missing", canonical, s))
            .chain(only_here.iter().map(|&s| ("extra", version, s)));
        for (role, at, s) in places {
            let section = &at.document.sections[s];
            finding.related.push(Related {
                role,
                location: Location {
                    commit: None,
                    path: at.path.clone(),
                    span: section.span,
                    label: format!("#{}", section.anchor),
                },
            });
        }
        finding.help = Some(format!(
            "translate {} again rather than patching this version",
            version_name(canonical)
        ));
        out.push(finding);
    }
    out
}

/// The sections of `doc` below the title that `aligned` says have no counterpart, in order.
fn unmatched(doc: &Document, aligned: impl Fn(SectionId) -> bool) -> Vec<SectionId> {
    SectionId::all(doc.sections.len())
        .filter(|&s| doc.sections[s].level > 1 && !aligned(s))
        .collect()
}
