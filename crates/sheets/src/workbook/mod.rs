//! Workbooks (XLSX, XLS, XLSB, ODS) through `calamine`: the sheets by
//! name, a preview of a sheet's first rows, then its header (guessed, with
//! title and blank rows above it skipped as in delimited text, or chosen
//! by the user) and its rows, every cell as text — a formula as its cached
//! value, a date as `YYYY-MM-DD`, a whole number without `.0`. `cells[0]`
//! is column A, as the spreadsheet letters them.
//!
//! **Rows.** An XLSX sheet is streamed from its XML, cell by cell: memory
//! does not grow with its rows (the file's bytes and its table of shared
//! strings are held, the sheet is not). XLS, XLSB and ODS sheets are read
//! whole by `calamine`, then handed over row by row. [`Workbook::rows`]
//! borrows the workbook; [`Workbook::into_rows`] gives rows that own it
//! (read by a thread of their own), for a caller that keeps them apart.
//!
//! **Merged header cells.** In XLSX and XLS a header cell merged across
//! columns names every column it spans. A header on two rows — group cells
//! merged across columns above sub-headers, e.g. "Evento" over B:C and
//! "Fecha", "Tipo" below — names those columns "Evento › Fecha" and
//! "Evento › Tipo"; a column with a name on one row only keeps it. The two
//! rows are taken as one header when the upper one has such merged cells
//! (not a single title over the whole header) and, outside the groups, no
//! column is named on both rows. `calamine` reports no merged cells for
//! ODS (nor XLSB): there a merged header cell names its first column only,
//! the columns it covers are unnamed, and two header rows are not joined.

mod cells;
mod owned;
mod rows;
#[cfg(test)]
mod tests;

use std::io::Cursor;
use std::sync::Arc;

use calamine::{Reader, Sheets, open_workbook_auto_from_rs};

use crate::error::SheetError;
use crate::header::{HEADER_SEARCH_ROWS, Merge, Numbered, compose, header_index};
use crate::table::HeaderChoice;
pub use crate::table::{Preview, Table, TableHead};
pub use owned::OwnedRows;
use rows::RawRows;
pub use rows::SheetRows;

/// A workbook's bytes, shared by the readers `calamine` tries in turn
/// (cloned without copying them).
#[derive(Clone)]
pub(crate) struct Bytes(Arc<Vec<u8>>);

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

pub(crate) type Source = Cursor<Bytes>;

/// An open workbook.
pub struct Workbook {
    inner: Sheets<Source>,
    names: Vec<String>,
}

impl std::fmt::Debug for Workbook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workbook")
            .field("sheets", &self.names.len())
            .finish_non_exhaustive()
    }
}

impl Workbook {
    /// Opens a workbook from its bytes (already decrypted in memory: an
    /// upload never becomes a plaintext file).
    ///
    /// # Errors
    /// Not a workbook `calamine` reads ([`SheetError::Malformed`], line 0).
    pub fn open(bytes: Vec<u8>) -> Result<Self, SheetError> {
        let inner = open_workbook_auto_from_rs(Cursor::new(Bytes(Arc::new(bytes))))
            .map_err(|e| SheetError::from_calamine(0, &e))?;
        let names = inner.sheet_names();
        Ok(Self { inner, names })
    }

    /// The sheets, in the workbook's order.
    pub fn sheet_names(&self) -> &[String] {
        &self.names
    }

    /// Sheet `name` as a table, its header guessed.
    ///
    /// # Errors
    /// As [`Workbook::rows`].
    pub fn table(&mut self, name: &str) -> Result<Table, SheetError> {
        self.table_with(name, HeaderChoice::Guess)
    }

    /// Sheet `name` as a table, its header where `choice` says.
    ///
    /// # Errors
    /// As [`Workbook::rows`]; and any error reading a row.
    pub fn table_with(&mut self, name: &str, choice: HeaderChoice) -> Result<Table, SheetError> {
        let (head, rows) = self.rows(name, choice)?;
        Ok(Table {
            header_row: head.header_row,
            header_from: head.header_from,
            header: head.header,
            rows: rows.collect::<Result<_, _>>()?,
        })
    }

    /// Sheet `name`'s header, where `choice` says, and its rows below it,
    /// one by one (blank rows skipped).
    ///
    /// # Errors
    /// No sheet of that name ([`SheetError::NoSheet`]); the sheet cannot be
    /// read ([`SheetError::Malformed`]); no header among its first rows
    /// ([`SheetError::NoHeader`]); a chosen row that is blank or past the
    /// sheet's end ([`SheetError::HeaderRow`]). An error reading a row
    /// below the header is the iterator's.
    pub fn rows(
        &mut self,
        name: &str,
        choice: HeaderChoice,
    ) -> Result<(TableHead, SheetRows<'_>), SheetError> {
        let merges = self.merges(name)?;
        let mut raw = self.raw_rows(name)?;
        let (head, queued) = match choice {
            HeaderChoice::Guess => guess(&mut raw, &merges)?,
            HeaderChoice::Row(row) => chosen(&mut raw, row, &merges)?,
        };
        let rows = SheetRows {
            queued: queued.into_iter(),
            raw,
        };
        Ok((head, rows))
    }

