//! One path or product name spelled two ways in a file: names of three or more capitalized
//! words, and paths, that are equal once case, separators and a plural `s` are set aside, but
//! written differently.
//!
//! ## Why it matters
//!
//! Readers search for the name they see; a misspelled product or folder name sends them to
//! nothing, and a translation tool treats the two spellings as two terms.
//!
//! ## Example
//!
//! `Microsoft Azure Recovery Service Agent` once, `Microsoft Azure Recovery Services Agent`
//! twelve times.
//!
//! ## Fix
//!
//! Use the spelling the rest of the file uses (the finding points at the rarer one).

use crate::registry::Meta;
use docrules_model::diagnostic::Level;
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::Target;
use crate::finding::{Finding, Location, Related};
use crate::registry::RuleId;
use docrules_model::fact::Value;
use docrules_model::span::Span;
use docrules_parse::extract::text_runs;

fn name_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        match Regex::new(r"(?-u:\b)[A-Z][A-Za-z0-9]+(?:[ ]+[A-Z][A-Za-z0-9]+){2,}(?-u:\b)") {
            Ok(regex) => regex,
            Err(err) => panic!("name pattern is invalid: {err}"),
        }
    })
}

/// Case, separators and a trailing plural `s` of each word set aside.
fn fuzzy(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\\' || c == '/')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.to_lowercase();
            w.strip_suffix('s').map(str::to_owned).unwrap_or(w)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What this rule is, for the registry.
pub(crate) const META: Meta = Meta {
    name: "inconsistent-literal",
    level: Level::Warning,
    summary: "one path or product name spelled two ways in a file",
};

pub(crate) fn run(target: &Target<'_>) -> Vec<Finding> {
    let lint = RuleId::InconsistentLiteral;
    let doc = target.doc;
    let text = doc.source.text.as_str();
    // fuzzy key → spelling → occurrences.
    let mut groups: BTreeMap<String, BTreeMap<String, Vec<Span>>> = BTreeMap::new();
    let mut add = |spelling: &str, span: Span| {
        groups
            .entry(fuzzy(spelling))
            .or_default()
            .entry(spelling.to_owned())
            .or_default()
            .push(span);
    };
    let mut containers: Vec<&[docrules_model::document::Inline]> = Vec::new();
    for section in &doc.sections {
        for block in &section.blocks {
            if let docrules_model::document::Block::Paragraph(p) = block {
                containers.push(&p.inlines);
            }
        }
    }
    for rule in &doc.rules {
        containers.extend(rule.cells.iter().map(|c| c.inlines.as_slice()));
    }
    for inlines in containers {
        for run in text_runs(inlines) {
            for m in name_pattern().find_iter(&text[run.clone()]) {
                let range = run.start + m.start()..run.start + m.end();
                add(m.as_str(), doc.source.lines.span(text, range));
            }
        }
    }
    for fact in &doc.facts {
        if let Value::Path { .. } = fact.value {
            add(&fact.text, fact.span);
        }
    }
    let mut out = Vec::new();
    for spellings in groups.values().filter(|s| s.len() > 1) {
        // Case-only and separator-only differences are the same spelling for readers.
        let mut by_count: Vec<(&String, &Vec<Span>)> = spellings.iter().collect();
        by_count.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
        let (common, common_spans) = by_count[0];
        for (rare, spans) in &by_count[1..] {
            let same_letters = |a: &str, b: &str| {
                a.to_lowercase().replace('/', "\\") == b.to_lowercase().replace('/', "\\")
            };
            if same_letters(rare, common) {
                continue;
            }
            let mut finding = target.finding(
                lint,
                spans[0],
                format!("spelled `{rare}`"),
                format!(
                    "`{rare}` here, `{common}` elsewhere in this file ({} times)",
                    common_spans.len()
                ),
            );
            finding.related.push(Related {
                role: "other-spelling",
                location: Location {
                    commit: None,
                    path: target.path.to_owned(),
                    span: common_spans[0],
                    label: format!("`{common}`"),
                },
            });
            finding.help = Some(format!("write `{common}`"));
            out.push(finding);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fuzzy;

    #[test]
    fn fuzzy_keys() {
        assert_eq!(
            fuzzy("Microsoft Azure Recovery Service Agent"),
            fuzzy("Microsoft Azure Recovery Services Agent")
        );
        assert_eq!(fuzzy(r"C:\Windows\Temp"), fuzzy("c:/windows/temp"));
        assert_ne!(
            fuzzy("Azure Backup Server"),
            fuzzy("Azure Backup Service Agent")
        );
    }
}
