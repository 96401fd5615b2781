//! Two articles state different values for facts with the same subject.
//!
//! ## Why it matters
//!
//! Readers move between related articles (the MARS agent and Azure Backup Server share the same
//! agent); when they give different thresholds for the same thing, at least one is wrong. The
//! subject is matched conservatively, on what translation does not change: the same kind of
//! value stated beside the same literal (a path such as `C:\Windows\Temp`, a host, a file
//! extension such as `.tmp`). The canonical version of each article is compared. Ranges stated
//! in prose (`4 to 30 minutes`) are also compared when every word of one's sentence is in the
//! other's (`4 minutes to 30 minutes for Load Balancer rules and Inbound NAT rules` and `a
//! default timeout range of 4 minutes to 100 minutes for Load Balancer rules and Inbound NAT
//! rules`): a range is specific enough that the same words name the same limit. This is a
//! warning, never an error: the two statements may describe different limits.
//!
//! ## Example
//!
//! MARS: "more than 60,000 or 65,000 .tmp files in C:/Windows/Temp"; MABS: "more than 65,000
//! files in c:\windows\temp".
//!
//! ## Fix
//!
//! Agree on one value in both articles, or make the difference explicit.

use crate::registry::{Meta, RuleId};
use docrules_model::diagnostic::Level;
use std::collections::{BTreeMap, HashMap};

use super::{FactInfo, Finding, Related, fact_location, fact_value, version_name};
use docrules_align::{Compiled, subject};
use docrules_model::corpus::Version;
use docrules_model::fact::{Fact, FactKind};

/// What this rule is, for the registry.
pub(crate) const META: Meta = Meta {
    name: "cross-article-disagreement",
    level: Level::Warning,
    summary: "two articles state different values for the same subject",
};

pub(crate) fn run(compiled: &Compiled<'_>) -> Vec<Finding> {
    // (kind, literal) → (article index, fact index) in the canonical versions.
    let mut by_subject: BTreeMap<(FactKind, &str), Vec<(usize, usize)>> = BTreeMap::new();
    for (a, article) in compiled.articles.iter().enumerate() {
        let doc = &article.article.versions[article.canonical].document;
        for (f, fact) in doc.facts.iter().enumerate() {
            if !matches!(
                fact.kind,
                FactKind::Count | FactKind::Duration | FactKind::Percent
            ) {
                continue;
            }
            for literal in &fact.context.literals {
                by_subject
                    .entry((fact.kind, literal.as_str()))
                    .or_default()
                    .push((a, f));
            }
        }
    }
    // One finding per subject whatever the number of articles: at the first statement that
    // disagrees with the first one in another article, with one place per other (article,
    // value) beside it.
    let mut out = ranges(compiled);
    for ((kind, literal), facts) in &by_subject {
        let statement = |&(a, f): &(usize, usize)| {
            let article = &compiled.articles[a];
            let version = &article.article.versions[article.canonical];
            (a, article, version, &version.document.facts[f])
        };
        let Some(first) = facts.first().map(statement) else {
            continue;
        };
        let Some(disagreeing) = facts
            .iter()
            .map(statement)
            .find(|(a, _, _, y)| *a != first.0 && !y.value.same_as(&first.3.value))
        else {
            continue;
        };
        let (_, art1, _, x) = first;
        let (a2, art2, v2, y) = disagreeing;
        let mut finding = Finding::new(
            RuleId::CrossArticleDisagreement,
            &art2.article.name,
            v2.locale.as_str(),
            format!(
                "`{}` ({}) here, but {} says `{}` ({}) about {literal}",
                y.text, y.value, art1.article.name, x.text, x.value
            ),
            fact_location(v2, y, format!("{} ({})", y.value, version_name(v2))),
        );
        // Each other (article, value) once, the first one's first. Values are kept per article
        // (an article states few values about one subject), so a subject stated by thousands of
        // articles is one pass, not a pass over pairs.
        let mut seen: BTreeMap<usize, Vec<&docrules_model::fact::Value>> = BTreeMap::new();
        seen.entry(a2).or_default().push(&y.value);
        let mut places = Vec::new();
        for (a, article, version, fact) in std::iter::once(first).chain(facts.iter().map(statement))
        {
            let values = seen.entry(a).or_default();
            if values.iter().any(|v| v.same_as(&fact.value)) {
                continue;
            }
            values.push(&fact.value);
            places.push((article, version, fact));
        }
        let total = places.len();
        for (article, version, fact) in places.iter().take(MAX_PLACES) {
            finding.related.push(Related {
                role: "other-article",
                location: fact_location(
                    version,
                    fact,
                    format!(
                        "{} in {} ({})",
                        fact.value,
                        article.article.name,
                        version_name(version)
                    ),
                ),
            });
        }
        if total > MAX_PLACES {
            finding
                .notes
                .push(format!("and {} more statements", total - MAX_PLACES));
        }
        let articles: std::collections::BTreeSet<usize> = facts.iter().map(|(a, _)| *a).collect();
        if articles.len() > 2 {
            finding.notes.push(format!(
                "{} articles state {kind} values about {literal}",
                articles.len()
            ));
        }
        let among = if articles.len() > 2 {
            format!("the {} articles", articles.len())
        } else {
            "both articles".to_owned()
        };
        finding.help = Some(format!(
            "agree on one {kind} for {literal} in {among}, or say why they differ"
        ));
        finding.fact = Some(FactInfo {
            key: y.key.to_string(),
            kind: *kind,
            values: std::iter::once((v2, y))
                .chain(places.iter().map(|(_, v, f)| (*v, *f)))
                .take(MAX_PLACES + 1)
                .map(|(v, f)| fact_value(v, f))
                .collect(),
        });
        out.push(finding);
    }
    out
}

