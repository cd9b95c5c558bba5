//! XLSX exports through `rust_xlsxwriter`: one sheet or several, each a
//! bold header row kept in view (frozen) above rows of strings, columns as
//! wide as their content up to a cap.
//!
//! The workbook is built in memory and written to the caller's writer at
//! the end (`save_to_writer`): memory grows with the rows, and nothing is
//! written anywhere else. `rust_xlsxwriter` would keep rows in temporary
//! files only in its "constant memory" mode (the `constant_memory` feature
//! and `add_worksheet_with_constant_memory`, with `set_tempdir`), which
//! this crate neither enables nor calls.

use std::io::Write;

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::error::SheetError;

/// The widest a column is fitted to its content, in pixels (about 40
/// characters): longer cells wrap out of view rather than widen it.
const MAX_WIDTH_PIXELS: u32 = 300;
/// A spreadsheet's rows and columns.
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: usize = 16_384;
/// The longest cell, in UTF-16 units (as Excel counts its characters).
const MAX_CELL_UNITS: usize = 32_767;
const TOO_LONG: &str = "a cell is longer than a spreadsheet holds (32,767 characters)";

/// An XLSX workbook being written, sheet by sheet, row by row.
pub struct XlsxWriter {
    book: Workbook,
    header: Format,
    /// The names given, lowercased: a spreadsheet tells them apart
    /// regardless of case.
    names: Vec<String>,
    /// The last row written on the current sheet (the header is row 1).
    row: u64,
}

impl std::fmt::Debug for XlsxWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("XlsxWriter")
            .field("sheets", &self.names.len())
            .field("row", &self.row)
            .finish_non_exhaustive()
    }
}

impl Default for XlsxWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl XlsxWriter {
    pub fn new() -> Self {
        Self {
            book: Workbook::new(),
            header: Format::new().set_bold(),
            names: Vec::new(),
            row: 0,
        }
    }

    /// Starts a sheet named `name` with its `header`: the rows written
    /// next go to it.
    ///
    /// # Errors
    /// A name a spreadsheet does not take — blank, over 31 characters, with
    /// one of `[ ] : * ? / \`, starting or ending with `'`, or another
    /// sheet's — or a header of more than 16,384 columns
    /// ([`SheetError::Write`], row 0 or 1).
    pub fn sheet<S: AsRef<str>>(&mut self, name: &str, header: &[S]) -> Result<(), SheetError> {
        let sheet = self.names.len() + 1;
        let folded = name.to_lowercase();
        if self.names.contains(&folded) {
            return Err(SheetError::Write {
                sheet,
                row: 0,
                reason: "another sheet has that name",
            });
        }
        // Named before it joins the workbook: a name refused adds no sheet.
        let mut worksheet = Worksheet::new();
        worksheet
            .set_name(name)
            .map_err(|e| refused(sheet, 0, &e))?
            .set_freeze_panes(1, 0)
            .map_err(|e| refused(sheet, 1, &e))?;
        self.book.push_worksheet(worksheet);
        self.names.push(folded);
        self.row = 0;
        let bold = self.header.clone();
        self.write(header, Some(&bold))
    }

    /// Writes one row on the current sheet, every cell a string (never a
    /// formula, whatever it starts with). A row refused is not written at
    /// all: the next one takes its place.
    ///
    /// # Errors
    /// No sheet started, a row past the 1,048,576th or a cell past the
    /// 16,384th column, a cell over 32,767 characters
    /// ([`SheetError::Write`], with the row).
    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> Result<(), SheetError> {
        self.write(cells, None)
    }

    /// Starts a sheet ([`XlsxWriter::sheet`]) and writes `rows` on it.
    ///
    /// # Errors
    /// As [`XlsxWriter::sheet`] and [`XlsxWriter::row`].
    pub fn sheet_with_rows<H, I, R, S>(
        &mut self,
        name: &str,
        header: &[H],
        rows: I,
    ) -> Result<(), SheetError>
    where
        H: AsRef<str>,
        I: IntoIterator<Item = R>,
        R: AsRef<[S]>,
        S: AsRef<str>,
    {
        self.sheet(name, header)?;
        rows.into_iter().try_for_each(|row| self.row(row.as_ref()))
    }

