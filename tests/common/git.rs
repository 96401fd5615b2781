//! Git repositories built in temporary folders with the `git` binary (docrules itself reads
//! them through gix): one configuration-free invocation, dated commits.

use std::path::Path;
use std::process::Command;

/// Runs `git` in `dir` with no user or system configuration, dated `date` (author and
/// committer); returns its standard output.
pub fn git_at(dir: &Path, date: &str, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(["-c", "user.name=Docs", "-c", "user.email=docs@example.com"])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

pub fn git(dir: &Path, args: &[&str]) -> String {
    git_at(dir, "2024-01-01T12:00:00Z", args)
}

pub fn write(dir: &Path, path: &str, text: &str) {
    let path = dir.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Writes `files`, stages everything (deletions too) and commits at `date`; returns the
/// commit id.
pub fn commit(dir: &Path, date: &str, files: &[(&str, &str)]) -> String {
    for (path, text) in files {
        write(dir, path, text);
    }
    git(dir, &["add", "-A"]);
    git_at(dir, date, &["commit", "-q", "-m", date]);
    git(dir, &["rev-parse", "HEAD"])
}
