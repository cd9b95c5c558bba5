use super::*;

fn read(bytes: &[u8]) -> (Layout, Vec<String>, Vec<Row>) {
    let sheet = Delimited::new(bytes).unwrap();
    let layout = sheet.layout().clone();
    let header = sheet.header().to_vec();
    let rows = sheet.collect::<Result<Vec<_>, _>>().unwrap();
    (layout, header, rows)
}

#[test]
fn a_windows_1252_sheet_with_semicolons_and_a_title_row() {
    let text = "Registro de incidentes 2019;;;\n\
                ;;;\n\
                Seudónimo;Fecha;Acción;Papel\n\
                María;03/04/2019;Notificación de comparecencia;Organizador/a\n\
                ;;;\n\
                \"Ana; la de Texas\";3 de marzo de 2019;Arresto;público anónimo\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let (layout, header, rows) = read(&bytes);
    assert_eq!(layout.delimiter, b';');
    assert_eq!(layout.detected.encoding, encoding_rs::WINDOWS_1252);
    assert_eq!(layout.header_line, 3);
    assert_eq!(header, ["Seudónimo", "Fecha", "Acción", "Papel"]);
    assert_eq!(rows.len(), 2, "the blank row is skipped");
    assert_eq!(rows[0].line, 4);
    assert_eq!(rows[0].cells[2], "Notificación de comparecencia");
    assert_eq!(rows[1].line, 6);
    assert_eq!(rows[1].cells[0], "Ana; la de Texas");
}

#[test]
fn tabs_pipes_commas_and_a_bom() {
    for (d, sep) in [(b'\t', "\t"), (b'|', "|"), (b',', ",")] {
        let text = format!(
            "\u{feff}name{sep}date{sep}state\nRosa{sep}2019-03-04{sep}TX\nLuis{sep}2019{sep}CA\n"
        );
        let (layout, header, rows) = read(text.as_bytes());
        assert_eq!(layout.delimiter, d, "{sep:?}");
        assert!(layout.detected.bom);
        assert_eq!(
            header,
            ["name", "date", "state"],
            "the BOM is not part of the header"
        );
        assert_eq!(rows[1].cells, ["Luis", "2019", "CA"]);
    }
}

#[test]
fn rows_stream_past_the_sample() {
    let mut text = String::from("id,fecha,lugar\n");
    for i in 0..20_000 {
        text.push_str(&format!("e-{i},2019-03-04,\"Adelanto, CA\"\n"));
    }
    assert!(text.len() > SAMPLE_BYTES * 4);
    let (_, _, rows) = read(text.as_bytes());
    assert_eq!(rows.len(), 20_000);
    assert_eq!(
        rows[19_999].cells,
        ["e-19999", "2019-03-04", "Adelanto, CA"]
    );
    assert_eq!(rows[19_999].line, 20_001);
}

#[test]
fn a_file_without_a_header_is_refused() {
    assert!(matches!(
        Delimited::new(&b""[..]),
        Err(SheetError::NoHeader { .. })
    ));
    assert!(matches!(
        Delimited::new(&b"1,2,3\n4,5,6\n"[..]),
        Err(SheetError::NoHeader { .. })
    ));
}

/// A title, a blank line and two header-like lines: the guess takes the
/// first; the user may choose the second, which the preview shows.
const TWO_CANDIDATES: &str = "Informe de la red\n\
                              \n\
                              Fuente,Región,Año\n\
                              Nombre,Fecha,Lugar\n\
                              Rosa,2019-03-04,\"Adelanto, CA\"\n\
                              \n\
                              Luis,2019-05-06,Otay Mesa\n";

#[test]
fn the_preview_shows_where_the_header_is() {
    let shown = Delimited::preview(TWO_CANDIDATES.as_bytes(), 3).unwrap();
    assert_eq!(shown.delimiter, b',');
    assert_eq!(shown.preview.guessed_header, Some(3));
    let lines: Vec<u64> = shown.preview.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [1, 3, 4], "blank lines are left out, numbers kept");
    assert_eq!(shown.preview.rows[0].cells, ["Informe de la red"]);
    // More rows asked than there are.
    let all = Delimited::preview(TWO_CANDIDATES.as_bytes(), 100).unwrap();
    assert_eq!(all.preview.rows.len(), 5);
    assert_eq!(all.preview.rows[3].cells[2], "Adelanto, CA");
    // A file whose header cannot be guessed still previews.
    let numbers = Delimited::preview(&b"1,2\n3,4\n"[..], 10).unwrap();
    assert_eq!(numbers.preview.guessed_header, None);
    assert_eq!(numbers.preview.rows.len(), 2);
}

#[test]
fn a_chosen_header_line() {
    let guessed = Delimited::new(TWO_CANDIDATES.as_bytes()).unwrap();
    assert_eq!(guessed.header(), ["Fuente", "Región", "Año"]);
    let chosen = Delimited::with_header(TWO_CANDIDATES.as_bytes(), HeaderChoice::Row(4)).unwrap();
    assert_eq!(chosen.layout().header_line, 4);
    assert_eq!(chosen.header(), ["Nombre", "Fecha", "Lugar"]);
    let rows = chosen.collect::<Result<Vec<_>, _>>().unwrap();
    assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [5, 7]);
    // A file with no header-like row can be read once the user chooses.
    let numbers = Delimited::with_header(&b"1,2\n3,4\n"[..], HeaderChoice::Row(1)).unwrap();
    assert_eq!(numbers.header(), ["1", "2"]);
    assert_eq!(numbers.count(), 1);
}

#[test]
fn a_chosen_line_that_cannot_be_the_header_is_refused() {
    let refused =
        |row, text: &str| match Delimited::with_header(text.as_bytes(), HeaderChoice::Row(row)) {
            Err(SheetError::HeaderRow { row: at, reason }) => {
                assert_eq!(at, row);
                reason
            }
            other => panic!("{other:?}"),
        };
    let not_a_row = "no row starts on that line (it is blank, or inside a quoted cell)";
    assert_eq!(refused(2, TWO_CANDIDATES), not_a_row);
    assert_eq!(refused(2, "a,b\n,\nc,d\n"), "the row is blank");
    assert_eq!(refused(40, TWO_CANDIDATES), "the file ends before that row");
    assert_eq!(refused(0, TWO_CANDIDATES), "rows are numbered from 1");
    // Line 3 is inside the quoted cell of the record starting on line 2.
    assert_eq!(
        refused(3, "nota,fecha\n\"dos\nlíneas\",2019\nx,y\n"),
        not_a_row
    );
}

#[test]
fn errors_name_the_line_not_the_cell() {
    let read: Vec<_> = lines::Records::new(&b"a,b\n\nMar\xffa,x\n"[..], b',').collect();
    let Err(e) = &read[1] else { panic!("{read:?}") };
    assert!(matches!(e, SheetError::Malformed { line: 3, .. }), "{e:?}");
    assert!(!e.to_string().contains("Mar"), "{e}");
}
