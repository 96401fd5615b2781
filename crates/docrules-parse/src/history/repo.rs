//! One repository's history: the first-parent walk from HEAD, the files each commit changed,
//! renames followed, and the revisions they make.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use gix::ObjectId;

use docrules_model::date::Date;
use docrules_model::diagnostic::Diagnostic;

use super::tree_diff::{self, Change};
use super::{Bounds, History, Member, Revision, on_disk, shown_dir, today};
use crate::source::{SourceFile, Walked};

/// Pairs of added and deleted files compared line by line for renames in one commit; past
/// this (a reorganization of thousands of files) only renames with the same blob are seen.
const MAX_SIMILARITY_PAIRS: usize = 2_500;

/// The repository holding `dir`, and its working tree's root (canonical).
pub(super) fn discover(dir: &Path) -> Result<(gix::Repository, PathBuf), String> {
    let mut repo = gix::discover(dir).map_err(|e| format!("not inside a git repository: {e}"))?;
    // Revisions of one file are deltas of each other in a pack: without a cache of delta
    // bases, reading each one inflates its whole chain again (5x slower on 20 revisions).
    repo.objects
        .set_pack_cache(|| Box::<gix::odb::pack::cache::lru::StaticLinkedList<64>>::default());
    let workdir = repo
        .workdir()
        .ok_or_else(|| "in a bare git repository, which has no working tree".to_owned())?;
    let workdir = std::fs::canonicalize(workdir)
        .map_err(|e| format!("cannot resolve the repository's working tree: {e}"))?;
    Ok((repo, workdir))
}

/// A commit of the first-parent walk.
#[derive(Debug)]
struct Commit {
    id: ObjectId,
    tree: ObjectId,
    /// `None` for a root commit, or the oldest commit of a shallow clone.
    parent_tree: Option<ObjectId>,
    date: Option<Date>,
}

