//! Spreadsheet exports from a real temporary vault, read back with
//! calamine and the zip of the workbook itself, and imported again.

use std::io::{Cursor, Read as _};
use std::path::Path;

use calamine::{Data, Reader as _, Xlsx};
use testimonio_domain::exchange::parse_line;
use testimonio_domain::{Lang, Role};
use testimonio_sheets::{Delimited, restore_cell};
use testimonio_vault::{Actor as AuditActor, KdfParams, Passphrase, Vault};

use super::{SheetFormat, export_spreadsheet};
use crate::import::{Field, ImportRequest, SheetInput, preview, run};
use crate::{Actor, AppError};

const LINK: &str = r#"=HYPERLINK("http://x","y")"#;

const RECORDS: &[&str] = &[
    r#"{"type":"group","id":"g-red","name":"Red de Nueva York","state":"NY","city":"Queens"}"#,
    r#"{"type":"group","id":"g-casa","name":"Casa Refugio"}"#,
    r#"{"type":"person","id":"p-luz","pseudonym":"Luz","legal_name":"Luz Secreta Núñez","aliases":["Lucecita","La Güera"],"contact":"+1 555 0100","a_number":"A-123-456-789","immigration_status":"TPS","address":"1 Calle Ejemplo","birth_year":1985,"groups":["g-red","g-casa"],"consent":"public_anonymous"}"#,
    r#"{"type":"person","id":"p-sol","pseudonym":"Sol","groups":["g-red"],"consent":"internal"}"#,
    r#"{"type":"event","id":"evt-marcha","event_type":"protest","date":"2019-03-04","state":"NY","city":"Queens","people":[{"id":"p-luz","role":"organizer"},{"id":"p-sol","role":"witness"}],"groups":["g-red","g-casa"],"verification":"corroborated"}"#,
    r#"{"type":"event","id":"evt-arresto","event_type":"stop_or_arrest","date":"~2019-05","end_date":"2019-06","state":"NY","facility":"Varick","agency":"ice","field_office":"NYC","narrative":"=HYPERLINK(\"http://x\",\"y\")","verification":"documented"}"#,
];

fn vault(dir: &Path) -> Vault {
    let passphrase = Passphrase::new("export test passphrase".into()).unwrap();
    let mut vault = Vault::create(
        dir,
        &passphrase,
        KdfParams::MINIMUM,
        AuditActor::new("cli:test").unwrap(),
    )
    .unwrap()
    .vault;
    let records = RECORDS
        .iter()
        .enumerate()
        .map(|(i, line)| (format!("line {}", i + 1), parse_line(line)));
    let report = vault.import_records("test", records, &mut |_| {}).unwrap();
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    vault
}

fn operator() -> Actor {
    Actor::Operator { name: "Ana".into() }
}

fn account(role: Role) -> Actor {
    Actor::Account {
        username: "maria".into(),
        role,
    }
}

fn export(vault: &mut Vault, format: SheetFormat, lang: Lang) -> Vec<u8> {
    let mut out = Vec::new();
    export_spreadsheet(vault, &operator(), format, lang, &mut out).unwrap();
    out
}

fn labels(fields: &[Field], lang: Lang) -> Vec<Data> {
    fields
        .iter()
        .map(|f| Data::String(f.label(lang).to_owned()))
        .collect()
}

fn strings(cells: &[&str]) -> Vec<Data> {
    cells
        .iter()
        .map(|c| Data::String((*c).to_owned()))
        .collect()
}

