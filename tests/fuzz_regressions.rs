//! The fuzz targets' properties (`docrules-invariants`) on every input kept in
//! `fuzz/regressions/<target>/` (inputs that once failed, kept after the fix) and on the
//! bundled corpus's articles, alone and joined into corpora. `cargo xtask fuzz TARGET` runs
//! the same properties under libFuzzer.

use std::path::PathBuf;

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ is inside the workspace")
        .to_path_buf()
}

/// The bundled articles' bytes, in path order.
fn articles() -> Vec<Vec<u8>> {
    let mut paths: Vec<PathBuf> = Vec::new();
    for article in std::fs::read_dir(workspace().join("corpus")).unwrap() {
        let article = article.unwrap().path();
        if !article.is_dir() {
            continue;
        }
        for locale in std::fs::read_dir(&article).unwrap() {
            for file in std::fs::read_dir(locale.unwrap().path()).unwrap() {
                paths.push(file.unwrap().path());
            }
        }
    }
    paths.sort();
    assert!(paths.len() >= 5, "the bundled corpus has its articles");
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

#[test]
fn kept_regression_inputs_hold_every_property() {
    let mut replayed = 0;
    for (name, property) in docrules_invariants::TARGETS {
        let dir = workspace().join("fuzz/regressions").join(name);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
        files.sort();
        for file in files.iter().filter(|f| f.is_file()) {
            property(&std::fs::read(file).unwrap());
            replayed += 1;
        }
    }
    eprintln!("{replayed} regression inputs replayed");
}

#[test]
fn the_bundled_articles_hold_every_property() {
    let articles = articles();
    for text in &articles {
        docrules_invariants::front_matter(text);
        for locale in 0..3u8 {
            docrules_invariants::document(&[&[locale][..], text].concat());
        }
    }
    // Consecutive articles as the versions of one corpus, and as reference and linted file.
    for window in articles.windows(3) {
        let joined = [&window[0][..], &[0], &window[1], &[0], &window[2]].concat();
        docrules_invariants::corpus(&joined);
        docrules_invariants::lint_fix(&joined);
    }
}
