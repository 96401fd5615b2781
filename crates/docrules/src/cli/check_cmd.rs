//! `docrules check` and `docrules explain`.

use super::changed::Since;
use super::paths::Base;
use super::*;
use docrules_model::diagnostic::Diagnostic;
use docrules_model::diagnostic::printable;
use docrules_rules::registry::{Kind, RuleId};
use std::collections::HashMap;

/// Colors on a terminal, never with NO_COLOR (or when asked for none).
pub(super) fn use_color(color: Color) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// The width human output is fitted to: the terminal's when standard output is one, else
/// `$COLUMNS` when set, else annotate-snippets' default.
pub(super) fn output_width() -> usize {
    let terminal = std::io::stdout()
        .is_terminal()
        .then(|| terminal_size::terminal_size_of(std::io::stdout()))
        .flatten()
        .map(|(width, _)| usize::from(width.0));
    terminal
        .or_else(|| std::env::var("COLUMNS").ok()?.trim().parse().ok())
        .filter(|&w| w >= 20)
        .unwrap_or(render::human::DEFAULT_WIDTH)
}

/// What `docrules check` was asked to show.
#[derive(Debug)]
pub(super) struct Options {
    pub format: FindingFormat,
    pub fail_on: FailOn,
    pub color: Color,
    /// `--changed-since REV`.
    pub changed_since: Option<String>,
}

pub(super) fn check_command(
    path: &std::path::Path,
    options: &Options,
    reporting: &Reporting,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let Options {
        format, fail_on, ..
    } = *options;
    // A report written to a file has no terminal to color.
    let color = match (&reporting.output, options.color) {
        (Some(_), Color::Auto) => Color::Never,
        (_, color) => color,
    };
    // The revision first: a wrong one is said before the corpus is read. A missing corpus
    // folder is said by the loading.
    let mut since = None;
    if let Some(rev) = options.changed_since.as_deref().filter(|_| path.exists()) {
        match Since::open(path, rev, err) {
            Some(opened) => since = Some(opened),
            None => return EXIT_USAGE,
        }
    }
    let Some(corpus) = load_corpus(path, err) else {
        return EXIT_USAGE;
    };
    let compiled = align::compile(&corpus);
    let mut report = check::run(&compiled);
    // Files that could not be read are part of what is wrong with the corpus, in every format.
    let mut diagnostics: Vec<Diagnostic> = compiled
        .all_diagnostics()
        .into_iter()
        .cloned()
        .chain(docrules_rules::config::validate(&corpus.manifest))
        .collect();
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    // Suppressions matched corpus-relative paths; from here on paths are printed.
    let base = Base::current();
    let rooted = base.under(path);
    rooted.findings(&mut report.findings, &mut diagnostics);
    let changed = since.as_mut().map(|since| {
        // Diagnostics name revisions of history by path alone.
        let commits: HashMap<String, String> = corpus
            .versions()
            .filter_map(|v| Some((rooted.show(&v.path), v.commit.clone()?)))
            .collect();
        since.keep([&mut report.findings], &mut diagnostics, &commits)
    });
    let texts = |shown: &str| {
        rooted
            .corpus_path(shown)
            .and_then(|rel| render::file_text(&corpus, &rel))
    };
    let text = match format {
        FindingFormat::Human => {
            let mut text = render::human::render_to_width(
                &report.findings,
                &diagnostics,
                &texts,
                use_color(color),
                output_width(),
            );
            if report.suppressed > 0 {
                text.push_str(&format!("{} findings suppressed\n", report.suppressed));
            }
            if let Some(changed) = &changed {
                text.push_str(&changed.lines());
            }
            text
        }
        FindingFormat::Json => {
            render::json::render(
                rooted.root(),
                &report.findings,
                &diagnostics,
                changed.as_ref(),
            ) + "\n"
        }
        FindingFormat::Sarif => {
            let base = base.uri();
            render::sarif::render(
                &report.findings,
                &diagnostics,
                &texts,
                Kind::Check,
                base.as_deref(),
            ) + "\n"
        }
        FindingFormat::Github => {
            let mut text = render::github::render(&report.findings, &diagnostics);
            if let Some(changed) = &changed {
                text.push_str(&render::github::stale_translations(changed));
            }
            text
        }
        FindingFormat::Gitlab => render::gitlab::render(&report.findings, &diagnostics),
    };
    match &reporting.output {
        Some(file) => {
            if let Err(e) = crate::atomic::write(file, text.as_bytes()) {
                let _ = writeln!(
                    err,
                    "error: cannot write {}: {e}",
                    printable(&base.show(file))
                );
                return EXIT_USAGE;
            }
        }
        None => {
            if !emit(out, err, &text) {
                return EXIT_USAGE;
            }
        }
    }
    let threshold = fail_on.level();
    let failed = report.findings.iter().any(|f| f.level >= threshold)
        || diagnostics.iter().any(|d| d.level >= threshold);
    if failed && !reporting.exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

pub(super) fn explain_command(code: Option<&str>, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    // Checks and lints share one registry of codes (DR…, DL…) and names.
    let Some(wanted) = code else {
        for rule in RuleId::ALL {
            let _ = writeln!(
                out,
                "{}  {:<28} {:<8} {}",
                rule.code(),
                rule.name(),
                rule.level().to_string(),
                rule.summary()
            );
        }
        return EXIT_OK;
    };
    match RuleId::find(wanted) {
        Some(rule) => {
            let _ = writeln!(out, "{}", rule.doc());
            EXIT_OK
        }
        None => {
            let known: Vec<String> = RuleId::ALL
                .iter()
                .map(|r| format!("{} ({})", r.code(), r.name()))
                .collect();
            let _ = writeln!(
                err,
                "error: no check or lint `{wanted}`; there are: {}",
                known.join(", ")
            );
            EXIT_USAGE
        }
    }
}
