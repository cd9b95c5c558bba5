//! `testimonio packet --bag`: the packet as a BagIt bag signed with the
//! vault's key, checked by `packet verify` (and by the stock `minisign`),
//! with every kind of tampering caught and named.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::ingest::corpus;
use crate::{TestEnv, stderr};

const RECORDS: &str = concat!(
    r#"{"type":"person","id":"p-1","pseudonym":"Luz","legal_name":"Ana Bagname","consent":"internal"}"#,
    "\n",
    r#"{"type":"event","id":"e-1","event_type":"hunger_strike","date":"2025-02-10","state":"WA","city":"Tacoma","people":[{"id":"p-1","role":"organizer"}]}"#,
    "\n",
    r#"{"type":"event","id":"e-2","event_type":"stop_or_arrest","date":"2025-03-12","state":"WA","agency":"ice","field_office":"SEA","people":[{"id":"p-1","role":"target"}]}"#,
    "\n",
);

const LETTER: &str = "foia/ice-fourth-interim-release-letter-2025-scanned.pdf";

/// A vault with one person, one cited exhibit (the scanned letter).
pub fn packet_vault() -> TestEnv {
    let env = TestEnv::new();
    env.init();
    let records = env.write("in/records.jsonl", RECORDS);
    env.ok(&["import", records.to_str().unwrap()]);
    let letter = corpus(LETTER);
    let ingested = env.json(&["ingest", "--json", letter.to_str().unwrap()]);
    let document = ingested["files"][0]["id"].as_str().unwrap().to_owned();
    env.ok(&[
        "excerpt", "add", &document, "--page", "1", "--from", "0", "--to", "44", "--event", "e-2",
        "--person", "p-1",
    ]);
    env
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn only_file(dir: &Path) -> PathBuf {
    let files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

/// `packet verify --json` of `bag`: exit code and result.
pub fn verify(env: &TestEnv, bag: &Path, extra: &[&str]) -> (Option<i32>, Value) {
    let mut args = vec!["packet", "verify", bag.to_str().unwrap(), "--json"];
    args.extend_from_slice(extra);
    let out = env.run(&args);
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("json from verify: {}", stderr(&out)));
    (out.status.code(), json)
}

pub fn findings(result: &Value) -> Vec<(String, String)> {
    result["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_owned(),
                f["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// A tampered copy of `bag` must fail with exactly `expected` findings.
fn caught(
    env: &TestEnv,
    bag: &Path,
    name: &str,
    tamper: impl FnOnce(&Path),
    expected: &[(&str, &str)],
) {
    let copy = env.path(&format!("tampered/{name}"));
    copy_dir(bag, &copy);
    tamper(&copy);
    let (code, result) = verify(env, &copy, &[]);
    assert_eq!(code, Some(3), "{name}: {result}");
    assert_eq!(result["ok"], false, "{name}");
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
        .collect();
    assert_eq!(findings(&result), expected, "{name}");
}

#[test]
fn a_packet_bag_verifies_and_every_tampering_is_caught() {
    let env = packet_vault();
    let bag = env.path("out/bag");
    env.ok(&["packet", "p-1", "--bag", bag.to_str().unwrap()]);

    for file in [
        "bagit.txt",
        "bag-info.txt",
        "manifest-sha256.txt",
        "tagmanifest-sha256.txt",
        "tagmanifest-sha256.txt.minisig",
        "minisign.pub",
        "data/packet.pdf",
    ] {
        assert!(bag.join(file).is_file(), "{file} missing from the bag");
    }
    let exhibit = only_file(&bag.join("data/exhibits"));
    let name = exhibit.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("Exhibit 01 - ice-fourth"), "{name}");
    assert_eq!(
        fs::read(&exhibit).unwrap(),
        fs::read(corpus(LETTER)).unwrap(),
        "exhibits are byte-exact"
    );
    let custody = fs::read_to_string(bag.join(format!("data/custody/{name}.jsonl"))).unwrap();
    let actions: Vec<String> = custody
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["action"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert!(
        actions.len() >= 2 && actions.contains(&"exported".to_owned()),
        "{custody}"
    );
    let info = fs::read_to_string(bag.join("bag-info.txt")).unwrap();
    for label in [
        "Bagging-Date: ",
        "Payload-Oxum: ",
        "External-Identifier: person:p-1",
        "Exhibit-Range: ",
    ] {
        assert!(info.contains(label), "{label} missing:\n{info}");
    }
    let text = Command::new("pdftotext")
        .arg(bag.join("data/packet.pdf"))
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout).replace('\n', " ");
    assert!(
        text.contains("Certification of authenticity") && text.contains("28 U.S.C."),
        "the certification page:\n{text}"
    );

    // Fresh: it holds, signed by the vault's key, which `key signing-key`
    // prints and the stock minisign accepts.
    let (code, result) = verify(&env, &bag, &[]);
    assert_eq!(code, Some(0), "{result}");
    assert_eq!(result["signature"]["status"], "trusted", "{result}");
    assert_eq!(result["payload_files"], 3);
    let public = env.ok(&["key", "signing-key"]);
    assert_eq!(
        public,
        fs::read_to_string(bag.join("minisign.pub")).unwrap()
    );
    let stock = Command::new("minisign")
        .args(["-V", "-m", "tagmanifest-sha256.txt", "-p", "minisign.pub"])
        .current_dir(&bag)
        .output()
        .unwrap();
    assert!(stock.status.success(), "minisign -V: {}", stderr(&stock));
    let trusted = env.path("trusted.pub");
    fs::write(&trusted, &public).unwrap();

    let exhibit_path = format!("data/exhibits/{name}");
    let custody_path = format!("data/custody/{name}.jsonl");
    caught(
        &env,
        &bag,
        "flipped",
        |b| {
            let path = b.join(&exhibit_path);
            let mut bytes = fs::read(&path).unwrap();
            let middle = bytes.len() / 2;
            bytes[middle] ^= 0x01;
            fs::write(path, bytes).unwrap();
        },
        &[(&exhibit_path, "changed")],
    );
    caught(
        &env,
        &bag,
        "added",
        |b| fs::write(b.join("data/exhibits/Exhibit 02 - extra.pdf"), b"%PDF-1.4").unwrap(),
        &[("data/exhibits/Exhibit 02 - extra.pdf", "added")],
    );
    caught(
        &env,
        &bag,
        "removed",
        |b| fs::remove_file(b.join(&exhibit_path)).unwrap(),
        &[(&exhibit_path, "missing")],
    );
    caught(
        &env,
        &bag,
        "renamed",
        |b| fs::rename(b.join(&exhibit_path), b.join("data/exhibits/renamed.pdf")).unwrap(),
        &[("data/exhibits/renamed.pdf", "renamed")],
    );
    caught(
        &env,
        &bag,
        "custody",
        |b| {
            let path = b.join(&custody_path);
            let text = fs::read_to_string(&path).unwrap();
            fs::write(&path, text.replacen("\"exported\"", "\"returned\"", 1)).unwrap();
        },
        &[(&custody_path, "changed")],
    );

    // Another key: a signature by it fails against the vault's key; a bag
    // whose key file and signature were both replaced (and its tag
    // manifest redone) is consistent with itself, and fails against the
    // trusted key.
    let other = env.path("other");
    fs::create_dir_all(&other).unwrap();
    let generated = Command::new("minisign")
        .args(["-G", "-W", "-p", "other.pub", "-s", "other.key"])
        .current_dir(&other)
        .output()
        .unwrap();
    assert!(generated.status.success(), "{}", stderr(&generated));
    let sign_with_other = |b: &Path| {
        let signed = Command::new("minisign")
            .args(["-S", "-s"])
            .arg(other.join("other.key"))
            .args(["-m", "tagmanifest-sha256.txt"])
            .current_dir(b)
            .output()
            .unwrap();
        assert!(signed.status.success(), "{}", stderr(&signed));
    };
    caught(
        &env,
        &bag,
        "signature",
        sign_with_other,
        &[("tagmanifest-sha256.txt.minisig", "bad-signature")],
    );
    let forged = env.path("tampered/forged");
    copy_dir(&bag, &forged);
    fs::copy(other.join("other.pub"), forged.join("minisign.pub")).unwrap();
    let pub_sha = sha256_of(&forged.join("minisign.pub"));
    let manifest = fs::read_to_string(forged.join("tagmanifest-sha256.txt")).unwrap();
    let manifest: String = manifest
        .lines()
        .map(|l| {
            if l.ends_with(" minisign.pub") {
                format!("{pub_sha}  minisign.pub\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    fs::write(forged.join("tagmanifest-sha256.txt"), manifest).unwrap();
    sign_with_other(&forged);
    let no_vault = env
        .command(&["packet", "verify", forged.to_str().unwrap(), "--json"])
        .env("TESTIMONIO_VAULT", env.path("no-vault-here"))
        .output()
        .unwrap();
    let alone: Value = serde_json::from_slice(&no_vault.stdout).unwrap();
    assert_eq!(no_vault.status.code(), Some(0), "{alone}");
    assert_eq!(alone["signature"]["status"], "self-signed");
    for trust in [vec![], vec!["--key", trusted.to_str().unwrap()]] {
        let (code, result) = verify(&env, &forged, &trust);
        assert_eq!(code, Some(3), "{result}");
        assert_eq!(
            findings(&result),
            [
                ("minisign.pub".to_owned(), "untrusted-key".to_owned()),
                (
                    "tagmanifest-sha256.txt.minisig".to_owned(),
                    "bad-signature".to_owned()
                )
            ]
        );
    }

    // In Spanish: the reasons, and the exhibit named as the packet cites it.
    let out = env.run(&[
        "--lang",
        "es",
        "packet",
        "verify",
        env.path("tampered/flipped").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(3));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("modificado: sus bytes no coinciden"),
        "{said}"
    );
    let bolsa = env.path("out/bolsa");
    env.ok(&[
        "--lang",
        "es",
        "packet",
        "p-1",
        "--bag",
        bolsa.to_str().unwrap(),
    ]);
    let prueba = only_file(&bolsa.join("data/exhibits"));
    assert!(
        prueba
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("Prueba 01 - ice-fourth")
    );
    let text = Command::new("pdftotext")
        .arg(bolsa.join("data/paquete.pdf"))
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout).replace('\n', " ");
    assert!(
        text.contains("Prueba 1") && text.contains("Certificaci"),
        "{text}"
    );
    let occupied = env.run(&["packet", "p-1", "--bag", bolsa.to_str().unwrap()]);
    assert_eq!(
        occupied.status.code(),
        Some(1),
        "a bag is written into a new folder only"
    );
}

pub fn sha256_of(path: &Path) -> String {
    let out = Command::new("sha256sum").arg(path).output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned()
}
