//! Integration tests of the `testimonio` binary, in one test binary. Each
//! test gets its own temporary directory (vault, temp dir, outputs) from
//! [`TestEnv::new`].

mod bag;
mod bag_zip;
mod canary;
mod cases;
mod coalition;
mod crash;
mod exchange;
mod foia;
mod ingest;
mod mentions;
mod office;
mod outlook;
mod outputs;
mod packet;
mod reads;
mod records;
mod redact;
mod report;
mod search;
mod serve;
mod served;
mod sheet_export;
mod sheets;
mod shell;
mod testimony;
mod tsa;
mod users;
mod vault;
mod walk;
mod watch;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use testimonio_demo::{DemoSpec, generate};
use testimonio_domain::exchange::{ExchangeRecord, HeaderRecord};

pub const PASSPHRASE: &str = "test passphrase, not secret";

pub struct TestEnv {
    pub root: tempfile::TempDir,
}

impl Default for TestEnv {
    fn default() -> Self {
        Self::new()
    }
}

impl TestEnv {
    pub fn new() -> Self {
        let root = tempfile::Builder::new()
            .prefix("testimonio-test-")
            .tempdir()
            .expect("temp dir");
        fs::create_dir_all(root.path().join("tmp")).unwrap();
        fs::write(root.path().join("passphrase"), format!("{PASSPHRASE}\n")).unwrap();
        Self { root }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.path().join(rel)
    }

    pub fn vault(&self) -> PathBuf {
        self.path("vault")
    }

    /// The private TMPDIR every child process uses, scanned by the canary test.
    pub fn tmp(&self) -> PathBuf {
        self.path("tmp")
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_testimonio"));
        cmd.args(args)
            .env("TESTIMONIO_VAULT", self.vault())
            .env("TESTIMONIO_PASSPHRASE_FILE", self.path("passphrase"))
            .env("TMPDIR", self.tmp())
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .stdin(Stdio::null());
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run testimonio")
    }

    /// Runs and asserts success, returning stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "testimonio {args:?} failed with {:?}\nstdout: {}\nstderr: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).expect("json output")
    }

    /// `init` with the weakest KDF (tests only); returns the recovery key.
    pub fn init(&self) -> String {
        let v = self.json(&[
            "init",
            "--kdf-memory-mib",
            "8",
            "--kdf-passes",
            "1",
            "--json",
        ]);
        v["recovery_key"].as_str().expect("recovery key").to_owned()
    }

    pub fn write(&self, rel: &str, content: &str) -> PathBuf {
        let p = self.path(rel);
        if let Some(d) = p.parent() {
            fs::create_dir_all(d).unwrap();
        }
        fs::write(&p, content).unwrap();
        p
    }
}

/// The demo data as JSON Lines, with a header.
pub fn demo_jsonl(spec: &DemoSpec) -> String {
    let mut out = serde_json::to_string(&ExchangeRecord::Header(HeaderRecord::current())).unwrap();
    out.push('\n');
    for r in generate(spec).records() {
        out.push_str(&serde_json::to_string(&r).unwrap());
        out.push('\n');
    }
    out
}

/// Every file under `dir`, recursively.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}
