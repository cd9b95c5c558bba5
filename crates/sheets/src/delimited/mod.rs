//! Delimited text: the delimiter sniffed among comma, semicolon, tab and
//! pipe (the one that splits the first lines into the same number of
//! cells), the encoding detected, the header guessed (title and blank rows
//! above it skipped) or chosen by the user, then the rows one by one, each
//! with the line it starts on. Memory does not grow with the row count.

mod lines;
mod sniff;
#[cfg(test)]
mod tests;

use std::io::{self, Cursor, Read};

use encoding_rs_io::{DecodeReaderBytes, DecodeReaderBytesBuilder};

use crate::encoding::{Detected, detect};
pub use crate::error::SheetError;
use crate::header::{Numbered, header_index};
pub use crate::table::Row;
use crate::table::{HeaderChoice, Preview};
use lines::Records;
use sniff::{records, sniff_delimiter};

/// The first bytes read to sniff the encoding, the delimiter and the
/// header row.
const SAMPLE_BYTES: usize = 64 * 1024;

/// What was found about a file before its rows were read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub detected: Detected,
    pub delimiter: u8,
    /// The line the header row is on (1-based): title and blank lines
    /// above it are skipped.
    pub header_line: u64,
}

/// The first rows of a delimited file, and what was found about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextPreview {
    pub detected: Detected,
    pub delimiter: u8,
    pub preview: Preview,
}

type Source<R> = DecodeReaderBytes<io::Chain<Cursor<Vec<u8>>, R>, Vec<u8>>;

/// A delimited file being read, row by row.
pub struct Delimited<R: Read> {
    layout: Layout,
    header: Vec<String>,
    records: Records<Source<R>>,
}

impl<R: Read> std::fmt::Debug for Delimited<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Delimited")
            .field("layout", &self.layout)
            .field("columns", &self.header.len())
            .finish_non_exhaustive()
    }
}

/// A file's first bytes, what they tell, and the file from its start.
struct Sniffed<R: Read> {
    detected: Detected,
    delimiter: u8,
    /// The sample's first records, to guess the header from.
    sample: Vec<Numbered>,
    records: Records<Source<R>>,
}

fn sniffed<R: Read>(mut source: R) -> Result<Sniffed<R>, SheetError> {
    let mut bytes = Vec::with_capacity(SAMPLE_BYTES);
    (&mut source)
        .take(SAMPLE_BYTES as u64)
        .read_to_end(&mut bytes)
        .map_err(|e| SheetError::io(0, e))?;
    let detected = detect(&bytes);
    let (text, _, _) = detected.encoding.decode(&bytes);
    // The last line of a cut sample may be partial: leave it out.
    let complete = if bytes.len() == SAMPLE_BYTES {
        text.rfind('\n').map_or(&text[..], |end| &text[..end])
    } else {
        &text[..]
    };
    let delimiter = sniff_delimiter(complete);
    let sample = records(complete, delimiter);
    let decoded = DecodeReaderBytesBuilder::new()
        .encoding(Some(detected.encoding))
        .bom_override(true)
        .build(Cursor::new(bytes).chain(source));
    let records = Records::new(decoded, delimiter);
    Ok(Sniffed {
        detected,
        delimiter,
        sample,
        records,
    })
}

/// The line [`HeaderChoice::Guess`] takes for the header among `sample`.
fn guessed(sample: &[Numbered]) -> Option<u64> {
    header_index(sample).map(|i| sample[i].0)
}

impl<R: Read> Delimited<R> {
    /// Sniffs `source` and positions it after its header row, guessed.
    ///
    /// # Errors
    /// Reading fails ([`SheetError::Io`]); no row looks like a header
    /// ([`SheetError::NoHeader`]); a row above the header is not
    /// delimited text ([`SheetError::Malformed`]).
    pub fn new(source: R) -> Result<Self, SheetError> {
        Self::with_header(source, HeaderChoice::Guess)
    }

    /// Sniffs `source` and positions it after the header `choice` names:
    /// guessed, or on the line a user chose from [`Delimited::preview`]
    /// (a line a row starts on, as the preview numbers them).
    ///
    /// # Errors
    /// As [`Delimited::new`]; and, for a chosen line, no row starts on it,
    /// it is blank or the file ends before it ([`SheetError::HeaderRow`]).
    pub fn with_header(source: R, choice: HeaderChoice) -> Result<Self, SheetError> {
        let Sniffed {
            detected,
            delimiter,
            sample,
            mut records,
        } = sniffed(source)?;
        let header_line = match choice {
            HeaderChoice::Guess => guessed(&sample).ok_or(SheetError::NoHeader {
                searched: sample.len() as u64,
            })?,
            HeaderChoice::Row(0) => {
                return Err(SheetError::HeaderRow {
                    row: 0,
                    reason: "rows are numbered from 1",
                });
            }
            HeaderChoice::Row(row) => row,
        };
        let chosen = |reason| SheetError::HeaderRow {
            row: header_line,
            reason,
        };
        let header = loop {
            match records.next().transpose()? {
                Some((line, _)) if line < header_line => {}
                Some((line, _)) if line > header_line => {
                    return Err(chosen(
                        "no row starts on that line (it is blank, or inside a quoted cell)",
                    ));
                }
                Some((_, cells)) if cells.iter().all(String::is_empty) => {
                    return Err(chosen("the row is blank"));
                }
                Some((_, cells)) => break cells,
                None => return Err(chosen("the file ends before that row")),
            }
        };
        Ok(Self {
            layout: Layout {
                detected,
                delimiter,
                header_line,
            },
            header,
            records,
        })
    }

    /// The first `rows` rows with a value in them, as written, and the
    /// line the header would be guessed on: for a user to choose the
    /// header ([`HeaderChoice::Row`]). Read the file again, from its
    /// start, with [`Delimited::with_header`].
    ///
    /// # Errors
    /// Reading fails ([`SheetError::Io`]); a row among them is not
    /// delimited text ([`SheetError::Malformed`]).
    pub fn preview(source: R, rows: usize) -> Result<TextPreview, SheetError> {
        let Sniffed {
            detected,
            delimiter,
            sample,
            records,
        } = sniffed(source)?;
        let mut reader = Self {
            layout: Layout {
                detected,
                delimiter,
                header_line: 0,
            },
            header: Vec::new(),
            records,
        };
        let rows = reader.by_ref().take(rows).collect::<Result<_, _>>()?;
        Ok(TextPreview {
            detected,
            delimiter,
            preview: Preview {
                guessed_header: guessed(&sample),
                rows,
            },
        })
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// The header's cells, as written (trimmed).
    pub fn header(&self) -> &[String] {
        &self.header
    }
}

impl<R: Read> Iterator for Delimited<R> {
    type Item = Result<Row, SheetError>;

    /// The next row with a value in it (blank rows are skipped).
    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.records.next()? {
                Ok((_, cells)) if cells.iter().all(String::is_empty) => {}
                Ok((line, cells)) => return Some(Ok(Row { line, cells })),
                Err(e) => return Some(Err(e)),
            }
        }
    }
}
