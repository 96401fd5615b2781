//! Loading a corpus: walk `<article>/<locale>/<version>.md`, decode, read front matter, parse, in
//! parallel. Bad files become diagnostics; every other file is still loaded.

use rayon::prelude::*;
use std::path::Path;

use crate::decode;
use crate::extract;
use crate::file;
use crate::front_matter;
use crate::markdown;
use crate::source::SourceFile;
use docrules_model::corpus::{Article, Corpus, LayoutInfo, Version};
use docrules_model::date::Date;
use docrules_model::diagnostic::Diagnostic;
use docrules_model::document::Document;
use docrules_model::front_matter::FrontMatter;
use docrules_model::locale::Locale;
use docrules_model::manifest::{self, Manifest};

/// A fatal problem: the corpus itself cannot be read (as opposed to one of its files, which
/// becomes a diagnostic).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The corpus folder cannot be read.
    #[error("cannot read corpus `{path}`: {source}")]
    Unreadable {
        /// The folder as given.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The path is a file, not a folder.
    #[error(
        "`{0}` is not a directory; a corpus is a folder of <article>/<locale>/<version>.md files"
    )]
    NotADirectory(String),
}

/// A manifest is a page of settings; more than this is not one.
const MAX_MANIFEST_BYTES: u64 = 1024 * 1024;

/// Reads `docrules.toml` from `root`. A missing file gives the defaults; a broken one is an
/// error naming its line.
pub fn load_manifest(root: &Path) -> Result<Manifest, Diagnostic> {
    let path = root.join(manifest::FILE_NAME);
    let unreadable = |message: String| {
        Diagnostic::error(
            "manifest",
            manifest::FILE_NAME,
            format!("cannot read the manifest: {message}"),
        )
    };
    // A FIFO or device in its place is refused, never opened for reading.
    match file::read_regular_up_to(&path, MAX_MANIFEST_BYTES) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Manifest::parse(&text),
            Err(_) => Err(unreadable("it is not UTF-8".to_owned())),
        },
        Err(file::Refusal::Io(err)) if err.kind() == std::io::ErrorKind::NotFound => {
            Ok(Manifest::default())
        }
        Err(refusal) => Err(unreadable(refusal.to_string())),
    }
}

/// Loads the corpus under `root`.
///
/// Fails only when `root` is not a readable folder; a file that cannot be used, or a broken
/// `docrules.toml`, becomes one of [`Corpus::diagnostics`].
///
/// ```
/// use docrules_parse::corpus::load;
///
/// let root = std::env::temp_dir().join(format!("docrules-load-doc-{}", std::process::id()));
/// std::fs::create_dir_all(root.join("backup/en-us"))?;
/// std::fs::write(root.join("backup/en-us/2019-07-15.md"), "# Backup\n\nText.\n")?;
/// let corpus = load(&root);
/// std::fs::remove_dir_all(&root)?;
/// let corpus = corpus?;
///
/// let version = &corpus.articles[0].versions[0];
/// assert_eq!(version.article, "backup");
/// assert_eq!(version.locale.as_str(), "en-US");
/// assert_eq!(version.path, "backup/en-us/2019-07-15.md");
/// // Without `ms.date`, the date comes from the file name, with a warning.
/// assert_eq!(version.date.unwrap().to_string(), "2019-07-15");
/// assert_eq!(corpus.all_diagnostics()[0].code, "missing-date");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn load(root: &Path) -> Result<Corpus, LoadError> {
    let metadata = std::fs::metadata(root).map_err(|source| LoadError::Unreadable {
        path: root.display().to_string(),
        source,
    })?;
    if !metadata.is_dir() {
        return Err(LoadError::NotADirectory(root.display().to_string()));
    }
    let mut diagnostics = Vec::new();
    let manifest = load_manifest(root).unwrap_or_else(|d| {
        diagnostics.push(d);
        Manifest::default()
    });

    let mut walked = crate::source::walk(root, &manifest);
    diagnostics.extend(std::mem::take(&mut walked.diagnostics));
    // Where a file's name is its version (`files`), a front matter without `ms.date` is
    // worth a warning; Learn articles always carry one, so there it is too. Elsewhere
    // (Docusaurus, Hugo, MkDocs) pages have no `ms.date`, and a file is its one version.
    let dates_expected = matches!(
        walked.layout,
        manifest::Layout::Files | manifest::Layout::LearnRepos
    );
    if walked.versions == manifest::VersionsFrom::Git && walked.layout == manifest::Layout::Files {
        // Only a detected `files` layout gets here (the manifest refuses the pair).
        diagnostics.push(
            Diagnostic::error(
                "manifest",
                manifest::FILE_NAME,
                "`[versions] from = \"git\"` needs a layout other than `files`, whose files are versions already; read as `files`",
            )
            .with_help("name the layout in `[corpus] layout`, or remove `from = \"git\"`"),
        );
        walked.versions = manifest::VersionsFrom::Files;
    }
    let loaded: Vec<(Option<Version>, Vec<Diagnostic>)> =
        if walked.versions == manifest::VersionsFrom::Git {
            let bounds = crate::history::Bounds {
                since: manifest.versions.since_date(),
                max_per_file: manifest.versions.max_per_file,
            };
            let history = crate::history::read(&walked, bounds);
            diagnostics.extend(history.diagnostics);
            history
                .revisions
                .into_par_iter()
                .map(|r| {
                    let (version, found) = load_bytes(&r.file, r.bytes, dates_expected, &manifest);
                    let version = version.map(|mut v| {
                        v.date = v.date.or(r.date);
                        v.commit = r.commit;
                        v.sequence = r.sequence;
                        v
                    });
                    (version, found)
                })
                .collect()
        } else {
            walked
                .files
                .par_iter()
                .map(|file| load_file(file, dates_expected, &manifest))
                .collect()
        };
    let mut versions = Vec::new();
    for (version, file_diagnostics) in loaded {
        diagnostics.extend(file_diagnostics);
        versions.extend(version);
    }

    let mut by_name: std::collections::BTreeMap<String, Vec<Version>> =
        std::collections::BTreeMap::new();
    for version in versions {
        by_name
            .entry(version.article.clone())
            .or_default()
            .push(version);
    }
    let mut articles: Vec<Article> = by_name
        .into_iter()
        .map(|(name, versions)| Article { name, versions })
        .collect();
    for article in &mut articles {
        article
            .versions
            .sort_by(|a, b| a.order_key().cmp(&b.order_key()));
        diagnostics.extend(order_ties(&article.versions));
    }
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    Ok(Corpus {
        root: root.to_owned(),
        manifest,
        articles,
        diagnostics,
        layout: LayoutInfo {
            layout: Some(walked.layout),
            detected: walked.detected,
            source_locale: walked.source_locale,
        },
    })
}

