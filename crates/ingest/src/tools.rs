//! Running the external tools (poppler, Tesseract) on bytes in memory.
//!
//! Input goes through a pipe to the tool's standard input and output comes
//! back through a pipe: page images and text never touch the disk. Each
//! run has a wall-clock limit, an address-space limit and an output-size
//! limit, so a hostile file costs at most those and yields an error.

use std::io::{Read, Write};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// Limits for one run of a tool.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub time: Duration,
    /// Address-space limit of the child process, bytes.
    pub memory: u64,
    /// Largest output accepted, bytes.
    pub output: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            time: Duration::from_secs(120),
            memory: 3 << 30,
            output: 512 << 20,
        }
    }
}

/// Why a tool run failed. Reasons never include the input's content.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum ToolError {
    #[error("{tool} is not installed (run scripts/setup)")]
    Missing { tool: String },
    #[error("{tool} took longer than {seconds} s and was stopped")]
    TimedOut { tool: String, seconds: u64 },
    #[error("{tool} produced more than {limit} bytes and was stopped")]
    TooMuchOutput { tool: String, limit: usize },
    #[error("{tool} failed: {reason}")]
    Failed { tool: String, reason: String },
}

/// What a successful run printed.
pub struct ToolOutput {
    pub stdout: Vec<u8>,
    /// The first lines of standard error, for diagnostics.
    pub stderr: String,
}

/// Runs `program args…`, writing `input` to its standard input.
///
/// # Errors
/// See [`ToolError`]: missing tool, time or output limit, non-zero exit.
pub fn run(
    program: &str,
    args: &[&str],
    env: &[(&str, &str)],
    input: &[u8],
    limits: Limits,
) -> Result<ToolOutput, ToolError> {
    run_with(program, args, env, input, limits, false)
}

/// Runs `program args…` as [`run`] does, but with only the environment
/// given (nothing inherited) and in a process group of its own, so that
/// the limits stop every process it starts (LibreOffice's `soffice` is a
/// script that starts `soffice.bin`): at the time limit and when it ends,
/// the whole group is killed.
///
/// # Errors
/// As [`run`].
pub fn run_isolated(
    program: &str,
    args: &[&str],
    env: &[(&str, &str)],
    limits: Limits,
) -> Result<ToolOutput, ToolError> {
    run_with(program, args, env, b"", limits, true)
}

fn run_with(
    program: &str,
    args: &[&str],
    env: &[(&str, &str)],
    input: &[u8],
    limits: Limits,
    isolated: bool,
) -> Result<ToolOutput, ToolError> {
    let mut command = Command::new(program);
    if isolated {
        command.env_clear().process_group(0);
    }
    command
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let memory = limits.memory;
    // SAFETY: setrlimit is async-signal-safe and touches only the child.
    unsafe {
        command.pre_exec(move || {
            let limit = libc::rlimit {
                rlim_cur: memory as libc::rlim_t,
                rlim_max: memory as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            // No core dumps: they would hold the plaintext input.
            let none = libc::rlimit {
                rlim_cur: 0,
                rlim_max: 0,
            };
            libc::setrlimit(libc::RLIMIT_CORE, &none);
            Ok(())
        });
    }
    let mut child = command.spawn().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ToolError::Missing {
            tool: program.to_owned(),
        },
        _ => ToolError::Failed {
            tool: program.to_owned(),
            reason: format!("could not start ({e})"),
        },
    })?;
    // The child's process group, when it has its own (its id is the
    // child's): killed with it, so that no grandchild outlives the limits.
    let group = isolated.then(|| child.id());
    let kill = |child: &mut std::process::Child| {
        if let Some(group) = group {
            kill_group(group);
        }
        let _ = child.kill();
        let _ = child.wait();
    };
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let deadline = Instant::now() + limits.time;
    let overflowed = AtomicBool::new(false);
    let outcome = std::thread::scope(|scope| {
        // A tool may stop reading early (an error); a broken pipe is fine.
        let writer = scope.spawn(move || {
            let _ = stdin.write_all(input);
        });
        let err_reader = scope.spawn(move || {
            let mut buf = Vec::new();
            let _ = (&mut stderr).take(64 * 1024).read_to_end(&mut buf);
            // Drain the rest so the tool never blocks on a full pipe.
            let _ = std::io::copy(&mut stderr, &mut std::io::sink());
            buf
        });
        let out_limit = limits.output;
        let overflowed = &overflowed;
        let out_reader = scope.spawn(move || {
            let mut buf = Vec::new();
            let _ = (&mut stdout)
                .take(out_limit as u64 + 1)
                .read_to_end(&mut buf);
            if buf.len() > out_limit {
                overflowed.store(true, Ordering::SeqCst);
            }
            buf
        });
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Ok(status),
                Ok(None) if Instant::now() >= deadline => {
                    kill(&mut child);
                    break Err(ToolError::TimedOut {
                        tool: program.to_owned(),
                        seconds: limits.time.as_secs(),
                    });
                }
                Ok(None) => {
                    if overflowed.load(Ordering::SeqCst) {
                        kill(&mut child);
                        break Err(ToolError::TooMuchOutput {
                            tool: program.to_owned(),
                            limit: out_limit,
                        });
                    }
                    std::thread::sleep(Duration::from_millis(2));
                }
                Err(e) => {
                    kill(&mut child);
                    break Err(ToolError::Failed {
                        tool: program.to_owned(),
                        reason: e.to_string(),
                    });
                }
            }
        };
        // What the tool left running after it ended goes too (and lets the
        // pipes close, so the readers end).
        if let Some(group) = group {
            kill_group(group);
        }
        let _ = writer.join();
        let stderr = err_reader.join().unwrap_or_default();
        let stdout = out_reader.join().unwrap_or_default();
        (status, stdout, stderr)
    });
    let (status, stdout, stderr) = outcome;
    let status = status?;
    if stdout.len() > limits.output {
        return Err(ToolError::TooMuchOutput {
            tool: program.to_owned(),
            limit: limits.output,
        });
    }
    let stderr = first_lines(&stderr);
    if !status.success() {
        let reason = match status.code() {
            Some(code) if stderr.is_empty() => format!("exit status {code}"),
            Some(code) => format!("exit status {code}: {stderr}"),
            None => {
                use std::os::unix::process::ExitStatusExt;
                format!(
                    "killed by signal {} (memory limit {} MiB?)",
                    status.signal().unwrap_or(0),
                    limits.memory >> 20
                )
            }
        };
        return Err(ToolError::Failed {
            tool: program.to_owned(),
            reason,
        });
    }
    Ok(ToolOutput { stdout, stderr })
}

