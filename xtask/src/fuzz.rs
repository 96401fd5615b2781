//! `cargo xtask fuzz TARGET [SECONDS] [-- LIBFUZZER ARGS]`: builds the libFuzzer target
//! `fuzz/fuzz_targets/TARGET.rs` with coverage instrumentation on the stable toolchain (the
//! `sancov` LLVM pass through `-C` flags; no address sanitizer, which needs nightly and which
//! safe Rust does not need) and runs it for SECONDS (default 60) on `fuzz/corpus/TARGET`,
//! seeded from the bundled corpus. A crash is written to `fuzz/artifacts/TARGET/`; copy it to
//! `fuzz/regressions/TARGET/` once fixed, where `tests/fuzz_regressions.rs` replays it.

use anyhow::{Context, Result, bail};
use std::path::Path;
use std::process::Command;

/// The coverage instrumentation cargo-fuzz uses, minus the sanitizer.
const RUSTFLAGS: &str = "-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
    -Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
    -Cllvm-args=-sanitizer-coverage-pc-table -Cllvm-args=-sanitizer-coverage-trace-compares \
    --cfg fuzzing";

/// Runs one target; `args` is `TARGET [SECONDS] [-- LIBFUZZER ARGS]`.
pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let (ours, theirs) = match args.iter().position(|a| a == "--") {
        Some(i) => (&args[..i], &args[i + 1..]),
        None => (args, &[][..]),
    };
    let names: Vec<&str> = docrules_invariants::TARGETS
        .iter()
        .map(|(n, _)| *n)
        .collect();
    let Some(target) = ours.first() else {
        bail!(
            "usage: cargo xtask fuzz TARGET [SECONDS] [-- LIBFUZZER ARGS]; targets: {}",
            names.join(", ")
        );
    };
    if !names.contains(&target.as_str()) {
        bail!("no fuzz target `{target}`; targets: {}", names.join(", "));
    }
    let seconds: u64 = match ours.get(1) {
        Some(s) => s
            .parse()
            .with_context(|| format!("`{s}` is not a number of seconds"))?,
        None => 60,
    };
    let fuzz = root.join("fuzz");
    let host = host_triple()?;
    let target_dir = root.join("target").join("fuzz");
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .current_dir(&fuzz)
        .args(["build", "--release", "--bin", target, "--target", &host])
        .env("RUSTFLAGS", RUSTFLAGS)
        .env("CARGO_TARGET_DIR", &target_dir)
        .status()
        .context("cannot run cargo")?;
    if !status.success() {
        bail!("building fuzz target `{target}` failed");
    }
    let corpus = fuzz.join("corpus").join(target);
    let artifacts = fuzz.join("artifacts").join(target);
    std::fs::create_dir_all(&corpus)?;
    std::fs::create_dir_all(&artifacts)?;
    seed(root, &corpus)?;
    let binary = target_dir.join(&host).join("release").join(target);
    let status = Command::new(&binary)
        .arg(&corpus)
        .arg(format!("-artifact_prefix={}/", artifacts.display()))
        .arg(format!("-max_total_time={seconds}"))
        .arg("-max_len=65536")
        .arg("-rss_limit_mb=4096")
        .arg("-timeout=20")
        .args(theirs)
        .status()
        .with_context(|| format!("cannot run {}", binary.display()))?;
    if !status.success() {
        bail!(
            "fuzz target `{target}` found a failure: see {}",
            artifacts.display()
        );
    }
    Ok(())
}

/// Copies the bundled corpus's articles into an empty fuzz corpus, so that fuzzing starts
/// from real documents.
fn seed(root: &Path, corpus: &Path) -> Result<()> {
    if std::fs::read_dir(corpus)?.next().is_some() {
        return Ok(());
    }
    for entry in walkdir::WalkDir::new(root.join("corpus")).sort_by_file_name() {
        let entry = entry?;
        if entry.path().extension().is_some_and(|e| e == "md") {
            let name = entry
                .path()
                .strip_prefix(root.join("corpus"))?
                .to_string_lossy()
                .replace('/', "_");
            std::fs::copy(entry.path(), corpus.join(name))?;
        }
    }
    Ok(())
}

/// The host's target triple (instrumentation flags must not reach build scripts, so the
/// target is always named).
fn host_triple() -> Result<String> {
    let output = Command::new("rustc")
        .arg("-vV")
        .output()
        .context("cannot run rustc")?;
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_owned))
        .context("rustc -vV names no host")
}
