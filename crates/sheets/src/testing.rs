//! Spreadsheets for tests (feature `test-support`): an ODS file as
//! LibreOffice writes it, built from its table's rows, so that every crate
//! that tests ODS reading builds the same shape.

use std::io::Write;

/// A text cell.
pub fn ods_text(value: &str) -> String {
    format!(
        r#"<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>"#
    )
}

/// A date cell: its value `iso` (`2019-03-04`) shown as `shown`.
pub fn ods_date(iso: &str, shown: &str) -> String {
    format!(
        r#"<table:table-cell office:value-type="date" office:date-value="{iso}"><text:p>{shown}</text:p></table:table-cell>"#
    )
}

/// A row of cells (each from [`ods_text`], [`ods_date`] or raw XML).
pub fn ods_row(cells: &str) -> String {
    format!("<table:table-row>{cells}</table:table-row>")
}

/// An ODS file of one sheet named `sheet` holding `rows`: a zip with its
/// mimetype stored first, a manifest and `content.xml`.
///
/// # Panics
/// Never for in-memory output (a test helper).
pub fn ods(sheet: &str, rows: &[String]) -> Vec<u8> {
    let rows = rows.concat();
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="{sheet}">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).expect("in memory");
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .expect("in memory");
    zip.start_file("META-INF/manifest.xml", stored)
        .expect("in memory");
    zip.write_all(
        br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#,
    )
    .expect("in memory");
    zip.start_file("content.xml", stored).expect("in memory");
    zip.write_all(content.as_bytes()).expect("in memory");
    zip.finish().expect("in memory").into_inner()
}
