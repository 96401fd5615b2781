//! `docrules diff`: a fixture pair for each change kind, the ACCEPTANCE changelogs on the seeds,
//! and a version diffed against itself yields nothing.

mod common;

use docrules_align::diff::{self, ChangeKind, Changelog, Direction};
use std::path::PathBuf;

/// A typed value as `docrules` displays it (`48 h`).
fn shown(value: &Option<docrules_model::fact::Value>) -> Option<String> {
    value.as_ref().map(ToString::to_string)
}

fn fixture_ids(case: &str) -> Vec<&'static str> {
    let dir = common::fixture(&format!("diff/{case}"));
    let log =
        docrules_align::diff::select::loose(&dir.join("old.md"), &dir.join("new.md")).unwrap();
    log.changes.iter().map(|c| c.kind.id()).collect()
}

#[test]
fn each_change_kind_from_its_fixture() {
    let cases: &[(&str, &[&str])] = &[
        ("renamed-anchor", &["section-renamed"]),
        (
            "split-section",
            &[
                "section-split",
                "rule-added",
                "rule-removed",
                "rule-added",
                "fact-added",
            ],
        ),
        (
            "merged-section",
            &[
                "section-merged",
                "rule-removed",
                "rule-added",
                "rule-removed",
                "fact-removed",
            ],
        ),
        ("unit-rewrite", &[]),
        (
            "value-changed",
            &[
                "fact-value-changed",
                "fact-value-changed",
                "fact-value-changed",
            ],
        ),
        (
            "sections-and-rules",
            &[
                "section-removed",
                "rule-added",
                "rule-removed",
                "error-id-removed",
                "error-id-added",
                "section-added",
            ],
        ),
        (
            "versions",
            &["minimum-version-lowered", "minimum-version-raised"],
        ),
        (
            "network",
            &[
                "port-added",
                "host-added",
                "host-removed",
                "ip-range-removed",
                "ip-range-added",
            ],
        ),
        (
            "error-ids",
            &[
                "rule-added",
                "rule-removed",
                "error-id-added",
                "error-id-removed",
            ],
        ),
    ];
    let mut seen = std::collections::BTreeSet::new();
    for (case, expected) in cases {
        let ids = fixture_ids(case);
        assert_eq!(ids, *expected, "{case}");
        seen.extend(ids);
    }
    // Every change kind but fact-removed-by-itself is exercised by some fixture.
    assert!(seen.len() >= 16, "{seen:?}");
}

#[test]
fn directions_and_values() {
    let dir = common::fixture("diff/value-changed");
    let log =
        docrules_align::diff::select::loose(&dir.join("old.md"), &dir.join("new.md")).unwrap();
    let summary: Vec<(Option<Direction>, Option<String>, Option<String>)> = log
        .changes
        .iter()
        .map(|c| (c.direction, shown(&c.old_value), shown(&c.new_value)))
        .collect();
    let some = |s: &str| Some(s.to_owned());
    assert_eq!(
        summary,
        [
            (Some(Direction::Increased), some("48 h"), some("10 d")),
            (Some(Direction::Widened), some("5–10 %"), some("5–15 %")),
            (Some(Direction::Decreased), some("65000"), some("60000")),
        ]
    );
    let first = &log.changes[0];
    assert_eq!(first.old.as_ref().unwrap().text, "48 時間以上");
    assert_eq!(first.new.as_ref().unwrap().text, "10 日間以上");
    assert_eq!(first.new.as_ref().unwrap().span.line, 11);
}

fn corpus_diff(from: &str, to: &str) -> Changelog {
    let corpus = common::load_corpus();
    let selection = docrules_align::diff::select::Selection {
        article: Some("backup-azure-mars-troubleshoot".into()),
        from: Some(from.into()),
        to: Some(to.into()),
        ..Default::default()
    };
    let mut logs = docrules_align::diff::select::in_corpus(&corpus, &selection).unwrap();
    assert_eq!(logs.len(), 1);
    logs.remove(0)
}

