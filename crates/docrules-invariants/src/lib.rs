//! Properties docrules keeps on any input. Each function takes arbitrary bytes, runs one stage
//! of the pipeline on them and panics when a property does not hold; a panic inside docrules
//! is a failure too. The libFuzzer targets in `fuzz/` call them (`cargo xtask fuzz TARGET`), and
//! `tests/fuzz_regressions.rs` replays every input kept in `fuzz/regressions/` through them.
//!
//! One input can hold several documents: they are separated by NUL bytes, which no document
//! can contain (a NUL makes a file binary).
#![cfg_attr(not(test), warn(clippy::unwrap_used))]

use docrules_model::locale::Locale;
use docrules_model::manifest::Manifest;

mod corpus;
mod fix;

pub use corpus::corpus;
pub use fix::lint_fix;

/// A property: panics when `data` breaks it.
pub type Property = fn(&[u8]);

/// Every target, by the name its `fuzz/` binary and its regression folder have.
pub const TARGETS: &[(&str, Property)] = &[
    ("front_matter", front_matter),
    ("document", document),
    ("corpus", corpus),
    ("lint_fix", lint_fix),
];

/// Locales the documents are read in, picked by the first byte of an input.
const LOCALES: &[&str] = &[
    "en-US", "ja-JP", "zh-TW", "de-DE", "fr-FR", "ko-KR", "tr-TR",
];

/// The locale an input's first byte picks, and the rest of the input.
fn locale_of(data: &[u8]) -> (Option<Locale>, &[u8]) {
    match data.split_first() {
        Some((&first, rest)) => (Locale::parse(LOCALES[first as usize % LOCALES.len()]), rest),
        None => (None, data),
    }
}

/// Decoding and front matter: no panic, and the body starts on a character boundary inside
/// the text.
pub fn front_matter(data: &[u8]) {
    let Ok(source) = docrules_parse::decode::decode("fuzz.md", data.to_vec()) else {
        return;
    };
    if let Ok((_, body)) = docrules_parse::front_matter::parse(&source) {
        assert!(body <= source.text.len(), "body starts past the end");
        assert!(
            source.text.is_char_boundary(body),
            "body starts inside a character"
        );
    }
}

/// One document through parsing and extraction: every fact's text is the text at its span,
/// every cell lies inside its row, and every table row is a rule or an `empty-row` diagnostic.
pub fn document(data: &[u8]) {
    let (locale, data) = locale_of(data);
    let Ok(doc) = docrules_parse::corpus::read_document(
        "fuzz.md",
        data.to_vec(),
        locale.as_ref(),
        &Manifest::default(),
    ) else {
        return;
    };
    for fact in &doc.facts {
        assert_eq!(
            doc.source.text.get(fact.span.range()),
            Some(fact.text.as_str()),
            "a fact's text is not the text at its span"
        );
    }
    for rule in &doc.rules {
        assert!(
            rule.cells
                .iter()
                .all(|c| c.span.start >= rule.span.start && c.span.end <= rule.span.end),
            "a cell lies outside its row"
        );
    }
    let rows: usize = doc.tables.iter().map(|t| t.rows.len()).sum();
    let empty = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == "empty-row")
        .count();
    assert_eq!(rows, doc.rules.len() + empty, "a table row was dropped");
    assert!(
        docrules_align::diff::diff(&doc, &doc).is_empty(),
        "a document differs from itself"
    );
}