    fn write<S: AsRef<str>>(
        &mut self,
        cells: &[S],
        format: Option<&Format>,
    ) -> Result<(), SheetError> {
        let sheet = self.names.len();
        let row = self.row + 1;
        let fail = |reason| SheetError::Write { sheet, row, reason };
        if sheet == 0 {
            return Err(fail("no sheet was started"));
        }
        if row > MAX_ROWS {
            return Err(fail("past the last row a spreadsheet holds (1,048,576)"));
        }
        if cells.len() > MAX_COLUMNS {
            return Err(fail("past the last column a spreadsheet holds (16,384)"));
        }
        // Checked before any cell is written: a row is written whole or
        // not at all.
        if cells
            .iter()
            .any(|c| c.as_ref().encode_utf16().nth(MAX_CELL_UNITS).is_some())
        {
            return Err(fail(TOO_LONG));
        }
        let worksheet = self
            .book
            .worksheet_from_index(sheet - 1)
            .map_err(|e| refused(sheet, row, &e))?;
        #[allow(clippy::cast_possible_truncation)] // checked against the limits above
        let (at, columns) = ((row - 1) as u32, 0..cells.len() as u16);
        for (column, cell) in columns.zip(cells) {
            let written = match format {
                Some(format) => {
                    worksheet.write_string_with_format(at, column, cell.as_ref(), format)
                }
                None => worksheet.write_string(at, column, cell.as_ref()),
            };
            written.map_err(|e| refused(sheet, row, &e))?;
        }
        self.row = row;
        Ok(())
    }

    /// Fits the columns to their content and writes the workbook to `out`,
    /// then hands `out` back (to commit a private file, say). A workbook
    /// with no sheet started gets one, empty.
    ///
    /// # Errors
    /// Writing to `out` fails ([`SheetError::Io`], line 0); the workbook
    /// cannot be assembled ([`SheetError::Write`], sheet and row 0).
    pub fn finish<W: Write + Send>(mut self, mut out: W) -> Result<W, SheetError> {
        for worksheet in self.book.worksheets_mut() {
            worksheet.set_autofit_max_width(MAX_WIDTH_PIXELS).autofit();
        }
        match self.book.save_to_writer(&mut out) {
            Ok(()) => Ok(out),
            Err(XlsxError::IoError(e)) => Err(SheetError::io(0, e)),
            Err(e) => Err(refused(0, 0, &e)),
        }
    }
}

/// Why `rust_xlsxwriter` refused, in words that quote nothing given to it
/// (its messages may quote a sheet's name).
fn refused(sheet: usize, row: u64, e: &XlsxError) -> SheetError {
    let reason = match e {
        XlsxError::SheetnameCannotBeBlank(_) => "a sheet's name cannot be blank",
        XlsxError::SheetnameLengthExceeded(_) => "a sheet's name has 31 characters at most",
        XlsxError::SheetnameContainsInvalidCharacter(_) => {
            "a sheet's name cannot have any of [ ] : * ? / \\"
        }
        XlsxError::SheetnameStartsOrEndsWithApostrophe(_) => {
            "a sheet's name cannot start or end with '"
        }
        XlsxError::SheetnameReused(_) => "another sheet has that name",
        XlsxError::MaxStringLengthExceeded => TOO_LONG,
        XlsxError::RowColumnLimitError => "past the rows or columns a spreadsheet holds",
        XlsxError::IoError(_) | XlsxError::ZipError(_) => "the workbook could not be written",
        _ => "the workbook could not be assembled",
    };
    SheetError::Write { sheet, row, reason }
}
