//! Findings as JSON under a versioned schema name.

use serde::Serialize;

use docrules_rules::finding::Finding;

/// Name and version of the JSON document `check --format json` writes.
pub const SCHEMA: &str = "docrules.findings/1";

#[derive(Serialize)]
struct JsonFindings<'a> {
    schema: &'static str,
    summary: String,
    findings: &'a [Finding],
}

/// The findings as a pretty-printed JSON document: its `schema` ([`SCHEMA`]), a `summary` line
/// and the `findings`.
pub fn render(findings: &[Finding]) -> String {
    let doc = JsonFindings {
        schema: SCHEMA,
        summary: super::summary(findings),
        findings,
    };
    serde_json::to_string_pretty(&doc).unwrap_or_else(|err| format!("{{\"error\": \"{err}\"}}"))
}
