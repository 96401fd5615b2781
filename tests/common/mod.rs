//! Helpers shared by the test targets.
#![allow(dead_code)]

use std::path::PathBuf;

use docrules_model::corpus::Corpus;
use docrules_model::document::Document;
use docrules_model::locale::Locale;
use docrules_parse::corpus;

/// The repository's bundled corpus.
pub fn corpus_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../corpus")
}

pub fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(path)
}

pub fn load_corpus() -> Corpus {
    corpus::load(&corpus_root()).expect("the bundled corpus loads")
}

/// Parses a fixture file as the given locale would be.
pub fn parse_fixture(name: &str, locale: &str) -> Document {
    let bytes = std::fs::read(fixture(name)).expect("fixture exists");
    parse_bytes(name, bytes, locale)
}

pub fn parse_bytes(name: &str, bytes: Vec<u8>, locale: &str) -> Document {
    let locale = Locale::parse(locale).expect("valid locale");
    corpus::read_document(name, bytes, Some(&locale), &Default::default()).expect("fixture parses")
}

/// Runs the CLI in-process; returns (status, stdout, stderr).
pub fn run(args: &[&str]) -> (u8, String, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let argv = std::iter::once("docrules").chain(args.iter().copied());
    let status = docrules::cli::run(argv, &mut out, &mut err);
    (
        status,
        String::from_utf8(out).expect("stdout is UTF-8"),
        String::from_utf8(err).expect("stderr is UTF-8"),
    )
}
