//! Why a file could not be read or written. Every error says where (a
//! line, a row, a sheet's position) and why, never what a cell holds:
//! cell values may be sensitive, and an error's text can reach a log.

use std::io;

/// Why a file could not be read or written (a row's own problems, such as
/// a value that is no date, are the import's).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SheetError {
    /// Reading the source, or writing to the destination, failed.
    #[error("line {line}: the file could not be read or written: {source}")]
    Io {
        /// The last line read or written (1-based; 0 before the first).
        line: u64,
        source: io::Error,
    },
    /// No row among the first ones looks like a header.
    #[error("rows 1 to {searched}: no row looks like a header")]
    NoHeader {
        /// How many rows were looked at.
        searched: u64,
    },
    /// The header row the user chose cannot be the header.
    #[error("row {row}: {reason}")]
    HeaderRow {
        /// The row chosen (1-based, as the spreadsheet shows).
        row: u64,
        reason: &'static str,
    },
    /// The workbook has no sheet of the name asked for.
    #[error("the workbook's {sheets} sheets have none of that name")]
    NoSheet {
        /// How many sheets the workbook has.
        sheets: usize,
    },
    /// The file, or a row of it, is not what its format says.
    #[error("line {line}: {reason}")]
    Malformed {
        /// The line or row (1-based; 0 for the file as a whole).
        line: u64,
        reason: String,
    },
    /// An export could not be written as asked.
    #[error("sheet {sheet}, row {row}: {reason}")]
    Write {
        /// The sheet's position in the file (1-based).
        sheet: usize,
        /// The row (1-based: the header is row 1; 0 for the sheet itself).
        row: u64,
        reason: &'static str,
    },
}

impl SheetError {
    /// An I/O error at `line`.
    pub(crate) fn io(line: u64, source: io::Error) -> Self {
        SheetError::Io { line, source }
    }

    /// A `csv` error at `line`, told without the record's content.
    pub(crate) fn from_csv(at: u64, e: csv::Error) -> Self {
        match e.into_kind() {
            csv::ErrorKind::Io(source) => SheetError::Io { line: at, source },
            csv::ErrorKind::Utf8 { .. } => SheetError::Malformed {
                line: at,
                reason: "a cell is not valid text in the file's encoding".into(),
            },
            csv::ErrorKind::UnequalLengths { .. } => SheetError::Malformed {
                line: at,
                reason: "the row has another number of cells than the rows before it".into(),
            },
            _ => SheetError::Malformed {
                line: at,
                reason: "the row could not be read as delimited text".into(),
            },
        }
    }

    /// A `calamine` error at row `line`, told by its kind: some of
    /// calamine's messages quote what the file holds.
    pub(crate) fn from_calamine(line: u64, e: &calamine::Error) -> Self {
        SheetError::Malformed {
            line,
            reason: workbook_reason(e).into(),
        }
    }

    /// A `calamine` XLSX error at row `line` (see [`Self::from_calamine`]).
    pub(crate) fn from_xlsx(line: u64, e: calamine::XlsxError) -> Self {
        Self::from_calamine(line, &calamine::Error::Xlsx(e))
    }
}

/// Why `calamine` could not read a workbook, in words that quote nothing
/// of the file.
fn workbook_reason(e: &calamine::Error) -> &'static str {
    use calamine::{Error as E, OdsError as O, XlsError as S, XlsxError as X};
    match e {
        E::Xlsx(X::Password) | E::Ods(O::Password) | E::Xls(S::Password) => {
            "the workbook is protected by a password"
        }
        E::Xlsx(X::WorksheetNotFound(_) | X::NotAWorksheet(_))
        | E::Ods(O::WorksheetNotFound(_))
        | E::Xls(S::WorksheetNotFound(_)) => "the sheet could not be found in the workbook",
        E::Xlsx(X::Zip(_) | X::FileNotFound(_) | X::RelationshipNotFound)
        | E::Ods(O::Zip(_) | O::FileNotFound(_) | O::InvalidMime(_)) => {
            "the workbook's container is damaged or incomplete"
        }
        E::Xlsx(X::Xml(_) | X::XmlAttr(_) | X::XmlEof(_) | X::Encoding(_))
        | E::Ods(O::Xml(_) | O::XmlAttr(_) | O::Eof(_) | O::AttrError(_) | O::EncodingError(_)) => {
            "the sheet's XML is malformed"
        }
        E::Xlsx(X::ParseFloat(_) | X::ParseInt(_) | X::CellTAttribute(_) | X::CellError(_))
        | E::Ods(O::ParseFloat(_) | O::ParseInt(_) | O::ParseBool(_)) => {
            "a cell's value does not match its type"
        }
        E::Xlsx(
            X::RowNumberOverflow
            | X::ColumnNumberOverflow
            | X::DimensionCount(_)
            | X::Alphanumeric(_)
            | X::NumericColumn(_)
            | X::RangeWithoutColumnComponent
            | X::RangeWithoutRowComponent,
        ) => "a cell reference is out of range or malformed",
        E::Ods(O::CellLimitExceeded { .. }) => "the sheet has more cells than can be read",
        E::Io(_) | E::Xlsx(X::Io(_)) | E::Ods(O::Io(_)) | E::Xls(S::Io(_)) => {
            "the workbook's bytes could not be read"
        }
        E::Msg(_) => "not a workbook (XLSX, XLS, XLSB or ODS) that can be read",
        _ => "the workbook could not be read",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_quote_no_cell() {
        let e = SheetError::from_xlsx(7, calamine::XlsxError::CellError("Pérez".into()));
        let text = e.to_string();
        assert!(text.starts_with("line 7: "), "{text}");
        assert!(!text.contains("Pérez"), "{text}");
        let e = SheetError::from_calamine(
            0,
            &calamine::Error::Ods(calamine::OdsError::Mismatch {
                expected: "x",
                found: "María".into(),
            }),
        );
        assert!(!e.to_string().contains("María"));
    }
}
