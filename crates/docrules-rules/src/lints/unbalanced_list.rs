//! An HTML list in a table cell that is closed more often than opened (`</ul></ul>`), opened
//! and never closed (`<ol>` … end of cell), or a `<li>` outside any list.
//!
//! ## Why it matters
//!
//! Markdown tables hold their lists as raw HTML; renderers repair unbalanced tags differently,
//! so the cell's list may swallow the text after it or lose its nesting. docrules keeps the
//! content either way, but readers may not get the same.
//!
//! ## Example
//!
//! `…<li>…</li></ul></ul>上記のトラブルシューティングの手順が完了したら…`: the second `</ul>`
//! closes nothing.
//!
//! ## Fix
//!
//! Remove the extra closing tag, or close the list where it ends.

use super::Target;
use crate::finding::Finding;
use crate::registry::Meta;
use crate::registry::RuleId;
use docrules_model::diagnostic::Level;
use docrules_model::document::HtmlIssueKind;

/// What this rule is, for the registry.
pub(crate) const META: Meta = Meta {
    name: "unbalanced-list",
    level: Level::Warning,
    summary: "an HTML list in a table cell closed too often or never",
};

pub(crate) fn run(target: &Target<'_>) -> Vec<Finding> {
    let lint = RuleId::UnbalancedList;
    let issues = &target.doc.html_issues;
    let mut out = Vec::new();
    for (i, issue) in issues.iter().enumerate().filter(|(_, i)| i.in_table) {
        let (label, message) = match &issue.kind {
            HtmlIssueKind::StrayClose { name } => (
                "closes nothing".to_owned(),
                format!("`</{name}>` closes a list that is not open"),
            ),
            HtmlIssueKind::UnclosedList { name } => (
                "opened here".to_owned(),
                format!("`<{name}>` is never closed in this cell"),
            ),
            HtmlIssueKind::ItemOutsideList => {
                // Right after an unknown tag (`<ui><li>`), the typo is the problem, reported once.
                let after_typo = i > 0
                    && matches!(issues[i - 1].kind, HtmlIssueKind::UnknownElement { .. })
                    && issues[i - 1].span.line == issue.span.line;
                if after_typo {
                    continue;
                }
                (
                    "outside a list".to_owned(),
                    "`<li>` outside any `<ul>` or `<ol>`".to_owned(),
                )
            }
            HtmlIssueKind::UnknownElement { .. } => continue,
        };
        let mut finding = target.finding(lint, issue.span, label, message);
        finding.help = Some(match &issue.kind {
            HtmlIssueKind::StrayClose { .. } => "remove the extra closing tag".to_owned(),
            HtmlIssueKind::UnclosedList { name } => {
                format!("close the list with `</{name}>` where it ends")
            }
            _ => "open a list with `<ul>` or `<ol>` before the item".to_owned(),
        });
        out.push(finding);
    }
    out
}
