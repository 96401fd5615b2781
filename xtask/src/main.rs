//! Repository automation, run as `cargo xtask <task>` (see `.cargo/config.toml`).
//!
//! Tasks:
//! - `ci`: what `.ci/run` runs: formatting check, clippy with warnings denied, the freshness
//!   checks of generated/, schemas/ and the CLDR lexicon, all tests.
//! - `codegen [--check]`: regenerate `generated/` from `corpus/` (or only verify it is fresh).
//! - `schemas [--check]`: write the JSON Schemas of every JSON output to `schemas/` (or only
//!   verify they are fresh).
//! - `eval`: precision per check and recall of labels on the labelled corpus `eval/`.
//! - `lexicon [--fetch | --cldr DIR] [--check]`: the CLDR part of the lexicons (see `lexicon`).
//! - `readme`: rewrite the README's tables of checks and lints from the rule registry.
//! - `fuzz TARGET [SECONDS]`: a libFuzzer target of `fuzz/` (see `fuzz`).
//! - `bench`: docrules on generated corpora of repository size beside the parse floor and other
//!   linters, in release mode; figures are printed and written, never asserted.
//! - `bench-git`: reading the git history of a generated repository (`from = "git"`).

mod bench;
mod eval;
mod fuzz;
mod lexicon;

use anyhow::{Context, Result, bail};
use std::path::PathBuf;
use std::process::Command;

fn main() -> Result<()> {
    let task = std::env::args().nth(1);
    match task.as_deref() {
        Some("ci") => ci(),
        Some("codegen") => codegen(std::env::args().nth(2).as_deref() == Some("--check")),
        Some("schemas") => schemas(std::env::args().nth(2).as_deref() == Some("--check")),
        Some("readme") => readme(),
        Some("lexicon") => lexicon::run(
            &std::env::args().skip(2).collect::<Vec<_>>(),
            &workspace_root(),
        ),
        Some("eval") => eval::run(
            &std::env::args()
                .nth(2)
                .map_or_else(|| workspace_root().join("eval"), PathBuf::from),
        ),
        Some("bench") => bench::run(&workspace_root(), &rest()),
        Some("bench-release") => bench::run_release(&workspace_root(), &rest()),
        Some("bench-git") => bench::git::run(&workspace_root(), &rest()),
        Some("bench-corpus") => bench::corpus(&workspace_root(), &rest()),
        Some("fuzz") => fuzz::run(&workspace_root(), &rest()),
        Some("bench-floor") => bench::floor(&PathBuf::from(
            rest().first().context("usage: xtask bench-floor DIR")?,
        )),
        Some(other) if !matches!(other, "-h" | "--help" | "help") => {
            bail!("unknown task `{other}`\n\n{USAGE}")
        }
        _ => {
            eprintln!("{USAGE}");
            Ok(())
        }
    }
}

const USAGE: &str = "usage: cargo xtask <task>

tasks:
  ci       what .ci/run runs: cargo fmt --check, cargo clippy -D warnings, codegen --check,
           schemas --check, lexicon --check, cargo test --workspace
  codegen  regenerate generated/ from corpus/ (--check: fail with a diff if it is stale)
  schemas  write the JSON Schemas of every JSON output to schemas/ (--check: fail if stale)
  lexicon  regenerate crates/docrules-lexicon/data/cldr/ from its CLDR extract
           (--cldr DIR: from CLDR JSON; --fetch: download the pinned CLDR packages first;
           --check: fail if the generated files are stale)
  readme   rewrite the README's tables of checks and lints from the rule registry
  eval     precision and recall of `docrules check` on the labelled corpus eval/ (or DIR)
  bench    generated corpora of 1k and 10k files (--sizes): read+parse floor, facts, check,
           compile, lint cold/warm, one-file lint, peak RSS, rumdl and markdownlint-cli2
           beside them; target/bench/results.md (--help for options, --micro for the
           in-process micro-benchmarks)
  bench-corpus FILES DIR   only write a generated corpus (to profile a command on it)
  bench-git [--files 1000] [--commits 20]   facts and check reading a generated repository's
           git history (every commit changes every file) beside its working tree alone
  fuzz TARGET [SECONDS] [-- ARGS]   run a libFuzzer target of fuzz/ (front_matter, document,
           corpus, lint_fix) for SECONDS (60), instrumented on the stable toolchain";

