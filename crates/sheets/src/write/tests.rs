use std::io::{Cursor, Read as _};

use calamine::{Data, Reader as _, Xlsx};

use super::*;
use crate::error::SheetError;
use crate::{Delimited, Workbook};

const LINK: &str = "=HYPERLINK(\"http://x\")";

#[test]
fn formula_cells_get_one_quote_and_lose_it_when_restored() {
    for (value, written) in [
        (LINK, "'=HYPERLINK(\"http://x\")"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=x", "''=x"),
        ("'x", "''x"),
        ("x=1", "x=1"),
        ("", ""),
    ] {
        assert_eq!(neutralise_cell(value), written, "{value:?}");
        assert_eq!(restore_cell(written), value, "{written:?}");
    }
    // Hand-written CSV: a quote before anything else is the user's own.
    assert_eq!(restore_cell("'plain"), "'plain");
    assert_eq!(restore_cell("'"), "'");
}

#[test]
fn every_short_cell_round_trips() {
    let alphabet = ['=', '+', '-', '@', '\t', '\r', '\'', 'a', ' '];
    let mut cells = vec![String::new()];
    for _ in 0..4 {
        let longer: Vec<String> = cells
            .iter()
            .flat_map(|c| alphabet.iter().map(move |a| format!("{c}{a}")))
            .collect();
        cells.extend(longer);
        cells.dedup();
    }
    for cell in &cells {
        let written = neutralise_cell(cell);
        assert_eq!(restore_cell(&written), cell, "{cell:?}");
        assert!(
            !written.starts_with(FORMULA_STARTS),
            "{cell:?} reached the spreadsheet as {written:?}"
        );
    }
}

#[test]
fn a_csv_export_neutralises_formulas_and_reads_back() {
    let mut csv = CsvWriter::new(Vec::new(), &["Nombre", "=Nota"]).unwrap();
    csv.row(&["María", LINK]).unwrap();
    csv.rows(vec![
        vec!["Ana, de Texas".to_owned(), "-2".to_owned()],
        vec!["Luis".to_owned(), "dijo \"hola\"".to_owned()],
    ])
    .unwrap();
    let bytes = csv.finish().unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(
        text.starts_with("Nombre,'=Nota\nMaría,\"'=HYPERLINK(\"\"http://x\"\")\"\n"),
        "{text}"
    );
    let read = Delimited::new(&bytes[..]).unwrap();
    assert_eq!(read.header(), ["Nombre", "'=Nota"]);
    let rows = read.collect::<Result<Vec<_>, _>>().unwrap();
    assert_eq!(rows[0].cells[1], format!("'{LINK}"));
    assert_eq!(restore_cell(&rows[0].cells[1]), LINK);
    assert_eq!(rows[1].cells, ["Ana, de Texas", "'-2"]);
    assert_eq!(rows[2].cells[1], "dijo \"hola\"");
}

#[test]
fn a_csv_export_for_excel_starts_with_a_bom() {
    let bytes = CsvWriter::with_bom(Vec::new(), &["Acción"])
        .unwrap()
        .finish()
        .unwrap();
    assert_eq!(bytes, "\u{feff}Acción\n".as_bytes());
    assert!(Delimited::new(&bytes[..]).unwrap().layout().detected.bom);
}

fn two_sheets() -> Vec<u8> {
    let mut xlsx = XlsxWriter::new();
    let long = "x".repeat(500);
    xlsx.sheet_with_rows(
        "Personas",
        &["Nombre", "Nota"],
        [["María", LINK], ["+1", long.as_str()]],
    )
    .unwrap();
    // Rows as the vault holds them: owned strings under a header of &str.
    let events: Vec<Vec<String>> = vec![vec!["2019-03-04".to_owned()]];
    xlsx.sheet_with_rows("Eventos", &["Fecha"], events).unwrap();
    xlsx.finish(Vec::new()).unwrap()
}

/// A part of the XLSX zip, as text.
fn part(xlsx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(xlsx)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn an_xlsx_export_writes_strings_never_formulas() {
    let bytes = two_sheets();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    assert_eq!(book.sheet_names(), ["Personas", "Eventos"]);
    let range = book.worksheet_range("Personas").unwrap();
    assert_eq!(range.get_value((1, 1)), Some(&Data::String(LINK.into())));
    assert_eq!(range.get_value((2, 0)), Some(&Data::String("+1".into())));
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(!sheet.contains("<f>") && !sheet.contains("<f "), "{sheet}");
    // The header bold, and kept in view.
    let styles = book.worksheet_style("Personas").unwrap();
    let bold = |row, column| {
        styles
            .get((row, column))
            .and_then(|s| s.font.as_ref())
            .is_some_and(calamine::Font::is_bold)
    };
    assert!(bold(0, 0) && bold(0, 1));
    assert!(!bold(1, 0));
    assert!(
        sheet.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "{sheet}"
    );
    // Columns fitted, the one with a 500-character cell capped.
    let widths: Vec<f64> = sheet
        .split("<col ")
        .skip(1)
        .filter_map(|col| {
            col.split("width=\"")
                .nth(1)?
                .split('"')
                .next()?
                .parse()
                .ok()
        })
        .collect();
    assert_eq!(widths.len(), 2, "{sheet}");
    assert!(widths[0] > 5.0 && widths[0] < 20.0, "{widths:?}");
    assert!(widths[1] > 30.0 && widths[1] <= 43.0, "{widths:?}");
}

#[test]
fn an_xlsx_export_reads_back_as_written() {
    let mut book = Workbook::open(two_sheets()).unwrap();
    let people = book.table("Personas").unwrap();
    assert_eq!(people.header, ["Nombre", "Nota"]);
    assert_eq!(people.rows[0].cells, ["María", LINK]);
    assert_eq!(people.rows[1].cells[0], "+1");
    let events = book
        .table_with("Eventos", crate::HeaderChoice::Row(1))
        .unwrap();
    assert_eq!(events.rows[0].cells, ["2019-03-04"]);
}

#[test]
fn an_xlsx_export_refuses_what_a_spreadsheet_cannot_hold() {
    let refused = |e: SheetError| match e {
        SheetError::Write { sheet, row, reason } => (sheet, row, reason),
        other => panic!("{other:?}"),
    };
    let mut xlsx = XlsxWriter::new();
    assert_eq!(
        refused(xlsx.row(&["x"]).unwrap_err()).2,
        "no sheet was started"
    );
    let e = xlsx.sheet("Familia/Pérez", &["a"]).unwrap_err();
    assert!(!e.to_string().contains("Pérez"), "{e}");
    assert_eq!(refused(e).0, 1);
    xlsx.sheet("Personas", &["a"]).unwrap();
    assert_eq!(
        refused(xlsx.sheet("PERSONAS", &["a"]).unwrap_err()),
        (2, 0, "another sheet has that name")
    );
    let secret = "Pérez ".repeat(6000);
    let e = xlsx.row(&["ok", secret.as_str()]).unwrap_err();
    assert!(!e.to_string().contains("Pérez"), "{e}");
    assert_eq!(
        refused(e),
        (
            1,
            2,
            "a cell is longer than a spreadsheet holds (32,767 characters)"
        )
    );
    // The sheet is still usable, and the workbook still written.
    xlsx.row(&["ok"]).unwrap();
    let bytes = xlsx.finish(Vec::new()).unwrap();
    assert_eq!(Workbook::open(bytes).unwrap().sheet_names(), ["Personas"]);
}
