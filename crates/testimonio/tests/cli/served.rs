//! A real `testimonio serve` process for the tests that need one: started
//! on a free loopback port over a test environment's vault, killed when
//! dropped, its standard error kept in a log that a failure shows.

use std::fs::File;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::TestEnv;

/// A `testimonio serve` process, killed when dropped.
pub struct Served {
    child: Child,
    pub addr: SocketAddr,
    log: PathBuf,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Served {
    /// Starts `testimonio serve` over `env`'s vault; returns once it
    /// accepts connections.
    pub fn start(env: &TestEnv) -> Self {
        Self::start_command(env, &["serve"])
    }

    /// Starts `testimonio ARGS --addr ADDR` (a server command) over
    /// `env`'s vault; returns once it accepts connections.
    pub fn start_command(env: &TestEnv, args: &[&str]) -> Self {
        // A free port: bound, then released for the server.
        let addr = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port");
        let log = env.path("serve.log");
        let child = env
            .command(&[args, &["--addr", &addr.to_string()]].concat())
            .stdout(Stdio::null())
            .stderr(File::create(&log).expect("a log file"))
            .spawn()
            .expect("serve started");
        let mut served = Self { child, addr, log };
        let started = Instant::now();
        while TcpStream::connect(addr).is_err() {
            served.assert_alive("starting");
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "the server did not start listening"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        served
    }

    /// Panics, with the server's log, if the process has exited.
    pub fn assert_alive(&mut self, after: &str) {
        if let Some(status) = self.child.try_wait().expect("the server's status") {
            panic!(
                "the server exited ({status}) after {after}; its log:\n{}",
                std::fs::read_to_string(&self.log).unwrap_or_default()
            );
        }
    }

    /// One HTTP/1.1 request on its own connection: status, headers, body.
    pub fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        form: Option<&str>,
    ) -> (u16, Vec<(String, String)>, String) {
        let mut stream = TcpStream::connect(self.addr).expect("connected");
        let mut text = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.addr
        );
        for (k, v) in headers {
            text.push_str(&format!("{k}: {v}\r\n"));
        }
        if let Some(body) = form {
            text.push_str(&format!(
                "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            ));
        } else {
            text.push_str("\r\n");
        }
        stream.write_all(text.as_bytes()).expect("request sent");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("response read");
        let raw = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .expect("a status line");
        let headers = lines
            .filter_map(|l| l.split_once(": "))
            .map(|(k, v)| (k.to_ascii_lowercase(), v.to_owned()))
            .collect();
        (status, headers, body.to_owned())
    }
}

/// Percent-encodes everything but ASCII letters and digits.
pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
