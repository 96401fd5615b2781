//! The built-in layouts as source specifications, and how a layout is detected when
//! `docrules.toml` names none.

use std::path::Path;

use super::pattern::locale_tag;
use super::walk::Found;
use docrules_model::date::Date;
use docrules_model::locale::Locale;
use docrules_model::manifest::Layout;

/// One source before its `{locale}` root is expanded and its globs compiled: a `[[source]]`
/// table, or one tree of a preset.
#[derive(Clone, Debug)]
pub(crate) struct Spec {
    /// The folder, relative to `docrules.toml`; may hold `{locale}` in one segment.
    pub root: String,
    /// The locale of every file, when the source has one.
    pub locale: Option<Locale>,
    /// Globs of the files to read, relative to `root`; the first source whose glob matches
    /// (and no exclude does) claims a file.
    pub include: Vec<String>,
    /// Globs of files not to read.
    pub exclude: Vec<String>,
}

/// The sources of a preset. `source_locale` is `[corpus] source_locale`: the locale of the
/// trees that carry none in their paths (Docusaurus's `docs/`, MkDocs's suffixless files,
/// Learn's own repository); `root` names the sibling repositories of `learn-repos`.
pub(crate) fn specs(layout: Layout, source_locale: Option<&Locale>, root: &Path) -> Vec<Spec> {
    let default = |fallback: &str| source_locale.cloned().or_else(|| Locale::parse(fallback));
    let spec = |root: &str, locale: Option<Locale>, include: &[&str], exclude: &[&str]| Spec {
        root: root.to_owned(),
        locale,
        include: include.iter().map(|s| (*s).to_owned()).collect(),
        exclude: exclude.iter().map(|s| (*s).to_owned()).collect(),
    };
    match layout {
        // Read by its own classifier (`<article>/<locale>/<file>`), not by globs.
        Layout::Files | Layout::Sources => Vec::new(),
        Layout::LocaleFolders => vec![spec(".", None, &["docs/{locale}/**/*.md"], &[])],
        Layout::Hugo => vec![spec(".", None, &["content/{locale}/**/*.md"], &[])],
        Layout::Docusaurus => vec![
            spec(".", default("en"), &["docs/**/*.{md,mdx}"], &[]),
            spec(
                ".",
                None,
                &["i18n/{locale}/docusaurus-plugin-content-docs/current/**/*.{md,mdx}"],
                &[],
            ),
        ],
        // The suffixed files first: the first source that matches a file claims it.
        Layout::MkdocsI18n => vec![
            spec(".", None, &["docs/**/*.{locale}.md"], &[]),
            spec(".", default("en"), &["docs/**/*.md"], &[]),
        ],
        Layout::LearnRepos => {
            let name = std::fs::canonicalize(root)
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_default();
            let articles: &[&str] = &["articles/**/*.md"];
            let includes: &[&str] = &["**/includes/**"];
            let mut out = vec![spec(".", default("en-us"), articles, includes)];
            if !name.is_empty() && !name.contains(['{', '}']) {
                out.push(spec(
                    &format!("../{name}.{{locale}}"),
                    None,
                    articles,
                    includes,
                ));
            }
            out
        }
    }
}

/// Whether a file is where a layout puts its files.
type Fits<'a> = dyn Fn(&Found) -> bool + 'a;

/// The layout of a corpus whose `docrules.toml` names none, from the markdown files under its
/// root (`files`, relative to it). Today's `<article>/<locale>/<YYYY-MM-DD>.md` wins whenever
/// one file has that shape; then the first preset one of whose files is in its place.
pub(crate) fn detect(root: &Path, files: &[Found]) -> Layout {
    let segments = |f: &'_ Found| f.rel.split('/').map(str::to_owned).collect::<Vec<_>>();
    let dated = |f: &Found| {
        let s = segments(f);
        s.len() == 3
            && Locale::parse(&s[1]).is_some()
            && Path::new(&s[2])
                .file_stem()
                .and_then(|x| x.to_str())
                .and_then(Date::parse)
                .is_some()
    };
    if files.iter().any(dated) {
        return Layout::Files;
    }
    let docusaurus_config = ["js", "ts", "mjs", "cjs"]
        .iter()
        .any(|ext| root.join(format!("docusaurus.config.{ext}")).is_file());
    let under_locale = |f: &Found, top: &str| {
        let s = segments(f);
        s.len() >= 3 && s[0] == top && locale_tag(&s[1]).is_some()
    };
    let checks: [(Layout, &Fits); 5] = [
        (Layout::Docusaurus, &|f| {
            (docusaurus_config && f.rel.starts_with("docs/"))
                || (f.rel.starts_with("i18n/")
                    && f.rel.contains("/docusaurus-plugin-content-docs/current/"))
        }),
        (Layout::Hugo, &|f| under_locale(f, "content")),
        (Layout::MkdocsI18n, &|f| {
            f.rel.starts_with("docs/")
                && Path::new(&f.rel)
                    .file_stem()
                    .and_then(|s| Path::new(s).extension())
                    .and_then(|e| e.to_str())
                    .and_then(locale_tag)
                    .is_some()
        }),
        (Layout::LocaleFolders, &|f| under_locale(f, "docs")),
        (Layout::LearnRepos, &|f| f.rel.starts_with("articles/")),
    ];
    checks
        .iter()
        .find(|(_, fits)| files.iter().any(fits))
        .map_or(Layout::Files, |(layout, _)| *layout)
}
