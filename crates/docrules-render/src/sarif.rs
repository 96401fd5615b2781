//! SARIF 2.1.0, with rule metadata from the checks' documentation, for code scanning.

use serde_json::{Value, json};

use super::Texts;
use docrules_model::diagnostic::{Diagnostic, Level};
use docrules_model::span::{LineIndex, Span};
use docrules_rules::finding::Finding;
use docrules_rules::registry::{Kind, RuleId};

/// The base every relative `uri` is resolved against: the current directory, which the paths
/// are relative to (and which code scanning takes for the checkout's root).
pub const BASE_ID: &str = "%SRCROOT%";

/// A path as a URI reference: `/`-separated, every byte outside the unreserved characters
/// percent-encoded (a CJK or spaced file name stays a valid URI).
pub fn uri(path: &str) -> String {
    let mut out = String::new();
    for byte in path.replace('\\', "/").bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The `file:` URI of an absolute directory, ending in `/` (SARIF's `originalUriBaseIds`).
pub fn directory_uri(dir: &str) -> String {
    // After `file:///` a colon cannot be read as a scheme (`C:/work`): it stays.
    let path = uri(dir).replace("%3A", ":");
    let path = path.trim_end_matches('/');
    if path.starts_with('/') {
        format!("file://{path}/")
    } else {
        // A Windows drive path (`C:/work`).
        format!("file:///{path}/")
    }
}

/// An artifact location: a relative path against [`BASE_ID`], an absolute one as a `file:` URI.
fn artifact(path: &str) -> Value {
    let absolute = path.starts_with('/') || path.get(1..3) == Some(":/");
    if absolute {
        json!({ "uri": directory_uri(path).trim_end_matches('/') })
    } else {
        json!({ "uri": uri(path), "uriBaseId": BASE_ID })
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

fn location(texts: &Texts<'_>, path: &str, span: Span) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": artifact(path),
            "region": region(texts, path, span),
        }
    })
}

/// A SARIF 2.1.0 log of `findings`, describing every rule of `kind` (checks for `check`, lints
/// for `lint`); each result's `ruleIndex` points at its rule there. Input `diagnostics` are
/// tool execution notifications, and also results (of a rule named by their code) when they
/// have a line, so that code scanning annotates the file. `base` is the `file:` URI of the
/// current directory, which the (relative) paths are resolved against.
pub fn render(
    findings: &[Finding],
    diagnostics: &[Diagnostic],
    texts: &Texts<'_>,
    kind: Kind,
    base: Option<&str>,
) -> String {
    let described: Vec<RuleId> = RuleId::of_kind(kind).collect();
    let mut rules: Vec<Value> = described
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
    let mut results: Vec<Value> = findings
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
                    let mut loc = location(texts, &r.location.path, r.location.span);
                    loc["id"] = json!(i + 1);
                    loc["message"] = json!({ "text": format!("{}: {}", r.role, r.location.label) });
                    loc
                })
                .collect();
            let mut result = json!({
                "ruleId": f.code,
                "level": level(f.level),
                "message": { "text": text },
                "locations": [location(texts, &f.primary.path, f.primary.span)],
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
                Some(span) => location(texts, &d.path, span),
                None => json!({ "physicalLocation": { "artifactLocation": artifact(&d.path) } }),
            };
            n["locations"] = json!([location]);
            n
        })
        .collect();
    input_results(diagnostics, texts, &mut rules, &mut results);
    let mut run = json!({
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
    });
    if let Some(base) = base {
        run["originalUriBaseIds"] = json!({ BASE_ID: { "uri": base } });
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    });
    super::to_json(&log)
}

/// Input diagnostics with a line as results too (code scanning shows results, not
/// notifications, in the file): one rule per diagnostic code, after the checks' or lints'.
fn input_results(
    diagnostics: &[Diagnostic],
    texts: &Texts<'_>,
    rules: &mut Vec<Value>,
    results: &mut Vec<Value>,
) {
    let mut codes: Vec<&str> = Vec::new();
    for d in diagnostics {
        let Some(span) = d.span else { continue };
        let index = match codes.iter().position(|c| *c == d.code) {
            Some(i) => rules.len() - codes.len() + i,
            None => {
                codes.push(d.code);
                rules.push(json!({
                    "id": d.code,
                    "name": d.code,
                    "shortDescription": { "text": format!("a file docrules could not use ({})", d.code) },
                    "defaultConfiguration": { "level": level(d.level) },
                    "properties": { "category": "input" },
                }));
                rules.len() - 1
            }
        };
        let mut text = d.message.clone();
        if let Some(help) = &d.help {
            text.push_str(&format!("\nhelp: {help}"));
        }
        results.push(json!({
            "ruleId": d.code,
            "ruleIndex": index,
            "level": level(d.level),
            "message": { "text": text },
            "locations": [location(texts, &d.path, span)],
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded_and_relative_ones_name_the_base() {
        assert_eq!(uri("docs/ja-jp/2021-06-04.md"), "docs/ja-jp/2021-06-04.md");
        assert_eq!(uri("my docs/記事.md"), "my%20docs/%E8%A8%98%E4%BA%8B.md");
        assert_eq!(uri("a\\b.md"), "a/b.md");
        assert_eq!(directory_uri("/srv/my repo"), "file:///srv/my%20repo/");
        assert_eq!(directory_uri("C:/docs/"), "file:///C:/docs/");
        assert_eq!(
            uri("C:/a.md"),
            "C%3A/a.md",
            "never a scheme in a relative reference"
        );
        assert_eq!(
            artifact("../corpus/a.md"),
            json!({ "uri": "../corpus/a.md", "uriBaseId": BASE_ID })
        );
        assert_eq!(
            artifact("/srv/x/a.md"),
            json!({ "uri": "file:///srv/x/a.md" })
        );
    }
}
