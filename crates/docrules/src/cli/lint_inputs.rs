//! Which files `docrules lint` reads: the paths given (files, folders, quoted globs), or the
//! newest version of each locale of the corpus. Folders are walked the way ripgrep and ruff walk
//! them (the `ignore` crate): `.gitignore` and `.ignore` files are honoured, hidden files and
//! folders are skipped, `.md`/`.markdown` match in any case, and `--exclude` globs
//! (gitignore syntax, relative to the current directory) leave out files and folders, named or
//! walked.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::paths::Base;

/// One file to lint: where it is shown, where it lives, its bytes.
pub(super) struct Input {
    pub(super) shown: String,
    pub(super) path: PathBuf,
    pub(super) bytes: Vec<u8>,
}

/// Where the files come from.
pub(super) enum Source<'a> {
    /// Standard input, standing for the file at this path.
    Stdin(&'a Path),
    /// The paths given on the command line.
    Paths(&'a [PathBuf]),
    /// Every markdown file under a folder (a corpus that could not be compiled).
    Folder(&'a Path),
    /// Named files (the newest versions of a compiled corpus).
    Files(Vec<PathBuf>),
}

/// Reads the files `source` names, leaving out what `exclude` matches.
pub(super) fn read(
    source: Source<'_>,
    exclude: &[String],
    base: &Base,
) -> Result<Vec<Input>, String> {
    if let Source::Stdin(path) = source {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(vec![Input {
            shown: base.show(path),
            path: path.to_path_buf(),
            bytes,
        }]);
    }
    let excluded = Excludes::new(exclude)?;
    let mut files = Vec::new();
    match source {
        Source::Stdin(_) => {}
        Source::Folder(dir) => walk(dir, None, &excluded, &mut files)?,
        Source::Files(named) => {
            files.extend(named.into_iter().filter(|f| !excluded.matches(f, false)))
        }
        Source::Paths(paths) => {
            for path in paths {
                if path.is_dir() {
                    if !excluded.matches(path, true) {
                        walk(path, None, &excluded, &mut files)?;
                    }
                } else if !path.exists() && is_glob(path) {
                    let glob = glob(path)?;
                    let before = files.len();
                    walk(&glob_base(path), Some(&glob), &excluded, &mut files)?;
                    if files.len() == before {
                        return Err(format!("no markdown file matches `{}`", path.display()));
                    }
                } else if !excluded.matches(path, false) {
                    // A file named is linted whatever its extension or ignore files say.
                    files.push(path.clone());
                }
            }
        }
    }
    files
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path)
                .map_err(|e| format!("cannot read `{}`: {e}", base.show(&path)))?;
            Ok(Input {
                shown: base.show(&path),
                path,
                bytes,
            })
        })
        .collect()
}

/// Whether a file name is markdown: `.md` or `.markdown`, in any case (`README.MD`).
fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| x.eq_ignore_ascii_case("md") || x.eq_ignore_ascii_case("markdown"))
}

/// Appends the markdown files under `root` (those `glob` matches, when given), sorted by path.
fn walk(
    root: &Path,
    glob: Option<&globset::GlobMatcher>,
    excluded: &Excludes,
    files: &mut Vec<PathBuf>,
) -> Result<(), String> {
    let filter = excluded.clone();
    let walker = ignore::WalkBuilder::new(root)
        // A docs folder is often linted outside a git checkout; its .gitignore still says what
        // is not documentation.
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(move |entry| {
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            !filter.matches(entry.path(), is_dir)
        })
        .build();
    for entry in walker {
        let entry = entry.map_err(|e| format!("cannot walk `{}`: {e}", root.display()))?;
        let path = entry.path();
        if entry.file_type().is_some_and(|t| t.is_file())
            && is_markdown(path)
            && glob.is_none_or(|g| g.is_match(strip_dot(path)))
        {
            files.push(path.to_path_buf());
        }
    }
    Ok(())
}

/// `path` without a leading `./` (the walker keeps the root as given).
fn strip_dot(path: &Path) -> &Path {
    path.strip_prefix(".").unwrap_or(path)
}

/// Whether an argument is a glob the shell did not expand (quoted, or from a config file).
fn is_glob(path: &Path) -> bool {
    path.to_string_lossy().contains(['*', '?', '[', '{'])
}

fn glob(path: &Path) -> Result<globset::GlobMatcher, String> {
    let text = path.to_string_lossy();
    let text = text.strip_prefix("./").unwrap_or(&text);
    globset::GlobBuilder::new(text)
        .literal_separator(true)
        .build()
        .map(|g| g.compile_matcher())
        .map_err(|e| format!("`{}` is not a valid glob: {e}", path.display()))
}

/// The folder a glob walks: its components before the first one holding a glob character.
fn glob_base(path: &Path) -> PathBuf {
    let base: PathBuf = path
        .components()
        .take_while(|c| !is_glob(Path::new(c.as_os_str())))
        .collect();
    if base.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        base
    }
}

/// The `--exclude` globs, in gitignore syntax relative to the current directory.
#[derive(Clone)]
struct Excludes {
    matcher: Option<ignore::gitignore::Gitignore>,
    cwd: PathBuf,
}

impl Excludes {
    fn new(patterns: &[String]) -> Result<Excludes, String> {
        let cwd = std::env::current_dir().unwrap_or_default();
        if patterns.is_empty() {
            return Ok(Excludes { matcher: None, cwd });
        }
        let mut builder = ignore::gitignore::GitignoreBuilder::new(&cwd);
        for pattern in patterns {
            builder
                .add_line(None, pattern)
                .map_err(|e| format!("--exclude `{pattern}`: {e}"))?;
        }
        let matcher = builder.build().map_err(|e| format!("--exclude: {e}"))?;
        Ok(Excludes {
            matcher: Some(matcher),
            cwd,
        })
    }

    fn matches(&self, path: &Path, is_dir: bool) -> bool {
        let Some(matcher) = &self.matcher else {
            return false;
        };
        let absolute = if path.is_absolute() {
            path.to_path_buf()
        } else {
            self.cwd.join(strip_dot(path))
        };
        if let Ok(relative) = absolute.strip_prefix(&self.cwd) {
            return matcher
                .matched_path_or_any_parents(relative, is_dir)
                .is_ignore();
        }
        // Outside the current directory only patterns without a folder part can match: the
        // name of the file or of one of its folders.
        absolute.ancestors().enumerate().any(|(i, p)| {
            p.file_name().is_some_and(|name| {
                matcher
                    .matched(Path::new(name), i > 0 || is_dir)
                    .is_ignore()
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_glob_walks_from_its_literal_folder() {
        assert_eq!(glob_base(Path::new("docs/**/*.md")), PathBuf::from("docs"));
        assert_eq!(glob_base(Path::new("*.md")), PathBuf::from("."));
        assert!(is_glob(Path::new("docs/*.md")));
        assert!(!is_glob(Path::new("docs/a.md")));
    }

    #[test]
    fn markdown_extensions_match_in_any_case() {
        assert!(is_markdown(Path::new("README.MD")));
        assert!(is_markdown(Path::new("a.Markdown")));
        assert!(!is_markdown(Path::new("a.txt")));
    }
}
