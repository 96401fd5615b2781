//! The findings of a change (`--changed-since REV`): everything is computed with the whole
//! corpus, then only the findings that rest on a changed place are kept: those in a changed
//! file, and those of other files that rest on one (a translation left behind by an edited
//! source). What counts as changed is the caller's (git, in the CLI).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::finding::{Finding, Location};

/// The roles of a related place that is the source a translation is compared with.
const SOURCE_ROLES: [&str; 2] = ["canonical", "source"];

/// A changed source file, and how many translations its findings say are behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct StaleTranslations {
    /// The changed source file (printed like every path of the report).
    pub path: String,
    /// The translation files with a finding that rests on it.
    pub translations: usize,
    /// The line human output shows (`docs/x.md: this change makes 11 translations stale`).
    pub note: String,
}

impl StaleTranslations {
    /// `path` and its count, with their line.
    pub fn new(path: String, translations: usize) -> StaleTranslations {
        let note = format!("{path}: {}", message(translations));
        StaleTranslations {
            path,
            translations,
            note,
        }
    }

    /// The note without its path, for a format that places it on the file.
    pub fn message(&self) -> String {
        message(self.translations)
    }
}

/// `this change makes 11 translations stale`.
fn message(translations: usize) -> String {
    let plural = if translations == 1 { "" } else { "s" };
    format!("this change makes {translations} translation{plural} stale")
}

/// Keeps the findings of a change, one batch after another (a lint keeps each file's), and
/// counts what it left out and the translations each changed source leaves stale.
#[derive(Debug)]
pub struct ChangeScope<F> {
    changed: F,
    /// Places already asked about: (path, commit) → changed.
    known: HashMap<(String, Option<String>), bool>,
    /// Changed source file → the files whose findings rest on it as their source.
    stale: BTreeMap<String, BTreeSet<String>>,
    left_out: usize,
}

impl<F: FnMut(&Location) -> bool> ChangeScope<F> {
    /// A scope where `changed` tells whether a place is in a changed file.
    pub fn new(changed: F) -> ChangeScope<F> {
        ChangeScope {
            changed,
            known: HashMap::new(),
            stale: BTreeMap::new(),
            left_out: 0,
        }
    }

    fn is_changed(&mut self, place: &Location) -> bool {
        let key = (place.path.clone(), place.commit.clone());
        if let Some(&known) = self.known.get(&key) {
            return known;
        }
        let changed = (self.changed)(place);
        self.known.insert(key, changed);
        changed
    }

    /// Keeps the findings whose primary place, or one of whose related places, is changed.
    pub fn retain(&mut self, findings: &mut Vec<Finding>) {
        findings.retain(|finding| {
            let mut keep = self.is_changed(&finding.primary);
            for related in &finding.related {
                if !self.is_changed(&related.location) {
                    continue;
                }
                keep = true;
                let source = &related.location.path;
                if SOURCE_ROLES.contains(&related.role) && *source != finding.primary.path {
                    self.stale
                        .entry(source.clone())
                        .or_default()
                        .insert(finding.primary.path.clone());
                }
            }
            if !keep {
                self.left_out += 1;
            }
            keep
        });
    }

    /// The findings left out, and the changed sources with the translations they leave stale,
    /// by path.
    pub fn finish(self) -> (usize, Vec<StaleTranslations>) {
        let stale = self
            .stale
            .into_iter()
            .map(|(path, files)| StaleTranslations::new(path, files.len()))
            .collect();
        (self.left_out, stale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Related;
    use crate::registry::RuleId;
    use docrules_model::span::Span;

    fn place(path: &str) -> Location {
        Location {
            path: path.into(),
            span: Span::default(),
            label: String::new(),
            commit: None,
        }
    }

    fn finding(primary: &str, source: Option<&str>) -> Finding {
        let mut finding = Finding::new(RuleId::ALL[0], "x", "", "m".into(), place(primary));
        if let Some(source) = source {
            finding.related.push(Related {
                role: "canonical",
                location: place(source),
            });
        }
        finding
    }

    #[test]
    fn a_changed_source_keeps_its_translations_findings_and_counts_them() {
        let mut findings = vec![
            finding("ja/x.md", Some("en/x.md")),
            finding("de/x.md", Some("en/x.md")),
            finding("de/x.md", Some("en/x.md")),
            finding("ja/y.md", Some("en/y.md")),
            finding("en/x.md", None),
            finding("fr/z.md", None),
        ];
        let mut scope = ChangeScope::new(|p: &Location| p.path == "en/x.md" || p.path == "fr/z.md");
        scope.retain(&mut findings);
        let kept: Vec<&str> = findings.iter().map(|f| f.primary.path.as_str()).collect();
        assert_eq!(
            kept,
            ["ja/x.md", "de/x.md", "de/x.md", "en/x.md", "fr/z.md"]
        );
        let (left_out, stale) = scope.finish();
        assert_eq!(left_out, 1);
        assert_eq!(stale, [StaleTranslations::new("en/x.md".into(), 2)]);
        assert_eq!(
            stale[0].note,
            "en/x.md: this change makes 2 translations stale"
        );
    }
}
