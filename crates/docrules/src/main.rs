//! The `docrules` binary: see [`docrules::cli`].

use std::process::ExitCode;

fn main() -> ExitCode {
    let status = docrules::cli::run(
        std::env::args_os(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    ExitCode::from(status)
}
