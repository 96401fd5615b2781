//! Files that must not block a run or leak another file's content (issue 16): FIFOs and
//! devices named `*.md` or `docrules.toml` are refused without being opened for reading,
//! symbolic links are followed only inside the corpus (or the folder linted), and one file that
//! cannot be read does not stop the others. Unix only: the cases are made with real FIFOs and
//! links in temporary folders.
#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::Command;

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

const PAGE: &str = "---\nms.date: 07/15/2019\n---\n# Backup\n\nText.\n";

/// A corpus with one good version, a FIFO and a link out of the corpus as versions, a link to
/// the good file, and a FIFO as its manifest.
fn hostile_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let locale = dir.path().join("backup/en-us");
    std::fs::create_dir_all(&locale).unwrap();
    std::fs::write(locale.join("2019-07-15.md"), PAGE).unwrap();
    mkfifo(&locale.join("2019-08-01.md"));
    std::os::unix::fs::symlink("/etc/passwd", locale.join("2019-09-01.md")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", locale.join("2019-09-02.md")).unwrap();
    std::os::unix::fs::symlink(locale.join("2019-07-15.md"), locale.join("2019-10-01.md")).unwrap();
    mkfifo(&dir.path().join("docrules.toml"));
    dir
}

fn code_of<'a>(diagnostics: &'a [&docrules_model::diagnostic::Diagnostic], file: &str) -> &'a str {
    diagnostics
        .iter()
        .find(|d| d.path.ends_with(file))
        .map_or("none", |d| d.code)
}

#[test]
fn a_corpus_walk_refuses_fifos_devices_and_links_out_without_blocking() {
    let dir = hostile_corpus();
    let corpus = docrules_parse::corpus::load(dir.path()).unwrap();
    let diagnostics = corpus.all_diagnostics();
    assert_eq!(code_of(&diagnostics, "docrules.toml"), "manifest");
    assert_eq!(code_of(&diagnostics, "2019-08-01.md"), "not-a-file");
    assert_eq!(
        code_of(&diagnostics, "2019-09-01.md"),
        "link-outside-corpus"
    );
    assert_eq!(
        code_of(&diagnostics, "2019-09-02.md"),
        "link-outside-corpus"
    );
    // The good file and the link to it inside the corpus are both read.
    let versions: Vec<&str> = corpus.articles[0]
        .versions
        .iter()
        .map(|v| v.path.as_str())
        .collect();
    assert_eq!(
        versions,
        ["backup/en-us/2019-07-15.md", "backup/en-us/2019-10-01.md"]
    );
}

#[test]
fn check_on_a_hostile_corpus_answers() {
    let dir = hostile_corpus();
    let (status, out, err) = common::run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(status, 1, "{out}{err}");
    let all = format!("{out}{err}");
    assert!(all.contains("not a regular file"), "{all}");
    assert!(!all.contains("root:x:0:0"), "{all}");
}

#[test]
fn lint_of_a_link_out_of_its_folder_prints_nothing_of_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("passwd.md");
    std::os::unix::fs::symlink("/etc/passwd", &link).unwrap();
    let (status, out, err) = common::lint(&[link.to_str().unwrap()]);
    assert_eq!(status, 1, "{out}{err}");
    assert!(out.contains("link-outside-corpus"), "{out}{err}");
    assert!(
        !out.contains("root:") && !err.contains("root:"),
        "{out}{err}"
    );
}

#[test]
fn lint_of_a_folder_reports_the_files_it_cannot_read_and_lints_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    // No `ms.date`: the good file has a finding, so it shows that it was linted.
    std::fs::write(docs.join("good.md"), "# Good\n\nText.\n").unwrap();
    mkfifo(&docs.join("fifo.md"));
    std::os::unix::fs::symlink("/etc/passwd", docs.join("out.md")).unwrap();
    std::os::unix::fs::symlink(docs.join("missing.md"), docs.join("dangling.md")).unwrap();
    let (status, out, err) = common::lint(&[docs.to_str().unwrap(), "--format", "json"]);
    assert_eq!(status, 1, "{out}{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}{out}"));
    let problems: Vec<(String, String)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let path = d["path"].as_str().unwrap_or_default();
            let name = path.rsplit('/').next().unwrap_or_default().to_owned();
            (name, d["code"].as_str().unwrap_or_default().to_owned())
        })
        .collect();
    for (file, code) in [
        ("dangling.md", "unreadable-file"),
        ("fifo.md", "not-a-file"),
        ("out.md", "link-outside-corpus"),
    ] {
        assert!(
            problems.contains(&(file.to_owned(), code.to_owned())),
            "{file}: {problems:?}"
        );
    }
    let linted = json["findings"].as_array().unwrap().iter().any(|f| {
        f["primary"]["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("good.md"))
    });
    assert!(linted, "{out}");
    assert!(!out.contains("root:x"), "{out}");
}

#[test]
fn lint_of_a_named_fifo_or_device_does_not_block() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("x.md");
    mkfifo(&fifo);
    let (status, out, err) = common::lint(&[fifo.to_str().unwrap(), "/dev/zero"]);
    assert_eq!(status, 1, "{out}{err}");
    assert_eq!(out.matches("not a regular file").count(), 2, "{out}{err}");
}

/// A file name holding a newline and a GitHub workflow command, and a heading holding escape
/// sequences and a right-to-left override: the human output shows them escaped on one line, so
/// a CI log gets no `::error` command of the file's making and the terminal no styling; the
/// JSON output keeps the exact name.
#[test]
fn names_and_text_with_control_characters_print_escaped_in_human_output() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let name = "x\n::error file=a.md::planted\n.md";
    // No front matter: the finding is on line 1, whose excerpt holds the escape sequences.
    let text = "# Title \u{1b}[31mred \u{1b}]0;t\u{7} \u{202e}evil\n\nText.\n";
    std::fs::write(docs.join(name), text).unwrap();
    let (status, out, err) = common::lint(&[docs.to_str().unwrap(), "--fail-on", "warning"]);
    assert_eq!(status, 1, "{out}{err}");
    let all = format!("{out}{err}");
    assert!(all.contains("# Title "), "{all}");
    assert!(all.contains(r"x\n::error file=a.md::planted\n.md"), "{all}");
    assert!(
        !all.lines().any(|line| line.starts_with("::")),
        "a line of the output is a workflow command:\n{all}"
    );
    assert!(!all.contains(['\u{1b}', '\u{202e}', '\u{7}']), "{all:?}");

    let (_, json, _) = common::lint(&[docs.to_str().unwrap(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let path = json["findings"][0]["primary"]["path"].as_str().unwrap();
    assert!(path.ends_with(name), "{path:?}");
}
