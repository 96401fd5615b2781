//! `docrules lint`: each lint on a file that triggers it and one that must not, the ACCEPTANCE
//! lints on the seeds, fixes (in place, as a diff, on standard input), placement, configuration
//! and the cache of compiled rules.

mod common;

use serde_json::Value;
use std::path::Path;

use docrules_rules::registry::{Kind, RuleId};

/// Every lint's name, from the registry.
fn lints() -> impl Iterator<Item = &'static str> {
    RuleId::of_kind(Kind::Lint).map(RuleId::name)
}

fn findings(args: &[&str]) -> Vec<Value> {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--format", "json"]);
    let (_, out, err) = common::lint(&all);
    let mut json: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    assert_eq!(json["schema"], "docrules.findings/2");
    common::relative_to_root(&mut json);
    json["findings"].as_array().unwrap().clone()
}

fn names(found: &[Value]) -> Vec<&str> {
    found.iter().map(|f| f["name"].as_str().unwrap()).collect()
}

#[test]
fn each_lint_triggers_on_its_fixture_and_not_on_the_clean_one() {
    for name in lints() {
        let trigger = common::fixture(&format!("lint/{name}/trigger.md"));
        let article = ["--article", "backup-azure-mars-troubleshoot"];
        let found = findings(&[&[trigger.to_str().unwrap()][..], &article].concat());
        assert!(
            !found.is_empty() && names(&found).iter().all(|n| *n == name),
            "{name}: {:?}",
            names(&found)
        );
        // Printed relative to the current directory (the tests' package), not as given.
        let (_, human, _) = common::lint(&[&[trigger.to_str().unwrap()][..], &article].concat());
        assert!(!human.contains(trigger.to_str().unwrap()), "{human}");
        insta::assert_snapshot!(format!("{name}_trigger"), human);
        let clean = common::fixture(&format!("lint/{name}/clean.md"));
        let found = findings(&[&[clean.to_str().unwrap()][..], &article].concat());
        assert!(
            found.is_empty(),
            "{name}: the clean file yields nothing: {:?}",
            names(&found)
        );
    }
}

fn seed(rel: &str) -> String {
    common::corpus_root().join(rel).to_str().unwrap().to_owned()
}

#[test]
fn acceptance_lints_on_the_seeds() {
    let zh = findings(&[&seed("backup-azure-mars-troubleshoot/zh-tw/2019-05-21.md")]);
    let ui: Vec<&Value> = zh
        .iter()
        .filter(|f| f["name"] == "unknown-html-element")
        .collect();
    assert_eq!(ui.len(), 1);
    assert_eq!(ui[0]["help"], "did you mean `<ul>`?");
    assert_eq!(ui[0]["primary"]["span"]["line"], 50);
    // Linted alone, zh-TW's 48 小時 disagrees with the compiled 10 days, with a replacement.
    let stale: Vec<&Value> = zh.iter().filter(|f| f["name"] == "stale-value").collect();
    assert_eq!(stale.len(), 2);
    assert_eq!(stale[0]["fix"]["replacement"], "10 天");
    assert_eq!(
        stale[0]["related"][0]["path"],
        "backup-azure-mars-troubleshoot/ja-jp/2021-06-04.md"
    );

    for rel in [
        "backup-azure-mars-troubleshoot/ja-jp/2019-07-15.md",
        "backup-azure-mars-troubleshoot/ja-jp/2021-06-04.md",
    ] {
        let found = findings(&[&seed(rel)]);
        let stray: Vec<&Value> = found
            .iter()
            .filter(|f| {
                f["name"] == "unbalanced-list"
                    && f["message"].as_str().unwrap().contains("`</ul>` closes")
            })
            .collect();
        assert_eq!(stray.len(), 1, "{rel}: `</ul></ul>`");
    }
    let old = findings(&[&seed("backup-azure-mars-troubleshoot/ja-jp/2017-12-04.md")]);
    assert!(old.iter().any(|f| {
        f["name"] == "unbalanced-list"
            && f["message"]
                .as_str()
                .unwrap()
                .contains("`<ol>` is never closed")
    }));
    // The 2021 version spells the agent two ways.
    let new = findings(&[&seed("backup-azure-mars-troubleshoot/ja-jp/2021-06-04.md")]);
    assert!(
        new.iter().any(|f| f["name"] == "inconsistent-literal"),
        "{:?}",
        names(&new)
    );
}

