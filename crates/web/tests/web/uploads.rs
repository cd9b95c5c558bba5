//! Uploads from a phone: the file field of the event, person and documents
//! pages and `POST /api/v1/documents`. Files are streamed into the
//! encrypted blob store, read for text by the same ingest as the command
//! line (OCR for a photo of paper), attached to the record they came from;
//! the camera's time and position are kept for the roles that see
//! identities only; over a limit, a clear message and nothing kept.

use axum::http::StatusCode;
use testimonio_app::evidence::upload::UploadLimits;
use testimonio_domain::Role;
use testimonio_vault::{AttachmentOwner, DocumentFilter, Username};
use testimonio_web::Config;

use crate::support::{UploadFile, phone_photo_of_notice, spawn_app, spawn_app_with, urlencode};

const NOTICE_NUMBER: &str = "2025-ICLI-00019";

/// The page's main content, for failure messages.
fn main_of(body: &str) -> &str {
    body.find("<main").map_or(body, |i| &body[i..])
}

fn file(name: &str, bytes: Vec<u8>, media_type: &'static str) -> UploadFile {
    UploadFile {
        name: name.into(),
        bytes,
        media_type,
    }
}

/// A voice note as a phone saves it: an Ogg container (its first page is
/// enough for the kind to be told).
fn voice_note() -> Vec<u8> {
    let mut bytes = b"OggS\0\x02".to_vec();
    bytes.extend(std::iter::repeat_n(0x5a, 4000));
    bytes
}

/// Every byte under the vault directory, file by file.
fn vault_files(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                out.push((path, bytes));
            }
        }
    }
    out
}

#[tokio::test]
async fn a_volunteer_uploads_a_phone_photo_from_an_event_page_and_finds_its_text() {
    let app = spawn_app().await;
    let mut volunteer = app.login(Role::Documenter).await;
    volunteer.accept_language = Some("es".into());
    let event_path = format!("/events/{}", app.event_id);
    let page = volunteer.get(&event_path).await;
    assert!(
        page.body.contains("enctype=\"multipart/form-data\""),
        "{}",
        page.excerpt()
    );
    assert!(
        page.body
            .contains("Fotos, grabaciones, videos o documentos")
    );

    let dir = tempfile::tempdir().unwrap();
    let photo = phone_photo_of_notice(dir.path());
    let reply = volunteer
        .upload(
            &format!("{event_path}/files"),
            vec![
                file("IMG_20261130_094107.jpg", photo, "image/jpeg"),
                file("nota de voz.ogg", voice_note(), "audio/ogg"),
            ],
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.excerpt());
    assert!(
        reply
            .body
            .contains("Se recibieron 2 archivos y se guardaron cifrados."),
        "{}",
        reply.excerpt()
    );
    assert!(reply.body.contains("grabación"), "{}", reply.excerpt());
    assert!(reply.body.contains("leída por OCR"), "{}", reply.excerpt());

    // Recorded like the command line's ingest, attached to the event, the
    // custody naming who sent it from which page.
    let event_id = app.event_id.clone();
    let (photo_doc, custody, pages) = app
        .state
        .with_vault("test:check", move |v| {
            let attached = v.attachments(AttachmentOwner::Event, &event_id)?;
            assert_eq!(attached.len(), 2, "{attached:?}");
            let photo = attached
                .iter()
                .find(|d| d.media_type.as_deref() == Some("image/jpeg"))
                .expect("the photo")
                .clone();
            let audio = attached
                .iter()
                .find(|d| d.media_type.as_deref() == Some("audio/ogg"))
                .expect("the voice note");
            assert_eq!(audio.page_count, 0);
            let custody = v.custody(&photo.id)?;
            let pages = v.document_page(&photo.id, 1)?;
            Ok((photo, custody, pages))
        })
        .await
        .unwrap();
    assert_eq!(
        photo_doc.file_name.as_deref(),
        Some("IMG_20261130_094107.jpg")
    );
    assert_eq!(custody[0].actor, "web:t-documenter");
    assert_eq!(
        custody[0].source_path.as_deref(),
        Some(format!("{event_path}/files").as_str())
    );
    let text = pages.expect("page 1 has text").text;
    assert!(text.contains(NOTICE_NUMBER), "OCR text: {text}");

    // The event lists its files.
    let page = volunteer.get(&event_path).await;
    assert!(
        page.body.contains("IMG_20261130_094107.jpg"),
        "{}",
        page.excerpt()
    );

    // Found through search by every role that searches.
    let analyst = app.login(Role::Analyst).await;
    let found = analyst
        .get(&format!(
            "/search?q={}",
            urlencode(&format!("\"{NOTICE_NUMBER}\""))
        ))
        .await;
    assert!(found.body.contains(&photo_doc.id), "{}", found.excerpt());

    // The camera's position: for the roles that see identities, audited.
    let position = "34.05";
    let doc_path = format!("/documents/{}", photo_doc.id);
    let coordinator = app.login(Role::Coordinator).await;
    let seen = coordinator.get(&doc_path).await;
    assert!(seen.body.contains(position), "{}", seen.excerpt());
    assert!(seen.body.contains("Pixel 7"));
    for role in [Role::Analyst, Role::Viewer, Role::Documenter] {
        let page = app.login(role).await.get(&doc_path).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(!page.body.contains(position), "{role:?} saw the position");
        assert!(!page.body.contains("Pixel 7"), "{role:?} saw the camera");
    }
    // A copy that leaves (an export, a packet's exhibit) has no EXIF; the
    // vault keeps the original byte-exact.
    let id = photo_doc.id.clone();
    let (exported, kept) = app
        .state
        .with_vault("test:check", move |v| {
            let operator = testimonio_app::Actor::Operator {
                name: "test".into(),
            };
            let mut out = Vec::new();
            testimonio_app::evidence::documents::read_original(v, &operator, &id, &mut out)?;
            let kept = v.document_bytes(&id, "test")?;
            Ok((out, kept.to_vec()))
        })
        .await
        .unwrap();
    assert!(
        kept.windows(7).any(|w| w == b"Pixel 7"),
        "the vault keeps the original"
    );
    assert!(
        !exported.windows(7).any(|w| w == b"Pixel 7"),
        "the export kept the EXIF"
    );
    assert!(exported.starts_with(b"\xff\xd8") && exported.len() > 10_000);
    let audited = app
        .state
        .with_vault("test:check", |v| Ok(v.audit_tail(50)?))
        .await
        .unwrap();
    assert!(
        audited
            .iter()
            .any(|e| e.action == "capture_read" && e.actor == "web:t-coordinator"),
        "no capture_read entry"
    );
}

