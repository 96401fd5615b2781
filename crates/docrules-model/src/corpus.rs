//! A loaded corpus: articles, their versions (one file each: an article in one locale at one
//! date) and the problems with files that could not be used.

use serde::Serialize;
use std::path::PathBuf;

use crate::date::Date;
use crate::diagnostic::{Diagnostic, Level};
use crate::document::Document;
use crate::locale::Locale;
use crate::manifest::Manifest;

/// A loaded corpus: its manifest, its articles and the problems found while loading.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Corpus {
    /// The folder the corpus was loaded from.
    #[serde(skip)]
    pub root: PathBuf,
    /// The corpus's `docrules.toml`, or the defaults when it has none (or a broken one).
    pub manifest: Manifest,
    /// Sorted by name.
    pub articles: Vec<Article>,
    /// Problems with files that could not be loaded, and with the corpus as a whole.
    pub diagnostics: Vec<Diagnostic>,
    /// How the files were found.
    #[serde(skip)]
    pub layout: LayoutInfo,
}

/// How a corpus's files were found: its layout, and what the layout says about it.
#[derive(Clone, Debug, Default)]
pub struct LayoutInfo {
    /// The layout read (`files` for today's `<article>/<locale>/<YYYY-MM-DD>.md`).
    pub layout: Option<crate::manifest::Layout>,
    /// Whether the layout was detected, `docrules.toml` naming none.
    pub detected: bool,
    /// The locale of the layout's untranslated tree (Docusaurus's `docs/`, MkDocs's files
    /// without a locale suffix, the first `[[source]]` with a `locale`): the source locale when
    /// `docrules.toml` names none.
    pub source_locale: Option<Locale>,
}

/// One article: all its files, across locales and dates.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Article {
    /// The article's folder name.
    pub name: String,
    /// Oldest first: by `ms.date`, then `ms.lasthandoff`, then path.
    pub versions: Vec<Version>,
}

/// One file: an article in one locale at one date.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Version {
    /// The name of the article the file belongs to (its top-level folder).
    pub article: String,
    /// The locale of the file's folder.
    pub locale: Locale,
    /// `ms.date`, or the date in the file name when the front matter has none.
    pub date: Option<Date>,
    /// `ms.lasthandoff`: when a translation was last synchronized with its source.
    pub last_handoff: Option<Date>,
    /// The file's path relative to the corpus root, `/`-separated; a revision from git
    /// history that is not the working tree's file is `<path>@<short commit>`.
    pub path: String,
    /// The commit this revision was read from (`[versions] from = "git"`; full hex id); `None`
    /// for a file read from disk (uncommitted edits, or a corpus not read from history).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
    /// Position in its file's history, oldest first (0 outside git history): orders revisions
    /// whose dates tie.
    #[serde(skip)]
    pub sequence: u32,
    /// The parsed file.
    pub document: Document,
}

impl Version {
    /// The order of versions within an article: `ms.date`, then `ms.lasthandoff`, then the
    /// position in git history, then path.
    pub fn order_key(&self) -> (Option<Date>, Option<Date>, u32, &str) {
        (self.date, self.last_handoff, self.sequence, &self.path)
    }
}

impl Corpus {
    /// Every diagnostic of the corpus and its documents, sorted by file and position.
    pub fn all_diagnostics(&self) -> Vec<&Diagnostic> {
        let mut all: Vec<&Diagnostic> = self
            .diagnostics
            .iter()
            .chain(self.versions().flat_map(|v| v.document.diagnostics.iter()))
            .collect();
        all.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        all
    }

    /// Every version of every article: articles by name, each article's versions oldest first.
    pub fn versions(&self) -> impl Iterator<Item = &Version> {
        self.articles.iter().flat_map(|a| a.versions.iter())
    }

    /// The level of the most serious diagnostic, or `None` when there is none.
    pub fn max_level(&self) -> Option<Level> {
        self.all_diagnostics().iter().map(|d| d.level).max()
    }
}
