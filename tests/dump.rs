//! Snapshots of what docrules reads from every seed: the reviewed spec of the document model.

mod common;

use docrules_render::dump;

#[test]
fn outline_of_every_seed() {
    let corpus = common::load_corpus();
    let mut seen = 0;
    for version in corpus.versions() {
        let name = format!(
            "{}__{}__{}",
            version.article,
            version.locale,
            version
                .path
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .trim_end_matches(".md")
        );
        insta::assert_snapshot!(name, dump::outline(&version.document));
        seen += 1;
    }
    assert_eq!(seen, 5, "the bundled corpus holds the five seeds");
}

#[test]
fn corpus_tree() {
    let (status, out, err) = common::run(&["dump", common::corpus_root().to_str().unwrap()]);
    assert_eq!(status, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    insta::assert_snapshot!(out);
}

#[test]
fn json_dump_is_versioned_and_complete() {
    let root = common::corpus_root();
    let (status, out, _) = common::run(&["dump", root.to_str().unwrap(), "--format", "json"]);
    assert_eq!(status, 0);
    let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(json["schema"], "docrules.dump/1");
    let corpus = common::load_corpus();
    let articles = json["corpus"]["articles"].as_array().unwrap();
    assert_eq!(articles.len(), corpus.articles.len());
    for (article, expected) in articles.iter().zip(&corpus.articles) {
        for (version, expected) in article["versions"]
            .as_array()
            .unwrap()
            .iter()
            .zip(&expected.versions)
        {
            let document = &version["document"];
            assert_eq!(
                document["rules"].as_array().unwrap().len(),
                expected.document.rules.len()
            );
            assert_eq!(
                document["sections"].as_array().unwrap().len(),
                expected.document.sections.len()
            );
            assert!(
                version["date"].as_str().unwrap().len() == 10,
                "ISO date: {}",
                version["date"]
            );
            // Cells keep their structure in JSON: typed inline nodes with spans.
            let first_cell = &document["rules"][0]["cells"][0];
            assert!(first_cell["inlines"][0]["type"].is_string());
            assert!(first_cell["inlines"][0]["span"]["line"].as_u64().unwrap() > 0);
        }
    }
}

#[test]
fn versions_are_ordered_by_date_and_named_by_folder() {
    let corpus = common::load_corpus();
    let mars = corpus
        .articles
        .iter()
        .find(|a| a.name == "backup-azure-mars-troubleshoot")
        .unwrap();
    let order: Vec<String> = mars
        .versions
        .iter()
        .map(|v| format!("{} {}", v.locale, v.date.unwrap()))
        .collect();
    assert_eq!(
        order,
        [
            "ja-JP 2017-12-04",
            "zh-TW 2019-05-21",
            "ja-JP 2019-07-15",
            "ja-JP 2021-06-04"
        ]
    );
    assert_eq!(corpus.manifest.krate.name, "azure-backup-rules");
}

#[test]
fn corpus_files_are_byte_for_byte_copies_of_the_seeds() {
    let seeds = common::corpus_root().join("../../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("../shared/seeds not present; skipping the byte-for-byte comparison");
        return;
    }
    let pairs = [
        (
            "002_8787157a850d47dc.txt",
            "backup-azure-mars-troubleshoot/ja-jp/2017-12-04.md",
        ),
        (
            "004_a455567ac22b4712.txt",
            "backup-azure-mars-troubleshoot/zh-tw/2019-05-21.md",
        ),
        (
            "000_e461d5f80049e767.txt",
            "backup-azure-mars-troubleshoot/ja-jp/2019-07-15.md",
        ),
        (
            "001_75a63efdee966a3d.txt",
            "backup-azure-mars-troubleshoot/ja-jp/2021-06-04.md",
        ),
        (
            "003_0bd972109e2d5d87.txt",
            "backup-azure-mabs-troubleshoot/ja-jp/2019-07-05.md",
        ),
    ];
    for (seed, copy) in pairs {
        let seed_bytes = std::fs::read(seeds.join(seed)).unwrap();
        let copy_bytes = std::fs::read(common::corpus_root().join(copy)).unwrap();
        assert!(seed_bytes == copy_bytes, "{copy} differs from seed {seed}");
    }
}
