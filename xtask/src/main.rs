//! Repository automation, run as `cargo xtask <task>` (see `.cargo/config.toml`).
//!
//! Tasks:
//! - `ci`: what `.ci/run` runs: formatting check, clippy with warnings denied, all tests.
//! - `bench`: throughput benchmarks, in release mode; figures are printed, never asserted.

use anyhow::{Context, Result, bail};
use std::path::PathBuf;
use std::process::Command;

fn main() -> Result<()> {
    let task = std::env::args().nth(1);
    match task.as_deref() {
        Some("ci") => ci(),
        Some("bench") => {
            cargo(&["bench", "-p", "docrules", "--bench", "throughput"])?;
            cargo(&["bench", "-p", "docrules", "--bench", "align"])
        }
        Some(other) => bail!("unknown task `{other}`\n\n{USAGE}"),
        None => {
            eprintln!("{USAGE}");
            Ok(())
        }
    }
}

const USAGE: &str = "usage: cargo xtask <task>

tasks:
  ci     cargo fmt --check, cargo clippy -D warnings, cargo test --workspace
  bench  throughput of load/parse/facts on the corpus repeated to 50 MB, and alignment
         cost as articles grow (release mode)";

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
    cargo(&["test", "--workspace"])?;
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

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default()
}
