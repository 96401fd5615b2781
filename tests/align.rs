//! Section alignment across versions and locales, and fact histories, on the seeds.

mod common;

use docrules::align::{self, Evidence};
use docrules::corpus::Corpus;
use docrules::model::Document;

fn doc<'a>(corpus: &'a Corpus, locale: &str, date: &str) -> &'a Document {
    &corpus
        .versions()
        .find(|v| {
            v.article == "backup-azure-mars-troubleshoot"
                && v.locale.as_str() == locale
                && v.date.unwrap().to_string() == date
        })
        .unwrap()
        .document
}

/// `old-anchor(s) -> new-anchor(s) [evidence]` for every match.
fn matches(old: &Document, new: &Document) -> Vec<String> {
    let alignment = align::sections::align(old, new);
    alignment
        .matches
        .iter()
        .map(|m| {
            let names = |doc: &Document, ix: &[usize]| -> String {
                ix.iter()
                    .map(|&i| doc.sections[i].anchor.as_str())
                    .map(|a| if a.is_empty() { "(preamble)" } else { a })
                    .collect::<Vec<_>>()
                    .join(" + ")
            };
            format!(
                "{} -> {} [{:?}]",
                names(old, &m.old),
                names(new, &m.new),
                m.evidence
            )
        })
        .collect()
}

#[test]
fn print() {
    let corpus = common::load_corpus();
    for (a, b) in [
        (("ja-JP", "2017-12-04"), ("ja-JP", "2019-07-15")),
        (("ja-JP", "2019-07-15"), ("ja-JP", "2021-06-04")),
        (("zh-TW", "2019-05-21"), ("ja-JP", "2019-07-15")),
    ] {
        println!("{a:?} -> {b:?}");
        for m in matches(doc(&corpus, a.0, a.1), doc(&corpus, b.0, b.1)) {
            println!("  {m}");
        }
    }
    let _ = Evidence::Anchor;
}
