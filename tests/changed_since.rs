//! `check --changed-since REV` and `lint --changed-since REV`: everything computed with the
//! whole corpus, only the findings that rest on a file changed since REV reported. Repositories
//! are built in temporary folders with the `git` binary; docrules reads them through gix.

mod common;

use std::path::Path;

use common::git::{commit, git, write};
use serde_json::Value;

const MANIFEST: &str =
    "[corpus]\nlayout = \"locale-folders\"\nsource_locale = \"en\"\n\n[versions]\nfrom = \"git\"\n";

/// A page with a front matter `ms.date` and one sentence.
fn page(date: &str, title: &str, sentence: &str) -> String {
    format!("---\nms.date: {date}\n---\n# {title}\n\n{sentence}\n")
}

/// Two articles in `locale-folders`: `keys` in English, Japanese and German says 48 hours
/// everywhere, `ports` says 10 minutes in English and 20 in Japanese (a finding no later
/// commit touches). Then the English `keys` changes to 10 days, and neither translation
/// follows. Returns the first commit.
fn repository(dir: &Path) -> String {
    git(dir, &["init", "-q"]);
    let first = commit(
        dir,
        "2024-01-10T09:00:00Z",
        &[
            ("docrules.toml", MANIFEST),
            (
                "docs/en/keys.md",
                &page("01/10/2024", "Keys", "The key is valid for 48 hours."),
            ),
            (
                "docs/ja/keys.md",
                &page("01/12/2024", "キー", "キーは 48 時間有効です。"),
            ),
            (
                "docs/de/keys.md",
                &page(
                    "01/12/2024",
                    "Schlüssel",
                    "Der Schlüssel ist 48 Stunden gültig.",
                ),
            ),
            (
                "docs/en/ports.md",
                &page("01/10/2024", "Ports", "Open the port for 10 minutes."),
            ),
            (
                "docs/ja/ports.md",
                &page("01/08/2024", "ポート", "ポートを 20 分間開きます。"),
            ),
        ],
    );
    commit(
        dir,
        "2024-02-01T09:00:00Z",
        &[(
            "docs/en/keys.md",
            &page("02/01/2024", "Keys", "The key is valid for 10 days."),
        )],
    );
    first
}

fn json(args: &[&str]) -> (u8, Value, String) {
    let (status, out, err) = common::run(args);
    let mut value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}\n{err}"));
    common::relative_to_root(&mut value);
    (status, value, err)
}

