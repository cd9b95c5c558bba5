//! The import wizard over HTTP, in Spanish: a coordinator uploads the
//! Windows-1252 sheet a group keeps, finds its columns and values mapped,
//! maps the one value nothing knew, checks (nothing stored), imports, and
//! downloads the problems; the sheet's cells never reach disk in
//! plaintext; roles that do not see every identity may not import.

use axum::http::StatusCode;
use testimonio_domain::Role;
use testimonio_vault::EventFilter;

use crate::support::{UploadFile, spawn_app};

const CANARY: &str = "Canarywizardcell Xqzj";

/// A group's sheet: a title row, Spanish headers and values, a value
/// ("Retén") no vocabulary knows, a date that does not exist.
pub fn group_sheet() -> Vec<u8> {
    let text = format!(
        "Red de Acompañamiento — 2019;;;;;\n\
         Seudónimo;Fecha;Tipo de evento;Estado;Oficina;Descripción\n\
         Río Bravo;03/04/2019;Arresto;Texas;San Antonio;{CANARY}\n\
         Mar Azul;3 de marzo de 2019;Notificación de comparecencia;TX;SNA;\n\
         Sol Alto;13/03/2019;Retén;Arizona;Phoenix;\n\
         Luna Nueva;31/02/2019;Arresto;Texas;Dallas;\n"
    );
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    bytes.into_owned()
}

fn main_of(body: &str) -> &str {
    body.find("<main").map_or(body, |i| &body[i..])
}

#[tokio::test]
async fn a_coordinator_maps_checks_and_imports_a_spanish_sheet() {
    let app = spawn_app().await;
    let mut coordinator = app.login(Role::Coordinator).await;
    coordinator.accept_language = Some("es".into());
    let list = coordinator.get("/import").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(
        list.body.contains("Importar una hoja de cálculo"),
        "{}",
        list.excerpt()
    );

    let sent = coordinator
        .upload(
            "/import/upload",
            vec![UploadFile {
                name: "red.csv".into(),
                bytes: group_sheet(),
                media_type: "text/csv",
            }],
            &[],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.excerpt());
    let path = sent.location().expect("the draft's page").to_owned();
    assert!(path.starts_with("/import/imp-"), "{path}");

    let page = coordinator.get(&path).await;
    let body = main_of(&page.body);
    assert_eq!(page.status, StatusCode::OK, "{}", page.excerpt());
    assert!(
        body.contains("value=\"2\""),
        "the header found on row 2: {body}"
    );
    assert!(
        body.contains("<option value=\"event.date\" selected>"),
        "{body}"
    );
    assert!(
        body.contains("<option value=\"stop_or_arrest\" selected>"),
        "{body}"
    );
    assert!(
        body.contains("aria-invalid=\"true\""),
        "Retén has no code yet: {body}"
    );

    // The columns as suggested, "Retén" mapped by hand to a stop.
    let mapping: Vec<(&str, &str)> = vec![
        ("field-0", "person.pseudonym"),
        ("field-1", "event.date"),
        ("order-1", "dmy"),
        ("field-2", "event.type"),
        ("cell-2-0", "Retén"),
        ("code-2-0", "stop_or_arrest"),
        ("field-3", "event.state"),
        ("field-4", "event.field_office"),
        ("field-5", "event.narrative"),
    ];
    let saved = coordinator.post(&format!("{path}/mapping"), &mapping).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.excerpt());

    let events_before = count_events(&app).await;
    let checked = coordinator.post(&format!("{path}/check"), &[]).await;
    assert_eq!(
        checked.status,
        StatusCode::SEE_OTHER,
        "{}",
        checked.excerpt()
    );
    let page = coordinator.get(&path).await;
    let body = main_of(&page.body);
    assert!(
        body.contains("Revisión, no se guardó nada: 4 filas; se crearían 3, se actualizarían 0, sin cambios 0, rechazadas 1."),
        "{body}"
    );
    assert!(body.contains("no es una fecha que se pueda leer"), "{body}");
    assert_eq!(
        count_events(&app).await,
        events_before,
        "a check stores nothing"
    );

    let imported = coordinator.post(&format!("{path}/run"), &[]).await;
    assert_eq!(imported.status, StatusCode::SEE_OTHER);
    let page = coordinator.get(&path).await;
    assert!(
        main_of(&page.body).contains("Importación hecha: 4 filas; creadas 3"),
        "{}",
        page.excerpt()
    );
    assert_eq!(count_events(&app).await, events_before + 3);

    let csv = coordinator.get(&format!("{path}/report.csv")).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.content_type().starts_with("text/csv"));
    assert!(csv.body.contains("Fila,Columna,Motivo"), "{}", csv.body);
    assert!(
        csv.body
            .contains("6,Fecha,no es una fecha que se pueda leer"),
        "{}",
        csv.body
    );

    // The list shows it imported; a documenter may not import.
    assert!(coordinator.get("/import").await.body.contains("importada"));
    let documenter = app.login(Role::Documenter).await;
    assert_eq!(
        documenter.get("/import").await.status,
        StatusCode::FORBIDDEN
    );

    // The uploaded sheet, the dry run and the report left no plaintext.
    let mut found = Vec::new();
    let mut stack = vec![app.vault_dir()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(bytes) = std::fs::read(&path)
                && bytes.windows(CANARY.len()).any(|w| w == CANARY.as_bytes())
            {
                found.push(path);
            }
        }
    }
    assert!(found.is_empty(), "plaintext in {found:?}");
}

async fn count_events(app: &crate::support::TestApp) -> u64 {
    app.state
        .with_vault("test:check", |v| {
            Ok(v.count_events(&EventFilter::default())?)
        })
        .await
        .expect("vault unlocked")
}
