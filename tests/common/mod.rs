//! Helpers shared by the test targets.
#![allow(dead_code)]

pub mod git;

use std::path::{Path, PathBuf};

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

/// Makes every `path` of a JSON output relative to its `root` again (paths are printed relative
/// to the current directory; `root` is the corpus root as printed), the way a consumer of the
/// JSON would, so that tests can name files as the corpus lays them out.
pub fn relative_to_root(json: &mut serde_json::Value) {
    let root = json["root"].as_str().expect("a root").to_owned();
    strip_root(json, &format!("{}/", root.trim_end_matches('/')));
}

fn strip_root(value: &mut serde_json::Value, prefix: &str) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match v {
                    serde_json::Value::String(s) if key == "path" && prefix != "./" => {
                        if let Some(rest) = s.strip_prefix(prefix) {
                            *s = rest.to_owned();
                        }
                    }
                    _ => strip_root(v, prefix),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| strip_root(v, prefix)),
        _ => {}
    }
}

/// Every result of a SARIF log names its rule by `ruleIndex` (when it has one), and every
/// location, primary or related, is relative to the one base the log declares.
pub fn assert_sarif_resolves(sarif: &serde_json::Value) {
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let bases = &run["originalUriBaseIds"];
    for result in run["results"].as_array().expect("results") {
        if let Some(index) = result["ruleIndex"].as_u64() {
            assert_eq!(
                rules[index as usize]["id"], result["ruleId"],
                "ruleIndex of {result:#}"
            );
        }
        let related = result["relatedLocations"].as_array().cloned();
        let locations = result["locations"].as_array().cloned().unwrap_or_default();
        for location in locations.iter().chain(related.iter().flatten()) {
            let artifact = &location["physicalLocation"]["artifactLocation"];
            let uri = artifact["uri"].as_str().expect("a uri");
            if !uri.starts_with("file:") {
                let base = artifact["uriBaseId"].as_str().expect("a base");
                assert!(bases[base]["uri"].is_string(), "base {base} is declared");
            }
        }
    }
}

/// The ways a CLI may print `path` under the one path policy: relative to the current
/// directory (`../../x`), or absolute when only `/` is shared with it.
pub fn printed_forms(path: &Path) -> Vec<String> {
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let mut forms = vec![target.to_string_lossy().into_owned()];
    if let Ok(cwd) = std::env::current_dir().and_then(std::fs::canonicalize) {
        let common = cwd
            .components()
            .zip(target.components())
            .take_while(|(a, b)| a == b)
            .count();
        let mut relative = PathBuf::new();
        for _ in cwd.components().skip(common) {
            relative.push("..");
        }
        for part in target.components().skip(common) {
            relative.push(part);
        }
        forms.push(relative.to_string_lossy().into_owned());
    }
    forms
}

/// A lint cache folder shared by the tests of one test binary (so that they do not write to the
/// user's cache).
pub fn lint_cache() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().unwrap()).path()
}

/// Runs `docrules lint` against the bundled corpus, without colours, with [`lint_cache`];
/// returns (status, stdout, stderr).
pub fn lint(args: &[&str]) -> (u8, String, String) {
    let rules = corpus_root();
    let mut all = vec![
        "lint",
        "--rules",
        rules.to_str().unwrap(),
        "--color",
        "never",
        "--cache-dir",
        lint_cache().to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    run(&all)
}
