//! `docrules lint` as a maintainer means it: which files a folder or glob stands for
//! (.gitignore, hidden files, `--exclude`, `.MD`), what `--diff` and `--stdin` print, and what
//! lint says about a file it could not place or whose locale nothing names.

mod common;

use serde_json::Value;
use std::path::Path;

/// The files lint reported on, relative to `dir` (every file here has a finding: no `ms.date`).
fn linted_files(dir: &Path, args: &[&str]) -> Vec<String> {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--format", "json"]);
    let (_, out, err) = common::lint(&all);
    let json: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    let dir = std::fs::canonicalize(dir).unwrap();
    let mut files: Vec<String> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let path = std::fs::canonicalize(f["primary"]["path"].as_str().unwrap()).unwrap();
            path.strip_prefix(&dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    files.sort();
    files.dedup();
    files
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A folder of documentation as a repository has it: ignored, hidden and excluded files, and a
/// markdown file with an upper-case extension.
fn docs_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for file in [
        "a.md",
        "README.MD",
        "guide/b.markdown",
        "build/out.md",
        ".github/template.md",
        "drafts/wip.md",
        "guide/c.draft.md",
    ] {
        write(&root.join(file), "# Title\n\nText.\n");
    }
    write(&root.join("notes.txt"), "# not markdown\n");
    write(&root.join(".gitignore"), "build/\n");
    dir
}

#[test]
fn a_folder_is_walked_honouring_gitignore_and_skipping_hidden_files() {
    let dir = docs_folder();
    let root = dir.path().to_str().unwrap();
    assert_eq!(
        linted_files(dir.path(), &[root]),
        [
            "README.MD",
            "a.md",
            "drafts/wip.md",
            "guide/b.markdown",
            "guide/c.draft.md"
        ]
    );
}

#[test]
fn exclude_leaves_out_folders_and_files_named_or_walked() {
    let dir = docs_folder();
    let root = dir.path().to_str().unwrap();
    assert_eq!(
        linted_files(
            dir.path(),
            &[root, "--exclude", "drafts/", "--exclude", "*.draft.md"]
        ),
        ["README.MD", "a.md", "guide/b.markdown"]
    );
    let named = dir.path().join("guide/c.draft.md");
    let (_, out, _) = common::lint(&[
        named.to_str().unwrap(),
        "--exclude",
        "*.draft.md",
        "--format",
        "json",
    ]);
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["findings"], Value::Array(vec![]), "{json:#}");
}

#[test]
fn a_quoted_glob_is_expanded() {
    let dir = docs_folder();
    let glob = format!("{}/guide/*.md", dir.path().display());
    assert_eq!(linted_files(dir.path(), &[&glob]), ["guide/c.draft.md"]);
    let glob = format!("{}/**/*.md", dir.path().display());
    assert_eq!(
        linted_files(dir.path(), &[&glob]),
        ["a.md", "drafts/wip.md", "guide/c.draft.md"]
    );
    let (status, _, err) = common::lint(&[&format!("{}/*.rst", dir.path().display())]);
    assert_eq!(status, 2);
    assert!(err.contains("no markdown file matches"), "{err}");
}

#[test]
fn diff_prints_the_patch_and_the_findings_it_does_not_fix() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("draft.md");
    let text = std::fs::read_to_string(common::fixture("lint/stale-value/trigger.md")).unwrap();
    // A list closed twice: a finding without a fix.
    let written =
        format!("{text}\n| 原因 | 動作 |\n| --- | --- |\n| a | <ul><li>x</li></ul></ul> |\n");
    write(&file, &written);
    let (status, out, err) = common::lint(&[
        file.to_str().unwrap(),
        "--article",
        "backup-azure-mars-troubleshoot",
        "--diff",
    ]);
    assert_eq!(status, 1, "the stale values shown in the patch still fail");
    assert!(
        out.starts_with("--- a/") && out.contains("+| 保存庫認證可能已過期（下載超過 10 天）"),
        "{out}"
    );
    assert!(
        !out.contains("warning["),
        "the patch alone is on standard output: {out}"
    );
    assert!(
        err.contains("warning[DL004]"),
        "findings without a fix: {err}"
    );
    assert!(
        !err.contains("error[DL001]"),
        "fixed findings are in the patch: {err}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        written,
        "--diff writes nothing"
    );
}