#[test]
fn ja_2019_to_2021() {
    let log = corpus_diff("ja-jp@2019-07-15", "ja-jp@2021-06-04");
    let validity: Vec<_> = log
        .changes
        .iter()
        .filter(|c| {
            c.kind == ChangeKind::FactValueChanged
                && c.section == "invalid-vault-credentials-provided"
        })
        .collect();
    assert_eq!(validity.len(), 2, "cause cell and note");
    for change in &validity {
        assert_eq!(
            (shown(&change.old_value), shown(&change.new_value)),
            (Some("48 h".to_owned()), Some("10 d".to_owned()))
        );
        assert_eq!(change.old.as_ref().unwrap().span.line, 48);
        assert_eq!(change.new.as_ref().unwrap().span.line, 44);
    }
    let added: Vec<&str> = log
        .changes
        .iter()
        .filter(|c| c.kind == ChangeKind::SectionAdded)
        .map(|c| c.section.as_str())
        .collect();
    assert_eq!(
        added,
        [
            "the-specified-vault-credential-file-cannot-be-used-as-it-is-not-downloaded-from-the-vault-associated-with-this-server",
            "backup-jobs-completed-with-warning",
            "resource-not-provisioned-in-service-stamp",
            "job-could-not-be-started-as-another-job-was-in-progress",
        ]
    );
    let renamed: Vec<_> = log
        .changes
        .iter()
        .filter(|c| c.kind == ChangeKind::SectionRenamed)
        .collect();
    assert_eq!(renamed.len(), 1);
    assert_eq!(
        (
            renamed[0].old_anchor.as_deref(),
            renamed[0].new_anchor.as_deref()
        ),
        (Some("pre-requisites"), Some("prerequisites"))
    );
    let hosts: Vec<String> = log
        .changes
        .iter()
        .filter(|c| c.kind == ChangeKind::HostAdded)
        .filter_map(|c| shown(&c.new_value))
        .collect();
    assert_eq!(
        hosts,
        [
            "www.msftconnecttest.com",
            "*.windowsazure.us",
            "*.microsoftonline.us",
            "*.usgovcloudapi.net"
        ]
    );
    assert!(
        log.changes
            .iter()
            .any(|c| c.kind == ChangeKind::PortAdded
                && shown(&c.new_value).as_deref() == Some("443"))
    );
}

#[test]
fn ja_2017_to_2019() {
    let log = corpus_diff("2017-12-04", "ja-jp@2019-07-15");
    let renamed: Vec<(&str, &str)> = log
        .changes
        .iter()
        .filter(|c| c.kind == ChangeKind::SectionRenamed)
        .map(|c| {
            (
                c.old_anchor.as_deref().unwrap(),
                c.new_anchor.as_deref().unwrap(),
            )
        })
        .collect();
    for new in [
        "invalid-vault-credentials-provided",
        "the-microsoft-azure-recovery-service-agent-was-unable-to-connect-to-microsoft-azure-backup",
    ] {
        assert!(
            renamed.iter().any(|(_, n)| *n == new),
            "{new} in {renamed:?}"
        );
    }
    let by_ids: Vec<_> = log
        .changes
        .iter()
        .filter(|c| c.kind == ChangeKind::SectionRenamed && c.message.contains("error IDs"))
        .collect();
    assert_eq!(
        by_ids.len(),
        2,
        "34513 and 100050 align the renamed sections"
    );
    let split = log
        .changes
        .iter()
        .find(|c| c.kind == ChangeKind::SectionSplit && c.message.contains("0x1fc07"))
        .expect("the 0x1FC07 section split");
    assert!(split.message.contains("#the-activation-did-not-complete-successfully + #encryption-passphrase-not-correctly-configured"));
    let lowered = log
        .changes
        .iter()
        .find(|c| c.kind == ChangeKind::MinimumVersionLowered)
        .expect("a lowered minimum");
    assert_eq!(
        (shown(&lowered.old_value), shown(&lowered.new_value)),
        (Some("4.6.2".to_owned()), Some("4.5.2+".to_owned()))
    );
    assert_eq!(lowered.level, docrules_model::diagnostic::Level::Warning);
}

