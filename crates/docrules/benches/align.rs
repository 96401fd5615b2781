//! Alignment cost as articles grow: many versions in many locales, and documents with many
//! sections whose anchors were all renamed (so every match goes through the error-ID index or
//! the positional search). Time per version and per section should stay flat: linear growth.
//! Run with `cargo xtask bench`; figures are printed, never asserted.

use std::fmt::Write as _;
use std::time::Instant;

use docrules_model::corpus::{Article, Version};
use docrules_model::locale::Locale;
use docrules_model::manifest::Manifest;

fn main() {
    let seeds = seed_versions();
    println!("versions of one article (the 4 MARS seeds copied into many locales):");
    for count in [50, 100, 200, 400] {
        let article = Article {
            name: "bench".into(),
            versions: (0..count)
                .map(|i| copy(&seeds[i % seeds.len()], i))
                .collect(),
        };
        let start = Instant::now();
        let aligned = docrules_align::align_article(&article, None, &[]);
        let elapsed = start.elapsed();
        println!(
            "  {count:>4} versions in {:>3} locales: {:>7.1} ms  {:>6.3} ms/version  ({} fact histories)",
            count.div_ceil(seeds.len()),
            elapsed.as_secs_f64() * 1000.0,
            elapsed.as_secs_f64() * 1000.0 / count as f64,
            aligned.histories.len()
        );
    }
    sections_scaling(
        "two versions of a document with many sections, every anchor renamed:",
        true,
    );
    sections_scaling(
        "the same without error IDs (matched by position and anchor similarity):",
        false,
    );
}

fn sections_scaling(title: &str, ids: bool) {
    println!("{title}");
    for sections in [500, 1000, 2000, 4000, 8000] {
        let old = document(sections, "old", ids);
        let new = document(sections, "new", ids);
        let start = Instant::now();
        let alignment = docrules_align::sections::align(&old, &new);
        let elapsed = start.elapsed();
        println!(
            "  {sections:>5} sections: {:>7.1} ms  {:>6.2} µs/section  ({} matched)",
            elapsed.as_secs_f64() * 1000.0,
            elapsed.as_secs_f64() * 1e6 / sections as f64,
            alignment.matches.len()
        );
    }
}

fn seed_versions() -> Vec<Version> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let corpus = docrules_parse::corpus::load(&root).expect("corpus loads");
    corpus
        .articles
        .into_iter()
        .find(|a| a.name == "backup-azure-mars-troubleshoot")
        .expect("MARS")
        .versions
}

/// A version read again from its text, under a made-up locale so the article spans many.
fn copy(version: &Version, i: usize) -> Version {
    let locale = Locale::parse(&format!(
        "x{}-{}",
        (b'a' + (i / 26 % 26) as u8) as char,
        ["AA", "BB", "CC", "DD"][i % 4]
    ))
    .unwrap_or_else(|| version.locale.clone());
    let bytes = version.document.source.text.clone().into_bytes();
    let document = docrules_parse::corpus::read_document(
        &version.path,
        bytes,
        Some(&version.locale),
        &Manifest::default(),
    )
    .expect("seed parses");
    Version {
        article: "bench".into(),
        locale,
        date: version.date,
        last_handoff: version.last_handoff,
        path: format!("{i}.md"),
        commit: None,
        sequence: 0,
        document,
    }
}

/// `sections` sections, each with a table row holding a unique error ID; anchors carry `tag` so
/// that no anchor matches between versions.
fn document(sections: usize, tag: &str, ids: bool) -> docrules_model::document::Document {
    let mut text = String::from("---\nms.date: 01/01/2020\n---\n# Title\n\n");
    for s in 0..sections {
        let _ = write!(
            text,
            "## <a name=\"{tag}-section-{s}\"></a>Section {s}\n\n| Error | Recommended action |\n| --- | --- |\n| Failure{} | Retry after {} hours. |\n\n",
            if ids {
                format!(" (ID: {})", 100_000 + s)
            } else {
                String::new()
            },
            s % 48 + 1
        );
    }
    docrules_parse::corpus::read_document(
        "bench.md",
        text.into_bytes(),
        Locale::parse("en").as_ref(),
        &Manifest::default(),
    )
    .expect("parses")
}
