//! docrules: compile multilingual troubleshooting documentation into typed, checked rules.
//!
//! Data flows one way: [`corpus`] loads files into [`model::Document`]s (through [`source`],
//! [`frontmatter`] and [`parse`]), and every later stage reads that model.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

pub mod align;
pub mod atomic;
pub mod check;
pub mod cli;
pub mod codegen;
pub mod corpus;
pub mod date;
pub mod diagnostic;
pub mod diff;
pub mod diff_select;
pub mod dump;
pub mod extract;
pub mod fact;
pub mod fact_list;
pub mod frontmatter;
pub mod html;
pub mod lexicon;
pub mod lint;
pub mod locale;
pub mod manifest;
pub mod model;
pub mod parse;
pub mod render;
pub mod source;
pub mod span;
