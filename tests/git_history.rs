//! Versions from git history (`[versions] from = "git"`): repositories built in temporary
//! folders with the `git` binary (docrules itself reads them through gix), several commits
//! per file in three locales, a rename, a deletion, uncommitted edits, and the repositories
//! history cannot be fully read from (none, no commits, shallow, detached HEAD).

mod common;

use std::path::Path;

use common::git::{commit, git, write};
use serde_json::Value;

/// A page with a front matter `ms.date` (when not empty) and one sentence.
fn page(date: &str, title: &str, sentence: &str) -> String {
    let front = if date.is_empty() {
        String::new()
    } else {
        format!("---\nms.date: {date}\n---\n")
    };
    format!("{front}# {title}\n\n{sentence}\n")
}

const MANIFEST: &str =
    "[corpus]\nlayout = \"locale-folders\"\nsource_locale = \"en\"\n\n[versions]\nfrom = \"git\"\n";

/// The commits of [`history`], by name.
struct Commits {
    first: String,
    changed: String,
    renamed: String,
}

/// A `locale-folders` repository in three locales: the source says 48 hours (2024-01-10),
/// then 10 days (2024-02-01); German follows, Japanese does not. `setup` is renamed
/// `getting-started` (with an edit) on 2024-02-05, and `notes` (no `ms.date`) is dated by
/// its commit.
fn history(dir: &Path) -> Commits {
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
                "docs/en/setup.md",
                &page(
                    "01/10/2024",
                    "Setup",
                    "Install the agent.\n\nRestart the server.\n\nOpen the portal.",
                ),
            ),
        ],
    );
    let changed = commit(
        dir,
        "2024-02-01T09:00:00Z",
        &[
            (
                "docs/en/keys.md",
                &page("02/01/2024", "Keys", "The key is valid for 10 days."),
            ),
            (
                "docs/de/keys.md",
                &page(
                    "02/02/2024",
                    "Schlüssel",
                    "Der Schlüssel ist 10 Tage gültig.",
                ),
            ),
        ],
    );
    std::fs::remove_file(dir.join("docs/en/setup.md")).unwrap();
    let renamed = commit(
        dir,
        "2024-02-05T09:00:00Z",
        &[(
            "docs/en/getting-started.md",
            &page(
                "02/05/2024",
                "Getting started",
                "Install the agent.\n\nRestart the server.\n\nOpen the portal.\n\nSign in.",
            ),
        )],
    );
    commit(
        dir,
        "2024-03-03T23:30:00+02:00",
        &[("docs/en/notes.md", &page("", "Notes", "Nothing yet."))],
    );
    Commits {
        first,
        changed,
        renamed,
    }
}

fn json(args: &[&str]) -> (u8, Value, String) {
    let (status, out, err) = common::run(args);
    let value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}\n{err}"));
    (status, value, err)
}

/// (article, locale, path, date, commit) of every version, from `dump --format json`.
fn versions(dir: &Path) -> Vec<(String, String, String, String, String)> {
    let (_, dump, err) = json(&["dump", dir.to_str().unwrap(), "--format", "json"]);
    let root = format!("{}/", dump["root"].as_str().unwrap());
    let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    let mut out = Vec::new();
    for article in dump["corpus"]["articles"]
        .as_array()
        .unwrap_or_else(|| panic!("{err}"))
    {
        for v in article["versions"].as_array().unwrap() {
            let path = text(&v["path"]);
            out.push((
                text(&article["name"]),
                text(&v["locale"]),
                path.strip_prefix(&root).unwrap_or(&path).to_owned(),
                text(&v["date"]),
                text(&v["commit"]),
            ));
        }
    }
    out
}

fn short(id: &str) -> &str {
    &id[..7]
}