/// (primary path, check name, related paths) of every finding.
fn findings(report: &Value) -> Vec<(String, String, Vec<String>)> {
    report["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("{report:#}"))
        .iter()
        .map(|f| {
            let related = f["related"]
                .as_array()
                .map(|r| {
                    r.iter()
                        .map(|r| r["path"].as_str().unwrap().to_owned())
                        .collect()
                })
                .unwrap_or_default();
            (
                f["primary"]["path"].as_str().unwrap().to_owned(),
                f["name"].as_str().unwrap().to_owned(),
                related,
            )
        })
        .collect()
}

fn stale(primary: &str) -> (String, String, Vec<String>) {
    (
        primary.to_owned(),
        "stale-fact".to_owned(),
        vec!["docs/en/keys.md".to_owned()],
    )
}

#[test]
fn a_source_edit_reports_the_translations_it_leaves_stale_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let first = repository(dir.path());
    let root = dir.path().to_str().unwrap();

    // The whole corpus: the untouched article's finding is there.
    let (status, all, _) = json(&["check", root, "--format", "json"]);
    assert_eq!(status, 1);
    let all = findings(&all);
    assert!(
        all.iter().any(|f| f.0 == "docs/ja/ports.md"),
        "the untouched finding exists: {all:#?}"
    );

    let (status, report, err) = json(&[
        "check",
        root,
        "--format",
        "json",
        "--changed-since",
        "HEAD~1",
    ]);
    assert_eq!(status, 1, "{err}");
    assert_eq!(
        findings(&report),
        [stale("docs/de/keys.md"), stale("docs/ja/keys.md")]
    );
    let changed = &report["summary"]["changed_since"];
    assert_eq!(changed["rev"], "HEAD~1");
    assert_eq!(changed["commit"], first.as_str());
    assert_eq!(changed["left_out"], all.len() - 2);
    // The note names the file as printed, like the findings (before the test's stripping).
    let note = format!(
        "{}/docs/en/keys.md: this change makes 2 translations stale",
        report["root"].as_str().unwrap()
    );
    assert_eq!(
        changed["stale_translations"],
        serde_json::json!([{
            "path": "docs/en/keys.md",
            "translations": 2,
            "note": note
        }])
    );
    assert_eq!(report["summary"]["findings"]["error"], 2);

    // People read the same, after the findings.
    let (status, human, _) = common::run(&["check", root, "--changed-since", &first]);
    assert_eq!(status, 1);
    // Paths print relative to the current directory, which may be above the temporary folder.
    let shown = "docs/en/keys.md: this change makes 2 translations stale";
    assert!(human.lines().any(|l| l.ends_with(shown)), "{human}");
    assert!(!human.contains("ports.md"), "{human}");
    assert_eq!(all.len(), 3, "{all:#?}");
    let left_out = format!(
        "1 finding left out: in files not changed since {first} ({})\n",
        &first[..7]
    );
    assert!(human.ends_with(&left_out), "{human}");

    // A GitHub workflow puts the line on the source's file.
    let (_, github, _) = common::run(&[
        "check",
        root,
        "--format",
        "github",
        "--changed-since",
        "HEAD~1",
    ]);
    assert!(
        github.lines().any(|l| l.starts_with("::notice file=")
            && l.ends_with(
                "docs/en/keys.md,title=docrules::this change makes 2 translations stale"
            )),
        "{github}"
    );
}

#[test]
fn uncommitted_staged_and_new_files_are_changed() {
    let dir = tempfile::tempdir().unwrap();
    repository(dir.path());
    let root = dir.path().to_str().unwrap();
    let run = || {
        let (_, report, err) =
            json(&["check", root, "--format", "json", "--changed-since", "HEAD"]);
        assert!(report["summary"]["changed_since"].is_object(), "{err}");
        findings(&report)
    };
    // Nothing changed since HEAD: nothing to report.
    assert_eq!(run(), []);

    // An edit on disk, not committed: its file's finding is reported.
    write(
        dir.path(),
        "docs/ja/ports.md",
        &page("01/08/2024", "ポート", "ポートを 30 分間開きます。"),
    );
    let ports: Vec<_> = run().into_iter().map(|f| f.0).collect();
    assert_eq!(ports, ["docs/ja/ports.md"]);

    // Staged, and a new translation nobody has added yet: both count.
    git(dir.path(), &["add", "docs/ja/ports.md"]);
    write(
        dir.path(),
        "docs/fr/keys.md",
        &page("01/12/2024", "Clés", "La clé est valide pendant 48 heures."),
    );
    let paths: Vec<_> = run().into_iter().map(|f| f.0).collect();
    assert_eq!(paths, ["docs/fr/keys.md", "docs/ja/ports.md"]);
}

#[test]
fn a_regression_committed_since_the_revision_is_reported_from_history() {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    let requirements = |date: &str, framework: &str| {
        page(
            date,
            "Guide",
            &format!("## Requirements\n\n- Install .NET Framework {framework}."),
        )
    };
    let first = commit(
        dir.path(),
        "2024-01-01T09:00:00Z",
        &[
            ("docrules.toml", MANIFEST),
            ("docs/en/guide.md", &requirements("01/01/2024", "4.6.2")),
        ],
    );
    let lowered = commit(
        dir.path(),
        "2024-02-01T09:00:00Z",
        &[(
            "docs/en/guide.md",
            &requirements("02/01/2024", "4.5.2 or later"),
        )],
    );
    // A later edit elsewhere in the file: the lowering is in a revision of history now.
    let newest = format!(
        "{}\nSee the portal.\n",
        requirements("03/01/2024", "4.5.2 or later")
    );
    commit(
        dir.path(),
        "2024-03-01T09:00:00Z",
        &[("docs/en/guide.md", &newest)],
    );
    let root = dir.path().to_str().unwrap();
    let regressed = |rev: &str| -> Vec<String> {
        let (_, report, err) = json(&["check", root, "--format", "json", "--changed-since", rev]);
        report["findings"]
            .as_array()
            .unwrap_or_else(|| panic!("{err}"))
            .iter()
            .filter(|f| f["name"] == "requirement-regressed")
            .map(|f| f["primary"]["commit"].as_str().unwrap_or("none").to_owned())
            .collect()
    };
    assert_eq!(regressed(&first), [lowered.as_str()]);
    assert_eq!(regressed(&lowered), Vec::<String>::new());
}

#[test]
fn lint_keeps_the_stale_values_of_an_edited_canonical_version() {
    // Today's layout (`<article>/<locale>/<date>.md`) in a repository: a new English version
    // of `keys`, not yet committed.
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    commit(
        dir.path(),
        "2024-01-10T09:00:00Z",
        &[
            ("docrules.toml", "[corpus]\nsource_locale = \"en-us\"\n"),
            (
                "keys/en-us/2024-01-10.md",
                &page("01/10/2024", "Keys", "The key is valid for 48 hours."),
            ),
            (
                "keys/ja-jp/2024-01-12.md",
                &page("01/12/2024", "キー", "キーは 48 時間有効です。"),
            ),
            (
                "ports/en-us/2024-01-10.md",
                &page("01/10/2024", "Ports", "Open the port for 10 minutes."),
            ),
            (
                "ports/ja-jp/2024-01-08.md",
                &page("01/08/2024", "ポート", "ポートを 20 分間開きます。"),
            ),
        ],
    );
    write(
        dir.path(),
        "keys/en-us/2024-02-01.md",
        &page("02/01/2024", "Keys", "The key is valid for 10 days."),
    );
    let root = dir.path().to_str().unwrap();
    let cache = dir.path().join(".cache");
    let lint = |extra: &[&str]| {
        let mut args = vec![
            "lint",
            "--rules",
            root,
            "--cache-dir",
            cache.to_str().unwrap(),
            "--format",
            "json",
        ];
        args.extend(extra);
        let (status, report, err) = json(&args);
        (status, findings(&report), report, err)
    };
    let (_, all, _, _) = lint(&[]);
    assert!(
        all.iter().any(|f| f.0 == "ports/ja-jp/2024-01-08.md"),
        "{all:#?}"
    );
    let (status, kept, report, err) = lint(&["--changed-since", "HEAD"]);
    assert_eq!(status, 1, "{err}");
    assert_eq!(
        kept,
        [(
            "keys/ja-jp/2024-01-12.md".to_owned(),
            "stale-value".to_owned(),
            vec!["keys/en-us/2024-02-01.md".to_owned()]
        )]
    );
    let note = format!(
        "{}/keys/en-us/2024-02-01.md: this change makes 1 translation stale",
        report["root"].as_str().unwrap()
    );
    assert_eq!(
        report["summary"]["changed_since"]["stale_translations"][0]["note"],
        note.as_str()
    );
}

#[test]
fn a_revision_that_cannot_be_compared_with_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let origin = dir.path().join("origin");
    std::fs::create_dir(&origin).unwrap();
    repository(&origin);
    let root = origin.to_str().unwrap();

    let (status, out, err) = common::run(&["check", root, "--changed-since", "no-such-branch"]);
    assert_eq!(status, 2);
    assert_eq!(out, "");
    let canonical = std::fs::canonicalize(&origin).unwrap();
    let said = format!(
        "error: --changed-since no-such-branch: no revision `no-such-branch` in the git repository at {}: ",
        canonical.display()
    );
    assert!(err.starts_with(&said), "{err}");
    let (status, _, lint_err) =
        common::run(&["lint", "--rules", root, "--changed-since", "no-such-branch"]);
    assert_eq!(status, 2);
    assert!(lint_err.starts_with(&said), "{lint_err}");

    // Not in a repository at all.
    let plain = dir.path().join("plain");
    write(
        &plain,
        "docs/en/keys.md",
        &page("01/10/2024", "Keys", "48 hours."),
    );
    let (status, _, err) =
        common::run(&["check", plain.to_str().unwrap(), "--changed-since", "main"]);
    assert_eq!(status, 2);
    assert!(
        err.starts_with(&format!(
            "error: --changed-since main: cannot compare {} with `main`: not inside a git repository",
            plain.display()
        )),
        "{err}"
    );

    // A shallow clone that does not reach the revision says so.
    let url = format!("file://{}", origin.display());
    git(dir.path(), &["clone", "-q", "--depth", "1", &url, "clone"]);
    let clone = dir.path().join("clone");
    let (status, _, err) = common::run(&[
        "check",
        clone.to_str().unwrap(),
        "--changed-since",
        "HEAD~1",
    ]);
    assert_eq!(status, 2);
    assert!(err.contains("no revision `HEAD~1`"), "{err}");
    assert!(err.contains("shallow clone"), "{err}");
}
