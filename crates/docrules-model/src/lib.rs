//! The docrules data model: what every later stage of the pipeline reads.
//!
//! A corpus ([`corpus::Corpus`]) holds articles, each a list of versions (one file: an article
//! in one locale at one date); a version's [`document::Document`] holds its sections, tables,
//! rules (one per table row), links, anchors and typed [`fact::Fact`]s, every element with a
//! [`span::Span`] into the original bytes. This crate holds data and the small functions that
//! read it; loading and parsing live in `docrules-parse`.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]
#![warn(missing_docs)]

pub mod corpus;
pub mod date;
pub mod diagnostic;
pub mod document;
pub mod fact;
pub mod front_matter;
pub mod index;
pub mod locale;
pub mod manifest;
pub mod source;
pub mod span;