/// Kills every process of process group `group`.
fn kill_group(group: u32) {
    if let Ok(group) = libc::pid_t::try_from(group) {
        // SAFETY: kill(2) with a negative id signals that process group
        // only; a group already gone is ESRCH, ignored.
        unsafe {
            libc::kill(-group, libc::SIGKILL);
        }
    }
}

/// The first three non-empty lines of a tool's diagnostics, at most 300
/// characters: enough to say why, short enough for a report row.
fn first_lines(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let mut out = String::new();
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(3)
    {
        if !out.is_empty() {
            out.push_str("; ");
        }
        out.push_str(line);
    }
    if out.chars().count() > 300 {
        out = out.chars().take(300).collect::<String>() + "…";
    }
    out
}

/// The first line a tool prints about its version, e.g.
/// `pdftotext version 22.12.0` or `tesseract 5.3.0`.
///
/// # Errors
/// The tool is missing or does not answer.
pub fn version(program: &str, flag: &str) -> Result<String, ToolError> {
    let output = Command::new(program)
        .arg(flag)
        .stdin(Stdio::null())
        .output()
        .map_err(|_| ToolError::Missing {
            tool: program.to_owned(),
        })?;
    // poppler prints its version on stderr, Tesseract on stdout.
    let text = [output.stdout, output.stderr].concat();
    String::from_utf8_lossy(&text)
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(str::to_owned)
        .ok_or_else(|| ToolError::Failed {
            tool: program.to_owned(),
            reason: "printed no version".into(),
        })
}

/// A counting semaphore: at most `permits` OCR processes at once, across
/// every file being ingested.
pub struct Slots {
    permits: usize,
    free: Mutex<usize>,
    freed: Condvar,
}

impl Slots {
    pub fn new(permits: usize) -> Self {
        debug_assert!(permits > 0);
        Slots {
            permits: permits.max(1),
            free: Mutex::new(permits.max(1)),
            freed: Condvar::new(),
        }
    }

    /// How many slots there are in all.
    pub fn permits(&self) -> usize {
        self.permits
    }

    /// Waits for a slot; it is given back when the guard drops.
    pub fn take(&self) -> SlotGuard<'_> {
        let mut free = self
            .free
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        while *free == 0 {
            free = self
                .freed
                .wait(free)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        *free -= 1;
        SlotGuard { slots: self }
    }
}

pub struct SlotGuard<'a> {
    slots: &'a Slots,
}

impl Drop for SlotGuard<'_> {
    fn drop(&mut self) {
        let mut free = self
            .slots
            .free
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *free += 1;
        self.slots.freed.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_comes_back_through_the_pipe() {
        let out = run("cat", &[], &[], b"hola", Limits::default()).unwrap();
        assert_eq!(out.stdout, b"hola");
    }

    #[test]
    fn a_hanging_tool_is_stopped_at_its_time_limit() {
        let limits = Limits {
            time: Duration::from_millis(200),
            ..Limits::default()
        };
        let started = Instant::now();
        let err = run("sleep", &["30"], &[], b"", limits).err().unwrap();
        assert!(matches!(err, ToolError::TimedOut { .. }), "{err}");
        assert!(started.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn a_flood_of_output_is_cut_off() {
        let limits = Limits {
            output: 1000,
            ..Limits::default()
        };
        let err = run("yes", &[], &[], b"", limits).err().unwrap();
        assert!(matches!(err, ToolError::TooMuchOutput { .. }), "{err}");
    }

    #[test]
    fn a_missing_tool_and_a_failing_tool_say_so() {
        let err = run("testimonio-no-such-tool", &[], &[], b"", Limits::default())
            .err()
            .unwrap();
        assert!(matches!(err, ToolError::Missing { .. }));
        let err = run("false", &[], &[], b"", Limits::default())
            .err()
            .unwrap();
        assert_eq!(err.to_string(), "false failed: exit status 1");
    }

    #[test]
    fn memory_hungry_tools_hit_the_address_space_limit() {
        let limits = Limits {
            memory: 64 << 20,
            ..Limits::default()
        };
        // Python cannot even start its allocator dance in 64 MiB of address
        // space without failing; any failure (not a hang) is what matters.
        let result = run(
            "python3",
            &["-c", "x = bytearray(512 * 1024 * 1024)"],
            &[],
            b"",
            limits,
        );
        assert!(result.is_err());
    }
}
