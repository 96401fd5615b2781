//! Versions from git history (`[versions] from = "git"`), read through gix: no git binary, no
//! libgit2.
//!
//! Each repository holding a folder of the layout is walked once along first parents from HEAD
//! (a detached HEAD too), each commit's tree compared with its parent's below the folders read.
//! Every commit that changed a file gives a revision of it; a file renamed in a commit (same
//! blob, or mostly the same lines) keeps its older revisions under its newest name, and a file
//! deleted since is still read from the commits that had it. The working tree is the newest
//! version when it differs from HEAD.

mod changed;
mod repo;
mod tree_diff;

pub use changed::{ChangedError, ChangedSince};

use std::path::{Path, PathBuf};

use docrules_model::date::Date;
use docrules_model::diagnostic::Diagnostic;

use crate::source::{Folder, SourceFile, Walked};

/// How much history to read (`[versions] since`, `max_per_file`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Bounds {
    /// No commit older than this date.
    pub since: Option<Date>,
    /// At most this many versions of each file, the newest.
    pub max_per_file: Option<usize>,
}

/// One version of one file: its bytes at a commit, or on disk.
#[derive(Debug)]
pub struct Revision {
    /// Its article and locale (of the file's newest name); `rel` is the path it prints as:
    /// `<path at that commit>@<short commit>`, or the file's own path for the working tree's
    /// version.
    pub file: SourceFile,
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// The commit it was read from (full hex id); `None` for the file on disk when it differs
    /// from every commit read.
    pub commit: Option<String>,
    /// Its date when its front matter has no `ms.date`: the commit's (committer's calendar
    /// day), today's for uncommitted edits.
    pub date: Option<Date>,
    /// Its position in its file's history, oldest first, from 1.
    pub sequence: u32,
}

/// The revisions of a corpus's files and what kept some from being read.
#[derive(Debug, Default)]
pub struct History {
    /// Every revision, grouped by file, oldest first within one.
    pub revisions: Vec<Revision>,
    /// Not a repository, no commits, a shallow clone, objects that cannot be read.
    pub diagnostics: Vec<Diagnostic>,
}

/// A folder of the layout inside a repository.
#[derive(Debug)]
struct Member {
    folder: Folder,
    /// The folder relative to the repository's root, `/`-separated (`""` for the root).
    prefix: String,
}

/// Reads the history of the files `walked` found, and of those its trees held before.
pub fn read(walked: &Walked, bounds: Bounds) -> History {
    let mut history = History::default();
    let mut groups: Vec<(PathBuf, gix::Repository, Vec<Member>)> = Vec::new();
    let mut unread: Vec<Folder> = Vec::new();
    for folder in walked.folders() {
        let Ok(dir) = std::fs::canonicalize(&folder.dir) else {
            continue; // The walk said the folder is missing.
        };
        match repo::discover(&dir) {
            Ok((repo, workdir)) => {
                let prefix = slash(dir.strip_prefix(&workdir).unwrap_or(Path::new("")));
                let member = Member { folder, prefix };
                match groups.iter_mut().find(|(w, _, _)| *w == workdir) {
                    Some((_, _, members)) => members.push(member),
                    None => groups.push((workdir, repo, vec![member])),
                }
            }
            Err(message) => {
                history.diagnostics.push(
                    Diagnostic::error("not-a-git-repository", &shown_dir(&folder), message)
                        .with_help(
                            "`[versions] from = \"git\"` reads committed history: run docrules in a clone (not an export), or set `from = \"worktree\"`; the files on disk are read as the one version",
                        ),
                );
                unread.push(folder);
            }
        }
    }
    for (_, repo, members) in &groups {
        let files: Vec<&SourceFile> = walked
            .files
            .iter()
            .filter(|f| folder_of(members.iter().map(|m| &m.folder), f).is_some())
            .collect();
        repo::read(repo, members, walked, &files, bounds, &mut history);
    }
    // Files of folders outside any repository: as they are on disk.
    for file in &walked.files {
        if folder_of(unread.iter(), file).is_some() {
            if let Some(revision) = on_disk(file, None, 1, &mut history.diagnostics) {
                history.revisions.push(revision);
            }
        }
    }
    history
}

/// What the history of `walked`'s folders is at: the HEAD commit of each repository holding
/// one (`-` for a folder outside git or a repository without commits), in folder order. Two
/// runs that see the same files and the same heads read the same history (the lint cache's
/// key).
pub fn heads(walked: &Walked) -> Vec<String> {
    walked
        .folders()
        .iter()
        .map(|folder| {
            std::fs::canonicalize(&folder.dir)
                .ok()
                .and_then(|dir| repo::discover(&dir).ok())
                .and_then(|(repo, _)| repo.head_id().ok().map(|id| id.to_string()))
                .unwrap_or_else(|| "-".to_owned())
        })
        .collect()
}

/// The folder (longest first) a walked file is in, and its path below it.
fn folder_of<'f>(
    folders: impl Iterator<Item = &'f Folder>,
    file: &SourceFile,
) -> Option<(&'f Folder, String)> {
    folders
        .filter_map(|f| Some((f, inside(&file.path, &f.dir)?)))
        .max_by_key(|(f, _)| f.dir.components().count())
        .map(|(f, rel)| (f, slash(rel)))
}

/// `path` below `dir`, when it is inside it (`root/../beside/x` is not inside `root`).
fn inside<'p>(path: &'p Path, dir: &Path) -> Option<&'p Path> {
    let rel = path.strip_prefix(dir).ok()?;
    let outside = rel
        .components()
        .any(|c| matches!(c, std::path::Component::ParentDir));
    (!outside).then_some(rel)
}

/// A folder as diagnostics name it (`""`: the corpus root).
fn shown_dir(folder: &Folder) -> String {
    folder.shown.clone()
}

fn slash(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The file as it is on disk, as one revision.
fn on_disk(
    file: &SourceFile,
    date: Option<Date>,
    sequence: u32,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Revision> {
    match crate::file::read_regular(&file.path) {
        Ok(bytes) => Some(Revision {
            file: file.clone(),
            bytes,
            commit: None,
            date,
            sequence,
        }),
        Err(refusal) => {
            diagnostics.push(refusal.diagnostic(&file.rel));
            None
        }
    }
}

/// Today's calendar day (UTC): the date of uncommitted edits.
fn today() -> Option<Date> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Date::from_unix_seconds(i64::try_from(now.as_secs()).ok()?)
}
