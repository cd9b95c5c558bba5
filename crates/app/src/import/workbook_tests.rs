//! Workbooks through the import: an XLSX with a title row, a header cell
//! merged over two columns ("Evento" over "Fecha" and "Tipo") and real
//! date cells; an ODS as LibreOffice writes it. Both imported through the
//! suggestions alone, and again without change.

use std::io::Write;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use testimonio_domain::Lang;
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

/// An ODS: its mimetype stored first, a manifest, content.xml.
fn ods() -> Vec<u8> {
    let text = |v: &str| {
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>"#
        )
    };
    let date = |iso: &str| {
        format!(
            r#"<table:table-cell office:value-type="date" office:date-value="{iso}"><text:p>{iso}</text:p></table:table-cell>"#
        )
    };
    let row = |cells: String| format!("<table:table-row>{cells}</table:table-row>");
    let rows = [
        row(text("Seudónimo") + &text("Fecha") + &text("Tipo de evento") + &text("Oficina")),
        row(text("Luz") + &date("2021-06-15") + &text("Detención") + &text("San Antonio")),
        row(text("Alba") + &date("2021-07-01") + &text("Traslado") + &text("HOU")),
    ]
    .concat();
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Hoja1">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
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
