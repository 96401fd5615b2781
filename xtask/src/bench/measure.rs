//! Wall time and peak memory of a command, run as its own process.

use anyhow::{Context, Result, bail};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The median wall time and the largest peak RSS over the runs of one command.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    pub wall: Duration,
    pub peak_rss_kib: u64,
}

/// Runs `command` `runs` times (output discarded) after `before` each time; fails when it exits
/// with a status other than the ones in `ok`.
pub fn run(
    runs: usize,
    ok: &[i32],
    mut before: impl FnMut(),
    mut command: impl FnMut() -> Command,
) -> Result<Sample> {
    let mut walls = Vec::with_capacity(runs);
    let mut peak = 0;
    for _ in 0..runs.max(1) {
        before();
        let mut cmd = command();
        let shown = format!("{cmd:?}");
        let start = Instant::now();
        let child = cmd
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .with_context(|| format!("starting {shown}"))?;
        let (status, rss) = wait_with_rusage(child.id())?;
        walls.push(start.elapsed());
        peak = peak.max(rss);
        if !ok.contains(&status) {
            bail!("{shown} exited with {status}");
        }
    }
    walls.sort();
    Ok(Sample {
        wall: walls[walls.len() / 2],
        peak_rss_kib: peak,
    })
}

/// Waits for the child with `wait4`, which returns the child's own resource usage: its exit
/// code and its peak resident set size in KiB. (`std::process::Child::wait` drops the rusage,
/// and `getrusage(RUSAGE_CHILDREN)` only gives the maximum over every child so far.)
#[allow(unsafe_code)]
fn wait_with_rusage(pid: u32) -> Result<(i32, u64)> {
    let pid = libc::pid_t::try_from(pid).context("process id out of range")?;
    let mut status: libc::c_int = 0;
    // SAFETY: `rusage` is plain old data that wait4 fills; zeroed is a valid value of it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: both pointers are to live locals of the right types.
        let got = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if got == pid {
            break;
        }
        let error = std::io::Error::last_os_error();
        if error.kind() != std::io::ErrorKind::Interrupted {
            return Err(error).context("waiting for the benchmarked process");
        }
    }
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -libc::WTERMSIG(status)
    };
    Ok((code, u64::try_from(usage.ru_maxrss).unwrap_or(0)))
}