/// `root`-relative path with `/` separators, for messages and JSON.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// A warning for each version whose order within its locale nothing tells: the same `ms.date`
/// and `ms.lasthandoff` as the version before it (the file names decide, which says nothing
/// about which text is newer).
fn order_ties(versions: &[Version]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut last: std::collections::HashMap<&Locale, &Version> = std::collections::HashMap::new();
    for version in versions {
        if let Some(before) = last.get(&version.locale) {
            // Revisions of one file in git history are ordered by their commits.
            let same = before.date == version.date
                && before.last_handoff == version.last_handoff
                && before.sequence == version.sequence;
            // A later commit whose `ms.date` went back is ordered before the text it replaced.
            if before.sequence > version.sequence && version.sequence > 0 && !same {
                out.push(
                    Diagnostic::warning(
                        "version-order",
                        &before.path,
                        format!(
                            "`{}` is dated before `{}`, which it replaced in git history: versions are ordered by ms.date, so the older text counts as the newer",
                            before.path, version.path
                        ),
                    )
                    .with_help("give the newer revision an ms.date no earlier than the one before it"),
                );
            }
            if same {
                out.push(
                    Diagnostic::warning(
                        "version-order",
                        &version.path,
                        format!(
                            "`{}` has the same ms.date and ms.lasthandoff as `{}`: which one is newer is unknown, so they are ordered by file name",
                            version.path, before.path
                        ),
                    )
                    .with_help("give the newer version a later ms.date or ms.lasthandoff"),
                );
            }
        }
        last.insert(&version.locale, version);
    }
    out
}

/// Loads one file; returns the version (if the file is usable) and the problems found.
/// `dates_expected`: a missing `ms.date` is worth a warning.
fn load_file(
    file: &SourceFile,
    dates_expected: bool,
    manifest: &Manifest,
) -> (Option<Version>, Vec<Diagnostic>) {
    // The walk refused FIFOs and devices; this refuses one put in a file's place since.
    match file::read_regular(&file.path) {
        Ok(bytes) => load_bytes(file, bytes, dates_expected, manifest),
        Err(refusal) => (None, vec![refusal.diagnostic(&file.rel)]),
    }
}

