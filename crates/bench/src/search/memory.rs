//! Resident memory, as the kernel counts it (`VmRSS` in
//! `/proc/PID/status`): of this process (ours and FTS5 run in it) and of a
//! PostgreSQL server (its postmaster and every child process).

use std::path::Path;

/// Resident bytes of a process: ours (`None`) or another; 0 when unknown.
pub(super) fn resident(pid: Option<i32>) -> u64 {
    let path = pid.map_or_else(
        || "/proc/self/status".to_owned(),
        |p| format!("/proc/{p}/status"),
    );
    std::fs::read_to_string(path)
        .ok()
        .and_then(|status| {
            status.lines().find_map(|line| {
                let kib = line.strip_prefix("VmRSS:")?.trim().strip_suffix("kB")?;
                kib.trim().parse::<u64>().ok()
            })
        })
        .map_or(0, |kib| kib * 1024)
}

/// The parent of a process, from `/proc/PID/stat`.
fn parent(pid: i32) -> Option<i32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // After the command: state, then the parent.
    let (_, rest) = stat.rsplit_once(") ")?;
    rest.split_whitespace().nth(1)?.parse().ok()
}

/// Resident bytes of the PostgreSQL server whose data directory is
/// `data`: its postmaster (`postmaster.pid`) and its children. Shared
/// buffers count as they are touched, once per process that touched them
/// (an upper bound).
pub(super) fn server_resident(data: &Path) -> u64 {
    let Some(postmaster) = std::fs::read_to_string(data.join("postmaster.pid"))
        .ok()
        .and_then(|s| s.lines().next()?.trim().parse::<i32>().ok())
    else {
        return 0;
    };
    let children: u64 = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
        .filter(|&pid| parent(pid) == Some(postmaster))
        .map(|pid| resident(Some(pid)))
        .sum();
    resident(Some(postmaster)) + children
}
