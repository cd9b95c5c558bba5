use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Worksheet};

use super::*;
use crate::table::Row;
use crate::testing::{ods_date, ods_row, ods_text};

/// A workbook of one sheet, "Hoja", as `build` writes it.
fn xlsx(build: impl FnOnce(&mut Worksheet) -> Result<(), rust_xlsxwriter::XlsxError>) -> Workbook {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Hoja").unwrap();
    build(sheet).unwrap();
    Workbook::open(book.save_to_buffer().unwrap()).unwrap()
}

fn lines(rows: &[Row]) -> Vec<u64> {
    rows.iter().map(|r| r.line).collect()
}

/// ICE's own FY2019 detention statistics (../shared/corpus): many
/// sheets, title rows above irregular headers.
#[test]
fn an_agency_workbook_nobody_here_wrote() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/spreadsheets/ice-fy19-detentionstats.xlsx");
    let mut book = Workbook::open(std::fs::read(path).expect("the corpus workbook")).unwrap();
    let names = book.sheet_names().to_vec();
    assert!(names.len() > 3, "{names:?}");
    let mut read = 0;
    for name in &names {
        let preview = book.preview(name, 5).unwrap();
        assert!(preview.rows.len() <= 5);
        let Ok(table) = book.table(name) else {
            assert_eq!(preview.guessed_header, None, "{name}");
            continue;
        };
        read += 1;
        assert_eq!(preview.guessed_header, Some(table.header_row), "{name}");
        assert!(table.header.iter().any(|h| !h.is_empty()), "{name}");
        assert!(
            table.rows.iter().all(|r| r.line > table.header_row),
            "{name}"
        );
        assert!(
            table
                .rows
                .iter()
                .all(|r| r.cells.iter().all(|c| !c.ends_with(".0"))),
            "{name}: whole numbers as written"
        );
        // The header chosen by hand on the row guessed reads the same.
        let chosen = book
            .table_with(name, HeaderChoice::Row(table.header_row))
            .unwrap();
        assert_eq!(chosen.header, table.header, "{name}");
        assert_eq!(chosen.rows, table.rows, "{name}");
    }
    assert!(
        read * 2 >= names.len(),
        "{read} of {} sheets had a header",
        names.len()
    );
}

#[test]
fn not_a_workbook_is_refused() {
    assert!(Workbook::open(b"PK\x03\x04 not really".to_vec()).is_err());
}

#[test]
fn an_unknown_sheet_is_refused_without_its_name() {
    let mut book = xlsx(|s| s.write_string(0, 0, "a").map(|_| ()));
    let e = book.table("Familia Pérez").unwrap_err();
    assert!(matches!(e, SheetError::NoSheet { sheets: 1 }), "{e:?}");
    assert!(!e.to_string().contains("Pérez"));
}

#[test]
fn cells_stream_as_text_row_by_row() {
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let mut book = xlsx(|s| {
        s.write_string(0, 1, "Registro de detenciones")?;
        // Row 2 blank; the header on row 3, from column B.
        s.write_string(2, 1, "Nombre")?;
        s.write_string(2, 2, "Fecha")?;
        s.write_string(2, 3, "Días")?;
        s.write_string(2, 4, "Total")?;
        s.write_string(3, 1, "  María ")?;
        s.write_datetime_with_format(3, 2, ExcelDateTime::from_ymd(2019, 3, 4)?, &date)?;
        s.write_number(3, 3, 3.0)?;
        s.write_formula(3, 4, Formula::new("=D4*2").set_result("6"))?;
        // Row 5 blank; row 6 has a value in its last column only.
        s.write_number(5, 4, 2.5)?;
        Ok(())
    });
    let (head, rows) = book.rows("Hoja", HeaderChoice::Guess).unwrap();
    assert!(format!("{rows:?}").contains("streamed: true"));
    assert_eq!((head.header_from, head.header_row), (3, 3));
    assert_eq!(head.header, ["", "Nombre", "Fecha", "Días", "Total"]);
    let rows = rows.collect::<Result<Vec<_>, _>>().unwrap();
    assert_eq!(lines(&rows), [4, 6]);
    assert_eq!(rows[0].cells, ["", "María", "2019-03-04", "3", "6"]);
    assert_eq!(rows[1].cells, ["", "", "", "", "2.5"]);
}

#[test]
fn a_header_chosen_from_the_preview() {
    let mut book = xlsx(|s| {
        s.write_string(0, 0, "Informe de la red")?;
        for (r, row) in [
            ["Fuente", "Región", "Año"],
            ["Nombre", "Fecha", "Lugar"],
            ["Rosa", "2019-03-04", "Adelanto"],
        ]
        .iter()
        .enumerate()
        {
            for (c, cell) in row.iter().enumerate() {
                s.write_string(r as u32 + 2, c as u16, *cell)?;
            }
        }
        Ok(())
    });
    let preview = book.preview("Hoja", 2).unwrap();
    assert_eq!(preview.guessed_header, Some(3));
    assert_eq!(lines(&preview.rows), [1, 3]);
    assert_eq!(preview.rows[0].cells, ["Informe de la red"]);
    assert_eq!(
        book.table("Hoja").unwrap().header,
        ["Fuente", "Región", "Año"]
    );
    let chosen = book.table_with("Hoja", HeaderChoice::Row(4)).unwrap();
    assert_eq!((chosen.header_from, chosen.header_row), (4, 4));
    assert_eq!(chosen.header, ["Nombre", "Fecha", "Lugar"]);
    assert_eq!(lines(&chosen.rows), [5]);
    for (row, reason) in [
        (2, "the row is blank"),
        (9, "the sheet ends before that row"),
        (0, "rows are numbered from 1"),
    ] {
        match book.table_with("Hoja", HeaderChoice::Row(row)) {
            Err(SheetError::HeaderRow {
                row: at,
                reason: why,
            }) => {
                assert_eq!((at, why), (row, reason));
            }
            other => panic!("row {row}: {other:?}"),
        }
    }
}

