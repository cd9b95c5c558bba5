//! Outlook `.msg` messages through `testimonio ingest`: the body and the
//! headers are the message's page, its date is the document's own date,
//! its attachment a child document; the words are found by search.
//!
//! The messages are built here as Outlook writes them (MS-OXMSG: an OLE
//! compound file of MAPI property streams), with the `cfb` crate.

use std::io::{Cursor, Write};

use crate::TestEnv;

/// A message as the tests plant it.
pub struct Msg<'a> {
    pub subject: &'a str,
    pub body: &'a str,
    pub sender: (&'a str, &'a str),
    pub to: (&'a str, &'a str),
    /// When the client sent it: seconds since 1970, UTC.
    pub sent: u64,
    /// Name, media type, bytes (none: an embedded message).
    pub attachment: Option<(&'a str, &'a str, &'a [u8])>,
}

/// The bytes of an Outlook message holding `msg`.
pub fn msg_bytes(msg: &Msg) -> Vec<u8> {
    let mut file =
        cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new())).unwrap();
    // The root's fixed-size properties: a 32-byte header (recipient and
    // attachment counts), then one 16-byte entry per property.
    let mut root = vec![0u8; 8];
    for count in [1u32, 1, 1, u32::from(msg.attachment.is_some())] {
        root.extend(count.to_le_bytes());
    }
    root.extend([0u8; 8]);
    // PidTagClientSubmitTime (0x0039, PtypTime): a FILETIME.
    let filetime = (msg.sent + 11_644_473_600) * 10_000_000;
    root.extend(property(0x0039, 0x0040, filetime));
    put(&mut file, "/__properties_version1.0", &root);
    put(&mut file, "/__substg1.0_0037001F", &utf16(msg.subject));
    put(&mut file, "/__substg1.0_1000001F", &utf16(msg.body));
    put(&mut file, "/__substg1.0_0C1A001F", &utf16(msg.sender.0));
    put(&mut file, "/__substg1.0_5D01001F", &utf16(msg.sender.1));
    put(&mut file, "/__substg1.0_001A001F", &utf16("IPM.Note"));
    file.create_storage("/__nameid_version1.0").unwrap();
    file.create_storage("/__recip_version1.0_#00000000")
        .unwrap();
    let mut recipient = vec![0u8; 8];
    // PidTagRecipientType (0x0C15, PtypInteger32): 1, To.
    recipient.extend(property(0x0C15, 0x0003, 1));
    put(
        &mut file,
        "/__recip_version1.0_#00000000/__properties_version1.0",
        &recipient,
    );
    put(
        &mut file,
        "/__recip_version1.0_#00000000/__substg1.0_3001001F",
        &utf16(msg.to.0),
    );
    put(
        &mut file,
        "/__recip_version1.0_#00000000/__substg1.0_39FE001F",
        &utf16(msg.to.1),
    );
    if let Some((name, media_type, bytes)) = msg.attachment {
        file.create_storage("/__attach_version1.0_#00000000")
            .unwrap();
        let mut attachment = vec![0u8; 8];
        // PidTagAttachMethod (0x3705, PtypInteger32): 1, by value; with no
        // bytes, 5: an embedded message (a storage, here left empty).
        let method = if bytes.is_empty() { 5 } else { 1 };
        attachment.extend(property(0x3705, 0x0003, method));
        let dir = "/__attach_version1.0_#00000000";
        put(
            &mut file,
            &format!("{dir}/__properties_version1.0"),
            &attachment,
        );
        put(
            &mut file,
            &format!("{dir}/__substg1.0_3707001F"),
            &utf16(name),
        );
        put(
            &mut file,
            &format!("{dir}/__substg1.0_370E001F"),
            &utf16(media_type),
        );
        if !bytes.is_empty() {
            put(&mut file, &format!("{dir}/__substg1.0_37010102"), bytes);
        }
    }
    file.flush().unwrap();
    file.into_inner().into_inner()
}

type Compound = cfb::CompoundFile<Cursor<Vec<u8>>>;

fn put(file: &mut Compound, path: &str, bytes: &[u8]) {
    file.create_stream(path).unwrap().write_all(bytes).unwrap();
}

/// One fixed-size property entry: tag (type, id), flags, 8-byte value.
fn property(id: u16, kind: u16, value: u64) -> Vec<u8> {
    let mut entry = Vec::with_capacity(16);
    entry.extend(kind.to_le_bytes());
    entry.extend(id.to_le_bytes());
    entry.extend(6u32.to_le_bytes()); // readable, writable
    entry.extend(value.to_le_bytes());
    entry
}