#[test]
fn fix_rewrites_only_the_stale_values_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.md");
    let original =
        std::fs::read_to_string(seed("backup-azure-mars-troubleshoot/zh-tw/2019-05-21.md"))
            .unwrap();
    std::fs::write(&copy, &original).unwrap();
    let (_, out, err) = common::lint(&[copy.to_str().unwrap(), "--fix"]);
    assert!(out.contains("fixed 2 findings"), "{out}");
    assert!(
        err.contains("linted as backup-azure-mars-troubleshoot (matched by"),
        "placement is explained: {err}"
    );
    let fixed = std::fs::read_to_string(&copy).unwrap();
    assert_eq!(
        fixed,
        original
            .replace("超過 48 小時", "超過 10 天")
            .replace("48 小時內", "10 天內")
    );
    let (_, out, _) = common::lint(&[copy.to_str().unwrap(), "--fix"]);
    assert!(!out.contains("fixed"), "{out}");
    assert_eq!(
        std::fs::read_to_string(&copy).unwrap(),
        fixed,
        "a second --fix changes nothing"
    );
}

#[test]
fn diff_shows_fixes_without_writing() {
    let file = common::fixture("lint/stale-value/trigger.md");
    let before = std::fs::read_to_string(&file).unwrap();
    let (_, out, _) = common::lint(&[
        file.to_str().unwrap(),
        "--article",
        "backup-azure-mars-troubleshoot",
        "--diff",
    ]);
    assert!(
        out.contains("-| 保存庫認證可能已過期（下載超過 48 小時）")
            && out.contains("+| 保存庫認證可能已過期（下載超過 10 天）"),
        "{out}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before);
}

#[test]
fn files_outside_any_article_get_the_corpus_independent_lints() {
    let file = common::fixture("lint/unbalanced-list/trigger.md");
    let (status, _, err) = common::lint(&[file.to_str().unwrap()]);
    assert_eq!(status, 0, "warnings do not fail by default");
    assert!(err.contains("not placed"), "{err}");
    let (status, _, _) = common::lint(&[file.to_str().unwrap(), "--fail-on", "warning"]);
    assert_eq!(status, 1);
}

#[test]
fn config_levels_and_inline_suppressions() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("docrules.toml"),
        "[lint]\nunbalanced-list = \"off\"\nDL003 = \"error\"\n",
    )
    .unwrap();
    let file = dir.path().join("a.md");
    let text = std::fs::read_to_string(common::fixture("lint/unbalanced-list/trigger.md")).unwrap();
    std::fs::write(&file, text.replace("</ul></ul>", "</ul></ul><ui>")).unwrap();
    let found = findings(&[file.to_str().unwrap()]);
    assert_eq!(
        names(&found),
        ["unknown-html-element"],
        "unbalanced-list is off"
    );
    assert_eq!(found[0]["level"], "error", "DL003 raised to error");
    let suppressed = text.replace(
        "| Error |",
        "<!-- docrules-disable unbalanced-list -->\n\n| Error |",
    );
    let other = dir.path().join("sub");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("b.md"), suppressed).unwrap();
    std::fs::write(other.join("docrules.toml"), "[crate]\nname = \"x\"\n").unwrap();
    assert!(findings(&[other.join("b.md").to_str().unwrap()]).is_empty());
}