#[test]
fn every_commit_that_changed_a_file_is_a_version() {
    let dir = tempfile::tempdir().unwrap();
    let c = history(dir.path());
    let all = versions(dir.path());
    let of = |article: &str, locale: &str| -> Vec<(String, String, String)> {
        all.iter()
            .filter(|v| v.0 == article && v.1 == locale)
            .map(|v| (v.2.clone(), v.3.clone(), v.4.clone()))
            .collect()
    };
    // Oldest first; the newest is the working tree's file, with the commit it came from.
    assert_eq!(
        of("keys", "en"),
        [
            (
                format!("docs/en/keys.md@{}", short(&c.first)),
                "2024-01-10".into(),
                c.first.clone()
            ),
            (
                "docs/en/keys.md".into(),
                "2024-02-01".into(),
                c.changed.clone()
            ),
        ]
    );
    assert_eq!(
        of("keys", "ja"),
        [(
            "docs/ja/keys.md".into(),
            "2024-01-12".into(),
            c.first.clone()
        )]
    );
    assert_eq!(of("keys", "de").len(), 2);
    // The rename keeps the older revision under the newest name, with its path then.
    assert_eq!(
        of("getting-started", "en"),
        [
            (
                format!("docs/en/setup.md@{}", short(&c.first)),
                "2024-01-10".into(),
                c.first.clone()
            ),
            (
                "docs/en/getting-started.md".into(),
                "2024-02-05".into(),
                c.renamed.clone()
            ),
        ]
    );
    assert!(of("setup", "en").is_empty(), "{all:#?}");
    // Without `ms.date`: the committer's calendar day (23:30 at +02:00).
    assert_eq!(of("notes", "en")[0].1, "2024-03-03");
}

