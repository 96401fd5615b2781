//! The types of every crate docrules generates: rules (one per table row of an article's
//! canonical version), typed facts with their history across versions and locales, and where
//! each was stated.
//!
//! A generated crate holds its corpus as `&'static` data of these types and re-exports them, so
//! a tool can handle the rules of several corpora with the same code:
//!
//! ```
//! use docrules_types::{Corpus, Rule};
//!
//! fn advice<'a>(corpora: &[&'a Corpus], error_id: &str) -> Vec<&'a Rule> {
//!     corpora.iter().flat_map(|c| c.by_error_id(error_id)).collect()
//! }
//! assert!(advice(&[&Corpus::EMPTY], "34513").is_empty());
//! ```
//!
//! Every struct is `#[non_exhaustive]`: fields may be added without breaking readers. Values
//! are built by the generated code through the `const fn` constructors (`Rule::new(…)` and the
//! `with_…` setters), which is how a crate outside this one can fill them in a `static`.
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use core::time::Duration;

/// Where something was stated: a file of the corpus, a line and column (in characters), the
/// locale and the version date.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Source {
    /// The file, relative to the corpus root.
    pub path: &'static str,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
    /// The locale of the version (`ja-JP`).
    pub locale: &'static str,
    /// The version date (`2021-06-04`), empty when undated.
    pub version: &'static str,
}

impl Source {
    /// A source position.
    pub const fn new(
        path: &'static str,
        line: u32,
        column: u32,
        locale: &'static str,
        version: &'static str,
    ) -> Source {
        Source {
            path,
            line,
            column,
            locale,
            version,
        }
    }
}

/// What a fact states.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Kind {
    /// A length of time (`48 時間`).
    Duration,
    /// A number of things (`65,000 個`).
    Count,
    /// A number per length of time (`80 objects per second`).
    Rate,
    /// A percentage or a range of them.
    Percent,
    /// A version (`.NET Framework 4.5.2 以降`).
    Version,
    /// An error identifier (`34513`, `0x1FC07`, `SalLowDiskSpace`).
    ErrorId,
    /// An IPv4 address or network.
    Ipv4,
    /// A host name.
    Host,
    /// A URL.
    Url,
    /// A TCP or UDP port.
    Port,
    /// A file-system path.
    Path,
    /// A Windows registry key.
    RegistryKey,
}

/// How a stated number bounds the quantity (`48 時間以上` is at least 48 hours).
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Comparator {
    /// `≥`.
    AtLeast,
    /// `>`.
    MoreThan,
    /// `≤`.
    AtMost,
    /// `<`.
    LessThan,
    /// Within the quantity (`48 小時內`).
    Within,
}

