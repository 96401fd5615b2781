//! What CI and editors read, from the real binary run in several directories: every path any
//! command prints (human, JSON, SARIF, GitHub, markdown) exists relative to the current
//! directory, and a file that cannot be used is carried by every format of every command.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A repository holding the bundled corpus at `docs/corpus`, with files that cannot be used
/// added, and an empty sibling folder `other/`.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let corpus = dir.path().join("docs/corpus");
    for entry in walkdir::WalkDir::new(&bundled) {
        let entry = entry.unwrap();
        let target = corpus.join(entry.path().strip_prefix(&bundled).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
    let mars = corpus.join("backup-azure-mars-troubleshoot");
    std::fs::write(
        mars.join("ja-jp/2022-01-01.md"),
        b"---\nms.date: 01/01/2022\n---\n# Bad \xc3\x28 byte\n",
    )
    .unwrap();
    std::fs::write(
        mars.join("ja-jp/2022-02-01.md"),
        b"---\nms.date: 02/01/2022\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("other")).unwrap();
    dir
}

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

fn docrules(cwd: &Path, args: &[&str], cache: &Path) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_docrules"))
        .current_dir(cwd)
        .args(args)
        .env("NO_COLOR", "1")
        .env("DOCRULES_CACHE_DIR", cache)
        .output()
        .unwrap();
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

fn json_paths(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match v {
                    Value::String(s) if key == "path" || key == "root" => out.push(s.clone()),
                    _ => json_paths(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| json_paths(v, out)),
        _ => {}
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() + 1 {
            if let Ok(b) = u8::from_str_radix(&text[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap()
}

/// `path` of `path:12:3` (a human pointer), if it is one.
fn strip_position(text: &str) -> &str {
    let mut rest = text;
    for _ in 0..2 {
        match rest.rsplit_once(':') {
            Some((head, tail)) if !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit()) => {
                rest = head
            }
            _ => break,
        }
    }
    rest
}

/// Every path a command's output names, by the shape of its format.
fn printed_paths(format: &str, text: &str, cwd: &Path) -> Vec<String> {
    let mut out = Vec::new();
    match format {
        "json" => json_paths(&serde_json::from_str(text).unwrap(), &mut out),
        "sarif" => {
            let sarif: Value = serde_json::from_str(text).unwrap();
            let run = &sarif["runs"][0];
            let base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
                .as_str()
                .unwrap();
            let cwd = std::fs::canonicalize(cwd).unwrap();
            assert_eq!(percent_decode(base), format!("file://{}/", cwd.display()));
            let mut locations = Vec::new();
            for r in run["results"].as_array().unwrap() {
                locations.extend(r["locations"].as_array().unwrap().iter().cloned());
                locations.extend(
                    r["relatedLocations"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .cloned(),
                );
            }
            for n in run["invocations"][0]["toolExecutionNotifications"]
                .as_array()
                .unwrap()
            {
                locations.extend(n["locations"].as_array().unwrap().iter().cloned());
            }
            for l in locations {
                let artifact = &l["physicalLocation"]["artifactLocation"];
                assert_eq!(artifact["uriBaseId"], "%SRCROOT%", "{artifact}");
                out.push(percent_decode(artifact["uri"].as_str().unwrap()));
            }
        }
        // A release note names files (`2019-07-15.md:48`), not paths.
        "markdown" => {}
        "github" => {
            for line in text.lines() {
                let file = line.split("file=").nth(1).unwrap().split([',', ':']).next();
                let file = file.unwrap().replace("%3A", ":").replace("%2C", ",");
                out.push(file.replace("%25", "%"));
            }
        }
        _ => {
            for line in text.lines() {
                let line = line.trim_start();
                let marked = ["--> ", "::: ", "--- ", "+++ ", "- ", "+ "]
                    .iter()
                    .find_map(|mark| line.strip_prefix(mark));
                if let Some(rest) = marked {
                    // `- path:48  48 時間以上` (diff): the text follows two spaces.
                    let pointer = rest.split("  ").next().unwrap_or(rest);
                    out.push(strip_position(pointer).to_owned());
                    continue;
                }
                // `path:line:column  kind …` (facts), `ja-JP 2019-07-15  path  22 sections` (dump).
                let first = line.split("  ").next().unwrap_or("");
                if first.ends_with(|c: char| c.is_ascii_digit()) && first.contains(".md:") {
                    out.push(strip_position(first).to_owned());
                }
                if line.contains(" sections, ") {
                    out.push(line.split("  ").nth(1).unwrap().to_owned());
                }
            }
        }
    }
    out
}

#[test]
fn every_printed_path_exists_from_every_directory_and_bad_files_are_in_every_format() {
    let repo = repository();
    let cache = tempfile::tempdir().unwrap();
    let absolute = repo.path().join("docs/corpus");
    let absolute = absolute.to_str().unwrap();
    let zh = "backup-azure-mars-troubleshoot/zh-tw/2019-05-21.md";
    let cases: [(PathBuf, &str); 4] = [
        (repo.path().to_path_buf(), "docs/corpus"),
        (repo.path().join("docs/corpus"), "."),
        (repo.path().join("other"), "../docs/corpus"),
        (repo.path().join("other"), absolute),
    ];
    for (cwd, corpus) in &cases {
        let file = format!("{corpus}/{zh}");
        let mut commands: Vec<(Vec<&str>, &str)> = Vec::new();
        for format in ["human", "json", "sarif", "github"] {
            commands.push((vec!["check", corpus, "--format", format], format));
            commands.push((vec!["lint", "--rules", corpus, "--format", format], format));
            commands.push((vec!["lint", &file, "--format", format], format));
        }
        for format in ["human", "json"] {
            commands.push((vec!["facts", corpus, "--format", format], format));
            commands.push((vec!["dump", corpus, "--format", format], format));
        }
        for format in ["human", "json", "markdown"] {
            commands.push((vec!["diff", corpus, "--format", format], format));
        }
        // compile refuses a corpus with errors, naming them on standard error.
        let run = docrules(
            cwd,
            &["compile", corpus, "--out", "gen", "--check"],
            cache.path(),
        );
        assert_eq!(run.status, 1, "{}", run.stderr);
        let paths = printed_paths("human", &run.stderr, cwd);
        assert!(
            paths.iter().any(|p| p.ends_with("2022-01-01.md")),
            "{}",
            run.stderr
        );
        for path in &paths {
            assert!(
                cwd.join(path).exists(),
                "compile in {}: `{path}`",
                cwd.display()
            );
        }
        for (args, format) in commands {
            let run = docrules(cwd, &args, cache.path());
            let what = format!("{args:?} in {}", cwd.display());
            assert!(run.status == 0 || run.status == 1, "{what}: {}", run.stderr);
            let paths = printed_paths(format, &run.stdout, cwd);
            assert!(
                !paths.is_empty() || format == "markdown",
                "{what} prints paths:\n{}",
                run.stdout
            );
            for path in &paths {
                assert!(cwd.join(path).exists(), "{what}: `{path}` does not exist");
            }
            // The invalid UTF-8 file is named by every corpus command (lint of one file does
            // not read it): in the output, or on standard error where the output has no room.
            if args[0] != "lint" {
                let said = format!("{}{}", run.stdout, run.stderr);
                assert!(said.contains("2022-01-01.md"), "{what}:\n{said}");
                assert_eq!(run.status, 1, "{what}");
                assert!(
                    args[0] == "check" || args[0] == "dump" || !run.stderr.is_empty(),
                    "{what} says on standard error why it exits 1"
                );
            }
        }
    }
}
