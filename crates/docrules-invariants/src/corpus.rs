//! A corpus of three versions (two of the source, one translation) through load, alignment,
//! check, diff and code generation.

use std::path::Path;

/// Where the parts of an input go, in order.
const FILES: [&str; 3] = [
    "guide/en-us/2019-01-01.md",
    "guide/en-us/2020-01-01.md",
    "guide/ja-jp/2019-06-01.md",
];

/// Writes the NUL-separated parts of `data` as the files of a corpus under `root`.
pub(crate) fn write(root: &Path, data: &[u8], files: &[&str]) {
    std::fs::write(
        root.join("docrules.toml"),
        "[crate]\nname = \"fuzz-rules\"\n[corpus]\nsource_locale = \"en-US\"\n",
    )
    .expect("writes the manifest");
    for (part, file) in data.splitn(files.len(), |&b| b == 0).zip(files) {
        let path = root.join(file);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("creates the folder");
        std::fs::write(path, part).expect("writes a version");
    }
}

/// Load, compile, check, diff and codegen: no panic; every finding points inside a file of the
/// corpus; a version does not differ from itself; generated files parse as Rust, and the same
/// corpus generates the same files.
pub fn corpus(data: &[u8]) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write(dir.path(), data, &FILES);
    let corpus = docrules_parse::corpus::load(dir.path()).expect("the corpus folder loads");
    let compiled = docrules_align::compile(&corpus);
    let report = docrules_rules::check(&compiled);
    let texts: Vec<(&str, &str)> = corpus
        .versions()
        .map(|v| (v.path.as_str(), v.document.source.text.as_str()))
        .collect();
    for finding in &report.findings {
        let text = texts
            .iter()
            .find(|(path, _)| *path == finding.primary.path)
            .map(|(_, text)| *text);
        if let Some(text) = text {
            assert!(
                text.get(finding.primary.span.range()).is_some(),
                "{} points outside its file",
                finding.code
            );
        }
    }
    let versions: Vec<_> = corpus.versions().collect();
    for pair in versions.windows(2) {
        let _ = docrules_align::diff::diff(&pair[0].document, &pair[1].document);
    }
    for version in &versions {
        assert!(
            docrules_align::diff::diff(&version.document, &version.document).is_empty(),
            "{} differs from itself",
            version.path
        );
    }
    let first = docrules_codegen::codegen(&compiled);
    if let Ok(files) = &first {
        for file in files.iter().filter(|f| f.path.ends_with(".rs")) {
            if let Err(err) = syn::parse_file(&file.contents) {
                panic!("generated {} does not parse: {err}", file.path);
            }
        }
    }
    let again = docrules_codegen::codegen(&compiled);
    assert_eq!(
        first.as_ref().ok(),
        again.as_ref().ok(),
        "code generation is not deterministic"
    );
}