/// A normalized value: equal values state the same thing whatever the language or unit.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Value {
    /// A length of time.
    Duration(Duration),
    /// A range of lengths of time (`4 to 30 minutes`).
    DurationRange {
        /// The lower end.
        low: Duration,
        /// The upper end.
        high: Duration,
    },
    /// One count, or the alternatives the text gives (`60,000 または 65,000`).
    Count(&'static [u64]),
    /// A range of counts (`10 - 20`).
    CountRange {
        /// The lower end.
        low: u64,
        /// The upper end.
        high: u64,
    },
    /// A number per length of time (`80 objects per second`: 80 per one second).
    Rate {
        /// The number as written.
        amount: f64,
        /// The length of time it is per.
        per: Duration,
        /// What is counted, when it is a unit written alike in every language (`MiB`).
        of: Option<&'static str>,
    },
    /// A percentage (`low == high`) or a range of percentages.
    PercentRange {
        /// The lower bound.
        low: f64,
        /// The upper bound.
        high: f64,
    },
    /// A version.
    Version {
        /// Ordered components (`[4, 5, 2]`).
        components: &'static [u64],
        /// Whether the text says "or later".
        minimum: bool,
    },
    /// Decimal digits, lower-case `0x…` hex, or a symbolic name.
    ErrorId(&'static str),
    /// An IPv4 address or network.
    Ipv4Net {
        /// The address.
        address: [u8; 4],
        /// The prefix length of a network (`/18`).
        prefix: Option<u8>,
    },
    /// A host name.
    Host {
        /// Lower-cased, without the wildcard.
        name: &'static str,
        /// Whether it was written `*.example.com`.
        wildcard: bool,
    },
    /// A URL as written.
    Url(&'static str),
    /// A port number.
    Port(u16),
    /// Separators as `\`, lower case.
    Path(&'static str),
    /// Separators as `\`, lower case.
    RegistryKey(&'static str),
}

/// One statement of a fact in one version and locale.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Stated {
    /// The value it states.
    pub value: Value,
    /// The text as written.
    pub text: &'static str,
    /// Where.
    pub source: Source,
}

impl Stated {
    /// A statement.
    pub const fn new(value: Value, text: &'static str, source: Source) -> Stated {
        Stated {
            value,
            text,
            source,
        }
    }
}

/// A typed fact of the canonical version, with its history across versions and locales
/// (oldest first).
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Fact {
    /// Stable across versions and locales: `<article>/<section>/<kind>/<subject>`.
    pub key: &'static str,
    /// The name `docrules.toml` gives the key, if any.
    pub name: Option<&'static str>,
    /// What it states.
    pub kind: Kind,
    /// The canonical value.
    pub value: Value,
    /// How the number bounds the quantity, if the text says.
    pub comparator: Option<Comparator>,
    /// The text as written.
    pub text: &'static str,
    /// Where the canonical version states it.
    pub source: Source,
    /// Every statement of it, oldest first.
    pub history: &'static [Stated],
}

impl Fact {
    /// A fact with no name, comparator or history.
    pub const fn new(
        key: &'static str,
        kind: Kind,
        value: Value,
        text: &'static str,
        source: Source,
    ) -> Fact {
        Fact {
            key,
            name: None,
            kind,
            value,
            comparator: None,
            text,
            source,
            history: &[],
        }
    }

    /// With the name `docrules.toml` gives it.
    pub const fn with_name(mut self, name: &'static str) -> Fact {
        self.name = Some(name);
        self
    }

    /// With a comparator.
    pub const fn with_comparator(mut self, comparator: Comparator) -> Fact {
        self.comparator = Some(comparator);
        self
    }

    /// With its history.
    pub const fn with_history(mut self, history: &'static [Stated]) -> Fact {
        self.history = history;
        self
    }
}

/// A table cell: its text, and its list items when it holds a list.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Cell {
    /// Plain text; line breaks and list items on lines of their own.
    pub text: &'static str,
    /// The items of the lists the cell holds, in order.
    pub items: &'static [&'static str],
}

impl Cell {
    /// A cell.
    pub const fn new(text: &'static str, items: &'static [&'static str]) -> Cell {
        Cell { text, items }
    }
}

/// One table row of the canonical version of an article.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Rule {
    /// `<article>/<section anchor>/<row>`, unique and stable: the row part is the row's error
    /// IDs, else its message, so inserting a row above does not change it.
    pub id: &'static str,
    /// The article (its folder name).
    pub article: &'static str,
    /// The anchor of the section the row is in.
    pub section: &'static str,
    /// The section's title.
    pub title: &'static str,
    /// The error IDs of the row, normalized (decimal, lower-case `0x…` hex, or symbolic).
    pub error_ids: &'static [&'static str],
    /// The operation during which the error occurs.
    pub operation: Option<Cell>,
    /// The error message or details.
    pub message: Option<Cell>,
    /// The causes.
    pub causes: Option<Cell>,
    /// The recommended actions.
    pub actions: Option<Cell>,
    /// The facts the row states.
    pub facts: &'static [&'static Fact],
    /// Where the row is.
    pub source: Source,
}

impl Rule {
    /// A rule with no error IDs, cells or facts.
    pub const fn new(
        id: &'static str,
        article: &'static str,
        section: &'static str,
        title: &'static str,
        source: Source,
    ) -> Rule {
        Rule {
            id,
            article,
            section,
            title,
            error_ids: &[],
            operation: None,
            message: None,
            causes: None,
            actions: None,
            facts: &[],
            source,
        }
    }

    /// With its error IDs.
    pub const fn with_error_ids(mut self, error_ids: &'static [&'static str]) -> Rule {
        self.error_ids = error_ids;
        self
    }

    /// With its operation cell.
    pub const fn with_operation(mut self, cell: Cell) -> Rule {
        self.operation = Some(cell);
        self
    }

    /// With its message cell.
    pub const fn with_message(mut self, cell: Cell) -> Rule {
        self.message = Some(cell);
        self
    }

    /// With its causes cell.
    pub const fn with_causes(mut self, cell: Cell) -> Rule {
        self.causes = Some(cell);
        self
    }

    /// With its actions cell.
    pub const fn with_actions(mut self, cell: Cell) -> Rule {
        self.actions = Some(cell);
        self
    }

    /// With its facts.
    pub const fn with_facts(mut self, facts: &'static [&'static Fact]) -> Rule {
        self.facts = facts;
        self
    }
}

/// One version of an article.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Version {
    /// Its locale (`ja-JP`).
    pub locale: &'static str,
    /// Its date (`2021-06-04`), empty when undated.
    pub date: &'static str,
    /// Its file, relative to the corpus root.
    pub path: &'static str,
}

impl Version {
    /// A version.
    pub const fn new(locale: &'static str, date: &'static str, path: &'static str) -> Version {
        Version { locale, date, path }
    }
}

