//! Findings as JSON under a versioned schema name.

use serde::Serialize;

use docrules_model::diagnostic::Diagnostic;
use docrules_rules::finding::Finding;

/// Name and version of the JSON document `check --format json` writes.
pub const SCHEMA: &str = "docrules.findings/2";

#[derive(Serialize)]
struct JsonFindings<'a> {
    schema: &'static str,
    summary: super::Summary,
    findings: &'a [Finding],
    diagnostics: &'a [&'a Diagnostic],
}

/// The findings as a pretty-printed JSON document: its `schema` ([`SCHEMA`]), a `summary` of
/// counts by level, the `findings` and the input `diagnostics` (files that could not be used).
pub fn render(findings: &[Finding], diagnostics: &[&Diagnostic]) -> String {
    let doc = JsonFindings {
        schema: SCHEMA,
        summary: super::Summary::of(findings, diagnostics),
        findings,
        diagnostics,
    };
    serde_json::to_string_pretty(&doc).unwrap_or_else(|err| format!("{{\"error\": \"{err}\"}}"))
}
