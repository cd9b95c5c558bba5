//! A child process timed and measured the same way for every side: wall
//! time from spawn to reaping, CPU time and peak resident memory from the
//! kernel's accounting of that one child (`wait4`), its output kept.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, Result, bail};

/// What one child did.
#[derive(Debug, Clone)]
pub struct Measured {
    pub seconds: f64,
    /// User plus system CPU time.
    pub cpu_seconds: f64,
    /// Peak resident set size (`ru_maxrss`), bytes.
    pub peak_rss: u64,
    /// The exit status; `None` when a signal ended it.
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl Measured {
    /// The end of standard error, for a message.
    pub fn stderr_tail(&self) -> String {
        let text = String::from_utf8_lossy(&self.stderr);
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(8)..].join("\n")
    }
}

/// Runs `command` to its end, its standard input empty and its output
/// captured.
///
/// # Errors
/// The command cannot be started or waited for.
pub fn measure(command: &mut Command) -> Result<Measured> {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let mut child = command
        .spawn()
        .with_context(|| format!("starting {:?}", command.get_program()))?;
    let mut out = child.stdout.take().context("the child's stdout")?;
    let mut err = child.stderr.take().context("the child's stderr")?;
    let drain = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = err.read_to_end(&mut bytes);
        bytes
    });
    let mut stdout = Vec::new();
    out.read_to_end(&mut stdout)?;
    let pid = libc::pid_t::try_from(child.id())?;
    let (status, usage) = wait4(pid)?;
    let seconds = started.elapsed().as_secs_f64();
    // Reaped above: `Child` must not be waited for again (dropping it does not).
    drop(child);
    let stderr = drain.join().unwrap_or_default();
    let time = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Ok(Measured {
        seconds,
        cpu_seconds: time(usage.ru_utime) + time(usage.ru_stime),
        // Linux counts it in KiB.
        peak_rss: u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024,
        code: libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status)),
        stdout,
        stderr,
    })
}

/// Waits for child `pid` and returns its status and resource usage.
fn wait4(pid: libc::pid_t) -> Result<(libc::c_int, libc::rusage)> {
    let mut status: libc::c_int = 0;
    // SAFETY: `rusage` is plain old data; all-zero is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: both pointers are to live locals of the right types, and
        // `pid` is our own child, not yet reaped.
        let reaped = unsafe { libc::wait4(pid, &raw mut status, 0, &raw mut usage) };
        if reaped == pid {
            return Ok((status, usage));
        }
        let error = std::io::Error::last_os_error();
        if error.kind() != std::io::ErrorKind::Interrupted {
            bail!("waiting for child {pid}: {error}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_child_is_timed_and_its_memory_and_status_read() {
        // 64 MiB touched: the peak shows it.
        let mut command = Command::new("python3");
        command.args([
            "-c",
            "import sys; b = b'x' * (64 << 20); print('hi'); sys.exit(3)",
        ]);
        let Ok(m) = measure(&mut command) else {
            return; // no python3 here: nothing to measure
        };
        assert_eq!(m.code, Some(3));
        assert_eq!(m.stdout, b"hi\n");
        assert!(m.peak_rss > 64 << 20, "{}", m.peak_rss);
        assert!(m.seconds > 0.0 && m.cpu_seconds >= 0.0);
        let m = measure(Command::new("sh").args(["-c", "echo oops >&2; exit 0"])).unwrap();
        assert_eq!((m.code, m.stderr_tail().as_str()), (Some(0), "oops"));
    }
}
