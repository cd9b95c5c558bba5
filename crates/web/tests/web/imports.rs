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
        body.contains("Revisión, no se guardó nada. Filas: 4; se crearían: 3; se actualizarían: 0; sin cambios: 0; rechazadas: 1."),
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
        main_of(&page.body).contains("Importación hecha. Filas: 4; creadas: 3;"),
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

    // The event keeps the row it came from, cells as written, for the
    // roles that see every identity (the read audited); not for others.
    let imported_event = app
        .state
        .with_vault("test:check", |v| {
            Ok(v.events(&EventFilter::default())?
                .into_iter()
                .find(|e| e.date().to_string() == "2019-04-03")
                .map(|e| e.id().to_string()))
        })
        .await
        .expect("vault unlocked")
        .expect("Río Bravo's arrest");
    let event_page = coordinator.get(&format!("/events/{imported_event}")).await;
    let body = main_of(&event_page.body);
    assert!(body.contains("Importado de"), "{body}");
    assert!(body.contains("«red.csv», fila 3"), "{body}");
    assert!(body.contains("03/04/2019"), "the cell as written: {body}");
    let analyst = app.login(Role::Analyst).await;
    let seen = analyst.get(&format!("/events/{imported_event}")).await;
    assert!(!seen.body.contains("red.csv"), "{}", seen.excerpt());

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

/// The index of the column headed `name` on the wizard's page.
fn column_of(body: &str, name: &str) -> String {
    let label = format!("translate=\"no\">{name}</label>");
    let at = body
        .find(&label)
        .unwrap_or_else(|| panic!("no column {name}"));
    let start = body[..at]
        .rfind("for=\"field-")
        .expect("the label's control")
        + "for=\"field-".len();
    body[start..]
        .split('"')
        .next()
        .expect("an index")
        .to_owned()
}

/// ICE's own FY2019 detention statistics (../shared/corpus), nobody here
/// wrote it: its "Facilities FY19" sheet mapped in the wizard, one
/// detention facility inspection per row, with its field office (AOR).
#[tokio::test]
async fn an_agency_workbook_is_imported_through_a_profile_made_in_the_wizard() {
    let app = spawn_app().await;
    let mut coordinator = app.login(Role::Coordinator).await;
    coordinator.accept_language = Some("es".into());
    let workbook = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/corpus/spreadsheets/ice-fy19-detentionstats.xlsx"),
    )
    .expect("the corpus workbook");
    let sent = coordinator
        .upload(
            "/import/upload",
            vec![UploadFile {
                name: "ice-fy19-detentionstats.xlsx".into(),
                bytes: workbook,
                media_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }],
            &[],
        )
        .await;
    let path = sent.location().expect("the draft's page").to_owned();
    let page = coordinator.get(&path).await;
    assert!(
        page.body.contains(">Facilities FY19</option>"),
        "{}",
        page.excerpt()
    );
    let chosen = coordinator
        .post(
            &format!("{path}/layout"),
            &[("sheet", "Facilities FY19"), ("header_row", "")],
        )
        .await;
    assert_eq!(chosen.status, StatusCode::SEE_OTHER, "{}", chosen.excerpt());
    let body = coordinator.get(&path).await.body;
    let columns: Vec<(String, &str)> = [
        ("Name", "event.facility"),
        ("City", "event.city"),
        ("State", "event.state"),
        ("AOR", "event.field_office"),
        ("Last Inspection Date", "event.date"),
    ]
    .iter()
    .map(|(name, field)| (column_of(&body, name), *field))
    .collect();
    let date = columns.last().expect("the date column").0.clone();
    let mut form: Vec<(String, String)> = columns
        .iter()
        .map(|(i, field)| (format!("field-{i}"), (*field).to_owned()))
        .collect();
    form.push((format!("order-{date}"), "mdy".into()));
    form.push(("const-event.type".into(), "detention".into()));
    form.push(("const-event.agency".into(), "ice".into()));
    form.push(("const-event.verification".into(), "documented".into()));
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    coordinator.post(&format!("{path}/mapping"), &fields).await;
    coordinator
        .post(
            &format!("{path}/save-profile"),
            &[("name", "ICE instalaciones FY19")],
        )
        .await;
    coordinator.post(&format!("{path}/check"), &[]).await;
    let checked = coordinator.get(&path).await;
    let body = main_of(&checked.body);
    assert!(
        body.contains("Revisión, no se guardó nada. Filas: 213; se crearían: 199; se actualizarían: 0; sin cambios: 0; rechazadas: 14."),
        "{body}"
    );
    assert!(body.contains("un evento necesita una fecha"), "{body}");

    let before = count_events(&app).await;
    coordinator.post(&format!("{path}/run"), &[]).await;
    assert_eq!(count_events(&app).await, before + 199);
    // Every field office ICE wrote (AOR) is one of the 25.
    let offices = app
        .state
        .with_vault("test:check", |v| {
            Ok(v.events(&EventFilter::default())?
                .iter()
                .filter(|e| e.location().facility.is_some())
                .filter_map(|e| e.field_office().map(|o| o.code().to_owned()))
                .collect::<std::collections::BTreeSet<_>>())
        })
        .await
        .expect("vault unlocked");
    assert!(offices.len() >= 20, "{offices:?}");
    let saved = app
        .state
        .with_vault("test:check", |v| Ok(v.import_profile_names()?))
        .await
        .expect("vault unlocked");
    assert_eq!(saved, vec!["ICE instalaciones FY19".to_owned()]);
}

/// A row naming a stored person by legal name under another pseudonym is
/// refused until the coordinator says who it is.
#[tokio::test]
async fn a_coordinator_confirms_who_a_row_names() {
    let app = spawn_app().await;
    let person = app.person_id.clone();
    let (legal_name, pseudonym) = app
        .state
        .with_vault("test:setup", move |v| {
            let id = testimonio_domain::RecordId::parse("id", &person).expect("an id");
            let p = v.person_identity(&id)?;
            Ok((
                p.identity
                    .legal_name
                    .map(|n| n.expose().to_owned())
                    .unwrap_or_default(),
                p.pseudonym.to_string(),
            ))
        })
        .await
        .expect("vault unlocked");
    assert!(!legal_name.is_empty());
    let mut coordinator = app.login(Role::Coordinator).await;
    coordinator.accept_language = Some("es".into());
    let sheet =
        format!("Nombre,Seudónimo,Fecha,Tipo\n{legal_name},Otro nombre,2020-01-02,Arresto\n");
    let sent = coordinator
        .upload(
            "/import/upload",
            vec![UploadFile {
                name: "nombres.csv".into(),
                bytes: sheet.into_bytes(),
                media_type: "text/csv",
            }],
            &[],
        )
        .await;
    let path = sent.location().expect("the draft's page").to_owned();
    coordinator.post(&format!("{path}/check"), &[]).await;
    let page = coordinator.get(&path).await;
    let body = main_of(&page.body);
    assert!(body.contains("Personas que quizá ya están aquí"), "{body}");
    assert!(
        body.contains(&format!("Es {pseudonym} ({})", app.person_id)),
        "{body}"
    );

    coordinator
        .post(
            &format!("{path}/matches"),
            &[
                ("value-0", legal_name.as_str()),
                ("person-0", app.person_id.as_str()),
            ],
        )
        .await;
    coordinator.post(&format!("{path}/check"), &[]).await;
    let page = coordinator.get(&path).await;
    assert!(
        main_of(&page.body).contains(
            "Filas: 1; se crearían: 1; se actualizarían: 0; sin cambios: 0; rechazadas: 0."
        ),
        "{}",
        page.excerpt()
    );
}
