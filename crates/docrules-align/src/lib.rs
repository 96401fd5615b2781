//! Lines up the versions and translations of each article, through their lineage
//! ([`lineage`]): a translation with the source version it was made from, each source version
//! with the next, up to the canonical version. Sections align by evidence
//! ([`sections::align_with`]: anchors, error IDs, literals, and within one language the text),
//! facts pair inside aligned units ([`pairing`]); each canonical fact gets its history across
//! versions and locales, and an unmatched section the reason it has none ([`absence`]).
//!
//! ```
//! let text = "---\nms.date: 01/01/2020\n---\n# Guide\n\n## Errors\n\n| Error | Cause |\n| --- | --- |\n| Failed (ID: 100) | Expired after 48 hours |\n";
//! let doc = docrules_parse::corpus::read_document("a.md", text.into(), None, &Default::default()).unwrap();
//! let alignment = docrules_align::sections::align_with(&doc, &doc, true);
//! let errors = docrules_model::index::SectionId::new(1);
//! assert_eq!(doc.sections[errors].anchor, "errors");
//! assert_eq!(alignment.of_old(errors).map(|m| m.new.clone()), Some(vec![errors]));
//! ```
#![warn(missing_docs)]

pub mod absence;
pub mod diff;
pub mod lineage;
mod moved;
pub mod pairing;
pub mod sections;
pub mod similarity;
pub mod subject;
mod words;

use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

use docrules_model::corpus::{Article, Corpus, Version};
use docrules_model::diagnostic::{Diagnostic, Level};
use docrules_model::fact::{Fact, FactKey};
use docrules_model::index::{FactId, SectionId, VersionId};
use docrules_model::locale::Locale;
pub use lineage::Parent;
pub use sections::{Evidence, SectionAlignment, SectionMatch};

/// Every article of a corpus, aligned.
#[derive(Debug)]
pub struct Compiled<'c> {
    /// The corpus.
    pub corpus: &'c Corpus,
    /// Its articles with at least one version, in the corpus's order.
    pub articles: Vec<AlignedArticle<'c>>,
    /// Problems found while aligning (a named fact whose key matches no canonical fact).
    pub diagnostics: Vec<Diagnostic>,
}

impl Compiled<'_> {
    /// Every diagnostic of the corpus, its documents and the alignment, sorted by file and
    /// position.
    pub fn all_diagnostics(&self) -> Vec<&Diagnostic> {
        let mut all = self.corpus.all_diagnostics();
        all.extend(&self.diagnostics);
        all.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        all
    }

    /// The highest level among them.
    pub fn max_level(&self) -> Option<Level> {
        self.all_diagnostics().iter().map(|d| d.level).max()
    }
}

/// One article: how each version's sections and facts line up with the canonical version's,
/// through its lineage, and the history of every fact.
#[derive(Debug)]
pub struct AlignedArticle<'c> {
    /// The article.
    pub article: &'c Article,
    /// The version whose values are canonical.
    pub canonical: VersionId,
    /// `section_ids[v][s]`: the aligned identity of section `s` of version `v` (the canonical
    /// version's anchor when the section aligns with one of its sections, else its own anchor).
    pub section_ids: Vec<Vec<String>>,
    /// How each version's sections line up with the canonical version's (composed along its
    /// lineage, completed by a direct alignment for what the lineage left over).
    pub alignments: Vec<SectionAlignment>,
    /// The version each version descends from (see [`lineage`]).
    pub parents: Vec<Option<Parent>>,
    /// `steps[v]`: how version `v`'s sections line up with its parent's.
    pub steps: Vec<Option<SectionAlignment>>,
    /// `parent_facts[v][f]`: the fact of version `v`'s parent that fact `f` pairs with.
    pub parent_facts: Vec<Vec<Option<FactId>>>,
    /// `canonical_facts[v][f]`: the canonical version's fact that fact `f` of version `v`
    /// states (through the lineage, else directly), if evidence pairs them.
    pub canonical_facts: Vec<Vec<Option<FactId>>>,
    /// Keyed by aligned fact key: every canonical fact with the statements paired with it, and
    /// the facts no canonical fact pairs with under their own aligned key.
    pub histories: BTreeMap<FactKey, FactHistory>,
    /// Each version's sections' own words, computed when an absence verdict first asks.
    section_words: Vec<std::sync::OnceLock<Vec<Vec<words::Word>>>>,
}

