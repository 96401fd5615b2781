//! Throughput of loading (decode, parse, extract facts) on the bundled corpus repeated to at
//! least 50 MB, next to a raw pulldown-cmark parse of the same bytes. Run with `cargo xtask
//! bench` (or `cargo bench -p docrules --bench throughput`); figures go to the issue notes, never
//! into assertions.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use pulldown_cmark::{Options, Parser};

const TARGET_BYTES: usize = 50 * 1024 * 1024;
const RUNS: usize = 3;

fn main() {
    let seeds = seed_files();
    let dir = tempfile::tempdir().expect("temporary directory");
    let (files, bytes) = build_corpus(dir.path(), &seeds);
    let mb = bytes as f64 / (1024.0 * 1024.0);
    println!(
        "corpus: {files} files, {mb:.1} MiB (the {} seeds repeated)",
        seeds.len()
    );

    let texts: Vec<String> = walk(dir.path())
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("readable"))
        .collect();
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_STRIKETHROUGH;
    let raw = best(|| {
        let mut events = 0usize;
        for text in &texts {
            events += Parser::new_ext(text, options).into_offset_iter().count();
        }
        std::hint::black_box(events);
    });
    report("pulldown-cmark events only, 1 thread", mb, raw);

    let locale = docrules_model::locale::Locale::parse("ja-JP");
    let mut documents = Vec::new();
    let parse = best(|| {
        documents.clear();
        for text in &texts {
            let source = docrules_parse::decode::decode("bench.md", text.clone().into_bytes())
                .expect("decodes");
            let (front, body) = docrules_parse::front_matter::parse(&source).expect("front matter");
            documents.push(docrules_parse::markdown::parse(
                source,
                front,
                body,
                locale.as_ref(),
            ));
        }
    });
    report("document model (parse, cells, rules), 1 thread", mb, parse);
    let extract = best(|| {
        let facts: usize = documents
            .iter()
            .map(|d| docrules_parse::extract::extract(d, locale.as_ref(), &[]).len())
            .sum();
        std::hint::black_box(facts);
    });
    report("fact extraction on parsed documents, 1 thread", mb, extract);

    let single = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("thread pool");
    let load_1 = best(|| {
        let corpus = single
            .install(|| docrules_parse::corpus::load(dir.path()))
            .expect("loads");
        std::hint::black_box(
            corpus
                .versions()
                .map(|v| v.document.facts.len())
                .sum::<usize>(),
        );
    });
    report("docrules load (read, parse, facts), 1 thread", mb, load_1);

    let load_n = best(|| {
        let corpus = docrules_parse::corpus::load(dir.path()).expect("loads");
        std::hint::black_box(
            corpus
                .versions()
                .map(|v| v.document.facts.len())
                .sum::<usize>(),
        );
    });
    report(
        &format!("docrules load, {} threads", rayon::current_num_threads()),
        mb,
        load_n,
    );

    let facts = best(|| {
        let mut out = Vec::new();
        let mut err = Vec::new();
        let root = dir.path().to_string_lossy().into_owned();
        docrules::cli::run(
            ["docrules", "facts", root.as_str(), "--format", "json"],
            &mut out,
            &mut err,
        );
        std::hint::black_box(out.len());
    });
    report("`docrules facts --format json` end to end", mb, facts);
}

fn seed_files() -> Vec<PathBuf> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    walk(&corpus)
}

fn walk(root: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    out.sort();
    out
}

/// Copies the seeds under numbered article names until the corpus reaches the target size.
fn build_corpus(root: &Path, seeds: &[PathBuf]) -> (usize, usize) {
    let contents: Vec<(String, String, Vec<u8>)> = seeds
        .iter()
        .map(|p| {
            let parts: Vec<String> = p
                .components()
                .rev()
                .take(3)
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            (
                parts[1].clone(),
                parts[0].clone(),
                std::fs::read(p).expect("seed"),
            )
        })
        .collect();
    let (mut files, mut bytes, mut round) = (0, 0, 0);
    while bytes < TARGET_BYTES {
        for (index, (locale, name, data)) in contents.iter().enumerate() {
            let dir = root
                .join(format!("article-{round:04}-{index}"))
                .join(locale);
            std::fs::create_dir_all(&dir).expect("create");
            std::fs::write(dir.join(name), data).expect("write");
            files += 1;
            bytes += data.len();
        }
        round += 1;
    }
    (files, bytes)
}

fn best(mut f: impl FnMut()) -> Duration {
    (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn report(what: &str, mb: f64, time: Duration) {
    println!(
        "{what:<48} {:>8.0} ms  {:>7.1} MiB/s",
        time.as_secs_f64() * 1000.0,
        mb / time.as_secs_f64()
    );
}
