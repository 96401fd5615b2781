//! The real `docrules` binary on a temporary corpus holding bad files: the process exit status
//! and the separation of output and errors are what CI scripts depend on.

use std::path::Path;
use std::process::Command;

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn docrules(args: &[&str]) -> std::process::Output {
    docrules_in(&std::env::current_dir().unwrap(), args)
}

/// Runs the binary from `cwd`.
fn docrules_in(cwd: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_docrules"))
        .current_dir(cwd)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

#[test]
fn bad_files_exit_1_and_good_files_are_dumped() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "app/en-us/2020-01-01.md",
        b"---\nms.date: 01/01/2020\n---\n# App\n\n| Error | Cause |\n| --- | --- |\n| Failed (ID: 123) | Expired |\n",
    );
    write(
        root,
        "app/en-us/2020-02-01.md",
        b"---\nms.date: 02/01/2020\n---\n# Bad \xc3\x28 byte\n",
    );
    write(
        root,
        "app/de-de/2020-03-01.md",
        b"---\nms.date: 03/01/2020\ntitle: \"open\n---\n# T\n",
    );

    // Run from the corpus: paths are printed relative to the current directory.
    let output = docrules_in(root, &["dump", "."]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("app/en-us/2020-01-01.md"), "{stdout}");
    assert!(stdout.contains("1 rules"), "{stdout}");
    assert!(
        stdout.contains("error[invalid-utf8]")
            && stdout.contains("--> app/en-us/2020-02-01.md:4:7"),
        "{stdout}"
    );
    assert!(
        stdout.contains("error[front-matter-yaml]") && stdout.contains("app/de-de/2020-03-01.md:"),
        "{stdout}"
    );
    assert!(output.stderr.is_empty());
    assert!(
        !stdout.contains('\u{1b}'),
        "no color escapes under NO_COLOR or when piped"
    );
}

#[test]
fn clean_corpus_exits_0_and_missing_corpus_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "app/ja-jp/2020-01-01.md",
        "---\nms.date: 1/1/2020\n---\n# 表\n".as_bytes(),
    );
    assert_eq!(
        docrules(&["dump", dir.path().to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );

    let missing = dir.path().join("missing");
    let output = docrules(&["dump", missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot read corpus"));
}

#[test]
fn lint_reads_standard_input_and_writes_the_fixed_text() {
    use std::io::Write;
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let text =
        std::fs::read_to_string(corpus.join("backup-azure-mars-troubleshoot/zh-tw/2019-05-21.md"))
            .unwrap();
    let cache = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_docrules"))
        .args([
            "lint",
            "--stdin",
            "--stdin-path",
            "edited/zh-tw-copy.md",
            "--fix",
            "--rules",
        ])
        .arg(&corpus)
        .arg("--cache-dir")
        .arg(cache.path())
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let fixed = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        fixed,
        text.replace("超過 48 小時", "超過 10 天")
            .replace("48 小時內", "10 天內")
    );
    let report = String::from_utf8(output.stderr).unwrap();
    assert!(report.contains("fixed 2 findings"), "{report}");
    assert!(report.contains("edited/zh-tw-copy.md"), "{report}");
}