    /// Sheet `name`'s first `rows` rows with a value in them, as written,
    /// and the row the header would be guessed on: for a user to choose
    /// the header ([`HeaderChoice::Row`]).
    ///
    /// # Errors
    /// No sheet of that name ([`SheetError::NoSheet`]); the sheet cannot be
    /// read ([`SheetError::Malformed`]).
    pub fn preview(&mut self, name: &str, rows: usize) -> Result<Preview, SheetError> {
        let merges = self.merges(name)?;
        let raw = self.raw_rows(name)?;
        let mut head: Vec<Numbered> = raw
            .take(rows.max(HEADER_SEARCH_ROWS + 1))
            .collect::<Result<_, _>>()?;
        let guessed_header = header_index(&head[..head.len().min(HEADER_SEARCH_ROWS)])
            .map(|at| compose(&head, at, &merges, true).1.header_row);
        head.truncate(rows);
        let rows = head
            .into_iter()
            .map(|(line, cells)| crate::table::Row { line, cells })
            .collect();
        Ok(Preview {
            guessed_header,
            rows,
        })
    }

    fn check(&self, name: &str) -> Result<(), SheetError> {
        if self.names.iter().any(|n| n == name) {
            Ok(())
        } else {
            Err(SheetError::NoSheet {
                sheets: self.names.len(),
            })
        }
    }

    /// Sheet `name`'s merged cells, where `calamine` reports them.
    fn merges(&mut self, name: &str) -> Result<Vec<Merge>, SheetError> {
        self.check(name)?;
        let regions = match &mut self.inner {
            Sheets::Xlsx(book) => book
                .merge_cells_by_sheet_name(name)
                .map_err(|e| SheetError::from_xlsx(0, e))?,
            Sheets::Xls(book) => book
                .merge_cells_by_sheet_name(name)
                .map_err(|e| SheetError::from_calamine(0, &calamine::Error::Xls(e)))?,
            Sheets::Xlsb(_) | Sheets::Ods(_) => Vec::new(),
        };
        Ok(regions.iter().map(Merge::from).collect())
    }

    /// Sheet `name`'s rows as read: an XLSX sheet streamed, any other read
    /// whole.
    fn raw_rows(&mut self, name: &str) -> Result<RawRows<'_>, SheetError> {
        self.check(name)?;
        match &mut self.inner {
            Sheets::Xlsx(book) => book
                .worksheet_cells_reader(name)
                .map(RawRows::stream)
                .map_err(|e| SheetError::from_xlsx(0, e)),
            other => other
                .worksheet_range(name)
                .map(RawRows::whole)
                .map_err(|e| SheetError::from_calamine(0, &e)),
        }
    }
}

/// The header guessed among the first rows, and the rows read below it.
fn guess(
    raw: &mut RawRows<'_>,
    merges: &[Merge],
) -> Result<(TableHead, Vec<Numbered>), SheetError> {
    let mut head: Vec<Numbered> = raw
        .by_ref()
        .take(HEADER_SEARCH_ROWS)
        .collect::<Result<_, _>>()?;
    let at = header_index(&head).ok_or(SheetError::NoHeader {
        searched: head.len() as u64,
    })?;
    // The row below may be a sub-header row.
    if at + 1 == head.len()
        && let Some(row) = raw.next()
    {
        head.push(row?);
    }
    let (last, header) = compose(&head, at, merges, true);
    Ok((header, head.split_off(last + 1)))
}

/// The header on row `row`, and no row read below it.
fn chosen(
    raw: &mut RawRows<'_>,
    row: u64,
    merges: &[Merge],
) -> Result<(TableHead, Vec<Numbered>), SheetError> {
    let refused = |reason| SheetError::HeaderRow { row, reason };
    if row == 0 {
        return Err(refused("rows are numbered from 1"));
    }
    // The rows kept above it: the one above (a group row?) and those
    // merged cells over either start on.
    let keep_from = merges
        .iter()
        .filter(|m| m.has_row(row) || m.has_row(row - 1))
        .map(|m| u64::from(m.top) + 1)
        .fold(row - 1, u64::min);
    let mut kept: Vec<Numbered> = Vec::new();
    for read in raw.by_ref() {
        let (line, cells) = read?;
        if line >= keep_from {
            kept.push((line, cells));
        }
        if line >= row {
            break;
        }
    }
    match kept.last() {
        Some((line, _)) if *line == row => {}
        Some((line, _)) if *line > row => return Err(refused("the row is blank")),
        _ => return Err(refused("the sheet ends before that row")),
    }
    let (_, header) = compose(&kept, kept.len() - 1, merges, false);
    Ok((header, Vec::new()))
}
