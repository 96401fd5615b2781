//! `docrules lint`: files (or standard input) linted against a corpus's compiled rules (cached)
//! and against the markdown itself; fixes applied in place, shown as a diff, or written to
//! standard output for editors.

use docrules_model::diagnostic::printable;
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::changed::Since;
use super::lint_inputs::{self, Input, Source};
use super::paths::Base;
use super::{EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, FailOn, FindingFormat};
use docrules_model::diagnostic::Diagnostic;
use docrules_model::document::Document;
use docrules_model::locale::Locale;
use docrules_model::manifest::{self, AnchorRenderer, Manifest};
use docrules_render as render;
use docrules_rules::finding::Finding;
use docrules_rules::lint::reference::Reference;
use docrules_rules::lint::{self, Linter, place};

/// What `docrules lint` was asked to do.
#[derive(Debug)]
pub struct Options {
    pub paths: Vec<PathBuf>,
    /// Globs (gitignore syntax) of files and folders not to lint.
    pub exclude: Vec<String>,
    pub rules: PathBuf,
    pub article: Option<String>,
    pub fix: bool,
    pub diff: bool,
    pub stdin: bool,
    pub stdin_path: Option<PathBuf>,
    pub cache_dir: PathBuf,
    pub format: FindingFormat,
    pub fail_on: FailOn,
    pub color: bool,
    /// `--changed-since REV`.
    pub changed_since: Option<String>,
}

/// A parsed file and its locale, or why it could not be read.
type Parsed = Result<(Document, Option<Locale>), Diagnostic>;

/// Parses a file as the locale its front matter or folder names.
/// Takes the file's bytes (they become the parsed document's text).
fn read(input: &mut Input, renderer: Option<AnchorRenderer>) -> Parsed {
    let folder = input
        .path
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str());
    lint::read_document(
        &input.shown,
        std::mem::take(&mut input.bytes),
        folder,
        renderer,
    )
}

/// The path of `path` relative to the corpus `root` (`/`-separated), when it lies inside it.
fn corpus_path(path: &Path, root: &Path) -> Option<String> {
    let file = std::fs::canonicalize(path).ok()?;
    let root = std::fs::canonicalize(root).ok()?;
    let rel = file.strip_prefix(&root).ok()?;
    Some(docrules_parse::corpus::relative(Path::new(""), rel))
}

/// The locale a file's folder names (`<article>/<locale>/<file>`), if any.
fn folder_locale(path: &Path) -> Option<Locale> {
    path.parent()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .and_then(Locale::parse)
}

/// The corpus a file belongs to when `--rules` is not given: the nearest folder above it (or
/// above the current directory) holding a `docrules.toml`, else `corpus`.
pub fn corpus_above(path: Option<&PathBuf>) -> PathBuf {
    let start = path
        .and_then(|p| std::fs::canonicalize(p).ok())
        .or_else(|| std::env::current_dir().ok());
    let mut dir = start.as_deref().map(|p| {
        if p.is_dir() {
            p
        } else {
            p.parent().unwrap_or(p)
        }
    });
    while let Some(d) = dir {
        if d.join(manifest::FILE_NAME).is_file() {
            return d.to_path_buf();
        }
        dir = d.parent();
    }
    PathBuf::from("corpus")
}

/// What to tell the user about where a file was placed: nothing for a file placed by its
/// path in the corpus, or when there is no corpus (said once already).
fn placement_note(placement: &place::Placement, reference: Option<&Reference>) -> Option<String> {
    let reference = reference?;
    if placement.how.starts_with("by its path") {
        return None;
    }
    Some(
        match placement.article.and_then(|a| reference.articles.get(a)) {
            Some(article) => format!("linted as {} ({})", article.name, placement.how),
            None => format!(
                "not placed ({}): only the lints that need no corpus article ran",
                placement.how
            ),
        },
    )
}

/// A file placed in an article whose locale nothing names (no `ms.contentlocale`, no locale
/// folder) has its text read as English: facts written in another language are then not
/// compared with the article, and the user must be told how to name the locale.
fn unnamed_locale_note(
    locale: Option<&Locale>,
    placement: &place::Placement,
    reference: Option<&Reference>,
) -> Option<String> {
    if locale.is_some() {
        return None;
    }
    let article = placement.article.and_then(|a| reference?.articles.get(a))?;
    let locales: Vec<&str> = article.anchors.keys().map(String::as_str).collect();
    Some(format!(
        "no locale is named (no `ms.contentlocale` in the front matter, no locale folder such \
         as `{}/`): its text was read as English, and facts written in another language were \
         not compared with {}; add `ms.contentlocale: TAG` (the article has {})",
        locales
            .first()
            .map_or("ja-jp".to_owned(), |l| l.to_lowercase()),
        article.name,
        locales.join(", ")
    ))
}

