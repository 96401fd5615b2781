//! The changelog for people (terminal, markdown for pull requests) and for tools (JSON).

use serde::Serialize;
use std::fmt::Write as _;

use super::Counts;
use docrules_align::diff::{Changelog, Place, Side};
use docrules_model::diagnostic::{Diagnostic, Level};

/// Name and version of the JSON document `diff --format json` writes.
pub const SCHEMA: &str = "docrules.diff/2";

fn side(s: &Side) -> String {
    let locale = s
        .locale
        .as_ref()
        .map_or_else(String::new, |l| format!("{l} "));
    let date = s.date.map_or_else(String::new, |d| d.to_string());
    format!("{locale}{date}").trim().to_owned()
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn summary(log: &Changelog) -> String {
    let count = |level| log.changes.iter().filter(|c| c.level == level).count();
    match log.changes.len() {
        0 => "no changes".to_owned(),
        n => format!(
            "{n} changes: {} warnings, {} info",
            count(Level::Warning),
            count(Level::Info)
        ),
    }
}

/// Grouped by section; old and new text side by side with their `path:line` (clickable).
pub fn human(logs: &[Changelog]) -> String {
    let mut out = String::new();
    for log in logs {
        let _ = writeln!(
            out,
            "{}: {} → {}  ({})",
            log.article,
            side(&log.old),
            side(&log.new),
            summary(log)
        );
        let _ = writeln!(out, "  --- {}\n  +++ {}", log.old.path, log.new.path);
        let mut section = None;
        for change in &log.changes {
            if section != Some(&change.section) {
                let _ = writeln!(out, "\n  #{}", change.section);
                section = Some(&change.section);
            }
            let _ = writeln!(
                out,
                "    {:<7} {:<24} {}",
                change.level.to_string(),
                change.kind.id(),
                change.message
            );
            if let Some(old) = &change.old {
                let _ = writeln!(out, "      - {}:{}  {}", old.path, old.span.line, old.text);
            }
            if let Some(new) = &change.new {
                let _ = writeln!(out, "      + {}:{}  {}", new.path, new.span.line, new.text);
            }
        }
        out.push('\n');
    }
    out
}

/// A release note to paste into a pull request.
pub fn markdown(logs: &[Changelog]) -> String {
    let mut out = String::new();
    for log in logs {
        let _ = writeln!(
            out,
            "## {}: {} → {}\n",
            log.article,
            side(&log.old),
            side(&log.new)
        );
        if log.changes.is_empty() {
            out.push_str("No changes.\n\n");
            continue;
        }
        let _ = writeln!(out, "{}.", summary(log));
        let mut section = None;
        for change in &log.changes {
            if section != Some(&change.section) {
                let _ = writeln!(out, "\n### `#{}`\n", change.section);
                section = Some(&change.section);
            }
            let lines = |p: &Option<Place>| {
                p.as_ref()
                    .map(|p| format!("{}:{}", file_name(&p.path), p.span.line))
            };
            let place = match (lines(&change.old), lines(&change.new)) {
                (Some(o), Some(n)) => format!(" ({o} → {n})"),
                (Some(o), None) => format!(" ({o})"),
                (None, Some(n)) => format!(" ({n})"),
                (None, None) => String::new(),
            };
            let _ = writeln!(
                out,
                "- **{}** `{}`: {}{place}",
                change.level,
                change.kind.id(),
                escape(&change.message)
            );
        }
        out.push('\n');
    }
    out
}

fn escape(text: &str) -> String {
    text.replace('|', "\\|")
        .replace('*', "\\*")
        .replace('_', "\\_")
}

/// The document `diff --format json` writes.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct JsonDiff<'a> {
    /// [`SCHEMA`].
    pub schema: &'static str,
    /// The corpus root, as printed (relative to the current directory, like every path); `.`
    /// for two loose files.
    pub root: &'a str,
    /// Changes by level, and the input diagnostics by level.
    pub summary: DiffSummary,
    /// One changelog per pair of versions diffed.
    pub diffs: &'a [Changelog],
    /// Problems with the input: files that could not be used (they are in no diff).
    pub diagnostics: &'a [Diagnostic],
}

/// The counts of a diff.
#[derive(Clone, Copy, Debug, Serialize, schemars::JsonSchema)]
pub struct DiffSummary {
    /// Changes of all changelogs by level.
    pub changes: Counts,
    /// Input diagnostics by level.
    pub diagnostics: Counts,
}

/// The changelogs as a pretty-printed JSON document: its `schema` ([`SCHEMA`]), the `root`, a
/// `summary`, the `diffs` and the input `diagnostics`.
pub fn json(logs: &[Changelog], root: &str, diagnostics: &[Diagnostic]) -> String {
    let changes = Counts::of(logs.iter().flat_map(|l| l.changes.iter().map(|c| c.level)));
    super::to_json(&JsonDiff {
        schema: SCHEMA,
        root,
        summary: DiffSummary {
            changes,
            diagnostics: Counts::of_diagnostics(diagnostics),
        },
        diffs: logs,
        diagnostics,
    })
}
