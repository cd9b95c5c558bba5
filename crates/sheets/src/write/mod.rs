//! Exports: a header and rows of text, as CSV ([`CsvWriter`]) or as an
//! XLSX workbook of one sheet or several ([`XlsxWriter`]), written to any
//! [`std::io::Write`] the caller gives (a private file, say): nothing is
//! written anywhere else, no temporary file either.
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a
//! formula ("CSV injection"). In CSV every cell goes through
//! [`neutralise_cell`]; in XLSX every cell is written as a string, which a
//! spreadsheet never runs.

mod csv;
#[cfg(test)]
mod tests;
mod xlsx;

use std::borrow::Cow;

pub use self::csv::CsvWriter;
pub use self::xlsx::XlsxWriter;

/// First characters that make a spreadsheet read a cell as a formula
/// (OWASP, "CSV injection"), and the quote that escapes them.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];
const ESCAPE: char = '\'';

fn needs_escape(first: Option<char>) -> bool {
    first.is_some_and(|c| c == ESCAPE || FORMULA_STARTS.contains(&c))
}

/// A cell as written to a CSV export: one `'` before a cell that starts
/// with `= + - @`, a tab or a carriage return, so that a spreadsheet shows
/// it as text instead of running it. A cell that starts with `'` gets one
/// too, so that [`restore_cell`] can undo exactly what was added. The
/// vault's CSV exports and imports use these two functions too.
pub fn neutralise_cell(cell: &str) -> Cow<'_, str> {
    if needs_escape(cell.chars().next()) {
        Cow::Owned(format!("{ESCAPE}{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A cell of a CSV export as it was before [`neutralise_cell`]: a leading
/// `'` is removed only before one of the escaped characters (or another
/// `'`); anything else is kept as written.
pub fn restore_cell(cell: &str) -> &str {
    match cell.strip_prefix(ESCAPE) {
        Some(rest) if needs_escape(rest.chars().next()) => rest,
        _ => cell,
    }
}
