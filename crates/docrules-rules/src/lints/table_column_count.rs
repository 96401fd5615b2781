//! A table row with more or fewer cells than its header, counted on the raw row text: a `|`
//! separates cells unless escaped as `\|` (even inside a code span, as GitHub Flavored Markdown
//! reads it).
//!
//! ## Why it matters
//!
//! Markdown parsers pad short rows with empty cells and drop extra cells without a word: text
//! after a stray `|` never reaches the reader, and a missing cell shifts nothing but leaves a
//! column empty.
//!
//! ## Example
//!
//! `| Long row | a | b | an extra cell |` under a three-column header: `an extra cell` is
//! dropped.
//!
//! ## Fix
//!
//! Merge the extra text into the last cell, add the missing cells, or escape literal pipes as
//! `\|`.

use super::Target;
use crate::finding::Finding;
use crate::registry::Meta;
use crate::registry::RuleId;
use docrules_model::diagnostic::Level;

/// What this rule is, for the registry.
pub(crate) const META: Meta = Meta {
    name: "table-column-count",
    level: Level::Warning,
    summary: "a table row with more or fewer cells than its header",
};

pub(crate) fn run(target: &Target<'_>) -> Vec<Finding> {
    let lint = RuleId::TableColumnCount;
    target
        .doc
        .diagnostics
        .iter()
        .filter(|d| d.code == "column-count")
        .filter_map(|d| {
            let span = d.span?;
            // The parser points at the first dropped cell, or at the whole row when cells are missing.
            let label = if d.message.contains("belongs to no column") {
                "dropped: no column"
            } else {
                "too few cells"
            };
            let mut finding = target.finding(lint, span, label.into(), d.message.clone());
            finding.help = d.help.clone();
            Some(finding)
        })
        .collect()
}