/// Row 1: "Nombre" merged down A1:A2, "Evento" merged across B1:C1,
/// "Notas" alone; row 2: "Fecha", "Tipo" under "Evento".
fn two_row_header() -> Workbook {
    let plain = Format::new();
    xlsx(|s| {
        s.merge_range(0, 0, 1, 0, "Nombre", &plain)?;
        s.merge_range(0, 1, 0, 2, "Evento", &plain)?;
        s.write_string(0, 3, "Notas")?;
        s.write_string(1, 1, "Fecha")?;
        s.write_string(1, 2, "Tipo")?;
        for (c, cell) in ["María", "2019-03-04", "Arresto", "—"].iter().enumerate() {
            s.write_string(2, c as u16, *cell)?;
        }
        Ok(())
    })
}

#[test]
fn a_group_merged_over_sub_headers_names_its_columns() {
    let mut book = two_row_header();
    let joined = ["Nombre", "Evento › Fecha", "Evento › Tipo", "Notas"];
    for choice in [HeaderChoice::Guess, HeaderChoice::Row(2)] {
        let table = book.table_with("Hoja", choice).unwrap();
        assert_eq!(table.header, joined, "{choice:?}");
        assert_eq!((table.header_from, table.header_row), (1, 2), "{choice:?}");
        assert_eq!(lines(&table.rows), [3]);
    }
    assert_eq!(book.preview("Hoja", 10).unwrap().guessed_header, Some(2));
    // The group row alone, chosen by hand: its merged cell names both
    // columns, and the sub-headers are a row.
    let top = book.table_with("Hoja", HeaderChoice::Row(1)).unwrap();
    assert_eq!(top.header, ["Nombre", "Evento", "Evento", "Notas"]);
    assert_eq!(lines(&top.rows), [2, 3]);
}

#[test]
fn a_merged_header_cell_names_the_columns_it_spans() {
    let plain = Format::new();
    let mut book = xlsx(|s| {
        s.merge_range(0, 0, 0, 3, "Registro 2019", &plain)?;
        s.write_string(1, 0, "Nombre")?;
        s.merge_range(1, 1, 1, 2, "Dirección", &plain)?;
        s.write_string(1, 3, "Fecha")?;
        for (c, cell) in ["Ana", "Calle 1", "Austin", "2019"].iter().enumerate() {
            s.write_string(2, c as u16, *cell)?;
        }
        Ok(())
    });
    let table = book.table("Hoja").unwrap();
    assert_eq!(table.header, ["Nombre", "Dirección", "Dirección", "Fecha"]);
    assert_eq!(
        (table.header_from, table.header_row),
        (2, 2),
        "the title is no group"
    );
    assert_eq!(table.rows[0].cells, ["Ana", "Calle 1", "Austin", "2019"]);
}

/// An ODS with a title row, "Evento" spanning two columns over "Fecha"
/// and "Tipo", a date cell and a number.
fn ods() -> Vec<u8> {
    crate::testing::ods(
        "Hoja",
        &[
            ods_row(&ods_text("Informe")),
            ods_row(""),
            ods_row(&format!(
                r#"{}<table:table-cell table:number-columns-spanned="2" office:value-type="string"><text:p>Evento</text:p></table:table-cell><table:covered-table-cell/>"#,
                ods_text("Nombre")
            )),
            ods_row(&format!(
                "<table:table-cell/>{}{}",
                ods_text("Fecha"),
                ods_text("Tipo")
            )),
            ods_row(&format!(
                r#"{}{}<table:table-cell office:value-type="float" office:value="3"><text:p>3</text:p></table:table-cell>"#,
                ods_text("María"),
                ods_date("2019-03-04", "04/03/2019")
            )),
        ],
    )
}

#[test]
fn an_ods_sheet_reads_its_header_and_rows_without_merges() {
    let mut book = Workbook::open(ods()).unwrap();
    assert_eq!(book.sheet_names(), ["Hoja"]);
    let table = book.table("Hoja").unwrap();
    assert_eq!(table.header_row, 3);
    // calamine reports no merged cells for ODS: "Evento" names its first
    // column only, and the row of sub-headers is read as a row.
    assert_eq!(table.header, ["Nombre", "Evento", ""]);
    assert_eq!(lines(&table.rows), [4, 5]);
    assert_eq!(table.rows[1].cells, ["María", "2019-03-04", "3"]);
    let (_, rows) = book.rows("Hoja", HeaderChoice::Row(4)).unwrap();
    assert!(format!("{rows:?}").contains("streamed: false"));
    assert_eq!(rows.count(), 1);
}