#[test]
fn zh_tw_and_ja_agree_on_the_validity() {
    let log = corpus_diff("zh-tw@2019-05-21", "ja-jp@2019-07-15");
    assert!(
        !log.changes
            .iter()
            .any(|c| c.kind == ChangeKind::FactValueChanged),
        "48 小時 and 48 時間 are the same value: {:?}",
        log.changes
            .iter()
            .filter(|c| c.kind == ChangeKind::FactValueChanged)
            .collect::<Vec<_>>()
    );
}

#[test]
fn every_version_diffed_against_itself_is_empty() {
    let corpus = common::load_corpus();
    let mut count = 0;
    for version in corpus.versions() {
        let changes = diff::diff(&version.document, &version.document);
        assert!(changes.is_empty(), "{}: {changes:?}", version.path);
        count += 1;
    }
    assert_eq!(count, 5);
    // And through the command line, every date of every article.
    for article in &corpus.articles {
        for version in &article.versions {
            let spec = format!(
                "{}@{}",
                version.locale.as_str().to_lowercase(),
                version.date.unwrap()
            );
            let root = common::corpus_root();
            let (status, out, err) = common::run(&[
                "diff",
                root.to_str().unwrap(),
                "--article",
                &article.name,
                "--from",
                &spec,
                "--to",
                &spec,
            ]);
            assert_eq!(status, 0, "{err}");
            assert!(out.contains("(no changes)"), "{out}");
        }
    }
}

#[test]
fn changelog_snapshots() {
    let root = common::corpus_root();
    let root = root.to_str().unwrap();
    let article = "backup-azure-mars-troubleshoot";
    for (name, from, to) in [
        ("ja_2019_2021", "ja-jp@2019-07-15", "ja-jp@2021-06-04"),
        ("ja_2017_2019", "2017-12-04", "ja-jp@2019-07-15"),
        ("zh_2019_ja_2019", "zh-tw@2019-05-21", "ja-jp@2019-07-15"),
    ] {
        let (status, human, _) = common::run(&[
            "diff",
            root,
            "--article",
            article,
            "--from",
            from,
            "--to",
            to,
        ]);
        assert_eq!(status, 0);
        insta::assert_snapshot!(format!("{name}_human"), human);
        let (_, json, _) = common::run(&[
            "diff",
            root,
            "--article",
            article,
            "--from",
            from,
            "--to",
            to,
            "--format",
            "json",
        ]);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["schema"], "docrules.diff/2");
        insta::assert_json_snapshot!(format!("{name}_json"), value);
    }
    let (_, markdown, _) = common::run(&[
        "diff",
        root,
        "--article",
        article,
        "--locale",
        "ja-jp",
        "--format",
        "markdown",
    ]);
    insta::assert_snapshot!("ja_default_markdown", markdown);
}

#[test]
fn default_pairs_and_errors() {
    let root = common::corpus_root();
    let (status, out, _) = common::run(&["diff", root.to_str().unwrap()]);
    assert_eq!(status, 0);
    // Only ja-JP of MARS has two versions; it is diffed between its two newest.
    assert_eq!(
        out.lines()
            .filter(|l| l.starts_with("backup-azure-"))
            .count(),
        1,
        "{out}"
    );
    assert!(out.contains("ja-JP 2019-07-15 → ja-JP 2021-06-04"));
    let (status, _, err) = common::run(&["diff", root.to_str().unwrap(), "--article", "nope"]);
    assert_eq!(status, 2);
    assert!(err.contains("no article `nope`"), "{err}");
    let (status, _, err) = common::run(&["diff", root.to_str().unwrap(), "--from", "2019-01-01"]);
    assert_eq!(status, 2);
    assert!(err.contains("versions are"), "{err}");
    let missing = PathBuf::from("/nonexistent/a.md");
    let (status, _, _) =
        common::run(&["diff", missing.to_str().unwrap(), missing.to_str().unwrap()]);
    assert_eq!(status, 2);
}

