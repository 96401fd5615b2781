//! What changed since a revision (`--changed-since REV`): the files that differ between REV's
//! tree and the working tree (committed since REV, staged, unstaged or new), and the commits
//! made since REV (the revisions of history they wrote).
//!
//! A file is compared with REV's tree when asked about, not found by a walk: a report asks
//! about the few files its findings name, and a file is new, or edited, exactly when its bytes
//! are not REV's blob at its path.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use gix::ObjectId;

/// Why the files changed since a revision cannot be known.
#[derive(Debug, thiserror::Error)]
pub enum ChangedError {
    /// The folder is not in a git repository with a working tree.
    #[error("cannot compare {} with `{rev}`: {reason}", dir.display())]
    NotARepository {
        /// The revision as given.
        rev: String,
        /// The folder a repository was looked for from.
        dir: PathBuf,
        /// What discovery said.
        reason: String,
    },
    /// The repository has no such revision (or a shallow clone does not reach it).
    #[error("no revision `{rev}` in the git repository at {}: {reason}{hint}", repo.display())]
    UnknownRevision {
        /// The revision as given.
        rev: String,
        /// The repository's working tree.
        repo: PathBuf,
        /// What resolving it said.
        reason: String,
        /// How to make it resolve.
        hint: &'static str,
    },
    /// The history between the revision and HEAD cannot be read.
    #[error("cannot read the history since `{rev}` in the git repository at {}: {reason}", repo.display())]
    History {
        /// The revision as given.
        rev: String,
        /// The repository's working tree.
        repo: PathBuf,
        /// What failed.
        reason: String,
    },
}

/// The files and commits of a repository changed since one revision.
pub struct ChangedSince {
    repo: gix::Repository,
    /// The repository's working tree (canonical).
    workdir: PathBuf,
    /// The commit REV names.
    commit: ObjectId,
    /// Its tree, the files are compared with.
    tree: ObjectId,
    /// Commits reachable from HEAD but not from REV.
    since: HashSet<ObjectId>,
    /// Files already compared (canonical path: changed).
    compared: HashMap<PathBuf, bool>,
}

impl std::fmt::Debug for ChangedSince {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChangedSince")
            .field("workdir", &self.workdir)
            .field("commit", &self.commit)
            .field("since", &self.since.len())
            .finish_non_exhaustive()
    }
}

/// Said when a revision is missing from a shallow clone: its history may just be cut before it.
const SHALLOW_HINT: &str = " (the repository is a shallow clone, whose history may stop before it: fetch it, e.g. `git fetch --unshallow` or `git fetch origin main`; on GitHub Actions `fetch-depth: 0`)";

/// Said when a revision is missing from a full clone.
const NAME_HINT: &str =
    " (name a branch, tag or commit id it has, or `HEAD~N`; a remote branch must be fetched first)";

impl ChangedSince {
    /// Resolves `rev` in the repository holding `dir` (found upward from it).
    pub fn open(dir: &Path, rev: &str) -> Result<ChangedSince, ChangedError> {
        let start = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        let (repo, workdir) =
            super::repo::discover(&start).map_err(|reason| ChangedError::NotARepository {
                rev: rev.to_owned(),
                dir: dir.to_path_buf(),
                reason,
            })?;
        let (commit, tree, since) = resolve(&repo, &workdir, rev)?;
        Ok(ChangedSince {
            repo,
            workdir,
            commit,
            tree,
            since,
            compared: HashMap::new(),
        })
    }

    /// The commit the revision names (full hex id).
    pub fn commit(&self) -> String {
        self.commit.to_string()
    }

    /// The working tree of the repository the revision was resolved in.
    pub fn workdir(&self) -> &Path {
        &self.workdir
    }

    /// Whether the commit `id` (hex) was made since the revision: reachable from HEAD, not
    /// from the revision.
    pub fn commit_is_since(&self, id: &str) -> bool {
        ObjectId::from_hex(id.as_bytes()).is_ok_and(|id| self.since.contains(&id))
    }

    /// Whether the file at `path` (on disk) differs from the revision's: new since, or with
    /// other bytes. A file outside the repository's working tree, or missing, has not changed
    /// in it; one that cannot be read or compared counts as changed, so that its findings are
    /// shown rather than hidden.
    pub fn file_changed(&mut self, path: &Path) -> bool {
        let Ok(file) = std::fs::canonicalize(path) else {
            return false;
        };
        if let Some(&known) = self.compared.get(&file) {
            return known;
        }
        let changed = self.compare(&file);
        self.compared.insert(file, changed);
        changed
    }

    fn compare(&self, file: &Path) -> bool {
        let Ok(rel) = file.strip_prefix(&self.workdir) else {
            return false;
        };
        let Ok(tree) = self.repo.find_tree(self.tree) else {
            return true;
        };
        // New since the revision, or there a folder or a link.
        let entry = match tree.lookup_entry_by_path(rel) {
            Ok(Some(entry)) if entry.mode().is_blob() => entry,
            _ => return true,
        };
        let Ok(bytes) = std::fs::read(file) else {
            return true;
        };
        let blob = entry.object_id();
        let kind = self.repo.object_hash();
        let same = |data: &[u8]| {
            gix::objs::compute_hash(kind, gix::objs::Kind::Blob, data).is_ok_and(|id| id == blob)
        };
        // A checkout with `core.autocrlf` has CRLF on disk where the blob has LF: no edit.
        !(same(&bytes) || (bytes.contains(&b'\r') && same(&without_cr_before_lf(&bytes))))
    }
}

/// The commit `rev` names in `repo`, its tree, and the commits reachable from HEAD but not
/// from it.
fn resolve(
    repo: &gix::Repository,
    workdir: &Path,
    rev: &str,
) -> Result<(ObjectId, ObjectId, HashSet<ObjectId>), ChangedError> {
    let unknown = |reason: String| ChangedError::UnknownRevision {
        rev: rev.to_owned(),
        repo: workdir.to_path_buf(),
        reason,
        hint: if repo.is_shallow() {
            SHALLOW_HINT
        } else {
            NAME_HINT
        },
    };
    let commit = repo
        .rev_parse_single(rev)
        .map_err(|e| unknown(e.to_string()))?
        .object()
        .map_err(|e| unknown(e.to_string()))?
        .peel_to_commit()
        .map_err(|e| unknown(format!("it names no commit: {e}")))?;
    let tree = commit
        .tree_id()
        .map_err(|e| unknown(e.to_string()))?
        .detach();
    let commit = commit.id;
    let history = |reason: String| ChangedError::History {
        rev: rev.to_owned(),
        repo: workdir.to_path_buf(),
        reason,
    };
    let head = repo
        .head_id()
        .map_err(|e| history(format!("cannot read HEAD: {e}")))?
        .detach();
    let mut since = HashSet::new();
    let walk = repo
        .rev_walk([head])
        .with_hidden([commit])
        .all()
        .map_err(|e| history(e.to_string()))?;
    for info in walk {
        since.insert(info.map_err(|e| history(e.to_string()))?.id);
    }
    Ok((commit, tree, since))
}

/// `bytes` with every CRLF turned into LF.
fn without_cr_before_lf(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    for (i, &b) in bytes.iter().enumerate() {
        if !(b == b'\r' && bytes.get(i + 1) == Some(&b'\n')) {
            out.push(b);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::without_cr_before_lf;

    #[test]
    fn only_cr_before_lf_goes() {
        assert_eq!(without_cr_before_lf(b"a\r\nb\rc\r\n"), b"a\nb\rc\n");
    }
}
