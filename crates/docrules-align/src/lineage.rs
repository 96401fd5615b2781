//! Lineage: which version each version descends from.
//!
//! A translation is made from one version of the source and keeps that version's anchors and
//! structure; the source then moves on. So a translation is aligned first with the source
//! version it was made from, and each source version with the next one, up to the canonical
//! version: alignments compose along that chain, and each step compares like with like (within
//! one language, bodies as text; across languages, structure and literals).

use docrules_model::corpus::Article;
use docrules_model::index::VersionId;
use docrules_model::locale::Locale;

/// The version a version is aligned with first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parent {
    /// The parent version.
    pub version: VersionId,
    /// Both versions are in one locale (the source's own history).
    pub same_locale: bool,
    /// The translation was made from exactly this version (same `ms.date`): what it states
    /// differently is a mistranslation, not an older value.
    pub exact: bool,
    /// The parent is newer than the version (a translation older than every source version
    /// of the corpus descends from the oldest one): what the version has and the parent lacks
    /// was gone from the source by then.
    pub newer: bool,
}

/// The parent of every version of `article` (`None` for the canonical version, and for a
/// version with no source version it can descend from: it is aligned with the canonical one
/// directly). `canonical` is the canonical version; `source` the locale translations are made
/// from, when the article has versions in it.
pub fn parents(
    article: &Article,
    canonical: VersionId,
    source: Option<&Locale>,
) -> Vec<Option<Parent>> {
    let versions = &article.versions;
    let home = &versions[canonical].locale;
    let source_present = source.is_some_and(|s| s == home);
    versions
        .iter()
        .enumerate()
        .map(|(v, version)| {
            if v == canonical.index() {
                return None;
            }
            if version.locale == *home {
                // The next version of the canonical version's own locale.
                return versions
                    .iter()
                    .enumerate()
                    .skip(v + 1)
                    .find(|(_, next)| next.locale == *home)
                    .map(|(n, _)| Parent {
                        version: VersionId::new(n),
                        same_locale: true,
                        exact: true,
                        newer: true,
                    });
            }
            if !source_present {
                return None;
            }
            // The source version it was translated from: the one with its `ms.date` (copied from
            // the source; without one, its handoff date), the newest such.
            let date = version.date.or(version.last_handoff)?;
            let in_source = || {
                versions
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.locale == *home)
                    .filter_map(|(i, s)| Some((i, s.date?)))
            };
            let same_date = in_source().rfind(|(_, d)| *d == date);
            if let Some((i, _)) = same_date {
                // The same ms.date is the source it was made from only if the structure says so
                // too: a source edited without a new ms.date is another text.
                if same_structure(&version.document, &versions[i].document) {
                    return Some(Parent {
                        version: VersionId::new(i),
                        same_locale: false,
                        exact: true,
                        newer: false,
                    });
                }
            }
            // Else one of the source versions it could have been made from, not newer than its
            // ms.date: the one whose anchors it keeps best, the newest on a tie (so a same-dated
            // version edited later is kept unless an older one fits better). (Not up to its
            // `ms.lasthandoff`: the ms.date is copied from the source at handoff, so a source
            // version dated between the two was committed after it.) A translation older than
            // every source version in the corpus is nearest to the oldest (its anchors are an
            // older source's).
            in_source()
                .filter(|(_, d)| *d <= date)
                .max_by(|(a, da), (b, db)| {
                    let fit = |i: usize| anchor_fit(&version.document, &versions[i].document);
                    fit(*a).total_cmp(&fit(*b)).then((da, a).cmp(&(db, b)))
                })
                .or_else(|| in_source().min_by_key(|(i, d)| (*d, *i)))
                .map(|(i, d)| Parent {
                    version: VersionId::new(i),
                    same_locale: false,
                    exact: false,
                    newer: d > date,
                })
        })
        .collect()
}

/// The locale translations are made from, when `docrules.toml` does not name one: the one
/// locale whose files carry no translation marker (`ms.translationtype`), else `en-US` when the
/// corpus has it. `None` when neither tells.
pub fn infer_source_locale(corpus: &docrules_model::corpus::Corpus) -> Option<Locale> {
    let mut untranslated: Vec<&Locale> = corpus
        .versions()
        .filter(|v| v.document.front_matter.get("ms.translationtype").is_none())
        .map(|v| &v.locale)
        .collect();
    untranslated.sort();
    untranslated.dedup();
    if let [one] = untranslated.as_slice() {
        return Some((*one).clone());
    }
    let english = Locale::parse("en-US")?;
    corpus
        .versions()
        .any(|v| v.locale == english)
        .then_some(english)
}

/// How many of a translation's heading anchors its source version must have for the two to
/// be one text in two languages (translations keep their source's anchors).
const SAME_STRUCTURE: f32 = 0.9;

/// The share of `translation`'s heading anchors (the title aside: translations often give it no
/// anchor of its own) that `source` has; 0 for a translation without headings.
fn anchor_fit(
    translation: &docrules_model::document::Document,
    source: &docrules_model::document::Document,
) -> f32 {
    let anchors: std::collections::HashSet<&str> =
        source.sections.iter().map(|s| s.anchor.as_str()).collect();
    let headings: Vec<&str> = translation
        .sections
        .iter()
        .filter(|s| s.level > 1)
        .map(|s| s.anchor.as_str())
        .collect();
    let kept = headings.iter().filter(|a| anchors.contains(**a)).count();
    if headings.is_empty() {
        return 0.0;
    }
    kept as f32 / headings.len() as f32
}

/// Whether `translation` keeps the section structure of `source`: nearly all its headings'
/// anchors are the source's, and the two have as many sections and table rows.
fn same_structure(
    translation: &docrules_model::document::Document,
    source: &docrules_model::document::Document,
) -> bool {
    let headings = translation.sections.iter().filter(|s| s.level > 1).count();
    (headings == 0 || anchor_fit(translation, source) >= SAME_STRUCTURE)
        && translation.sections.len() == source.sections.len()
        && translation.rules.len() == source.rules.len()
}
