//! Findings as JSON under a versioned schema name.

use serde::Serialize;

use docrules_model::diagnostic::Diagnostic;
use docrules_rules::finding::Finding;

/// Name and version of the JSON document `check --format json` and `lint --format json` write.
pub const SCHEMA: &str = "docrules.findings/2";

/// The document `check --format json` and `lint --format json` write.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct JsonFindings<'a> {
    /// [`SCHEMA`].
    pub schema: &'static str,
    /// The corpus root the paths were resolved against, as printed (relative to the current
    /// directory, like every path of the document).
    pub root: &'a str,
    /// Counts by level of the findings and of the input diagnostics.
    pub summary: super::Summary,
    /// What the checks or lints found.
    pub findings: &'a [Finding],
    /// Problems with the input: files that could not be used, a broken `docrules.toml`.
    pub diagnostics: &'a [Diagnostic],
}

/// The findings as a pretty-printed JSON document: its `schema` ([`SCHEMA`]), the `root`, a
/// `summary` of counts by level (and what `--changed-since` kept, when `changed`), the
/// `findings` and the input `diagnostics`.
pub fn render(
    root: &str,
    findings: &[Finding],
    diagnostics: &[Diagnostic],
    changed: Option<&super::ChangedSince>,
) -> String {
    let summary = super::Summary {
        changed_since: changed.cloned(),
        ..super::Summary::of(findings, diagnostics)
    };
    let doc = JsonFindings {
        schema: SCHEMA,
        root,
        summary,
        findings,
        diagnostics,
    };
    super::to_json(&doc)
}
