//! The `docrules` command line, callable in-process (the binary is a thin wrapper) so that tests
//! run exactly what users run.

use clap::{Parser, Subcommand, ValueEnum};
use docrules_model::diagnostic::printable;
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use std::io::IsTerminal;

use docrules_align as align;
use docrules_align::diff::select as diff_select;
use docrules_model::corpus::Corpus;
use docrules_model::diagnostic::Level;
use docrules_model::fact::FactKind;
use docrules_model::locale::Locale;
use docrules_model::manifest::Layout;
use docrules_render as render;
use docrules_render::facts as fact_list;
use docrules_rules::checks as check;

/// Exit status: no error found.
pub const EXIT_OK: u8 = 0;
/// Exit status: the input has errors.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit status: usage or I/O error.
pub const EXIT_USAGE: u8 = 2;

/// Compile multilingual troubleshooting documentation into typed rules, and check it.
///
/// A corpus is a folder of markdown articles with an optional docrules.toml manifest at its
/// root: laid out as <article>/<locale>/<YYYY-MM-DD>.md, or as a Docusaurus, Hugo, MkDocs
/// (i18n), locale-folder or one-repository-per-locale tree (detected, or named by `[corpus]
/// layout` or `[[source]]` tables).
///
/// Exit status: 0 when no error was found, 1 when the input has errors, 2 on usage or I/O errors.
#[derive(Debug, Parser)]
#[command(name = "docrules", version, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where a report goes, and whether findings fail the run.
#[derive(Debug, clap::Args)]
struct Reporting {
    /// Write the report to FILE (atomically, without colors) instead of standard output.
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Exit with 0 whatever was found (usage and I/O errors still exit with 2): for a CI step
    /// that only uploads the report.
    #[arg(long)]
    exit_zero: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Show what docrules reads from a corpus: articles, versions, sections, tables and rules.
    ///
    /// Files that cannot be used (invalid UTF-8, binary, broken front matter, outside the layout)
    /// are reported at the end, and every other file is still shown.
    Dump {
        /// Corpus folder.
        #[arg(default_value = "corpus")]
        path: PathBuf,
        /// Output format: a readable tree, or the whole model as JSON (schema `docrules.dump/1`).
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// In the tree, show every table with its rules, cells and HTML problems.
        #[arg(long)]
        rules: bool,
    },
    /// List the typed facts of a corpus: durations, counts, percentages, versions, error IDs,
    /// IP networks, hosts, URLs, ports, paths and registry keys.
    ///
    /// Each line gives the file, line and column, the kind, the normalized value, the text as
    /// written and the fact's key (the identity it keeps across versions and translations).
    Facts {
        /// Corpus folder.
        #[arg(default_value = "corpus")]
        path: PathBuf,
        /// Only facts of this kind.
        #[arg(long, value_parser = parse_kind)]
        kind: Option<FactKind>,
        /// Only this article (its folder name).
        #[arg(long)]
        article: Option<String>,
        /// Only this locale (`ja-jp`, `zh-TW`, …).
        #[arg(long, value_parser = parse_locale)]
        locale: Option<Locale>,
        /// Output format: one fact per line, or JSON (schema `docrules.facts/1`).
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Check a corpus for contradictions: stale translations, missing and extra sections,
    /// statements that disagree within a version or across articles, lowered requirements,
    /// implausible lists and error IDs attached to several sections.
    ///
    /// Findings are sorted by article, locale, file, line and check. `docrules explain CODE`
    /// documents each check. Suppress a finding with `[[suppress]]` in docrules.toml or
    /// `<!-- docrules-disable CODE -->` in the markdown.
    Check {
        /// Corpus folder.
        #[arg(default_value = "corpus")]
        path: PathBuf,
        /// Output format: rustc-style excerpts, JSON (schema `docrules.findings/2`), SARIF 2.1.0,
        /// GitHub workflow annotations, or a GitLab Code Quality report (`codequality` artifact).
        #[arg(long, value_enum, default_value_t = FindingFormat::Human)]
        format: FindingFormat,
        /// Exit with 1 when a finding at or above this level is reported.
        #[arg(long, value_enum, default_value_t = FailOn::Error)]
        fail_on: FailOn,
        /// Colors in the human format: `auto` uses them on a terminal unless NO_COLOR is set.
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
        /// Report only what a change touches: findings in files that differ between REV and
        /// the working tree (committed since REV, staged, unstaged or new), and findings of
        /// other files that rest on one, such as the translations an edited source leaves
        /// stale (said once per source: `docs/x.md: this change makes 11 translations stale`).
        /// Everything is still computed with the whole corpus. REV is a branch, tag, commit id
        /// or `HEAD~3`, resolved in the git repository holding the corpus; in a pull request,
        /// `origin/main` (fetched: `fetch-depth: 0`).
        #[arg(long, value_name = "REV")]
        changed_since: Option<String>,
        #[command(flatten)]
        reporting: Reporting,
    },
    /// Compile a corpus into a Rust crate of its rules and facts (the crate `generated/` holds
    /// for the bundled corpus; `cargo xtask codegen` runs this for the repository).
    ///
    /// The crate is named by `crate.name` in docrules.toml. Files are written atomically and
    /// only when they change. With `--check`, nothing is written: a stale crate is shown as a
    /// unified diff and the exit status is 1.
    Compile {
        /// Corpus folder.
        #[arg(default_value = "corpus")]
        path: PathBuf,
        /// Folder of the generated crate.
        #[arg(long)]
        out: PathBuf,
        /// Only verify that the crate in OUT is up to date.
        #[arg(long)]
        check: bool,
    },
    /// Lint markdown files: against the compiled rules of a corpus (stale facts, broken links to
    /// other articles) and against the markdown itself (fragment links, HTML in cells, column
    /// counts, untranslated text, inconsistent spellings, front matter).
    ///
    /// A file inside the corpus is placed by its path; elsewhere by --article, or by matching its
    /// anchors and error IDs with the corpus articles. The compiled rules are cached (by a
    /// fingerprint of the corpus) in $DOCRULES_CACHE_DIR or the user cache directory. Config:
    /// the nearest docrules.toml above each file ([lint] levels, [[suppress]]), and inline
    /// `<!-- docrules-disable CODE -->` comments.
    Lint {
        /// Files or folders to lint (default: the newest version of each locale of the corpus
        /// given by --rules; older versions are history and are not linted or fixed). Folders
        /// are walked honouring .gitignore and skipping hidden files; a quoted glob
        /// (`'docs/**/*.md'`) is expanded.
        paths: Vec<PathBuf>,
        /// Leave out files and folders matching this glob (gitignore syntax, relative to the
        /// current directory; repeatable).
        #[arg(long, value_name = "GLOB")]
        exclude: Vec<String>,
        /// The corpus whose compiled rules the files are linted against (default: the nearest
        /// folder holding a docrules.toml above the first file, else `corpus`).
        #[arg(long)]
        rules: Option<PathBuf>,
        /// The article the files belong to, when they lie outside the corpus.
        #[arg(long)]
        article: Option<String>,
        /// Apply machine-applicable fixes in place (atomically; only the fixed spans change).
        #[arg(long)]
        fix: bool,
        /// Show the fixes as a unified diff on standard output (the findings without a fix go
        /// to standard error); write nothing.
        #[arg(long, conflicts_with = "fix")]
        diff: bool,
        /// Read the file from standard input (with --fix, the fixed text is written to standard
        /// output and the findings to standard error).
        #[arg(long, requires = "stdin_path", conflicts_with = "paths")]
        stdin: bool,
        /// The path the standard input stands for (for placement and messages).
        #[arg(long)]
        stdin_path: Option<PathBuf>,
        /// Where the compiled rules are cached (default: $DOCRULES_CACHE_DIR, else the user
        /// cache directory).
        #[arg(long)]
        cache_dir: Option<PathBuf>,
        /// Output format: rustc-style excerpts, JSON (schema `docrules.findings/2`), SARIF 2.1.0,
        /// GitHub workflow annotations, or a GitLab Code Quality report (`codequality` artifact).
        #[arg(long, value_enum, default_value_t = FindingFormat::Human)]
        format: FindingFormat,
        /// Exit with 1 when a finding at or above this level is reported.
        #[arg(long, value_enum, default_value_t = FailOn::Error)]
        fail_on: FailOn,
        /// Colors in the human format: `auto` uses them on a terminal unless NO_COLOR is set.
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
        /// Report only what a change touches: findings in files that differ between REV and
        /// the working tree (committed since REV, staged, unstaged or new), and findings that
        /// rest on one (a stale value whose canonical version was edited). Every file is still
        /// linted, against the whole corpus. REV is a branch, tag, commit id or `HEAD~3`,
        /// resolved in the git repository holding the corpus given by --rules.
        #[arg(long, value_name = "REV", conflicts_with = "stdin")]
        changed_since: Option<String>,
    },
    /// Print a completion script for a shell (`docrules completions bash > /etc/bash_completion.d/docrules`).
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page, in roff (`docrules man > docrules.1; man ./docrules.1`), or a
    /// subcommand's (`docrules man lint`).
    Man {
        /// The subcommand whose page to print.
        subcommand: Option<String>,
    },
    /// Print the documentation of a check or lint (by code or name), or list them all.
    Explain {
        /// A code (`DR101`, `DL003`) or name (`stale-fact`, `unknown-html-element`).
        code: Option<String>,
    },
    /// Show what changed between two versions of an article, as a changelog.
    ///
    /// Sections are matched by anchor, error IDs, literals and position, so renamed, split and
    /// merged sections are recognized; facts are compared after unit normalization, so `48 時間`
    /// and `2 日` are the same value. By default each article is diffed between its two newest
    /// versions in each locale. Give two files (OLD.md NEW.md) to diff loose files.
    Diff {
        /// A corpus folder, or two markdown files: OLD.md NEW.md.
        #[arg(default_value = "corpus", num_args = 1..=2)]
        paths: Vec<PathBuf>,
        /// Only this article.
        #[arg(long)]
        article: Option<String>,
        /// Only this locale.
        #[arg(long, value_parser = parse_locale)]
        locale: Option<Locale>,
        /// The old version: `DATE` or `LOCALE@DATE` (e.g. `zh-tw@2019-05-21`); LOCALE@ compares
        /// across locales; `LOCALE@COMMIT` (a commit id prefix) names a revision from git history.
        #[arg(long)]
        from: Option<String>,
        /// The new version: `DATE`, `LOCALE@DATE` or `LOCALE@COMMIT`.
        #[arg(long)]
        to: Option<String>,
        /// Output format: a changelog for the terminal, JSON (schema `docrules.diff/2`), or
        /// markdown for a pull request or release note.
        #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
        format: DiffFormat,
    },
}

mod changed;
mod check_cmd;
mod compile_cmd;
mod corpus_cmd;
mod diff_cmd;
mod lint;
mod lint_inputs;
mod paths;
mod shell_cmd;

use check_cmd::{check_command, explain_command, use_color};
use compile_cmd::compile_command;
use diff_cmd::diff_command;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum FindingFormat {
    Human,
    Json,
    Sarif,
    Github,
    Gitlab,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum DiffFormat {
    Human,
    Json,
    Markdown,
}

fn parse_kind(name: &str) -> Result<FactKind, String> {
    FactKind::parse(name).ok_or_else(|| {
        let kinds: Vec<&str> = FactKind::ALL.iter().map(|k| k.as_str()).collect();
        format!("unknown kind `{name}`; kinds are {}", kinds.join(", "))
    })
}

fn parse_locale(tag: &str) -> Result<Locale, String> {
    Locale::parse(tag).ok_or_else(|| format!("`{tag}` is not a locale tag such as `ja-jp`"))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
}

/// Runs the command line `args` (program name first), writing to `out` and `err`; returns the
/// exit status.
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are "errors" that go to standard output with status 0.
            let rendered = e.render().to_string();
            if e.use_stderr() {
                let _ = write!(err, "{rendered}");
                return EXIT_USAGE;
            }
            let _ = write!(out, "{rendered}");
            return EXIT_OK;
        }
    };
    match cli.command {
        Command::Check {
            path,
            format,
            fail_on,
            color,
            changed_since,
            reporting,
        } => {
            let options = check_cmd::Options {
                format,
                fail_on,
                color,
                changed_since,
            };
            check_command(&path, &options, &reporting, out, err)
        }
        Command::Explain { code } => explain_command(code.as_deref(), out, err),
        Command::Completions { shell } => shell_cmd::completions(shell, out, err),
        Command::Man { subcommand } => shell_cmd::man_page(subcommand.as_deref(), out, err),
        Command::Lint {
            paths,
            exclude,
            rules,
            article,
            fix,
            diff,
            stdin,
            stdin_path,
            cache_dir,
            format,
            fail_on,
            color,
            changed_since,
        } => {
            let rules =
                rules.unwrap_or_else(|| lint::corpus_above(paths.first().or(stdin_path.as_ref())));
            let options = lint::Options {
                cache_dir: cache_dir.unwrap_or_else(crate::cache::cache_dir),
                paths,
                exclude,
                rules,
                article,
                fix,
                diff,
                stdin,
                stdin_path,
                format,
                fail_on,
                color: use_color(color),
                changed_since,
            };
            lint::run(&options, out, err)
        }
        Command::Compile {
            path,
            out: dir,
            check,
        } => compile_command(&path, &dir, check, out, err),
        Command::Diff {
            paths,
            article,
            locale,
            from,
            to,
            format,
        } => diff_command(&paths, article, locale, from, to, format, out, err),
        Command::Dump {
            path,
            format,
            rules,
        } => corpus_cmd::dump_command(&path, format, rules, out, err),
        Command::Facts {
            path,
            kind,
            article,
            locale,
            format,
        } => {
            let filter = fact_list::Filter {
                kind,
                article,
                locale,
            };
            corpus_cmd::facts_command(&path, &filter, format, out, err)
        }
    }
}

