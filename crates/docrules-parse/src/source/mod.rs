//! Where a corpus's files are: the layout (a preset named in `docrules.toml`, `[[source]]`
//! tables, or one detected), walked into one list of files, each with its article, locale and
//! path.
//!
//! The article of a file is its path below its glob's fixed folders, without extension and
//! locale (`docs/guide/intro.md` and
//! `i18n/fr/docusaurus-plugin-content-docs/current/guide/intro.md` are both `guide/intro`),
//! so the translations of one page are one article. In the `files` layout a file is one
//! version, named by its date; in every other layout each file is the one version of its
//! article in its locale (`[versions] from = "worktree"`).

mod pattern;
mod place;
mod preset;
mod walk;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use docrules_model::date::Date;
use docrules_model::diagnostic::Diagnostic;
use docrules_model::locale::Locale;
use docrules_model::manifest::{self, Layout, Manifest, VersionsFrom};
use docrules_model::span::LineIndex;

pub use pattern::{Matched, Pattern};
pub use place::Folder;

/// One file of a corpus, placed by the layout.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The article it is a version of.
    pub article: String,
    /// Its locale.
    pub locale: Locale,
    /// On disk.
    pub path: PathBuf,
    /// Relative to the corpus root (the folder of `docrules.toml`), `/`-separated; starts
    /// with `../` for a source beside the corpus root.
    pub rel: String,
    /// The locale as its path writes it (`ja-jp`), for messages.
    pub locale_written: String,
    /// The date its file name gives (the `files` layout only).
    pub file_date: Option<Date>,
}

/// The files of a corpus and how they were found.
#[derive(Debug)]
pub struct Walked {
    /// The layout read.
    pub layout: Layout,
    /// Whether it was detected (no layout in `docrules.toml`).
    pub detected: bool,
    /// What a version is.
    pub versions: VersionsFrom,
    /// Every file, in walk order.
    pub files: Vec<SourceFile>,
    /// The locale of the layout's untranslated tree (Docusaurus's `docs/`, the first
    /// `[[source]]` with a `locale`), the source locale when `docrules.toml` names none.
    pub source_locale: Option<Locale>,
    /// Files outside the layout, folders that cannot be read, sources that do not exist.
    pub diagnostics: Vec<Diagnostic>,
    /// The trees read (none for `files`), to place files found elsewhere (git history).
    trees: Vec<Tree>,
}

/// A source ready to read: its folder, its locale if fixed, its compiled globs.
#[derive(Debug)]
struct Tree {
    /// The folder relative to the corpus root as printed (`""` for the root itself).
    shown: String,
    dir: PathBuf,
    locale: Option<Locale>,
    include: Vec<Pattern>,
    exclude: Vec<Pattern>,
}

/// Finds the files of the corpus at `root` with its `manifest`.
///
/// ```
/// use docrules_model::manifest::{Layout, Manifest};
/// use docrules_parse::source::walk;
///
/// let root = std::env::temp_dir().join(format!("docrules-walk-doc-{}", std::process::id()));
/// for (path, text) in [
///     ("docs/intro.md", "# Intro\n"),
///     ("i18n/fr/docusaurus-plugin-content-docs/current/intro.md", "# Intro\n"),
///     ("docusaurus.config.js", "export default {};\n"),
/// ] {
///     let path = root.join(path);
///     std::fs::create_dir_all(path.parent().unwrap())?;
///     std::fs::write(path, text)?;
/// }
/// let walked = walk(&root, &Manifest::default());
/// std::fs::remove_dir_all(&root)?;
///
/// assert_eq!((walked.layout, walked.detected), (Layout::Docusaurus, true));
/// let placed: Vec<(&str, &str)> =
///     walked.files.iter().map(|f| (f.article.as_str(), f.locale.as_str())).collect();
/// assert_eq!(placed, [("intro", "en"), ("intro", "fr")]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn walk(root: &Path, manifest: &Manifest) -> Walked {
    let mut diagnostics = Vec::new();
    let named = manifest.layout();
    // The root is walked whole when the layout must be detected or is `files`; the walk is
    // then reused by the preset's trees that are the root itself.
    let mut root_walk = None;
    let layout = match named {
        Some(layout) => layout,
        None => {
            let found = walk_dir(root, root, Arc::from(Vec::new()), &mut diagnostics);
            let layout = preset::detect(root, &found);
            root_walk = Some(found);
            layout
        }
    };
    let versions = manifest.versions.from.unwrap_or(match layout {
        Layout::Files => VersionsFrom::Files,
        _ => VersionsFrom::Worktree,
    });
    let mut source_locale = None;
    let mut trees = Vec::new();
    let files = if layout == Layout::Files {
        let found = root_walk
            .unwrap_or_else(|| walk_dir(root, root, Arc::from(Vec::new()), &mut diagnostics));
        files_layout(found, &mut diagnostics)
    } else {
        let specs = match layout {
            Layout::Sources => manifest_specs(manifest),
            preset_layout => preset::specs(preset_layout, manifest.source_locale().as_ref(), root),
        };
        source_locale = specs.iter().find_map(|s| s.locale.clone());
        trees = expand(root, &specs, manifest, &mut diagnostics);
        claim(root, &trees, root_walk, &mut diagnostics)
    };
    Walked {
        layout,
        detected: named.is_none(),
        versions,
        files,
        source_locale,
        diagnostics,
        trees,
    }
}

