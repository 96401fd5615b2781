//! What a check or lint reports: a message at a primary location, the places it rests on, a
//! help line and, for lints, a machine-applicable fix.

use serde::Serialize;

use docrules_model::corpus::Version;
use docrules_model::diagnostic::Level;
use docrules_model::fact::{Fact, FactKind};
use docrules_model::span::Span;

use crate::registry::RuleId;

/// A place a finding rests on.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Location {
    /// Relative to the corpus root for a check, as printed for a linted file (commands print
    /// every path relative to the current directory).
    pub path: String,
    /// Where in that file.
    pub span: Span,
    /// What is there, for the reader (the underlined text's label).
    pub label: String,
    /// The commit of the version it is in, when read from git history (full hex id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
}

/// Another place a finding rests on, and how it relates to the finding.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Related {
    /// How it relates: `canonical`, `other-statement`, `other-article`, `history`, …
    pub role: &'static str,
    /// The place (its fields are inlined in the JSON output).
    #[serde(flatten)]
    pub location: Location,
}

/// One value of a fact in one version, for the JSON output.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct FactValue {
    /// The version's locale tag (`ja-JP`).
    pub locale: String,
    /// The version's date (`2021-06-04`); empty when it has none.
    pub version: String,
    /// The normalized value, as displayed (`48 h`).
    pub value: String,
    /// The statement as written (`48 時間以上`).
    pub text: String,
}

/// The fact a finding is about and the values it compares, for the JSON output.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct FactInfo {
    /// The fact's key (`section/kind/subject`), with its section named as in the canonical
    /// version for `stale-fact`.
    pub key: String,
    /// The fact's kind.
    pub kind: FactKind,
    /// The values compared: for `stale-fact` every version that states the fact, oldest first;
    /// otherwise the two disagreeing statements.
    pub values: Vec<FactValue>,
}

/// One problem a check or lint found.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Finding {
    /// The rule that found it.
    #[serde(skip)]
    pub rule: RuleId,
    /// The rule's code, as serialized.
    pub code: &'static str,
    /// The rule's kebab-case name (`stale-fact`).
    pub name: &'static str,
    /// The rule's default level, or for a lint the level the configuration gives it.
    pub level: Level,
    /// What is wrong, in one line.
    pub message: String,
    /// Where it is wrong.
    pub primary: Location,
    /// The other places the finding rests on (the canonical statement, the other article, …).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// How to fix it, in one line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// More context (`the stale value matches ja-JP 2019-07-15`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// For a finding about a fact: its key and the values compared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fact: Option<FactInfo>,
    /// For a finding about a section: its anchor (the canonical section a translation lacks,
    /// or the translation's own extra section).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The article's name; empty for an unused suppression and for a linted file placed in no
    /// article.
    pub article: String,
    /// The locale tag of the file (`ja-JP`); empty for an unused suppression and for a linted
    /// file of unknown locale.
    pub locale: String,
    /// A machine-applicable replacement of the text under `span` in the primary file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

/// A machine-applicable fix (`docrules lint --fix`): a replacement for one span of the primary
/// file.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Fix {
    /// The text to replace.
    pub span: Span,
    /// What to write in its place.
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
        commit: None,
        path: version.path.clone(),
        span: fact.span,
        label,
    }
}

/// A fact's value in one version, for [`FactInfo::values`].
pub fn fact_value(version: &Version, fact: &Fact) -> FactValue {
    FactValue {
        locale: version.locale.to_string(),
        version: version.date.map_or_else(String::new, |d| d.to_string()),
        value: fact.value.to_string(),
        text: fact.text.clone(),
    }
}

/// `ja-JP 2021-06-04`, `en 2024-03-01 at 4836bb2` for a revision from git history.
pub fn version_name(version: &Version) -> String {
    format!(
        "{} {}{}",
        version.locale,
        version
            .date
            .map_or_else(|| "(undated)".to_owned(), |d| d.to_string()),
        version
            .commit
            .as_ref()
            .map(|c| format!(" at {}", c.get(..7).unwrap_or(c)))
            .unwrap_or_default()
    )
}
