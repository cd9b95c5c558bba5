//! The plaintext canary: unique strings planted in legal names, aliases,
//! addresses, narratives, a testimony's account and a stored file must
//! appear nowhere on disk after import, export (JSON Lines, CSV, XLSX),
//! backup and restore: not in the vault, the backup, the restored vault,
//! nor the temporary directory.

use std::fs;

use testimonio_ingest::shapes;
use testimonio_ingest::tools::{Limits, run};

use crate::{TestEnv, files_under};

const CANARIES: &[&str] = &[
    "Canarylegalname Zqxwv",
    "Canaryalias Pqowie",
    "Canaryaddress 42 Rue Xyzzy",
    "CanaryAnumber",
    "Canarynarrative plugh fnord",
    "Canaryfilecontent wibblewobble",
    "Canarytestimony CANARY-TESTIMONY",
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
    // A testimony whose account holds a canary: recorded from the user's
    // own file, shown, reviewed.
    let account = env.write(
        "in/account.txt",
        &format!("Yo, María, vi cómo llegaron. {}\n", CANARIES[6]),
    );
    let added = env.json(&[
        "testimony",
        "add",
        "--person",
        "p-1",
        "--interviewer",
        "Ana",
        "--date",
        "2024-03",
        "--place",
        "Chicago",
        "--language",
        "es",
        "--consent",
        "internal",
        "--event",
        "e-1",
        "--account-file",
        account.to_str().unwrap(),
        "--json",
    ]);
    let testimony = added["id"].as_str().unwrap().to_owned();
    assert!(
        env.ok(&["testimony", "show", &testimony])
            .contains(CANARIES[6])
    );
    env.ok(&["testimony", "review", &testimony]);
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
    // A workbook for spreadsheets: the user's own output, outside the
    // scanned directories; written without a temporary file anywhere.
    let xlsx = env.path("in/export.xlsx");
    env.ok(&[
        "--lang",
        "es",
        "export",
        "--format",
        "xlsx",
        "--out",
        xlsx.to_str().unwrap(),
    ]);
    let mut book = testimonio_sheets::Workbook::open(fs::read(&xlsx).unwrap()).unwrap();
    let people = book.table("Personas").unwrap();
    assert!(
        people.rows[0].cells.iter().any(|c| c == CANARIES[0]),
        "the workbook itself carries the identity"
    );
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

/// Ingest: a unique word in a PDF's text layer, in an email body, in an
/// email attachment, in a file of a ZIP archive, in an Outlook message's
/// body and attachment, the OCR text of the scanned ICE letter, and the two
/// shapes whose text layer does not carry the page (a font that shifts
/// its glyph codes, read by OCR; a scan with a stamped text line, read by
/// OCR with the stamp kept) appear nowhere on disk after ingest: not in
/// the vault (database, WAL, blobs) nor in the temporary directory every
/// tool ran with.
#[test]
fn ingested_text_never_reaches_disk() {
    const PDF_WORD: &str = "Canarypdfword Qwzxv";
    const EMAIL_WORD: &str = "Canaryemailbody Plokij";
    const ATTACHMENT_WORD: &str = "Canaryattachment Mnbvcx";
    // Read by OCR off the shifted page; its layer says "Fdqdubvkliwhg".
    const SHIFTED_WORD: &str = "Canaryshifted";
    const SHIFTED_LAYER: &str = "Fdqdubvkliwhg";
    const STAMP_WORD: &str = "Canarystamp";
    const ZIP_WORD: &str = "Canaryzipentry Lkjhgf";
    const MSG_WORD: &str = "Canarymsgbody Rtyuio";
    const MSG_ATTACHMENT_WORD: &str = "Canarymsgattach Vbnmas";
    let env = TestEnv::new();
    env.init();
    let pdf = testimonio_report::text_pdf::render(
        "Declaration",
        &format!("The officer said {PDF_WORD} at the hearing.\n"),
    );
    fs::create_dir_all(env.path("in")).unwrap();
    fs::write(env.path("in/declaration.pdf"), pdf).unwrap();
    env.write(
        "in/message.eml",
        &format!(
            "From: a@example.org\r\nTo: b@example.org\r\nSubject: notes\r\nMIME-Version: 1.0\r\n\
             Content-Type: multipart/mixed; boundary=\"x\"\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\n\
             {EMAIL_WORD}\r\n--x\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"n.txt\"\r\n\
             Content-Transfer-Encoding: base64\r\n\r\n{}\r\n--x--\r\n",
            base64(ATTACHMENT_WORD.as_bytes())
        ),
    );
    fs::write(
        env.path("in/archivo.zip"),
        zip_of(
            "carpeta/dentro.txt",
            format!("Nota: {ZIP_WORD}.").as_bytes(),
        ),
    )
    .unwrap();
    fs::write(
        env.path("in/outlook.msg"),
        crate::outlook::msg_bytes(&crate::outlook::Msg {
            subject: "Notas",
            body: &format!("Texto: {MSG_WORD}."),
            sender: ("A", "a@example.org"),
            to: ("B", "b@example.org"),
            sent: 1_614_871_800,
            attachment: Some(("adjunto.txt", "text/plain", MSG_ATTACHMENT_WORD.as_bytes())),
        }),
    )
    .unwrap();
    let letter = crate::ingest::corpus("foia/ice-fourth-interim-release-letter-2025-scanned.pdf");
    fs::write(
        env.path("in/shifted.pdf"),
        shapes::shifted_encoding_pdf(&[
            "The agency shall make the records promptly available to any person.",
            &format!("The officer said {SHIFTED_WORD} at the hearing about the strike."),
            "This letter answers your request under the Freedom of Information Act,",
            "and we are releasing every page that answers it in full or in part.",
        ]),
    )
    .unwrap();
    let jpeg = run(
        "pdftoppm",
        &["-r", "300", "-jpeg", "-f", "1", "-l", "1", "-"],
        &[],
        &fs::read(&letter).unwrap(),
        Limits::default(),
    )
    .unwrap()
    .stdout;
    fs::write(
        env.path("in/stamped.pdf"),
        shapes::stamped_scan_pdf(
            &jpeg,
            &format!("Case 1:21-cv-01234 Document 52 Filed 03/04/21 {STAMP_WORD} 000123"),
        )
        .unwrap(),
    )
    .unwrap();
    env.ok(&[
        "ingest",
        env.path("in").to_str().unwrap(),
        letter.to_str().unwrap(),
    ]);
    // The words are really in the vault, readable through the tool.
    let listed = env.json(&["documents", "list", "--json"]);
    let mut all_text = String::new();
    for d in listed["documents"].as_array().unwrap() {
        for page in 1..=d["page_count"].as_u64().unwrap() {
            all_text += &env.ok(&[
                "document",
                "text",
                d["id"].as_str().unwrap(),
                "--page",
                &page.to_string(),
            ]);
        }
    }
    for word in [
        PDF_WORD,
        EMAIL_WORD,
        ATTACHMENT_WORD,
        "2025-ICLI-00019",
        SHIFTED_WORD,
        STAMP_WORD,
        ZIP_WORD,
        MSG_WORD,
        MSG_ATTACHMENT_WORD,
    ] {
        assert!(all_text.contains(word), "{word} was not extracted");
    }

    let scanned: Vec<_> = ["vault", "tmp"]
        .iter()
        .flat_map(|d| files_under(&env.path(d)))
        .collect();
    let mut found = Vec::new();
    for path in &scanned {
        let bytes = fs::read(path).unwrap();
        for needle in [
            PDF_WORD,
            EMAIL_WORD,
            ATTACHMENT_WORD,
            "Canarypdfword",
            "Canaryemailbody",
            "Canaryattachment",
            "2025-ICLI-00019",
            "Dermody",
            SHIFTED_WORD,
            SHIFTED_LAYER,
            STAMP_WORD,
            ZIP_WORD,
            "Canaryzipentry",
            "Canarymsgbody",
            "Canarymsgattach",
        ] {
            if hits(&bytes, needle) {
                found.push(format!("{needle:?} in {}", path.display()));
            }
        }
    }
    assert!(found.is_empty(), "plaintext on disk: {found:#?}");
    assert!(
        files_under(&env.path("tmp")).is_empty(),
        "ingest left files in the temporary directory"
    );
}

/// A ZIP archive of one file, stored uncompressed (so that its text is
/// plainly in the user's own input file, and must not be anywhere else).
fn zip_of(name: &str, bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file(name, stored).unwrap();
    zip.write_all(bytes).unwrap();
    zip.finish().unwrap().into_inner()
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
