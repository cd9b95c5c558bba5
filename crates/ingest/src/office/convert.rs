//! Running LibreOffice headless on one office file.
//!
//! LibreOffice reads and writes files, not pipes. So that the plaintext
//! still never reaches a disk, each conversion gets a private (0700)
//! directory on a memory file system (tmpfs): the first of `$TMPDIR`,
//! `$XDG_RUNTIME_DIR` and `/dev/shm` that is one. In it: the input (0600,
//! under a fixed name, never the user's), the output, a fresh LibreOffice
//! profile (`-env:UserInstallation`) and LibreOffice's own `TMPDIR` and
//! `HOME`. The directory is removed when the conversion ends, however it
//! ends; a directory left by a process that was killed is removed by the
//! next conversion. With no memory file system, nothing is converted.
//!
//! `soffice` runs under the same time, address-space and output limits as
//! the PDF tools ([`crate::tools::run_isolated`]: its own process group,
//! killed whole at the limit, nothing of the environment inherited), in a
//! network namespace of its own when `unshare` can make one, and always
//! with every proxy pointed at a closed local port and macros off.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::OfficeFormat;
use crate::tools::{self, Limits, ToolError};

/// Where `soffice` and `unshare` are looked for (the environment is not
/// inherited).
const SEARCH_PATH: &str = "/usr/local/bin:/usr/bin:/bin";

/// Directories made for conversions start so, then the process id.
const PREFIX: &str = "testimonio-office-";

/// Why a conversion gave no PDF. Reasons never include the content.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum ConvertError {
    #[error(
        "no memory file system (tmpfs) to convert office documents in: set TMPDIR to one, or mount /dev/shm"
    )]
    NoMemoryDir,
    #[error("the conversion directory could not be prepared ({0})")]
    Workspace(String),
    #[error(transparent)]
    Tool(#[from] ToolError),
    #[error(
        "LibreOffice could not open the document (damaged, password-protected, or not an office document)"
    )]
    NotConverted,
    #[error("the converted PDF is larger than the limit of {limit} bytes")]
    TooLarge { limit: usize },
}

/// The memory file system conversions run in, if there is one.
pub fn memory_root() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("TMPDIR").map(PathBuf::from),
        std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from),
        Some(PathBuf::from("/dev/shm")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|dir| in_memory(dir) && writable(dir))
}

/// Whether `dir` is on tmpfs or ramfs.
fn in_memory(dir: &Path) -> bool {
    const TMPFS_MAGIC: i64 = 0x0102_1994;
    const RAMFS_MAGIC: i64 = 0x8584_58f6;
    let Ok(path) = std::ffi::CString::new(dir.as_os_str().as_encoded_bytes()) else {
        return false;
    };
    let mut stat = std::mem::MaybeUninit::<libc::statfs>::uninit();
    // SAFETY: statfs writes the struct it is given; read only on success.
    let ok = unsafe { libc::statfs(path.as_ptr(), stat.as_mut_ptr()) } == 0;
    if !ok {
        return false;
    }
    // SAFETY: initialized by the successful call above.
    // `f_type`'s integer type differs between C libraries and machines.
    #[allow(clippy::unnecessary_cast)]
    let kind = unsafe { stat.assume_init() }.f_type as i64;
    kind == TMPFS_MAGIC || kind == RAMFS_MAGIC
}

fn writable(dir: &Path) -> bool {
    fs::metadata(dir).is_ok_and(|m| m.is_dir())
}

/// Converts `bytes` to PDF: see the module documentation.
///
/// # Errors
/// See [`ConvertError`].
pub fn to_pdf(bytes: &[u8], format: OfficeFormat, limits: Limits) -> Result<Vec<u8>, ConvertError> {
    let root = memory_root().ok_or(ConvertError::NoMemoryDir)?;
    sweep(&root);
    let work = Workspace::new(&root)?;
    let input = work
        .dir
        .path()
        .join(format!("document.{}", format.extension()));
    write_private(&input, bytes).map_err(|e| ConvertError::Workspace(e.kind().to_string()))?;
    let out = work.dir.path().join("out");
    let input_arg = input.to_string_lossy().into_owned();
    let out_arg = out.to_string_lossy().into_owned();
    let args = [
        "--headless",
        "--norestore",
        "--nologo",
        "--nolockcheck",
        "--nodefault",
        work.profile_arg.as_str(),
        "--convert-to",
        "pdf",
        "--outdir",
        out_arg.as_str(),
        input_arg.as_str(),
    ];
    run_soffice(&work, &args, limits)?;
    let pdf = out.join("document.pdf");
    let size = match fs::metadata(&pdf) {
        Ok(meta) => meta.len(),
        // soffice says "source file could not be loaded" and exits 0.
        Err(_) => return Err(ConvertError::NotConverted),
    };
    if size > limits.output as u64 {
        return Err(ConvertError::TooLarge {
            limit: limits.output,
        });
    }
    fs::read(&pdf).map_err(|e| ConvertError::Workspace(e.kind().to_string()))
}

/// LibreOffice's version line (e.g. `LibreOffice 7.4.7.2 40(Build:2)`),
/// asked once per process.
pub fn version() -> &'static str {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION.get_or_init(|| {
        let asked = memory_root()
            .ok_or(ConvertError::NoMemoryDir)
            .and_then(|root| Workspace::new(&root))
            .and_then(|work| {
                run_soffice(&work, &["--version"], Limits::default()).map_err(Into::into)
            });
        match asked {
            Ok(out) => String::from_utf8_lossy(&out.stdout)
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .unwrap_or("LibreOffice")
                .to_owned(),
            Err(e) => e.to_string(),
        }
    })
}

