//! One-file lint time against a compiled corpus: cold (the rules are compiled and cached) and
//! warm (read from the cache, only the canonical version re-parsed), on the bundled corpus and
//! on the corpus repeated to about 10 MB. Run with `cargo xtask bench`; figures are printed,
//! never asserted.

use std::path::Path;
use std::time::{Duration, Instant};

fn lint_once(corpus: &Path, file: &Path, cache: &Path) -> Duration {
    let args = [
        "docrules".as_ref(),
        "lint".as_ref(),
        file.as_os_str(),
        "--rules".as_ref(),
        corpus.as_os_str(),
        "--cache-dir".as_ref(),
        cache.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ];
    let start = Instant::now();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    docrules::cli::run(args, &mut out, &mut err);
    std::hint::black_box(out.len());
    start.elapsed()
}

fn measure(name: &str, corpus: &Path, file: &Path) {
    let cold: Duration = (0..3)
        .map(|_| {
            let cache = tempfile::tempdir().expect("cache dir");
            lint_once(corpus, file, cache.path())
        })
        .min()
        .unwrap_or_default();
    let cache = tempfile::tempdir().expect("cache dir");
    lint_once(corpus, file, cache.path());
    let warm = (0..10)
        .map(|_| lint_once(corpus, file, cache.path()))
        .min()
        .unwrap_or_default();
    println!(
        "{name:<44} cold {:>8.1} ms   warm {:>6.1} ms",
        cold.as_secs_f64() * 1e3,
        warm.as_secs_f64() * 1e3
    );
}

fn main() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let zh = corpus.join("backup-azure-mars-troubleshoot/zh-tw/2019-05-21.md");
    let outside = tempfile::tempdir().expect("temp dir");
    let copy = outside.path().join("copy.md");
    std::fs::copy(&zh, &copy).expect("copy");
    measure(
        "bundled corpus (5 files, 130 KB), zh-TW copy",
        &corpus,
        &copy,
    );

    // The corpus repeated under more article names, about 10 MB.
    let big = tempfile::tempdir().expect("temp dir");
    let mut bytes = 0;
    let mut round = 0;
    while bytes < 10 * 1024 * 1024 {
        for entry in walkdir::WalkDir::new(&corpus)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        {
            let rel = entry.path().strip_prefix(&corpus).expect("inside");
            let mut parts = rel.components();
            let article = parts
                .next()
                .expect("article")
                .as_os_str()
                .to_string_lossy()
                .into_owned();
            let target = big
                .path()
                .join(format!("{article}-{round:03}"))
                .join(parts.as_path());
            std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
            bytes += std::fs::copy(entry.path(), &target).expect("copy") as usize;
        }
        round += 1;
    }
    let big_copy = outside.path().join("copy-big.md");
    std::fs::copy(&zh, &big_copy).expect("copy");
    measure(
        &format!(
            "corpus repeated to {:.1} MB, zh-TW copy",
            bytes as f64 / 1e6
        ),
        big.path(),
        &big_copy,
    );
}
