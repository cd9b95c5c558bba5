//! Vault lifecycle through the command line: passphrases, documents,
//! tampering, backup and restore, demo, messages.

use std::collections::BTreeMap;
use std::fs;

use testimonio_demo::DemoSpec;

use crate::{TestEnv, demo_jsonl, files_under, stderr, stdout};

fn snapshot(dir: &std::path::Path) -> BTreeMap<std::path::PathBuf, Vec<u8>> {
    files_under(dir)
        .into_iter()
        .map(|p| (p.clone(), fs::read(&p).unwrap()))
        .collect()
}

#[test]
fn wrong_passphrase_is_one_clear_line_and_changes_nothing() {
    let env = TestEnv::new();
    env.init();
    let before = snapshot(&env.vault());
    env.write("wrong", "not the passphrase\n");
    for args in [
        &["check"][..],
        &["events", "list"],
        &["export"],
        &["import", "-"],
    ] {
        let mut cmd = env.command(args);
        cmd.env("TESTIMONIO_PASSPHRASE_FILE", env.path("wrong"));
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            stderr(&out),
            "testimonio: wrong passphrase or recovery key (nothing was changed)\n"
        );
        assert!(stdout(&out).is_empty());
    }
    assert_eq!(
        snapshot(&env.vault()),
        before,
        "a failed unlock changed the vault"
    );

    let mut cmd = env.command(&["--lang", "es", "check"]);
    cmd.env("TESTIMONIO_PASSPHRASE_FILE", env.path("wrong"));
    let out = cmd.output().unwrap();
    assert!(
        stderr(&out).contains("frase de contraseña o clave de recuperación incorrecta"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn passwd_and_recovery_key_unlock() {
    let env = TestEnv::new();
    let recovery = env.init();
    env.write("new-passphrase", "a brand new passphrase\n");
    env.ok(&[
        "passwd",
        "--new-passphrase-file",
        env.path("new-passphrase").to_str().unwrap(),
    ]);
    assert_eq!(
        env.run(&["check"]).status.code(),
        Some(1),
        "old passphrase still works"
    );
    let mut cmd = env.command(&["check"]);
    cmd.env("TESTIMONIO_PASSPHRASE_FILE", env.path("new-passphrase"));
    assert!(cmd.output().unwrap().status.success());

    // The recovery key resets a forgotten passphrase.
    env.write("recovery", &recovery.to_lowercase().replace('-', " "));
    env.ok(&[
        "passwd",
        "--recovery-key-file",
        env.path("recovery").to_str().unwrap(),
        "--new-passphrase-file",
        env.path("passphrase").to_str().unwrap(),
    ]);
    env.ok(&["check"]);
    let log = env.json(&["audit", "log", "--json"]);
    let actions: Vec<_> = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == "passphrase_changed")
            .count(),
        2
    );
}

#[test]
fn documents_are_stored_once_returned_exactly_and_tampering_is_found() {
    let env = TestEnv::new();
    env.init();
    let original: Vec<u8> = (0..200_000u32).flat_map(|i| i.to_le_bytes()).collect();
    let path = env.path("in/scan.bin");
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, &original).unwrap();
    let added = env.json(&["document", "add", path.to_str().unwrap(), "--json"]);
    let id = added["documents"][0]["id"].as_str().unwrap().to_owned();
    assert_eq!(added["documents"][0]["new"], true);
    let again = env.json(&["document", "add", path.to_str().unwrap(), "--json"]);
    assert_eq!(again["documents"][0]["new"], false);
    assert_eq!(again["documents"][0]["id"], id.as_str());
    let list = env.json(&["documents", "list", "--json"]);
    assert_eq!(list["total"], 1);
    let show = env.json(&["document", "show", &id, "--json"]);
    let custody: Vec<_> = show["custody"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["action"].as_str().unwrap())
        .collect();
    assert_eq!(custody, ["received", "received_again"]);
    let sha = show["document"]["sha256"].as_str().unwrap();
    assert_eq!(sha.len(), 64);

    let out = env.path("out/scan.bin");
    fs::create_dir_all(out.parent().unwrap()).unwrap();
    env.ok(&["document", "get", &id, "--out", out.to_str().unwrap()]);
    assert_eq!(fs::read(&out).unwrap(), original);

    // One flipped byte in the blob: check names the document.
    let blob = files_under(&env.vault().join("blobs")).pop().unwrap();
    let mut bytes = fs::read(&blob).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    fs::write(&blob, bytes).unwrap();
    let out = env.run(&["check"]);
    assert_eq!(out.status.code(), Some(3));
    let text = stdout(&out);
    assert!(text.contains(&format!("FAULT: document {id}:")), "{text}");
    assert_eq!(
        text.matches("FAULT").count(),
        1,
        "exactly one fault: {text}"
    );
    let got = env.run(&[
        "document",
        "get",
        &id,
        "--out",
        env.path("out/bad.bin").to_str().unwrap(),
    ]);
    assert_eq!(got.status.code(), Some(1));
    assert!(
        !env.path("out/bad.bin").exists(),
        "a file that failed its hash was left behind"
    );
}

