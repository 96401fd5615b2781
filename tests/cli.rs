//! The command line on a corpus holding bad files: the good files are still dumped, every
//! problem is named with its file (and line where it has one), and the exit status says so.

mod common;

#[test]
fn bad_files_are_reported_and_the_rest_is_dumped() {
    let root = common::fixture("bad-corpus");
    let (status, out, err) = common::run(&["dump", root.to_str().unwrap()]);
    assert_eq!(status, 1, "errors in the input exit with 1\n{out}{err}");
    insta::assert_snapshot!(out);
}

#[test]
fn bad_files_in_json() {
    let root = common::fixture("bad-corpus");
    let (status, out, _) = common::run(&["dump", root.to_str().unwrap(), "--format", "json"]);
    assert_eq!(status, 1);
    let mut json: serde_json::Value = serde_json::from_str(&out).unwrap();
    common::relative_to_root(&mut json);
    let codes: Vec<(&str, &str)> = json["corpus"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["path"].as_str().unwrap(), d["code"].as_str().unwrap()))
        .collect();
    for expected in [
        ("README.md", "outside-layout"),
        ("guide/ja-jp/2020-02-01.md", "invalid-utf8"),
        ("guide/ja-jp/diagram.md", "binary-file"),
        ("guide/ja-jp/empty.md", "empty-file"),
        ("guide/zh-tw/2020-03-01.md", "front-matter-yaml"),
        ("guide/zh-tw/2020-04-01.md", "front-matter-unclosed"),
        ("guide/de-de/2020-05-01.md", "locale-mismatch"),
    ] {
        assert!(codes.contains(&expected), "{expected:?} in {codes:?}");
    }
    let versions: Vec<&str> = json["corpus"]["articles"][0]["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        versions,
        ["guide/ja-jp/2020-01-01.md", "guide/de-de/2020-05-01.md"]
    );
}

#[test]
fn usage_and_io_errors_exit_with_2() {
    let (status, _, err) = common::run(&["dump", "/nonexistent/corpus/dir"]);
    assert_eq!(status, 2);
    assert!(err.contains("cannot read corpus"), "{err}");
    let (status, _, err) = common::run(&["dump", "--format", "xml"]);
    assert_eq!(status, 2);
    assert!(err.contains("xml"), "{err}");
    let (status, _, _) = common::run(&["frobnicate"]);
    assert_eq!(status, 2);
}

#[test]
fn help_explains_and_exits_0() {
    let (status, out, _) = common::run(&["--help"]);
    assert_eq!(status, 0);
    assert!(out.contains("Exit status"), "{out}");
    let (status, out, _) = common::run(&["dump", "--help"]);
    assert_eq!(status, 0);
    assert!(out.contains("docrules.dump/1"), "{out}");
}

#[test]
fn input_warnings_fail_with_fail_on_warning_and_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("guide/en-us")).unwrap();
    std::fs::write(
        root.join("guide/en-us/2020-01-01.md"),
        "---\nms.date: 01/01/2020\n---\n# Guide\n\nText.\n",
    )
    .unwrap();
    // A file outside the layout is a warning of the input, not a finding.
    std::fs::write(root.join("notes.md"), "# Notes\n").unwrap();
    let root = root.to_str().unwrap();
    let (status, out, _) = common::run(&["check", root, "--color", "never"]);
    assert_eq!(status, 0, "{out}");
    assert!(
        out.ends_with("0 errors, 1 warning, 0 info (1 problem in the input)\n"),
        "{out}"
    );
    for format in ["human", "json", "sarif", "github"] {
        let args = ["check", root, "--fail-on", "warning", "--format", format];
        let (status, out, _) = common::run(&args);
        assert_eq!(status, 1, "{format}: {out}");
        assert!(out.contains("notes.md"), "{format} names the file: {out}");
    }
    let (_, out, _) = common::run(&["check", root, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["summary"]["diagnostics"]["warning"], 1);
    assert_eq!(json["summary"]["findings"]["warning"], 0);
}