/// One fact through time and across languages.
#[derive(Clone, Debug, Serialize)]
pub struct FactHistory {
    /// The canonical fact's aligned key (or the fact's own, for a fact no canonical fact pairs
    /// with).
    pub key: FactKey,
    /// The manifest's name for the key, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// In version order (oldest first).
    pub entries: Vec<HistoryEntry>,
    /// The entry of the canonical version, if it states the fact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical: Option<HistoryEntry>,
}

/// One statement of a fact: a version and one of its facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct HistoryEntry {
    /// The version that states it.
    pub version: VersionId,
    /// The fact among that version's facts.
    pub fact: FactId,
}

impl<'c> AlignedArticle<'c> {
    /// A version and one of its facts.
    pub fn fact(&self, entry: HistoryEntry) -> (&'c Version, &'c Fact) {
        let version = &self.article.versions[entry.version];
        (version, &version.document.facts[entry.fact])
    }

    /// The key of a fact of version `v`, with its section named as in the canonical version.
    pub fn aligned_key(&self, v: VersionId, fact: &Fact) -> FactKey {
        let section = self.section_ids[v.index()]
            .get(fact.context.section.index())
            .cloned()
            .unwrap_or_else(|| fact.key.section.clone());
        FactKey {
            section,
            ..fact.key.clone()
        }
    }

    /// The canonical fact that fact `f` of version `v` states, if any.
    pub fn canonical_of(&self, v: VersionId, f: FactId) -> Option<&'c Fact> {
        let c = self
            .canonical_facts
            .get(v.index())?
            .get(f.index())
            .copied()
            .flatten()?;
        self.article.versions[self.canonical]
            .document
            .facts
            .get(c.index())
    }

    /// The statements a fact descends from, up its lineage: the paired fact of each ancestor
    /// version, nearest first (ending with the canonical version's when the chain reaches it).
    pub fn chain(&self, v: VersionId, f: FactId) -> Vec<(VersionId, FactId)> {
        let mut out = Vec::new();
        let (mut v, mut f) = (v, f);
        while let Some(parent) = self.parents.get(v.index()).copied().flatten() {
            let Some(pf) = self.parent_facts[v.index()]
                .get(f.index())
                .copied()
                .flatten()
            else {
                break;
            };
            out.push((parent.version, pf));
            (v, f) = (parent.version, pf);
            if out.len() > self.article.versions.len() {
                break;
            }
        }
        out
    }

    /// The fact of `v`'s parent version that fact `f` of `v` pairs with, with that version.
    pub fn parent_of(&self, v: VersionId, f: FactId) -> Option<(Parent, &'c Version, &'c Fact)> {
        let parent = self.parents.get(v.index()).copied().flatten()?;
        let p = self
            .parent_facts
            .get(v.index())?
            .get(f.index())
            .copied()
            .flatten()?;
        let version = &self.article.versions[parent.version];
        Some((parent, version, version.document.facts.get(p.index())?))
    }
}

/// The canonical version of an article: the newest in the source locale, or the newest of any
/// locale when the source locale has none.
pub fn canonical_version(article: &Article, source: Option<&Locale>) -> VersionId {
    let newest_in_source =
        source.and_then(|s| article.versions.iter().rposition(|v| v.locale == *s));
    VersionId::new(newest_in_source.unwrap_or(article.versions.len().saturating_sub(1)))
}

/// Aligns every article of the corpus (articles in parallel).
pub fn compile(corpus: &Corpus) -> Compiled<'_> {
    let mut diagnostics = Vec::new();
    let source = match corpus.manifest.corpus.source_locale {
        Some(_) => corpus.manifest.source_locale(),
        None => {
            let inferred = corpus
                .layout
                .source_locale
                .clone()
                .or_else(|| lineage::infer_source_locale(corpus));
            if inferred.is_none() && !corpus.articles.is_empty() {
                diagnostics.push(
                    Diagnostic::new(
                        Level::Info,
                        "source-locale",
                        docrules_model::manifest::FILE_NAME,
                        "no source locale: every locale's files look translated and none is en-US, so the newest version of each article is canonical",
                    )
                    .with_help("name it in docrules.toml: [corpus] source_locale = \"en-US\""),
                );
            }
            inferred
        }
    };
    let names = corpus.manifest.fact_names();
    let articles = corpus
        .articles
        .par_iter()
        .filter(|a| !a.versions.is_empty())
        .map(|article| align_article(article, source.as_ref(), &names))
        .collect::<Vec<_>>();
    // A name `docrules.toml` gives a key that no canonical fact has would silently vanish from
    // the generated crate: it is an error, pointing at the manifest's line.
    for (name, key) in &names {
        let found = articles.iter().any(|a: &AlignedArticle<'_>| {
            a.histories
                .values()
                .any(|h| h.canonical.is_some() && h.key.to_string() == *key)
        });
        if !found {
            let text = &corpus.manifest.text;
            let mut diagnostic = Diagnostic::error(
                "unknown-fact-name",
                docrules_model::manifest::FILE_NAME,
                format!("fact `{name}` names key `{key}`, which no canonical fact has"),
            )
            .with_help("run `docrules facts` for the keys, and correct or remove the name");
            if let Some(at) = text
                .find(&format!("{name} "))
                .or_else(|| text.find(name.as_str()))
            {
                let lines = docrules_model::span::LineIndex::new(text);
                diagnostic = diagnostic.at(lines.span(text, at..at + name.len()));
            }
            diagnostics.push(diagnostic);
        }
    }
    Compiled {
        corpus,
        articles,
        diagnostics,
    }
}

