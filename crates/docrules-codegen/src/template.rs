//! The fixed parts of the generated crate: its `Cargo.toml` and the `lib.rs` that declares the
//! types and lookups; the data modules are built from the corpus (see `data.rs`).

/// `Cargo.toml`. Placeholders: `{header}`, `{name}`, `{version}`.
pub const CARGO_TOML: &str = r#"{header}
[package]
name = "{name}"
version = "{version}"
edition = "2021"
description = "Troubleshooting rules and facts compiled from documentation by docrules"
publish = false

[lib]
path = "src/lib.rs"

[features]
default = []
# Serialize the data (for tools that emit JSON).
serde = ["dep:serde"]

[dependencies]
serde = { version = "1", optional = true, default-features = false, features = ["derive"] }
"#;

/// `src/lib.rs`. Placeholders: `{header}`, `{name}`, `{example}` (a doc example, or nothing).
pub const LIB_RS: &str = r#"{header}
//! Troubleshooting rules and facts of the `{name}` documentation corpus, compiled by docrules.
//!
//! Every [`Rule`] is one table row of the canonical version of an article (error, cause,
//! recommended action); every [`Fact`] is a typed, normalized statement (a duration, a count, a
//! version, an error ID, a host, …) with its history across versions and locales. Everything is
//! `&'static` data in sorted slices: no allocation, no initialization, no runtime dependency.
//!
{example}#![forbid(unsafe_code)]
#![no_std]

use core::time::Duration;

#[rustfmt::skip]
mod data;
#[rustfmt::skip]
pub mod facts;
#[rustfmt::skip]
pub mod rules;

/// The version of docrules that generated this crate.
pub const GENERATOR_VERSION: &str = data::GENERATOR_VERSION;
/// SHA-256 of the corpus this crate was generated from (manifest and every article).
pub const CORPUS_DIGEST: &str = data::CORPUS_DIGEST;

/// Where something was stated: a file of the corpus, a line and column (in characters), the
/// locale and the version date.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Source {
    pub path: &'static str,
    pub line: u32,
    pub column: u32,
    pub locale: &'static str,
    pub version: &'static str,
}

/// What a fact states.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Kind {
    Duration,
    Count,
    Percent,
    Version,
    ErrorId,
    Ipv4,
    Host,
    Url,
    Port,
    Path,
    RegistryKey,
}

/// How a stated number bounds the quantity (`48 時間以上` is at least 48 hours).
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Comparator {
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    Within,
}

/// A normalized value: equal values state the same thing whatever the language or unit.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Value {
    Duration(Duration),
    /// One count, or the alternatives the text gives (`60,000 または 65,000`).
    Count(&'static [u64]),
    /// A percentage (`low == high`) or a range of percentages.
    PercentRange {
        low: f64,
        high: f64,
    },
    /// Ordered components; `minimum` when the text says "or later".
    Version {
        components: &'static [u64],
        minimum: bool,
    },
    /// Decimal digits, lower-case `0x…` hex, or a symbolic name.
    ErrorId(&'static str),
    Ipv4Net {
        address: [u8; 4],
        prefix: Option<u8>,
    },
    /// Lower-cased host name; `wildcard` for `*.example.com`.
    Host {
        name: &'static str,
        wildcard: bool,
    },
    Url(&'static str),
    Port(u16),
    /// Separators as `\`, lower case.
    Path(&'static str),
    RegistryKey(&'static str),
}

/// One statement of a fact in one version and locale.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Stated {
    pub value: Value,
    /// The text as written.
    pub text: &'static str,
    pub source: Source,
}

/// A typed fact of the canonical version, with its history across versions and locales
/// (oldest first).
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Fact {
    /// Stable across versions and locales: `<section>/<kind>/<subject>`.
    pub key: &'static str,
    /// The name `docrules.toml` gives the key, if any.
    pub name: Option<&'static str>,
    pub kind: Kind,
    pub value: Value,
    pub comparator: Option<Comparator>,
    /// The text as written.
    pub text: &'static str,
    pub source: Source,
    pub history: &'static [Stated],
}

/// A table cell: its text, and its list items when it holds a list.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Cell {
    pub text: &'static str,
    pub items: &'static [&'static str],
}

/// One table row of the canonical version of an article.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Rule {
    /// `<article>/<section anchor>/<row>`, unique; [`rules()`] is sorted by it.
    pub id: &'static str,
    pub article: &'static str,
    /// The anchor of the section the row is in.
    pub section: &'static str,
    /// The section's title.
    pub title: &'static str,
    pub error_ids: &'static [&'static str],
    pub operation: Option<Cell>,
    pub message: Option<Cell>,
    pub causes: Option<Cell>,
    pub actions: Option<Cell>,
    pub facts: &'static [Fact],
    pub source: Source,
}

/// One version of an article.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Version {
    pub locale: &'static str,
    pub date: &'static str,
    pub path: &'static str,
}

/// An article and its versions (oldest first); `canonical` indexes the one whose values
/// rules and facts carry.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Article {
    pub name: &'static str,
    pub versions: &'static [Version],
    pub canonical: usize,
}

/// Every rule, sorted by id.
pub fn rules() -> &'static [Rule] {
    data::RULES
}

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    let rules = data::RULES;
    rules
        .binary_search_by(|r| r.id.cmp(id))
        .ok()
        .map(|i| &rules[i])
}

/// The rules of an error ID: decimal (`34513`), hex in any case (`0x1FC07`) or symbolic.
pub fn by_error_id(id: &str) -> impl Iterator<Item = &'static Rule> + '_ {
    let id = id.trim();
    data::RULES
        .iter()
        .filter(move |r| r.error_ids.iter().any(|e| e.eq_ignore_ascii_case(id)))
}

/// Every fact of the canonical versions, sorted by key.
pub fn facts() -> &'static [Fact] {
    data::FACTS
}

/// The fact with this key.
pub fn fact(key: &str) -> Option<&'static Fact> {
    let facts = data::FACTS;
    facts
        .binary_search_by(|f| f.key.cmp(key))
        .ok()
        .map(|i| &facts[i])
}

/// Every article, sorted by name.
pub fn articles() -> &'static [Article] {
    data::ARTICLES
}

/// Every locale of the corpus, sorted.
pub fn locales() -> &'static [&'static str] {
    data::LOCALES
}
"#;