fn utf16(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

#[test]
fn an_outlook_message_is_read_like_an_email_with_its_attachment_a_child() {
    let env = TestEnv::new();
    env.init();
    let bytes = msg_bytes(&Msg {
        subject: "Audiencia de José Peña",
        body: "La audiencia migratoria se aplazó.\r\nThe officer called her an instigator.\r\n",
        sender: ("Oficina Legal", "oficina@example.org"),
        to: ("Red de apoyo", "red@example.org"),
        // 2021-03-04 15:30:00 UTC
        sent: 1_614_871_800,
        attachment: Some((
            "notas de la vigilia.txt",
            "text/plain",
            "Dos agentes fotografiaron a los manifestantes en Tacoma.\n".as_bytes(),
        )),
    });
    // Named as a plain file: the content, not the name, says what it is.
    let path = env.path("in/mensaje.dat");
    std::fs::create_dir_all(env.path("in")).unwrap();
    std::fs::write(&path, bytes).unwrap();
    let report = env.json(&["ingest", "--json", path.to_str().unwrap()]);
    let file = &report["files"][0];
    assert_eq!(file["status"], "ok", "{report}");
    assert_eq!(file["media_type"], "application/vnd.ms-outlook");
    assert_eq!(file["attachments"], 1);
    let id = file["id"].as_str().unwrap().to_owned();
    let shown = env.json(&["document", "show", &id, "--json"]);
    assert_eq!(shown["document"]["title"], "Audiencia de José Peña");
    assert_eq!(
        shown["document"]["date"],
        serde_json::json!({"date": "2021-03-04", "source": "email_header"})
    );
    let text = env.ok(&["document", "text", &id]);
    for line in [
        "From: Oficina Legal <oficina@example.org>",
        "To: Red de apoyo <red@example.org>",
        "Subject: Audiencia de José Peña",
        "La audiencia migratoria se aplazó.",
        "instigator",
    ] {
        assert!(text.contains(line), "{line:?} not in {text}");
    }
    let child = &shown["attachments"][0];
    assert_eq!(child["attachment_name"], "notas de la vigilia.txt");
    let child_text = env.ok(&["document", "text", child["id"].as_str().unwrap()]);
    assert!(child_text.contains("fotografiaron"), "{child_text}");
    // Both are found by search, with their page.
    let hits = env.json(&["search", "aplazó", "--json"]);
    assert_eq!(hits["total"], 1, "{hits}");
    assert_eq!(hits["hits"][0]["page"], 1);
    let hits = env.json(&["search", "fotografiaron", "--json"]);
    assert_eq!(hits["total"], 1, "{hits}");
}

#[test]
fn a_broken_outlook_message_fails_with_its_reason_and_the_run_goes_on() {
    let env = TestEnv::new();
    env.init();
    let mut bytes = msg_bytes(&Msg {
        subject: "Cortado",
        body: "Este mensaje está cortado.",
        sender: ("A", "a@example.org"),
        to: ("B", "b@example.org"),
        sent: 1_614_871_800,
        attachment: None,
    });
    // The header says where the sector tables are; the rest is gone.
    bytes.truncate(600);
    std::fs::create_dir_all(env.path("in")).unwrap();
    std::fs::write(env.path("in/cortado.msg"), &bytes).unwrap();
    env.write("in/nota.txt", "Una nota que sí se lee.\n");
    let out = env.run(&["ingest", "--json", env.path("in").to_str().unwrap()]);
    // Exit status 4: some file was not read completely.
    assert_eq!(out.status.code(), Some(4));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = report["files"].as_array().unwrap();
    assert_eq!(files.len(), 2, "{report}");
    let broken = files
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with("cortado.msg"))
        .unwrap();
    assert_eq!(broken["status"], "failed", "{report}");
    assert!(
        broken["detail"]
            .as_str()
            .unwrap()
            .contains("Outlook message"),
        "a reason: {broken}"
    );
    assert_eq!(broken["media_type"], "application/vnd.ms-outlook");
    let note = files
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with("nota.txt"))
        .unwrap();
    assert_eq!(note["status"], "ok", "{report}");
}

#[test]
fn an_embedded_message_not_read_makes_the_message_partial() {
    let env = TestEnv::new();
    env.init();
    let bytes = msg_bytes(&Msg {
        subject: "Reenviado",
        body: "Te reenvío el aviso de la audiencia.",
        sender: ("A", "a@example.org"),
        to: ("B", "b@example.org"),
        sent: 1_614_871_800,
        attachment: Some(("aviso.msg", "application/vnd.ms-outlook", b"")),
    });
    std::fs::create_dir_all(env.path("in")).unwrap();
    std::fs::write(env.path("in/reenviado.msg"), bytes).unwrap();
    let out = env.run(&["ingest", "--json", env.path("in").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(4));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let file = &report["files"][0];
    assert_eq!(file["status"], "partial", "{report}");
    assert!(
        file["detail"]
            .as_str()
            .unwrap()
            .contains("attachment 1: an embedded Outlook message, not read"),
        "{file}"
    );
    assert_eq!(file["attachments"], 0);
}