/// Walks `dir`, turning walk errors into diagnostics with `root`-relative paths.
fn walk_dir(
    root: &Path,
    dir: &Path,
    include: Arc<[Pattern]>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<walk::Found> {
    // Links may lead anywhere inside the corpus; a tree outside it (`../azure-docs.ja-jp`)
    // keeps its links inside itself.
    let within = if dir.starts_with(root) { root } else { dir };
    let (found, errors) = walk::markdown_files(dir, within, include);
    for error in errors {
        let path = error
            .path
            .map_or_else(String::new, |p| walk::slash_path(root, &p));
        diagnostics.push(Diagnostic::error(error.code, &path, error.message));
    }
    found
}

/// Today's layout: `<article>/<locale>/<version>.md`, the version named by its date.
fn files_layout(found: Vec<walk::Found>, diagnostics: &mut Vec<Diagnostic>) -> Vec<SourceFile> {
    let mut files = Vec::with_capacity(found.len());
    for file in found {
        let ext = file.path.extension().and_then(|e| e.to_str());
        if ext.is_some_and(|e| e.eq_ignore_ascii_case("mdx")) {
            continue;
        }
        let parts: Vec<&str> = file.rel.split('/').collect();
        let [article, locale, _] = parts.as_slice() else {
            let message = "file is not at <article>/<locale>/<version>.md; file skipped".to_owned();
            diagnostics.push(outside_layout(&file.rel, message));
            continue;
        };
        let Some(parsed) = Locale::parse(locale) else {
            let message =
                format!("folder `{locale}` is not a locale tag (such as `ja-jp`); file skipped");
            diagnostics.push(outside_layout(&file.rel, message));
            continue;
        };
        let file_date = file
            .path
            .file_stem()
            .and_then(|s| s.to_str())
            .and_then(Date::parse);
        files.push(SourceFile {
            article: (*article).to_owned(),
            locale: parsed,
            locale_written: (*locale).to_owned(),
            rel: file.rel,
            path: file.path,
            file_date,
        });
    }
    files
}

fn outside_layout(rel: &str, message: String) -> Diagnostic {
    Diagnostic::warning("outside-layout", rel, message)
        .with_help("corpus files live at <article>/<locale>/<YYYY-MM-DD>.md")
}

/// The `[[source]]` tables as specifications (their locales and globs were checked when the
/// manifest was parsed; a glob that does not compile is reported by [`expand`]).
fn manifest_specs(manifest: &Manifest) -> Vec<preset::Spec> {
    manifest
        .sources
        .iter()
        .map(|s| {
            let s = s.get_ref();
            preset::Spec {
                root: s.root.clone(),
                locale: s.locale.as_deref().and_then(Locale::parse),
                include: s.include.clone(),
                exclude: s.exclude.clone(),
            }
        })
        .collect()
}

/// Compiles the globs of every specification and expands `{locale}` in its root into one tree
/// per locale folder that exists.
fn expand(
    root: &Path,
    specs: &[preset::Spec],
    manifest: &Manifest,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Tree> {
    let mut trees = Vec::new();
    for (i, spec) in specs.iter().enumerate() {
        // Problems with a `[[source]]` point at its table.
        let problem = |message: String| {
            let d = Diagnostic::error("manifest", manifest::FILE_NAME, message);
            match manifest.sources.get(i) {
                Some(table) if manifest.layout() == Some(Layout::Sources) => {
                    let text = &manifest.text;
                    d.at(LineIndex::new(text).span(text, table.span()))
                }
                _ => d,
            }
        };
        let compile = |globs: &[String]| -> Result<Vec<Pattern>, String> {
            globs.iter().map(|g| Pattern::new(g)).collect()
        };
        let (include, exclude) = match (compile(&spec.include), compile(&spec.exclude)) {
            (Ok(include), Ok(exclude)) => (include, exclude),
            (Err(e), _) | (_, Err(e)) => {
                diagnostics.push(problem(format!("source `{}`: {e}", spec.root)));
                continue;
            }
        };
        let folders = match locale_folders(root, &spec.root) {
            Ok(folders) => folders,
            Err(message) => {
                diagnostics.push(problem(message));
                continue;
            }
        };
        if folders.is_empty() {
            diagnostics.push(
                Diagnostic::warning(
                    "missing-source",
                    manifest::FILE_NAME,
                    format!("no folder matches source root `{}`", spec.root),
                )
                .with_help("the root is relative to docrules.toml"),
            );
        }
        for (shown, locale) in folders {
            let dir = if shown.is_empty() {
                root.to_path_buf()
            } else {
                root.join(&shown)
            };
            trees.push(Tree {
                shown,
                dir,
                locale: spec.locale.clone().or(locale),
                include: include.clone(),
                exclude: exclude.clone(),
            });
        }
    }
    trees
}

/// The folders `root_spec` names (`""` for the corpus root), each with the locale its
/// `{locale}` segment matched. A root without `{locale}` must exist.
fn locale_folders(root: &Path, root_spec: &str) -> Result<Vec<(String, Option<Locale>)>, String> {
    let cleaned = clean(root_spec);
    let Some((before, after)) = cleaned.split_once("{locale}") else {
        if !root.join(&cleaned).is_dir() {
            return Err(format!(
                "source root `{root_spec}` is not a folder (it is relative to docrules.toml)"
            ));
        }
        return Ok(vec![(cleaned, None)]);
    };
    // `../azure-docs.{locale}/x`: list `..`, keep `azure-docs.<locale>`, append `/x`.
    let parent_end = before.rfind('/').map_or(0, |i| i + 1);
    let (parent, name_before) = before.split_at(parent_end);
    let (name_after, below) = match after.find('/') {
        Some(i) => after.split_at(i),
        None => (after, ""),
    };
    let listing = root.join(if parent.is_empty() { "." } else { parent });
    let entries = std::fs::read_dir(&listing).map_err(|e| {
        format!(
            "cannot list `{}` for source root `{root_spec}`: {e}",
            parent
        )
    })?;
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(locale) = name
            .strip_prefix(name_before)
            .and_then(|n| n.strip_suffix(name_after))
            .and_then(pattern::locale_tag)
        else {
            continue;
        };
        let shown = format!("{parent}{name}{below}");
        if root.join(&shown).is_dir() {
            out.push((shown, Some(locale)));
        }
    }
    out.sort();
    Ok(out)
}

/// A root as written, without `./` and trailing `/` (`""` for `.`).
fn clean(root: &str) -> String {
    let parts: Vec<&str> = root
        .split(['/', '\\'])
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    parts.join("/")
}

/// Walks each tree's folder once and gives each file to the first tree that claims it; a
/// second file of one article in one locale is reported and skipped.
fn claim(
    root: &Path,
    trees: &[Tree],
    mut root_walk: Option<Vec<walk::Found>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<SourceFile> {
    // Trees grouped by folder, in order of first appearance.
    let mut folders: Vec<&str> = Vec::new();
    for tree in trees {
        if !folders.contains(&tree.shown.as_str()) {
            folders.push(&tree.shown);
        }
    }
    let mut files = Vec::new();
    let mut seen: HashSet<(String, Locale)> = HashSet::new();
    let mut first_of: BTreeMap<(String, Locale), String> = BTreeMap::new();
    for folder in folders {
        let group: Vec<&Tree> = trees.iter().filter(|t| t.shown == folder).collect();
        let found = match (folder.is_empty(), root_walk.take()) {
            (true, Some(found)) => found,
            (_, unused) => {
                root_walk = unused;
                let include: Vec<Pattern> = group
                    .iter()
                    .flat_map(|t| t.include.iter().cloned())
                    .collect();
                walk_dir(root, &group[0].dir, Arc::from(include), diagnostics)
            }
        };
        for file in found {
            let Some((matched, tree)) = group.iter().find_map(|tree| {
                if tree.exclude.iter().any(|p| p.is_match(&file.rel)) {
                    return None;
                }
                let matched = tree.include.iter().find_map(|p| p.matched(&file.rel))?;
                Some((matched, *tree))
            }) else {
                continue;
            };
            let Some(locale) = tree.locale.clone().or(matched.locale) else {
                continue;
            };
            let rel = if folder.is_empty() {
                file.rel
            } else {
                format!("{folder}/{}", file.rel)
            };
            let key = (matched.article.clone(), locale.clone());
            if !seen.insert(key.clone()) {
                let first = first_of.get(&key).cloned().unwrap_or_default();
                diagnostics.push(
                    Diagnostic::warning(
                        "duplicate-article",
                        &rel,
                        format!(
                            "`{first}` is already article `{}` in {locale}; file skipped",
                            key.0
                        ),
                    )
                    .with_help(
                        "keep one file per article and locale, or exclude one in docrules.toml",
                    ),
                );
                continue;
            }
            first_of.insert(key, rel.clone());
            files.push(SourceFile {
                article: matched.article,
                locale_written: locale.to_string().to_ascii_lowercase(),
                locale,
                path: file.path,
                rel,
                file_date: None,
            });
        }
    }
    files
}
