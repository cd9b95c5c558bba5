//! Records numbered by the line they start on, as a spreadsheet numbers
//! its rows. `csv` skips blank lines without counting them in the
//! position it gives a record (the line where the blank lines began), and
//! counts a CRLF's line break only when it reads the next record; so the
//! bytes are watched on their way to `csv`, through the same states
//! `csv-core` goes through (fields, quotes, doubled quotes, terminators),
//! and the line each record starts on is noted.

use std::collections::VecDeque;
use std::io::{self, Read};

use crate::error::SheetError;

/// Where the bytes seen so far leave a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Between records: line breaks here are blank lines.
    StartRecord,
    StartField,
    InField,
    InQuoted,
    /// A quote inside a quoted field: the field's end, or the first of two.
    QuoteInQuoted,
}

/// A reader that notes the line each record starts on.
pub(super) struct Lines<R> {
    inner: R,
    delimiter: u8,
    state: State,
    /// The line the next byte is on (1-based).
    line: u64,
    /// Lines of records seen in the bytes but not yet taken.
    starts: VecDeque<u64>,
}

impl<R: Read> Lines<R> {
    pub(super) fn new(inner: R, delimiter: u8) -> Self {
        Self {
            inner,
            delimiter,
            state: State::StartRecord,
            line: 1,
            starts: VecDeque::new(),
        }
    }

    fn see(&mut self, byte: u8) {
        use State::*;
        let end = byte == b'\n' || byte == b'\r';
        if self.state == StartRecord && !end {
            self.starts.push_back(self.line);
            self.state = StartField;
        }
        self.state = match (self.state, byte) {
            (StartRecord, _) => StartRecord,
            (StartField, b'"') | (QuoteInQuoted, b'"') => InQuoted,
            (InQuoted, b'"') => QuoteInQuoted,
            (InQuoted, _) => InQuoted,
            (StartField | InField | QuoteInQuoted, b) if b == self.delimiter => StartField,
            (StartField | InField | QuoteInQuoted, _) if end => StartRecord,
            (StartField | InField | QuoteInQuoted, _) => InField,
        };
        if byte == b'\n' {
            self.line += 1;
        }
    }
}

impl<R: Read> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &byte in &buf[..n] {
            self.see(byte);
        }
        Ok(n)
    }
}

/// The records of a delimited text, each with the line it starts on.
pub(super) struct Records<R: Read> {
    records: csv::StringRecordsIntoIter<Lines<R>>,
    /// The line of the last record read, for errors that name none.
    last: u64,
}

impl<R: Read> Records<R> {
    pub(super) fn new(source: R, delimiter: u8) -> Self {
        let records = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(Lines::new(source, delimiter))
            .into_records();
        Self { records, last: 0 }
    }
}

impl<R: Read> Iterator for Records<R> {
    /// A record's line and its cells, trimmed.
    type Item = Result<(u64, Vec<String>), SheetError>;

    fn next(&mut self) -> Option<Self::Item> {
        let read = self.records.next()?;
        // A record that could not be read as text was still delimited.
        if read.is_ok() || read.as_ref().is_err_and(|e| !e.is_io_error()) {
            let starts = &mut self.records.reader_mut().get_mut().starts;
            self.last = starts.pop_front().unwrap_or(self.last);
        }
        Some(match read {
            Ok(record) => Ok((
                self.last,
                record.iter().map(|c| c.trim().to_owned()).collect(),
            )),
            Err(e) => Err(SheetError::from_csv(self.last, e)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<u64> {
        Records::new(text.as_bytes(), b',')
            .map(|r| r.unwrap().0)
            .collect()
    }

    #[test]
    fn records_are_numbered_as_a_spreadsheet_shows_them() {
        assert_eq!(lines("a,b\n\n\nc,d\n\"x\ny\",z\ne,f"), [1, 4, 5, 7]);
        assert_eq!(
            lines("a,b\r\n\r\n\r\nc,d\r\n\"x\r\ny\",z\r\ne,f\r\n"),
            [1, 4, 5, 7]
        );
        // Quotes inside an unquoted field are text; doubled ones in a
        // quoted field are one quote; a closed quote may be followed by
        // more of the field.
        assert_eq!(
            lines("5\" pantalla,b\n\"dijo \"\"hola\n\"\"\",c\n\"a\"b,\nd,e"),
            [1, 2, 4, 5]
        );
        let cells: Vec<_> = Records::new(&b"\"a\"b,c\n"[..], b',')
            .map(|r| r.unwrap().1)
            .collect();
        assert_eq!(cells, [["ab", "c"]]);
    }
}
