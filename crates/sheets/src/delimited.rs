//! Delimited text: the delimiter sniffed among comma, semicolon, tab and
//! pipe (the one that splits the first lines into the same number of
//! cells), the encoding detected, title and blank rows above the header
//! skipped, then the rows one by one, each with the line it starts on.

use std::io::{self, Cursor, Read};

use encoding_rs_io::{DecodeReaderBytes, DecodeReaderBytesBuilder};

use crate::encoding::{Detected, detect};

/// The first bytes read to sniff the encoding, the delimiter and the
/// header row.
const SAMPLE_BYTES: usize = 64 * 1024;
/// Lines of the sample compared to choose a delimiter.
const SAMPLE_LINES: usize = 50;
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// What was found about a file before its rows were read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub detected: Detected,
    pub delimiter: u8,
    /// The line the header row is on (1-based): title and blank lines
    /// above it are skipped.
    pub header_line: u64,
}

/// One row below the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The line it starts on (1-based), as a spreadsheet numbers rows.
    pub line: u64,
    pub cells: Vec<String>,
}

/// Why a file could not be read (a row's own problems are the import's).
#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    #[error("the file could not be read: {0}")]
    Io(#[from] io::Error),
    #[error("the file has no row that looks like a header")]
    NoHeader,
    #[error("line {line}: {reason}")]
    Malformed { line: u64, reason: String },
}

type Source<R> = DecodeReaderBytes<io::Chain<Cursor<Vec<u8>>, R>, Vec<u8>>;

/// A delimited file being read, row by row.
pub struct Delimited<R: Read> {
    layout: Layout,
    header: Vec<String>,
    records: csv::StringRecordsIntoIter<Source<R>>,
}

impl<R: Read> std::fmt::Debug for Delimited<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Delimited")
            .field("layout", &self.layout)
            .field("columns", &self.header.len())
            .finish_non_exhaustive()
    }
}

impl<R: Read> Delimited<R> {
    /// Sniffs `source` and positions it after its header row.
    ///
    /// # Errors
    /// Reading fails; no row looks like a header.
    pub fn new(mut source: R) -> Result<Self, SheetError> {
        let mut sample = Vec::with_capacity(SAMPLE_BYTES);
        (&mut source)
            .take(SAMPLE_BYTES as u64)
            .read_to_end(&mut sample)?;
        let detected = detect(&sample);
        let (text, _, _) = detected.encoding.decode(&sample);
        // The last line of a cut sample may be partial: leave it out.
        let complete = if sample.len() == SAMPLE_BYTES {
            text.rfind('\n').map_or(&text[..], |end| &text[..end])
        } else {
            &text[..]
        };
        let delimiter = sniff_delimiter(complete);
        let header_line = header_line(complete, delimiter).ok_or(SheetError::NoHeader)?;
        let decoded = DecodeReaderBytesBuilder::new()
            .encoding(Some(detected.encoding))
            .bom_override(true)
            .build(Cursor::new(sample).chain(source));
        let mut records = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(decoded)
            .into_records();
        let header = loop {
            match records.next() {
                Some(Ok(record)) => {
                    let line = record.position().map_or(0, csv::Position::line);
                    if line >= header_line {
                        break record.iter().map(clean).collect();
                    }
                }
                Some(Err(e)) => return Err(malformed(&e)),
                None => return Err(SheetError::NoHeader),
            }
        };
        Ok(Self {
            layout: Layout {
                detected,
                delimiter,
                header_line,
            },
            header,
            records,
        })
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// The header's cells, as written (trimmed).
    pub fn header(&self) -> &[String] {
        &self.header
    }
}

impl<R: Read> Iterator for Delimited<R> {
    type Item = Result<Row, SheetError>;

    /// The next row with a value in it (blank rows are skipped).
    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let record = match self.records.next()? {
                Ok(record) => record,
                Err(e) => return Some(Err(malformed(&e))),
            };
            let cells: Vec<String> = record.iter().map(clean).collect();
            if cells.iter().all(String::is_empty) {
                continue;
            }
            let line = record.position().map_or(0, csv::Position::line);
            return Some(Ok(Row { line, cells }));
        }
    }
}

fn clean(cell: &str) -> String {
    cell.trim().to_owned()
}

fn malformed(e: &csv::Error) -> SheetError {
    match e.kind() {
        csv::ErrorKind::Io(io) => SheetError::Io(io::Error::new(io.kind(), io.to_string())),
        _ => SheetError::Malformed {
            line: e.position().map_or(0, csv::Position::line),
            reason: e.to_string(),
        },
    }
}

/// The cells of each record of `text` split by `delimiter`.
fn records(text: &str, delimiter: u8) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .into_records()
        .take(SAMPLE_LINES)
        .filter_map(Result::ok)
        .map(|r| r.iter().map(clean).collect())
        .collect()
}

/// The delimiter that splits most sample lines into the same number (more
/// than one) of cells; a comma when none does.
fn sniff_delimiter(text: &str) -> u8 {
    DELIMITERS
        .into_iter()
        .map(|d| {
            let rows: Vec<usize> = records(text, d)
                .iter()
                .filter(|r| r.iter().any(|c| !c.is_empty()))
                .map(Vec::len)
                .collect();
            // The most common width and how many lines have it.
            let mut best = (0usize, 0usize);
            for &width in &rows {
                let count = rows.iter().filter(|&&w| w == width).count();
                if width > 1 && (count, width) > (best.1, best.0) {
                    best = (width, count);
                }
            }
            (d, best.1, best.0)
        })
        .max_by_key(|&(d, count, width)| (count, width, d == b','))
        .filter(|&(_, count, _)| count > 0)
        .map_or(b',', |(d, ..)| d)
}

/// The line of the header: the first row that fills at least half of the
/// widest row's cells, with more text than numbers (a title row fills one
/// cell; a blank row none).
fn header_line(text: &str, delimiter: u8) -> Option<u64> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let rows: Vec<(u64, Vec<String>)> = reader
        .records()
        .take(SAMPLE_LINES)
        .filter_map(Result::ok)
        .map(|r| {
            let line = r.position().map_or(0, csv::Position::line);
            (line, r.iter().map(clean).collect())
        })
        .collect();
    header_index(&rows).map(|i| rows[i].0)
}

/// Which of `rows` (numbered, cells trimmed) is the header: the first that
/// fills at least half of the widest row's cells (two at least), with more
/// text than numbers — a title row fills one cell, a blank row none.
pub(crate) fn header_index(rows: &[(u64, Vec<String>)]) -> Option<usize> {
    let widest = rows
        .iter()
        .map(|(_, cells)| cells.iter().filter(|c| !c.is_empty()).count())
        .max()?;
    rows.iter().position(|(_, cells)| {
        let filled: Vec<&String> = cells.iter().filter(|c| !c.is_empty()).collect();
        let texts = filled
            .iter()
            .filter(|c| c.chars().any(char::is_alphabetic))
            .count();
        filled.len() * 2 >= widest && filled.len() >= widest.min(2) && texts * 2 > filled.len()
    })
}

#[cfg(test)]
mod tests {
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
            Err(SheetError::NoHeader)
        ));
        assert!(matches!(
            Delimited::new(&b"1,2,3\n4,5,6\n"[..]),
            Err(SheetError::NoHeader)
        ));
    }
}
