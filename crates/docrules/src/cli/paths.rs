//! One path policy for every command: a path is printed relative to the current directory, so
//! that a terminal and a GitHub annotation can open it, whatever the corpus root was given as
//! (`corpus`, `./corpus/`, an absolute path, the corpus found above a linted file).

use std::path::{Component, Path, PathBuf};

use docrules_model::corpus::Corpus;
use docrules_model::diagnostic::Diagnostic;
use docrules_rules::finding::Finding;

/// Where printed paths start: the current directory.
#[derive(Clone, Debug)]
pub(crate) struct Base {
    /// The current directory, canonical (symlinks resolved), when it can be known.
    cwd: Option<PathBuf>,
}

impl Base {
    /// The current directory of this process.
    pub(crate) fn current() -> Base {
        Base {
            cwd: std::env::current_dir()
                .ok()
                .and_then(|d| std::fs::canonicalize(d).ok()),
        }
    }

    /// `path` (relative to the current directory, or absolute) as printed: relative to the
    /// current directory, `/`-separated, without `.` components; `.` for the directory itself.
    /// An absolute path that shares nothing but `/` with the current directory stays absolute.
    pub(crate) fn show(&self, path: &Path) -> String {
        let relative = if path.is_absolute() {
            self.relative(path)
        } else {
            Some(lexical(path))
        };
        let shown = relative.unwrap_or_else(|| lexical(path));
        let text = shown.to_string_lossy().replace('\\', "/");
        if text.is_empty() {
            ".".to_owned()
        } else {
            text
        }
    }

    /// The corpus root `root` as printed, and the way its corpus-relative paths are printed.
    pub(crate) fn under(&self, root: &Path) -> Rooted {
        Rooted {
            root: self.show(root),
        }
    }

    /// The `file:` URI of the current directory, which SARIF's relative URIs resolve against.
    pub(crate) fn uri(&self) -> Option<String> {
        let cwd = self.cwd.as_deref()?.to_string_lossy().replace('\\', "/");
        Some(docrules_render::sarif::directory_uri(&cwd))
    }

    fn relative(&self, path: &Path) -> Option<PathBuf> {
        let cwd = self.cwd.as_deref()?;
        // Resolve symlinks of the part that exists (a file to be written may not yet).
        let target = std::fs::canonicalize(path).unwrap_or_else(|_| lexical(path));
        let common = cwd
            .components()
            .zip(target.components())
            .take_while(|(a, b)| a == b)
            .count();
        // Only the file system root in common: `../../..` would say less than the absolute path.
        if common <= 1 {
            return None;
        }
        let mut out = PathBuf::new();
        for _ in cwd.components().skip(common) {
            out.push("..");
        }
        for part in target.components().skip(common) {
            out.push(part);
        }
        Some(out)
    }
}

/// `path` without `.` components (`./corpus/` → `corpus`); `..` is kept, since a symlink may
/// stand before it.
fn lexical(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect()
}

/// A corpus root as printed, and its corpus-relative paths (`/`-separated) joined onto it.
#[derive(Clone, Debug)]
pub(crate) struct Rooted {
    root: String,
}

impl Rooted {
    /// The root as printed (`corpus`, `.`, `../docs`).
    pub(crate) fn root(&self) -> &str {
        &self.root
    }

    /// A corpus-relative path as printed.
    pub(crate) fn show(&self, rel: &str) -> String {
        if self.root == "." || rel.is_empty() {
            return if rel.is_empty() {
                self.root.clone()
            } else {
                rel.to_owned()
            };
        }
        let root = self.root.trim_end_matches('/');
        if let Some(beside) = rel.strip_prefix("../") {
            // A source beside the root (`../azure-docs.ja-jp/…`): `docs/../x` is `x` when
            // `docs` is a folder, not a link (`..` of a link is its target's parent).
            let (parent, name) = root.rsplit_once('/').unwrap_or(("", root));
            let is_folder = std::fs::symlink_metadata(root).is_ok_and(|m| m.is_dir());
            if is_folder && !matches!(name, "" | "." | "..") {
                let parent = match parent {
                    "" if root.starts_with('/') => "/",
                    "" => ".",
                    parent => parent,
                };
                return Rooted {
                    root: parent.into(),
                }
                .show(beside);
            }
        }
        format!("{root}/{rel}")
    }

