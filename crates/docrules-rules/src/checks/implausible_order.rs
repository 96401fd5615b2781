//! A list of durations paired with recurrences (daily, weekly, monthly, yearly) whose order
//! contradicts the order of what they are paired with.
//!
//! ## Why it matters
//!
//! A minimum retention of 4 weeks for weekly backups but 3 weeks for monthly ones is almost
//! certainly a typo (a monthly point cannot be kept shorter than the weekly one it outlives).
//! The recurrence words come from the language's lexicon (`[periods]`: 毎日, 毎週, daily,
//! weekly, …); a value is paired with the nearest recurrence before it. Lists of at least three
//! pairs are checked, in the newest version of each locale.
//!
//! ## Example
//!
//! `毎日だと 7 日、毎週だと 4 週間、毎月だと 3 週間、毎年だと 1 年` (daily 7 d, weekly 4 w,
//! monthly 3 w, yearly 1 y).
//!
//! ## Fix
//!
//! Correct the value that breaks the order (here probably 3 months), or reword the list.

use super::{Finding, Related, current_versions, fact_location};
use crate::registry::{Meta, RuleId};
use docrules_align::Compiled;
use docrules_lexicon::{FactLexicon, Lexicons};
use docrules_model::diagnostic::Level;
use docrules_model::document::{Block, Document};
use docrules_model::fact::{Fact, TimeUnit, Value};

/// What this rule is, for the registry.
pub(crate) const META: Meta = Meta {
    name: "implausible-order",
    level: Level::Warning,
    summary: "paired values whose order contradicts what they are paired with",
};

pub(crate) fn run(compiled: &Compiled<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (article, _, version) in current_versions(compiled) {
        let doc = &version.document;
        let lex = Lexicons::get().facts(Some(&version.locale));
        // Durations by start, so each container's are found by binary search rather than by a
        // pass over all facts (100,000 one-row tables made that quadratic).
        let mut by_start: Vec<(usize, usize)> = doc
            .facts
            .iter()
            .enumerate()
            .filter(|(_, f)| matches!(f.value, Value::Duration { .. }))
            .map(|(i, f)| (f.span.start as usize, i))
            .collect();
        by_start.sort_unstable();
        for range in containers(doc) {
            let from = by_start.partition_point(|&(s, _)| s < range.start);
            let to = by_start.partition_point(|&(s, _)| s < range.end);
            let mut inside: Vec<usize> = by_start[from..to].iter().map(|&(_, i)| i).collect();
            // In document order, as the facts list holds them.
            inside.sort_unstable();
            let durations: Vec<&Fact> = inside.iter().map(|&i| &doc.facts[i]).collect();
            if durations.len() < 3 {
                continue;
            }
            let Some(pairs) = pair_with_periods(&doc.source.text, range.start, &durations, lex)
            else {
                continue;
            };
            let millis = |f: &Fact| match f.value {
                Value::Duration { millis, .. } => millis,
                _ => 0,
            };
            // The first later pair whose value is shorter though its period is longer.
            let violation = pairs.iter().enumerate().find_map(|(i, (p1, f1))| {
                pairs[i + 1..]
                    .iter()
                    .find(|(p2, f2)| p2.millis() > p1.millis() && millis(f2) < millis(f1))
                    .map(|b| (*f1, b))
            });
            let Some((earlier, (period, later))) = violation else {
                continue;
            };
            let earlier_period = pairs
                .iter()
                .find(|(_, f)| std::ptr::eq(*f, earlier))
                .map(|(p, _)| *p)
                .unwrap_or(*period);
            let list: Vec<String> = pairs
                .iter()
                .map(|(p, f)| format!("{} {}", recurrence(*p), f.value))
                .collect();
            let mut finding = Finding::new(
                RuleId::ImplausibleOrder,
                &article.article.name,
                version.locale.as_str(),
                format!(
                    "{} {} is shorter than {} {} in the list {}",
                    recurrence(*period),
                    later.value,
                    recurrence(earlier_period),
                    earlier.value,
                    list.join(", ")
                ),
                fact_location(
                    version,
                    later,
                    format!("{} for a {}", later.value, period.as_str()),
                ),
            );
            finding.related.push(Related {
                role: "other-statement",
                location: fact_location(
                    version,
                    earlier,
                    format!("{} for a {}", earlier.value, earlier_period.as_str()),
                ),
            });
            finding.help = Some("check the value that breaks the order".into());
            out.push(finding);
        }
    }
    out
}

fn recurrence(unit: TimeUnit) -> &'static str {
    match unit {
        TimeUnit::Second => "every second",
        TimeUnit::Minute => "every minute",
        TimeUnit::Hour => "hourly",
        TimeUnit::Day => "daily",
        TimeUnit::Week => "weekly",
        TimeUnit::Month => "monthly",
        TimeUnit::Year => "yearly",
    }
}

/// Byte ranges of the table cells and paragraphs of a document.
fn containers(doc: &Document) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = doc
        .rules
        .iter()
        .flat_map(|r| r.cells.iter().map(|c| c.span.range()))
        .collect();
    for section in &doc.sections {
        for block in &section.blocks {
            if let Block::Paragraph(p) = block {
                out.push(p.span.range());
            }
        }
    }
    out
}

/// Each duration with the recurrence named between the previous duration and it; `None` when
/// some duration has none.
fn pair_with_periods<'f>(
    text: &str,
    start: usize,
    durations: &[&'f Fact],
    lex: &FactLexicon,
) -> Option<Vec<(TimeUnit, &'f Fact)>> {
    let mut from = start;
    let mut pairs = Vec::new();
    for fact in durations {
        let to = fact.span.start as usize;
        let between = text.get(from..to)?;
        let period = between
            .char_indices()
            .rev()
            .find_map(|(i, _)| lex.periods.prefix_of(&between[i..]).map(|(unit, _)| unit))?;
        pairs.push((period, *fact));
        from = fact.span.end as usize;
    }
    Some(pairs)
}
