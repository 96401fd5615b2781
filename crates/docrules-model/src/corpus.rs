//! A loaded corpus: articles, their versions (one file each: an article in one locale at one
//! date) and the problems with files that could not be used.

use serde::Serialize;
use std::path::PathBuf;

use crate::date::Date;
use crate::diagnostic::{Diagnostic, Level};
use crate::document::Document;
use crate::locale::Locale;
use crate::manifest::Manifest;

#[derive(Debug, Serialize)]
pub struct Corpus {
    #[serde(skip)]
    pub root: PathBuf,
    pub manifest: Manifest,
    /// Sorted by name.
    pub articles: Vec<Article>,
    /// Problems with files that could not be loaded, and with the corpus as a whole.
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Serialize)]
pub struct Article {
    pub name: String,
    /// Oldest first: by `ms.date`, then `ms.lasthandoff`, then path.
    pub versions: Vec<Version>,
}

/// One file: an article in one locale at one date.
#[derive(Debug, Serialize)]
pub struct Version {
    pub article: String,
    pub locale: Locale,
    /// `ms.date`, or the date in the file name when the front matter has none.
    pub date: Option<Date>,
    /// `ms.lasthandoff`: when a translation was last synchronized with its source.
    pub last_handoff: Option<Date>,
    pub path: String,
    pub document: Document,
}

impl Version {
    /// The order of versions within an article: `ms.date`, then `ms.lasthandoff`, then path.
    pub fn order_key(&self) -> (Option<Date>, Option<Date>, &str) {
        (self.date, self.last_handoff, &self.path)
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

    pub fn versions(&self) -> impl Iterator<Item = &Version> {
        self.articles.iter().flat_map(|a| a.versions.iter())
    }

    pub fn max_level(&self) -> Option<Level> {
        self.all_diagnostics().iter().map(|d| d.level).max()
    }
}