#[test]
fn backup_restores_into_a_verified_new_vault() {
    let env = TestEnv::new();
    let recovery = env.init();
    let file = env.write("in/demo.jsonl", &demo_jsonl(&DemoSpec::standard()));
    env.ok(&["import", file.to_str().unwrap()]);
    let doc = env.write("in/letter.txt", "a letter\n");
    env.ok(&["document", "add", doc.to_str().unwrap()]);
    let exported = env.ok(&["export"]);
    let backup = env.path("backups/vault.tar");
    fs::create_dir_all(backup.parent().unwrap()).unwrap();
    env.ok(&["backup", backup.to_str().unwrap()]);

    let restored = env.path("restored");
    let mut cmd = env.command(&["restore", backup.to_str().unwrap()]);
    cmd.env("TESTIMONIO_VAULT", &restored);
    assert!(cmd.output().unwrap().status.success());
    let mut cmd = env.command(&["export"]);
    cmd.env("TESTIMONIO_VAULT", &restored);
    assert_eq!(
        String::from_utf8(cmd.output().unwrap().stdout).unwrap(),
        exported
    );

    // With the recovery key, into another place.
    env.write("recovery", &recovery);
    let other = env.path("restored-2");
    let mut cmd = env.command(&[
        "restore",
        backup.to_str().unwrap(),
        "--recovery-key-file",
        env.path("recovery").to_str().unwrap(),
    ]);
    cmd.env("TESTIMONIO_VAULT", &other);
    assert!(cmd.output().unwrap().status.success());

    // Never over an existing vault.
    let mut cmd = env.command(&["restore", backup.to_str().unwrap()]);
    cmd.env("TESTIMONIO_VAULT", &restored);
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("already exists"));

    // A damaged backup is refused and leaves nothing behind.
    // Flip a byte inside the database member, past its tar header.
    let mut bytes = fs::read(&backup).unwrap();
    let header = bytes
        .windows(9)
        .position(|w| w == b"vault.db\0")
        .expect("database member");
    bytes[header + 512 + 5000] ^= 0x40;
    let damaged = env.path("backups/damaged.tar");
    fs::write(&damaged, bytes).unwrap();
    let target = env.path("restored-3");
    let mut cmd = env.command(&["restore", damaged.to_str().unwrap()]);
    cmd.env("TESTIMONIO_VAULT", &target);
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!target.exists(), "a failed restore left a vault");
}

#[test]
fn demo_builds_a_fictional_vault_and_says_what_it_holds() {
    let env = TestEnv::new();
    let v = env.json(&["demo", "--json", "--no-serve"]);
    let counts = &v["counts"];
    assert!(counts["groups"].as_u64().unwrap() >= 6);
    assert!(counts["people"].as_u64().unwrap() >= 60);
    assert_eq!(counts["events"], 400);
    env.ok(&["check"]);
    let text = TestEnv::new().ok(&["--lang", "es", "demo", "--no-serve"]);
    assert!(text.contains("todos los datos son ficticios"), "{text}");
}

#[test]
fn person_show_is_audited() {
    let env = TestEnv::new();
    env.init();
    let file = env.write("in/demo.jsonl", &demo_jsonl(&DemoSpec::standard()));
    env.ok(&["import", file.to_str().unwrap()]);
    let p = env.json(&["person", "show", "demo-p-0001", "--json"]);
    assert!(
        p["legal_name"].as_str().unwrap().contains("Ficticia")
            || p["legal_name"].as_str().unwrap().contains("Ficticio")
    );
    let log = env.json(&["audit", "log", "--limit", "3", "--json"]);
    let last = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|e| e["action"] == "identity_read")
        .cloned();
    assert_eq!(
        last.expect("identity read audited")["object"],
        "person:demo-p-0001"
    );
    assert_eq!(log["chain_ok"], true);
    let missing = env.run(&["person", "show", "nobody"]);
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(stderr(&missing), "testimonio: person nobody not found\n");
}

#[test]
fn accounts_are_managed_from_the_command_line() {
    let env = TestEnv::new();
    env.init();
    env.write("pw", "a long enough password\n");
    let pw = env.path("pw");
    env.ok(&[
        "user",
        "add",
        "ana",
        "--role",
        "coordinator",
        "--password-file",
        pw.to_str().unwrap(),
    ]);
    let dup = env.run(&[
        "user",
        "add",
        "ana",
        "--role",
        "viewer",
        "--password-file",
        pw.to_str().unwrap(),
    ]);
    assert_eq!(dup.status.code(), Some(1));
    assert!(stderr(&dup).contains("taken"), "{}", stderr(&dup));
    let bad_role = env.run(&[
        "user",
        "add",
        "bob",
        "--role",
        "boss",
        "--password-file",
        pw.to_str().unwrap(),
    ]);
    assert_eq!(bad_role.status.code(), Some(1));
    env.write("short", "short\n");
    let short = env.run(&[
        "user",
        "add",
        "bob",
        "--role",
        "viewer",
        "--password-file",
        env.path("short").to_str().unwrap(),
    ]);
    assert!(stderr(&short).contains("at least 12"), "{}", stderr(&short));
    let token = env.ok(&["user", "token", "ana"]);
    assert!(
        token.trim().starts_with("tmo_") && token.trim().len() == 68,
        "{token}"
    );
    env.ok(&["user", "disable", "ana"]);
    let list = env.json(&["user", "list", "--json"]);
    assert_eq!(list["users"][0]["username"], "ana");
    assert_eq!(list["users"][0]["disabled"], true);
    assert_eq!(list["users"][0]["role"], "coordinator");
    let text = serde_json::to_string(&list).unwrap();
    assert!(
        !text.contains("argon2") && !text.contains("tmo_"),
        "no hashes or tokens in listings"
    );
}
