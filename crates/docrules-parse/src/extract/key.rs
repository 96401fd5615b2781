//! Fact keys: what makes "the same fact" recognizable in another version or translation.
//!
//! Nouns change with the language, so the subject is built from what translation keeps: the
//! row's error IDs (and which row with those IDs it is), the column's role, a literal the value
//! is a literal of, the product a version is of, and, last, the fact's position among the facts
//! of its kind in the same place.

use std::collections::HashMap;

use docrules_model::document::Document;
use docrules_model::fact::{FactContext, FactKey, Value};
use docrules_model::index::{RowId, SectionId};

/// One key per fact, in the order given; keys are unique within the document.
pub fn assign(doc: &Document, facts: &[(&Value, &FactContext)]) -> Vec<FactKey> {
    let rows = row_identities(doc);
    let mut ordinals: HashMap<String, usize> = HashMap::new();
    let mut seen: HashMap<FactKey, usize> = HashMap::new();
    facts
        .iter()
        .map(|(value, context)| {
            let kind = value.kind();
            let section = doc
                .sections
                .get(context.section.index())
                .map(|s| s.anchor.clone())
                .unwrap_or_default();
            let place = match (context.rule, context.column) {
                (Some(rule), Some(column)) => {
                    let row = rows
                        .get(&rule)
                        .cloned()
                        .unwrap_or_else(|| format!("row.{rule}"));
                    format!("{row}/{}", column.as_str())
                }
                _ => "text".to_owned(),
            };
            let subject = match value {
                // A literal is its own identity: a change is one removed and another added.
                Value::ErrorId { .. }
                | Value::Ipv4 { .. }
                | Value::Host { .. }
                | Value::Url { .. }
                | Value::Path { .. }
                | Value::RegistryKey { .. } => format!("{place}/{value}"),
                Value::Version { .. } if context.noun.is_some() => {
                    let product = context
                        .noun
                        .as_deref()
                        .unwrap_or_default()
                        .to_ascii_lowercase();
                    format!("{place}/{product}")
                }
                _ => {
                    let counter = ordinals
                        .entry(format!("{section}\u{0}{place}\u{0}{kind}"))
                        .or_insert(0);
                    *counter += 1;
                    format!("{place}/{counter}")
                }
            };
            let mut key = FactKey {
                section: section.clone(),
                kind,
                subject,
            };
            let repeat = seen.entry(key.clone()).or_insert(0);
            *repeat += 1;
            if *repeat > 1 && kind.is_quantity() {
                key.subject = format!("{}#{}", key.subject, repeat);
            }
            key
        })
        .collect()
}

/// `34513.1` for the first row of its section whose error IDs are {34513}, `34513.2` for the
/// second; rows without IDs are `row.1`, `row.2`, … in their section.
pub fn row_identities(doc: &Document) -> HashMap<RowId, String> {
    let mut counts: HashMap<(SectionId, String), usize> = HashMap::new();
    let mut out = HashMap::new();
    for (index, rule) in doc.rules.iter().enumerate() {
        let mut ids: Vec<&str> = rule.error_ids.iter().map(|id| id.value.as_str()).collect();
        ids.sort_unstable();
        let ids = if ids.is_empty() {
            "row".to_owned()
        } else {
            ids.join("+")
        };
        let n = counts.entry((rule.section, ids.clone())).or_insert(0);
        *n += 1;
        out.insert(RowId::new(index), format!("{ids}.{n}"));
    }
    out
}
