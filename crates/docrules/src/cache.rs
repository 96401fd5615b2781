//! The compiled rules of a corpus, cached between `docrules lint` runs: a JSON file named by a
//! fingerprint of every corpus file, so any change to the corpus invalidates it.
//!
//! A cache decides what `lint --fix` writes, so it is read only from a folder no one else can
//! write to: on unix, owned by the user running docrules and not writable by group or others
//! (created `0700` when missing; the fallback under the shared temporary folder is per user).
//! A cache file is read like a corpus file: never a FIFO or device, never past a size bound.

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

use docrules_align as align;
use docrules_rules::lint::reference::{self, Reference};

/// SHA-256 of the manifest and of every file of the corpus (path and bytes), as its layout
/// finds them (sources beside the root included).
pub fn fingerprint(root: &Path) -> std::io::Result<String> {
    let (files, history) = corpus_files(root);
    fingerprint_of(root, &files, &history)
}

/// The corpus files, in path order, and with `[versions] from = "git"` the HEAD commit of
/// each repository they are in (a commit changes the versions read while the files stay the
/// same); `""` otherwise.
fn corpus_files(root: &Path) -> (Vec<docrules_parse::source::SourceFile>, String) {
    let manifest = docrules_parse::corpus::load_manifest(root).unwrap_or_default();
    let walked = docrules_parse::source::walk(root, &manifest);
    let history = if walked.versions == docrules_model::manifest::VersionsFrom::Git {
        docrules_parse::history::heads(&walked).join(" ")
    } else {
        String::new()
    };
    let mut files = walked.files;
    files.sort_by(|a, b| a.rel.cmp(&b.rel));
    (files, history)
}

fn fingerprint_of(
    root: &Path,
    files: &[docrules_parse::source::SourceFile],
    history: &str,
) -> std::io::Result<String> {
    let mut hasher = Sha256::new();
    hasher.update(history.as_bytes());
    hasher.update([0]);
    let manifest_text =
        std::fs::read(root.join(docrules_model::manifest::FILE_NAME)).unwrap_or_default();
    hasher.update(&manifest_text);
    for file in files {
        hasher.update(file.rel.as_bytes());
        hasher.update([0]);
        hasher
            .update(docrules_parse::file::read_regular(&file.path).map_err(std::io::Error::other)?);
        hasher.update([0]);
    }
    Ok(hex(&hasher.finalize()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Files modified this recently are not trusted to show a later change in their metadata
/// (a write within the same timestamp tick keeps it): their corpus is hashed by content.
const RACY: std::time::Duration = std::time::Duration::from_secs(2);

/// A hash of what the file system says of the manifest and every corpus file (path, size,
/// modification time, inode), which stands for the content fingerprint when it was recorded
/// before; `None` when a file cannot be stat'ed or was modified too recently to tell.
fn metadata_fingerprint(
    root: &Path,
    files: &[docrules_parse::source::SourceFile],
    history: &str,
) -> Option<String> {
    let now = std::time::SystemTime::now();
    let mut hasher = Sha256::new();
    hasher.update(history.as_bytes());
    hasher.update([0]);
    let manifest = root.join(docrules_model::manifest::FILE_NAME);
    let paths = std::iter::once((manifest.as_path(), ""))
        .chain(files.iter().map(|f| (f.path.as_path(), f.rel.as_str())));
    for (path, rel) in paths {
        hasher.update(rel.as_bytes());
        hasher.update([0]);
        let Ok(meta) = std::fs::metadata(path) else {
            hasher.update(b"-");
            continue;
        };
        let modified = meta.modified().ok()?;
        if now.duration_since(modified).map_or(true, |age| age < RACY) {
            return None;
        }
        let since = modified.duration_since(std::time::UNIX_EPOCH).ok()?;
        hasher.update(meta.len().to_le_bytes());
        hasher.update(since.as_nanos().to_le_bytes());
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            hasher.update(meta.ino().to_le_bytes());
            hasher.update(meta.dev().to_le_bytes());
        }
    }
    Some(hex(&hasher.finalize()))
}

/// Where caches live: `$DOCRULES_CACHE_DIR`, else the platform's user cache directory (the
/// `dirs` crate: `$XDG_CACHE_HOME` or `~/.cache` on Linux, `~/Library/Caches` on macOS,
/// `%LOCALAPPDATA%` on Windows), else a folder of the user's own in the system's temporary
/// directory (`docrules-UID` on unix).
pub fn cache_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("DOCRULES_CACHE_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    match dirs::cache_dir() {
        Some(dir) => dir.join("docrules"),
        None => std::env::temp_dir().join(per_user_name()),
    }
}

#[cfg(unix)]
fn per_user_name() -> String {
    format!("docrules-{}", rustix::process::geteuid().as_raw())
}

#[cfg(not(unix))]
fn per_user_name() -> String {
    "docrules".to_owned()
}

/// The largest cache file read; a larger one is compiled again (a reference is some tens of
/// kilobytes per article).
const MAX_CACHE_BYTES: u64 = 1 << 30;

/// Why a cache folder or file is not trusted, if it is not: on unix, another user owns it or
/// group or others may write to it.
#[cfg(unix)]
fn distrust(meta: &std::fs::Metadata) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let me = rustix::process::geteuid().as_raw();
    if meta.uid() != me {
        return Some(format!("it belongs to user {}, not to {me}", meta.uid()));
    }
    if meta.mode() & 0o022 != 0 {
        return Some(format!(
            "group or others may write to it (mode {:o})",
            meta.mode() & 0o777
        ));
    }
    None
}