/// Whether two versions are written in one language (`en-US` and `en-GB` are).
fn same_language(a: &Version, b: &Version) -> bool {
    a.locale.language() == b.locale.language()
}

/// Whether an alignment leaves a section (other than a preamble) unmatched on both sides.
fn leaves_over(alignment: &SectionAlignment, old: &Version, new: &Version) -> bool {
    let open = |doc: &docrules_model::document::Document, old: bool| {
        SectionId::all(doc.sections.len()).any(|s| {
            doc.sections[s].level > 0
                && if old {
                    alignment.of_old(s).is_none()
                } else {
                    alignment.of_new(s).is_none()
                }
        })
    };
    open(&old.document, true) && open(&new.document, false)
}

/// Aligns one article: every version with the canonical one, through its lineage.
pub fn align_article<'c>(
    article: &'c Article,
    source: Option<&Locale>,
    names: &[(String, String)],
) -> AlignedArticle<'c> {
    let versions = &article.versions;
    let canonical = canonical_version(article, source);
    let reference = &versions[canonical];
    let parents = lineage::parents(article, canonical, source);
    let count = versions.len();
    let features: Vec<sections::Features<'_>> = versions
        .iter()
        .map(|v| sections::Features::new(&v.document))
        .collect();
    let mut alignments: Vec<Option<SectionAlignment>> = vec![None; count];
    let mut parent_facts: Vec<Vec<Option<FactId>>> = vec![Vec::new(); count];
    let mut steps: Vec<Option<SectionAlignment>> = vec![None; count];
    let mut canonical_facts: Vec<Option<Vec<Option<FactId>>>> = vec![None; count];
    alignments[canonical.index()] = Some(identity(&reference.document));
    canonical_facts[canonical.index()] = Some(
        FactId::all(reference.document.facts.len())
            .map(Some)
            .collect(),
    );
    // Parents first: the canonical locale's versions newest first, then the others.
    let home = &reference.locale;
    let mut order: Vec<usize> = (0..count)
        .filter(|&v| versions[v].locale == *home)
        .rev()
        .collect();
    order.extend((0..count).filter(|&v| versions[v].locale != *home));
    for v in order {
        if v == canonical.index() {
            continue;
        }
        let version = &versions[v];
        let direct_language = same_language(version, reference);
        let mut composed = None;
        let mut chained: Vec<Option<FactId>> = vec![None; version.document.facts.len()];
        if let Some(parent) = parents[v] {
            let p = parent.version.index();
            if let (Some(parent_to_canonical), Some(parent_canonical)) =
                (alignments[p].as_ref(), canonical_facts[p].as_ref())
            {
                let up = &versions[p];
                let language = same_language(version, up);
                let step = sections::align_features(&features[v], &features[p], language);
                let relation = pairing::Relation {
                    same_language: language,
                    same_rows: parent.exact,
                };
                let step_facts = pairing::pair(&version.document, &up.document, &step, relation);
                for (f, link) in step_facts.iter().enumerate() {
                    chained[f] =
                        link.and_then(|pf| parent_canonical.get(pf.index()).copied().flatten());
                }
                parent_facts[v] = step_facts;
                composed = Some(step.then(parent_to_canonical, reference.document.sections.len()));
                steps[v] = Some(step);
            }
        }
        let mut alignment = match composed {
            Some(mut composed) => {
                if leaves_over(&composed, version, reference) {
                    let direct = sections::align_features(
                        &features[v],
                        &features[canonical.index()],
                        direct_language,
                    );
                    composed.fill_from(&direct);
                }
                composed
            }
            None => sections::align_features(
                &features[v],
                &features[canonical.index()],
                direct_language,
            ),
        };
        // What the lineage did not pair, paired directly, with canonical facts no other fact
        // of this version claims.
        // Rows pair by order only when nothing better relates the two: no lineage (sibling
        // translations of a source the corpus lacks), or a translation of the canonical
        // version itself.
        let relation = pairing::Relation {
            same_language: direct_language,
            same_rows: parents[v].is_none_or(|p| p.exact && p.version == canonical),
        };
        let direct = pairing::pair(&version.document, &reference.document, &alignment, relation);
        let mut claimed = vec![false; reference.document.facts.len()];
        for c in chained.iter().flatten() {
            claimed[c.index()] = true;
        }
        for (f, link) in direct.iter().enumerate() {
            if chained[f].is_none() {
                if let Some(c) = link.filter(|c| !claimed[c.index()]) {
                    chained[f] = Some(c);
                    claimed[c.index()] = true;
                }
            }
        }
        alignment.matches.shrink_to_fit();
        alignments[v] = Some(alignment);
        canonical_facts[v] = Some(chained);
    }
    let alignments: Vec<SectionAlignment> = alignments
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect();
    let canonical_facts: Vec<Vec<Option<FactId>>> = canonical_facts
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect();
    let section_ids: Vec<Vec<String>> = versions
        .iter()
        .enumerate()
        .map(|(v, version)| {
            version
                .document
                .sections
                .iter()
                .enumerate()
                .map(|(s, section)| {
                    alignments[v]
                        .of_old(SectionId::new(s))
                        .and_then(|m| m.new.first())
                        .map_or_else(
                            || section.anchor.clone(),
                            |&n| reference.document.sections[n].anchor.clone(),
                        )
                })
                .collect()
        })
        .collect();
    let mut aligned = AlignedArticle {
        article,
        canonical,
        section_ids,
        alignments,
        parents,
        steps,
        parent_facts,
        canonical_facts,
        histories: BTreeMap::new(),
        section_words: (0..count).map(|_| std::sync::OnceLock::new()).collect(),
    };
    aligned.histories = histories(&aligned, names);
    aligned
}