#[test]
fn a_workbook_in_spanish_has_spanish_sheets_headers_and_labels_and_no_formula() {
    let tmp = tempfile::tempdir().unwrap();
    let mut vault = vault(&tmp.path().join("v"));
    let bytes = export(&mut vault, SheetFormat::Xlsx, Lang::Es);

    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    assert_eq!(book.sheet_names(), ["Eventos", "Personas", "Grupos"]);
    let events = book.worksheet_range("Eventos").unwrap();
    let rows: Vec<Vec<Data>> = events.rows().map(<[Data]>::to_vec).collect();
    assert_eq!(rows.len(), 1 + 3, "two participants, then an event without");
    assert_eq!(rows[0], labels(&super::sheets::EVENT_COLUMNS, Lang::Es));
    assert_eq!(rows[0][3], Data::String("Evento: fecha".into()));
    let organizer = strings(&[
        "evt-marcha",
        "Actividad protegida",
        "Protesta, manifestación o marcha",
        "2019-03-04",
        "",
        "Nueva York",
        "Queens",
        "",
        "",
        "",
        "Corroborado",
        "",
        "Red de Nueva York; Casa Refugio",
        "p-luz",
        "Luz",
        "Organizador/a",
    ]);
    // calamine reads an empty string cell as empty.
    let read = |row: &[Data]| -> Vec<String> { row.iter().map(ToString::to_string).collect() };
    assert_eq!(read(&rows[1]), read(&organizer));
    assert_eq!(read(&rows[2])[13..], ["p-sol", "Sol", "Testigo"]);
    let arrest = read(&rows[3]);
    assert_eq!(arrest[2], "Interceptación o arresto");
    assert_eq!(arrest[3..5], ["~2019-05", "2019-06"]);
    assert_eq!(
        arrest[8..11],
        [
            "Servicio de Inmigración y Control de Aduanas (ICE)",
            "Nueva York",
            "Documentado"
        ]
    );
    assert_eq!(arrest[13..], ["", "", ""], "no participant");
    // The formula is a string cell, and no sheet holds a formula.
    assert_eq!(rows[3][11], Data::String(LINK.into()));
    let mut zip = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
    for sheet in 1..=3 {
        let mut xml = String::new();
        zip.by_name(&format!("xl/worksheets/sheet{sheet}.xml"))
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        assert!(!xml.contains("<f>") && !xml.contains("<f "), "{xml}");
    }

    let people = book.worksheet_range("Personas").unwrap();
    let people: Vec<Vec<String>> = people.rows().map(read).collect();
    assert_eq!(people[0][2], "Persona: nombre legal");
    assert_eq!(
        people[1],
        [
            "p-luz",
            "Luz",
            "Luz Secreta Núñez",
            "Lucecita; La Güera",
            "+1 555 0100",
            "A123456789",
            "TPS",
            "1 Calle Ejemplo",
            "1985",
            "Público, anónimo",
            "Red de Nueva York; Casa Refugio"
        ]
    );
    assert_eq!(people[2][9], "Solo uso interno");
    let groups = book.worksheet_range("Grupos").unwrap();
    let groups: Vec<Vec<String>> = groups.rows().map(read).collect();
    assert_eq!(
        groups,
        [
            vec![
                "Grupo: id",
                "Grupo: nombre",
                "Grupo: estado",
                "Grupo: ciudad"
            ],
            vec!["g-casa", "Casa Refugio", "", ""],
            vec!["g-red", "Red de Nueva York", "Nueva York", "Queens"],
        ]
    );

    // Audited as an export, counts only.
    let entry = vault.audit_tail(1).unwrap().pop().unwrap();
    assert_eq!(
        (entry.actor.as_str(), entry.action.as_str()),
        ("cli:Ana", "export")
    );
    assert_eq!(entry.object, "export:xlsx");
    assert_eq!(
        entry.detail,
        "format=xlsx groups=2 people=2 events=2 identities=included"
    );
}

#[test]
fn the_csv_is_the_events_sheet_with_a_bom_and_formulas_neutralised() {
    let tmp = tempfile::tempdir().unwrap();
    let mut vault = vault(&tmp.path().join("v"));
    let bytes = export(&mut vault, SheetFormat::Csv, Lang::En);
    assert!(bytes.starts_with("\u{feff}Event: id,Event: kind,".as_bytes()));
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(
        text.contains(r#","'=HYPERLINK(""http://x"",""y"")","#),
        "{text}"
    );
    let read = Delimited::new(&bytes[..]).unwrap();
    let header: Vec<&str> = read.header().iter().map(String::as_str).collect();
    assert_eq!(
        header,
        super::sheets::header(&super::sheets::EVENT_COLUMNS, Lang::En)
    );
    let rows: Vec<Vec<String>> = read.map(|r| r.unwrap().cells).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0][2], "Protest, rally or march");
    assert_eq!(rows[0][15], "Organizer");
    assert_eq!(restore_cell(&rows[2][11]), LINK);
    let entry = vault.audit_tail(1).unwrap().pop().unwrap();
    assert_eq!(entry.object, "export:sheet-csv");
}

