//! A sheet's rows one by one: an XLSX sheet streamed cell by cell from its
//! XML (memory does not grow with its rows), any other sheet from the
//! range `calamine` reads whole.

use calamine::{Data, Range, XlsxCellReader};

use super::Source;
use super::cells::{text, text_ref};
use crate::error::SheetError;
use crate::header::Numbered;
use crate::table::Row;

/// Rows with a value in them, numbered 1-based, `cells[0]` being column A.
pub(crate) enum RawRows<'a> {
    Stream(Box<Stream<'a>>),
    Whole {
        range: Range<Data>,
        /// The next of `range`'s rows, relative to its start.
        next: usize,
    },
}

/// An XLSX sheet's cells, gathered into rows.
pub(crate) struct Stream<'a> {
    cells: XlsxCellReader<'a, Source>,
    /// A cell read past the end of the row before it: (row, column, text).
    pending: Option<(u32, u32, String)>,
    /// The last row a cell was read on (1-based), for errors.
    line: u64,
    /// The sheet's cells are all read (or could not be).
    done: bool,
}

impl<'a> RawRows<'a> {
    pub(crate) fn stream(cells: XlsxCellReader<'a, Source>) -> Self {
        RawRows::Stream(Box::new(Stream {
            cells,
            pending: None,
            line: 0,
            done: false,
        }))
    }

    pub(crate) fn whole(range: Range<Data>) -> Self {
        RawRows::Whole { range, next: 0 }
    }
}

impl Iterator for RawRows<'_> {
    type Item = Result<Numbered, SheetError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            RawRows::Stream(stream) => stream.next(),
            RawRows::Whole { range, next } => loop {
                let (first_row, first_column) = range.start()?;
                if *next >= range.height() {
                    return None;
                }
                let at = *next;
                *next += 1;
                let mut cells = vec![String::new(); first_column as usize];
                cells.extend(
                    (0..range.width()).map(|c| range.get((at, c)).map_or_else(String::new, text)),
                );
                if cells.iter().any(|c| !c.is_empty()) {
                    return Some(Ok((u64::from(first_row) + at as u64 + 1, cells)));
                }
            },
        }
    }
}

impl Stream<'_> {
    /// The next cell (row, column, text), or `None` past the sheet's end.
    fn cell(&mut self) -> Result<Option<(u32, u32, String)>, SheetError> {
        if let Some(cell) = self.pending.take() {
            return Ok(Some(cell));
        }
        if self.done {
            return Ok(None);
        }
        match self.cells.next_cell() {
            Ok(Some(cell)) => {
                let (row, column) = cell.get_position();
                self.line = u64::from(row) + 1;
                Ok(Some((row, column, text_ref(cell.get_value()))))
            }
            Ok(None) => {
                self.done = true;
                Ok(None)
            }
            Err(e) => {
                self.done = true;
                Err(SheetError::from_xlsx(self.line, e))
            }
        }
    }

    /// The next row's cells, or `None` past the sheet's end.
    fn row(&mut self) -> Result<Option<Numbered>, SheetError> {
        let Some((row, column, value)) = self.cell()? else {
            return Ok(None);
        };
        let mut cells = Vec::new();
        put(&mut cells, column, value);
        while let Some((next_row, column, value)) = self.cell()? {
            if next_row != row {
                self.pending = Some((next_row, column, value));
                break;
            }
            put(&mut cells, column, value);
        }
        Ok(Some((u64::from(row) + 1, cells)))
    }
}

impl Iterator for Stream<'_> {
    type Item = Result<Numbered, SheetError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.row().transpose()? {
                Ok(row) if row.1.iter().all(String::is_empty) => {}
                read => return Some(read),
            }
        }
    }
}

/// Sets column `column` of `cells` (calamine keeps columns within a
/// sheet's 16,384).
fn put(cells: &mut Vec<String>, column: u32, value: String) {
    let column = column as usize;
    if cells.len() <= column {
        cells.resize(column + 1, String::new());
    }
    cells[column] = value;
}

/// A sheet's rows below its header, one by one.
pub struct SheetRows<'a> {
    /// Rows read while looking for the header, below it.
    pub(super) queued: std::vec::IntoIter<Numbered>,
    pub(super) raw: RawRows<'a>,
}

impl std::fmt::Debug for SheetRows<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let streamed = matches!(self.raw, RawRows::Stream(_));
        f.debug_struct("SheetRows")
            .field("streamed", &streamed)
            .finish_non_exhaustive()
    }
}

impl Iterator for SheetRows<'_> {
    type Item = Result<Row, SheetError>;

    /// The next row with a value in it (blank rows are skipped). After an
    /// error the sheet cannot be read further: the iterator ends.
    fn next(&mut self) -> Option<Self::Item> {
        let (line, cells) = match self.queued.next() {
            Some(row) => row,
            None => match self.raw.next()? {
                Ok(row) => row,
                Err(e) => return Some(Err(e)),
            },
        };
        Some(Ok(Row { line, cells }))
    }
}
