//! Email parsing against the shared corpus (`shared/corpus/email`, next to
//! the repository) and against small messages built here.

use std::path::{Path, PathBuf};

use testimonio_ingest::email::{
    EmailError, MAX_EMAIL_BYTES, ParsedEmail, looks_like_email, looks_like_mbox, parse_email,
    split_mbox,
};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/email");

fn corpus_files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(CORPUS).join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "eml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .eml files in {}", dir.display());
    files
}

fn read(name: &str) -> Vec<u8> {
    let path = Path::new(CORPUS).join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn parse(name: &str) -> ParsedEmail {
    parse_email(&read(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn has_problem(email: &ParsedEmail, needle: &str) -> bool {
    email.problems.iter().any(|p| p.contains(needle))
}

// ------------------------------------------------------------- the corpus

#[test]
fn every_rfc_message_parses_with_a_subject_or_a_body() {
    for path in corpus_files("rfc") {
        let raw = std::fs::read(&path).expect("read");
        let email = parse_email(&raw).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            email.headers.subject.is_some() || !email.body_text.is_empty(),
            "{}: neither subject nor body",
            path.display()
        );
        assert!(
            looks_like_email(&raw),
            "{} not sniffed as email",
            path.display()
        );
        assert!(!looks_like_mbox(&raw), "{} sniffed as mbox", path.display());
        for attachment in &email.attachments {
            assert!(attachment.media_type.contains('/'), "{attachment:?}");
        }
    }
}

#[test]
fn rfc_000_multipart_example() {
    let email = parse("rfc/000.eml");
    let h = &email.headers;
    assert_eq!(h.subject.as_deref(), Some("A multipart example"));
    assert_eq!(h.from, ["Nathaniel Borenstein <nsb@nsb.fv.com>"]);
    assert_eq!(h.to, ["Ned Freed <ned@innosoft.com>"]);
    assert_eq!(h.date.as_deref(), Some("1994-10-07T16:15:05-07:00"));
    assert!(
        email
            .body_text
            .starts_with("... Some text appears here ...")
    );
    assert!(
        email
            .body_text
            .contains("This could have been part of the previous part")
    );
    assert!(
        !email.body_text.contains("preamble"),
        "the preamble is not body"
    );

    let types: Vec<&str> = email
        .attachments
        .iter()
        .map(|a| a.media_type.as_str())
        .collect();
    assert_eq!(
        types,
        [
            "audio/basic",
            "image/jpeg",
            "text/enriched",
            "message/rfc822"
        ]
    );
    // The "base64" audio and image are placeholders that are not base64:
    // kept as written, with a problem noted.
    assert!(
        email.attachments[0]
            .bytes
            .starts_with(b"... base64-encoded 8000 Hz")
    );
    assert!(has_problem(
        &email,
        "attachment 1 could not be decoded as declared"
    ));
    assert!(has_problem(
        &email,
        "attachment 2 could not be decoded as declared"
    ));
    assert!(has_problem(&email, "attachment 1 has no file name"));

    let nested = parse_email(&email.attachments[3].bytes).expect("nested message");
    assert_eq!(
        nested.headers.subject.as_deref(),
        Some("(subject in US-ASCII)")
    );
    assert_eq!(
        nested.body_text,
        "... Additional text in ISO-8859-1 goes here ..."
    );
}

#[test]
fn rfc_001_external_bodies_and_an_unreadable_date() {
    let email = parse("rfc/001.eml");
    assert_eq!(email.headers.subject.as_deref(), Some("whatever"));
    assert_eq!(email.headers.from, ["Whomever"]);
    assert_eq!(email.headers.message_id.as_deref(), Some("id1@host.com"));
    // "Date: Whenever" is kept as written.
    assert_eq!(email.headers.date.as_deref(), Some("Whenever"));
    assert!(has_problem(&email, "Date header could not be read"));
    assert!(email.body_text.is_empty());
    assert!(has_problem(&email, "no body text was found"));
    assert_eq!(email.attachments.len(), 3);
    assert!(
        email
            .attachments
            .iter()
            .all(|a| a.media_type == "message/external-body")
    );
    assert_eq!(
        email.attachments[0].file_name.as_deref(),
        Some("BodyFormats.ps")
    );
    // File names are untrusted: this one is an absolute path.
    assert_eq!(
        email.attachments[1].file_name.as_deref(),
        Some("/u/nsb/writing/rfcs/RFC-MIME.ps")
    );
    assert!(has_problem(&email, "attachment 3 has no file name"));
}

#[test]
fn rfc_002_forwarded_message_with_an_image_inside() {
    let email = parse("rfc/002.eml");
    assert_eq!(
        email.headers.subject.as_deref(),
        Some("[Fwd: Map of Argentina with Description]")
    );
    assert_eq!(
        email.headers.from,
        ["Al Gore <vice-president@whitehouse.gov>"]
    );
    // A folded To header comes out on one line.
    assert_eq!(
        email.headers.to,
        ["White House Transportation Coordinator <transport@whitehouse.gov>"]
    );
    assert_eq!(email.headers.date, None);
    assert!(
        email
            .body_text
            .starts_with("Fred,\n\nFire up Air Force One!")
    );
    assert!(
        !email.body_text.contains("Argentina"),
        "the forwarded text is in the attachment"
    );

    assert_eq!(email.attachments.len(), 1);
    let forwarded = &email.attachments[0];
    assert_eq!(forwarded.media_type, "message/rfc822");
    assert!(
        forwarded
            .bytes
            .starts_with(b"Return-Path: <president@whitehouse.gov>")
    );

    let inner = parse_email(&forwarded.bytes).expect("forwarded message");
    assert_eq!(
        inner.headers.subject.as_deref(),
        Some("Map of Argentina with Description")
    );
    assert_eq!(
        inner.headers.from,
        ["Bill Clinton <president@whitehouse.gov>"]
    );
    assert_eq!(
        inner.headers.date.as_deref(),
        Some("1998-08-13T17:42:41+10:00")
    );
    assert_eq!(
        inner.headers.message_id.as_deref(),
        Some("199804130742.RAA20366@mai1host.whitehouse.gov")
    );
    assert!(
        inner
            .body_text
            .contains("I finally figured out this MIME thing.")
    );
    assert_eq!(inner.attachments.len(), 1);
    let map = &inner.attachments[0];
    // The disposition says "fi1ename" (a digit one), so the name comes from
    // the Content-Type "name" parameter.
    assert_eq!(map.file_name.as_deref(), Some("map_of_Argentina.gif"));
    assert_eq!(map.media_type, "image/gif");
    assert_eq!(map.bytes.len(), 288);
    // The corpus damaged the base64 ("R01GOD1h" for "R0lGODlh"): not a GIF.
    assert!(map.bytes.starts_with(b"GMF8=a"));
}

#[test]
fn rfc_003_alternative_with_enriched_and_unknown_versions() {
    let email = parse("rfc/003.eml");
    assert_eq!(
        email.headers.subject.as_deref(),
        Some("Formatted text mail")
    );
    assert_eq!(
        email.body_text,
        "... plain text version of message goes here ..."
    );
    let types: Vec<&str> = email
        .attachments
        .iter()
        .map(|a| a.media_type.as_str())
        .collect();
    assert_eq!(types, ["text/enriched", "application/x-whatever"]);
}

#[test]
fn rfc_004_digest_messages_are_attached_messages() {
    let email = parse("rfc/004.eml");
    assert_eq!(
        email.headers.subject.as_deref(),
        Some("Internet Digest, volume 42")
    );
    assert_eq!(
        email.body_text,
        "...Introductory text or table of contents..."
    );
    assert_eq!(email.attachments.len(), 2);
    let subjects: Vec<Option<String>> = email
        .attachments
        .iter()
        .map(|a| {
            assert_eq!(
                a.media_type, "message/rfc822",
                "digest parts default to messages"
            );
            parse_email(&a.bytes)
                .expect("digest message")
                .headers
                .subject
        })
        .collect();
    assert_eq!(
        subjects,
        [
            Some("my opinion".to_owned()),
            Some("my different opinion".to_owned())
        ]
    );
}

#[test]
fn rfc_005_implicit_and_explicit_text_parts() {
    let email = parse("rfc/005.eml");
    assert_eq!(email.headers.subject.as_deref(), Some("Sample message"));
    assert!(
        email
            .body_text
            .starts_with("This is implicitly typed plain US-ASCII text.")
    );
    assert!(
        email
            .body_text
            .contains("This is explicitly typed plain US-ASCII text.")
    );
    assert!(!email.body_text.contains("preamble") && !email.body_text.contains("epilogue"));
    assert!(email.attachments.is_empty());
}

#[test]
fn rfc_006_plain_text_wins_over_html() {
    let email = parse("rfc/006.eml");
    assert_eq!(email.headers.from, ["sender@example.com"]);
    assert_eq!(
        email.body_text,
        "Plain text email goes here!\nThis is the fallback if email client does not support HTML"
    );
    assert!(
        email.attachments.is_empty(),
        "the HTML alternative is not an attachment"
    );
}

#[test]
fn rfc_007_rfc8621_structure() {
    let email = parse("rfc/007.eml");
    assert_eq!(
        email.headers.subject.as_deref(),
        Some("RFC 8621 Section 4.1.4 test")
    );
    assert_eq!(email.body_text, "A\n\nB\n\nD\n\nK");
    let found: Vec<(&str, &[u8])> = email
        .attachments
        .iter()
        .map(|a| (a.media_type.as_str(), a.bytes.as_slice()))
        .collect();
    assert_eq!(
        found,
        [
            ("image/jpeg", &b"C"[..]),
            ("image/jpeg", b"F"),
            ("image/jpeg", b"G"),
            ("application/x-excel", b"H"),
            ("message/rfc822", b"Subject: J\n\nJ"),
        ]
    );
    assert!(has_problem(&email, "no From address"));
}

#[test]
fn rfc_008_base64_encoded_attached_email() {
    let email = parse("rfc/008.eml");
    assert_eq!(email.headers.subject, None);
    assert_eq!(
        email.body_text,
        "This is a message with a base64 encoded attached email"
    );
    assert_eq!(email.attachments.len(), 1);
    let attached = &email.attachments[0];
    assert_eq!(attached.file_name.as_deref(), Some("attached_email.eml"));
    assert_eq!(attached.media_type, "message/rfc822");
    assert_eq!(attached.bytes.len(), 872);
    let inner = parse_email(&attached.bytes).expect("attached email");
    assert_eq!(inner.headers.subject.as_deref(), Some("HTML test"));
    assert_eq!(inner.headers.from, ["Name <email@example.com>"]);
    assert_eq!(inner.headers.to, ["email@example.com"]);
    assert_eq!(
        inner.headers.date.as_deref(),
        Some("2021-12-14T11:48:25+01:00")
    );
    assert_eq!(inner.body_text, "This is an *HTML* test message");
}

#[test]
fn rfc_009_nested_multipart_and_message() {
    let email = parse("rfc/009.eml");
    assert_eq!(
        email.headers.date.as_deref(),
        Some("2009-10-10T00:30:04+02:00")
    );
    assert_eq!(email.body_text, "Hello");
    assert_eq!(email.attachments.len(), 1);
    let inner = parse_email(&email.attachments[0].bytes).expect("nested message");
    // A folded subject is unfolded.
    assert_eq!(
        inner.headers.subject.as_deref(),
        Some("Hello, this is an elaborate request for you to finally say hello already!")
    );
    assert_eq!(inner.body_text, "Please say Hello");
}

#[test]
fn every_malformed_message_is_read_or_refused_without_panicking() {
    for path in corpus_files("malformed") {
        let raw = std::fs::read(&path).expect("read");
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        match parse_email(&raw) {
            Ok(email) => println!(
                "malformed/{name}: ok, subject {}, body {} chars, {} attachments, problems: {:?}",
                if email.headers.subject.is_some() {
                    "yes"
                } else {
                    "no"
                },
                email.body_text.chars().count(),
                email.attachments.len(),
                email.problems
            ),
            Err(error) => {
                println!("malformed/{name}: refused: {error}");
                assert_ne!(
                    error,
                    EmailError::ParserFailed,
                    "{name}: the parser panicked"
                );
            }
        }
        // Sniffing and splitting never panic either.
        let _ = (
            looks_like_email(&raw),
            looks_like_mbox(&raw),
            split_mbox(&raw),
        );
    }
}

#[test]
fn malformed_facts() {
    // Windows-1252 quoted-printable with a soft line break at the end.
    let email = parse("malformed/018.eml");
    assert!(
        email
            .body_text
            .starts_with("Best\nEnviado desde mi BlackBerry® de Vodafone")
    );

    // A boundary that never appears: the text is still recovered.
    let email = parse("malformed/002.eml");
    assert_eq!(email.body_text, "body");
    assert!(has_problem(&email, "structure is broken"));

    // A message/rfc822 attachment that is not an email.
    let email = parse("malformed/022.eml");
    assert_eq!(email.body_text, "hello");
    assert_eq!(email.attachments.len(), 1);
    assert_eq!(
        email.attachments[0].file_name.as_deref(),
        Some("broken.eml")
    );
    assert_eq!(email.attachments[0].media_type, "message/rfc822");
    assert!(
        email.attachments[0]
            .bytes
            .starts_with(b"this attachment is not a valid eml")
    );
    assert!(has_problem(
        &email,
        "attachment 1 is declared as an email but could not be read"
    ));

    // A signed message: the signature is an attachment with its name.
    let email = parse("malformed/015.eml");
    assert_eq!(email.body_text, "There was a day \na happy day");
    assert_eq!(
        email.attachments[0].file_name.as_deref(),
        Some("signature.asc")
    );
    assert_eq!(email.attachments[0].media_type, "application/pgp-signature");

    // UTF-8 8bit in a broken multipart/related.
    let email = parse("malformed/021.eml");
    assert!(email.body_text.starts_with("áóúäöüß"));
    assert_eq!(email.attachments[0].media_type, "image/png");
    assert!(email.attachments[0].bytes.starts_with(b"\x89PNG"));
}

// ------------------------------------------------------------------- mbox

/// Writes messages as an mboxrd file: a postmark line, the message with
/// `From ` lines (after any number of `>`) quoted with one more `>`, and a
/// blank line.
fn write_mbox(messages: &[&[u8]]) -> Vec<u8> {
    let mut mbox = Vec::new();
    for message in messages {
        mbox.extend_from_slice(b"From sender@example.org Mon Jan  1 10:00:00 2024\n");
        for line in message.split_inclusive(|&b| b == b'\n') {
            let quotes = line.iter().take_while(|&&b| b == b'>').count();
            if line[quotes..].starts_with(b"From ") {
                mbox.push(b'>');
            }
            mbox.extend_from_slice(line);
        }
        if !message.ends_with(b"\n") {
            mbox.push(b'\n');
        }
        mbox.push(b'\n');
    }
    mbox
}

#[test]
fn mbox_of_three_rfc_messages_splits_into_exactly_three() {
    let originals = [
        read("rfc/002.eml"),
        read("rfc/005.eml"),
        read("rfc/009.eml"),
    ];
    let refs: Vec<&[u8]> = originals.iter().map(Vec::as_slice).collect();
    let mbox = write_mbox(&refs);
    assert!(looks_like_mbox(&mbox));
    assert!(!looks_like_email(&mbox));

    let messages = split_mbox(&mbox);
    assert_eq!(messages.len(), 3);
    for (split, original) in messages.iter().zip(&originals) {
        assert_eq!(split, original, "a message changed in the round trip");
    }
    let last = parse_email(&messages[2]).expect("last message");
    assert_eq!(last.headers.subject.as_deref(), Some("whatever"));

    // Without the final blank line, the last message is still there.
    let trimmed = &mbox[..mbox.len() - 1];
    assert_eq!(split_mbox(trimmed).len(), 3);
}

#[test]
fn mbox_from_lines_in_bodies_are_unquoted_and_do_not_split() {
    let first = read("rfc/005.eml");
    let middle: &[u8] = b"From: Ana <ana@example.org>\n\
        Subject: Notas\n\
        \n\
        From the window we saw two vans.\n\
        >From a quoted reply.\n\
        \n\
        From here on, nothing.\n\
        Thanks\n";
    let last = read("rfc/003.eml");
    let mut mbox = write_mbox(&[&first, middle, &last]);
    // A sloppy writer that did not quote this one: still not a new message,
    // because no header line follows it.
    let sloppy = b"\nFrom the corner, they left.\nBye\n";
    let insert_at = mbox
        .windows(7)
        .position(|w| w == b"Thanks\n")
        .expect("marker")
        + 7;
    mbox.splice(insert_at..insert_at, sloppy.iter().copied());

    let messages = split_mbox(&mbox);
    assert_eq!(
        messages.len(),
        3,
        "{:?}",
        messages
            .iter()
            .map(|m| String::from_utf8_lossy(m))
            .collect::<Vec<_>>()
    );
    assert_eq!(messages[0], first);
    assert_eq!(messages[2], last);
    let middle_text = String::from_utf8(messages[1].clone()).expect("utf-8");
    assert!(middle_text.contains("\nFrom the window we saw two vans.\n"));
    assert!(middle_text.contains("\n>From a quoted reply.\n"));
    assert!(middle_text.contains("\nFrom here on, nothing.\n"));
    assert!(middle_text.contains("\nFrom the corner, they left.\nBye\n"));
    let parsed = parse_email(&messages[1]).expect("middle message");
    assert_eq!(parsed.headers.subject.as_deref(), Some("Notas"));
    assert!(parsed.body_text.starts_with("From the window"));
}

#[test]
fn mbox_edge_cases() {
    assert!(split_mbox(b"").is_empty());
    assert!(split_mbox(b"\n\n").is_empty());
    // Text before the first message is kept, not dropped.
    let messages =
        split_mbox(b"stray text\nFrom a@b Mon Jan  1 10:00:00 2024\nSubject: x\n\nbody\n");
    assert_eq!(
        messages,
        [b"stray text\n".to_vec(), b"Subject: x\n\nbody\n".to_vec()]
    );
    // CRLF mbox.
    let messages = split_mbox(
        b"From a@b Mon Jan  1 10:00:00 2024\r\nSubject: 1\r\n\r\nuno\r\n\r\n\
          From a@b Mon Jan  1 10:00:01 2024\r\nSubject: 2\r\n\r\ndos\r\n",
    );
    assert_eq!(
        messages,
        [
            b"Subject: 1\r\n\r\nuno\r\n".to_vec(),
            b"Subject: 2\r\n\r\ndos\r\n".to_vec()
        ]
    );
    // A single message given to parse_email with its postmark line.
    let email =
        parse_email(b"From a@b Mon Jan  1 10:00:00 2024\nSubject: hola\nFrom: a@b\n\ncuerpo\n")
            .expect("parses");
    assert_eq!(email.headers.subject.as_deref(), Some("hola"));
    assert_eq!(email.headers.from, ["a@b"]);
    assert!(has_problem(&email, "mbox"));
}

// ------------------------------------------------------ built messages

#[test]
fn spanish_utf8_body_and_encoded_words() {
    let raw = "Subject: =?UTF-8?Q?Reuni=C3=B3n_ma=C3=B1ana?=\r\n\
        From: =?ISO-8859-1?Q?Jos=E9_P=E9rez?= <jose@example.org>\r\n\
        To: =?UTF-8?B?TWFyw61hIE7DusOxZXo=?= <maria@example.org>, otra@example.org\r\n\
        Cc: Comité <comite@example.org>\r\n\
        Date: Tue, 7 May 2024 08:15:00 -0500\r\n\
        Message-ID: <abc123@example.org>\r\n\
        MIME-Version: 1.0\r\n\
        Content-Type: text/plain; charset=utf-8\r\n\
        Content-Transfer-Encoding: 8bit\r\n\
        \r\n\
        La redada fue en la calle Ñandú, ¿sabías?\r\n\
        Llegaron a las 6:00.\r\n";
    let email = parse_email(raw.as_bytes()).expect("parses");
    let h = &email.headers;
    assert_eq!(h.subject.as_deref(), Some("Reunión mañana"));
    assert_eq!(h.from, ["José Pérez <jose@example.org>"]);
    assert_eq!(
        h.to,
        ["María Núñez <maria@example.org>", "otra@example.org"]
    );
    assert_eq!(h.cc, ["Comité <comite@example.org>"]);
    assert_eq!(h.date.as_deref(), Some("2024-05-07T08:15:00-05:00"));
    assert_eq!(h.message_id.as_deref(), Some("abc123@example.org"));
    assert_eq!(
        email.body_text,
        "La redada fue en la calle Ñandú, ¿sabías?\nLlegaron a las 6:00."
    );
    assert!(email.problems.is_empty(), "{:?}", email.problems);
    assert_eq!(
        email.page_text(),
        "From: José Pérez <jose@example.org>\n\
         To: María Núñez <maria@example.org>, otra@example.org\n\
         Cc: Comité <comite@example.org>\n\
         Date: 2024-05-07T08:15:00-05:00\n\
         Subject: Reunión mañana\n\
         \n\
         La redada fue en la calle Ñandú, ¿sabías?\nLlegaron a las 6:00."
    );
}

#[test]
fn quoted_printable_latin1_body() {
    let raw = b"From: a@example.org\n\
        Subject: QP\n\
        Content-Type: text/plain; charset=iso-8859-1\n\
        Content-Transfer-Encoding: quoted-printable\n\
        \n\
        La se=F1ora dijo: =A1ayuda! Era una l=EDnea muy larga que contin=\n\
        =FAa aqu=ED.\n";
    let email = parse_email(raw).expect("parses");
    assert_eq!(
        email.body_text,
        "La señora dijo: ¡ayuda! Era una línea muy larga que continúa aquí."
    );
    // Only the header lines that exist.
    assert_eq!(
        email.page_text(),
        "From: a@example.org\nSubject: QP\n\nLa señora dijo: ¡ayuda! Era una línea muy larga que continúa aquí."
    );
}

#[test]
fn base64_body_and_attachment() {
    let raw = b"From: testigo@example.org\n\
        Subject: Declaracion\n\
        MIME-Version: 1.0\n\
        Content-Type: multipart/mixed; boundary=\"XYZ\"\n\
        \n\
        --XYZ\n\
        Content-Type: text/plain; charset=UTF-8\n\
        Content-Transfer-Encoding: base64\n\
        \n\
        VGVzdGlnbzogdmkgYSBsb3MgYWdlbnRlcyBhIGxhcyA2OjAwIGVuIGxhIGVzcXVpbmEuCkHDsW8g\n\
        MjAyNCwgwr92ZXJkYWQ/IE5pw7FhcyB5IG5pw7Fvcy4K\n\
        --XYZ\n\
        Content-Type: image/jpeg\n\
        Content-Disposition: attachment; filename*=UTF-8''foto%20de%20la%20redada%C3%B1.jpg\n\
        Content-Transfer-Encoding: base64\n\
        \n\
        /9j/4AAQSkZJRgABAQAAAQABAAD/2wBD\n\
        --XYZ\n\
        Content-Type: application/pdf\n\
        Content-Transfer-Encoding: base64\n\
        \n\
        JVBERi0xLjcK\n\
        --XYZ--\n";
    let email = parse_email(raw).expect("parses");
    assert_eq!(
        email.body_text,
        "Testigo: vi a los agentes a las 6:00 en la esquina.\nAño 2024, ¿verdad? Niñas y niños."
    );
    assert_eq!(email.attachments.len(), 2);
    let photo = &email.attachments[0];
    assert_eq!(photo.file_name.as_deref(), Some("foto de la redadañ.jpg"));
    assert_eq!(photo.media_type, "image/jpeg");
    assert_eq!(
        photo.bytes,
        [
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0x00, 0x01, 0x01, 0x00,
            0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xDB, 0x00, 0x43
        ]
    );
    let pdf = &email.attachments[1];
    assert_eq!(pdf.file_name, None);
    assert_eq!(pdf.media_type, "application/pdf");
    assert_eq!(pdf.bytes, b"%PDF-1.7\n");
    assert!(has_problem(&email, "attachment 2 has no file name"));
    assert!(!has_problem(&email, "attachment 1 has no file name"));

    // Debug shows the length, not the bytes.
    let debug = format!("{photo:?}");
    assert!(debug.contains("len: 24"), "{debug}");
    assert!(!debug.contains("255"), "{debug}");
}

#[test]
fn html_only_message_gives_text_without_tags() {
    let raw = "From: a@example.org\n\
        Subject: Solo HTML\n\
        Content-Type: text/html; charset=utf-8\n\
        \n\
        <html><head><title>T\u{ed}tulo</title><style>p{color:red}</style></head>\
        <body><p>Hola <b>Mar&iacute;a</b>,</p><p>la cita es el <i>lunes</i>.</p>\
        <script>alert('x')</script><ul><li>uno</li><li>dos</li></ul></body></html>\n";
    let email = parse_email(raw.as_bytes()).expect("parses");
    assert_eq!(
        email.body_text,
        "Hola María,\n\nla cita es el lunes.\n\n- uno\n- dos"
    );
    assert!(email.attachments.is_empty());

    // The same in a multipart/alternative with no plain part.
    let raw = "Subject: Alt\n\
        Content-Type: multipart/alternative; boundary=b\n\
        \n\
        --b\n\
        Content-Type: text/html; charset=utf-8\n\
        Content-Transfer-Encoding: quoted-printable\n\
        \n\
        <div>Se=C3=B1or <span>P=C3=A9rez</span></div><div>ma=C3=B1ana</div>\n\
        --b--\n";
    let email = parse_email(raw.as_bytes()).expect("parses");
    assert_eq!(email.body_text, "Señor Pérez\nmañana");
}

#[test]
fn odd_charsets_are_noted_not_fatal() {
    let raw = b"From: a@example.org\n\
        Content-Type: text/plain; charset=x-no-such-charset\n\
        \n\
        caf\xe9\n";
    let email = parse_email(raw).expect("parses");
    assert!(email.body_text.starts_with("caf"));
    assert!(
        has_problem(&email, "character set that is not supported"),
        "{:?}",
        email.problems
    );
    assert!(
        has_problem(&email, "not valid in its character set"),
        "{:?}",
        email.problems
    );
}

#[test]
fn refusals_give_reasons_not_content() {
    assert!(matches!(
        parse_email(b""),
        Err(EmailError::NotAnEmail { .. })
    ));
    assert!(matches!(
        parse_email(b" \r\n\t\n"),
        Err(EmailError::NotAnEmail { .. })
    ));
    let error = parse_email(b"SECRETO nombre real sin cabeceras\nmas texto\n").unwrap_err();
    assert!(matches!(error, EmailError::NotAnEmail { .. }));
    assert!(!error.to_string().contains("SECRETO"), "{error}");
    assert_eq!(
        error.to_string(),
        "not an email message: no header lines could be read"
    );

    let huge = vec![b'a'; MAX_EMAIL_BYTES + 1];
    assert_eq!(
        parse_email(&huge),
        Err(EmailError::TooLarge {
            limit: MAX_EMAIL_BYTES
        })
    );

    // Random bytes: refused or read, never a panic.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let noise: Vec<u8> = (0..20_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    assert_ne!(parse_email(&noise).err(), Some(EmailError::ParserFailed));
    assert!(!looks_like_email(&noise));
}

#[test]
fn sniffing() {
    assert!(looks_like_email(b"Subject: hola\n\ncuerpo"));
    assert!(looks_like_email(
        b"\xEF\xBB\xBFFrom: a@b\r\nTo: c@d\r\n\r\n"
    ));
    assert!(looks_like_email(
        b"X-Custom: 1\nReceived: from x\n  by y\nSubject: s\n"
    ));
    assert!(!looks_like_email(b""));
    assert!(!looks_like_email(
        b"Note: this is a text file\nwith a second line\n"
    ));
    assert!(!looks_like_email(b"Title: no email header here\n\ntext"));
    assert!(!looks_like_email(
        b"Subject: hola\nsecond line is not a header\n"
    ));
    assert!(!looks_like_email(b" Subject: continuation first\n"));
    assert!(!looks_like_email(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"));
    assert!(!looks_like_email(b"<html><body>Subject: x</body></html>"));
    assert!(!looks_like_email(
        b"From a@b Mon Jan  1 10:00:00 2024\nSubject: x\n"
    ));

    assert!(looks_like_mbox(
        b"From a@b Mon Jan  1 10:00:00 2024\nSubject: x\n\nbody\n"
    ));
    assert!(looks_like_mbox(
        b"From MAILER-DAEMON Fri Jul  8 12:08:34 2011\r\nFrom: x@y\r\n"
    ));
    assert!(!looks_like_mbox(b"From: a@b\nSubject: x\n"));
    assert!(!looks_like_mbox(b"From here on we walk.\nAnd then\n"));
    assert!(!looks_like_mbox(b"From "));

    // A very long header block is judged on its first 64 KiB.
    let mut long = b"Subject: x\n".to_vec();
    for _ in 0..10_000 {
        long.extend_from_slice(b"X-Filler: 0123456789\n");
    }
    assert!(looks_like_email(&long));
}

#[test]
fn deep_nesting_and_many_parts_are_survivable() {
    let n = 5_000;
    let mut deep = String::from("Subject: deep\n");
    for i in 0..n {
        deep.push_str(&format!(
            "Content-Type: multipart/mixed; boundary=b{i}\n\n--b{i}\n"
        ));
    }
    deep.push_str("Content-Type: text/plain\n\nhola\n");
    let email = parse_email(deep.as_bytes()).expect("deep multipart");
    assert_eq!(email.headers.subject.as_deref(), Some("deep"));

    let mut deep =
        String::from("Subject: deep\nContent-Type: multipart/mixed; boundary=B\n\n--B\n");
    for _ in 0..n {
        deep.push_str("Content-Type: message/rfc822\n\n");
    }
    deep.push_str("Subject: x\n\nhola\n--B--\n");
    assert!(parse_email(deep.as_bytes()).is_ok());

    let mut many = String::from("Subject: many\nContent-Type: multipart/mixed; boundary=B\n\n");
    for _ in 0..1_000 {
        many.push_str("--B\nContent-Type: application/octet-stream\n\nx\n");
    }
    many.push_str("--B--\n");
    let email = parse_email(many.as_bytes()).expect("many parts");
    assert_eq!(email.attachments.len(), 1_000);
    assert_eq!(email.problems.len(), 50, "the problem list is kept short");
    assert!(email.problems[49].ends_with("more problems are not listed"));
}
