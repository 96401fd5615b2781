//! Findings for people and tools: rustc-style excerpts, versioned JSON, SARIF 2.1.0, GitHub
//! workflow annotations and GitLab Code Quality reports. Shared by `docrules check` and `docrules lint`; `dump`, `facts` and
//! `diff` carry the same input diagnostics and summary counts.
//!
//! Paths are printed as they come: the command line makes every path relative to the current
//! directory before it renders.
#![warn(missing_docs)]

pub mod diff;
pub mod dump;
pub mod facts;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod sarif;
pub mod schema;

use docrules_model::corpus::Corpus;
use docrules_model::diagnostic::{Diagnostic, Level, printable};
use docrules_rules::changed::StaleTranslations;
use docrules_rules::finding::Finding;

/// Finds the text of a file a finding points into, by the finding's path.
pub type Texts<'a> = dyn Fn(&str) -> Option<&'a str> + 'a;

/// The text of a file a finding points into, by its corpus-relative path: a corpus document,
/// or the manifest.
pub fn file_text<'c>(corpus: &'c Corpus, path: &str) -> Option<&'c str> {
    if path == docrules_model::manifest::FILE_NAME {
        return Some(&corpus.manifest.text);
    }
    corpus
        .versions()
        .find(|v| v.path == path)
        .map(|v| v.document.source.text.as_str())
}

/// How many findings and input diagnostics of each level a report holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct Counts {
    /// At level error.
    pub error: usize,
    /// At level warning.
    pub warning: usize,
    /// At level info.
    pub info: usize,
}

impl Counts {
    /// The counts of the input diagnostics `diagnostics`.
    pub fn of_diagnostics(diagnostics: &[Diagnostic]) -> Counts {
        Counts::of(diagnostics.iter().map(|d| d.level))
    }

    /// How many there are at all levels.
    pub fn total(&self) -> usize {
        self.error + self.warning + self.info
    }

    pub(crate) fn of(levels: impl Iterator<Item = Level>) -> Counts {
        let mut counts = Counts::default();
        for level in levels {
            match level {
                Level::Error => counts.error += 1,
                Level::Warning => counts.warning += 1,
                Level::Info => counts.info += 1,
            }
        }
        counts
    }
}

/// The counts of a report: its findings, and the problems with its input (files that could
/// not be read, a broken manifest), which every format carries too.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct Summary {
    /// Findings of checks and lints.
    pub findings: Counts,
    /// Input diagnostics.
    pub diagnostics: Counts,
    /// With `--changed-since REV`: the revision, what was left out, and the changed sources
    /// that leave translations stale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changed_since: Option<ChangedSince>,
}

/// What `--changed-since REV` kept of a report: the findings that rest on a file changed since
/// the revision.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct ChangedSince {
    /// The revision as given (`origin/main`).
    pub rev: String,
    /// The commit it names (full hex id).
    pub commit: String,
    /// Findings left out: none of their places is in a file changed since the revision.
    pub left_out: usize,
    /// Input diagnostics left out: of files not changed since the revision.
    pub diagnostics_left_out: usize,
    /// Each changed source file that translations' findings rest on, by path, with the line
    /// human output shows for it.
    pub stale_translations: Vec<StaleTranslations>,
}

impl ChangedSince {
    /// The lines human output ends with: one per changed source that leaves translations
    /// stale, then what was left out.
    pub fn lines(&self) -> String {
        let mut out = String::new();
        for source in &self.stale_translations {
            out.push_str(&printable(&source.note));
            out.push('\n');
        }
        let left_out = match (self.left_out, self.diagnostics_left_out) {
            (0, 0) => return out,
            (findings, 0) => plural(findings, "finding"),
            (0, input) => plural(input, "input problem"),
            (findings, input) => format!(
                "{} and {}",
                plural(findings, "finding"),
                plural(input, "input problem")
            ),
        };
        out.push_str(&format!(
            "{left_out} left out: in files not changed since {} ({})\n",
            printable(&self.rev),
            self.commit.get(..7).unwrap_or(&self.commit)
        ));
        out
    }
}

impl Summary {
    /// The counts of `findings` and `diagnostics`.
    pub fn of(findings: &[Finding], diagnostics: &[Diagnostic]) -> Summary {
        Summary {
            findings: Counts::of(findings.iter().map(|f| f.level)),
            diagnostics: Counts::of(diagnostics.iter().map(|d| d.level)),
            changed_since: None,
        }
    }
}

/// `3 errors, 2 warnings, 1 info`: findings and input diagnostics together.
pub fn summary(findings: &[Finding], diagnostics: &[Diagnostic]) -> String {
    let counts = Summary::of(findings, diagnostics);
    let (f, d) = (counts.findings, counts.diagnostics);
    let mut line = format!(
        "{}, {}, {} info",
        plural(f.error + d.error, "error"),
        plural(f.warning + d.warning, "warning"),
        f.info + d.info
    );
    let input = d.total();
    if input > 0 {
        line.push_str(&format!(" ({} in the input)", plural(input, "problem")));
    }
    line
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The input diagnostics for standard error, when a command's output has no room for them (the
/// fact list, the changelog): each with its file and line, then a count (`2 problems in the
/// input: 1 error, 1 warning, 0 info`). Empty when there are none.
pub fn input_report(diagnostics: &[Diagnostic]) -> String {
    if diagnostics.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    for diagnostic in diagnostics {
        out.push_str(&format!("{diagnostic}\n\n"));
    }
    out.push_str(&input_line(diagnostics));
    out.push('\n');
    out
}

/// `2 problems in the input: 1 error, 1 warning, 0 info`.
pub fn input_line(diagnostics: &[Diagnostic]) -> String {
    let d = Counts::of_diagnostics(diagnostics);
    format!(
        "{} in the input: {}, {}, {} info",
        plural(d.total(), "problem"),
        plural(d.error, "error"),
        plural(d.warning, "warning"),
        d.info
    )
}

/// A JSON document, pretty-printed; a document that cannot be serialized (it always can) is
/// an error object rather than a panic.
fn to_json<T: serde::Serialize>(doc: &T) -> String {
    serde_json::to_string_pretty(doc)
        .unwrap_or_else(|err| serde_json::json!({ "error": err.to_string() }).to_string())
}
