//! The shape of the workspace: dependencies point down the pipeline only, and heavy
//! dependencies sit in the crate that uses them. A back-edge (the model depending on the
//! parser, render on the CLI, a generated crate on anything but `docrules-types`) fails here.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The normal dependencies of the package whose manifest is `path` (dev-dependencies may
/// reach further: tests and benchmarks use everything).
fn dependencies(path: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let manifest: toml::Table = text
        .parse()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = BTreeSet::new();
    for section in ["dependencies", "build-dependencies"] {
        if let Some(table) = manifest.get(section).and_then(|d| d.as_table()) {
            out.extend(table.keys().cloned());
        }
    }
    out
}

/// Each library crate of ours and the crates of ours it may depend on: the pipeline, top down.
const ALLOWED: &[(&str, &[&str])] = &[
    ("docrules-types", &[]),
    ("docrules-model", &[]),
    ("docrules-lexicon", &["docrules-model"]),
    ("docrules-parse", &["docrules-model", "docrules-lexicon"]),
    ("docrules-align", &["docrules-model", "docrules-parse"]),
    (
        "docrules-rules",
        &[
            "docrules-model",
            "docrules-lexicon",
            "docrules-parse",
            "docrules-align",
        ],
    ),
    (
        "docrules-render",
        &["docrules-model", "docrules-align", "docrules-rules"],
    ),
    (
        "docrules-codegen",
        &["docrules-model", "docrules-parse", "docrules-align"],
    ),
    (
        "docrules",
        &[
            "docrules-model",
            "docrules-parse",
            "docrules-align",
            "docrules-rules",
            "docrules-render",
            "docrules-codegen",
        ],
    ),
    // The fuzz targets' properties run the pipeline from parse to codegen, beside the CLI.
    (
        "docrules-invariants",
        &[
            "docrules-model",
            "docrules-parse",
            "docrules-align",
            "docrules-rules",
            "docrules-codegen",
        ],
    ),
];

/// Third-party crates that only one crate of ours may use (`syn` also in the properties, which
/// parse what codegen wrote).
const ONLY_IN: &[(&str, &str)] = &[
    ("quote", "docrules-codegen"),
    ("proc-macro2", "docrules-codegen"),
    ("prettyplease", "docrules-codegen"),
    ("clap", "docrules"),
    ("indicatif", "docrules"),
    ("annotate-snippets", "docrules-render"),
    ("pulldown-cmark", "docrules-parse"),
    ("yaml-rust2", "docrules-parse"),
];

#[test]
fn dependencies_point_down_the_pipeline() {
    let ours: BTreeSet<&str> = ALLOWED.iter().map(|(name, _)| *name).collect();
    let crates = root().join("crates");
    let mut seen = BTreeSet::new();
    for entry in std::fs::read_dir(&crates).expect("crates/") {
        let dir = entry.expect("entry").path();
        let name = dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        let Some((_, allowed)) = ALLOWED.iter().find(|(n, _)| *n == name) else {
            panic!("crates/{name} is not in this test's pipeline table: add it where it belongs");
        };
        seen.insert(name.clone());
        for dep in dependencies(&dir.join("Cargo.toml")) {
            if ours.contains(dep.as_str()) {
                assert!(
                    allowed.contains(&dep.as_str()),
                    "{name} depends on {dep}: a back-edge or a skipped stage (allowed: {allowed:?})"
                );
            }
            if dep == "syn" {
                assert!(
                    ["docrules-codegen", "docrules-invariants"].contains(&name.as_str()),
                    "syn belongs in docrules-codegen (and docrules-invariants) only, not in {name}"
                );
            }
            if let Some((_, owner)) = ONLY_IN.iter().find(|(d, _)| *d == dep) {
                assert_eq!(*owner, name, "{dep} belongs in {owner} only, not in {name}");
            }
        }
    }
    assert_eq!(seen, ours.iter().map(|s| s.to_string()).collect());
}

#[test]
fn generated_crates_depend_on_the_types_alone() {
    let deps = dependencies(&root().join("generated/Cargo.toml"));
    assert_eq!(deps, BTreeSet::from(["docrules-types".to_owned()]));
    let types = dependencies(&root().join("crates/docrules-types/Cargo.toml"));
    assert!(
        types.iter().all(|d| d == "serde"),
        "docrules-types has no dependency but optional serde: {types:?}"
    );
}

/// The README's tables of checks and lints are the registry's: between
/// `<!-- rules:check -->` and `<!-- /rules:check -->` (and `lint`), exactly
/// `registry::markdown_table`. `cargo xtask readme` rewrites them.
#[test]
fn readme_rule_tables_are_the_registry() {
    use docrules_rules::registry::{Kind, markdown_table};
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    for (marker, kind) in [("check", Kind::Check), ("lint", Kind::Lint)] {
        let open = format!("<!-- rules:{marker} -->\n");
        let close = format!("<!-- /rules:{marker} -->");
        let start = readme
            .find(&open)
            .unwrap_or_else(|| panic!("README lacks {open}"))
            + open.len();
        let end = readme[start..].find(&close).expect("closing marker") + start;
        assert_eq!(
            &readme[start..end],
            markdown_table(kind),
            "the README's {marker} table is stale: run `cargo xtask readme`"
        );
    }
}
