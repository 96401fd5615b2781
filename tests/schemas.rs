//! The published JSON Schemas (`schemas/*.json`) are what the output types say, and real
//! outputs of every JSON-writing command validate against them: the bundled corpus, a corpus of
//! files that cannot be used, lint of a seed and of a loose file, a diff of two loose files.

mod common;

use serde_json::Value;

fn schemas_dir() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../schemas")
}

#[test]
fn published_schemas_are_fresh() {
    for schema in docrules_render::schema::all() {
        let path = schemas_dir().join(schema.file);
        let published: Value = std::fs::read_to_string(&path)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(Value::Null);
        let generated: Value = serde_json::from_str(&schema.text).unwrap();
        assert!(
            published == generated,
            "schemas/{} is stale: run `cargo xtask schemas` and commit",
            schema.file
        );
        assert_eq!(generated["properties"]["schema"]["const"], schema.name);
    }
}

fn validator(file: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(schemas_dir().join(file)).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .build(&schema)
        .unwrap_or_else(|e| panic!("schemas/{file} compiles: {e}"))
}

fn assert_valid(validator: &jsonschema::Validator, args: &[&str]) -> Value {
    let (status, out, err) = common::run(args);
    assert!(status <= 1, "{args:?}: {err}");
    let json: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}"));
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .take(10)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{args:?}: {errors:#?}");
    json
}

#[test]
fn outputs_validate_against_their_schemas() {
    let corpus = common::corpus_root();
    let bad = common::fixture("bad-corpus");
    let cache = tempfile::tempdir().unwrap();
    let cache = cache.path().to_str().unwrap();
    let findings = validator("findings.json");
    let facts = validator("facts.json");
    let dump = validator("dump.json");
    let diff = validator("diff.json");
    for root in [&corpus, &bad] {
        let root = root.to_str().unwrap();
        let json = assert_valid(&findings, &["check", root, "--format", "json"]);
        assert!(json["summary"]["findings"]["error"].is_u64());
        assert_valid(&facts, &["facts", root, "--format", "json"]);
        assert_valid(&dump, &["dump", root, "--format", "json"]);
        assert_valid(&diff, &["diff", root, "--format", "json"]);
    }
    let seed = corpus.join("backup-azure-mars-troubleshoot/zh-tw/2019-05-21.md");
    let rules = corpus.to_str().unwrap();
    let lint = [
        "lint",
        "--rules",
        rules,
        "--cache-dir",
        cache,
        "--format",
        "json",
    ];
    let json = assert_valid(&findings, &[&lint[..], &[seed.to_str().unwrap()]].concat());
    assert!(!json["findings"].as_array().unwrap().is_empty());
    let unusable = common::fixture("bad-corpus/guide/ja-jp/2020-02-01.md");
    let json = assert_valid(
        &findings,
        &[&lint[..], &[unusable.to_str().unwrap()]].concat(),
    );
    assert_eq!(json["diagnostics"][0]["code"], "invalid-utf8");
    let pair = common::fixture("diff/value-changed");
    let (old, new) = (pair.join("old.md"), pair.join("new.md"));
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let json = assert_valid(&diff, &["diff", old, new, "--format", "json"]);
    assert_eq!(
        json["diffs"][0]["changes"][0]["old_value"]["type"],
        "duration"
    );

    // The schemas can fail: a display string where a typed value belongs does not validate.
    let mut broken = json.clone();
    broken["diffs"][0]["changes"][0]["old_value"] = Value::from("48 h");
    assert!(!diff.is_valid(&broken));
    let mut broken = json;
    broken["summary"] = Value::from("1 warning");
    assert!(!diff.is_valid(&broken));
}