    /// The corpus-relative path a printed path stands for, when it lies under the root or
    /// beside it (`../azure-docs.ja-jp/…` of a source beside the root, printed collapsed).
    pub(crate) fn corpus_path(&self, shown: &str) -> Option<String> {
        if self.root == "." {
            return Some(shown.to_owned());
        }
        let root = self.root.trim_end_matches('/');
        if let Some(rest) = shown.strip_prefix(root).and_then(|r| r.strip_prefix('/')) {
            return Some(rest.to_owned());
        }
        let beside = match root.rsplit_once('/') {
            Some(("", _)) => shown.strip_prefix('/'),
            Some((parent, _)) => shown.strip_prefix(parent).and_then(|r| r.strip_prefix('/')),
            None => Some(shown),
        };
        beside.map(|rest| format!("../{rest}"))
    }

    /// Prints every path of a loaded corpus this way (for the commands that show the corpus
    /// itself: dump, facts, diff).
    pub(crate) fn corpus(&self, corpus: &mut Corpus) {
        for diagnostic in &mut corpus.diagnostics {
            diagnostic.path = self.show(&diagnostic.path);
        }
        for article in &mut corpus.articles {
            for version in &mut article.versions {
                version.path = self.show(&version.path);
                version.document.source.path = self.show(&version.document.source.path);
                for diagnostic in &mut version.document.diagnostics {
                    diagnostic.path = self.show(&diagnostic.path);
                }
            }
        }
    }

    /// Prints the paths of findings and diagnostics this way.
    pub(crate) fn findings(&self, findings: &mut [Finding], diagnostics: &mut [Diagnostic]) {
        for finding in findings {
            finding.primary.path = self.show(&finding.primary.path);
            for related in &mut finding.related {
                related.location.path = self.show(&related.location.path);
            }
        }
        self.diagnostics(diagnostics);
    }

    /// Prints the paths of diagnostics this way.
    pub(crate) fn diagnostics(&self, diagnostics: &mut [Diagnostic]) {
        for diagnostic in diagnostics {
            diagnostic.path = self.show(&diagnostic.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_roots_are_cleaned_and_joined() {
        let base = Base { cwd: None };
        assert_eq!(base.show(Path::new("./corpus/")), "corpus");
        assert_eq!(base.show(Path::new(".")), ".");
        let rooted = base.under(Path::new("./corpus/"));
        assert_eq!(rooted.show("a/ja-jp/x.md"), "corpus/a/ja-jp/x.md");
        assert_eq!(
            rooted.corpus_path("corpus/a/ja-jp/x.md").as_deref(),
            Some("a/ja-jp/x.md")
        );
        assert_eq!(
            rooted.corpus_path("docs.fr/a.md").as_deref(),
            Some("../docs.fr/a.md")
        );
        // A source beside a root that is a real folder (this crate's own).
        let crate_dir = env!("CARGO_MANIFEST_DIR");
        let beside = base
            .under(Path::new(crate_dir))
            .show("../docrules-parse/x.md");
        assert_eq!(
            beside,
            format!(
                "{}/docrules-parse/x.md",
                Path::new(crate_dir).parent().unwrap().display()
            )
        );
        let missing = base.under(Path::new("no-such-root")).show("../x/a.md");
        assert_eq!(
            missing, "no-such-root/../x/a.md",
            "kept: nothing says it is no link"
        );
        let here = base.under(Path::new("."));
        assert_eq!(here.show("a/ja-jp/x.md"), "a/ja-jp/x.md");
        assert_eq!(here.corpus_path("a.md").as_deref(), Some("a.md"));
    }

    #[test]
    fn absolute_paths_become_relative_to_the_current_directory() {
        let base = Base {
            cwd: Some(PathBuf::from("/nonexistent-base/repo/docs")),
        };
        assert_eq!(
            base.show(Path::new("/nonexistent-base/repo/docs/corpus")),
            "corpus"
        );
        assert_eq!(
            base.show(Path::new("/nonexistent-base/repo/other/x.md")),
            "../other/x.md"
        );
        assert_eq!(base.show(Path::new("/nonexistent-base/repo/docs")), ".");
        assert_eq!(base.show(Path::new("/elsewhere/x.md")), "/elsewhere/x.md");
    }
}
