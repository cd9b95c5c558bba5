//! Workbooks (XLSX, XLS, ODS) through `calamine`: the sheets by name,
//! then one sheet's header row (title and blank rows above it skipped, as
//! in delimited text) and its rows, every cell as text — a formula as its
//! cached value, a date as `YYYY-MM-DD`, a whole number without `.0`.
//!
//! `calamine` reads a whole sheet into memory: a sheet, not the file's
//! rows as they stream, is the unit here.

use std::io::Cursor;

use calamine::{Data, Reader, Sheets, open_workbook_auto_from_rs};

use crate::delimited::{Row, SheetError, header_index};

/// Rows looked at to find the header.
const HEADER_SEARCH_ROWS: usize = 50;

/// An open workbook.
pub struct Workbook {
    inner: Sheets<Cursor<Vec<u8>>>,
    names: Vec<String>,
}

impl std::fmt::Debug for Workbook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workbook")
            .field("sheets", &self.names.len())
            .finish_non_exhaustive()
    }
}

/// One sheet: its header and the rows below it.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The sheet's row the header is on (1-based, as the spreadsheet shows).
    pub header_row: u64,
    pub header: Vec<String>,
    /// Rows with a value in them, numbered as the spreadsheet shows.
    pub rows: Vec<Row>,
}

impl Workbook {
    /// Opens a workbook from its bytes (already decrypted in memory: an
    /// upload never becomes a plaintext file).
    ///
    /// # Errors
    /// Not a workbook `calamine` reads.
    pub fn open(bytes: Vec<u8>) -> Result<Self, SheetError> {
        let inner =
            open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| SheetError::Malformed {
                line: 0,
                reason: e.to_string(),
            })?;
        let names = inner.sheet_names();
        Ok(Self { inner, names })
    }

    /// The sheets, in the workbook's order.
    pub fn sheet_names(&self) -> &[String] {
        &self.names
    }

    /// Sheet `name` as a table.
    ///
    /// # Errors
    /// An unknown or unreadable sheet; a sheet without a header row.
    pub fn table(&mut self, name: &str) -> Result<Table, SheetError> {
        let range = self
            .inner
            .worksheet_range(name)
            .map_err(|e| SheetError::Malformed {
                line: 0,
                reason: e.to_string(),
            })?;
        let first = range.start().map_or(0, |(row, _)| u64::from(row));
        let mut rows = range.rows().enumerate().map(|(i, cells)| {
            (
                first + i as u64 + 1,
                cells.iter().map(text).collect::<Vec<_>>(),
            )
        });
        let head: Vec<(u64, Vec<String>)> = rows.by_ref().take(HEADER_SEARCH_ROWS).collect();
        let at = header_index(&head).ok_or(SheetError::NoHeader)?;
        let (header_row, header) = head[at].clone();
        let rows = head
            .into_iter()
            .skip(at + 1)
            .chain(rows)
            .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()))
            .map(|(line, cells)| Row { line, cells })
            .collect();
        Ok(Table {
            header_row,
            header,
            rows,
        })
    }
}

/// A cell as text.
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.trim().to_owned(),
        Data::Int(n) => n.to_string(),
        #[allow(clippy::cast_possible_truncation)] // checked: whole and small
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => (*f as i64).to_string(),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => match d.as_datetime() {
            Some(at) if at.time() == chrono::NaiveTime::MIN => at.format("%Y-%m-%d").to_string(),
            Some(at) => at.format("%Y-%m-%dT%H:%M:%S").to_string(),
            None => d.as_f64().to_string(),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            let Ok(table) = book.table(name) else {
                continue;
            };
            read += 1;
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
}
