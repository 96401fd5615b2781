//! `docrules compile`: the rules crate of a corpus, written or checked.

use super::paths::{Base, Rooted};
use super::*;
use docrules_model::diagnostic::Diagnostic;
use docrules_model::diagnostic::printable;

/// Says why the corpus cannot be compiled: its problems, printed like every other command's.
fn refuse(err: &mut dyn Write, rooted: &Rooted, diagnostics: Vec<&Diagnostic>) -> u8 {
    let mut diagnostics: Vec<Diagnostic> = diagnostics.into_iter().cloned().collect();
    rooted.diagnostics(&mut diagnostics);
    let _ = write!(err, "{}", render::input_report(&diagnostics));
    let _ = writeln!(
        err,
        "error: the corpus has errors; fix them before generating code"
    );
    EXIT_FINDINGS
}

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
    let base = Base::current();
    let rooted = base.under(path);
    if corpus.max_level() == Some(Level::Error) {
        return refuse(err, &rooted, corpus.all_diagnostics());
    }
    let compiled = align::compile(&corpus);
    if compiled.max_level() == Some(Level::Error) {
        return refuse(err, &rooted, compiled.all_diagnostics());
    }
    let shown = base.show(dir);
    let files = match docrules_codegen::codegen(&compiled) {
        Ok(files) => files,
        Err(message) => {
            let _ = writeln!(err, "error: {}", printable(&message.to_string()));
            return EXIT_USAGE;
        }
    };
    if check {
        let diffs = crate::write::stale(dir, &files);
        if diffs.is_empty() {
            let _ = writeln!(out, "{shown} is up to date");
            return EXIT_OK;
        }
        for diff in diffs {
            let _ = write!(out, "{diff}");
        }
        let _ = writeln!(
            err,
            "error: {shown} is stale: run `cargo xtask codegen` (or `docrules compile --out {shown}`) and commit"
        );
        return EXIT_FINDINGS;
    }
    match crate::write::write_files(dir, &files) {
        Ok(written) => {
            let _ = writeln!(
                out,
                "{shown}: {} files, {} written",
                files.len(),
                written.len()
            );
            EXIT_OK
        }
        Err(e) => {
            let _ = writeln!(err, "error: cannot write {}: {e}", printable(&shown));
            EXIT_USAGE
        }
    }
}
