//! The `docrules` command line, callable in-process (the binary is a thin wrapper) so that tests
//! run exactly what users run.

use clap::{Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use crate::corpus;
use crate::diagnostic::Level;
use crate::dump;

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
        Command::Dump {
            path,
            format,
            rules,
        } => {
            let corpus = match corpus::load(&path) {
                Ok(corpus) => corpus,
                Err(e) => {
                    let _ = writeln!(err, "error: {e}");
                    return EXIT_USAGE;
                }
            };
            let output = match format {
                Format::Human => dump::human(&corpus, rules),
                Format::Json => dump::json(&corpus) + "\n",
            };
            if let Err(e) = out.write_all(output.as_bytes()) {
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
    }
}
