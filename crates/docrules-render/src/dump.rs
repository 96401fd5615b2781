//! `docrules dump`: the loaded model, as a readable tree or as versioned JSON.

use serde::Serialize;
use std::fmt::Write as _;

use super::Counts;
use docrules_model::corpus::{Corpus, Version};
use docrules_model::diagnostic::Diagnostic;
use docrules_model::document::{Block, Document, HtmlIssueKind, Rule, truncate};
use docrules_model::index::SectionId;

/// Name and version of the JSON document `dump --format json` writes.
pub const SCHEMA: &str = "docrules.dump/1";

/// The document `dump --format json` writes.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct JsonDump<'a> {
    /// [`SCHEMA`].
    pub schema: &'static str,
    /// The corpus root, as printed (relative to the current directory, like every path).
    pub root: &'a str,
    /// Input diagnostics by level.
    pub summary: DumpSummary,
    /// The loaded model (source texts left out).
    pub corpus: &'a Corpus,
    /// Every problem with the input, the corpus's and its documents', sorted by file and line.
    pub diagnostics: &'a [Diagnostic],
}

/// The counts of a dump.
#[derive(Clone, Copy, Debug, Serialize, schemars::JsonSchema)]
pub struct DumpSummary {
    /// Articles loaded.
    pub articles: usize,
    /// Versions (files) loaded.
    pub versions: usize,
    /// Input diagnostics by level.
    pub diagnostics: Counts,
}

/// The loaded corpus as a pretty-printed JSON document: its `schema` ([`SCHEMA`]), the `root`,
/// a `summary`, the `corpus` and every input `diagnostic`.
pub fn json(corpus: &Corpus, root: &str, diagnostics: &[Diagnostic]) -> String {
    let dump = JsonDump {
        schema: SCHEMA,
        root,
        summary: DumpSummary {
            articles: corpus.articles.len(),
            versions: corpus.versions().count(),
            diagnostics: Counts::of_diagnostics(diagnostics),
        },
        corpus,
        diagnostics,
    };
    super::to_json(&dump)
}

/// The tree a person reads: articles → versions → sections with rule counts, then the input
/// diagnostics and their count. With `rules`, each version is shown in full by [`outline`].
pub fn human(corpus: &Corpus, rules: bool, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    let versions = corpus.versions().count();
    let rule_count: usize = corpus.versions().map(|v| v.document.rules.len()).sum();
    let _ = writeln!(
        out,
        "{} articles, {versions} versions, {rule_count} rules",
        corpus.articles.len()
    );
    for article in &corpus.articles {
        let _ = writeln!(out, "\n{}", article.name);
        for version in &article.versions {
            let _ = writeln!(out, "  {}", version_line(version));
            if rules {
                for line in outline(&version.document).lines() {
                    let _ = writeln!(out, "    {line}");
                }
            } else {
                sections(&mut out, &version.document, "    ");
            }
        }
    }
    if !diagnostics.is_empty() {
        out.push('\n');
        out.push_str(&super::input_report(diagnostics));
    }
    out
}

fn version_line(version: &Version) -> String {
    let date = version
        .date
        .map_or_else(|| "(no date)".to_owned(), |d| d.to_string());
    let doc = &version.document;
    format!(
        "{} {date}  {}  {} sections, {} tables, {} rules",
        version.locale,
        version.path,
        doc.sections.iter().filter(|s| s.level > 0).count(),
        doc.tables.len(),
        doc.rules.len()
    )
}

fn sections(out: &mut String, doc: &Document, indent: &str) {
    for (index, section) in doc.sections.iter().enumerate() {
        let rules = doc.section_rules(SectionId::new(index)).count();
        let rules = match rules {
            0 => String::new(),
            1 => "  1 rule".to_owned(),
            n => format!("  {n} rules"),
        };
        let depth = usize::from(section.level.saturating_sub(1)) * 2;
        let _ = writeln!(
            out,
            "{indent}{:depth$}{} {}  L{}{rules}",
            "",
            "#".repeat(usize::from(section.level.max(1))),
            display_anchor(&section.anchor),
            section.span.line,
        );
    }
}

fn display_anchor(anchor: &str) -> &str {
    if anchor.is_empty() {
        "(preamble)"
    } else {
        anchor
    }
}

