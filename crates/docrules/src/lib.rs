//! The `docrules` command line: argument parsing, progress and the glue between the library
//! crates (`docrules-parse` → `docrules-align` → `docrules-rules` → `docrules-render`, and
//! `docrules-codegen`). Callable in-process ([`cli::run`]) so tests run exactly what users run.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]
#![warn(missing_docs)]

pub mod atomic;
pub mod cache;
pub mod cli;
pub mod write;
