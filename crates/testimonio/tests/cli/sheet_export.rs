//! `export --format xlsx` and `--format sheet-csv`: spreadsheets in the
//! user's language, written as private files, audited, and imported again
//! into another vault through the import's suggestions alone.

use std::fs;
use std::os::unix::fs::PermissionsExt;

use testimonio_sheets::{Delimited, Workbook, restore_cell};

use crate::{TestEnv, stderr};

const RECORDS: &str = concat!(
    r#"{"type":"group","id":"g-red","name":"Red de Texas","state":"TX","city":"El Paso"}"#,
    "\n",
    r#"{"type":"person","id":"p-rio","pseudonym":"Río","legal_name":"Río Pérez","groups":["g-red"],"consent":"coalition_aggregate"}"#,
    "\n",
    r#"{"type":"person","id":"p-mar","pseudonym":"Mar","groups":["g-red"],"consent":"internal"}"#,
    "\n",
    r#"{"type":"event","id":"e-huelga","event_type":"hunger_strike","date":"2019-03","state":"TX","people":[{"id":"p-rio","role":"organizer"},{"id":"p-mar","role":"participant"}],"groups":["g-red"]}"#,
    "\n",
    r#"{"type":"event","id":"e-nta","event_type":"notice_to_appear","date":"2019-04-02","field_office":"SNA","people":[{"id":"p-rio","role":"target"}],"narrative":"=HYPERLINK(\"http://x\",\"y\")"}"#,
    "\n",
);

/// The canonical export without its header line (which has the time).
fn records(env: &TestEnv) -> Vec<String> {
    env.ok(&["export"])
        .lines()
        .skip(1)
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_spanish_workbook_is_written_privately_and_imports_again() {
    let env = TestEnv::new();
    env.init();
    let input = env.write("in/registros.jsonl", RECORDS);
    env.ok(&["import", input.to_str().unwrap()]);
    fs::create_dir_all(env.path("out")).unwrap();
    let xlsx = env.path("out/registros.xlsx");
    let xlsx = xlsx.to_str().unwrap();

    // One file: --out is required, and said so before the vault is opened.
    let refused = env.run(&["--lang", "es", "export", "--format", "xlsx"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("--format xlsx escribe un solo archivo"),
        "{}",
        stderr(&refused)
    );

    env.ok(&["--lang", "es", "export", "--format", "xlsx", "--out", xlsx]);
    let mode = fs::metadata(xlsx).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let mut book = Workbook::open(fs::read(xlsx).unwrap()).unwrap();
    assert_eq!(book.sheet_names(), ["Eventos", "Personas", "Grupos"]);
    let events = book.table("Eventos").unwrap();
    assert_eq!(
        events.header[..4],
        [
            "Evento: id",
            "Evento: clase",
            "Evento: tipo",
            "Evento: fecha"
        ]
    );
    assert_eq!(events.rows.len(), 3, "two participants, then one");
    assert_eq!(events.rows[0].cells[2], "Huelga de hambre");
    assert_eq!(events.rows[0].cells[15], "Organizador/a");
    assert_eq!(events.rows[2].cells[11], r#"=HYPERLINK("http://x","y")"#);
    let log = env.json(&["audit", "log", "--limit", "1", "--json"]);
    assert_eq!(log["entries"][0]["action"], "export", "{log}");
    assert_eq!(log["entries"][0]["object"], "export:xlsx", "{log}");

    // The events sheet alone, as a CSV for Excel, in English.
    let csv = env.path("out/events.csv");
    env.ok(&[
        "export",
        "--format",
        "sheet-csv",
        "--out",
        csv.to_str().unwrap(),
    ]);
    let bytes = fs::read(&csv).unwrap();
    assert!(bytes.starts_with("\u{feff}Event: id,".as_bytes()));
    let rows: Vec<Vec<String>> = Delimited::new(&bytes[..])
        .unwrap()
        .map(|r| r.unwrap().cells)
        .collect();
    assert_eq!(rows[2][11], r#"'=HYPERLINK("http://x","y")"#);
    assert_eq!(restore_cell(&rows[2][11]), r#"=HYPERLINK("http://x","y")"#);

    // Another vault takes the workbook sheet by sheet, with the
    // suggestions as they come, and holds the same records.
    let other = TestEnv::new();
    other.init();
    for sheet in ["Grupos", "Personas", "Eventos"] {
        other.ok(&[
            "--lang",
            "es",
            "import",
            xlsx,
            "--sheet",
            sheet,
            "--accept-suggestions",
        ]);
    }
    assert_eq!(records(&other), records(&env));
}
