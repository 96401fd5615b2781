//! What a lint needs from the compiled corpus, cached: for each article, its canonical version's
//! text (re-parsed in milliseconds, instead of recompiling every file of the corpus) and the
//! anchors and error IDs of its newest versions. The cache file is named by a fingerprint of
//! every corpus file, so any change to the corpus invalidates it.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::align;
use crate::check::newest_per_locale;
use crate::corpus;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Reference {
    pub fingerprint: String,
    pub articles: Vec<ReferenceArticle>,
    /// (name, key) of the manifest's named facts.
    pub names: Vec<(String, String)>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ReferenceArticle {
    pub name: String,
    pub canonical_path: String,
    pub canonical_locale: String,
    pub canonical_date: String,
    pub canonical_text: String,
    /// Anchors of the newest version of each locale, by locale.
    pub anchors: BTreeMap<String, Vec<String>>,
    /// Error IDs of the canonical version's rows and text.
    pub error_ids: Vec<String>,
    /// The article title (its level-1 heading) in the newest version of each locale.
    #[serde(default)]
    pub titles: Vec<String>,
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

/// SHA-256 of the manifest and of every markdown file (path and bytes) under `root`.
pub fn fingerprint(root: &Path) -> std::io::Result<String> {
    let mut hasher = Sha256::new();
    hasher.update(std::fs::read(root.join(crate::manifest::FILE_NAME)).unwrap_or_default());
    for entry in walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = entry.path();
        if entry.file_type().is_file()
            && path
                .extension()
                .is_some_and(|e| e == "md" || e == "markdown")
        {
            hasher.update(corpus::relative(root, path).as_bytes());
            hasher.update([0]);
            hasher.update(std::fs::read(path)?);
            hasher.update([0]);
        }
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// Where caches live: `$DOCRULES_CACHE_DIR`, else the user's cache directory, else the system's
/// temporary directory.
pub fn cache_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("DOCRULES_CACHE_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("docrules")
}

/// Loads the reference of the corpus at `root` from the cache, or compiles the corpus and
/// caches it. Returns whether it came from the cache.
pub fn load(root: &Path) -> Result<(Reference, bool), String> {
    load_with_cache(root, &cache_dir())
}

/// [`load`] with the cache in `cache`.
pub fn load_with_cache(root: &Path, cache: &Path) -> Result<(Reference, bool), String> {
    if !root.is_dir() {
        return Err(format!("`{}` is not a corpus folder", root.display()));
    }
    let fingerprint =
        fingerprint(root).map_err(|e| format!("cannot read corpus `{}`: {e}", root.display()))?;
    let file = cache.join(format!("rules-{fingerprint}.json"));
    if let Some(reference) = std::fs::read(&file)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Reference>(&bytes).ok())
    {
        if reference.fingerprint == fingerprint {
            return Ok((reference, true));
        }
    }
    let corpus = corpus::load(root).map_err(|e| e.to_string())?;
    let compiled = align::compile(&corpus);
    let reference = build(&compiled, fingerprint);
    // A cache that cannot be written only costs time.
    if let Ok(json) = serde_json::to_vec(&reference) {
        let _ = crate::atomic::write(&file, &json);
    }
    Ok((reference, false))
}

fn build(compiled: &align::Compiled<'_>, fingerprint: String) -> Reference {
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
                        crate::fact::Value::ErrorId { id } => Some(id.to_ascii_lowercase()),
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
            }
        })
        .collect();
    Reference {
        fingerprint,
        articles,
        names: compiled.corpus.manifest.fact_names(),
    }
}
