//! What a lint needs from the compiled corpus, small enough to cache: for each article, its
//! canonical version's text (re-parsed in milliseconds, instead of recompiling every file of the
//! corpus) and the anchors, error IDs and titles of its newest versions.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

use crate::checks::newest_per_locale;
use docrules_align as align;
use docrules_model::fact::Value;

/// The version of [`Reference`]'s serialized form, part of the cache's file name.
pub const FORMAT: u32 = 2;

/// What lints compare a file against, for every article of a compiled corpus; serializable so
/// that it can be cached between runs.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Reference {
    /// The corpus state it was built from, as the caller of [`build`] names it (the CLI uses a
    /// SHA-256 of the manifest and of every markdown file, to invalidate its cache).
    pub fingerprint: String,
    /// One per compiled article, in the compiled corpus's order (by name).
    pub articles: Vec<ReferenceArticle>,
    /// (name, key) of the manifest's named facts.
    pub names: Vec<(String, String)>,
}

/// What lints need of one article.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ReferenceArticle {
    /// The article's name (its folder).
    pub name: String,
    /// The canonical version's path, relative to the corpus root.
    pub canonical_path: String,
    /// The canonical version's locale tag (`ja-JP`).
    pub canonical_locale: String,
    /// The canonical version's date (`2021-06-04`); empty when it has none.
    pub canonical_date: String,
    /// The canonical version's whole file, re-parsed by a [`Linter`](crate::lint::Linter)
    /// when a file placed in this article is linted.
    pub canonical_text: String,
    /// Anchors of the newest version of each locale, by locale.
    pub anchors: BTreeMap<String, Vec<String>>,
    /// Error IDs of the canonical version's rows and text.
    pub error_ids: Vec<String>,
    /// The article title (its level-1 heading) in the newest version of each locale.
    #[serde(default)]
    pub titles: Vec<String>,
    /// The corpus-relative paths of the newest version of each locale: what readers see, and
    /// what `docrules lint` with no paths lints (older versions are history, not to be fixed).
    #[serde(default)]
    pub newest_paths: Vec<String>,
}

impl ReferenceArticle {
    /// Anchors of the locale's newest version, else the canonical version's.
    pub fn anchors_for(&self, locale: Option<&str>) -> &[String] {
        locale
            .and_then(|l| self.anchors.get(l))
            .or_else(|| self.anchors.get(&self.canonical_locale))
            .map_or(&[], Vec::as_slice)
    }
}

/// The reference of a compiled corpus; `fingerprint` names the corpus state it was built from.
pub fn build(compiled: &align::Compiled<'_>, fingerprint: String) -> Reference {
    let articles = compiled
        .articles
        .iter()
        .map(|article| {
            let canonical = &article.article.versions[article.canonical];
            let titles = newest_per_locale(article)
                .into_iter()
                .filter_map(|v| {
                    article.article.versions[v]
                        .document
                        .sections
                        .iter()
                        .find(|s| s.level == 1)
                })
                .map(|s| s.title.clone())
                .collect();
            let anchors = newest_per_locale(article)
                .into_iter()
                .map(|v| {
                    let version = &article.article.versions[v];
                    (
                        version.locale.to_string(),
                        version
                            .document
                            .anchors
                            .iter()
                            .map(|a| a.name.clone())
                            .collect(),
                    )
                })
                .collect();
            let mut ids: BTreeSet<String> = canonical
                .document
                .rules
                .iter()
                .flat_map(|r| r.error_ids.iter().map(|i| i.value.clone()))
                .collect();
            ids.extend(
                canonical
                    .document
                    .facts
                    .iter()
                    .filter_map(|f| match &f.value {
                        Value::ErrorId { id } => Some(id.to_ascii_lowercase()),
                        _ => None,
                    }),
            );
            ReferenceArticle {
                name: article.article.name.clone(),
                canonical_path: canonical.path.clone(),
                canonical_locale: canonical.locale.to_string(),
                canonical_date: canonical.date.map_or_else(String::new, |d| d.to_string()),
                canonical_text: canonical.document.source.text.clone(),
                anchors,
                error_ids: ids.into_iter().collect(),
                titles,
                newest_paths: newest_per_locale(article)
                    .into_iter()
                    .map(|v| article.article.versions[v].path.clone())
                    .collect(),
            }
        })
        .collect();
    Reference {
        fingerprint,
        articles,
        names: compiled.corpus.manifest.fact_names(),
    }
}
