//! The plaintext canary: unique strings planted in legal names, aliases,
//! addresses, narratives and a stored file must appear nowhere on disk
//! after import, export, backup and restore: not in the vault, the backup,
//! the restored vault, nor the temporary directory.

use std::fs;

use crate::{TestEnv, files_under};

const CANARIES: &[&str] = &[
    "Canarylegalname Zqxwv",
    "Canaryalias Pqowie",
    "Canaryaddress 42 Rue Xyzzy",
    "CanaryAnumber",
    "Canarynarrative plugh fnord",
    "Canaryfilecontent wibblewobble",
];

fn hits(haystack: &[u8], needle: &str) -> bool {
    let n = needle.as_bytes();
    haystack.windows(n.len()).any(|w| w == n)
}

#[test]
fn planted_plaintext_never_reaches_disk() {
    let env = TestEnv::new();
    env.init();
    let input = format!(
        concat!(
            r#"{{"type":"group","id":"g-1","name":"Canary group (demo)","state":"IL"}}"#,
            "\n",
            r#"{{"type":"person","id":"p-1","pseudonym":"Rosa","legal_name":"{}","aliases":["{}"],"address":"{}","a_number":"A-987-654-321","contact":"CanaryAnumber@example.invalid","groups":["g-1"],"consent":"internal"}}"#,
            "\n",
            r#"{{"type":"event","id":"e-1","event_type":"hunger_strike","date":"2018-03-02","state":"IL","people":[{{"id":"p-1","role":"organizer"}}],"narrative":"{}"}}"#,
            "\n",
        ),
        CANARIES[0], CANARIES[1], CANARIES[2], CANARIES[4]
    );
    // The user's own input files live outside the scanned directories.
    let file = env.write("in/canary.jsonl", &input);
    env.ok(&["import", file.to_str().unwrap()]);
    let doc = env.write("in/letter.txt", &format!("Dear officer, {}\n", CANARIES[5]));
    env.ok(&["document", "add", doc.to_str().unwrap()]);
    env.ok(&["person", "show", "p-1"]);
    let exported = env.ok(&["export"]);
    assert!(
        exported.contains(CANARIES[0]),
        "the export itself carries the identity"
    );
    env.ok(&[
        "export",
        "--format",
        "csv",
        "--out",
        env.path("in/export-csv").to_str().unwrap(),
    ]);
    fs::create_dir_all(env.path("backups")).unwrap();
    env.ok(&["backup", env.path("backups/b.tar").to_str().unwrap()]);
    let mut restore = env.command(&["restore", env.path("backups/b.tar").to_str().unwrap()]);
    restore.env("TESTIMONIO_VAULT", env.path("restored"));
    assert!(restore.output().unwrap().status.success());
    let mut check = env.command(&["check"]);
    check.env("TESTIMONIO_VAULT", env.path("restored"));
    assert!(check.output().unwrap().status.success());
    env.ok(&["events", "list"]);
    env.ok(&["audit", "log"]);

    let scanned: Vec<_> = ["vault", "backups", "restored", "tmp"]
        .iter()
        .flat_map(|d| files_under(&env.path(d)))
        .collect();
    assert!(
        scanned.len() >= 6,
        "expected vault, WAL, blobs, backup: {scanned:?}"
    );
    let mut found = Vec::new();
    for path in &scanned {
        let bytes = fs::read(path).unwrap();
        for canary in CANARIES {
            // Both the string and its first word alone.
            let word = canary.split(' ').next().unwrap();
            if hits(&bytes, canary) || hits(&bytes, word) {
                found.push(format!("{canary:?} in {}", path.display()));
            }
        }
        assert!(
            !hits(&bytes, "A987654321"),
            "A-number in {}",
            path.display()
        );
    }
    assert!(found.is_empty(), "plaintext on disk: {found:#?}");
}