#[test]
fn json_changes_have_typed_values_and_unique_stable_ids() {
    let root = common::corpus_root();
    let root = root.to_str().unwrap();
    let args = [
        "diff",
        root,
        "--article",
        "backup-azure-mars-troubleshoot",
        "--from",
        "2017-12-04",
        "--to",
        "ja-jp@2021-06-04",
        "--format",
        "json",
    ];
    let (status, out, _) = common::run(&args);
    assert_eq!(status, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let changes = json["diffs"][0]["changes"].as_array().unwrap();
    let ids: Vec<&str> = changes.iter().map(|c| c["id"].as_str().unwrap()).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "ids are unique: {ids:#?}");
    assert!(
        ids.iter()
            .zip(changes)
            .all(|(id, c)| id.starts_with(c["kind"].as_str().unwrap()))
    );
    let (_, again, _) = common::run(&args);
    assert_eq!(out, again, "ids and everything else are stable");

    // The old value is the fact's value as `docrules facts --format json` gives it.
    let validity = changes
        .iter()
        .find(|c| c["kind"] == "fact-value-changed" && c["fact_kind"] == "duration")
        .unwrap();
    assert_eq!(validity["new_value"]["type"], "duration");
    assert_eq!(validity["new_value"]["millis"], 864_000_000u64);
    let (_, facts, _) = common::run(&["facts", root, "--format", "json", "--kind", "duration"]);
    let facts: serde_json::Value = serde_json::from_str(&facts).unwrap();
    let old = &validity["old"];
    let stated = facts["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == old["path"] && f["span"] == old["span"])
        .expect("the old value is a listed fact");
    assert_eq!(stated["value"], validity["old_value"]);
    let renamed = changes
        .iter()
        .find(|c| c["kind"] == "section-renamed")
        .unwrap();
    assert!(renamed["old_anchor"].is_string() && renamed.get("old_value").is_none());
}

#[test]
fn loose_files_are_named_by_their_title_and_unusable_ones_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("2020-01-01.md");
    let new = dir.path().join("2021-06-04.md");
    std::fs::write(&old, "# Sign-in guide\n\nTokens last 48 hours.\n").unwrap();
    std::fs::write(
        &new,
        "---\ntitle: Sign-in troubleshooting\n---\n# Sign-in guide\n\nTokens last 10 days.\n",
    )
    .unwrap();
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let (status, out, _) = common::run(&["diff", old, new, "--format", "json"]);
    assert_eq!(status, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["diffs"][0]["article"], "Sign-in troubleshooting");
    let (_, out, _) = common::run(&["diff", new, old, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        json["diffs"][0]["article"], "Sign-in guide",
        "the first heading"
    );

    // A file that reads but cannot be used is a diagnostic in the output, and said on stderr.
    let bad = dir.path().join("bad.md");
    std::fs::write(&bad, b"# Bad \xc3\x28 byte\n").unwrap();
    let bad = bad.to_str().unwrap();
    let (status, out, err) = common::run(&["diff", old, bad, "--format", "json"]);
    assert_eq!(status, 1);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["diagnostics"][0]["code"], "invalid-utf8");
    assert_eq!(json["summary"]["diagnostics"]["error"], 1);
    assert!(err.contains("1 problem in the input"), "{err}");
    let (status, out, err) = common::run(&["diff", old, bad]);
    assert_eq!(status, 1);
    assert!(
        out.is_empty() && err.contains("error[invalid-utf8]"),
        "{err}"
    );
}
