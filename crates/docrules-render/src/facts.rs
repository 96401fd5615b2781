//! `docrules facts`: every fact of a corpus, one per line or as versioned JSON.

use serde::Serialize;
use std::fmt::Write as _;

use super::Counts;
use docrules_model::corpus::{Corpus, Version};
use docrules_model::date::Date;
use docrules_model::diagnostic::Diagnostic;
use docrules_model::fact::{Fact, FactKind};
use docrules_model::locale::Locale;

/// Name and version of the JSON document `facts --format json` writes.
pub const SCHEMA: &str = "docrules.facts/1";

/// Which facts to list.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Only facts of this kind.
    pub kind: Option<FactKind>,
    /// Only facts of the article with this name.
    pub article: Option<String>,
    /// Only facts of versions in this locale.
    pub locale: Option<Locale>,
}

impl Filter {
    fn versions<'a>(&'a self, corpus: &'a Corpus) -> impl Iterator<Item = &'a Version> + 'a {
        corpus
            .versions()
            .filter(|v| self.article.as_ref().is_none_or(|a| *a == v.article))
            .filter(|v| self.locale.as_ref().is_none_or(|l| *l == v.locale))
    }

    fn facts<'a>(&'a self, version: &'a Version) -> impl Iterator<Item = &'a Fact> + 'a {
        version
            .document
            .facts
            .iter()
            .filter(|f| self.kind.is_none_or(|k| k == f.kind))
    }
}

/// `path:line:column  kind  value  «text»  key`, grouped by file in corpus order.
pub fn human(corpus: &Corpus, filter: &Filter) -> String {
    let mut out = String::new();
    let mut count = 0;
    for version in filter.versions(corpus) {
        for fact in filter.facts(version) {
            count += 1;
            let comparator = fact
                .comparator
                .map(|c| format!(" {}", c.symbol()))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{}:{}:{}  {}  {}{comparator}  «{}»  {}{}",
                version.path,
                fact.span.line,
                fact.span.column,
                fact.kind,
                fact.value,
                fact.text.replace('\n', " "),
                fact.key,
                fact.name
                    .as_ref()
                    .map(|n| format!("  ({n})"))
                    .unwrap_or_default(),
            );
        }
    }
    let _ = writeln!(out, "{count} facts");
    out
}

/// The document `facts --format json` writes.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct JsonFacts<'a> {
    /// [`SCHEMA`].
    pub schema: &'static str,
    /// The corpus root, as printed (relative to the current directory, like every path).
    pub root: &'a str,
    /// How many facts are listed, and the input diagnostics by level.
    pub summary: FactsSummary,
    /// The facts, in corpus order.
    pub facts: Vec<JsonFact<'a>>,
    /// Problems with the input: files that could not be used (their facts are missing).
    pub diagnostics: &'a [Diagnostic],
}

/// The counts of a fact list.
#[derive(Clone, Copy, Debug, Serialize, schemars::JsonSchema)]
pub struct FactsSummary {
    /// Facts listed.
    pub facts: usize,
    /// Input diagnostics by level.
    pub diagnostics: Counts,
}

/// One fact and the file it is in.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct JsonFact<'a> {
    /// The file, as printed.
    pub path: &'a str,
    /// The article's name.
    pub article: &'a str,
    /// The file's locale.
    pub locale: &'a Locale,
    /// The version's date.
    pub version: Option<Date>,
    /// The commit the version was read from (git history).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<&'a str>,
    /// The fact itself (its fields are inlined).
    #[serde(flatten)]
    pub fact: &'a Fact,
}

/// The facts `filter` selects as a pretty-printed JSON document: its `schema` ([`SCHEMA`]), the
/// `root`, a `summary`, the `facts`, each with its file's `path`, `article`, `locale` and
/// `version` date, and the input `diagnostics`.
pub fn json(corpus: &Corpus, filter: &Filter, root: &str, diagnostics: &[Diagnostic]) -> String {
    let facts: Vec<JsonFact> = filter
        .versions(corpus)
        .flat_map(|version| {
            filter.facts(version).map(move |fact| JsonFact {
                path: &version.path,
                article: &version.article,
                locale: &version.locale,
                version: version.date,
                commit: version.commit.as_deref(),
                fact,
            })
        })
        .collect();
    super::to_json(&JsonFacts {
        schema: SCHEMA,
        root,
        summary: FactsSummary {
            facts: facts.len(),
            diagnostics: Counts::of_diagnostics(diagnostics),
        },
        facts,
        diagnostics,
    })
}
