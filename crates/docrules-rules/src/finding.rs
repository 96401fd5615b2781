//! What a check or lint reports: a message at a primary location, the places it rests on, a
//! help line and, for lints, a machine-applicable fix.

use serde::Serialize;

use docrules_model::corpus::Version;
use docrules_model::diagnostic::Level;
use docrules_model::fact::{Fact, FactKind};
use docrules_model::span::Span;

use crate::registry::RuleId;

/// A place a finding rests on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Location {
    /// Relative to the corpus root.
    pub path: String,
    pub span: Span,
    /// What is there, for the reader (the underlined text's label).
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Related {
    /// How it relates: `canonical`, `other-statement`, `other-article`, `history`, …
    pub role: &'static str,
    #[serde(flatten)]
    pub location: Location,
}

/// One value of a fact in one version, for the JSON output.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactValue {
    pub locale: String,
    pub version: String,
    pub value: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactInfo {
    pub key: String,
    pub kind: FactKind,
    pub values: Vec<FactValue>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// The rule that found it.
    #[serde(skip)]
    pub rule: RuleId,
    /// The rule's code, as serialized.
    pub code: &'static str,
    pub name: &'static str,
    pub level: Level,
    pub message: String,
    pub primary: Location,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fact: Option<FactInfo>,
    /// For a finding about a section: its anchor (the canonical section a translation lacks,
    /// or the translation's own extra section).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    pub article: String,
    pub locale: String,
    /// A machine-applicable replacement of the text under `span` in the primary file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
}

impl Finding {
    /// A finding of `rule` at `primary`, at the rule's default level, with everything else
    /// empty.
    pub fn new(
        rule: RuleId,
        article: &str,
        locale: &str,
        message: String,
        primary: Location,
    ) -> Finding {
        Finding {
            rule,
            code: rule.code(),
            name: rule.name(),
            level: rule.level(),
            message,
            primary,
            related: Vec::new(),
            help: None,
            notes: Vec::new(),
            fact: None,
            section: None,
            article: article.to_owned(),
            locale: locale.to_owned(),
            fix: None,
        }
    }

    pub(crate) fn sort_key(&self) -> (&str, &str, &str, u32, u32, &str) {
        (
            &self.article,
            &self.locale,
            &self.primary.path,
            self.primary.span.line,
            self.primary.span.column,
            self.code,
        )
    }
}

/// A fact's place, labelled with its text and value.
pub fn fact_location(version: &Version, fact: &Fact, label: String) -> Location {
    Location {
        path: version.path.clone(),
        span: fact.span,
        label,
    }
}

pub fn fact_value(version: &Version, fact: &Fact) -> FactValue {
    FactValue {
        locale: version.locale.to_string(),
        version: version.date.map_or_else(String::new, |d| d.to_string()),
        value: fact.value.to_string(),
        text: fact.text.clone(),
    }
}

/// `ja-JP 2021-06-04`.
pub fn version_name(version: &Version) -> String {
    format!(
        "{} {}",
        version.locale,
        version
            .date
            .map_or_else(|| "(undated)".to_owned(), |d| d.to_string())
    )
}