/// Names the locales whose facts were read with CLDR's units and numbers alone: no
/// hand-written comparators, range words or column roles, so fewer statements are found.
pub(super) fn note_cldr_only(corpus: &Corpus, err: &mut dyn Write) {
    let mut locales: Vec<String> = corpus
        .versions()
        .filter(|v| docrules_parse::extract::cldr_only(&v.locale))
        .map(|v| v.locale.to_string())
        .collect();
    locales.sort();
    locales.dedup();
    if !locales.is_empty() {
        let _ = writeln!(
            err,
            "note: read with CLDR data alone (units and numbers; no comparators, range words \
             or column roles): {}",
            locales.join(", ")
        );
    }
}

/// Loads a corpus, or says why it cannot (the caller exits with [`EXIT_USAGE`]). A layout
/// other than today's `files`, detected because `docrules.toml` names none, is said on
/// standard error.
fn load_corpus(path: &std::path::Path, err: &mut dyn Write) -> Option<Corpus> {
    let corpus = docrules_parse::corpus::load(path)
        .map_err(|e| writeln!(err, "error: {}", printable(&e.to_string())))
        .ok()?;
    let detected = corpus
        .layout
        .layout
        .filter(|l| corpus.layout.detected && *l != Layout::Files);
    if let Some(layout) = detected {
        let mut locales: Vec<&Locale> = corpus.versions().map(|v| &v.locale).collect();
        locales.sort();
        locales.dedup();
        let _ = writeln!(
            err,
            "detected layout {layout}: {} in {} (name it in docrules.toml: [corpus] layout = \"{layout}\")",
            count(corpus.articles.len(), "article"),
            count(locales.len(), "locale"),
        );
    }
    Some(corpus)
}

/// `1 article`, `12 articles`.
fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// Writes a command's output; a reader that closed the pipe (`| head`) is not an error.
fn emit(out: &mut dyn Write, err: &mut dyn Write, text: &str) -> bool {
    match out.write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            let _ = writeln!(err, "error: cannot write output: {e}");
            false
        }
        _ => true,
    }
}

impl FailOn {
    /// The lowest level that fails the run.
    fn level(self) -> Level {
        match self {
            FailOn::Error => Level::Error,
            FailOn::Warning => Level::Warning,
            FailOn::Info => Level::Info,
        }
    }
}
