//! GitHub Actions workflow commands: `::warning file=…,line=…::message`, one per finding.

use docrules_model::diagnostic::{Diagnostic, Level};
use docrules_rules::finding::Finding;

/// Escapes a workflow command's message (`%`, CR, LF).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (also `:` and `,`).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub Actions workflow commands for `findings`, one line each, related places and help in
/// the message.
///
/// Paths are printed as they are (the command line makes them relative to the current
/// directory, which in a workflow is the repository root).
///
/// ```
/// use docrules_model::diagnostic::{Diagnostic, Level};
/// use docrules_model::span::Span;
/// use docrules_rules::finding::{Finding, Location};
/// use docrules_rules::registry::RuleId;
///
/// let rule = RuleId::find("broken-fragment").unwrap();
/// let primary = Location {
///     path: "backup/ja-jp/2021-06-04.md".into(),
///     span: Span { start: 120, end: 136, line: 7, column: 5 },
///     label: "no such anchor".into(),
///     commit: None,
/// };
/// let message = "`#pre-requisites` is not an anchor of this file".to_owned();
/// let mut finding = Finding::new(rule, "backup", "ja-JP", message, primary);
/// finding.level = Level::Warning;
///
/// let out = docrules_render::github::render(&[finding], &[]);
/// assert!(out.starts_with("::warning file=backup/ja-jp/2021-06-04.md,line=7,col=5,"));
/// assert!(out.ends_with("::`#pre-requisites` is not an anchor of this file\n"));
/// ```
pub fn render(findings: &[Finding], diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "notice",
        };
        let mut place = format!("file={}", escape_property(&d.path));
        if let Some(span) = d.span {
            place.push_str(&format!(",line={},col={}", span.line, span.column));
        }
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str(&format!("\nhelp: {help}"));
        }
        out.push_str(&format!(
            "::{command} {place},title={}::{}\n",
            escape_property(d.code),
            escape_data(&message)
        ));
    }
    for f in findings {
        let command = match f.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "notice",
        };
        let path = &f.primary.path;
        let mut message = f.message.clone();
        for related in &f.related {
            message.push_str(&format!(
                "\n{}: {}:{}:{} {}",
                related.role,
                related.location.path,
                related.location.span.line,
                related.location.span.column,
                related.location.label
            ));
        }
        if let Some(help) = &f.help {
            message.push_str(&format!("\nhelp: {help}"));
        }
        out.push_str(&format!(
            "::{command} file={},line={},col={},title={}::{}\n",
            escape_property(path),
            f.primary.span.line,
            f.primary.span.column,
            escape_property(&format!("{} {}", f.code, f.name)),
            escape_data(&message)
        ));
    }
    out
}

/// With `--changed-since`: a notice on each changed source whose translations its findings
/// say are behind it, so that a pull request shows it on the source's file.
pub fn stale_translations(changed: &super::ChangedSince) -> String {
    changed
        .stale_translations
        .iter()
        .map(|source| {
            format!(
                "::notice file={},title=docrules::{}\n",
                escape_property(&source.path),
                escape_data(&source.message())
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(escape_data("50%\nnext"), "50%25%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