#[tokio::test]
async fn files_over_the_limits_are_refused_clearly_and_leave_nothing() {
    let limits = UploadLimits {
        per_file: 64_000,
        per_request: 160_000,
    };
    let app = spawn_app_with(Config {
        uploads: limits,
        ..Config::default()
    })
    .await;
    let mut agent = app.login(Role::Coordinator).await;
    agent.accept_language = Some("es".into());
    let big = vec![b'x'; 100_000];
    let small = b"Acta de la asamblea (prueba).\n".to_vec();
    let reply = agent
        .upload(
            "/documents/upload",
            vec![
                file("grande.txt", big.clone(), "text/plain"),
                file("acta.txt", small, "text/plain"),
            ],
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.excerpt());
    assert!(
        reply
            .body
            .contains("no se recibió: supera el límite de 64,0 kB por archivo"),
        "{}",
        main_of(&reply.body)
    );
    assert!(
        reply.body.contains("Se recibió 1 archivo"),
        "{}",
        reply.excerpt()
    );

    // Three files of 60 kB: the third crosses the request's 160 kB.
    let sixty = |n: u8| {
        file(
            &format!("parte-{n}.txt"),
            vec![b'a' + n; 60_000],
            "text/plain",
        )
    };
    let reply = agent
        .upload("/documents/upload", vec![sixty(1), sixty(2), sixty(3)], &[])
        .await;
    assert_eq!(
        reply.status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        reply.excerpt()
    );
    assert!(
        reply
            .body
            .contains("juntos, los archivos superan el límite de 160,0 kB por subida"),
        "{}",
        reply.excerpt()
    );

    let stored = app
        .state
        .with_vault("test:check", |v| {
            Ok(v.documents_filtered(&DocumentFilter::default())?
                .into_iter()
                .filter_map(|d| d.file_name)
                .collect::<Vec<_>>())
        })
        .await
        .unwrap();
    assert!(stored.contains(&"acta.txt".to_owned()), "{stored:?}");
    assert!(stored.contains(&"parte-1.txt".to_owned()), "{stored:?}");
    for refused in ["grande.txt", "parte-3.txt"] {
        assert!(!stored.contains(&refused.to_owned()), "{refused} was kept");
    }
    // No partial blob left behind, in plaintext or otherwise.
    let tmp = app.vault_dir().join("tmp");
    let left: Vec<_> = std::fs::read_dir(&tmp).map_or(Vec::new(), |d| d.flatten().collect());
    assert!(left.is_empty(), "partial blobs left: {left:?}");
}