/// One conversion's private directory, removed when dropped.
struct Workspace {
    dir: tempfile::TempDir,
    profile_arg: String,
}

impl Workspace {
    fn new(root: &Path) -> Result<Self, ConvertError> {
        let fail = |e: std::io::Error| ConvertError::Workspace(e.kind().to_string());
        let dir = tempfile::Builder::new()
            .prefix(&format!("{PREFIX}{}-", std::process::id()))
            .permissions(fs::Permissions::from_mode(0o700))
            .tempdir_in(root)
            .map_err(fail)?;
        for sub in ["out", "tmp", "home", "profile/user"] {
            fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir.path().join(sub))
                .map_err(fail)?;
        }
        write_private(
            &dir.path().join("profile/user/registrymodifications.xcu"),
            PROFILE.as_bytes(),
        )
        .map_err(fail)?;
        let profile_arg = format!(
            "-env:UserInstallation=file://{}",
            dir.path().join("profile").display()
        );
        Ok(Workspace { dir, profile_arg })
    }
}

/// `soffice args…` in `work`, isolated: see the module documentation.
fn run_soffice(
    work: &Workspace,
    args: &[&str],
    limits: Limits,
) -> Result<tools::ToolOutput, ToolError> {
    let home = work.dir.path().join("home");
    let tmp = work.dir.path().join("tmp");
    let home = home.to_string_lossy();
    let tmp = tmp.to_string_lossy();
    // Any URL LibreOffice would fetch (a linked image) goes to a closed port.
    let proxy = "http://127.0.0.1:9";
    let env = [
        ("PATH", SEARCH_PATH),
        ("HOME", &*home),
        ("TMPDIR", &*tmp),
        ("LANG", "C.UTF-8"),
        ("SAL_USE_VCLPLUGIN", "svp"),
        ("http_proxy", proxy),
        ("https_proxy", proxy),
        ("ftp_proxy", proxy),
        ("all_proxy", proxy),
        ("HTTP_PROXY", proxy),
        ("HTTPS_PROXY", proxy),
        ("ALL_PROXY", proxy),
    ];
    if unshare_works() {
        // Said as `run` says it, rather than as `unshare` failing.
        if !on_path("soffice", SEARCH_PATH) {
            return Err(ToolError::Missing {
                tool: "soffice".into(),
            });
        }
        let mut wrapped = vec!["--net", "--map-root-user", "--", "soffice"];
        wrapped.extend_from_slice(args);
        tools::run_isolated("unshare", &wrapped, &env, limits).map_err(as_soffice)
    } else {
        tools::run_isolated("soffice", args, &env, limits)
    }
}

/// An error of `unshare` running `soffice`, said of `soffice` (the tool
/// the reader knows).
fn as_soffice(error: ToolError) -> ToolError {
    let tool = "soffice".to_owned();
    match error {
        ToolError::Missing { .. } => ToolError::Missing { tool },
        ToolError::TimedOut { seconds, .. } => ToolError::TimedOut { tool, seconds },
        ToolError::TooMuchOutput { limit, .. } => ToolError::TooMuchOutput { tool, limit },
        ToolError::Failed { reason, .. } => ToolError::Failed { tool, reason },
    }
}

/// Whether `unshare` can give a process a network namespace of its own
/// (no interfaces but a loopback that is down), asked once per process.
fn unshare_works() -> bool {
    static WORKS: OnceLock<bool> = OnceLock::new();
    *WORKS.get_or_init(|| {
        let limits = Limits {
            time: std::time::Duration::from_secs(10),
            ..Limits::default()
        };
        tools::run_isolated(
            "unshare",
            &["--net", "--map-root-user", "--", "true"],
            &[("PATH", SEARCH_PATH)],
            limits,
        )
        .is_ok()
    })
}

/// Whether an executable `program` is in one of `path`'s directories.
fn on_path(program: &str, path: &str) -> bool {
    path.split(':').any(|dir| {
        fs::metadata(Path::new(dir).join(program))
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    })
}

/// Removes conversion directories left in `root` by processes that are
/// gone (killed mid-conversion).
fn sweep(root: &Path) {
    let Ok(entries) = fs::read_dir(root) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(PREFIX)) else {
            continue;
        };
        let Some(pid) = rest
            .split('-')
            .next()
            .and_then(|p| p.parse::<libc::pid_t>().ok())
        else {
            continue;
        };
        // SAFETY: signal 0 only asks whether the process exists.
        let gone = unsafe { libc::kill(pid, 0) } != 0
            && std::io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH);
        if gone && entry.metadata().is_ok_and(|m| m.is_dir()) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(bytes)
}

/// The fresh profile's settings: no macros, links to other files or the
/// network never updated (Writer's mode 0, Calc's mode 1), no proxy but a
/// closed port.
const PROFILE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetProxyType" oor:op="fuse"><value>1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPProxyName" oor:op="fuse"><value>127.0.0.1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPProxyPort" oor:op="fuse"><value>9</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPSProxyName" oor:op="fuse"><value>127.0.0.1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPSProxyPort" oor:op="fuse"><value>9</value></prop></item>
</oor:items>
"#;