/// Every section of a document matched with itself.
fn identity(doc: &docrules_model::document::Document) -> SectionAlignment {
    let matches = SectionId::all(doc.sections.len())
        .map(|s| SectionMatch {
            old: vec![s],
            new: vec![s],
            evidence: Evidence::Anchor,
            confidence: 1.0,
            moved: Vec::new(),
        })
        .collect();
    SectionAlignment::from_matches(matches, doc.sections.len(), doc.sections.len())
}

/// The history of every canonical fact (the statements paired with it, in version order), and
/// of every other fact under its aligned key when that key is no canonical fact's.
fn histories(
    aligned: &AlignedArticle<'_>,
    names: &[(String, String)],
) -> BTreeMap<FactKey, FactHistory> {
    let versions = &aligned.article.versions;
    let reference = &versions[aligned.canonical].document;
    let name_of = |key: &FactKey| {
        names
            .iter()
            .find(|(_, k)| *k == key.to_string())
            .map(|(n, _)| n.clone())
    };
    let mut histories: BTreeMap<FactKey, FactHistory> = BTreeMap::new();
    let canonical_keys: Vec<FactKey> = reference
        .facts
        .iter()
        .map(|f| aligned.aligned_key(aligned.canonical, f))
        .collect();
    // Looked up once per fact no canonical fact pairs with: a set, not a scan.
    let canonical_set: std::collections::BTreeSet<&FactKey> = canonical_keys.iter().collect();
    for (v, version) in versions.iter().enumerate() {
        let v = VersionId::new(v);
        for (f, fact) in version.document.facts.iter().enumerate() {
            let entry = HistoryEntry {
                version: v,
                fact: FactId::new(f),
            };
            let linked = aligned.canonical_facts[v.index()].get(f).copied().flatten();
            let key = match linked {
                Some(c) => canonical_keys[c.index()].clone(),
                None => {
                    let key = aligned.aligned_key(v, fact);
                    if canonical_set.contains(&key) {
                        continue;
                    }
                    key
                }
            };
            let history = histories.entry(key.clone()).or_insert_with(|| FactHistory {
                name: name_of(&key),
                key,
                entries: Vec::new(),
                canonical: None,
            });
            history.entries.push(entry);
            if v == aligned.canonical {
                history.canonical = Some(entry);
            }
        }
    }
    histories
}