/// An article and its versions (oldest first); `canonical` indexes the one whose values
/// rules and facts carry.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Article {
    /// Its name (folder name).
    pub name: &'static str,
    /// Its versions, oldest first.
    pub versions: &'static [Version],
    /// Index into `versions` of the canonical version.
    pub canonical: usize,
}

impl Article {
    /// An article.
    pub const fn new(
        name: &'static str,
        versions: &'static [Version],
        canonical: usize,
    ) -> Article {
        Article {
            name,
            versions,
            canonical,
        }
    }

    /// The version whose values rules and facts carry.
    pub fn canonical_version(&self) -> Option<&'static Version> {
        self.versions.get(self.canonical)
    }
}

/// A whole compiled corpus: what a generated crate exports as its `CORPUS`.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Corpus {
    /// The generated crate's package name.
    pub name: &'static str,
    /// The version of docrules that generated it.
    pub generator_version: &'static str,
    /// SHA-256 of the corpus it was generated from (manifest and every article).
    pub digest: &'static str,
    rules: &'static [Rule],
    facts: &'static [Fact],
    articles: &'static [Article],
    locales: &'static [&'static str],
}

impl Corpus {
    /// A corpus with nothing in it.
    pub const EMPTY: Corpus = Corpus::new("", "", "", &[], &[], &[], &[]);

    /// A corpus. `rules` must be sorted by id, `facts` by key, `articles` by name and
    /// `locales` by tag, as generated crates are: the lookups search them by halves.
    pub const fn new(
        name: &'static str,
        generator_version: &'static str,
        digest: &'static str,
        rules: &'static [Rule],
        facts: &'static [Fact],
        articles: &'static [Article],
        locales: &'static [&'static str],
    ) -> Corpus {
        Corpus {
            name,
            generator_version,
            digest,
            rules,
            facts,
            articles,
            locales,
        }
    }

    /// Every rule, sorted by id.
    pub const fn rules(&self) -> &'static [Rule] {
        self.rules
    }

    /// The rule with this id.
    pub fn rule(&self, id: &str) -> Option<&'static Rule> {
        let rules = self.rules;
        rules
            .binary_search_by(|r| r.id.cmp(id))
            .ok()
            .map(|i| &rules[i])
    }

    /// The rules of an error ID: decimal (`34513`), hex in any case (`0x1FC07`) or symbolic.
    pub fn by_error_id<'a>(&self, id: &'a str) -> impl Iterator<Item = &'static Rule> + 'a {
        let id = id.trim();
        self.rules
            .iter()
            .filter(move |r| r.error_ids.iter().any(|e| e.eq_ignore_ascii_case(id)))
    }

    /// Every fact of the canonical versions, sorted by key.
    pub const fn facts(&self) -> &'static [Fact] {
        self.facts
    }

    /// The fact with this key.
    pub fn fact(&self, key: &str) -> Option<&'static Fact> {
        let facts = self.facts;
        facts
            .binary_search_by(|f| f.key.cmp(key))
            .ok()
            .map(|i| &facts[i])
    }

    /// Every article, sorted by name.
    pub const fn articles(&self) -> &'static [Article] {
        self.articles
    }

    /// Every locale of the corpus, sorted.
    pub const fn locales(&self) -> &'static [&'static str] {
        self.locales
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static SOURCE: Source = Source::new("a/en-us/2020-01-01.md", 3, 1, "en-US", "2020-01-01");
    static FACTS: [Fact; 1] = [Fact::new(
        "a/s/duration/1.1/cause/1",
        Kind::Duration,
        Value::Duration(Duration::from_secs(3_600)),
        "1 hour",
        SOURCE,
    )
    .with_name("timeout")];
    static RULES: [Rule; 2] = [
        Rule::new("a/s/0x1fc07.1", "a", "s", "S", SOURCE).with_error_ids(&["0x1fc07"]),
        Rule::new("a/s/1.1", "a", "s", "S", SOURCE)
            .with_error_ids(&["1"])
            .with_facts(&[&FACTS[0]]),
    ];
    static CORPUS: Corpus = Corpus::new("t", "0", "d", &RULES, &FACTS, &[], &["en-US"]);

    #[test]
    fn lookups() {
        assert_eq!(
            CORPUS.rule("a/s/1.1").map(|r| r.error_ids),
            Some(&["1"][..])
        );
        assert!(CORPUS.rule("a/s/2.1").is_none());
        assert_eq!(CORPUS.by_error_id(" 0X1FC07 ").count(), 1);
        let fact = CORPUS.fact("a/s/duration/1.1/cause/1").expect("fact");
        assert_eq!(fact.name, Some("timeout"));
        assert!(
            core::ptr::eq(RULES[1].facts[0], fact),
            "a rule points at the fact"
        );
    }
}
