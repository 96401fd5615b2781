//! The evaluation corpus `eval/` stays usable: its labels parse, name registered checks, and
//! point at text that is really there; every file has its provenance in `SOURCES.toml`.
//! (`cargo xtask eval` computes the figures; they are never asserted here.)

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn eval_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../eval")
}

fn table(path: &Path) -> toml::Table {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.parse()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn line_of(root: &Path, rel: &str, line: i64) -> String {
    let text = std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let count = text.lines().count() as i64;
    assert!(
        (1..=count).contains(&line),
        "{rel}:{line} is past the end ({count} lines)"
    );
    text.lines()
        .nth(line as usize - 1)
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn labels_parse_and_point_at_existing_text() {
    let root = eval_root();
    let labels = table(&root.join("LABELS.toml"));
    let findings = labels["finding"].as_array().expect("[[finding]]");
    let negatives = labels["negative"].as_array().expect("[[negative]]");
    assert!(findings.len() >= 40 && negatives.len() >= 40);
    for entry in findings.iter().chain(negatives) {
        let entry = entry.as_table().expect("a table");
        if let Some(code) = entry.get("code").and_then(|c| c.as_str()) {
            assert!(
                docrules_rules::registry::RuleId::find(code).is_some(),
                "`{code}` is a check"
            );
        }
        let path = entry["path"].as_str().expect("path");
        assert!(root.join(path).is_file(), "{path} exists");
        if let Some(line) = entry.get("line").and_then(|l| l.as_integer()) {
            let at = line_of(&root, path, line);
            if let Some(text) = entry.get("text").and_then(|t| t.as_str()) {
                assert!(at.contains(text), "{path}:{line} holds `{text}`: {at}");
            }
        } else {
            assert!(
                entry.contains_key("section"),
                "{path}: a label without a line names a section"
            );
        }
        if let Some(other) = entry.get("other").and_then(|o| o.as_str()) {
            let (file, line) = other.rsplit_once(':').expect("path:line");
            line_of(&root, file, line.parse().expect("a line number"));
        }
    }
}

#[test]
fn every_file_has_its_provenance() {
    let root = eval_root();
    let sources = table(&root.join("SOURCES.toml"));
    let listed: BTreeSet<String> = sources["file"]
        .as_array()
        .expect("[[file]]")
        .iter()
        .map(|f| {
            let f = f.as_table().expect("a table");
            for key in ["repo", "source_path", "commit", "licence"] {
                assert!(f.contains_key(key), "{f:?} has {key}");
            }
            f["path"].as_str().expect("path").to_owned()
        })
        .collect();
    let mut on_disk = BTreeSet::new();
    for article in std::fs::read_dir(&root).expect("eval/") {
        let article = article.expect("entry").path();
        if !article.is_dir() {
            continue;
        }
        for locale in std::fs::read_dir(&article).expect("article") {
            for file in std::fs::read_dir(locale.expect("locale").path()).expect("locale dir") {
                let file = file.expect("file").path();
                let rel = file.strip_prefix(&root).expect("under eval/");
                on_disk.insert(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    assert_eq!(
        listed, on_disk,
        "SOURCES.toml lists exactly the files of eval/"
    );
}