#[cfg(not(unix))]
fn distrust(_: &std::fs::Metadata) -> Option<String> {
    None
}

/// Makes sure `cache` is a folder of the user's own, creating it (`0700`) when missing.
fn own_folder(cache: &Path) -> Result<(), String> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    if !cache.exists() {
        builder
            .create(cache)
            .map_err(|e| format!("cannot create the cache folder `{}`: {e}", cache.display()))?;
    }
    let meta = std::fs::metadata(cache)
        .map_err(|e| format!("cannot use the cache folder `{}`: {e}", cache.display()))?;
    if !meta.is_dir() {
        return Err(format!("the cache `{}` is not a folder", cache.display()));
    }
    match distrust(&meta) {
        Some(why) => Err(format!(
            "the cache folder `{}` is not used: {why}",
            cache.display()
        )),
        None => Ok(()),
    }
}

/// Marks a cache file used: `prune` keeps it for another 30 days.
fn touch(file: &Path) {
    let _ = std::fs::File::options()
        .append(true)
        .open(file)
        .and_then(|f| f.set_modified(std::time::SystemTime::now()));
}

/// The bytes of `file`, if it is a regular file of the user's own.
fn read_trusted(file: &Path) -> Option<Vec<u8>> {
    let meta = std::fs::symlink_metadata(file).ok()?;
    if !meta.is_file() || distrust(&meta).is_some() {
        return None;
    }
    docrules_parse::file::read_regular_up_to(file, MAX_CACHE_BYTES).ok()
}

/// The cached reference in `file`, if it is one of the user's own that parses.
fn read_cached(file: &Path) -> Option<Reference> {
    serde_json::from_slice::<Reference>(&read_trusted(file)?).ok()
}

/// How long a cached reference of this docrules version is kept unused.
const KEEP_UNUSED: std::time::Duration = std::time::Duration::from_secs(30 * 86_400);

/// The start of this version's cache file names; files of other versions are never read.
fn own_prefix() -> String {
    format!(
        "rules-{}-f{}-",
        env!("CARGO_PKG_VERSION"),
        reference::FORMAT
    )
}

/// Removes from `cache` the references no run of this docrules will read: those of other
/// docrules versions or reference formats, and those of this one unused for 30 days (each run
/// that reads a reference touches it). Other files are left alone.
pub fn prune(cache: &Path) {
    let Ok(entries) = std::fs::read_dir(cache) else {
        return;
    };
    let own = own_prefix();
    let now = std::time::SystemTime::now();
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with("rules-") && name.ends_with(".json")) {
            continue;
        }
        let unused_for = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| now.duration_since(t).ok());
        if !name.starts_with(&own) || unused_for.is_some_and(|d| d > KEEP_UNUSED) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// A corpus's reference, and how it was had.