#[test]
fn a_broken_manifest_is_in_every_format_of_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("guide/en-us")).unwrap();
    let page = root.join("guide/en-us/2020-01-01.md");
    std::fs::write(
        &page,
        "---\nms.date: 01/01/2020\n---\n# Guide\n\nTokens last 48 hours.\n",
    )
    .unwrap();
    std::fs::write(root.join("docrules.toml"), "[crate\nname = 1\n").unwrap();
    let manifests = common::printed_forms(&root.join("docrules.toml"));
    let root = root.to_str().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let cache = cache.path().to_str().unwrap();
    let page = page.to_str().unwrap();
    let runs: Vec<Vec<&str>> = vec![
        vec!["check", root, "--format", "human"],
        vec!["check", root, "--format", "json"],
        vec!["check", root, "--format", "sarif"],
        vec!["check", root, "--format", "github"],
        vec!["lint", page, "--format", "json", "--cache-dir", cache],
        vec!["lint", page, "--format", "github", "--cache-dir", cache],
        vec!["facts", root, "--format", "json"],
        vec!["dump", root, "--format", "json"],
        vec!["diff", root, "--format", "json"],
    ];
    for args in runs {
        let (status, out, err) = common::run(&args);
        assert_eq!(status, 1, "{args:?}: {out}{err}");
        assert!(
            manifests.iter().any(|m| out.contains(m.as_str())),
            "{args:?} names one of {manifests:?}:\n{out}"
        );
        assert!(out.contains("manifest"), "{args:?}: {out}");
    }
    // Where the output has no room for it, it is said on standard error.
    for args in [vec!["facts", root], vec!["diff", root]] {
        let (status, _, err) = common::run(&args);
        assert_eq!(status, 1);
        assert!(
            err.contains("error[manifest]") && manifests.iter().any(|m| err.contains(m.as_str())),
            "{err}"
        );
    }
}

/// Completion scripts and manual pages come from the parser's own definition: every option of
/// `lint` is in them.
#[test]
fn completions_and_man_pages_name_every_option() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (status, out, err) = common::run(&["completions", shell]);
        assert_eq!(status, 0, "{err}");
        assert!(
            out.contains("stdin-path") && out.contains("exclude"),
            "{shell}: {out}"
        );
    }
    let (status, out, _) = common::run(&["completions", "tcsh"]);
    assert_eq!(
        (status, out.as_str()),
        (2, ""),
        "an unknown shell is a usage error"
    );
    let (status, out, _) = common::run(&["man"]);
    assert_eq!(status, 0);
    assert!(
        out.contains(".TH docrules 1") && out.contains("lint"),
        "{out}"
    );
    let (status, out, _) = common::run(&["man", "lint"]);
    assert_eq!(status, 0);
    assert!(
        out.contains(".TH docrules-lint 1") && out.contains(r"\-\-exclude"),
        "{out}"
    );
    let (status, _, err) = common::run(&["man", "nope"]);
    assert_eq!(status, 2);
    assert!(err.contains("subcommands are"), "{err}");
}

/// `check --output FILE` writes the report there (standard output stays empty) and
/// `--exit-zero` keeps the exit status 0 for a corpus with errors.
#[test]
fn check_writes_its_report_to_a_file_and_can_exit_zero() {
    let corpus = common::corpus_root();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.sarif");
    let (status, out, err) = common::run(&[
        "check",
        corpus.to_str().unwrap(),
        "--format",
        "sarif",
        "--output",
        file.to_str().unwrap(),
    ]);
    assert_eq!(status, 1, "the bundled corpus has errors: {err}");
    assert_eq!(out, "");
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert!(!sarif["runs"][0]["results"].as_array().unwrap().is_empty());
    let (status, out, _) = common::run(&["check", corpus.to_str().unwrap(), "--exit-zero"]);
    assert_eq!(status, 0);
    assert!(
        out.contains("error[DR101]"),
        "the findings are still printed: {out}"
    );
}

/// The GitHub Action and the pre-commit hooks are valid YAML, build from a path that exists,
/// and never splice an input into a shell script (inputs reach `run:` through `env:` only).
#[test]
fn action_and_pre_commit_hooks_are_sound() {
    use yaml_rust2::YamlLoader;
    let root = common::corpus_root().join("..");
    let action = std::fs::read_to_string(root.join("action.yml")).unwrap();
    let docs = YamlLoader::load_from_str(&action).unwrap();
    let steps = docs[0]["runs"]["steps"].as_vec().unwrap();
    assert!(!steps.is_empty());
    for step in steps {
        if let Some(script) = step["run"].as_str() {
            assert!(!script.contains("${{"), "expression in a script: {script}");
        }
    }
    assert!(action.contains("$ACTION_PATH/crates/docrules"));
    assert!(root.join("crates/docrules/Cargo.toml").exists());

    let hooks = std::fs::read_to_string(root.join(".pre-commit-hooks.yaml")).unwrap();
    let hooks = YamlLoader::load_from_str(&hooks).unwrap();
    let ids: Vec<&str> = hooks[0]
        .as_vec()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["docrules-lint", "docrules-check"]);
}