/// Adds the revisions of `files` (the walked files of `members`' folders) and of the files
/// those folders held before, to `history`.
pub(super) fn read(
    repo: &gix::Repository,
    members: &[Member],
    walked: &Walked,
    files: &[&SourceFile],
    bounds: Bounds,
    history: &mut History,
) {
    let shown = shown_dir(&members[0].folder);
    let fallback = |history: &mut History, diagnostic: Diagnostic| {
        history.diagnostics.push(diagnostic);
        for file in files {
            if let Some(r) = on_disk(file, None, 1, &mut history.diagnostics) {
                history.revisions.push(r);
            }
        }
    };
    let head = match repo.head() {
        Ok(head) => head,
        Err(e) => {
            let d = Diagnostic::error("git-history", &shown, format!("cannot read HEAD: {e}"));
            return fallback(history, d);
        }
    };
    if head.is_unborn() {
        let d = Diagnostic::warning(
            "no-commits",
            &shown,
            "the git repository has no commits yet: the files on disk are the only versions",
        )
        .with_help("commit the files to give them a history");
        return fallback(history, d);
    }
    let head_commit = match repo.head_commit() {
        Ok(commit) => commit,
        Err(e) => {
            let d = Diagnostic::error("git-history", &shown, format!("cannot read HEAD: {e}"));
            return fallback(history, d);
        }
    };
    let (commits, cut) = walk(repo, head_commit, bounds.since, &shown, history);
    if cut || repo.is_shallow() {
        let oldest = commits.last().map_or_else(String::new, |c| {
            let date = c.date.map(|d| format!(" of {d}")).unwrap_or_default();
            format!(" (before commit {}{date})", short(&c.id))
        });
        history.diagnostics.push(
            Diagnostic::warning(
                "shallow-history",
                &shown,
                format!(
                    "the repository is a shallow clone: its history is cut{oldest}; versions are read from the {} commits it has",
                    commits.len()
                ),
            )
            .with_help("run `git fetch --unshallow` to read all of it (GitHub Actions: `fetch-depth: 0`)"),
        );
    }

    let prefixes: Vec<String> = members.iter().map(|m| m.prefix.clone()).collect();
    // Per file (by its newest name): (commit, blob, its name then), newest first.
    let mut changed: HashMap<String, Vec<(usize, ObjectId, String)>> = HashMap::new();
    // Older names of renamed files, to their newest name.
    let mut alias: HashMap<String, String> = HashMap::new();
    for (i, commit) in commits.iter().enumerate() {
        let changes =
            match tree_diff::changes(repo, commit.parent_tree, Some(commit.tree), &prefixes) {
                Ok(changes) => changes,
                Err(message) => {
                    let d = Diagnostic::error("git-history", &shown, message)
                        .with_help("older commits are not read; `git fsck` tells what is damaged");
                    history.diagnostics.push(d);
                    break;
                }
            };
        let key = |path: &str| alias.get(path).cloned().unwrap_or_else(|| path.to_owned());
        for change in &changes {
            if let Some(blob) = change.new {
                changed
                    .entry(key(&change.path))
                    .or_default()
                    .push((i, blob, change.path.clone()));
            }
        }
        let renamed: Vec<(String, String)> = renames(repo, &changes)
            .into_iter()
            .map(|(old, new)| (old, key(&new)))
            .collect();
        alias.extend(renamed);
    }

    let head_tree = commits.first().and_then(|c| repo.find_tree(c.tree).ok());
    let on_disk_files: HashMap<String, &SourceFile> = files
        .iter()
        .filter_map(|f| Some((git_path(members, f)?, *f)))
        .collect();
    let keys: BTreeSet<&String> = changed.keys().chain(on_disk_files.keys()).collect();
    for key in keys {
        let disk = on_disk_files.get(key).copied();
        let Some(placed) = disk.cloned().or_else(|| place(walked, members, key)) else {
            continue;
        };
        let mut list = changed.get(key).cloned().unwrap_or_default();
        list.reverse();
        // A revision identical to the one before it (deleted and restored) is no new version.
        list.dedup_by_key(|(_, blob, _)| *blob);
        // The newest `max_per_file`, the working tree's file counted: older blobs are not read.
        if let Some(max) = bounds.max_per_file {
            list.drain(..list.len().saturating_sub(max));
        }
        let mut out: Vec<Revision> = Vec::new();
        let blob = |id: ObjectId| repo.find_blob(id).ok().map(|mut b| b.take_data());
        for &(i, id, ref path) in &list {
            let Some(bytes) = blob(id) else {
                history.diagnostics.push(Diagnostic::error(
                    "git-history",
                    &placed.rel,
                    format!(
                        "cannot read blob {id} of `{path}` at commit {}",
                        commits[i].id
                    ),
                ));
                continue;
            };
            let mut file = placed.clone();
            file.rel = format!("{}@{}", shown_path(members, path), short(&commits[i].id));
            if let Some(member) = member_of(members, path) {
                file.path = member.folder.dir.join(below(&member.prefix, path));
            }
            out.push(Revision {
                file,
                bytes,
                commit: Some(commits[i].id.to_string()),
                date: commits[i].date,
                sequence: 0,
            });
        }
        if let Some(disk) = disk {
            let head_blob = head_tree
                .as_ref()
                .and_then(|t| t.lookup_entry_by_path(key).ok().flatten())
                .filter(|e| e.mode().is_blob())
                .map(|e| e.object_id());
            let newest_is_head = head_blob.is_some() && list.last().map(|r| r.1) == head_blob;
            let mut diagnostics = Vec::new();
            let now = on_disk(disk, None, 0, &mut diagnostics);
            history.diagnostics.extend(diagnostics);
            if let Some(mut now) = now {
                let committed = head_blob.and_then(blob).is_some_and(|b| b == now.bytes);
                match out.last_mut() {
                    // The working tree is HEAD's file: that revision prints as the file itself.
                    Some(last) if committed && newest_is_head => last.file = disk.clone(),
                    _ => {
                        // Uncommitted edits date from today; a file unchanged since `since`
                        // has no commit read.
                        now.date = if committed { None } else { today() };
                        out.push(now);
                    }
                }
            }
        }
        if let Some(max) = bounds.max_per_file {
            let excess = out.len().saturating_sub(max);
            out.drain(..excess);
        }
        for (n, revision) in out.iter_mut().enumerate() {
            revision.sequence = u32::try_from(n + 1).unwrap_or(u32::MAX);
        }
        history.revisions.extend(out);
    }
}

/// The first parents from `head`, newest first, none older than `since`; `true` when a parent
/// is missing (a shallow clone, or a damaged one).
fn walk(
    repo: &gix::Repository,
    head: gix::Commit<'_>,
    since: Option<Date>,
    shown: &str,
    history: &mut History,
) -> (Vec<Commit>, bool) {
    let mut commits = Vec::new();
    let mut current = head;
    loop {
        let date = current
            .time()
            .ok()
            .and_then(|t| Date::from_unix_seconds(t.seconds.saturating_add(i64::from(t.offset))));
        if since.is_some_and(|since| date.is_some_and(|d| d < since)) {
            return (commits, false);
        }
        let tree = match current.tree_id() {
            Ok(tree) => tree.detach(),
            Err(e) => {
                let message = format!("cannot read commit {}: {e}", current.id);
                history
                    .diagnostics
                    .push(Diagnostic::error("git-history", shown, message));
                return (commits, false);
            }
        };
        let parent_id = current.parent_ids().next().map(|id| id.detach());
        let parent = parent_id.map(|id| repo.find_commit(id));
        let parent_tree = match &parent {
            Some(Ok(p)) => p.tree_id().ok().map(|t| t.detach()),
            _ => None,
        };
        commits.push(Commit {
            id: current.id,
            tree,
            parent_tree,
            date,
        });
        match parent {
            None => return (commits, false),
            Some(Err(_)) => return (commits, true),
            Some(Ok(p)) => current = p,
        }
    }
}

