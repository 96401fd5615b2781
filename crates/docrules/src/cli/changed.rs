//! `--changed-since REV` of `check` and `lint`: the revision resolved in the corpus's git
//! repository, and a report cut down to the findings that rest on a file changed since it.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use docrules_model::diagnostic::{Diagnostic, printable};
use docrules_parse::history::ChangedSince;
use docrules_render as render;
use docrules_rules::changed::ChangeScope;
use docrules_rules::finding::{Finding, Location};

/// A revision a report is cut to.
pub(super) struct Since {
    rev: String,
    changes: ChangedSince,
}

impl Since {
    /// Resolves `rev` in the git repository holding `dir`, or says why it cannot on `err`
    /// (the caller exits with [`super::EXIT_USAGE`]).
    pub(super) fn open(dir: &Path, rev: &str, err: &mut dyn Write) -> Option<Since> {
        match ChangedSince::open(dir, rev) {
            Ok(changes) => Some(Since {
                rev: rev.to_owned(),
                changes,
            }),
            Err(e) => {
                let _ = writeln!(
                    err,
                    "error: --changed-since {}: {}",
                    printable(rev),
                    printable(&e.to_string())
                );
                None
            }
        }
    }

    /// Whether a place is in a file changed since the revision: the file on disk differs from
    /// the revision's, or, for a revision read from git history (`x.md@1a2b3c4`, no file of
    /// that name), its commit was made since. Paths are as printed (relative to the current
    /// directory).
    fn changed(&mut self, path: &str, commit: Option<&str>) -> bool {
        let file = Path::new(path);
        if file.is_file() {
            self.changes.file_changed(file)
        } else {
            commit.is_some_and(|c| self.changes.commit_is_since(c))
        }
    }

    /// Keeps the findings (in batches: a lint's are per file) and input diagnostics of the
    /// change, every path already printed. `commits` gives the commit of each revision of
    /// history by its printed path (diagnostics do not carry it). A diagnostic of no file (a
    /// folder, the corpus) is kept.
    pub(super) fn keep<'f>(
        &mut self,
        batches: impl IntoIterator<Item = &'f mut Vec<Finding>>,
        diagnostics: &mut Vec<Diagnostic>,
        commits: &HashMap<String, String>,
    ) -> render::ChangedSince {
        let mut scope =
            ChangeScope::new(|place: &Location| self.changed(&place.path, place.commit.as_deref()));
        for batch in batches {
            scope.retain(batch);
        }
        let (left_out, stale) = scope.finish();
        let before = diagnostics.len();
        diagnostics.retain(|d| {
            let commit = commits.get(&d.path).map(String::as_str);
            let of_a_file = Path::new(&d.path).is_file() || commit.is_some();
            !of_a_file || self.changed(&d.path, commit)
        });
        render::ChangedSince {
            rev: self.rev.clone(),
            commit: self.changes.commit(),
            left_out,
            diagnostics_left_out: before - diagnostics.len(),
            stale_translations: stale,
        }
    }
}
