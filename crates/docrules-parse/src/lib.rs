//! Loading: from files to the docrules model.
//!
//! Bytes are decoded ([`decode`]), the front matter split off ([`front_matter`]), the markdown
//! parsed into a [`Document`](docrules_model::document::Document) ([`markdown`]) and its facts
//! extracted ([`extract`]); [`corpus::load`] does all of it for every file of a corpus folder,
//! in parallel. A file that cannot be used becomes a diagnostic; every other file is loaded.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]
#![warn(missing_docs)]

pub mod corpus;
pub mod decode;
pub mod extract;
pub mod file;
pub mod front_matter;
pub mod history;
pub mod html;
pub mod markdown;
pub mod source;
