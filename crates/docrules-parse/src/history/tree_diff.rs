//! What a commit changed below some folders: its tree against its parent's, descending only
//! into subtrees whose ids differ and that lie on the way to a folder read.

use std::collections::BTreeMap;

use gix::ObjectId;

/// One markdown file a commit added, changed or deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Change {
    /// `/`-separated, relative to the repository's root.
    pub path: String,
    /// Its blob before the commit (`None`: added).
    pub old: Option<ObjectId>,
    /// Its blob after the commit (`None`: deleted).
    pub new: Option<ObjectId>,
}

/// The markdown files that differ between the trees `old` (`None`: the empty tree, for a root
/// commit or the oldest commit of a shallow clone) and `new`, below one of `prefixes`
/// (repository-relative folders, `""` for all).
pub(crate) fn changes(
    repo: &gix::Repository,
    old: Option<ObjectId>,
    new: Option<ObjectId>,
    prefixes: &[String],
) -> Result<Vec<Change>, String> {
    let mut out = Vec::new();
    diff(repo, old, new, "", prefixes, &mut out)?;
    Ok(out)
}

/// A tree's entries by name: blobs (`true`) and trees (`false`), links and submodules left out.
type Entries = BTreeMap<Vec<u8>, (bool, ObjectId)>;

fn entries(repo: &gix::Repository, id: Option<ObjectId>) -> Result<Entries, String> {
    let mut out = Entries::new();
    let Some(id) = id else {
        return Ok(out);
    };
    let tree = repo
        .find_tree(id)
        .map_err(|e| format!("cannot read tree {id}: {e}"))?;
    let decoded = tree
        .decode()
        .map_err(|e| format!("cannot decode tree {id}: {e}"))?;
    for entry in decoded.entries {
        let blob = entry.mode.is_blob();
        if blob || entry.mode.is_tree() {
            out.insert(entry.filename.to_vec(), (blob, entry.oid.to_owned()));
        }
    }
    Ok(out)
}

/// Whether `path` (a folder when `folder`) can be or hold a file below one of `prefixes`.
fn wanted(path: &str, folder: bool, prefixes: &[String]) -> bool {
    prefixes.iter().any(|p| {
        p.is_empty()
            || path == p
            || path
                .strip_prefix(p.as_str())
                .is_some_and(|r| r.starts_with('/'))
            || (folder && p.strip_prefix(path).is_some_and(|r| r.starts_with('/')))
    })
}

fn is_markdown(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".mdx")
}

fn diff(
    repo: &gix::Repository,
    old: Option<ObjectId>,
    new: Option<ObjectId>,
    base: &str,
    prefixes: &[String],
    out: &mut Vec<Change>,
) -> Result<(), String> {
    let (before, after) = (entries(repo, old)?, entries(repo, new)?);
    let mut names: Vec<&Vec<u8>> = before.keys().chain(after.keys()).collect();
    names.sort();
    names.dedup();
    for name in names {
        let (was, is) = (before.get(name), after.get(name));
        if was == is {
            continue;
        }
        // Names that are not UTF-8 cannot be placed by the layout's globs.
        let Ok(name) = std::str::from_utf8(name) else {
            continue;
        };
        let path = if base.is_empty() {
            name.to_owned()
        } else {
            format!("{base}/{name}")
        };
        let tree_of =
            |e: Option<&(bool, ObjectId)>| e.and_then(|&(blob, id)| (!blob).then_some(id));
        let blob_of = |e: Option<&(bool, ObjectId)>| e.and_then(|&(blob, id)| blob.then_some(id));
        let (old_tree, new_tree) = (tree_of(was), tree_of(is));
        if (old_tree.is_some() || new_tree.is_some()) && wanted(&path, true, prefixes) {
            diff(repo, old_tree, new_tree, &path, prefixes, out)?;
        }
        let (old_blob, new_blob) = (blob_of(was), blob_of(is));
        if old_blob != new_blob && is_markdown(name) && wanted(&path, false, prefixes) {
            out.push(Change {
                path,
                old: old_blob,
                new: new_blob,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::wanted;

    #[test]
    fn only_paths_on_the_way_to_a_prefix_are_wanted() {
        let prefixes = ["docs/en".to_owned()];
        assert!(wanted("docs", true, &prefixes));
        assert!(wanted("docs/en", true, &prefixes));
        assert!(wanted("docs/en/a.md", false, &prefixes));
        assert!(!wanted("docs/english/a.md", false, &prefixes));
        assert!(!wanted("docs", false, &prefixes));
        assert!(!wanted("src", true, &prefixes));
        assert!(wanted("anything.md", false, &["".to_owned()]));
    }
}
