//! Spreadsheet import stories against a real temporary vault, on files the
//! tests write the way groups keep them.

use std::io::Write;
use std::path::Path;

use testimonio_domain::exchange::parse_line;
use testimonio_domain::{Lang, RecordId};
use testimonio_vault::{Actor as AuditActor, KdfParams, Passphrase, PeopleFilter, Vault};

use super::{ImportReport, ImportRequest, Profile, SheetInput, preview, run};
use crate::Actor;

fn vault(dir: &Path) -> Vault {
    let passphrase = Passphrase::new("import test passphrase".into()).unwrap();
    let mut vault = Vault::create(
        &dir.join("v"),
        &passphrase,
        KdfParams::MINIMUM,
        AuditActor::new("cli:test").unwrap(),
    )
    .unwrap()
    .vault;
    let line = r#"{"type":"person","id":"p-luz","pseudonym":"Luz","legal_name":"Luz Secreta Núñez","consent":"coalition_aggregate"}"#;
    let report = vault
        .import_records(
            "test",
            [("line 1".to_owned(), parse_line(line))].into_iter(),
            &mut |_| {},
        )
        .unwrap();
    assert!(report.failed.is_empty());
    vault
}

fn operator() -> Actor {
    Actor::Operator { name: "Ana".into() }
}

const TYPES: [&str; 4] = [
    "Arresto",
    "Notificación de comparecencia",
    "Huelga de hambre",
    "Deportación",
];
const STATES: [&str; 3] = ["Texas", "TX", "Nueva York"];
const OFFICES: [&str; 3] = ["San Antonio", "SNA", "Oficina de Nueva York"];
const ROLES: [&str; 3] = ["Organizador/a", "Testigo", "Persona afectada"];
const CONSENTS: [&str; 3] = [
    "público anónimo",
    "Solo uso interno",
    "Estadísticas de la coalición",
];

/// Rows (1-based among the data rows) that are broken in the first file.
const BAD: [usize; 5] = [17, 230, 501, 777, 999];

