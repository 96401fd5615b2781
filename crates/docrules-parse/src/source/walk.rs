//! Walking one tree for markdown files, with the `ignore` crate: `.gitignore` (inside a git
//! repository), `.ignore` and hidden files are respected, as ripgrep does, and folders no
//! include glob can reach are not entered. A markdown name that is a FIFO, socket or device is
//! reported, never opened; a symbolic link is followed only when it leads inside the corpus.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::pattern::Pattern;
use crate::file::{self, Refusal};

/// The extensions read as markdown (`.mdx` is Docusaurus's markdown with JSX).
const MARKDOWN: [&str; 3] = ["md", "markdown", "mdx"];

/// A markdown file found by [`markdown_files`].
#[derive(Debug)]
pub(crate) struct Found {
    /// Relative to the walked folder, `/`-separated.
    pub rel: String,
    /// On disk.
    pub path: PathBuf,
}

/// An error met while walking: the path it concerns (when known), its diagnostic code and what
/// happened.
#[derive(Debug)]
pub(crate) struct WalkError {
    pub path: Option<PathBuf>,
    pub code: &'static str,
    pub message: String,
}

impl WalkError {
    fn refused(path: &Path, refusal: &Refusal) -> WalkError {
        WalkError {
            path: Some(path.to_path_buf()),
            code: refusal.code(),
            message: refusal.to_string(),
        }
    }
}

/// Every markdown file under `dir`, sorted by path. Folders that none of `include` may reach
/// are skipped (an empty `include` enters every folder). Git's global excludes are not read:
/// the same tree gives the same corpus on every machine. A symbolic link to a file is followed
/// when it leads inside `within` (the corpus root, or the walked folder when that lies outside
/// it); links to folders are not entered, as before.
pub(crate) fn markdown_files(
    dir: &Path,
    within: &Path,
    include: Arc<[Pattern]>,
) -> (Vec<Found>, Vec<WalkError>) {
    let base = dir.to_path_buf();
    let walker = ignore::WalkBuilder::new(dir)
        .git_global(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(move |entry| {
            if entry.depth() == 0 || !entry.file_type().is_some_and(|t| t.is_dir()) {
                return true;
            }
            let rel = slash_path(&base, entry.path());
            include.is_empty() || include.iter().any(|p| p.may_enter(&rel))
        })
        .build();
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let Some(file_type) = entry.file_type() else {
                    continue; // standard input: never walked
                };
                if file_type.is_dir() || !is_markdown(entry.path()) {
                    continue;
                }
                let path = entry.path();
                if file_type.is_symlink() {
                    match file::check_link(path, &[within]) {
                        // A link to a folder named `x.md` is not entered, like other links to
                        // folders.
                        Ok(()) if path.is_dir() => continue,
                        Ok(()) => {}
                        Err(refusal) => {
                            errors.push(WalkError::refused(path, &refusal));
                            continue;
                        }
                    }
                }
                // FIFOs, sockets and devices (also behind a link) are said, never opened.
                match std::fs::metadata(path) {
                    Ok(meta) if meta.is_file() => files.push(Found {
                        rel: slash_path(dir, path),
                        path: entry.into_path(),
                    }),
                    Ok(meta) if meta.is_dir() => {}
                    Ok(meta) => {
                        if let Err(refusal) = file::check_regular(path, &meta) {
                            errors.push(WalkError::refused(path, &refusal));
                        }
                    }
                    Err(err) => errors.push(WalkError::refused(path, &Refusal::Io(err))),
                }
            }
            Err(err) => errors.push(WalkError {
                path: error_path(&err).map(Path::to_path_buf),
                code: "unreadable-file",
                message: format!("cannot read: {err}"),
            }),
        }
    }
    (files, errors)
}

/// Whether `path` has a markdown extension.
pub(crate) fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| MARKDOWN.iter().any(|m| e.eq_ignore_ascii_case(m)))
}

/// `path` relative to `root`, `/`-separated.
pub(crate) fn slash_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The path an `ignore` error is about, when it names one.
fn error_path(err: &ignore::Error) -> Option<&Path> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child),
        _ => None,
    }
}
