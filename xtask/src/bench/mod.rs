//! `cargo xtask bench`: docrules at documentation-repository scale, beside the cost of parsing
//! and beside other markdown linters, in one run.
//!
//! The corpora are generated ([`generate`]) under `target/bench/`; every command runs as its own
//! process from the release build, several times, and the table of medians and peak memory is
//! printed and written to `target/bench/results.md`. Figures are for notes and the README,
//! never for assertions.

mod generate;
pub(crate) mod git;
mod measure;
mod tools;

use anyhow::{Context, Result, bail};
use measure::Sample;
use std::ffi::OsString;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

const USAGE: &str = "usage: cargo xtask bench [--sizes 1k,10k] [--runs 3] [--boilerplate 0.3]
                         [--disagreeing 0.1] [--seed 1] [--no-tools] [--micro]

  --sizes        corpora to generate and measure, in files (k = 1,000)
  --runs         runs of each command; the median wall time is reported
  --boilerplate  share of articles that include a shared boilerplate paragraph
  --disagreeing  share of those whose boilerplate states another value
  --no-tools     do not install or run rumdl and markdownlint-cli2
  --micro        also run the in-process micro-benchmarks (crates/docrules/benches)";

#[derive(Debug)]
struct Options {
    sizes: Vec<usize>,
    runs: usize,
    spec: generate::Spec,
    tools: bool,
    micro: bool,
}

fn parse(args: &[String]) -> Result<Options> {
    let mut options = Options {
        sizes: vec![1_000, 10_000],
        runs: 3,
        spec: generate::Spec {
            files: 0,
            boilerplate: 0.3,
            disagreeing: 0.1,
            seed: 1,
        },
        tools: true,
        micro: false,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .with_context(|| format!("{arg} needs a value\n\n{USAGE}"))
        };
        match arg.as_str() {
            "--sizes" => {
                options.sizes = value()?.split(',').map(size).collect::<Result<Vec<_>>>()?;
            }
            "--runs" => options.runs = value()?.parse().context("--runs")?,
            "--boilerplate" => options.spec.boilerplate = value()?.parse().context(arg.clone())?,
            "--disagreeing" => options.spec.disagreeing = value()?.parse().context(arg.clone())?,
            "--seed" => options.spec.seed = value()?.parse().context("--seed")?,
            "--no-tools" => options.tools = false,
            "--micro" => options.micro = true,
            "-h" | "--help" => bail!("{USAGE}"),
            other => bail!("unknown argument `{other}`\n\n{USAGE}"),
        }
    }
    Ok(options)
}

fn size(text: &str) -> Result<usize> {
    let text = text.trim();
    let (digits, scale) = match text.strip_suffix(['k', 'K']) {
        Some(d) => (d, 1_000),
        None => (text, 1),
    };
    Ok(digits
        .parse::<usize>()
        .with_context(|| format!("size `{text}`"))?
        * scale)
}

/// `cargo xtask bench ARGS`: builds the release binaries and runs [`run_release`] from them.
pub fn run(root: &Path, args: &[String]) -> Result<()> {
    parse(args)?;
    super::cargo(&["build", "--release", "-p", "docrules", "-p", "xtask"])?;
    let target = target_dir(root);
    let status = Command::new(target.join("release/xtask"))
        .arg("bench-release")
        .args(args)
        .current_dir(root)
        .status()
        .context("running the release xtask")?;
    if !status.success() {
        bail!("bench failed ({status})");
    }
    if parse(args)?.micro {
        for bench in ["throughput", "align", "lint"] {
            super::cargo(&["bench", "-p", "docrules", "--bench", bench])?;
        }
    }
    Ok(())
}

fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from)
}

/// One row of the table.
struct Row {
    what: String,
    sample: Option<Sample>,
    note: String,
}

/// The measurements themselves, in the release build.
pub fn run_release(root: &Path, args: &[String]) -> Result<()> {
    let options = parse(args)?;
    let target = target_dir(root);
    let bench = target.join("bench");
    let docrules = target.join("release/docrules");
    let xtask = target.join("release/xtask");
    let tools = if options.tools {
        tools::install(&bench.join("tools"))
    } else {
        tools::Tools::default()
    };
    let mut report = String::new();
    let _ = writeln!(
        report,
        "# docrules benchmarks\n\n{} cores; medians of {} runs; peak RSS is the largest of the runs.\n\
         Made by `cargo xtask bench {}`.\n",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        options.runs,
        args.join(" ")
    );
    let mut printed = 0;
    for &files in &options.sizes {
        let spec = generate::Spec {
            files,
            ..options.spec
        };
        let dir = bench.join(format!("corpus-{files}"));
        let _ = std::fs::remove_dir_all(&dir);
        let seeds = [root.join("corpus"), root.join("eval")];
        let (written, bytes) = generate::generate(&seeds, &dir, spec)?;
        let mib = bytes as f64 / (1024.0 * 1024.0);
        eprintln!("corpus-{files}: {written} files, {mib:.1} MiB");
        let rows = measure_corpus(&options, &docrules, &xtask, &tools, &dir, &bench)?;
        let floor = rows[0].sample.map(|s| s.wall.as_secs_f64());
        let _ = writeln!(
            report,
            "## {written} files, {mib:.1} MiB\n\n| command | wall | × floor | peak RSS | note |\n| --- | ---: | ---: | ---: | --- |"
        );
        for row in &rows {
            let (wall, ratio, rss) = match (row.sample, floor) {
                (Some(s), Some(f)) => (
                    format!("{:.2} s", s.wall.as_secs_f64()),
                    format!("{:.1}×", s.wall.as_secs_f64() / f),
                    format!("{:.0} MiB", s.peak_rss_kib as f64 / 1024.0),
                ),
                _ => ("–".into(), "–".into(), "–".into()),
            };
            let _ = writeln!(
                report,
                "| {} | {wall} | {ratio} | {rss} | {} |",
                row.what, row.note
            );
        }
        report.push('\n');
        print!("{}", &report[printed..]);
        printed = report.len();
        std::fs::create_dir_all(&bench)?;
        std::fs::write(bench.join("results.md"), &report)?;
    }
    eprintln!("written to {}", bench.join("results.md").display());
    Ok(())
}