/// A Windows-1252, semicolon-separated sheet with a title row, Spanish
/// headers and values, day-month dates in several spellings; the rows in
/// [`BAD`] each carry one mistake unless `corrected`.
fn messy_csv(rows: usize, corrected: bool) -> Vec<u8> {
    let mut text = String::from("Registro de la Red;;;;;;;;\n");
    text.push_str("Seudónimo;Fecha del evento;Tipo de evento;Estado;Oficina;Rol;Consentimiento;Número A;Notas\n");
    for i in 1..=rows {
        let pseudonym = if i % 50 == 0 {
            "Luz".to_owned()
        } else {
            format!("Compañera {}", i % 300)
        };
        let day = 1 + i % 28;
        let month = 1 + i % 12;
        let date = match i % 3 {
            0 => format!("{day:02}/{month:02}/2019"),
            1 => format!(
                "{day} de {} de 2020",
                ["enero", "marzo", "julio", "octubre"][i % 4]
            ),
            _ => format!("{day}.{month}.21"),
        };
        let mut fields = [
            pseudonym,
            date,
            TYPES[i % 4].to_owned(),
            STATES[i % 3].to_owned(),
            // Field offices belong to enforcement actions only.
            if i % 4 == 2 {
                String::new()
            } else {
                OFFICES[i % 3].to_owned()
            },
            ROLES[i % 3].to_owned(),
            // One person, one consent: Luz's rows all say the same.
            CONSENTS[if i % 50 == 0 { 0 } else { i % 3 }].to_owned(),
            String::new(),
            format!("fila {i}"),
        ];
        if !corrected {
            match BAD.iter().position(|b| *b == i) {
                Some(0) => fields[1] = "31/02/2019".into(),
                Some(1) => fields[3] = "Narnia".into(),
                Some(2) => fields[2] = "Algo raro".into(),
                Some(3) => fields[7] = "A-12".into(),
                Some(4) => fields[0] = String::new(),
                _ => {}
            }
        }
        text.push_str(&fields.join(";"));
        text.push('\n');
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    bytes.into_owned()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> SheetInput {
    let path = dir.join(name);
    std::fs::File::create(&path)
        .unwrap()
        .write_all(bytes)
        .unwrap();
    SheetInput::Path(path)
}

fn import(vault: &mut Vault, input: &SheetInput, profile: &Profile, dry_run: bool) -> ImportReport {
    let request = ImportRequest {
        input,
        source_name: "red.csv",
        profile,
        dry_run,
        lang: Lang::Es,
        import_id: None,
        source_blob: None,
    };
    run(vault, &operator(), &request, &mut |_| {}).unwrap()
}

#[test]
fn a_messy_spanish_sheet_imports_every_good_row_and_names_every_bad_one() {
    let tmp = tempfile::tempdir().unwrap();
    let mut vault = vault(tmp.path());
    let input = write(tmp.path(), "red.csv", &messy_csv(1000, false));
    let preview = preview(&input, None, None, Lang::Es).unwrap();
    assert_eq!(preview.header_row, 2, "the title row is skipped");
    assert_eq!(preview.encoding, Some("windows-1252"));
    assert_eq!(preview.delimiter, Some(';'));
    assert_eq!(preview.header[0], "Seudónimo");
    let profile = preview.suggested;
    assert_eq!(profile.columns["Número A"], "person.a_number");
    assert_eq!(profile.dates["Fecha del evento"], "dmy");

    let dry = import(&mut vault, &input, &profile, true);
    let people_before = vault.count_people().unwrap();
    assert_eq!(people_before, 1, "a dry run stores nothing");
    let report = import(&mut vault, &input, &profile, false);
    assert_eq!(
        (dry.rows, dry.created, dry.refused, dry.records.clone()),
        (
            report.rows,
            report.created,
            report.refused,
            report.records.clone()
        ),
        "a dry run counts what the import does"
    );
    assert_eq!(report.rows, 1000);
    assert_eq!(report.refused, 5, "{:#?}", report.problems);
    assert_eq!(report.created + report.updated, 995);
    let rows: Vec<u64> = report.problems.iter().map(|p| p.row).collect();
    assert_eq!(
        rows,
        BAD.map(|b| b as u64 + 2).to_vec(),
        "rows as the sheet numbers them"
    );
    let at = |row: usize| &report.problems[BAD.iter().position(|b| *b == row).unwrap()];
    assert_eq!(at(17).column.as_deref(), Some("Fecha del evento"));
    assert_eq!(at(17).reason, "no es una fecha que se pueda leer");
    assert_eq!(at(230).column.as_deref(), Some("Estado"));
    assert!(at(230).reason.contains("«Narnia»"), "{}", at(230).reason);
    assert_eq!(at(501).column.as_deref(), Some("Tipo de evento"));
    assert_eq!(at(777).column.as_deref(), Some("Número A"));
    assert_eq!(at(999).column.as_deref(), Some("Seudónimo"));
    // 294 pseudonyms (i % 300, less the multiples of 50, which are Luz's
    // rows), and Luz, who was stored already.
    assert_eq!(vault.count_people().unwrap(), 295);
    assert_eq!(report.records.events.created, 995);

    // Luz's stored identity is not erased by a sheet that has no such column.
    let luz = vault
        .person_identity(&RecordId::parse("id", "p-luz").unwrap())
        .unwrap();
    assert_eq!(
        luz.identity.legal_name.unwrap().expose(),
        "Luz Secreta Núñez"
    );
    assert!(
        luz.consent.records().len() >= 2,
        "the sheet's level is added, not swapped"
    );

    // The same file again changes nothing.
    let again = import(&mut vault, &input, &profile, false);
    assert_eq!(
        (again.created, again.updated, again.unchanged, again.refused),
        (0, 0, 995, 5)
    );

    // The corrected file writes the five corrected rows only.
    let corrected = write(tmp.path(), "red2.csv", &messy_csv(1000, true));
    let fixed = import(&mut vault, &corrected, &profile, false);
    assert_eq!(fixed.refused, 0, "{:#?}", fixed.problems);
    assert_eq!(fixed.unchanged, 995);
    assert_eq!(fixed.created + fixed.updated, 5);
    assert_eq!(vault.count_events(&Default::default()).unwrap(), 1000);
}

#[test]
fn english_month_first_dates_serials_and_the_profile_as_written_by_hand() {
    let tmp = tempfile::tempdir().unwrap();
    let mut vault = vault(tmp.path());
    let csv = "Pseudonym,Date,Type,Field office,Group\n\
               Rio,03/04/2019,Stop or arrest,San Antonio Field Office,Texas Red\n\
               Mar,12/31/2019,NTA,Dallas,Texas Red\n\
               Sol,43528,deportation,DAL,Texas Red\n\
               Sol,\"Mar 3, 2019\",Detention,HOU,Texas Red\n";
    let input = write(tmp.path(), "en.csv", csv.as_bytes());
    let profile = Profile::from_toml(
        r#"
[columns]
"Pseudonym" = "person.pseudonym"
"Date" = "event.date"
"Type" = "event.type"
"Field office" = "event.field_office"
"Group" = "group.name"
[dates]
"Date" = "mdy"
"#,
    )
    .unwrap();
    let report = import(&mut vault, &input, &profile, false);
    assert_eq!(report.refused, 0, "{:#?}", report.problems);
    assert_eq!(report.records.groups.created, 1);
    assert_eq!(report.records.people.created, 3);
    assert_eq!(
        report.ambiguous_dates.get("Date"),
        Some(&1),
        "03/04 could be 3 April"
    );
    let events = vault.events(&Default::default()).unwrap();
    let dates: Vec<String> = events.iter().map(|e| e.date().to_string()).collect();
    assert!(dates.contains(&"2019-03-04".to_owned()), "{dates:?}");
    assert!(dates.contains(&"2019-12-31".to_owned()), "{dates:?}");
    assert!(
        dates.contains(&"2019-03-03".to_owned()),
        "serial 43528: {dates:?}"
    );
    let sol = vault
        .people(&PeopleFilter::default())
        .unwrap()
        .into_iter()
        .find(|p| p.pseudonym.as_str() == "Sol")
        .unwrap();
    let with_sol = events
        .iter()
        .filter(|e| e.participants().iter().any(|p| p.person == sol.id))
        .count();
    assert_eq!(with_sol, 2, "one person, two events");
}

#[test]
fn a_profile_that_does_not_fit_the_file_is_refused_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let mut vault = vault(tmp.path());
    let input = write(tmp.path(), "x.csv", b"Fecha,Tipo\n2020-01-01,Arresto\n");
    let profile = Profile::from_toml("[columns]\n\"Seudonimo\" = \"person.pseudonym\"\n").unwrap();
    let request = ImportRequest {
        input: &input,
        source_name: "x.csv",
        profile: &profile,
        dry_run: false,
        lang: Lang::Es,
        import_id: None,
        source_blob: None,
    };
    let err = run(&mut vault, &operator(), &request, &mut |_| {}).unwrap_err();
    assert_eq!(err.class(), crate::ErrorClass::BadRequest);
    assert!(
        err.message(Lang::Es).contains("Seudonimo"),
        "{}",
        err.message(Lang::Es)
    );
    let analyst = Actor::Account {
        username: "a".into(),
        role: testimonio_domain::Role::Analyst,
    };
    assert!(matches!(
        run(&mut vault, &analyst, &request, &mut |_| {}),
        Err(crate::AppError::Forbidden)
    ));
}

#[test]
fn a_person_given_two_consents_by_one_sheet_is_never_guessed() {
    let tmp = tempfile::tempdir().unwrap();
    let mut vault = vault(tmp.path());
    let csv = "Seudónimo,Fecha,Tipo,Consentimiento\n\
               Alba,2020-01-02,Arresto,Público con nombre\n\
               Alba,2020-02-03,Detención,Solo uso interno\n";
    let input = write(tmp.path(), "c.csv", csv.as_bytes());
    let profile = preview(&input, None, None, Lang::Es).unwrap().suggested;
    let report = import(&mut vault, &input, &profile, false);
    assert_eq!((report.created, report.refused), (1, 1));
    let problem = &report.problems[0];
    assert_eq!(
        (problem.row, problem.column.as_deref()),
        (3, Some("Consentimiento"))
    );
    assert_eq!(
        problem.reason,
        "el consentimiento no coincide con el que la fila 2 da a esta persona"
    );
}

#[test]
fn a_stored_person_named_by_who_they_are_is_confirmed_never_guessed() {
    let tmp = tempfile::tempdir().unwrap();
    let mut vault = vault(tmp.path());
    let csv = "Nombre,Seudónimo,Fecha,Tipo\n\
               luz secreta nunez,Lucecita,2020-01-02,Arresto\n\
               Otra Persona,Nube,2020-02-03,Detención\n";
    let input = write(tmp.path(), "m.csv", csv.as_bytes());
    let mut profile = preview(&input, None, None, Lang::Es).unwrap().suggested;
    assert_eq!(profile.columns["Nombre"], "person.legal_name");
    let report = import(&mut vault, &input, &profile, true);
    assert_eq!(
        (report.created, report.refused),
        (1, 1),
        "{:#?}",
        report.problems
    );
    assert_eq!(report.problems[0].column.as_deref(), Some("Nombre"));
    assert!(
        report.problems[0].reason.contains("Luz (p-luz)"),
        "{}",
        report.problems[0].reason
    );
    assert_eq!(report.matches[0].person, "p-luz");

    // Confirmed: the row is Luz's, who keeps the pseudonym this vault knows.
    profile
        .people
        .insert("luz secreta nunez".into(), "p-luz".into());
    let report = import(&mut vault, &input, &profile, false);
    assert_eq!(
        (report.created, report.refused),
        (2, 0),
        "{:#?}",
        report.problems
    );
    let luz = vault
        .person_summary(&RecordId::parse("id", "p-luz").unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(luz.pseudonym.as_str(), "Luz");
    assert_eq!(
        vault.count_people().unwrap(),
        2,
        "Luz and Nube, no duplicate"
    );

    // "new" makes another person of the same name.
    let tmp2 = tempfile::tempdir().unwrap();
    let mut other = super::tests::vault(tmp2.path());
    profile
        .people
        .insert("luz secreta nunez".into(), "new".into());
    let report = import(&mut other, &input, &profile, false);
    assert_eq!((report.created, report.refused), (2, 0));
    assert_eq!(other.count_people().unwrap(), 3);
}

#[test]
fn a_numbers_match_in_every_common_spelling() {
    use super::profile::identity_key;
    let key = identity_key("A-123-456-789");
    assert_eq!(identity_key("A123456789"), key);
    assert_eq!(identity_key("123 456 789"), key);
    assert_eq!(identity_key("a 123-456-789"), key);
    assert_ne!(identity_key("María José Peña"), key);
    assert_eq!(
        identity_key("MARIA jose  pena"),
        identity_key("María José Peña")
    );
}
