//! `testimonio packet --bag --tsa URL`: an RFC 3161 timestamp of the tag
//! manifest from a real timestamp authority on loopback: a small HTTP
//! server in this test that answers each request with `openssl ts -reply`
//! (a throwaway CA and TSA certificate made by `openssl`); the token is
//! then checked with `openssl ts -verify`.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::bag::{packet_vault, sha256_of};
use crate::stderr;

const TSA_CONFIG: &str = "\
[ tsa ]
default_tsa = tsa_config1

[ tsa_config1 ]
dir = .
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.crt
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
accuracy = secs:1
ordering = no
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
";

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A CA and a TSA certificate it signed, in `dir`.
fn make_tsa(dir: &Path) {
    fs::create_dir_all(dir).unwrap();
    fs::write(dir.join("tsa.cnf"), TSA_CONFIG).unwrap();
    fs::write(dir.join("serial"), "01\n").unwrap();
    fs::write(
        dir.join("ext.cnf"),
        "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n",
    )
    .unwrap();
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    let mut ca = vec!["req", "-x509"];
    ca.extend(ec);
    ca.extend([
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt",
        "-days",
        "2",
        "-subj",
        "/CN=Test CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
    ]);
    openssl(dir, &ca);
    let mut csr = vec!["req"];
    csr.extend(ec);
    csr.extend([
        "-keyout",
        "tsa.key",
        "-out",
        "tsa.csr",
        "-subj",
        "/CN=Test TSA",
    ]);
    openssl(dir, &csr);
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "tsa.csr",
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "tsa.crt",
            "-days",
            "2",
            "-extfile",
            "ext.cnf",
        ],
    );
}

/// Answers one HTTP POST: the body through `openssl ts -reply`.
fn answer(mut stream: TcpStream, dir: &Path, n: usize) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut length = 0usize;
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).unwrap() == 0 {
            return;
        }
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap();
        }
    }
    let mut body = vec![0u8; length];
    reader.read_exact(&mut body).unwrap();
    let query = format!("query-{n}.tsq");
    let reply = format!("reply-{n}.tsr");
    fs::write(dir.join(&query), body).unwrap();
    openssl(
        dir,
        &[
            "ts",
            "-reply",
            "-config",
            "tsa.cnf",
            "-queryfile",
            &query,
            "-out",
            &reply,
        ],
    );
    let reply = fs::read(dir.join(reply)).unwrap();
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/timestamp-reply\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        reply.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(&reply).unwrap();
}

/// A TSA serving on loopback from a thread; returns its URL.
fn serve(dir: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/tsa", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for (n, stream) in listener.incoming().enumerate() {
            answer(stream.unwrap(), &dir, n);
        }
    });
    url
}

#[test]
fn a_bag_timestamped_by_a_local_tsa_verifies_with_openssl() {
    let env = packet_vault();
    let tsa = env.path("tsa");
    make_tsa(&tsa);
    let url = serve(tsa.clone());
    let bag = env.path("out/bag");
    let out = env.run(&[
        "packet",
        "p-1",
        "--bag",
        bag.to_str().unwrap(),
        "--tsa",
        &url,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let token = bag.join("tagmanifest-sha256.txt.tsr");
    assert!(token.is_file());

    let digest = sha256_of(&bag.join("tagmanifest-sha256.txt"));
    let verified = Command::new("openssl")
        .args(["ts", "-verify", "-digest", &digest, "-in"])
        .arg(&token)
        .arg("-CAfile")
        .arg(tsa.join("ca.crt"))
        .arg("-untrusted")
        .arg(tsa.join("tsa.crt"))
        .output()
        .unwrap();
    assert!(
        verified.status.success(),
        "openssl ts -verify: {}{}",
        String::from_utf8_lossy(&verified.stdout),
        stderr(&verified)
    );

    let result = env.json(&["packet", "verify", bag.to_str().unwrap(), "--json"]);
    assert_eq!(result["ok"], true, "{result}");
    assert!(result["timestamp"].is_string(), "{result}");

    // A token for another digest: the imprint check names it.
    let other = env.path("other.txt");
    fs::write(&other, "another tag manifest\n").unwrap();
    openssl(
        &tsa,
        &[
            "ts",
            "-query",
            "-data",
            other.to_str().unwrap(),
            "-sha256",
            "-cert",
            "-out",
            "other.tsq",
        ],
    );
    openssl(
        &tsa,
        &[
            "ts",
            "-reply",
            "-config",
            "tsa.cnf",
            "-queryfile",
            "other.tsq",
            "-out",
            "other.tsr",
        ],
    );
    fs::copy(tsa.join("other.tsr"), &token).unwrap();
    let out = env.run(&["packet", "verify", bag.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(3));
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result["findings"][0]["code"], "bad-timestamp", "{result}");

    // An address where no TSA answers: refused, and no bag is left.
    let dead = TcpListener::bind("127.0.0.1:0").unwrap();
    let dead_url = format!("http://{}/", dead.local_addr().unwrap());
    drop(dead);
    let nothing = env.path("out/nothing");
    let out = env.run(&[
        "packet",
        "p-1",
        "--bag",
        nothing.to_str().unwrap(),
        "--tsa",
        &dead_url,
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("timestamp authority"),
        "{}",
        stderr(&out)
    );
    assert!(!nothing.exists());
}