#[test]
fn sarif_and_github_formats() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(common::fixture("sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .build(&schema)
        .unwrap();
    let (_, out, _) = common::lint(&[
        &seed("backup-azure-mars-troubleshoot/zh-tw/2019-05-21.md"),
        "--format",
        "sarif",
    ]);
    let sarif: Value = serde_json::from_str(&out).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // Lint results describe the lints, and the canonical version a stale value rests on
    // resolves against the same base as the linted file.
    common::assert_sarif_resolves(&sarif);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let stale = results.iter().find(|r| r["ruleId"] == "DL001").unwrap();
    let uri = |l: &Value| l["physicalLocation"]["artifactLocation"]["uri"].clone();
    assert_eq!(
        uri(&stale["locations"][0]),
        "../corpus/backup-azure-mars-troubleshoot/zh-tw/2019-05-21.md"
    );
    assert_eq!(
        uri(&stale["relatedLocations"][0]),
        "../corpus/backup-azure-mars-troubleshoot/ja-jp/2021-06-04.md"
    );
    assert!(
        results
            .iter()
            .any(|r| r["ruleId"] == "DL004" && r["ruleIndex"] == 3)
    );
    let (_, out, _) = common::lint(&[
        common::fixture("lint/front-matter/trigger.md")
            .to_str()
            .unwrap(),
        "--format",
        "github",
    ]);
    assert!(out.starts_with("::warning file="), "{out}");
    assert!(out.contains("title=DL008 front-matter::"), "{out}");
}

#[test]
fn the_compiled_rules_are_cached_by_corpus_fingerprint() {
    let cache = tempfile::tempdir().unwrap();
    let corpus = small_corpus();
    let load = |root: &Path| {
        let loaded = docrules::cache::load_with_cache(root, cache.path()).unwrap();
        (loaded.reference, loaded.cached)
    };
    let (first, cached) = load(corpus.path());
    assert!(!cached, "cold: compiled");
    let (second, cached) = load(corpus.path());
    assert!(cached, "warm: from the cache");
    assert_eq!(first.fingerprint, second.fingerprint);
    // Any change to the corpus invalidates it.
    let en = corpus.path().join("guide/en-us/2021-06-04.md");
    let text = std::fs::read_to_string(&en)
        .unwrap()
        .replace("10 days", "12 days");
    std::fs::write(&en, text).unwrap();
    let (third, cached) = load(corpus.path());
    assert!(!cached);
    assert_ne!(third.fingerprint, first.fingerprint);
}

/// A corpus copied from a fixture, for cache tests.
fn small_corpus() -> tempfile::TempDir {
    let corpus = tempfile::tempdir().unwrap();
    let src = common::fixture("check/stale-fact/trigger");
    for rel in [
        "docrules.toml",
        "guide/en-us/2021-06-04.md",
        "guide/ja-jp/2020-01-01.md",
    ] {
        std::fs::create_dir_all(corpus.path().join(rel).parent().unwrap()).unwrap();
        std::fs::copy(src.join(rel), corpus.path().join(rel)).unwrap();
    }
    corpus
}

/// A warm lint stats the corpus files instead of reading them all: the content fingerprint is
/// recorded under a hash of their metadata, and any change of size or modification time reads
/// and hashes the contents again.
#[test]
fn a_warm_lint_knows_the_corpus_by_its_metadata() {
    let corpus = small_corpus();
    let cache = tempfile::tempdir().unwrap();
    // Files modified within the last seconds are hashed by content (a write in the same
    // timestamp tick would not show): age them.
    let age = |path: &Path, seconds: u64| {
        let when = std::time::SystemTime::now() - std::time::Duration::from_secs(seconds);
        std::fs::File::options()
            .append(true)
            .open(path)
            .unwrap()
            .set_modified(when)
            .unwrap();
    };
    let files = [
        "docrules.toml",
        "guide/en-us/2021-06-04.md",
        "guide/ja-jp/2020-01-01.md",
    ];
    for rel in files {
        age(&corpus.path().join(rel), 3600);
    }
    let load = || docrules::cache::load_with_cache(corpus.path(), cache.path()).unwrap();
    let cold = load();
    assert!(!cold.cached);
    let indexes = || {
        std::fs::read_dir(cache.path())
            .unwrap()
            .filter(|e| {
                let name = e.as_ref().unwrap().file_name();
                name.to_string_lossy().contains("-m")
            })
            .count()
    };
    assert_eq!(indexes(), 1, "the metadata index is recorded");
    let warm = load();
    assert!(warm.cached);
    assert_eq!(warm.reference.fingerprint, cold.reference.fingerprint);

    let en = corpus.path().join("guide/en-us/2021-06-04.md");
    let text = std::fs::read_to_string(&en)
        .unwrap()
        .replace("10 days", "12 days");
    std::fs::write(&en, text).unwrap();
    age(&en, 1800);
    let changed = load();
    assert!(!changed.cached, "a changed file is read again");
    assert_ne!(changed.reference.fingerprint, cold.reference.fingerprint);
    assert_eq!(indexes(), 2);
}

/// The cache decides what `--fix` writes: a cache folder others may write to is not used (and
/// says so), and a cache file that is a FIFO neither blocks nor is read.
#[cfg(unix)]
#[test]
fn a_cache_others_could_have_written_is_not_trusted() {
    use std::os::unix::fs::PermissionsExt;
    let corpus = small_corpus();
    let cache = tempfile::tempdir().unwrap();
    let load = || docrules::cache::load_with_cache(corpus.path(), cache.path()).unwrap();
    assert!(!load().cached);
    assert!(load().cached, "a folder of one's own is used");
    let cached_file = std::fs::read_dir(cache.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .unwrap();

    std::fs::set_permissions(cache.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let loaded = load();
    assert!(!loaded.cached, "a world-writable folder is not read");
    let note = loaded.note.unwrap();
    assert!(note.contains("group or others may write"), "{note}");
    std::fs::set_permissions(cache.path(), std::fs::Permissions::from_mode(0o700)).unwrap();

    // A cache file others may write to is compiled again (and replaced).
    std::fs::set_permissions(&cached_file, std::fs::Permissions::from_mode(0o666)).unwrap();
    assert!(!load().cached);
    assert!(load().cached);

    std::fs::remove_file(&cached_file).unwrap();
    let status = std::process::Command::new("mkfifo")
        .arg(&cached_file)
        .status()
        .unwrap();
    assert!(status.success());
    assert!(!load().cached, "a FIFO is not read (and does not block)");

    // Another user's file (only root can make one to test with).
    assert!(load().cached);
    if std::os::unix::fs::chown(&cached_file, Some(65534), Some(65534)).is_ok() {
        assert!(!load().cached, "another user's cache file is not read");
    }
}

#[test]
fn explain_covers_the_lints() {
    for name in lints() {
        let code = RuleId::find(name).unwrap().code();
        let (status, out, _) = common::run(&["explain", code]);
        assert_eq!(status, 0);
        assert!(out.starts_with(&format!("# {name} ({code}")), "{out}");
    }
}

#[test]
fn a_file_is_placed_by_its_title_when_nothing_else_matches() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("draft.md");
    std::fs::write(&file, "---\nms.date: 01/01/2022\nms.contentlocale: ja-JP\n---\n# Microsoft Azure Recovery Services (MARS) エージェントをトラブルシューティングする\n\n本文。\n").unwrap();
    let (_, _, err) = common::lint(&[file.to_str().unwrap()]);
    assert!(err.contains("linted as backup-azure-mars-troubleshoot (matched by 0 anchors and 0 error IDs, and its title)"), "{err}");
}

/// A file lint cannot read is in the JSON and GitHub outputs too, and fails the run.
#[test]
fn unreadable_files_are_reported_in_machine_formats() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.md");
    std::fs::write(&file, b"# Title\n\nbad \xff byte\n").unwrap();
    let path = file.to_str().unwrap();
    let (status, out, _) = common::lint(&[path, "--format", "json"]);
    assert_eq!(status, 1);
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["diagnostics"][0]["code"], "invalid-utf8", "{json:#}");
    assert_eq!(json["summary"]["diagnostics"]["error"], 1);
    let (_, out, _) = common::lint(&[path, "--format", "github"]);
    assert!(out.contains("title=invalid-utf8::"), "{out}");
}

