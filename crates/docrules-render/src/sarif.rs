//! SARIF 2.1.0, with rule metadata from the checks' documentation, for code scanning.

use serde_json::{Value, json};

use super::Texts;
use docrules_model::diagnostic::{Diagnostic, Level};
use docrules_model::span::{LineIndex, Span};
use docrules_rules::finding::Finding;
use docrules_rules::registry::{Kind, RuleId};

/// `root/rel` with `/` separators (SARIF URIs).
pub fn join(root: &str, rel: &str) -> String {
    let root = root.replace('\\', "/");
    let root = root.trim_end_matches('/');
    if root.is_empty() || root == "." {
        rel.to_owned()
    } else {
        format!("{root}/{rel}")
    }
}

fn level(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "note",
    }
}

/// A SARIF region: start and end line and column (Unicode code points), and the byte range.
fn region(texts: &Texts<'_>, path: &str, span: Span) -> Value {
    let (end_line, end_column) = match texts(path) {
        Some(text) => {
            let end = LineIndex::new(text).span(text, span.end as usize..span.end as usize);
            (end.line, end.column)
        }
        None => (span.line, span.column),
    };
    json!({
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": end_line,
        "endColumn": end_column,
        "byteOffset": span.start,
        "byteLength": span.end - span.start,
    })
}

fn location(texts: &Texts<'_>, root: &str, path: &str, span: Span) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": join(root, path) },
            "region": region(texts, path, span),
        }
    })
}

/// A SARIF 2.1.0 log of `findings`, describing every rule of `kind` (checks for `check`, lints
/// for `lint`); each result's `ruleIndex` points at its rule there.
pub fn render(
    findings: &[Finding],
    diagnostics: &[&Diagnostic],
    texts: &Texts<'_>,
    root: &str,
    kind: Kind,
) -> String {
    let described: Vec<RuleId> = RuleId::of_kind(kind).collect();
    let rules: Vec<Value> = described
        .iter()
        .map(|r| {
            let doc = r.doc();
            json!({
                "id": r.code(),
                "name": r.name(),
                "shortDescription": { "text": r.summary() },
                "fullDescription": { "text": doc },
                "help": { "text": doc, "markdown": doc },
                "defaultConfiguration": { "level": level(r.level()) },
            })
        })
        .collect();
    let results: Vec<Value> = findings
        .iter()
        .map(|f| {
            let rule_index = described.iter().position(|r| *r == f.rule);
            let mut text = f.message.clone();
            if let Some(help) = &f.help {
                text.push_str(&format!("\nhelp: {help}"));
            }
            let related: Vec<Value> = f
                .related
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let mut loc = location(texts, root, &r.location.path, r.location.span);
                    loc["id"] = json!(i + 1);
                    loc["message"] = json!({ "text": format!("{}: {}", r.role, r.location.label) });
                    loc
                })
                .collect();
            let mut result = json!({
                "ruleId": f.code,
                "level": level(f.level),
                "message": { "text": text },
                "locations": [location(texts, root, &f.primary.path, f.primary.span)],
            });
            if let Some(index) = rule_index {
                result["ruleIndex"] = json!(index);
            }
            if !related.is_empty() {
                result["relatedLocations"] = json!(related);
            }
            if let Some(fact) = &f.fact {
                result["properties"] = json!({ "factKey": fact.key, "kind": fact.kind });
            }
            result
        })
        .collect();
    // Problems with the input: tool execution notifications, with a location where they have
    // one, so that a file docrules could not read is visible in code scanning too.
    let notifications: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let mut n = json!({
                "level": level(d.level),
                "message": { "text": match &d.help {
                    Some(help) => format!("{}\nhelp: {help}", d.message),
                    None => d.message.clone(),
                } },
                "descriptor": { "id": d.code },
            });
            let location = match d.span {
                Some(span) => location(texts, root, &d.path, span),
                None => json!({ "physicalLocation": { "artifactLocation": { "uri": join(root, &d.path) } } }),
            };
            n["locations"] = json!([location]);
            n
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "docrules",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": env!("CARGO_PKG_REPOSITORY"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "invocations": [{
                "executionSuccessful": true,
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).unwrap_or_else(|err| format!("{{\"error\": \"{err}\"}}"))
}