fn measure_corpus(
    options: &Options,
    docrules: &Path,
    xtask: &Path,
    tools: &tools::Tools,
    dir: &Path,
    bench: &Path,
) -> Result<Vec<Row>> {
    let runs = options.runs;
    let mut rows = Vec::new();
    let nothing = || {};
    let with = |args: &[OsString]| {
        let mut command = Command::new(docrules);
        command.args(args);
        command
    };
    let d = || OsString::from(dir);
    rows.push(Row {
        what: "floor: read + pulldown-cmark parse, 1 thread".into(),
        sample: Some(measure::run(runs, &[0], nothing, || {
            let mut c = Command::new(xtask);
            c.arg("bench-floor").arg(dir);
            c
        })?),
        note: "the options docrules parses with".into(),
    });
    for (what, command) in [
        ("`docrules facts --format json`", "facts"),
        ("`docrules check --format json`", "check"),
    ] {
        let args = [command.into(), d(), "--format".into(), "json".into()];
        rows.push(Row {
            what: what.into(),
            sample: Some(measure::run(runs, &[0, 1], nothing, || with(&args))?),
            note: String::new(),
        });
    }
    let out = bench.join("compiled");
    let compile = ["compile".into(), d(), "--out".into(), out.clone().into()];
    rows.push(Row {
        what: "`docrules compile`".into(),
        sample: Some(measure::run(
            runs,
            &[0],
            || {
                let _ = std::fs::remove_dir_all(&out);
            },
            || with(&compile),
        )?),
        note: "writes the rules crate".into(),
    });
    let cache = bench.join("cache");
    let lint = |paths: &[OsString]| {
        let mut args: Vec<OsString> = vec!["lint".into()];
        args.extend_from_slice(paths);
        args.extend([
            "--rules".into(),
            d(),
            "--cache-dir".into(),
            cache.clone().into(),
            "--format".into(),
            "json".into(),
        ]);
        with(&args)
    };
    let clear = || {
        let _ = std::fs::remove_dir_all(&cache);
    };
    rows.push(Row {
        what: "`docrules lint` of the corpus, cold cache".into(),
        sample: Some(measure::run(runs, &[0, 1], clear, || lint(&[]))?),
        note: "newest version of each locale".into(),
    });
    rows.push(Row {
        what: "`docrules lint` of the corpus, warm cache".into(),
        sample: Some(measure::run(runs, &[0, 1], nothing, || lint(&[]))?),
        note: String::new(),
    });
    let one = first_markdown(dir)?;
    rows.push(Row {
        what: "`docrules lint FILE`, warm cache".into(),
        sample: Some(measure::run(runs.max(5), &[0, 1], nothing, || {
            lint(&[one.clone().into()])
        })?),
        note: "one file against the whole compiled corpus".into(),
    });
    for (name, command) in tools.commands(dir) {
        let (sample, note) = match command {
            Ok(mut make) => (
                Some(measure::run(runs, &[0, 1], nothing, &mut make)?),
                String::new(),
            ),
            Err(why) => {
                eprintln!("{name}: skipped ({why})");
                (None, format!("skipped: {why}"))
            }
        };
        rows.push(Row {
            what: name,
            sample,
            note,
        });
    }
    Ok(rows)
}

fn first_markdown(dir: &Path) -> Result<PathBuf> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(walkdir::DirEntry::into_path)
        .find(|p| p.extension().is_some_and(|x| x == "md"))
        .context("the generated corpus has no markdown file")
}

/// `cargo xtask bench-corpus FILES DIR [--seed N]`: only generate a corpus (to profile on it).
pub fn corpus(root: &Path, args: &[String]) -> Result<()> {
    let [files, dir, rest @ ..] = args else {
        bail!("usage: cargo xtask bench-corpus FILES DIR [bench options]");
    };
    let options = parse(rest)?;
    let dir = PathBuf::from(dir);
    if dir.exists() {
        bail!("{} exists; give a new folder", dir.display());
    }
    let spec = generate::Spec {
        files: size(files)?,
        ..options.spec
    };
    let (written, bytes) =
        generate::generate(&[root.join("corpus"), root.join("eval")], &dir, spec)?;
    eprintln!("{}: {written} files, {bytes} bytes", dir.display());
    Ok(())
}

/// `xtask bench-floor DIR`: what any markdown tool pays, read and parse every file once.
pub fn floor(dir: &Path) -> Result<()> {
    let options = docrules_parse::markdown::options();
    let mut events = 0usize;
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry?;
        if entry.path().extension().is_none_or(|x| x != "md") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path())?;
        events += pulldown_cmark::Parser::new_ext(&text, options)
            .into_offset_iter()
            .count();
    }
    println!("{events} events");
    Ok(())
}
