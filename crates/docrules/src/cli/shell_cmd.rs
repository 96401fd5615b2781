//! `docrules completions SHELL` and `docrules man`: generated from the same clap definition as
//! the parser (clap_complete, clap_mangen), so they never drift from the real options.

use std::io::Write;

use clap::CommandFactory;

use super::{Cli, EXIT_OK, EXIT_USAGE};

/// Writes the completion script for `shell` to `out`.
pub(super) fn completions(
    shell: clap_complete::Shell,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "docrules", &mut script);
    write_all(&script, out, err)
}

/// Writes the manual page (roff) of docrules, or of one of its subcommands
/// (`docrules-lint(1)`), to `out`.
pub(super) fn man_page(subcommand: Option<&str>, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let command = Cli::command();
    let man = match subcommand {
        None => clap_mangen::Man::new(command),
        Some(name) => match command.find_subcommand(name) {
            Some(sub) => clap_mangen::Man::new(sub.clone()).title(format!("docrules-{name}")),
            None => {
                let names: Vec<&str> = command.get_subcommands().map(|s| s.get_name()).collect();
                let _ = writeln!(
                    err,
                    "error: no subcommand `{name}`; subcommands are {}",
                    names.join(", ")
                );
                return EXIT_USAGE;
            }
        },
    };
    let mut page = Vec::new();
    match man.render(&mut page) {
        Ok(()) => write_all(&page, out, err),
        Err(e) => {
            let _ = writeln!(err, "error: cannot render the manual page: {e}");
            EXIT_USAGE
        }
    }
}

fn write_all(bytes: &[u8], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match out.write_all(bytes) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            let _ = writeln!(err, "error: cannot write: {e}");
            EXIT_USAGE
        }
    }
}
