//! GitLab Code Quality reports: the JSON array of issues a job publishes as
//! `artifacts: reports: codequality:`, shown in merge requests (the subset of the Code Climate
//! format GitLab reads: `description`, `check_name`, `fingerprint`, `severity`,
//! `location.path`, `location.lines.begin`).
//!
//! A fingerprint identifies an issue across pipelines, so it leaves the line out (an edit above
//! a finding must not make it new): it hashes the code, the path and the message, with the rank
//! of the finding among equal ones of its file so that every fingerprint of a report is unique.

use docrules_model::diagnostic::{Diagnostic, Level};
use docrules_rules::finding::Finding;
use serde::Serialize;
use std::collections::HashMap;

/// One Code Quality issue.
#[derive(Debug, Serialize)]
struct Issue {
    description: String,
    check_name: String,
    fingerprint: String,
    severity: &'static str,
    location: IssueLocation,
}

#[derive(Debug, Serialize)]
struct IssueLocation {
    path: String,
    lines: Lines,
}

#[derive(Debug, Serialize)]
struct Lines {
    begin: u32,
}

/// GitLab's scale is info, minor, major, critical, blocker; errors rank above warnings.
fn severity(level: Level) -> &'static str {
    match level {
        Level::Error => "major",
        Level::Warning => "minor",
        Level::Info => "info",
    }
}

/// SHA-256 of the parts and the rank, each ended by a NUL, as 32 hex digits.
fn fingerprint(parts: &[&str], rank: usize) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for part in parts.iter().copied().chain([rank.to_string().as_str()]) {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    hasher.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The Code Quality report of `findings` and the input problems `diagnostics` (a problem with
/// no line is put on line 1), pretty-printed.
///
/// ```
/// use docrules_model::span::Span;
/// use docrules_rules::finding::{Finding, Location};
/// use docrules_rules::registry::RuleId;
///
/// let rule = RuleId::find("stale-fact").unwrap();
/// let primary = Location {
///     path: "backup/zh-tw/2019-05-21.md".into(),
///     span: Span { start: 0, end: 8, line: 54, column: 3 },
///     label: "48 h".into(),
///     commit: None,
/// };
/// let finding = Finding::new(rule, "backup", "zh-TW", "`超過 48 小時` (48 h)".into(), primary);
/// let out = docrules_render::gitlab::render(&[finding], &[]);
/// let issues: serde_json::Value = serde_json::from_str(&out).unwrap();
/// assert_eq!(issues[0]["check_name"], "DR101 stale-fact");
/// assert_eq!(issues[0]["severity"], "major");
/// assert_eq!(issues[0]["location"]["lines"]["begin"], 54);
/// ```
pub fn render(findings: &[Finding], diagnostics: &[Diagnostic]) -> String {
    let mut seen: HashMap<(String, String, String), usize> = HashMap::new();
    let mut issue = |check_name: String, level: Level, message: String, path: &str, line: u32| {
        let key = (check_name.clone(), path.to_owned(), message.clone());
        let rank = seen.entry(key).or_default();
        let fingerprint = fingerprint(&[&check_name, path, &message], *rank);
        *rank += 1;
        Issue {
            description: message,
            check_name,
            fingerprint,
            severity: severity(level),
            location: IssueLocation {
                path: path.to_owned(),
                lines: Lines { begin: line.max(1) },
            },
        }
    };
    let mut issues = Vec::new();
    for d in diagnostics {
        let line = d.span.map_or(1, |s| s.line);
        issues.push(issue(
            d.code.to_owned(),
            d.level,
            d.message.clone(),
            &d.path,
            line,
        ));
    }
    for f in findings {
        let mut message = f.message.clone();
        if let Some(help) = &f.help {
            message.push_str(&format!(" (help: {help})"));
        }
        issues.push(issue(
            format!("{} {}", f.code, f.name),
            f.level,
            message,
            &f.primary.path,
            f.primary.span.line,
        ));
    }
    serde_json::to_string_pretty(&issues).unwrap_or_else(|_| "[]".to_owned())
}

#[cfg(test)]
mod tests {
    #[test]
    fn fingerprints_are_stable_and_distinguish_rank() {
        let a = super::fingerprint(&["DR101", "x.md", "m"], 0);
        assert_eq!(a, super::fingerprint(&["DR101", "x.md", "m"], 0));
        assert_ne!(a, super::fingerprint(&["DR101", "x.md", "m"], 1));
        // Parts are separated: moving a byte from one to the next changes it.
        assert_ne!(
            super::fingerprint(&["ab", "c"], 0),
            super::fingerprint(&["a", "bc"], 0)
        );
        assert_eq!(a.len(), 32);
    }
}
