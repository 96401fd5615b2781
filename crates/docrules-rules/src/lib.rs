//! The docrules rules: checks over a compiled corpus and lints over one file, each declared once
//! in its own file (its doc comment is what `docrules explain` prints), their findings, fixes
//! and suppressions.
//!
//! Entry points: [`check`] runs every check on a compiled corpus; [`lint::Linter`] lints one
//! document against a corpus's compiled [`lint::reference::Reference`].
#![warn(missing_docs)]
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

pub mod changed;
pub mod checks;
pub mod config;
pub mod finding;
pub mod lint;
pub mod lints;
pub mod registry;
pub mod suppress;

pub use checks::{Report, run as check};
pub use finding::Finding;
