//! Spreadsheets as groups keep them, read row by row, and exports written
//! back.
//!
//! **Reading.** Delimited text ([`Delimited`]: comma, semicolon, tab or
//! pipe, sniffed) in UTF-8 or a legacy encoding (Windows-1252, Latin-1…,
//! detected), and workbooks ([`Workbook`]: XLSX, XLS, XLSB, ODS through
//! `calamine`). The header is guessed — title and blank rows above it
//! skipped — or chosen by the user ([`HeaderChoice`]) from a preview of
//! the first rows ([`Preview`]); in XLSX and XLS a merged header cell
//! names every column it spans, and group cells merged over sub-headers
//! name their columns "Evento › Fecha" (see [`workbook`]). Rows come one
//! by one, numbered as the spreadsheet numbers them, every cell as text
//! (dates in workbooks as `YYYY-MM-DD`); memory does not grow with the
//! rows of delimited text or of an XLSX sheet, which are streamed (XLS,
//! XLSB and ODS sheets are read whole). Dates as people type them are read
//! by [`read_date`].
//!
//! **Writing.** Exports as CSV ([`CsvWriter`]) or XLSX ([`XlsxWriter`],
//! several sheets) to the caller's writer, with no temporary file; a cell
//! a spreadsheet would run as a formula is neutralised
//! ([`neutralise_cell`]) in CSV and written as a string in XLSX.
//!
//! **Errors** ([`SheetError`]) say where (line, row, sheet) and why, never
//! what a cell holds: values may be sensitive, and error text can reach a
//! log.
//!
//! This crate knows nothing of the records: mapping columns and values to
//! people, groups and events is the import's work.

pub mod dates;
pub mod delimited;
pub mod encoding;
mod error;
mod header;
mod table;
#[cfg(any(test, feature = "test-support"))]
pub mod testing;
pub mod workbook;
pub mod write;

pub use dates::{CellDate, DateOrder, read_date};
pub use delimited::{Delimited, Layout, TextPreview};
pub use encoding::{Detected, detect};
pub use error::SheetError;
pub use table::{HeaderChoice, Preview, Row, Table, TableHead};
pub use workbook::{OwnedRows, SheetRows, Workbook};
pub use write::{CsvWriter, XlsxWriter, neutralise_cell, restore_cell};
