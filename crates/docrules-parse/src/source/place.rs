//! Placing a file the walk did not see (a path from git history: deleted since, or renamed) in
//! the layout's trees, as the walk would have placed it.

use std::path::PathBuf;

use super::{SourceFile, Walked};

/// One folder the layout's trees read: where it is and how it prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folder {
    /// On disk.
    pub dir: PathBuf,
    /// Relative to the corpus root as printed (`""` for the root itself).
    pub shown: String,
}

impl Walked {
    /// The distinct folders of the layout's trees, in order (none for the `files` layout).
    pub fn folders(&self) -> Vec<Folder> {
        let mut out: Vec<Folder> = Vec::new();
        for tree in &self.trees {
            if !out.iter().any(|f| f.shown == tree.shown) {
                out.push(Folder {
                    dir: tree.dir.clone(),
                    shown: tree.shown.clone(),
                });
            }
        }
        out
    }

    /// Places `rel`, a `/`-separated markdown path below the folder printed `shown`: the first
    /// tree of that folder that includes it and does not exclude it gives its article and
    /// locale. `None` when no tree claims it, it is not markdown, or it is hidden (as the walk
    /// skips hidden files).
    pub fn place(&self, shown: &str, rel: &str) -> Option<SourceFile> {
        let lower = rel.to_ascii_lowercase();
        let markdown = lower.ends_with(".md") || lower.ends_with(".mdx");
        if !markdown || rel.split('/').any(|part| part.starts_with('.')) {
            return None;
        }
        let (matched, tree) = self
            .trees
            .iter()
            .filter(|t| t.shown == shown)
            .find_map(|tree| {
                if tree.exclude.iter().any(|p| p.is_match(rel)) {
                    return None;
                }
                let matched = tree.include.iter().find_map(|p| p.matched(rel))?;
                Some((matched, tree))
            })?;
        let locale = tree.locale.clone().or(matched.locale)?;
        Some(SourceFile {
            article: matched.article,
            locale_written: locale.to_string().to_ascii_lowercase(),
            locale,
            path: tree.dir.join(rel),
            rel: if shown.is_empty() {
                rel.to_owned()
            } else {
                format!("{shown}/{rel}")
            },
            file_date: None,
        })
    }
}
