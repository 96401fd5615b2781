//! Lint with `--fix` against a two-version corpus: fixes keep the file readable and a second
//! round changes nothing.

use docrules_model::manifest::Manifest;
use docrules_rules::lint::{self, Linter};

/// The reference corpus's files; the third part of an input is the file linted.
const FILES: [&str; 2] = ["guide/en-us/2020-01-01.md", "guide/ja-jp/2019-06-01.md"];

/// Where the linted file is said to be.
const LINTED: &str = "guide/ja-jp/2021-01-01.md";

/// The text `text` becomes with every fix applied, and whether every fix applied (none was
/// skipped for overlapping another); `None` when the text cannot be read.
fn fixed(linter: &Linter<'_>, text: &str) -> Option<(String, bool)> {
    let (doc, locale) =
        lint::read_document(LINTED, text.as_bytes().to_vec(), Some("ja-jp"), None).ok()?;
    let placement = linter.place(Some(LINTED), locale.clone(), &doc, None);
    let linted = linter.lint(
        LINTED,
        &doc,
        locale.as_ref(),
        &placement,
        &Manifest::default(),
    );
    let proposed = linted.findings.iter().filter(|f| f.fix.is_some()).count();
    let (out, applied) = lint::apply_fixes(text, &linted.findings);
    Some((out, applied == proposed))
}

/// Lints the third part against a corpus of the first two and applies the fixes: a readable
/// file stays readable, and when every fix applied, fixing again changes nothing.
pub fn lint_fix(data: &[u8]) {
    let mut parts = data.splitn(3, |&b| b == 0);
    let reference_parts: Vec<u8> = {
        let a = parts.next().unwrap_or_default();
        let b = parts.next().unwrap_or_default();
        [a, &[0], b].concat()
    };
    let Ok(text) = std::str::from_utf8(parts.next().unwrap_or_default()) else {
        return;
    };
    let dir = tempfile::tempdir().expect("a temporary folder");
    crate::corpus::write(dir.path(), &reference_parts, &FILES);
    let corpus = docrules_parse::corpus::load(dir.path()).expect("the corpus folder loads");
    let compiled = docrules_align::compile(&corpus);
    let reference = docrules_rules::lint::reference::build(&compiled, String::new());
    let linter = Linter::new(Some(&reference));
    let Some((once, complete)) = fixed(&linter, text) else {
        return;
    };
    let Some((twice, _)) = fixed(&linter, &once) else {
        panic!("the fixed text can no longer be read");
    };
    if complete {
        assert_eq!(once, twice, "fixing a fixed file changed it again");
    }
}
