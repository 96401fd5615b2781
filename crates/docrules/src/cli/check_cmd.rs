//! `docrules check` and `docrules explain`.

use super::*;
use docrules_rules::registry::{Kind, RuleId};

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

pub(super) fn check_command(
    path: &std::path::Path,
    format: FindingFormat,
    fail_on: FailOn,
    color: Color,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let Some(corpus) = load_corpus(path, err) else {
        return EXIT_USAGE;
    };
    let compiled = align::compile(&corpus);
    let report = check::run(&compiled);
    let root = path.to_string_lossy();
    // Files that could not be read are part of what is wrong with the corpus, in every format.
    let config = docrules_rules::config::validate(&corpus.manifest);
    let mut diagnostics = compiled.all_diagnostics();
    diagnostics.extend(&config);
    let text = match format {
        FindingFormat::Human => {
            let color = use_color(color);
            let mut text = String::new();
            let texts = |path: &str| render::file_text(&corpus, path);
            text.push_str(&render::human::render(
                &report.findings,
                &diagnostics,
                &texts,
                color,
            ));
            if report.suppressed > 0 {
                text.push_str(&format!("{} findings suppressed\n", report.suppressed));
            }
            text
        }
        FindingFormat::Json => render::json::render(&report.findings, &diagnostics) + "\n",
        FindingFormat::Sarif => {
            let texts = |path: &str| render::file_text(&corpus, path);
            render::sarif::render(&report.findings, &diagnostics, &texts, &root, Kind::Check) + "\n"
        }
        FindingFormat::Github => render::github::render(&report.findings, &diagnostics, &root),
    };
    if !emit(out, err, &text) {
        return EXIT_USAGE;
    }
    let threshold = fail_on.level();
    let failed = report.findings.iter().any(|f| f.level >= threshold)
        || diagnostics.iter().any(|d| d.level >= threshold);
    if failed { EXIT_FINDINGS } else { EXIT_OK }
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
