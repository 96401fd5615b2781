//! `cargo xtask bench-git [--files 1000] [--commits 20] [--runs 3]`: the time to read a
//! repository's history (`[versions] from = "git"`), on a generated repository where every
//! commit changes every file (the worst case: files × commits revisions), beside the same tree
//! read as its working tree only. Figures are printed, never asserted.

use anyhow::{Context, Result, bail};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use super::measure;

const USAGE: &str = "usage: cargo xtask bench-git [--files 1000] [--commits 20] [--runs 3]";

const LOCALES: [&str; 4] = ["en", "fr", "de", "ja"];

pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let (mut files, mut commits, mut runs) = (1_000usize, 20usize, 3usize);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || -> Result<usize> {
            args.next()
                .with_context(|| format!("{arg} needs a value\n\n{USAGE}"))?
                .parse()
                .with_context(|| format!("{arg} takes a number"))
        };
        match arg.as_str() {
            "--files" => files = value()?,
            "--commits" => commits = value()?,
            "--runs" => runs = value()?,
            _ => bail!("unknown argument `{arg}`\n\n{USAGE}"),
        }
    }
    super::super::cargo(&["build", "--release", "-p", "docrules"])?;
    let target = super::target_dir(root);
    let docrules = target.join("release/docrules");
    let dir = target.join(format!("bench/git-{files}x{commits}"));
    let started = Instant::now();
    generate(&dir, files, commits)?;
    println!(
        "generated {} ({files} files x {commits} commits) in {:.1} s",
        dir.display(),
        started.elapsed().as_secs_f64()
    );
    let mut table = String::from(
        "| versions from | command | first run | median | peak RSS |\n|---|---|---|---|---|\n",
    );
    // `max_per_file = 1` walks every commit and diffs every tree but parses one version per
    // file: the cost of the walk itself.
    for (from, extra) in [
        ("git", ""),
        ("git, max_per_file = 1", "max_per_file = 1\n"),
        ("worktree", ""),
    ] {
        let kind = from.split(',').next().unwrap_or(from);
        std::fs::write(dir.join("docrules.toml"), manifest(kind) + extra)?;
        for command in ["facts", "check"] {
            let once = measure::run(1, &[0, 1], || {}, || cmd(&docrules, command, &dir))?;
            let sample = measure::run(runs, &[0, 1], || {}, || cmd(&docrules, command, &dir))?;
            writeln!(
                table,
                "| {from} | {command} | {:.2} s | {:.2} s | {} MiB |",
                once.wall.as_secs_f64(),
                sample.wall.as_secs_f64(),
                sample.peak_rss_kib / 1024
            )?;
        }
    }
    std::fs::write(dir.join("docrules.toml"), manifest("git"))?;
    print!("{table}");
    Ok(())
}

fn cmd(docrules: &Path, command: &str, dir: &Path) -> Command {
    let mut cmd = Command::new(docrules);
    cmd.arg(command).arg(dir).args(["--format", "json"]);
    cmd
}

fn manifest(from: &str) -> String {
    format!(
        "[corpus]\nlayout = \"locale-folders\"\nsource_locale = \"en\"\n\n[versions]\nfrom = \"{from}\"\n"
    )
}

/// One page: a table row with an error ID and a validity that changes with the commit.
fn page(article: usize, locale: &str, commit: usize) -> String {
    let day = 1 + commit % 28;
    let month = 1 + (commit / 28) % 12;
    let hours = 24 + commit * 2;
    format!(
        "---\nms.date: {month:02}/{day:02}/2024\n---\n# Article {article} ({locale})\n\n\
         Intro paragraph {article}: this page explains how to recover from the errors below.\n\n\
         ## Errors\n\n| Error | Recommended action |\n|---|---|\n\
         | The operation failed. (ID: {id}) | Retry within {hours} hours. |\n\
         | The vault is locked. (ID: {id2}) | Wait {commit} minutes, then retry. |\n\n\
         ## Notes\n\nThe credential is valid for {hours} hours.\n",
        id = 100_000 + article,
        id2 = 200_000 + article,
    )
}

/// A repository of `files` pages (articles × 4 locales) in `commits` commits, each changing
/// every page, written with `git fast-import` and checked out.
fn generate(dir: &Path, files: usize, commits: usize) -> Result<()> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    git(dir, &["init", "-q", "-b", "main"], None)?;
    let mut stream = Vec::new();
    let articles = files.div_ceil(LOCALES.len());
    for c in 0..commits {
        let time = 1_704_067_200 + c * 86_400;
        let message = format!("commit {c}");
        write!(
            stream,
            "commit refs/heads/main\ncommitter Docs <docs@example.com> {time} +0000\ndata {}\n{message}\n",
            message.len()
        )?;
        if c == 0 {
            let text = manifest("git");
            write!(
                stream,
                "M 100644 inline docrules.toml\ndata {}\n{text}\n",
                text.len()
            )?;
        }
        for i in 0..files {
            let (article, locale) = (i % articles, LOCALES[i / articles % LOCALES.len()]);
            let text = page(article, locale, c);
            write!(
                stream,
                "M 100644 inline docs/{locale}/article-{article:04}.md\ndata {}\n{text}\n",
                text.len()
            )?;
        }
    }
    git(dir, &["fast-import", "--quiet"], Some(&stream))?;
    git(dir, &["checkout", "-q", "-f", "main"], None)?;
    Ok(())
}

fn git(dir: &Path, args: &[&str], input: Option<&[u8]>) -> Result<()> {
    let mut child = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .stdin(Stdio::piped())
        .spawn()
        .with_context(|| format!("running git {args:?}"))?;
    if let (Some(input), Some(mut stdin)) = (input, child.stdin.take()) {
        stdin.write_all(input)?;
    }
    let status = child.wait()?;
    if !status.success() {
        bail!("git {args:?} exited with {status}");
    }
    Ok(())
}