/// The nearest `docrules.toml` above `path`, or `fallback`.
/// A manifest that does not parse, or names rules that do not exist, is reported once in
/// `problems` (in every output format).
fn config_for(
    path: &Path,
    fallback: &Manifest,
    cache: &mut HashMap<PathBuf, Manifest>,
    problems: &mut Vec<Diagnostic>,
    base: &Base,
) -> Manifest {
    let mut dir = std::fs::canonicalize(path)
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf));
    while let Some(d) = dir {
        let file = d.join(manifest::FILE_NAME);
        if file.is_file() {
            if let Some(found) = cache.get(&d) {
                return found.clone();
            }
            // Its diagnostics name `docrules.toml` relative to its folder.
            let mut found = Vec::new();
            let manifest = docrules_parse::corpus::load_manifest(&d).unwrap_or_else(|diagnostic| {
                found.push(diagnostic);
                Manifest::default()
            });
            found.extend(docrules_rules::config::validate(&manifest));
            base.under(&d).diagnostics(&mut found);
            problems.extend(found);
            cache.insert(d, manifest.clone());
            return manifest;
        }
        dir = d.parent().map(Path::to_path_buf);
    }
    fallback.clone()
}

/// The files to lint: standard input, the paths given, else the newest version of each locale
/// of every corpus article (older versions are the history diff and check rest on; fixing them
/// would erase it).
fn inputs(
    options: &Options,
    reference: Option<&Reference>,
    base: &Base,
) -> Result<(Vec<Input>, Vec<Diagnostic>), String> {
    let source = match (&options.stdin_path, options.paths.is_empty(), reference) {
        (Some(path), _, _) if options.stdin => Source::Stdin(path),
        (None, _, _) if options.stdin => {
            return Err("--stdin needs --stdin-path to place the text".into());
        }
        (_, false, _) => Source::Paths(&options.paths),
        (_, true, Some(reference)) => Source::Files(
            reference
                .articles
                .iter()
                .flat_map(|a| a.newest_paths.iter())
                .map(|p| options.rules.join(p))
                .collect(),
        ),
        (_, true, None) => Source::Folder(&options.rules),
    };
    lint_inputs::read(source, &options.exclude, &options.rules, base)
}

