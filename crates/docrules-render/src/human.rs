//! rustc-style findings with annotate-snippets: the message, the primary excerpt with the text
//! underlined (display width of CJK handled by the renderer), the excerpts it relates to, notes
//! and a help line.

use annotate_snippets::{AnnotationKind, Group, Level as SnippetLevel, Renderer, Snippet};

use super::{Texts, summary};
use docrules_model::diagnostic::{Diagnostic, Level, printable};
use docrules_rules::finding::Finding;

fn level(level: Level) -> SnippetLevel<'static> {
    match level {
        Level::Error => SnippetLevel::ERROR,
        Level::Warning => SnippetLevel::WARNING,
        Level::Info => SnippetLevel::INFO,
    }
}

/// The width excerpts are fitted to when the terminal's is unknown (annotate-snippets').
pub const DEFAULT_WIDTH: usize = annotate_snippets::renderer::DEFAULT_TERM_WIDTH;

/// Renders findings; `color` adds ANSI styles (only for a terminal, never with `NO_COLOR`).
pub fn render<'a>(
    findings: &[Finding],
    diagnostics: &[Diagnostic],
    texts: &Texts<'a>,
    color: bool,
) -> String {
    render_to_width(findings, diagnostics, texts, color, DEFAULT_WIDTH)
}

/// [`render`], with source excerpts fitted to `width` columns: a long line (a heading or a
/// table row of hundreds of columns) is cut around what it underlines instead of wrapping.
pub fn render_to_width<'a>(
    findings: &[Finding],
    diagnostics: &[Diagnostic],
    texts: &Texts<'a>,
    color: bool,
    width: usize,
) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .term_width(width);
    let mut out = String::new();
    // Files that could not be read are part of what is wrong.
    for diagnostic in diagnostics {
        out.push_str(&format!("{diagnostic}\n\n"));
    }
    for finding in findings {
        // Names and document text go through `printable`: a file name or a heading must not
        // break a line or send escape sequences to the terminal.
        let title = level(finding.level)
            .primary_title(printable(&finding.message))
            .id(finding.code);
        let mut group = Group::with_title(title);
        let primary_text = texts(&finding.primary.path);
        let mut primary = primary_text.map(|text| {
            Snippet::source(text)
                .path(printable(&finding.primary.path))
                .line_start(1)
                .fold(true)
                .annotation(
                    AnnotationKind::Primary
                        .span(finding.primary.span.range())
                        .label(printable(&finding.primary.label)),
                )
        });
        // One excerpt per other file, holding every place of it, in order of first mention.
        let mut others: Vec<(&str, Snippet<'_, _>)> = Vec::new();
        for related in &finding.related {
            let label = format!("{}: {}", related.role, printable(&related.location.label));
            let annotation = AnnotationKind::Context
                .span(related.location.span.range())
                .label(label);
            let path = related.location.path.as_str();
            if path == finding.primary.path {
                primary = primary.map(|s| s.annotation(annotation));
            } else if let Some(at) = others.iter().position(|(p, _)| *p == path) {
                let (p, snippet) = others.remove(at);
                others.insert(at, (p, snippet.annotation(annotation)));
            } else if let Some(text) = texts(path) {
                let snippet = Snippet::source(text)
                    .path(printable(path))
                    .line_start(1)
                    .fold(true)
                    .annotation(annotation);
                others.push((path, snippet));
            }
        }
        if let Some(primary) = primary {
            group = group.element(primary);
        }
        for (_, snippet) in others {
            group = group.element(snippet);
        }
        for note in &finding.notes {
            group = group.element(SnippetLevel::NOTE.message(printable(note)));
        }
        let explain = format!("{} (`docrules explain {}`)", finding.name, finding.code);
        group = group.element(SnippetLevel::NOTE.message(explain));
        if let Some(help) = &finding.help {
            group = group.element(SnippetLevel::HELP.message(printable(help)));
        }
        out.push_str(&renderer.render(&[group]));
        out.push_str("\n\n");
    }
    out.push_str(&summary(findings, diagnostics));
    out.push('\n');
    out
}