/// Loads one file's `bytes` (from disk or a commit) as a version of `file`'s article.
fn load_bytes(
    file: &SourceFile,
    bytes: Vec<u8>,
    dates_expected: bool,
    manifest: &Manifest,
) -> (Option<Version>, Vec<Diagnostic>) {
    let rel = file.rel.clone();
    let mut diagnostics = Vec::new();
    let (article, locale) = (file.article.clone(), file.locale.clone());
    let document = match read_document(&rel, bytes, Some(&locale), manifest) {
        Ok(document) => document,
        Err(diagnostic) => return (None, vec![diagnostic]),
    };
    let front = &document.front_matter;

    let date = match front.get("ms.date") {
        Some(text) => Date::parse(text).or_else(|| {
            let d = Diagnostic::warning(
                "invalid-date",
                &rel,
                format!("`ms.date: {text}` is not a date (expected MM/DD/YYYY)"),
            );
            diagnostics.push(with_field_span(d, front, "ms.date"));
            None
        }),
        None => {
            if dates_expected {
                diagnostics.push(with_field_span(
                    Diagnostic::warning("missing-date", &rel, "front matter has no `ms.date`"),
                    front,
                    "ms.date",
                ));
            }
            None
        }
    };
    let file_date = file.file_date;
    if let (Some(stated), Some(named)) = (date, file_date) {
        if stated != named {
            let d = Diagnostic::warning(
                "date-mismatch",
                &rel,
                format!(
                    "`ms.date` says {stated} but the file name says {named}; the version is dated {stated}"
                ),
            )
            .with_help("rename the file after its ms.date, or correct ms.date");
            diagnostics.push(with_field_span(d, front, "ms.date"));
        }
    }
    let date = date.or(file_date);
    let last_handoff = front.get("ms.lasthandoff").and_then(Date::parse);

    if let Some(declared) = front.get("ms.contentlocale") {
        if Locale::parse(declared).as_ref() != Some(&locale) {
            let d = Diagnostic::warning(
                "locale-mismatch",
                &rel,
                format!(
                    "`ms.contentlocale: {declared}` disagrees with the locale folder `{}`",
                    file.locale_written
                ),
            )
            .with_help(format!(
                "move the file under `{}/` or correct the front matter",
                declared.to_ascii_lowercase()
            ));
            diagnostics.push(with_field_span(d, front, "ms.contentlocale"));
        }
    }

    let version = Version {
        article,
        locale,
        date,
        last_handoff,
        path: rel,
        commit: None,
        sequence: 0,
        document,
    };
    (Some(version), diagnostics)
}

/// Decodes, splits off the front matter, parses one file's bytes and extracts its facts. `path` names the file in
/// messages; `locale` chooses the lexicons (any language is still read without one).
///
/// Fails when the file cannot be used at all (not UTF-8, binary, empty, broken front matter);
/// problems inside the markdown are [`Document::diagnostics`] instead.
///
/// ```
/// use docrules_model::fact::FactKind;
/// use docrules_model::locale::Locale;
/// use docrules_model::manifest::Manifest;
/// use docrules_parse::corpus::read_document;
///
/// let markdown = "\
/// ---
/// ms.date: 07/15/2019
/// ---
/// ## Troubleshoot backups
///
/// | Error | Recommended action |
/// |---|---|
/// | The job failed. (ID: 34513) | Retry within 48 hours. |
/// ";
/// let locale = Locale::parse("en-US");
/// let path = "backup/en-us/2019-07-15.md";
/// let bytes = markdown.as_bytes().to_vec();
/// let doc = read_document(path, bytes, locale.as_ref(), &Manifest::default()).unwrap();
///
/// assert_eq!(doc.front_matter.get("ms.date"), Some("07/15/2019"));
/// assert_eq!(doc.sections[0].title, "Troubleshoot backups");
/// assert_eq!(doc.sections[0].anchor, "troubleshoot-backups");
/// let rule = &doc.rules[0];
/// assert_eq!(rule.error_ids[0].value, "34513");
/// assert_eq!(rule.actions().unwrap().text(), "Retry within 48 hours.");
/// let fact = doc.facts.iter().find(|f| f.kind == FactKind::Duration).unwrap();
/// assert_eq!((fact.text.as_str(), fact.value.to_string()), ("within 48 hours", "48 h".into()));
/// ```
pub fn read_document(
    path: &str,
    bytes: Vec<u8>,
    locale: Option<&Locale>,
    manifest: &Manifest,
) -> Result<Document, Diagnostic> {
    let source = decode::decode(path, bytes)?;
    let (front, body_start) = front_matter::parse(&source)?;
    let renderer = manifest.anchors.renderer;
    let mut document = markdown::parse_as(source, front, body_start, locale, renderer);
    document.facts = extract::extract(&document, locale, &manifest.fact_names());
    Ok(document)
}

/// A markdown file outside any corpus (for `docrules diff OLD.md NEW.md`): its locale comes from
/// its folder name or its front matter `ms.contentlocale`, its date from `ms.date`.
pub fn read_loose(path: &Path) -> Result<(Document, Option<Locale>, Option<Date>), Diagnostic> {
    let display = path.to_string_lossy().into_owned();
    let bytes = file::read_regular(path).map_err(|refusal| refusal.diagnostic(&display))?;
    let source = decode::decode(&display, bytes)?;
    let (front, body_start) = front_matter::parse(&source)?;
    let folder = path
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .and_then(Locale::parse);
    let locale = front
        .get("ms.contentlocale")
        .and_then(Locale::parse)
        .or(folder);
    let date = front.get("ms.date").and_then(Date::parse).or_else(|| {
        path.file_stem()
            .and_then(|s| s.to_str())
            .and_then(Date::parse)
    });
    let mut document = markdown::parse(source, front, body_start, locale.as_ref());
    document.facts = extract::extract(&document, locale.as_ref(), &[]);
    Ok((document, locale, date))
}

fn with_field_span(d: Diagnostic, front: &FrontMatter, key: &str) -> Diagnostic {
    match front.span_of(key) {
        Some(span) => d.at(span),
        None => d,
    }
}
