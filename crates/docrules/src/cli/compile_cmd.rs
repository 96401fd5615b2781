//! `docrules compile`: the rules crate of a corpus, written or checked.

use super::*;

pub(super) fn compile_command(
    path: &std::path::Path,
    dir: &std::path::Path,
    check: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let Some(corpus) = load_corpus(path, err) else {
        return EXIT_USAGE;
    };
    if corpus.max_level() == Some(Level::Error) {
        for diagnostic in corpus.all_diagnostics() {
            let _ = writeln!(err, "{diagnostic}");
        }
        let _ = writeln!(
            err,
            "error: the corpus has errors; fix them before generating code"
        );
        return EXIT_FINDINGS;
    }
    let compiled = align::compile(&corpus);
    if compiled.max_level() == Some(Level::Error) {
        for diagnostic in compiled.all_diagnostics() {
            let _ = writeln!(err, "{diagnostic}");
        }
        let _ = writeln!(
            err,
            "error: the corpus has errors; fix them before generating code"
        );
        return EXIT_FINDINGS;
    }
    let files = match docrules_codegen::codegen(&compiled) {
        Ok(files) => files,
        Err(message) => {
            let _ = writeln!(err, "error: {message}");
            return EXIT_USAGE;
        }
    };
    if check {
        let diffs = crate::write::stale(dir, &files);
        if diffs.is_empty() {
            let _ = writeln!(out, "{} is up to date", dir.display());
            return EXIT_OK;
        }
        for diff in diffs {
            let _ = write!(out, "{diff}");
        }
        let _ = writeln!(
            err,
            "error: {} is stale: run `cargo xtask codegen` (or `docrules compile --out {}`) and commit",
            dir.display(),
            dir.display()
        );
        return EXIT_FINDINGS;
    }
    match crate::write::write_files(dir, &files) {
        Ok(written) => {
            let _ = writeln!(
                out,
                "{}: {} files, {} written",
                dir.display(),
                files.len(),
                written.len()
            );
            EXIT_OK
        }
        Err(e) => {
            let _ = writeln!(err, "error: cannot write {}: {e}", dir.display());
            EXIT_USAGE
        }
    }
}
