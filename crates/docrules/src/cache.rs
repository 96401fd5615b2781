//! The compiled rules of a corpus, cached between `docrules lint` runs: a JSON file named by a
//! fingerprint of every corpus file, so any change to the corpus invalidates it.

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

use docrules_align as align;
use docrules_rules::lint::reference::{self, Reference};

/// SHA-256 of the manifest and of every file of the corpus (path and bytes), as its layout
/// finds them (sources beside the root included).
pub fn fingerprint(root: &Path) -> std::io::Result<String> {
    let mut hasher = Sha256::new();
    let manifest_text =
        std::fs::read(root.join(docrules_model::manifest::FILE_NAME)).unwrap_or_default();
    hasher.update(&manifest_text);
    let manifest = docrules_parse::corpus::load_manifest(root).unwrap_or_default();
    let mut files = docrules_parse::source::walk(root, &manifest).files;
    files.sort_by(|a, b| a.rel.cmp(&b.rel));
    for file in files {
        hasher.update(file.rel.as_bytes());
        hasher.update([0]);
        hasher.update(std::fs::read(&file.path)?);
        hasher.update([0]);
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
    // Named by the docrules version and the reference's format too: a cache written by another
    // version is never read as this one's.
    let file = cache.join(format!(
        "rules-{}-f{}-{fingerprint}.json",
        env!("CARGO_PKG_VERSION"),
        reference::FORMAT
    ));
    if let Some(reference) = std::fs::read(&file)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Reference>(&bytes).ok())
    {
        if reference.fingerprint == fingerprint {
            return Ok((reference, true));
        }
    }
    let corpus = docrules_parse::corpus::load(root).map_err(|e| e.to_string())?;
    let compiled = align::compile(&corpus);
    let reference = reference::build(&compiled, fingerprint);
    // A cache that cannot be written only costs time.
    if let Ok(json) = serde_json::to_vec(&reference) {
        let _ = crate::atomic::write(&file, &json);
    }
    Ok((reference, false))
}