/// With no paths, lint covers what readers see: the newest version of each locale. Older
/// versions are the history diff and check rest on; `--fix` must not rewrite them.
#[test]
fn lint_with_no_paths_lints_the_newest_version_of_each_locale() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    for entry in walk(&common::corpus_root()) {
        let rel = entry.strip_prefix(common::corpus_root()).unwrap();
        let to = root.join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&entry, &to).unwrap();
    }
    let old = root.join("backup-azure-mars-troubleshoot/ja-jp/2019-07-15.md");
    let before = std::fs::read(&old).unwrap();
    let (_, out, err) = common::run(&[
        "lint",
        "--rules",
        root.to_str().unwrap(),
        "--cache-dir",
        dir.path().join("cache").to_str().unwrap(),
        "--format",
        "json",
    ]);
    let json: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    let paths: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["primary"]["path"].as_str().unwrap())
        .collect();
    assert!(
        paths.iter().any(|p| p.ends_with("zh-tw/2019-05-21.md")),
        "{paths:?}"
    );
    assert!(
        !paths
            .iter()
            .any(|p| p.ends_with("ja-jp/2019-07-15.md") || p.ends_with("ja-jp/2017-12-04.md")),
        "superseded versions are not linted: {paths:?}"
    );
    common::run(&[
        "lint",
        "--rules",
        root.to_str().unwrap(),
        "--cache-dir",
        dir.path().join("cache").to_str().unwrap(),
        "--fix",
    ]);
    assert_eq!(
        std::fs::read(&old).unwrap(),
        before,
        "--fix leaves history alone"
    );
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Without `--rules`, the corpus is the nearest folder above the file holding a docrules.toml:
/// linting from inside a corpus runs the corpus lints.
#[test]
fn the_corpus_is_found_above_the_linted_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("docs");
    for entry in walk(&common::corpus_root()) {
        let rel = entry.strip_prefix(common::corpus_root()).unwrap();
        let to = root.join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&entry, &to).unwrap();
    }
    let file = root.join("backup-azure-mars-troubleshoot/zh-tw/2019-05-21.md");
    let (status, out, err) = common::run(&[
        "lint",
        file.to_str().unwrap(),
        "--cache-dir",
        dir.path().join("cache").to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(status, 1, "{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    let stale = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["name"] == "stale-value")
        .count();
    assert_eq!(stale, 2, "the corpus lints ran: {err}");
}