#[test]
fn stdin_with_paths_is_a_usage_error() {
    let (status, _, err) = common::lint(&["--stdin", "--stdin-path", "a.md", "b.md"]);
    assert_eq!(status, 2);
    assert!(err.contains("cannot be used with"), "{err}");
}

#[test]
fn fix_writes_through_a_symlink_and_keeps_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("real.md");
    std::fs::copy(common::fixture("lint/stale-value/trigger.md"), &target).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let (_, out, err) = common::lint(&[
            link.to_str().unwrap(),
            "--article",
            "backup-azure-mars-troubleshoot",
            "--fix",
        ]);
        assert!(out.contains("fixed 1 findings"), "{out}{err}");
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(
            std::fs::read_to_string(&target)
                .unwrap()
                .contains("超過 10 天")
        );
        let mode = std::fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

/// README-like pages cite error IDs; two shared IDs do not make one a version of an article,
/// and that is said once.
#[test]
fn a_file_without_evidence_is_said_to_be_not_placed_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("README.md");
    write(
        &file,
        "# Release notes\n\n| Error | Fixed in |\n| --- | --- |\n| 34513 | 2.0 |\n| 100050 | 2.1 |\n",
    );
    let (_, _, err) = common::lint(&[file.to_str().unwrap()]);
    assert_eq!(err.matches("not placed").count(), 1, "{err}");
    assert!(
        err.contains("only the lints that need no corpus article ran"),
        "{err}"
    );
}

/// A zh-TW draft without `ms.contentlocale`, outside a locale folder: its 48 小時 is read as
/// English text (no fact), so nothing is compared, and lint says so and how to fix it.
#[test]
fn a_file_whose_locale_nothing_names_is_said_to_have_no_fact_compared() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("draft.md");
    let text = std::fs::read_to_string(common::fixture("lint/stale-value/trigger.md")).unwrap();
    write(&file, &text.replace("ms.contentlocale: zh-TW\n", ""));
    let (_, out, err) = common::lint(&[
        file.to_str().unwrap(),
        "--article",
        "backup-azure-mars-troubleshoot",
        "--format",
        "json",
    ]);
    let json: Value = serde_json::from_str(&out).unwrap();
    assert!(
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["name"] != "stale-value"),
        "{json:#}"
    );
    assert_eq!(err.matches("no locale is named").count(), 1, "{err}");
    assert!(
        err.contains("add `ms.contentlocale: TAG`") && err.contains("zh-TW"),
        "{err}"
    );
    // Named, it is compared, and nothing is said.
    let (_, _, err) = common::lint(&[
        common::fixture("lint/stale-value/trigger.md")
            .to_str()
            .unwrap(),
        "--article",
        "backup-azure-mars-troubleshoot",
    ]);
    assert!(!err.contains("no locale is named"), "{err}");
}

/// A finding on a table row hundreds of columns wide is cut to the width asked for, around
/// what it underlines, instead of wrapping over many terminal lines.
#[test]
fn human_output_fits_the_width() {
    use docrules_model::manifest::Manifest;
    use docrules_rules::lint::{Linter, read_document};
    let filler = "word ".repeat(80);
    let text = format!(
        "# Guide\n\n| Error | Action |\n| --- | --- |\n| Blocked {filler} | {filler} <ui><li>a</ui> {filler} |\n"
    );
    let (doc, locale) = read_document("guide.md", text.clone().into_bytes(), None, None).unwrap();
    let linter = Linter::new(None);
    let placement = linter.place(None, None, &doc, None);
    let linted = linter.lint(
        "guide.md",
        &doc,
        locale.as_ref(),
        &placement,
        &Manifest::default(),
    );
    assert!(!linted.findings.is_empty());
    let texts = |path: &str| (path == "guide.md").then_some(text.as_str());
    let widest = |width| {
        let out =
            docrules_render::human::render_to_width(&linted.findings, &[], &texts, false, width);
        assert!(out.contains("<ui>"), "{out}");
        out.lines().map(|l| l.chars().count()).max().unwrap()
    };
    assert!(widest(80) <= 80, "fitted to 80 columns");
    assert!(widest(200) > 80, "a wider terminal shows more");
}
