//! The fixed parts of the generated crate: its `Cargo.toml` and the `lib.rs` that declares the
//! types and lookups; the data modules are built from the corpus (see `data.rs`).

/// `Cargo.toml`. Placeholders: `{header}`, `{name}`, `{version}`, `{types}` (the
/// `docrules-types` dependency as a TOML value).
pub const CARGO_TOML: &str = r#"{header}
[package]
name = "{name}"
version = "{version}"
edition = "2021"
rust-version = "1.85"
description = "Troubleshooting rules and facts compiled from documentation by docrules"
publish = false

[lib]
path = "src/lib.rs"

[features]
default = []
# Serialize the data (for tools that emit JSON).
serde = ["docrules-types/serde"]

[dependencies]
docrules-types = {types}
"#;

/// `src/lib.rs`. Placeholders: `{header}`, `{name}`, `{example}` (a doc example, or nothing).
pub const LIB_RS: &str = r#"{header}
//! Troubleshooting rules and facts of the `{name}` documentation corpus, compiled by docrules.
//!
//! Every [`Rule`] is one table row of the canonical version of an article (error, cause,
//! recommended action); every [`Fact`] is a typed, normalized statement (a duration, a count, a
//! version, an error ID, a host, …) with its history across versions and locales. Everything is
//! `&'static` data in sorted slices: no allocation, no initialization, no runtime dependency.
//! The types come from `docrules-types`, shared by every crate docrules generates, so one tool
//! can read the rules of several corpora through [`CORPUS`].
//!
{example}#![forbid(unsafe_code)]
#![no_std]

#[rustfmt::skip]
mod data;
#[rustfmt::skip]
pub mod facts;
#[rustfmt::skip]
pub mod rules;

pub use docrules_types::{
    Article, Cell, Comparator, Corpus, Fact, Kind, Rule, Source, Stated, Value, Version,
};

/// The whole corpus: rules, facts, articles and locales, with lookups.
pub static CORPUS: &Corpus = &data::CORPUS;
/// The version of docrules that generated this crate.
pub const GENERATOR_VERSION: &str = data::GENERATOR_VERSION;
/// SHA-256 of the corpus this crate was generated from (manifest and every article).
pub const CORPUS_DIGEST: &str = data::CORPUS_DIGEST;

/// Every rule, sorted by id.
pub fn rules() -> &'static [Rule] {
    CORPUS.rules()
}

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    CORPUS.rule(id)
}

/// The rules of an error ID: decimal (`34513`), hex in any case (`0x1FC07`) or symbolic.
pub fn by_error_id(id: &str) -> impl Iterator<Item = &'static Rule> + '_ {
    CORPUS.by_error_id(id)
}

/// Every fact of the canonical versions, sorted by key.
pub fn facts() -> &'static [Fact] {
    CORPUS.facts()
}

/// The fact with this key.
pub fn fact(key: &str) -> Option<&'static Fact> {
    CORPUS.fact(key)
}

/// Every article, sorted by name.
pub fn articles() -> &'static [Article] {
    CORPUS.articles()
}

/// Every locale of the corpus, sorted.
pub fn locales() -> &'static [&'static str] {
    CORPUS.locales()
}
"#;
