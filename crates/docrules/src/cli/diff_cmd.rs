//! `docrules diff`: changelogs between versions or loose files.

use super::corpus_cmd::{load_shown, report_input};
use super::paths::Base;
use super::*;
use docrules_align::diff::Changelog;
use docrules_align::diff::select::SelectError;
use docrules_model::diagnostic::Diagnostic;
use docrules_model::diagnostic::printable;

/// Loose files are shown as given, relative to the current directory.
fn show_loose(log: &mut Changelog, base: &Base) {
    let show = |path: &mut String| *path = base.show(std::path::Path::new(path.as_str()));
    show(&mut log.old.path);
    show(&mut log.new.path);
    for change in &mut log.changes {
        for place in [&mut change.old, &mut change.new].into_iter().flatten() {
            show(&mut place.path);
        }
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn diff_command(
    paths: &[PathBuf],
    article: Option<String>,
    locale: Option<Locale>,
    from: Option<String>,
    to: Option<String>,
    format: DiffFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let base = Base::current();
    let (logs, root, diagnostics): (Vec<Changelog>, String, Vec<Diagnostic>) =
        if let [old, new] = paths {
            match diff_select::loose(old, new) {
                Ok(mut log) => {
                    show_loose(&mut log, &base);
                    (vec![log], ".".to_owned(), Vec::new())
                }
                // A file that cannot be read at all is an I/O error; one that reads but cannot
                // be used is an input diagnostic, shown in every format.
                Err(SelectError::Unreadable(d)) if d.code != "unreadable-file" => {
                    let mut d = *d;
                    d.path = base.show(std::path::Path::new(&d.path));
                    (Vec::new(), ".".to_owned(), vec![d])
                }
                Err(SelectError::Unreadable(d)) => {
                    let _ = writeln!(err, "{d}");
                    return EXIT_USAGE;
                }
                Err(message) => {
                    let _ = writeln!(err, "error: {}", printable(&message.to_string()));
                    return EXIT_USAGE;
                }
            }
        } else {
            let Some(shown) = load_shown(&paths[0], err) else {
                return EXIT_USAGE;
            };
            let selection = diff_select::Selection {
                article,
                locale,
                from,
                to,
            };
            match diff_select::in_corpus(&shown.corpus, &selection) {
                Ok(logs) => (logs, shown.rooted.root().to_owned(), shown.diagnostics),
                Err(message) => {
                    let _ = writeln!(err, "error: {}", printable(&message.to_string()));
                    return EXIT_USAGE;
                }
            }
        };
    // The changelog has no room for input problems: they go to standard error (and into the
    // JSON document).
    let text = match format {
        DiffFormat::Human | DiffFormat::Markdown => {
            report_input(err, &diagnostics, "");
            if format == DiffFormat::Human {
                render::diff::human(&logs)
            } else {
                render::diff::markdown(&logs)
            }
        }
        DiffFormat::Json => {
            report_input(err, &diagnostics, "see `diagnostics` in the output");
            render::diff::json(&logs, &root, &diagnostics) + "\n"
        }
    };
    if !emit(out, err, &text) {
        return EXIT_USAGE;
    }
    corpus_cmd::input_status(&diagnostics)
}
