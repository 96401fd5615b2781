//! `docrules dump` and `docrules facts`, and what every command that shows a corpus shares:
//! its input diagnostics and its paths as printed.

use super::paths::{Base, Rooted};
use super::*;
use docrules_model::diagnostic::Diagnostic;
use docrules_render::dump;

/// A loaded corpus ready to be shown: every path printed relative to the current directory,
/// and every problem with its input (files that could not be used, a broken or invalid
/// `docrules.toml`).
pub(super) struct Shown {
    pub corpus: Corpus,
    pub rooted: Rooted,
    pub diagnostics: Vec<Diagnostic>,
}

/// Every problem with the input of a loaded corpus, with corpus-relative paths, sorted by file.
pub(super) fn input_diagnostics(corpus: &Corpus) -> Vec<Diagnostic> {
    let mut all: Vec<Diagnostic> = corpus.all_diagnostics().into_iter().cloned().collect();
    all.extend(docrules_rules::config::validate(&corpus.manifest));
    all.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    all
}

/// Loads the corpus at `path` for a command that shows it (the caller exits with
/// [`EXIT_USAGE`] when it cannot be loaded).
pub(super) fn load_shown(path: &std::path::Path, err: &mut dyn Write) -> Option<Shown> {
    let mut corpus = load_corpus(path, err)?;
    let rooted = Base::current().under(path);
    let mut diagnostics = input_diagnostics(&corpus);
    rooted.corpus(&mut corpus);
    rooted.diagnostics(&mut diagnostics);
    Some(Shown {
        corpus,
        rooted,
        diagnostics,
    })
}

/// The exit status of a command whose only failures are input errors.
pub(super) fn input_status(diagnostics: &[Diagnostic]) -> u8 {
    if diagnostics.iter().any(|d| d.level == Level::Error) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// Says on standard error what is wrong with the input: in full when the output has no room
/// for it (`listed` false), else one line pointing at where the output lists it.
pub(super) fn report_input(err: &mut dyn Write, diagnostics: &[Diagnostic], listed: &str) {
    if diagnostics.is_empty() {
        return;
    }
    let _ = if listed.is_empty() {
        write!(err, "{}", render::input_report(diagnostics))
    } else {
        writeln!(err, "{} ({listed})", render::input_line(diagnostics))
    };
}

pub(super) fn dump_command(
    path: &std::path::Path,
    format: Format,
    rules: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let Some(shown) = load_shown(path, err) else {
        return EXIT_USAGE;
    };
    let text = match format {
        Format::Human => dump::human(&shown.corpus, rules, &shown.diagnostics),
        Format::Json => {
            report_input(err, &shown.diagnostics, "see `diagnostics` in the output");
            dump::json(&shown.corpus, shown.rooted.root(), &shown.diagnostics) + "\n"
        }
    };
    if !emit(out, err, &text) {
        return EXIT_USAGE;
    }
    input_status(&shown.diagnostics)
}

pub(super) fn facts_command(
    path: &std::path::Path,
    filter: &fact_list::Filter,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let Some(shown) = load_shown(path, err) else {
        return EXIT_USAGE;
    };
    super::note_cldr_only(&shown.corpus, err);
    // The fact list is one fact per line: the problems go to standard error.
    let text = match format {
        Format::Human => {
            report_input(err, &shown.diagnostics, "");
            fact_list::human(&shown.corpus, filter)
        }
        Format::Json => {
            report_input(err, &shown.diagnostics, "see `diagnostics` in the output");
            fact_list::json(
                &shown.corpus,
                filter,
                shown.rooted.root(),
                &shown.diagnostics,
            ) + "\n"
        }
    };
    if !emit(out, err, &text) {
        return EXIT_USAGE;
    }
    input_status(&shown.diagnostics)
}
