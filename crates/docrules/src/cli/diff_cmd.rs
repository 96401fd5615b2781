//! `docrules diff`: changelogs between versions or loose files.

use super::*;

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
    let (logs, status) = if let [old, new] = paths {
        match diff_select::loose(old, new) {
            Ok(log) => (vec![log], EXIT_OK),
            Err(message) => {
                let _ = writeln!(err, "{message}");
                return EXIT_USAGE;
            }
        }
    } else {
        let Some(corpus) = load_corpus(&paths[0], err) else {
            return EXIT_USAGE;
        };
        let selection = diff_select::Selection {
            article,
            locale,
            from,
            to,
        };
        match diff_select::in_corpus(&corpus, &selection) {
            Ok(logs) => {
                let status = if corpus.max_level() == Some(Level::Error) {
                    EXIT_FINDINGS
                } else {
                    EXIT_OK
                };
                (logs, status)
            }
            Err(message) => {
                let _ = writeln!(err, "error: {message}");
                return EXIT_USAGE;
            }
        }
    };
    let text = match format {
        DiffFormat::Human => render::diff::human(&logs),
        DiffFormat::Json => render::diff::json(&logs) + "\n",
        DiffFormat::Markdown => render::diff::markdown(&logs),
    };
    if !emit(out, err, &text) {
        return EXIT_USAGE;
    }
    status
}
