//! GitHub Actions workflow commands: `::warning file=…,line=…::message`, one per finding.

use docrules_model::diagnostic::Level;
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

/// `root` is the corpus path as given, so that annotations name files from the repository root.
pub fn render(findings: &[Finding], root: &str) -> String {
    let mut out = String::new();
    for f in findings {
        let command = match f.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "notice",
        };
        let path = super::sarif::join(root, &f.primary.path);
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
            escape_property(&path),
            f.primary.span.line,
            f.primary.span.column,
            escape_property(&format!("{} {}", f.code, f.name)),
            escape_data(&message)
        ));
    }
    out
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
