//! Spreadsheets as groups keep them, row by row: delimited text (comma,
//! semicolon, tab or pipe, sniffed) in UTF-8 or a legacy encoding
//! (Windows-1252, Latin-1…, detected), with title and blank rows above the
//! header found and skipped. Rows are read as a stream: memory does not
//! grow with the row count.
//!
//! This crate knows nothing of the records: mapping columns and values to
//! people, groups and events is the import's work.

pub mod dates;
pub mod delimited;
pub mod encoding;
mod error;
mod header;
mod table;
pub mod workbook;
pub mod write;

pub use dates::{CellDate, DateOrder, read_date};
pub use delimited::{Delimited, Layout, TextPreview};
pub use encoding::{Detected, detect};
pub use error::SheetError;
pub use table::{HeaderChoice, Preview, Row, Table, TableHead};
pub use workbook::{SheetRows, Workbook};
pub use write::{CsvWriter, XlsxWriter, neutralise_cell, restore_cell};