#[tokio::test]
async fn uploaded_bytes_never_touch_disk_in_plaintext() {
    let app = spawn_app().await;
    let agent = app.login(Role::Coordinator).await;
    let canary = "CANARY-UPLOAD-q7Zt3 the plaintext of an upload";
    let mut note = format!("{canary}\n").repeat(2000).into_bytes();
    note.extend_from_slice(b"end\n");
    let reply = agent
        .upload(
            &format!("/people/{}/files", app.person_id),
            vec![file("declaracion.txt", note, "text/plain")],
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.excerpt());
    for (path, bytes) in vault_files(&app.vault_dir()) {
        assert!(
            !bytes.windows(14).any(|w| w == b"CANARY-UPLOAD-"),
            "plaintext of an upload in {}",
            path.display()
        );
    }
    // Attached to the person, listed for who may see their identity only.
    let person = format!("/people/{}", app.person_id);
    assert!(agent.get(&person).await.body.contains("declaracion.txt"));
    for role in [Role::Analyst, Role::Viewer] {
        let page = app.login(role).await.get(&person).await;
        assert!(
            !page.body.contains("declaracion.txt"),
            "{role:?} saw the file"
        );
    }
}

#[tokio::test]
async fn uploads_need_the_form_token_and_a_role_that_writes() {
    let app = spawn_app().await;
    let agent = app.login(Role::Coordinator).await;
    let no_token = agent
        .multipart(
            "/documents/upload",
            vec![file("a.txt", b"a".to_vec(), "text/plain")],
            &[],
            &[],
        )
        .await;
    assert_eq!(no_token.status, StatusCode::FORBIDDEN);
    let viewer = app.login(Role::Viewer).await;
    let refused = viewer
        .upload(
            "/documents/upload",
            vec![file("a.txt", b"a".to_vec(), "text/plain")],
            &[],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let unknown = agent
        .upload(
            "/events/evt-nobody/files",
            vec![file("a.txt", b"a".to_vec(), "text/plain")],
            &[],
        )
        .await;
    assert_eq!(
        unknown.status,
        StatusCode::BAD_REQUEST,
        "{}",
        unknown.excerpt()
    );
}

#[tokio::test]
async fn the_api_takes_several_files_and_reports_each() {
    let app = spawn_app().await;
    let name = Username::parse(&crate::support::username(Role::Documenter)).unwrap();
    let token = app
        .state
        .with_vault("test:api", move |v| {
            Ok(v.create_api_token(&name, "test")?.to_string())
        })
        .await
        .unwrap();
    let agent = crate::support::Agent::new(&app.base, "api");
    let auth = format!("Bearer {token}");
    let reply = agent
        .multipart(
            "/api/v1/documents",
            vec![
                file(
                    "uno.txt",
                    b"Primera nota de prueba.\n".to_vec(),
                    "text/plain",
                ),
                file("voz.ogg", voice_note(), "audio/ogg"),
            ],
            &[("event", app.event_id.as_str())],
            &[("authorization", auth.as_str())],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let body: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    let files = body["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["result"], "stored");
    assert_eq!(files[0]["pages"], 1);
    assert_eq!(files[1]["media_type"], "audio/ogg");
    let id = files[0]["id"].as_str().unwrap().to_owned();
    let listed = agent
        .send_with(
            axum::http::Method::GET,
            &format!("/api/v1/documents/{id}/pages/1"),
            None,
            &[("authorization", auth.as_str())],
        )
        .await;
    assert!(
        listed.body.contains("Primera nota de prueba."),
        "{}",
        listed.body
    );
}

#[tokio::test]
async fn a_testimony_gets_its_documents_from_its_page() {
    let app = spawn_app().await;
    let mut agent = app.login(Role::Coordinator).await;
    agent.accept_language = Some("es".into());
    let path = format!("/testimonies/{}", app.testimony_id);
    let page = agent.get(&path).await;
    assert!(
        page.body.contains(&format!("action=\"{path}/files?csrf=")),
        "{}",
        page.excerpt()
    );
    let reply = agent
        .upload(
            &format!("{path}/files"),
            vec![file("entrevista.ogg", voice_note(), "audio/ogg")],
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.excerpt());
    let id = testimonio_domain::RecordId::parse("id", &app.testimony_id).unwrap();
    let documents = app
        .state
        .with_vault("test:check", move |v| {
            Ok(v.testimony_summary(&id)?.unwrap().documents)
        })
        .await
        .unwrap();
    assert_eq!(documents.len(), 1, "{documents:?}");
}
