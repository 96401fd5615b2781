//! Lines up the versions and translations of each article: sections by evidence
//! ([`sections::align`]), then facts through their section and key, giving every aligned fact its
//! history across versions and locales and its canonical value.

pub mod diff;
pub mod sections;

use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

use docrules_model::corpus::{Article, Corpus, Version};
use docrules_model::fact::{Fact, FactKey};
use docrules_model::index::{FactId, SectionId, VersionId};
use docrules_model::locale::Locale;
pub use sections::{Evidence, SectionAlignment, SectionMatch};

/// Every article of a corpus, aligned.
#[derive(Debug)]
pub struct Compiled<'c> {
    pub corpus: &'c Corpus,
    pub articles: Vec<AlignedArticle<'c>>,
}

/// One article: for each version, what each of its sections is called in the canonical version,
/// and the history of every fact.
#[derive(Debug)]
pub struct AlignedArticle<'c> {
    pub article: &'c Article,
    /// The version whose values are canonical.
    pub canonical: VersionId,
    /// `section_ids[v][s]`: the aligned identity of section `s` of version `v` (the canonical
    /// version's anchor when the section aligns with one of its sections, else its own anchor).
    pub section_ids: Vec<Vec<String>>,
    /// How each version's sections were matched with the canonical version's.
    pub alignments: Vec<SectionAlignment>,
    /// Keyed by aligned fact key.
    pub histories: BTreeMap<FactKey, FactHistory>,
}

/// One fact through time and across languages.
#[derive(Clone, Debug, Serialize)]
pub struct FactHistory {
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct HistoryEntry {
    /// The version that states it.
    pub version: VersionId,
    /// The fact among that version's facts.
    pub fact: FactId,
}

impl<'c> AlignedArticle<'c> {
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
    let source = corpus.manifest.source_locale();
    let names = corpus.manifest.fact_names();
    let articles = corpus
        .articles
        .par_iter()
        .filter(|a| !a.versions.is_empty())
        .map(|article| align_article(article, source.as_ref(), &names))
        .collect();
    Compiled { corpus, articles }
}

pub fn align_article<'c>(
    article: &'c Article,
    source: Option<&Locale>,
    names: &[(String, String)],
) -> AlignedArticle<'c> {
    let canonical = canonical_version(article, source);
    let reference = &article.versions[canonical].document;
    let alignments: Vec<SectionAlignment> = article
        .versions
        .iter()
        .enumerate()
        .map(|(v, version)| {
            if v == canonical.index() {
                SectionAlignment::default()
            } else {
                sections::align(&version.document, reference)
            }
        })
        .collect();
    let section_ids: Vec<Vec<String>> = article
        .versions
        .iter()
        .enumerate()
        .map(|(v, version)| {
            version
                .document
                .sections
                .iter()
                .enumerate()
                .map(|(s, section)| {
                    if v == canonical.index() {
                        return section.anchor.clone();
                    }
                    alignments[v]
                        .of_old(SectionId::new(s))
                        .and_then(|m| m.new.first())
                        .map_or_else(
                            || section.anchor.clone(),
                            |&n| reference.sections[n].anchor.clone(),
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
        histories: BTreeMap::new(),
    };
    let mut histories: BTreeMap<FactKey, FactHistory> = BTreeMap::new();
    for (v, version) in article.versions.iter().enumerate() {
        let v = VersionId::new(v);
        for (f, fact) in version.document.facts.iter().enumerate() {
            let key = aligned.aligned_key(v, fact);
            let entry = HistoryEntry {
                version: v,
                fact: FactId::new(f),
            };
            let history = histories.entry(key.clone()).or_insert_with(|| FactHistory {
                name: names
                    .iter()
                    .find(|(_, k)| *k == key.to_string())
                    .map(|(n, _)| n.clone()),
                key,
                entries: Vec::new(),
                canonical: None,
            });
            history.entries.push(entry);
            if v == canonical {
                history.canonical = Some(entry);
            }
        }
    }
    aligned.histories = histories;
    aligned
}
