//! `docrules check`: each check on a fixture that triggers it and one that must not, the
//! ACCEPTANCE findings on the bundled corpus, output formats (SARIF validated against the
//! schema) and exit statuses.

mod common;

use serde_json::Value;

fn check(path: &std::path::Path, extra: &[&str]) -> (u8, String) {
    let mut args = vec!["check", path.to_str().unwrap(), "--color", "never"];
    args.extend_from_slice(extra);
    let (status, out, err) = common::run(&args);
    assert!(err.is_empty(), "{err}");
    (status, out)
}

fn findings(path: &std::path::Path) -> Vec<Value> {
    let (_, out) = check(path, &["--format", "json"]);
    let mut json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["schema"], "docrules.findings/2");
    common::relative_to_root(&mut json);
    json["findings"].as_array().unwrap().clone()
}

use docrules_rules::registry::{Kind, RuleId};

/// Every check's name, from the registry.
fn checks() -> impl Iterator<Item = &'static str> {
    RuleId::of_kind(Kind::Check).map(RuleId::name)
}

#[test]
fn each_check_triggers_on_its_fixture_and_not_on_the_clean_one() {
    for name in checks() {
        let trigger = common::fixture(&format!("check/{name}/trigger"));
        let found = findings(&trigger);
        assert!(
            !found.is_empty(),
            "{name}: the trigger fixture yields a finding"
        );
        assert!(
            found.iter().all(|f| f["name"] == name),
            "{name}: only {name} findings: {found:#?}"
        );
        for f in &found {
            assert!(f["primary"]["span"]["line"].as_u64().unwrap() > 0);
            assert!(f["message"].as_str().is_some_and(|m| !m.is_empty()));
        }
        let (_, human) = check(&trigger, &[]);
        insta::assert_snapshot!(format!("{name}_trigger"), human);

        let clean = common::fixture(&format!("check/{name}/clean"));
        let found = findings(&clean);
        assert!(
            found.is_empty(),
            "{name}: the clean fixture yields nothing: {found:#?}"
        );
    }
}