#[test]
fn only_roles_that_see_every_identity_export_and_a_refusal_is_not_audited() {
    let tmp = tempfile::tempdir().unwrap();
    let mut vault = vault(&tmp.path().join("v"));
    let (before, _) = vault.verify_audit_chain().unwrap();
    for role in [Role::Documenter, Role::Analyst, Role::Viewer] {
        let mut out = Vec::new();
        let refused = export_spreadsheet(
            &mut vault,
            &account(role),
            SheetFormat::Xlsx,
            Lang::Es,
            &mut out,
        );
        assert!(matches!(refused, Err(AppError::Forbidden)), "{role:?}");
        assert!(out.is_empty());
    }
    assert_eq!(vault.verify_audit_chain().unwrap().0, before);
    for role in [Role::Coordinator, Role::Admin] {
        let mut out = Vec::new();
        let written = export_spreadsheet(
            &mut vault,
            &account(role),
            SheetFormat::Csv,
            Lang::Es,
            &mut out,
        )
        .unwrap();
        assert_eq!((written.records(), written.event_rows), (6, 3));
        let entry = vault.audit_tail(1).unwrap().pop().unwrap();
        assert_eq!(
            (entry.actor.as_str(), entry.action.as_str()),
            ("web:maria", "export")
        );
    }
}

#[test]
fn a_cell_longer_than_a_workbook_holds_is_refused_by_its_record_and_field() {
    let tmp = tempfile::tempdir().unwrap();
    let mut vault = vault(&tmp.path().join("v"));
    let long = format!(
        r#"{{"type":"event","id":"evt-largo","event_type":"protest","date":"2020","narrative":"{}"}}"#,
        "ñ".repeat(40_000)
    );
    let report = vault
        .import_records(
            "test",
            [("l".to_owned(), parse_line(&long))].into_iter(),
            &mut |_| {},
        )
        .unwrap();
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    let mut out = Vec::new();
    let refused = export_spreadsheet(
        &mut vault,
        &operator(),
        SheetFormat::Xlsx,
        Lang::Es,
        &mut out,
    )
    .unwrap_err();
    assert!(out.is_empty(), "nothing written");
    assert_eq!(
        refused.message(Lang::En),
        "evt-largo event.narrative: is longer than 32,767 characters"
    );
    // CSV holds it whole.
    let csv = export(&mut vault, SheetFormat::Csv, Lang::Es);
    assert!(
        String::from_utf8(csv)
            .unwrap()
            .contains(&"ñ".repeat(40_000))
    );
}

/// Imports `sheet` of `file` into `vault` through the suggested profile.
fn import_sheet(vault: &mut Vault, file: &SheetInput, sheet: &str) {
    let suggested = preview(file, Some(sheet), None, Lang::Es)
        .unwrap()
        .suggested;
    assert!(
        !suggested.columns.values().any(|f| f == "ignore"),
        "{sheet}: every column suggested: {:#?}",
        suggested.columns
    );
    let request = ImportRequest {
        input: file,
        source_name: "exportado.xlsx",
        profile: &suggested,
        dry_run: false,
        lang: Lang::Es,
        import_id: None,
        source_blob: None,
    };
    let report = run(vault, &operator(), &request, &mut |_| {}).unwrap();
    assert_eq!(report.refused, 0, "{sheet}: {:#?}", report.problems);
}

/// The canonical export without its header line (which has the time).
fn records(vault: &mut Vault) -> Vec<String> {
    let mut out = Vec::new();
    vault.export_jsonl(&mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    text.lines().skip(1).map(str::to_owned).collect()
}

#[test]
fn a_workbook_exported_in_spanish_imports_into_a_fresh_vault_through_suggestions_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let mut original = vault(&tmp.path().join("a"));
    let path = tmp.path().join("exportado.xlsx");
    std::fs::write(&path, export(&mut original, SheetFormat::Xlsx, Lang::Es)).unwrap();
    let file = SheetInput::Path(path);

    let passphrase = Passphrase::new("export test passphrase".into()).unwrap();
    let mut fresh = Vault::create(
        &tmp.path().join("b"),
        &passphrase,
        KdfParams::MINIMUM,
        AuditActor::new("cli:test").unwrap(),
    )
    .unwrap()
    .vault;
    for sheet in ["Grupos", "Personas", "Eventos"] {
        import_sheet(&mut fresh, &file, sheet);
    }
    // Every record exactly as it was: ids, dates, types, labels back to
    // codes, identities, participants and their roles, two groups in one
    // cell; a person named on an event's row stays in their own groups
    // (the events sheet writes the event's groups as `event.groups`).
    let (before, after) = (records(&mut original), records(&mut fresh));
    assert_eq!(before, after);
}