#[test]
fn facts_and_findings_name_their_commits() {
    let dir = tempfile::tempdir().unwrap();
    let c = history(dir.path());
    let root = dir.path().to_str().unwrap();

    let (_, facts, _) = json(&["facts", root, "--format", "json", "--kind", "duration"]);
    let mut facts: Vec<(String, String, String)> = facts["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["locale"].as_str().unwrap().to_owned(),
                f["value"]["amount"].to_string(),
                f["commit"].as_str().unwrap_or("none").to_owned(),
            )
        })
        .collect();
    facts.sort();
    let expected = [
        ("de", "10.0", &c.changed),
        ("de", "48.0", &c.first),
        ("en", "10.0", &c.changed),
        ("en", "48.0", &c.first),
        ("ja", "48.0", &c.first),
    ];
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(l, a, c)| ((*l).to_owned(), (*a).to_owned(), (*c).clone()))
        .collect();
    assert_eq!(facts, expected);

    // Japanese still says 48 hours: history tells it is behind its source, since when.
    let (status, check, _) = json(&["check", root, "--format", "json"]);
    assert_eq!(status, 1);
    let stale: Vec<&Value> = check["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["name"] == "stale-fact")
        .collect();
    assert_eq!(stale.len(), 1, "{check:#}");
    let finding = stale[0];
    assert_eq!(finding["locale"], "ja");
    assert_eq!(finding["primary"]["commit"], c.first.as_str());
    assert_eq!(finding["related"][0]["commit"], c.changed.as_str());
    let note = finding["notes"][0].as_str().unwrap();
    assert_eq!(
        note,
        format!(
            "translated from en 2024-01-10 at {}, which states 48 h; the source states 10 d since en 2024-02-01 at {}",
            short(&c.first),
            short(&c.changed)
        )
    );

    // The working tree alone knows the values differ, not that Japanese is behind.
    let manifest = MANIFEST.replace("\"git\"", "\"worktree\"");
    write(dir.path(), "docrules.toml", &manifest);
    let (_, now, _) = json(&["check", root, "--format", "json"]);
    let stale: Vec<&Value> = now["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["name"] == "stale-fact")
        .collect();
    assert_eq!(stale.len(), 1);
    let notes = stale[0]["notes"].as_array().cloned().unwrap_or_default();
    assert!(
        notes
            .iter()
            .all(|n| !n.as_str().unwrap().contains("translated from")),
        "{notes:?}"
    );
    assert!(stale[0]["primary"].get("commit").is_none());
}

#[test]
fn diff_names_revisions_by_commit() {
    let dir = tempfile::tempdir().unwrap();
    let c = history(dir.path());
    let root = dir.path().to_str().unwrap();
    let from = format!("en@{}", short(&c.first));
    let to = format!("en@{}", &c.changed[..10]);
    let (status, diff, err) = json(&[
        "diff",
        root,
        "--article",
        "keys",
        "--from",
        &from,
        "--to",
        &to,
        "--format",
        "json",
    ]);
    assert_eq!(status, 0, "{err}");
    let one = &diff["diffs"][0];
    assert_eq!(one["old"]["commit"], c.first.as_str());
    assert_eq!(one["new"]["commit"], c.changed.as_str());
    let kinds: Vec<&str> = one["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|ch| ch["kind"].as_str())
        .collect();
    assert!(kinds.contains(&"fact-value-changed"), "{one:#}");
}

#[test]
fn uncommitted_edits_are_the_newest_version() {
    let dir = tempfile::tempdir().unwrap();
    let c = history(dir.path());
    write(
        dir.path(),
        "docs/ja/keys.md",
        &page("02/10/2024", "キー", "キーは 10 日間有効です。"),
    );
    let ja: Vec<_> = versions(dir.path())
        .into_iter()
        .filter(|v| v.0 == "keys" && v.1 == "ja")
        .map(|v| (v.2, v.3, v.4))
        .collect();
    assert_eq!(
        ja,
        [
            (
                format!("docs/ja/keys.md@{}", short(&c.first)),
                "2024-01-12".into(),
                c.first.clone()
            ),
            ("docs/ja/keys.md".into(), "2024-02-10".into(), String::new()),
        ]
    );
    let (_, check, _) = json(&["check", dir.path().to_str().unwrap(), "--format", "json"]);
    assert!(
        check["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["name"] != "stale-fact"),
        "{check:#}"
    );
}

#[test]
fn since_and_max_per_file_bound_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let c = history(dir.path());
    let bounded = format!("{MANIFEST}since = \"2024-01-15\"\n");
    write(dir.path(), "docrules.toml", &bounded);
    let all = versions(dir.path());
    assert!(all.iter().all(|v| v.4 != c.first), "{all:#?}");
    // Japanese, unchanged since, is read from the working tree.
    let ja: Vec<_> = all
        .iter()
        .filter(|v| v.0 == "keys" && v.1 == "ja")
        .collect();
    assert_eq!(ja.len(), 1);
    assert_eq!(
        (ja[0].2.as_str(), ja[0].4.as_str()),
        ("docs/ja/keys.md", "")
    );

    write(
        dir.path(),
        "docrules.toml",
        &format!("{MANIFEST}max_per_file = 1\n"),
    );
    let all = versions(dir.path());
    let en: Vec<_> = all
        .iter()
        .filter(|v| v.0 == "keys" && v.1 == "en")
        .collect();
    assert_eq!(en.len(), 1);
    assert_eq!(en[0].4, c.changed);
}

#[test]
fn a_file_deleted_in_history_is_still_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let c = history(dir.path());
    std::fs::remove_file(dir.path().join("docs/de/keys.md")).unwrap();
    let deleted = commit(dir.path(), "2024-04-01T09:00:00Z", &[]);
    let de: Vec<_> = versions(dir.path())
        .into_iter()
        .filter(|v| v.0 == "keys" && v.1 == "de")
        .map(|v| (v.2, v.4))
        .collect();
    assert_eq!(
        de,
        [
            (
                format!("docs/de/keys.md@{}", short(&c.first)),
                c.first.clone()
            ),
            (
                format!("docs/de/keys.md@{}", short(&c.changed)),
                c.changed.clone()
            ),
        ]
    );
    assert!(de.iter().all(|v| v.1 != deleted));
}

#[test]
fn a_folder_outside_git_is_said_and_read_from_disk() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "docrules.toml", MANIFEST);
    write(
        dir.path(),
        "docs/en/keys.md",
        &page("01/10/2024", "Keys", "Valid for 10 days."),
    );
    let (status, check, _) = json(&["check", dir.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(status, 1, "an error: git history was asked for");
    let d = &check["diagnostics"][0];
    assert_eq!(d["code"], "not-a-git-repository", "{check:#}");
    assert_eq!(d["path"].as_str().unwrap(), check["root"].as_str().unwrap());
    assert!(
        d["help"].as_str().unwrap().contains("from = \"worktree\""),
        "{d:#}"
    );
    assert_eq!(versions(dir.path()).len(), 1);
}

#[test]
fn a_repository_without_commits_is_read_from_disk() {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    write(dir.path(), "docrules.toml", MANIFEST);
    write(
        dir.path(),
        "docs/en/keys.md",
        &page("01/10/2024", "Keys", "Valid for 10 days."),
    );
    let (status, check, _) = json(&["check", dir.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(status, 0, "a warning only");
    assert_eq!(check["diagnostics"][0]["code"], "no-commits", "{check:#}");
    assert_eq!(versions(dir.path()).len(), 1);
}

#[test]
fn a_shallow_clone_is_said_and_read_as_far_as_it_goes() {
    let dir = tempfile::tempdir().unwrap();
    let origin = dir.path().join("origin");
    std::fs::create_dir(&origin).unwrap();
    let c = history(&origin);
    let url = format!("file://{}", origin.display());
    git(dir.path(), &["clone", "-q", "--depth", "2", &url, "clone"]);
    let clone = dir.path().join("clone");
    let (_, check, _) = json(&["check", clone.to_str().unwrap(), "--format", "json"]);
    let shallow: Vec<&Value> = check["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "shallow-history")
        .collect();
    assert_eq!(shallow.len(), 1, "{check:#}");
    assert!(
        shallow[0]["message"]
            .as_str()
            .unwrap()
            .contains("2 commits"),
        "{check:#}"
    );
    assert_eq!(shallow[0]["level"], "warning");
    // The two newest commits are there: the rename, and notes; older ones are not.
    let all = versions(&clone);
    assert!(
        all.iter().all(|v| v.4 != c.first && v.4 != c.changed),
        "{all:#?}"
    );
    let keys: Vec<_> = all.iter().filter(|v| v.0 == "keys").collect();
    assert_eq!(
        keys.len(),
        3,
        "one per locale, from the oldest commit there: {all:#?}"
    );
    assert!(
        all.iter()
            .any(|v| v.0 == "getting-started" && v.4 == c.renamed)
    );
}

#[test]
fn a_detached_head_is_walked_from_where_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let c = history(dir.path());
    git(dir.path(), &["checkout", "-q", "--detach", &c.changed]);
    let (_, check, _) = json(&["check", dir.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(
        check["diagnostics"].as_array().unwrap().len(),
        0,
        "{check:#}"
    );
    let all = versions(dir.path());
    assert!(
        all.iter()
            .all(|v| v.0 != "getting-started" && v.0 != "notes"),
        "{all:#?}"
    );
    let en: Vec<_> = all
        .iter()
        .filter(|v| v.0 == "keys" && v.1 == "en")
        .collect();
    assert_eq!(en.len(), 2);
    assert_eq!(
        (en[1].2.as_str(), en[1].4.as_str()),
        ("docs/en/keys.md", c.changed.as_str())
    );
}

#[test]
fn sources_in_two_repositories() {
    // One repository per locale, as Microsoft Learn keeps them: [[source]] with {locale}.
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("docs");
    let ja = dir.path().join("docs.ja-jp");
    for repo in [&en, &ja] {
        std::fs::create_dir(repo).unwrap();
        git(repo, &["init", "-q"]);
    }
    let manifest = "[[source]]\nlocale = \"en-us\"\ninclude = [\"articles/**/*.md\"]\n\n[[source]]\nroot = \"../docs.{locale}\"\ninclude = [\"articles/**/*.md\"]\n\n[versions]\nfrom = \"git\"\n";
    let first = commit(
        &en,
        "2024-01-10T09:00:00Z",
        &[
            ("docrules.toml", manifest),
            (
                "articles/keys.md",
                &page("01/10/2024", "Keys", "The key is valid for 48 hours."),
            ),
        ],
    );
    let ja_commit = commit(
        &ja,
        "2024-01-12T09:00:00Z",
        &[(
            "articles/keys.md",
            &page("01/12/2024", "キー", "キーは 48 時間有効です。"),
        )],
    );
    let changed = commit(
        &en,
        "2024-02-01T09:00:00Z",
        &[(
            "articles/keys.md",
            &page("02/01/2024", "Keys", "The key is valid for 10 days."),
        )],
    );
    let all = versions(&en);
    // A file of the tree beside the root prints as its own path.
    let got: Vec<(&str, &str, &str)> = all
        .iter()
        .map(|v| {
            let path =
                v.2.rsplit_once("docs.ja-jp/")
                    .map_or(v.2.as_str(), |(_, r)| r);
            (v.1.as_str(), path, v.4.as_str())
        })
        .collect();
    let old = format!("articles/keys.md@{}", short(&first));
    assert_eq!(
        got,
        [
            ("en-US", old.as_str(), first.as_str()),
            ("ja-JP", "articles/keys.md", ja_commit.as_str()),
            ("en-US", "articles/keys.md", changed.as_str()),
        ]
    );
    assert!(
        all[1].2.ends_with("docs.ja-jp/articles/keys.md"),
        "{all:#?}"
    );
}

#[test]
fn the_files_layout_is_not_read_from_history() {
    // Detected (no `layout`): its files are versions already; said, and read as files.
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    commit(
        dir.path(),
        "2024-01-10T09:00:00Z",
        &[
            ("docrules.toml", "[versions]\nfrom = \"git\"\n"),
            (
                "guide/en-us/2024-01-10.md",
                &page("01/10/2024", "Guide", "Valid for 10 days."),
            ),
        ],
    );
    let (status, check, _) = json(&["check", dir.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(status, 1);
    let d = &check["diagnostics"][0];
    assert_eq!(d["code"], "manifest", "{check:#}");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("other than `files`"),
        "{d:#}"
    );
    let all = versions(dir.path());
    assert_eq!(all.len(), 1);
    assert_eq!(
        (all[0].2.as_str(), all[0].4.as_str()),
        ("guide/en-us/2024-01-10.md", "")
    );
}

#[test]
fn a_new_commit_is_a_new_corpus_for_the_lint_cache() {
    // Committing an edit leaves the files as they were but changes the versions read (the
    // edit now has a commit and a date of its own): the cache key must change with it.
    let dir = tempfile::tempdir().unwrap();
    history(dir.path());
    write(
        dir.path(),
        "docs/ja/keys.md",
        &page("02/10/2024", "キー", "キーは 10 日間有効です。"),
    );
    let before = docrules::cache::fingerprint(dir.path()).unwrap();
    assert_eq!(docrules::cache::fingerprint(dir.path()).unwrap(), before);
    commit(dir.path(), "2024-02-10T09:00:00Z", &[]);
    assert_ne!(docrules::cache::fingerprint(dir.path()).unwrap(), before);
}

#[test]
fn a_commit_whose_date_goes_back_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let c = history(dir.path());
    let back = commit(
        dir.path(),
        "2024-03-10T09:00:00Z",
        &[(
            "docs/en/keys.md",
            &page("01/05/2024", "Keys", "The key is valid for 12 days."),
        )],
    );
    let (_, check, _) = json(&["check", dir.path().to_str().unwrap(), "--format", "json"]);
    let order: Vec<&Value> = check["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "version-order")
        .collect();
    assert_eq!(order.len(), 1, "{check:#}");
    let message = order[0]["message"].as_str().unwrap();
    assert!(
        message.contains("docs/en/keys.md` is dated before"),
        "{message}"
    );
    assert!(
        message.contains(&format!("keys.md@{}", short(&c.first))),
        "{message}"
    );
    assert!(
        !message.contains(short(&back)),
        "the newest prints as the file itself: {message}"
    );
}