#[derive(Debug)]
pub struct Loaded {
    /// The compiled rules.
    pub reference: Reference,
    /// Read from the cache rather than compiled.
    pub cached: bool,
    /// Why the cache was not used, when it was not (said on standard error).
    pub note: Option<String>,
}

/// Loads the reference of the corpus at `root` from the cache, or compiles the corpus and
/// caches it.
pub fn load(root: &Path) -> Result<Loaded, String> {
    load_with_cache(root, &cache_dir())
}

/// [`load`] with the cache in `cache`.
pub fn load_with_cache(root: &Path, cache: &Path) -> Result<Loaded, String> {
    if !root.is_dir() {
        return Err(format!("`{}` is not a corpus folder", root.display()));
    }
    let (files, history) = corpus_files(root);
    let usable = own_folder(cache);
    // The content fingerprint reads every file; what the file system says of them stands for
    // it when it was recorded with it before.
    let index = metadata_fingerprint(root, &files, &history)
        .filter(|_| usable.is_ok())
        .map(|meta| cache.join(format!("{}m{meta}.json", own_prefix())));
    // An index file holds, as a JSON string, the content fingerprint its metadata stood for.
    let recorded = index
        .as_deref()
        .and_then(read_trusted)
        .and_then(|bytes| serde_json::from_slice::<String>(&bytes).ok())
        .filter(|f| f.len() == 64 && f.bytes().all(|b| b.is_ascii_hexdigit()));
    let fingerprint = match (&recorded, &index) {
        (Some(fingerprint), Some(index)) => {
            touch(index);
            fingerprint.clone()
        }
        _ => {
            let fingerprint = fingerprint_of(root, &files, &history)
                .map_err(|e| format!("cannot read corpus `{}`: {e}", root.display()))?;
            if let (Some(index), Ok(json)) = (&index, serde_json::to_vec(&fingerprint)) {
                let _ = std::fs::remove_file(index);
                let _ = crate::atomic::write(index, &json);
            }
            fingerprint
        }
    };
    // Named by the docrules version and the reference's format too: a cache written by another
    // version is never read as this one's.
    let file = cache.join(format!("{}{fingerprint}.json", own_prefix()));
    if usable.is_ok() {
        if let Some(reference) = read_cached(&file).filter(|r| r.fingerprint == fingerprint) {
            touch(&file);
            return Ok(Loaded {
                reference,
                cached: true,
                note: None,
            });
        }
    }
    let corpus = docrules_parse::corpus::load(root).map_err(|e| e.to_string())?;
    let compiled = align::compile(&corpus);
    let reference = reference::build(&compiled, fingerprint);
    // A cache that cannot be written only costs time.
    if usable.is_ok() {
        if let Ok(json) = serde_json::to_vec(&reference) {
            // Not over what is there: an atomic write keeps the old file's permissions, and
            // an untrusted file's are why it was not read.
            let _ = std::fs::remove_file(&file);
            let _ = crate::atomic::write(&file, &json);
        }
        prune(cache);
    }
    Ok(Loaded {
        reference,
        cached: false,
        note: usable.err(),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn prune_removes_other_versions_and_long_unused_references() {
        let dir = tempfile::tempdir().unwrap();
        let own = super::own_prefix();
        let write = |name: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, b"{}").unwrap();
            path
        };
        let other_version = write("rules-0.0.0-f1-abc.json");
        let fresh = write(&format!("{own}fresh.json"));
        let stale = write(&format!("{own}stale.json"));
        let unrelated = write("notes.txt");
        let long_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(31 * 86_400);
        std::fs::File::options()
            .append(true)
            .open(&stale)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
        super::prune(dir.path());
        assert!(!other_version.exists() && !stale.exists());
        assert!(fresh.exists() && unrelated.exists());
    }
}
