//! What a reader hands over: rows numbered as the spreadsheet shows them,
//! a header, and a preview for choosing the header by hand.

/// One row with a value in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The line it starts on (1-based), as a spreadsheet numbers rows.
    pub line: u64,
    /// The cells, trimmed. In a workbook `cells[0]` is column A; a row may
    /// be shorter than the header (the cells past its end are empty).
    pub cells: Vec<String>,
}

/// Which row is the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HeaderChoice {
    /// Found among the first rows: title and blank rows above it are
    /// skipped (the first row that fills at least half of the widest
    /// row's cells, with more text than numbers).
    #[default]
    Guess,
    /// The header is on this row (1-based, as the spreadsheet shows): a
    /// user picked it from a [`Preview`].
    Row(u64),
}

/// A sheet's header, before its rows are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableHead {
    /// The sheet's row the header is on (1-based, as the spreadsheet
    /// shows); of a header on two rows, the lower one. Rows start below it.
    pub header_row: u64,
    /// The first row of the header: `header_row`, or the row above it
    /// when the header spans two rows (group cells merged over
    /// sub-headers, see [`crate::workbook`]).
    pub header_from: u64,
    /// The columns' names, trimmed.
    pub header: Vec<String>,
}

/// One sheet: its header and the rows below it.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The sheet's row the header is on (1-based, as the spreadsheet shows);
    /// of a header on two rows, the lower one.
    pub header_row: u64,
    /// The first row of the header (see [`TableHead::header_from`]).
    pub header_from: u64,
    pub header: Vec<String>,
    /// Rows with a value in them, numbered as the spreadsheet shows.
    pub rows: Vec<Row>,
}

/// The first rows of a sheet or file as they are written, so that a user
/// can see where the header is and choose it ([`HeaderChoice::Row`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// The row [`HeaderChoice::Guess`] takes for the header, if any.
    pub guessed_header: Option<u64>,
    /// The first rows with a value in them, each with its line, cells as
    /// written (a merged cell's value only in its first cell).
    pub rows: Vec<Row>,
}