#[test]
fn acceptance_on_the_bundled_corpus() {
    let found = findings(&common::corpus_root());
    let summary: Vec<String> = found
        .iter()
        .map(|f| {
            format!(
                "{} {} {}:{}",
                f["level"].as_str().unwrap(),
                f["name"].as_str().unwrap(),
                f["primary"]["path"].as_str().unwrap(),
                f["primary"]["span"]["line"]
            )
        })
        .collect();

    // The zh-TW translation still states 48 hours, twice, against the canonical 10 days.
    let stale: Vec<&Value> = found.iter().filter(|f| f["name"] == "stale-fact").collect();
    assert_eq!(stale.len(), 2, "{summary:#?}");
    for f in &stale {
        assert_eq!(f["level"], "error");
        assert_eq!(
            f["primary"]["path"],
            "backup-azure-mars-troubleshoot/zh-tw/2019-05-21.md"
        );
        assert_eq!(
            f["related"][0]["path"],
            "backup-azure-mars-troubleshoot/ja-jp/2021-06-04.md"
        );
        assert_eq!(f["related"][0]["role"], "canonical");
        let values: Vec<&str> = f["fact"]["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["version"].as_str().unwrap())
            .collect();
        assert!(
            values.contains(&"2019-05-21") && values.contains(&"2021-06-04"),
            "both dates: {values:?}"
        );
        assert!(
            f["notes"][0]
                .as_str()
                .unwrap()
                .contains("matches ja-JP 2019-07-15")
        );
    }

    // Sections the canonical version has and zh-TW lacks.
    let mut missing: Vec<&str> = found
        .iter()
        .filter(|f| f["name"] == "missing-section")
        .map(|f| {
            f["related"][0]["label"]
                .as_str()
                .unwrap()
                .split(' ')
                .next()
                .unwrap()
        })
        .collect();
    missing.sort_unstable();
    assert_eq!(
        missing,
        [
            "#backup-jobs-completed-with-warning",
            "#common-issues",
            "#job-could-not-be-started-as-another-job-was-in-progress",
            "#resource-not-provisioned-in-service-stamp",
            "#the-specified-vault-credential-file-cannot-be-used-as-it-is-not-downloaded-from-the-vault-associated-with-this-server",
            "#troubleshoot-cache-problems",
        ]
    );

    // MARS and MABS disagree on the number of files in C:\Windows\Temp: a warning with both spans.
    let cross: Vec<&Value> = found
        .iter()
        .filter(|f| f["name"] == "cross-article-disagreement")
        .collect();
    assert_eq!(cross.len(), 1, "{summary:#?}");
    assert_eq!(cross[0]["level"], "warning");
    let paths = [
        cross[0]["primary"]["path"].as_str().unwrap(),
        cross[0]["related"][0]["path"].as_str().unwrap(),
    ];
    assert!(paths.contains(&"backup-azure-mars-troubleshoot/ja-jp/2021-06-04.md"));
    assert!(paths.contains(&"backup-azure-mabs-troubleshoot/ja-jp/2019-07-05.md"));

    // The MABS retention list: monthly 3 weeks after weekly 4 weeks, the whole list quoted.
    let order: Vec<&Value> = found
        .iter()
        .filter(|f| f["name"] == "implausible-order")
        .collect();
    assert_eq!(order.len(), 1);
    assert!(
        order[0]["message"]
            .as_str()
            .unwrap()
            .contains("daily 7 d, weekly 4 w, monthly 3 w, yearly 1 y")
    );

    // Nothing else at warning or error level but the two further true findings the issue notes
    // explain: the lowered .NET Framework minimum and the section zh-TW kept after the source
    // removed it.
    let others: Vec<&String> = summary
        .iter()
        .filter(|s| !s.starts_with("info"))
        .filter(|s| {
            ![
                "stale-fact",
                "missing-section",
                "cross-article-disagreement",
                "implausible-order",
            ]
            .iter()
            .any(|n| s.contains(&format!(" {n} ")))
        })
        .collect();
    assert_eq!(
        others,
        [
            "warning requirement-regressed backup-azure-mars-troubleshoot/ja-jp/2019-07-15.md:35",
            "warning extra-section backup-azure-mars-troubleshoot/zh-tw/2019-05-21.md:167",
        ]
    );
}

#[test]
fn findings_are_sorted_and_the_human_report_is_stable() {
    let (status, out) = check(&common::corpus_root(), &[]);
    assert_eq!(status, 1, "stale facts are errors");
    assert!(!out.contains('\u{1b}'), "no colors when asked for none");
    insta::assert_snapshot!("corpus_human", out);
    let found = findings(&common::corpus_root());
    let keys: Vec<(String, String, String, u64)> = found
        .iter()
        .map(|f| {
            (
                f["article"].as_str().unwrap().to_owned(),
                f["locale"].as_str().unwrap().to_owned(),
                f["primary"]["path"].as_str().unwrap().to_owned(),
                f["primary"]["span"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn sarif_validates_against_the_schema() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(common::fixture("sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    // The published schema has a `pattern` that is not a valid regex for a strict engine
    // (`…{2}]?$`); formats are not what is tested here.
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .should_validate_formats(false)
        .with_format("regex", |_: &str| true)
        .build(&schema)
        .expect("the SARIF schema compiles");
    for corpus in [
        common::corpus_root(),
        common::fixture("check/unused-suppression/trigger"),
        common::fixture("bad-corpus"),
    ] {
        let (_, out) = check(&corpus, &["--format", "sarif"]);
        let sarif: Value = serde_json::from_str(&out).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&sarif)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        let run = &sarif["runs"][0];
        // The checks, then one rule per code of an input problem reported as a result.
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
        let codes: Vec<&str> = checks().map(|n| RuleId::find(n).unwrap().code()).collect();
        assert_eq!(ids[..codes.len()], codes[..]);
        assert!(
            rules[codes.len()..]
                .iter()
                .all(|r| r["properties"]["category"] == "input")
        );
        common::assert_sarif_resolves(&sarif);
        assert!(
            run["tool"]["driver"]["rules"][0]["fullDescription"]["text"]
                .as_str()
                .unwrap()
                .contains("stale-fact")
        );
        let notified = run["invocations"][0]["toolExecutionNotifications"]
            .as_array()
            .map_or(0, Vec::len);
        assert!(
            !run["results"].as_array().unwrap().is_empty() || notified > 0,
            "a run reports results or input problems"
        );
    }
    // A broken log does not validate: the test can fail.
    let broken = serde_json::json!({ "version": "2.1.0", "runs": [{ "results": [] }] });
    assert!(!validator.is_valid(&broken));
}

#[test]
fn github_annotations() {
    let (_, out) = check(
        &common::fixture("check/stale-fact/trigger"),
        &["--format", "github"],
    );
    let line = out.lines().next().unwrap();
    assert!(line.starts_with("::error file="), "{line}");
    assert!(
        line.contains("guide/ja-jp/2020-01-01.md,line=11,col="),
        "{line}"
    );
    assert!(line.contains("title=DR101 stale-fact::"), "{line}");
    assert!(!line.contains('\n'));
}

/// GitLab Code Quality: one issue per finding and input problem, each with a unique fingerprint
/// that survives a run that only moves lines, and a path that exists from the current folder.
#[test]
fn gitlab_code_quality_report() {
    let root = common::corpus_root();
    let (_, out) = check(&root, &["--format", "gitlab"]);
    let issues: Value = serde_json::from_str(&out).unwrap();
    let issues = issues.as_array().unwrap();
    let (_, json) = check(&root, &["--format", "json"]);
    let json: Value = serde_json::from_str(&json).unwrap();
    let expected =
        json["findings"].as_array().unwrap().len() + json["diagnostics"].as_array().unwrap().len();
    assert_eq!(issues.len(), expected);
    let mut fingerprints = std::collections::BTreeSet::new();
    for issue in issues {
        assert!(fingerprints.insert(issue["fingerprint"].as_str().unwrap().to_owned()));
        assert!(["info", "minor", "major"].contains(&issue["severity"].as_str().unwrap()));
        assert!(issue["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
        let path = issue["location"]["path"].as_str().unwrap();
        assert!(std::path::Path::new(path).exists(), "{path}");
        assert!(!issue["description"].as_str().unwrap().is_empty());
    }
    let stale = issues
        .iter()
        .find(|i| i["check_name"] == "DR101 stale-fact")
        .unwrap();
    assert_eq!(stale["severity"], "major");

    // Lines moved by an edit above every finding: the same fingerprints, other lines.
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root, dir.path());
    let report = |dir: &std::path::Path| {
        let (_, out) = check(dir, &["--format", "gitlab"]);
        let issues: Value = serde_json::from_str(&out).unwrap();
        issues
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                let fingerprint = i["fingerprint"].as_str().unwrap().to_owned();
                (
                    fingerprint,
                    i["location"]["lines"]["begin"].as_u64().unwrap(),
                )
            })
            .collect::<std::collections::BTreeMap<String, u64>>()
    };
    let before = report(dir.path());
    for entry in walkdir::WalkDir::new(dir.path()) {
        let path = entry.unwrap().into_path();
        if path.extension().is_some_and(|e| e == "md") {
            let text = std::fs::read_to_string(&path).unwrap();
            let at = text.find("\n#").unwrap_or(0);
            let (front, body) = text.split_at(at);
            std::fs::write(&path, format!("{front}\n<!-- moved -->\n{body}")).unwrap();
        }
    }
    let after = report(dir.path());
    assert_eq!(before.len(), issues.len());
    assert!(before.keys().eq(after.keys()), "{before:#?}\n{after:#?}");
    assert!(before.iter().any(|(k, line)| after[k] != *line));
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn fail_on_and_exit_statuses() {
    let trigger = common::fixture("check/internal-disagreement/trigger");
    assert_eq!(check(&trigger, &[]).0, 0, "warnings do not fail by default");
    assert_eq!(check(&trigger, &["--fail-on", "warning"]).0, 1);
    let clean = common::fixture("check/internal-disagreement/clean");
    assert_eq!(check(&clean, &["--fail-on", "info"]).0, 0);
    let (status, _, err) = common::run(&["check", "/nonexistent/corpus"]);
    assert_eq!((status, err.contains("cannot read corpus")), (2, true));
}

#[test]
fn explain_prints_each_checks_documentation() {
    for name in checks() {
        let (status, out, _) = common::run(&["explain", name]);
        assert_eq!(status, 0);
        assert!(out.starts_with(&format!("# {name} (DR1")), "{out}");
        assert!(
            out.contains("## Example") && out.contains("## Fix"),
            "{out}"
        );
    }
    let (status, out, _) = common::run(&["explain", "dr101"]);
    assert_eq!(status, 0);
    assert!(out.contains("stale-fact"));
    let (status, out, _) = common::run(&["explain"]);
    assert_eq!((status, out.lines().count()), (0, RuleId::ALL.len()));
    let (status, _, err) = common::run(&["explain", "DR999"]);
    assert_eq!(status, 2);
    assert!(err.contains("there are"), "{err}");
}

#[test]
fn suppressions_in_config_and_inline() {
    // The clean fixture of unused-suppression suppresses a real stale fact through docrules.toml.
    let clean = common::fixture("check/unused-suppression/clean");
    let (status, out) = check(&clean, &[]);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("1 findings suppressed"), "{out}");
    // An inline comment suppresses the next line; an enable ends a disabled range.
    let dir = tempfile::tempdir().unwrap();
    let src = common::fixture("check/stale-fact/trigger");
    std::fs::copy(src.join("docrules.toml"), dir.path().join("docrules.toml")).unwrap();
    for rel in ["guide/en-us/2021-06-04.md", "guide/ja-jp/2020-01-01.md"] {
        std::fs::create_dir_all(dir.path().join(rel).parent().unwrap()).unwrap();
        let mut text = std::fs::read_to_string(src.join(rel)).unwrap();
        if rel.contains("ja-jp") {
            // A comment inside a table would end the table: the range goes around it.
            text = text.replace("| 原因 |", "<!-- docrules-disable DR101 -->\n\n| 原因 |");
        }
        std::fs::write(dir.path().join(rel), text).unwrap();
    }
    let found = findings(dir.path());
    let names: Vec<&str> = found.iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert!(
        found.is_empty(),
        "{names:?} {}",
        found
            .first()
            .map(|f| f["message"].to_string())
            .unwrap_or_default()
    );
}

fn write(root: &std::path::Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn a_named_fact_whose_key_matches_nothing_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "docrules.toml",
        "[crate]\nname = \"x\"\n\n[facts]\ntimeout = \"errors/duration/100.1/cause/1\"\ntypo = \"errorz/duration/100.1/cause/1\"\n",
    );
    write(
        root,
        "guide/en-us/2020-01-01.md",
        "---\nms.date: 01/01/2020\n---\n# Guide\n\n## Errors\n\n| Error | Cause |\n| --- | --- |\n| Failed (ID: 100) | Expired after 48 hours |\n",
    );
    let (status, out, _) = common::run(&["check", root.to_str().unwrap(), "--color", "never"]);
    assert_eq!(status, 1, "{out}");
    assert!(
        out.contains(
            "error[unknown-fact-name]: fact `typo` names key `errorz/duration/100.1/cause/1`"
        ),
        "{out}"
    );
    let named = common::printed_forms(&root.join("docrules.toml"))
        .iter()
        .any(|p| out.contains(&format!("--> {p}:6:1")));
    assert!(named, "{out}");
    assert!(
        !out.contains("fact `timeout`"),
        "the right name resolves: {out}"
    );
    let (status, _, err) = common::run(&[
        "compile",
        root.to_str().unwrap(),
        "--out",
        dir.path().join("out").to_str().unwrap(),
    ]);
    assert_eq!(status, 1);
    assert!(err.contains("unknown-fact-name"), "{err}");
}

#[test]
fn versions_whose_order_nothing_tells_and_dates_that_disagree_are_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let text = |date: &str| format!("---\nms.date: {date}\n---\n# Guide\n\nText.\n");
    write(root, "guide/en-us/2020-01-01.md", &text("01/01/2020"));
    write(root, "guide/en-us/2020-01-02.md", &text("01/01/2020"));
    let (_, out, _) = common::run(&["check", root.to_str().unwrap(), "--color", "never"]);
    assert!(
        out.contains(
            "warning[date-mismatch]: `ms.date` says 2020-01-01 but the file name says 2020-01-02"
        ),
        "{out}"
    );
    assert!(out.contains("warning[version-order]"), "{out}");
    assert!(out.contains("same ms.date and ms.lasthandoff"), "{out}");
}

/// A literal many articles share yields one finding, however many of them disagree: the
/// statements are grouped, not compared pair by pair.
#[test]
fn many_disagreeing_articles_yield_one_grouped_finding() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for i in 0..30 {
        let count = if i % 2 == 0 { "60,000" } else { "65,000" };
        write(
            root,
            &format!("article-{i:02}/en-us/2020-01-01.md"),
            &format!(
                "---\nms.date: 01/01/2020\n---\n# Article {i}\n\n## Temp files\n\nDelete the .tmp files in C:\\Windows\\Temp when there are more than {count} files.\n"
            ),
        );
    }
    let found = findings(root);
    let cross: Vec<&Value> = found
        .iter()
        .filter(|f| f["name"] == "cross-article-disagreement")
        .collect();
    assert_eq!(
        cross.len(),
        2,
        "one per literal (.tmp and the path): {cross:#?}"
    );
    for finding in cross {
        assert_eq!(
            finding["related"].as_array().unwrap().len(),
            20,
            "places are bounded"
        );
        assert!(
            finding["notes"][0].as_str().unwrap().starts_with("and "),
            "{finding:#?}"
        );
    }
}

/// Files that could not be read are in every format, not only the human one: CI that fails
/// must say why.
#[test]
fn input_problems_are_in_every_format() {
    let bad = common::fixture("bad-corpus");
    let (status, human) = check(&bad, &[]);
    assert_eq!(status, 1);
    let summary = human.lines().last().unwrap();
    assert!(
        summary.contains("in the input)"),
        "the summary counts them: {summary}"
    );
    assert!(!summary.starts_with("0 errors"), "{summary}");

    let (_, json) = check(&bad, &["--format", "json"]);
    let json: Value = serde_json::from_str(&json).unwrap();
    let diagnostics = json["diagnostics"].as_array().unwrap();
    assert!(
        diagnostics
            .iter()
            .any(|d| d["code"] == "invalid-utf8" && d["span"]["line"].as_u64().is_some()),
        "{diagnostics:#?}"
    );
    assert!(json["summary"]["diagnostics"]["error"].as_u64().unwrap() >= 1);
    assert!(json["summary"]["findings"].is_object());

    let (_, sarif) = check(&bad, &["--format", "sarif"]);
    let sarif: Value = serde_json::from_str(&sarif).unwrap();
    let notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert!(
        notes.iter().any(|n| n["descriptor"]["id"] == "invalid-utf8"
            && n["locations"][0]["physicalLocation"]["region"]["startLine"]
                .as_u64()
                .is_some()),
        "{notes:#?}"
    );

    let (_, github) = check(&bad, &["--format", "github"]);
    assert!(
        github
            .lines()
            .any(|l| l.starts_with("::error file=") && l.contains("title=invalid-utf8::")),
        "{github}"
    );
}

/// `--fail-on warning` fails on a warning about the input as on a warning finding.
#[test]
fn fail_on_counts_input_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "guide/en-us/2020-01-02.md",
        "---\nms.date: 01/01/2020\n---\n# Guide\n\nText.\n",
    );
    assert_eq!(check(root, &[]).0, 0, "a warning does not fail by default");
    assert_eq!(
        check(root, &["--fail-on", "warning"]).0,
        1,
        "date-mismatch is a warning"
    );
}