pub fn run(options: &Options, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let base = Base::current();
    let rooted = base.under(&options.rules);
    // The revision first: a wrong one is said before anything is compiled or linted. Without
    // a corpus, the repository of the current directory.
    let mut since = None;
    if let Some(rev) = &options.changed_since {
        let dir = if options.rules.exists() {
            options.rules.as_path()
        } else {
            Path::new(".")
        };
        match Since::open(dir, rev, err) {
            Some(opened) => since = Some(opened),
            None => return EXIT_USAGE,
        }
    }
    let reference = match crate::cache::load_with_cache(&options.rules, &options.cache_dir) {
        Ok(loaded) => {
            if let Some(note) = &loaded.note {
                let _ = writeln!(err, "note: {}; compiled without it", printable(note));
            }
            let mut reference = loaded.reference;
            // Findings cite the canonical versions: printed like the linted files.
            for article in &mut reference.articles {
                article.canonical_path = rooted.show(&article.canonical_path);
            }
            Some(reference)
        }
        Err(message) => {
            let _ = writeln!(
                err,
                "warning: {message}; only the lints that need no corpus run"
            );
            None
        }
    };
    // Files that cannot be read are problems; the others are still linted.
    let (mut inputs, mut problems) = match inputs(options, reference.as_ref(), &base) {
        Ok(read) => read,
        Err(message) => {
            let _ = writeln!(err, "error: {}", printable(&message.to_string()));
            return EXIT_USAGE;
        }
    };
    let fallback = docrules_parse::corpus::load_manifest(&options.rules).unwrap_or_default();
    let linter = Linter::new(reference.as_ref());
    let mut configs = HashMap::new();

    // Read and place every file; parse the canonical versions the placements need, once.
    // Each file's configuration first: it says how heading anchors are made.
    let file_configs: Vec<Manifest> = inputs
        .iter()
        .map(|input| config_for(&input.path, &fallback, &mut configs, &mut problems, &base))
        .collect();
    let read_files: Vec<(usize, Parsed)> = inputs
        .par_iter_mut()
        .zip(file_configs.par_iter())
        .map(|(input, config)| read(input, config.anchors.renderer))
        .enumerate()
        .collect();
    let mut docs: Vec<(usize, Document, Option<Locale>, place::Placement, Manifest)> = Vec::new();
    for (i, result) in read_files {
        match result {
            Err(diagnostic) => problems.push(diagnostic),
            Ok((doc, locale)) => {
                let rel = corpus_path(&inputs[i].path, &options.rules);
                let placement = linter.place(
                    rel.as_deref(),
                    folder_locale(&inputs[i].path),
                    &doc,
                    options.article.as_deref(),
                );
                if options.format == FindingFormat::Human {
                    if let Some(note) = placement_note(&placement, reference.as_ref()) {
                        let _ = writeln!(err, "note: {}: {note}", printable(&inputs[i].shown));
                    }
                }
                if let Some(note) =
                    unnamed_locale_note(locale.as_ref(), &placement, reference.as_ref())
                {
                    let _ = writeln!(err, "note: {}: {note}", printable(&inputs[i].shown));
                }
                let config = file_configs[i].clone();
                docs.push((i, doc, locale, placement, config));
            }
        }
    }
    let progress =
        (docs.len() > 1 && std::io::stderr().is_terminal() && std::env::var_os("CI").is_none())
            .then(|| indicatif::ProgressBar::new(docs.len() as u64));
    let mut results: Vec<(usize, Vec<Finding>, usize)> = docs
        .par_iter()
        .map(|(i, doc, locale, placement, config)| {
            let linted = linter.lint(&inputs[*i].shown, doc, locale.as_ref(), placement, config);
            if let Some(p) = &progress {
                p.inc(1);
            }
            (*i, linted.findings, linted.suppressed)
        })
        .collect();
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    // Cut to the change before fixing: a file the change does not touch is not rewritten.
    problems.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let changed = since.as_mut().map(|since| {
        let batches = results.iter_mut().map(|(_, findings, _)| findings);
        since.keep(batches, &mut problems, &HashMap::new())
    });

    // Fixes: in place, as a diff, or to standard output.
    let mut findings: Vec<Finding> = Vec::new();
    let mut fixed_total = 0;
    let mut in_diff: Vec<Finding> = Vec::new();
    for (i, mut file_findings, _) in results {
        let input = &inputs[i];
        let doc = docs.iter().find(|d| d.0 == i).map(|d| &d.1);
        if (options.fix || options.diff) && file_findings.iter().any(|f| f.fix.is_some()) {
            let Some(doc) = doc else { continue };
            let (fixed, applied) = lint::apply_fixes(&doc.source.text, &file_findings);
            if options.diff {
                let diff = similar::TextDiff::from_lines(doc.source.text.as_str(), fixed.as_str());
                let _ = write!(
                    out,
                    "{}",
                    diff.unified_diff()
                        .header(&format!("a/{}", input.shown), &format!("b/{}", input.shown))
                );
            } else if options.stdin {
                let _ = out.write_all(fixed.as_bytes());
            } else if let Err(e) = crate::atomic::write(&input.path, fixed.as_bytes()) {
                let _ = writeln!(err, "error: cannot write {}: {e}", printable(&input.shown));
                return EXIT_USAGE;
            }
            if options.fix {
                fixed_total += applied;
                file_findings.retain(|f| f.fix.is_none());
            } else {
                // Shown as the diff; they still count for the exit status.
                let (fixable, rest) = file_findings.into_iter().partition(|f| f.fix.is_some());
                in_diff.extend::<Vec<Finding>>(fixable);
                file_findings = rest;
            }
        } else if options.stdin && options.fix {
            if let Some(doc) = doc {
                let _ = out.write_all(doc.source.text.as_bytes());
            }
        }
        findings.extend(file_findings);
    }

    let texts_map: HashMap<String, String> = docs
        .iter()
        .map(|(i, doc, ..)| (inputs[*i].shown.clone(), doc.source.text.clone()))
        .chain(reference.iter().flat_map(|r| {
            r.articles
                .iter()
                .map(|a| (a.canonical_path.clone(), a.canonical_text.clone()))
        }))
        .collect();
    let texts = |path: &str| texts_map.get(path).map(String::as_str);
    // With --stdin --fix the fixed text owns standard output; findings go to standard error.
    // With --diff the patch owns standard output; the findings it does not fix go to standard
    // error.
    let report: &mut dyn Write = if (options.stdin && options.fix) || options.diff {
        err
    } else {
        out
    };
    // Files that could not be read are reported in every format (sorted above).
    let text = match options.format {
        FindingFormat::Human => {
            let mut text = render::human::render_to_width(
                &findings,
                &problems,
                &texts,
                options.color,
                super::check_cmd::output_width(),
            );
            if fixed_total > 0 {
                text.push_str(&format!("fixed {fixed_total} findings\n"));
            }
            if let Some(changed) = &changed {
                text.push_str(&changed.lines());
            }
            text
        }
        FindingFormat::Json => {
            render::json::render(rooted.root(), &findings, &problems, changed.as_ref()) + "\n"
        }
        FindingFormat::Sarif => {
            let base = base.uri();
            render::sarif::render(
                &findings,
                &problems,
                &texts,
                docrules_rules::registry::Kind::Lint,
                base.as_deref(),
            ) + "\n"
        }
        FindingFormat::Github => {
            let mut text = render::github::render(&findings, &problems);
            if let Some(changed) = &changed {
                text.push_str(&render::github::stale_translations(changed));
            }
            text
        }
        FindingFormat::Gitlab => render::gitlab::render(&findings, &problems),
    };
    let _ = report.write_all(text.as_bytes());
    let threshold = options.fail_on.level();
    let failed = findings
        .iter()
        .chain(&in_diff)
        .any(|f| f.level >= threshold)
        || problems.iter().any(|p| p.level >= threshold);
    if failed { EXIT_FINDINGS } else { EXIT_OK }
}
