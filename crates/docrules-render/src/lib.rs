//! Findings for people and tools: rustc-style excerpts, versioned JSON, SARIF 2.1.0 and GitHub
//! workflow annotations. Shared by `docrules check` (and, later, `docrules lint`).
#![warn(missing_docs)]

pub mod diff;
pub mod dump;
pub mod facts;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use docrules_model::corpus::Corpus;
use docrules_model::diagnostic::Level;
use docrules_rules::finding::Finding;

/// Finds the text of a file a finding points into, by the finding's path.
pub type Texts<'a> = dyn Fn(&str) -> Option<&'a str> + 'a;

/// The text of a file a finding points into: a corpus document, or the manifest.
pub fn file_text<'c>(corpus: &'c Corpus, path: &str) -> Option<&'c str> {
    if path == docrules_model::manifest::FILE_NAME {
        return Some(&corpus.manifest.text);
    }
    corpus
        .versions()
        .find(|v| v.path == path)
        .map(|v| v.document.source.text.as_str())
}

/// `3 errors, 2 warnings, 1 info`.
pub fn summary(findings: &[Finding]) -> String {
    let count = |level| findings.iter().filter(|f| f.level == level).count();
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    format!(
        "{}, {}, {} info",
        plural(count(Level::Error), "error"),
        plural(count(Level::Warning), "warning"),
        count(Level::Info)
    )
}
