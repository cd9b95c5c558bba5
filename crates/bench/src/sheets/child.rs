//! A child process timed and measured the same way for every side: wall
//! time from spawn to reaping, CPU time and peak resident memory from the
//! kernel's accounting of that one child (`wait4`), its output kept.
//!
//! The child is started through a launcher: this benchmark's own binary,
//! run as the hidden `testimonio-bench measure-child`, which starts the
//! command, reaps it with `wait4` and writes what the kernel says into a
//! report file. Without it the peak would be wrong: Linux carries a
//! process's peak memory across `exec`, and a child spawned straight from
//! the benchmark (with `vfork`, as the standard library does) starts from
//! the benchmark's own peak — after it built a 100,000-row workbook in
//! memory, every child would seem to have used 200 MiB. The launcher is a
//! fresh, small process (a few MiB), so a child's peak is its own.

use std::ffi::OsString;
use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, Result, bail, ensure};

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

/// Options of the hidden `testimonio-bench measure-child`.
#[derive(Debug, Clone, PartialEq, Eq, clap::Parser)]
#[command(name = "testimonio-bench measure-child")]
pub struct LauncherOptions {
    /// Where to write the child's status and usage.
    #[arg(long)]
    report: PathBuf,
    /// The command and its arguments.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true, required = true)]
    command: Vec<OsString>,
}

/// The launcher: runs the command with this process's standard streams,
/// reaps it, and writes `code cpu_seconds peak_kib` to the report.
///
/// # Errors
/// The command cannot be started or waited for, or the report written.
pub fn launch(options: &LauncherOptions) -> Result<()> {
    let (program, args) = options
        .command
        .split_first()
        .context("no command to measure")?;
    let child = Command::new(program)
        .args(args)
        .spawn()
        .with_context(|| format!("starting {program:?}"))?;
    let pid = libc::pid_t::try_from(child.id())?;
    let (status, usage) = wait4(pid)?;
    // Reaped above: `Child` must not be waited for again (dropping it does not).
    drop(child);
    let time = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    std::fs::write(
        &options.report,
        format!(
            "{code} {} {}\n",
            time(usage.ru_utime) + time(usage.ru_stime),
            usage.ru_maxrss
        ),
    )?;
    Ok(())
}

/// Runs `command` to its end through the launcher, its standard input
/// empty and its output captured.
///
/// # Errors
/// The launcher or the command cannot be started or waited for.
pub fn measure(command: &mut Command) -> Result<Measured> {
    let report = tempfile::NamedTempFile::new()?;
    let mut launcher = Command::new(std::env::current_exe()?);
    launcher
        .arg("measure-child")
        .arg("--report")
        .arg(report.path())
        .arg("--")
        .arg(command.get_program())
        .args(command.get_args());
    for (key, value) in command.get_envs() {
        match value {
            Some(value) => launcher.env(key, value),
            None => launcher.env_remove(key),
        };
    }
    if let Some(dir) = command.get_current_dir() {
        launcher.current_dir(dir);
    }
    launcher
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let mut child = launcher
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
    let status = child.wait()?;
    let seconds = started.elapsed().as_secs_f64();
    let stderr = drain.join().unwrap_or_default();
    ensure!(
        status.success(),
        "measuring {:?} failed: {}",
        command.get_program(),
        String::from_utf8_lossy(&stderr).trim()
    );
    let (code, cpu_seconds, peak_rss) = read_report(&std::fs::read_to_string(report.path())?)?;
    Ok(Measured {
        seconds,
        cpu_seconds,
        peak_rss,
        code,
        stdout,
        stderr,
    })
}

/// The launcher's report: the exit status (`None` for a signal), CPU
/// seconds, and the peak in bytes (Linux counts `ru_maxrss` in KiB).
fn read_report(text: &str) -> Result<(Option<i32>, f64, u64)> {
    let fields: Vec<&str> = text.split_whitespace().collect();
    let [code, cpu, kib] = fields[..] else {
        bail!("the launcher's report is not `code cpu kib`: {text:?}");
    };
    let code: i32 = code.parse()?;
    Ok((
        (code >= 0).then_some(code),
        cpu.parse()?,
        kib.parse::<u64>()? * 1024,
    ))
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
    fn the_launcher_reports_the_status_cpu_and_peak_of_its_child() {
        let dir = tempfile::tempdir().unwrap();
        let report = dir.path().join("report");
        // 64 MiB touched: the peak shows it.
        let options = LauncherOptions {
            report: report.clone(),
            command: [
                "python3",
                "-c",
                "import sys; b = b'x' * (64 << 20); sys.exit(3)",
            ]
            .map(OsString::from)
            .to_vec(),
        };
        if launch(&options).is_err() {
            return; // no python3 here: nothing to measure
        }
        let (code, cpu, peak) = read_report(&std::fs::read_to_string(&report).unwrap()).unwrap();
        assert_eq!(code, Some(3));
        assert!(peak > 64 << 20, "{peak}");
        assert!(cpu >= 0.0);
    }

    #[test]
    fn a_report_reads_back() {
        assert_eq!(
            read_report("4 1.5 2048\n").unwrap(),
            (Some(4), 1.5, 2 << 20)
        );
        assert_eq!(read_report("-1 0 0").unwrap(), (None, 0.0, 0));
        assert!(read_report("").is_err());
    }
}
