//! Writing the generated crate (atomically: a temporary file, then a rename) and telling
//! whether the files on disk are stale.

use std::path::{Path, PathBuf};

use docrules_codegen::GeneratedFile;

/// Writes the files under `out`, each through a temporary file renamed into place, and only
/// when its content changed. Returns the files written.
pub fn write_files(out: &Path, files: &[GeneratedFile]) -> std::io::Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for file in files {
        let path = out.join(&file.path);
        if std::fs::read_to_string(&path).is_ok_and(|old| old == file.contents) {
            continue;
        }
        crate::atomic::write(&path, file.contents.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

/// A unified diff for every file under `out` that differs from what would be generated
/// (missing files diff against nothing). Empty when the crate is fresh.
pub fn stale(out: &Path, files: &[GeneratedFile]) -> Vec<String> {
    files
        .iter()
        .filter_map(|file| {
            let old = std::fs::read_to_string(out.join(&file.path)).unwrap_or_default();
            (old != file.contents).then(|| {
                similar::TextDiff::from_lines(&old, &file.contents)
                    .unified_diff()
                    .context_radius(3)
                    .header(&format!("a/{}", file.path), &format!("b/{}", file.path))
                    .to_string()
            })
        })
        .collect()
}