fn ci() -> Result<()> {
    cargo(&["fmt", "--all", "--check"])?;
    cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])?;
    codegen(true)?;
    schemas(true)?;
    lexicon::run(&["--check".to_owned()], &workspace_root())?;
    cargo(&["test", "--workspace"])?;
    Ok(())
}

/// `schemas/*.json` from the output types; with `check`, only says which are stale.
fn schemas(check: bool) -> Result<()> {
    let dir = workspace_root().join("schemas");
    let mut stale = Vec::new();
    for schema in docrules_render::schema::all() {
        let path = dir.join(schema.file);
        // Compared as JSON: key order may follow serde_json's features in a given build.
        let parse = |text: &str| serde_json::from_str::<serde_json::Value>(text).ok();
        let current = std::fs::read_to_string(&path).ok();
        if current.as_deref().and_then(parse).is_some()
            && current.as_deref().and_then(parse) == parse(&schema.text)
        {
            continue;
        }
        if check {
            stale.push(schema.file);
        } else {
            std::fs::create_dir_all(&dir).context("cannot create schemas/")?;
            std::fs::write(&path, &schema.text)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("schemas/{}: written ({})", schema.file, schema.name);
        }
    }
    if !stale.is_empty() {
        bail!(
            "schemas/ is stale ({}): run `cargo xtask schemas` and commit",
            stale.join(", ")
        );
    }
    Ok(())
}

/// `docrules compile corpus --out generated [--check]`, in-process, from the workspace root.
fn codegen(check: bool) -> Result<()> {
    let root = workspace_root();
    let corpus = root.join("corpus");
    let out = root.join("generated");
    let mut args = vec![
        "docrules".into(),
        "compile".into(),
        corpus.into_os_string(),
        "--out".into(),
        out.into_os_string(),
    ];
    if check {
        args.push("--check".into());
    }
    let status = docrules::cli::run(args, &mut std::io::stdout(), &mut std::io::stderr());
    if status != 0 {
        bail!("codegen failed (status {status})");
    }
    Ok(())
}

/// The README's rule tables, between `<!-- rules:KIND -->` markers, from the registry.
fn readme() -> Result<()> {
    use docrules_rules::registry::{Kind, markdown_table};
    let path = workspace_root().join("README.md");
    let mut text = std::fs::read_to_string(&path).context("cannot read README.md")?;
    for (marker, kind) in [("check", Kind::Check), ("lint", Kind::Lint)] {
        let open = format!("<!-- rules:{marker} -->\n");
        let close = format!("<!-- /rules:{marker} -->");
        let Some(start) = text.find(&open).map(|s| s + open.len()) else {
            bail!("README.md has no `{}` marker", open.trim());
        };
        let Some(end) = text[start..].find(&close).map(|e| e + start) else {
            bail!("README.md has no `{close}` marker");
        };
        text.replace_range(start..end, &markdown_table(kind));
    }
    std::fs::write(&path, text).context("cannot write README.md")?;
    eprintln!("README.md: rule tables written");
    Ok(())
}

fn cargo(args: &[&str]) -> Result<()> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    eprintln!("$ cargo {}", args.join(" "));
    let status = Command::new(cargo)
        .args(args)
        .current_dir(workspace_root())
        .status()
        .with_context(|| format!("cannot run cargo {}", args.join(" ")))?;
    if !status.success() {
        bail!("`cargo {}` failed ({status})", args.join(" "));
    }
    Ok(())
}

/// The arguments after the task's name.
fn rest() -> Vec<String> {
    std::env::args().skip(2).collect()
}

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default()
}
