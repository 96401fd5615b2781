//! Typed values found in text. For now: error identifiers in table rows; the typed facts of the
//! next stage (durations, counts, versions, …) will live here too.

pub mod error_id;

use crate::model::Inline;

/// Byte ranges of the source covered by the text of `inlines`, adjacent pieces merged.
///
/// pulldown-cmark splits text at characters that might have been markup (`[0x1FC07]` arrives as
/// `[`, `0x1FC07`, `]`), so patterns must be matched on merged runs of the source, not on
/// single text events. Code spans, links and emphasis are descended into; breaks, lists and
/// HTML tags end a run.
pub fn text_runs(inlines: &[Inline]) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    collect_runs(inlines, &mut runs);
    runs
}

fn collect_runs(inlines: &[Inline], runs: &mut Vec<std::ops::Range<usize>>) {
    for inline in inlines {
        match inline {
            Inline::Text { span, .. } | Inline::Code { span, .. } => {
                let range = span.range();
                match runs.last_mut() {
                    Some(last) if last.end == range.start => last.end = range.end,
                    _ => runs.push(range),
                }
            }
            Inline::Strong { children, .. }
            | Inline::Emphasis { children, .. }
            | Inline::Strikethrough { children, .. }
            | Inline::Link { children, .. } => collect_runs(children, runs),
            Inline::List { items, .. } => {
                for item in items {
                    collect_runs(&item.children, runs);
                }
            }
            Inline::Break { .. }
            | Inline::SoftBreak { .. }
            | Inline::Image { .. }
            | Inline::Html { .. } => {}
        }
    }
}
