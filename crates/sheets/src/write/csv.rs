//! CSV exports: comma-separated, quoted where a cell needs it, every cell
//! neutralised ([`super::neutralise_cell`]).

use std::io::Write;

use super::neutralise_cell;
use crate::error::SheetError;

/// A CSV file being written, row by row: memory does not grow with rows.
pub struct CsvWriter<W: Write> {
    inner: csv::Writer<W>,
    /// The last line written (the header is line 1).
    line: u64,
}

impl<W: Write> std::fmt::Debug for CsvWriter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CsvWriter")
            .field("line", &self.line)
            .finish_non_exhaustive()
    }
}

impl<W: Write> CsvWriter<W> {
    /// Starts a CSV file on `out` with its `header`, in UTF-8.
    ///
    /// # Errors
    /// Writing to `out` fails ([`SheetError::Io`], line 1).
    pub fn new<S: AsRef<str>>(out: W, header: &[S]) -> Result<Self, SheetError> {
        let mut writer = Self {
            inner: csv::Writer::from_writer(out),
            line: 0,
        };
        writer.row(header)?;
        Ok(writer)
    }

    /// As [`CsvWriter::new`], the file starting with a UTF-8 byte-order
    /// mark: Excel on Windows then reads accents right, where without it
    /// it takes the file for Windows-1252.
    ///
    /// # Errors
    /// Writing to `out` fails ([`SheetError::Io`], line 1).
    pub fn with_bom<S: AsRef<str>>(mut out: W, header: &[S]) -> Result<Self, SheetError> {
        out.write_all("\u{feff}".as_bytes())
            .map_err(|e| SheetError::io(1, e))?;
        Self::new(out, header)
    }

    /// Writes one row.
    ///
    /// # Errors
    /// Writing to the destination fails ([`SheetError::Io`], with the
    /// line).
    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> Result<(), SheetError> {
        self.line += 1;
        let cells: Vec<_> = cells.iter().map(|c| neutralise_cell(c.as_ref())).collect();
        self.inner
            .write_record(cells.iter().map(|c| c.as_bytes()))
            .map_err(|e| SheetError::from_csv(self.line, e))
    }

    /// Writes `rows` one by one.
    ///
    /// # Errors
    /// As [`CsvWriter::row`].
    pub fn rows<I, R, S>(&mut self, rows: I) -> Result<(), SheetError>
    where
        I: IntoIterator<Item = R>,
        R: AsRef<[S]>,
        S: AsRef<str>,
    {
        rows.into_iter().try_for_each(|row| self.row(row.as_ref()))
    }

    /// Flushes what is written and hands the destination back (to commit
    /// a private file, say).
    ///
    /// # Errors
    /// Flushing fails ([`SheetError::Io`], at the last line).
    pub fn finish(self) -> Result<W, SheetError> {
        let line = self.line;
        self.inner
            .into_inner()
            .map_err(|e| SheetError::io(line, e.into_error()))
    }
}