/// At most this many other places are listed in one finding.
const MAX_PLACES: usize = 20;

/// Ranges in the prose of two articles' canonical versions whose sentences name the same
/// subject (the words of one are all among the other's) and state different ranges: one
/// finding at the later article's range, beside the first range it disagrees with.
fn ranges(compiled: &Compiled<'_>) -> Vec<Finding> {
    let mut stated: Vec<(usize, &Version, &Fact, Vec<String>)> = Vec::new();
    for (a, article) in compiled.articles.iter().enumerate() {
        let version = &article.article.versions[article.canonical];
        let text = version.document.source.text.as_str();
        for fact in &version.document.facts {
            if fact.context.rule.is_some() || fact.value.range_ends().is_none() {
                continue;
            }
            let words = subject::sentence_words(text, fact);
            if words.len() >= subject::MIN_SUBJECT_WORDS {
                stated.push((a, version, fact, words));
            }
        }
    }
    // Two sentences name the same subject when the words of one are all among the other's, so
    // a candidate shares the other's words: an index by word finds them without a pass over
    // pairs. `every` holds each range under each of its words; `least` under its smallest word
    // only (a range all of whose words another holds is under one of that other's words).
    let mut every: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut least: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (_, _, _, words)) in stated.iter().enumerate() {
        for w in words {
            every.entry(w.as_str()).or_default().push(i);
        }
        if let Some(w) = words.iter().min() {
            least.entry(w.as_str()).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for (i, (a2, v2, y, y_words)) in stated.iter().enumerate() {
        // Ranges holding all of y's words are in the shortest posting list of one of them;
        // ranges whose words y holds are under the smallest of their words, one of y's.
        let within = y_words
            .iter()
            .filter_map(|w| every.get(w.as_str()))
            .min_by_key(|list| list.len())
            .into_iter()
            .flatten();
        let under = y_words
            .iter()
            .filter_map(|w| least.get(w.as_str()))
            .flatten();
        let mut candidates: Vec<usize> = within.chain(under).copied().filter(|&j| j < i).collect();
        candidates.sort_unstable();
        candidates.dedup();
        // The first earlier range that qualifies, as a scan in order would find it.
        let first = candidates
            .into_iter()
            .map(|j| &stated[j])
            .find(|(a1, _, x, x_words)| {
                a1 != a2 && x.kind == y.kind && subject::same_subject(x_words, y_words)
            });
        let Some((a1, v1, x, x_words)) = first else {
            continue;
        };
        if x.value.same_as(&y.value) {
            continue;
        }
        let (art1, art2) = (&compiled.articles[*a1], &compiled.articles[*a2]);
        let subject = subject::subject_name(x_words, y_words);
        let mut finding = Finding::new(
            RuleId::CrossArticleDisagreement,
            &art2.article.name,
            v2.locale.as_str(),
            format!(
                "`{}` ({}) here, but {} says `{}` ({}) about \u{201c}{subject}\u{201d}",
                y.text, y.value, art1.article.name, x.text, x.value
            ),
            fact_location(v2, y, format!("{} ({})", y.value, version_name(v2))),
        );
        finding.related.push(Related {
            role: "other-article",
            location: fact_location(
                v1,
                x,
                format!(
                    "{} in {} ({})",
                    x.value,
                    art1.article.name,
                    version_name(v1)
                ),
            ),
        });
        finding.help = Some(format!(
            "agree on one range for \u{201c}{subject}\u{201d} in both articles, or say why they differ"
        ));
        finding.fact = Some(FactInfo {
            key: y.key.to_string(),
            kind: y.kind,
            values: vec![fact_value(v2, y), fact_value(v1, x)],
        });
        out.push(finding);
    }
    out
}
