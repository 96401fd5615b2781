//! Writing the generated crate (atomically: a temporary file, then a rename) and telling
//! whether the files on disk are stale.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::GeneratedFile;

/// Writes the files under `out`, each through a temporary file renamed into place, and only
/// when its content changed. Returns the files written.
pub fn write_files(out: &Path, files: &[GeneratedFile]) -> std::io::Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for file in files {
        let path = out.join(&file.path);
        if std::fs::read_to_string(&path).is_ok_and(|old| old == file.contents) {
            continue;
        }
        let dir = path.parent().unwrap_or(out);
        std::fs::create_dir_all(dir)?;
        let mut temp = tempfile_in(dir, &path)?;
        temp.1.write_all(file.contents.as_bytes())?;
        temp.1.sync_all()?;
        drop(temp.1);
        std::fs::rename(&temp.0, &path)?;
        written.push(path);
    }
    Ok(written)
}

/// A new temporary file beside `path` (same directory, so the rename is atomic).
fn tempfile_in(dir: &Path, path: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    for attempt in 0..100u32 {
        let temp = dir.join(format!(".{name}.{}.{attempt}.tmp", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(file) => return Ok((temp, file)),
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(err) => return Err(err),
        }
    }
    Err(std::io::Error::other("cannot create a temporary file"))
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