/// A `[lint]` level for a rule that does not exist is an error with a suggestion, at its line.
#[test]
fn unknown_rules_in_the_manifest_are_errors_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "docrules.toml",
        "[lint]\nunbalanced-lists = \"off\"\n",
    );
    write(
        root,
        "guide/en-us/2020-01-01.md",
        "---\nms.date: 01/01/2020\n---\n# Guide\n\nText.\n",
    );
    let (status, out) = check(root, &[]);
    assert_eq!(status, 1);
    assert!(
        out.contains("error[unknown-rule]: [lint] `unbalanced-lists` is no check or lint; did you mean `unbalanced-list`?"),
        "{out}"
    );
    let named = common::printed_forms(&root.join("docrules.toml"))
        .iter()
        .any(|p| out.contains(&format!("--> {p}:2:1")));
    assert!(named, "{out}");
}

/// Loading, alignment and the checks run on every core; what they print must not depend on how
/// many there are (the labelled corpus: 13 articles, 13 locales, enough to split work).
#[test]
fn check_and_facts_print_the_same_on_one_thread_and_on_four() {
    let eval = common::corpus_root().join("../eval");
    let eval = eval.to_str().unwrap();
    let with_threads = |n: usize, args: &[&str]| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .unwrap();
        pool.install(|| common::run(args))
    };
    for args in [
        ["check", eval, "--format", "json"],
        ["facts", eval, "--format", "json"],
        ["check", eval, "--format", "sarif"],
        ["check", eval, "--color", "never"],
    ] {
        let one = with_threads(1, &args);
        assert!(
            one.1.len() > 1000,
            "{args:?} printed almost nothing: {one:?}"
        );
        assert_eq!(one, with_threads(4, &args), "{args:?}");
    }
}