/// Everything the parser made of one document, one element per line: the reviewable spec of the
/// model (snapshot tests use it).
pub fn outline(doc: &Document) -> String {
    let mut out = String::new();
    let front = &doc.front_matter;
    for key in ["title", "ms.date", "ms.contentlocale", "ms.lasthandoff"] {
        if let Some(value) = front.get(key) {
            let _ = writeln!(out, "{key}: {value}");
        }
    }
    for section in &doc.sections {
        let _ = writeln!(
            out,
            "{} {} [{}] L{} {:?}",
            "#".repeat(usize::from(section.level.max(1))),
            display_anchor(&section.anchor),
            serde_plain(&section.anchor_source),
            section.span.line,
            truncate(&section.title, 60),
        );
        let mut blocks = section.blocks.iter().peekable();
        while let Some(block) = blocks.next() {
            match block {
                Block::Paragraph(p) => {
                    // A run of paragraphs of one kind is one line: the outline is about structure.
                    let mut last = p.span.line;
                    let mut count = 1;
                    while let Some(Block::Paragraph(next)) = blocks.peek() {
                        if next.context != p.context {
                            break;
                        }
                        last = next.span.line;
                        count += 1;
                        blocks.next();
                    }
                    let context = serde_plain(&p.context);
                    let _ = if count == 1 {
                        writeln!(out, "  paragraph L{} ({context})", p.span.line)
                    } else {
                        writeln!(
                            out,
                            "  {count} paragraphs L{}-L{last} ({context})",
                            p.span.line
                        )
                    };
                }
                Block::Code { span, .. } => {
                    let _ = writeln!(out, "  code L{}", span.line);
                }
                Block::Html { span } => {
                    let _ = writeln!(out, "  html L{}", span.line);
                }
                Block::Table { table } => {
                    let Some(table) = doc.tables.get(table.index()) else {
                        continue;
                    };
                    let header: Vec<String> = table
                        .header
                        .iter()
                        .map(|h| match h.role_language {
                            Some(lang) => format!("{:?}={}({lang})", h.text, h.role.as_str()),
                            None => format!("{:?}={}", h.text, h.role.as_str()),
                        })
                        .collect();
                    let _ = writeln!(out, "  table L{} [{}]", table.span.line, header.join(", "));
                    for row in &table.rows {
                        match row.rule.and_then(|r| doc.rules.get(r.index())) {
                            Some(rule) => rule_lines(&mut out, rule),
                            None => {
                                let _ = writeln!(out, "    row L{}: no rule", row.span.line);
                            }
                        }
                    }
                }
            }
        }
    }
    if !doc.html_issues.is_empty() {
        let _ = writeln!(out, "html issues:");
        for issue in &doc.html_issues {
            let what = match &issue.kind {
                HtmlIssueKind::UnknownElement { name, .. } => format!("unknown element <{name}>"),
                HtmlIssueKind::UnclosedList { name } => format!("<{name}> never closed"),
                HtmlIssueKind::StrayClose { name } => format!("</{name}> closes nothing"),
                HtmlIssueKind::ItemOutsideList => "<li> outside a list".to_owned(),
            };
            let place = if issue.in_table { " in table" } else { "" };
            let _ = writeln!(
                out,
                "  L{}:{} {what}{place}",
                issue.span.line, issue.span.column
            );
        }
    }
    let local: Vec<_> = doc.links.iter().filter(|l| l.fragment.is_some()).collect();
    if !local.is_empty() {
        let _ = writeln!(out, "fragment links:");
        for link in local {
            let _ = writeln!(
                out,
                "  L{} {}#{}",
                link.span.line,
                link.target,
                link.fragment.as_deref().unwrap_or_default()
            );
        }
    }
    let _ = writeln!(
        out,
        "anchors: {}, links: {}",
        doc.anchors.len(),
        doc.links.len()
    );
    for diagnostic in &doc.diagnostics {
        let _ = writeln!(out, "{}", one_line(diagnostic));
    }
    out
}

fn rule_lines(out: &mut String, rule: &Rule) {
    let ids: Vec<&str> = rule.error_ids.iter().map(|id| id.value.as_str()).collect();
    let _ = writeln!(
        out,
        "    rule L{} ids=[{}] cells={}",
        rule.span.line,
        ids.join(", "),
        rule.cells.len()
    );
    for cell in &rule.cells {
        let _ = writeln!(
            out,
            "      {}: {:?}",
            cell.role.as_str(),
            truncate(&cell.text().replace('\n', " / "), 50)
        );
    }
}

fn one_line(d: &Diagnostic) -> String {
    let line = d.span.map_or(0, |s| s.line);
    format!("{}[{}] L{line}: {}", d.level, d.code, d.message)
}

/// The kebab-case name serde gives a unit enum variant.
fn serde_plain<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
