//! The `docrules` command line, callable in-process (the binary is a thin wrapper) so that tests
//! run exactly what users run.

use clap::{Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use crate::corpus;
use crate::diagnostic::Level;
use crate::dump;
use crate::fact::FactKind;
use crate::fact_list;
use crate::locale::Locale;

/// Exit status: no error found.
pub const EXIT_OK: u8 = 0;
/// Exit status: the input has errors.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit status: usage or I/O error.
pub const EXIT_USAGE: u8 = 2;

/// Compile multilingual troubleshooting documentation into typed rules, and check it.
///
/// A corpus is a folder of markdown articles laid out as <article>/<locale>/<YYYY-MM-DD>.md with
/// an optional docrules.toml manifest at its root.
///
/// Exit status: 0 when no error was found, 1 when the input has errors, 2 on usage or I/O errors.
#[derive(Debug, Parser)]
#[command(name = "docrules", version, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
    let (path, render): (PathBuf, Renderer) = match cli.command {
        Command::Dump {
            path,
            format,
            rules,
        } => (
            path,
            Box::new(move |corpus| match format {
                Format::Human => dump::human(corpus, rules),
                Format::Json => dump::json(corpus) + "\n",
            }),
        ),
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
            (
                path,
                Box::new(move |corpus| match format {
                    Format::Human => fact_list::human(corpus, &filter),
                    Format::Json => fact_list::json(corpus, &filter) + "\n",
                }),
            )
        }
    };
    let corpus = match corpus::load(&path) {
        Ok(corpus) => corpus,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return EXIT_USAGE;
        }
    };
    if let Err(e) = out.write_all(render(&corpus).as_bytes()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            let _ = writeln!(err, "error: cannot write output: {e}");
            return EXIT_USAGE;
        }
    }
    if corpus.max_level() == Some(Level::Error) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// Turns the loaded corpus into the command's output.
type Renderer = Box<dyn Fn(&corpus::Corpus) -> String>;
