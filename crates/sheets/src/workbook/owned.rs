//! A sheet's rows for a caller that keeps them apart from the workbook
//! (a boxed, `'static` iterator): a thread of their own owns the workbook
//! and hands the rows over a bounded channel, so memory still does not
//! grow with the rows.

use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

use super::Workbook;
use crate::error::SheetError;
use crate::table::{HeaderChoice, Row, TableHead};

/// Rows read ahead of the caller, at most.
const ROWS_IN_FLIGHT: usize = 256;

enum Message {
    Row(Result<Row, SheetError>),
    /// Every row was sent.
    End,
}

/// A sheet's rows below its header, read by a thread that owns the
/// workbook ([`Workbook::into_rows`]). Dropping it stops the thread and
/// waits for it: the workbook's bytes are gone once it is dropped.
pub struct OwnedRows {
    rows: Option<Receiver<Message>>,
    thread: Option<JoinHandle<()>>,
    /// The last row handed over, for an error past it.
    line: u64,
    done: bool,
}

impl std::fmt::Debug for OwnedRows {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OwnedRows")
            .field("line", &self.line)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl Workbook {
    /// As [`Workbook::rows`], the rows owning the workbook: a thread reads
    /// them and hands them over a bounded channel.
    ///
    /// # Errors
    /// As [`Workbook::rows`]; the thread cannot be started
    /// ([`SheetError::Io`], line 0) or stops before it finds the header
    /// ([`SheetError::Malformed`], line 0).
    pub fn into_rows(
        self,
        name: &str,
        choice: HeaderChoice,
    ) -> Result<(TableHead, OwnedRows), SheetError> {
        let (head_tx, head_rx) = sync_channel(1);
        let (rows_tx, rows_rx) = sync_channel(ROWS_IN_FLIGHT);
        let name = name.to_owned();
        let thread = std::thread::Builder::new()
            .name("sheet-rows".into())
            .spawn(move || read(self, &name, choice, &head_tx, &rows_tx))
            .map_err(|e| SheetError::io(0, e))?;
        let mut rows = OwnedRows {
            rows: Some(rows_rx),
            thread: Some(thread),
            line: 0,
            done: false,
        };
        match head_rx.recv() {
            Ok(Ok(head)) => {
                rows.line = head.header_row;
                Ok((head, rows))
            }
            Ok(Err(e)) => Err(e),
            Err(_) => Err(SheetError::Malformed {
                line: 0,
                reason: "the sheet's reader stopped before finding the header".into(),
            }),
        }
    }
}

/// The thread's work: the header, then every row, then the end.
fn read(
    mut book: Workbook,
    name: &str,
    choice: HeaderChoice,
    head: &SyncSender<Result<TableHead, SheetError>>,
    rows: &SyncSender<Message>,
) {
    let (found, sheet) = match book.rows(name, choice) {
        Ok(read) => read,
        Err(e) => {
            let _ = head.send(Err(e));
            return;
        }
    };
    if head.send(Ok(found)).is_err() {
        return;
    }
    for row in sheet {
        // The receiver is gone: the caller stopped reading.
        if rows.send(Message::Row(row)).is_err() {
            return;
        }
    }
    let _ = rows.send(Message::End);
}

impl Iterator for OwnedRows {
    type Item = Result<Row, SheetError>;

    /// The next row with a value in it. Should the reading thread stop
    /// before the sheet's end, an error says so instead of the rows
    /// ending early.
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.rows.as_ref()?.recv() {
            Ok(Message::Row(row)) => {
                if let Ok(row) = &row {
                    self.line = row.line;
                }
                Some(row)
            }
            Ok(Message::End) => {
                self.done = true;
                None
            }
            Err(_) => {
                self.done = true;
                Some(Err(SheetError::Malformed {
                    line: self.line,
                    reason: "the sheet's reader stopped after this row, before the sheet's end"
                        .into(),
                }))
            }
        }
    }
}

impl Drop for OwnedRows {
    fn drop(&mut self) {
        // Closing the channel first makes the thread's next send fail.
        drop(self.rows.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workbook(rows: u32) -> Workbook {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet().set_name("Hoja").unwrap();
        sheet.write_string(0, 0, "Nombre").unwrap();
        sheet.write_string(0, 1, "Fila").unwrap();
        for r in 1..=rows {
            sheet.write_string(r, 0, format!("persona {r}")).unwrap();
            sheet.write_number(r, 1, f64::from(r)).unwrap();
        }
        Workbook::open(book.save_to_buffer().unwrap()).unwrap()
    }

    #[test]
    fn owned_rows_are_the_rows_and_can_be_boxed() {
        let table = workbook(1000).table("Hoja").unwrap();
        let (head, rows) = workbook(1000)
            .into_rows("Hoja", HeaderChoice::Guess)
            .unwrap();
        assert_eq!(head.header, table.header);
        let boxed: Box<dyn Iterator<Item = Result<Row, SheetError>> + Send + 'static> =
            Box::new(rows);
        let rows = boxed.collect::<Result<Vec<_>, _>>().unwrap();
        assert_eq!(rows, table.rows);
    }

    #[test]
    fn errors_before_the_rows_come_back_and_a_dropped_reader_stops() {
        let e = workbook(1)
            .into_rows("Otra", HeaderChoice::Guess)
            .unwrap_err();
        assert!(matches!(e, SheetError::NoSheet { sheets: 1 }), "{e:?}");
        // More rows than the channel holds, left unread: dropping joins
        // the thread, which gives up on its next send.
        let (_, mut rows) = workbook(2000)
            .into_rows("Hoja", HeaderChoice::Row(1))
            .unwrap();
        assert_eq!(rows.next().unwrap().unwrap().line, 2);
        drop(rows);
    }
}
