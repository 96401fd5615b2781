//! Which files `docrules lint` reads: the paths given (files, folders, quoted globs), or the
//! newest version of each locale of the corpus. Folders are walked the way ripgrep and ruff walk
//! them (the `ignore` crate): `.gitignore` and `.ignore` files are honoured, hidden files and
//! folders are skipped, `.md`/`.markdown` match in any case, and `--exclude` globs
//! (gitignore syntax, relative to the current directory) leave out files and folders, named or
//! walked.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::paths::Base;
use docrules_model::diagnostic::Diagnostic;
use docrules_parse::file;

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

/// A file to read and the folders a symbolic link in its place may lead into.
struct Named {
    path: PathBuf,
    /// The folder walked, or the folder of a file named (the corpus root is always allowed).
    within: PathBuf,
}

/// Reads the files `source` names, leaving out what `exclude` matches. A file that cannot be
/// read (unreadable, a FIFO or device, larger than the limit, a link out of its folder and of
/// the corpus `rules`) is a diagnostic, and the others are still read.
pub(super) fn read(
    source: Source<'_>,
    exclude: &[String],
    rules: &Path,
    base: &Base,
) -> Result<(Vec<Input>, Vec<Diagnostic>), String> {
    if let Source::Stdin(path) = source {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        let input = Input {
            shown: base.show(path),
            path: path.to_path_buf(),
            bytes,
        };
        return Ok((vec![input], Vec::new()));
    }
    let excluded = Excludes::new(exclude)?;
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut walked = Walked {
        files: &mut files,
        problems: &mut problems,
        base,
    };
    match source {
        Source::Stdin(_) => {}
        Source::Folder(dir) => walked.walk(dir, None, &excluded),
        Source::Files(named) => walked.files.extend(
            named
                .into_iter()
                .filter(|f| !excluded.matches(f, false))
                .map(Named::in_its_folder),
        ),
        Source::Paths(paths) => {
            for path in paths {
                if path.is_dir() {
                    if !excluded.matches(path, true) {
                        walked.walk(path, None, &excluded);
                    }
                } else if !path.exists() && is_glob(path) {
                    let glob = glob(path)?;
                    let before = walked.files.len();
                    walked.walk(&glob_base(path), Some(&glob), &excluded);
                    if walked.files.len() == before {
                        return Err(format!("no markdown file matches `{}`", path.display()));
                    }
                } else if !excluded.matches(path, false) {
                    // A file named is linted whatever its extension or ignore files say.
                    walked.files.push(Named::in_its_folder(path.clone()));
                }
            }
        }
    }
    let mut inputs = Vec::with_capacity(files.len());
    for named in files {
        let shown = base.show(&named.path);
        let bytes = file::check_link(&named.path, &[rules, &named.within])
            .and_then(|()| file::read_regular(&named.path));
        match bytes {
            Ok(bytes) => inputs.push(Input {
                shown,
                path: named.path,
                bytes,
            }),
            Err(refusal) => problems.push(refusal.diagnostic(&shown)),
        }
    }
    Ok((inputs, problems))
}

impl Named {
    /// A file named on the command line: a link may lead anywhere in the folder holding it.
    fn in_its_folder(path: PathBuf) -> Named {
        let within = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        Named { path, within }
    }
}

/// Whether a file name is markdown: `.md` or `.markdown`, in any case (`README.MD`).
fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| x.eq_ignore_ascii_case("md") || x.eq_ignore_ascii_case("markdown"))
}

/// What walking found: files to read, and the walk's own problems (a folder that cannot be
/// listed is said, and the rest is still walked).
struct Walked<'a> {
    files: &'a mut Vec<Named>,
    problems: &'a mut Vec<Diagnostic>,
    base: &'a Base,
}

impl Walked<'_> {
    /// Appends the markdown files under `root` (those `glob` matches, when given), sorted by
    /// path. Symbolic links and FIFOs are kept too: reading says what they are.
    fn walk(&mut self, root: &Path, glob: Option<&globset::GlobMatcher>, excluded: &Excludes) {
        let filter = excluded.clone();
        let walker = ignore::WalkBuilder::new(root)
            // A docs folder is often linted outside a git checkout; its .gitignore still says
            // what is not documentation.
            .require_git(false)
            .sort_by_file_name(|a, b| a.cmp(b))
            .filter_entry(move |entry| {
                let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
                !filter.matches(entry.path(), is_dir)
            })
            .build();
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    let shown = walk_error_path(&e)
                        .map_or_else(|| self.base.show(root), |p| self.base.show(p));
                    let message = format!("cannot read: {e}");
                    self.problems
                        .push(Diagnostic::error("unreadable-file", &shown, message));
                    continue;
                }
            };
            let path = entry.path();
            if entry.file_type().is_some_and(|t| !t.is_dir())
                && is_markdown(path)
                && glob.is_none_or(|g| g.is_match(strip_dot(path)))
                && !(entry.path_is_symlink() && path.is_dir())
            {
                self.files.push(Named {
                    path: path.to_path_buf(),
                    within: root.to_path_buf(),
                });
            }
        }
    }
}

/// The path an `ignore` error is about, when it names one.
fn walk_error_path(err: &ignore::Error) -> Option<&Path> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child),
        _ => None,
    }
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
