//! Workbooks through the import: an XLSX with a title row, a header cell
//! merged over two columns ("Evento" over "Fecha" and "Tipo") and real
//! date cells; an ODS as LibreOffice writes it. Both imported through the
//! suggestions alone, and again without change.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use testimonio_domain::Lang;
use testimonio_sheets::testing::{ods_date, ods_row, ods_text};
use testimonio_vault::{Actor as AuditActor, EventFilter, KdfParams, Passphrase, Vault};

use super::{ImportRequest, SheetInput, preview, run};
use crate::Actor;

fn vault(dir: &std::path::Path) -> Vault {
    let passphrase = Passphrase::new("import workbook passphrase".into()).unwrap();
    Vault::create(
        &dir.join("v"),
        &passphrase,
        KdfParams::MINIMUM,
        AuditActor::new("cli:test").unwrap(),
    )
    .unwrap()
    .vault
}

fn xlsx() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Registro").unwrap();
    let bold = Format::new().set_bold();
    let day = Format::new().set_num_format("dd/mm/yyyy");
    sheet
        .write_string(0, 0, "Registro de acompañamiento 2019")
        .unwrap();
    sheet
        .write_string_with_format(2, 0, "Seudónimo", &bold)
        .unwrap();
    sheet.merge_range(2, 1, 2, 2, "Evento", &bold).unwrap();
    sheet
        .write_string_with_format(2, 3, "Estado", &bold)
        .unwrap();
    sheet
        .write_string_with_format(3, 1, "Fecha", &bold)
        .unwrap();
    sheet.write_string_with_format(3, 2, "Tipo", &bold).unwrap();
    let rows = [
        ("Río", (2019, 3, 4), "Arresto", "Texas"),
        ("Mar", (2019, 12, 31), "Deportación", "Arizona"),
        ("Sol", (2020, 1, 2), "Huelga de hambre", "California"),
    ];
    for (i, (who, (y, m, d), what, state)) in rows.iter().enumerate() {
        let r = 4 + u32::try_from(i).unwrap();
        sheet.write_string(r, 0, *who).unwrap();
        let date = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
        sheet.write_datetime_with_format(r, 1, &date, &day).unwrap();
        sheet.write_string(r, 2, *what).unwrap();
        sheet.write_string(r, 3, *state).unwrap();
    }
    book.save_to_buffer().unwrap()
}

/// An ODS as LibreOffice writes it: date cells, Spanish values.
fn ods() -> Vec<u8> {
    let row = |cells: [String; 4]| ods_row(&cells.concat());
    testimonio_sheets::testing::ods(
        "Hoja1",
        &[
            row([
                ods_text("Seudónimo"),
                ods_text("Fecha"),
                ods_text("Tipo de evento"),
                ods_text("Oficina"),
            ]),
            row([
                ods_text("Luz"),
                ods_date("2021-06-15", "2021-06-15"),
                ods_text("Detención"),
                ods_text("San Antonio"),
            ]),
            row([
                ods_text("Alba"),
                ods_date("2021-07-01", "2021-07-01"),
                ods_text("Traslado"),
                ods_text("HOU"),
            ]),
        ],
    )
}

/// Imports `bytes` with the suggested profile, twice; returns the dates
/// stored and the second run's unchanged rows.
fn import_twice(bytes: Vec<u8>) -> (Vec<String>, u64, super::Profile) {
    let tmp = tempfile::tempdir().unwrap();
    let mut vault = vault(tmp.path());
    let input = SheetInput::Bytes(std::sync::Arc::new(zeroize::Zeroizing::new(bytes)));
    let profile = preview(&input, None, None, Lang::Es).unwrap().suggested;
    let request = ImportRequest {
        input: &input,
        source_name: "hoja",
        profile: &profile,
        dry_run: false,
        lang: Lang::Es,
        import_id: None,
        source_blob: None,
    };
    let operator = Actor::Operator { name: "Ana".into() };
    let first = run(&mut vault, &operator, &request, &mut |_| {}).unwrap();
    assert_eq!(first.refused, 0, "{:#?}", first.problems);
    let again = run(&mut vault, &operator, &request, &mut |_| {}).unwrap();
    assert_eq!(again.created + again.updated, 0);
    let mut dates: Vec<String> = vault
        .events(&EventFilter::default())
        .unwrap()
        .iter()
        .map(|e| e.date().to_string())
        .collect();
    dates.sort();
    (dates, again.unchanged, profile)
}

#[test]
fn an_xlsx_with_a_title_a_merged_header_and_date_cells() {
    let (dates, unchanged, profile) = import_twice(xlsx());
    assert_eq!(profile.columns["Evento › Fecha"], "event.date");
    assert_eq!(profile.columns["Evento › Tipo"], "event.type");
    assert_eq!(dates, ["2019-03-04", "2019-12-31", "2020-01-02"]);
    assert_eq!(unchanged, 3);
}

#[test]
fn an_ods_as_libreoffice_writes_it() {
    let (dates, unchanged, profile) = import_twice(ods());
    assert_eq!(profile.columns["Oficina"], "event.field_office");
    assert_eq!(dates, ["2021-06-15", "2021-07-01"]);
    assert_eq!(unchanged, 2);
}