/// The renames of one commit's changes, (old name, new name): a deleted file whose blob an
/// added file has, else whose lines are mostly the added file's.
fn renames(repo: &gix::Repository, changes: &[Change]) -> Vec<(String, String)> {
    let added: Vec<&Change> = changes.iter().filter(|c| c.old.is_none()).collect();
    let mut deleted: Vec<&Change> = changes.iter().filter(|c| c.new.is_none()).collect();
    let mut out = Vec::new();
    let mut unmatched = Vec::new();
    for a in added {
        match deleted.iter().position(|d| d.old == a.new) {
            Some(j) => out.push((deleted.remove(j).path.clone(), a.path.clone())),
            None => unmatched.push(a),
        }
    }
    if unmatched.is_empty() || unmatched.len() * deleted.len() > MAX_SIMILARITY_PAIRS {
        return out;
    }
    let lines = |id: Option<ObjectId>| -> HashSet<Vec<u8>> {
        id.and_then(|id| repo.find_blob(id).ok())
            .map(|b| {
                b.data
                    .split(|&c| c == b'\n')
                    .map(|l| l.trim_ascii().to_vec())
                    .filter(|l| !l.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    };
    let old_lines: Vec<HashSet<Vec<u8>>> = deleted.iter().map(|d| lines(d.old)).collect();
    let mut taken = vec![false; deleted.len()];
    for a in unmatched {
        let new_lines = lines(a.new);
        let best = old_lines
            .iter()
            .enumerate()
            .filter(|(j, _)| !taken[*j])
            .map(|(j, old)| {
                let common = old.intersection(&new_lines).count();
                (common * 2, old.len().max(new_lines.len()), j)
            })
            // At least half of the longer file's lines in common.
            .filter(|&(common2, longest, _)| longest > 0 && common2 >= longest)
            .max_by(|a, b| (a.0 * b.1).cmp(&(b.0 * a.1)));
        if let Some((_, _, j)) = best {
            taken[j] = true;
            out.push((deleted[j].path.clone(), a.path.clone()));
        }
    }
    out
}

/// The member folder (longest first) holding a repository path.
fn member_of<'m>(members: &'m [Member], path: &str) -> Option<&'m Member> {
    members
        .iter()
        .filter(|m| {
            m.prefix.is_empty()
                || path
                    .strip_prefix(m.prefix.as_str())
                    .is_some_and(|r| r.starts_with('/'))
        })
        .max_by_key(|m| m.prefix.len())
}

/// `path` below `prefix` (a repository path in a member folder).
fn below<'p>(prefix: &str, path: &'p str) -> &'p str {
    if prefix.is_empty() {
        path
    } else {
        path.get(prefix.len() + 1..).unwrap_or(path)
    }
}

/// A repository path as the corpus prints it.
fn shown_path(members: &[Member], path: &str) -> String {
    match member_of(members, path) {
        Some(m) if m.folder.shown.is_empty() => below(&m.prefix, path).to_owned(),
        Some(m) => format!("{}/{}", m.folder.shown, below(&m.prefix, path)),
        None => path.to_owned(),
    }
}

/// A repository path placed by the layout.
fn place(walked: &Walked, members: &[Member], path: &str) -> Option<SourceFile> {
    let member = member_of(members, path)?;
    walked.place(&member.folder.shown, below(&member.prefix, path))
}

/// A walked file's path in the repository.
fn git_path(members: &[Member], file: &SourceFile) -> Option<String> {
    members
        .iter()
        .filter_map(|m| {
            let rel = super::inside(&file.path, &m.folder.dir)?;
            let rel = super::slash(rel);
            Some(if m.prefix.is_empty() {
                rel
            } else {
                format!("{}/{rel}", m.prefix)
            })
        })
        .max_by_key(String::len)
}

fn short(id: &ObjectId) -> String {
    id.to_hex_with_len(7).to_string()
}
