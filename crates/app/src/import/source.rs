//! The file being imported: delimited text (read as a stream) or a
//! workbook (XLSX, XLS, ODS), told apart by their first bytes, not by
//! their names.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::PathBuf;
use std::sync::Arc;

use testimonio_sheets::{Delimited, HeaderChoice, Row, SheetError, Workbook};
use zeroize::Zeroizing;

use super::ImportError;

/// Where a sheet's bytes are. Either can be opened again (suggestions read
/// the first rows, the import all of them).
#[derive(Clone)]
pub enum SheetInput {
    /// A file the user named (their own input).
    Path(PathBuf),
    /// An upload, decrypted in memory from the blob store.
    Bytes(Arc<Zeroizing<Vec<u8>>>),
}

impl std::fmt::Debug for SheetInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SheetInput::Path(path) => f.debug_tuple("Path").field(path).finish(),
            SheetInput::Bytes(bytes) => write!(f, "Bytes({} bytes)", bytes.len()),
        }
    }
}

/// Rows below the header, one by one.
pub type Rows = Box<dyn Iterator<Item = Result<Row, SheetError>> + Send>;

/// An opened sheet.
pub struct OpenedSheet {
    /// The workbook's sheets; empty for delimited text.
    pub sheets: Vec<String>,
    /// The sheet read (workbooks).
    pub sheet: Option<String>,
    pub header_row: u64,
    pub header: Vec<String>,
    /// Delimited text: the encoding found and the delimiter.
    pub encoding: Option<&'static str>,
    pub delimiter: Option<char>,
    pub rows: Rows,
}

/// ZIP (XLSX, ODS) and OLE2 (XLS) signatures.
fn is_workbook(head: &[u8]) -> bool {
    head.starts_with(b"PK\x03\x04") || head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// Opens `input`; for a workbook, sheet `sheet` or the first one with a
/// header; the header on row `header_row`, or found.
///
/// # Errors
/// The file cannot be read, is no sheet, has no such sheet, or no header.
pub fn open(
    input: &SheetInput,
    sheet: Option<&str>,
    header_row: Option<u64>,
) -> Result<OpenedSheet, ImportError> {
    let choice = header_row.map_or(HeaderChoice::Guess, HeaderChoice::Row);
    match input {
        SheetInput::Path(path) => {
            let mut file = File::open(path).map_err(|_| ImportError::Unreadable)?;
            let mut head = [0u8; 4];
            let n = file.read(&mut head).map_err(|_| ImportError::Unreadable)?;
            let file = File::open(path).map_err(|_| ImportError::Unreadable)?;
            if is_workbook(&head[..n]) {
                let mut bytes = Zeroizing::new(Vec::new());
                BufReader::new(file)
                    .read_to_end(&mut bytes)
                    .map_err(|_| ImportError::Unreadable)?;
                workbook(&bytes, sheet, choice)
            } else {
                delimited(BufReader::with_capacity(256 * 1024, file), choice)
            }
        }
        SheetInput::Bytes(bytes) => {
            if is_workbook(bytes) {
                workbook(bytes, sheet, choice)
            } else {
                delimited(std::io::Cursor::new(SharedBytes(Arc::clone(bytes))), choice)
            }
        }
    }
}

/// Shared upload bytes as a reader source.
struct SharedBytes(Arc<Zeroizing<Vec<u8>>>);

impl AsRef<[u8]> for SharedBytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

fn delimited(
    source: impl Read + Send + 'static,
    choice: HeaderChoice,
) -> Result<OpenedSheet, ImportError> {
    let reader = Delimited::with_header(source, choice).map_err(ImportError::from_sheet)?;
    let layout = reader.layout().clone();
    let header = reader.header().to_vec();
    Ok(OpenedSheet {
        sheets: Vec::new(),
        sheet: None,
        header_row: layout.header_line,
        header,
        encoding: Some(layout.detected.encoding.name()),
        delimiter: Some(char::from(layout.delimiter)),
        rows: Box::new(reader),
    })
}

/// Rows looked at to tell whether a sheet has a header.
const HEADER_SEARCH: usize = 50;

fn workbook(
    bytes: &[u8],
    sheet: Option<&str>,
    choice: HeaderChoice,
) -> Result<OpenedSheet, ImportError> {
    let mut book = Workbook::open(bytes.to_vec()).map_err(ImportError::from_sheet)?;
    let sheets = book.sheet_names().to_vec();
    let name = match sheet {
        Some(name) if sheets.iter().any(|s| s == name) => name.to_owned(),
        Some(name) => {
            return Err(ImportError::UnknownSheet {
                sheet: name.to_owned(),
            });
        }
        None => {
            let mut found = None;
            for name in &sheets {
                let preview = book
                    .preview(name, HEADER_SEARCH)
                    .map_err(ImportError::from_sheet)?;
                if preview.guessed_header.is_some() {
                    found = Some(name.clone());
                    break;
                }
            }
            found.ok_or(ImportError::NoHeader)?
        }
    };
    let (head, rows) = book
        .into_rows(&name, choice)
        .map_err(ImportError::from_sheet)?;
    Ok(OpenedSheet {
        sheets,
        sheet: Some(name),
        header_row: head.header_row,
        header: head.header,
        encoding: None,
        delimiter: None,
        rows: Box::new(rows),
    })
}

/// The first `rows` rows of a file or sheet as written (title rows and
/// the header among them), and the row the header would be guessed on:
/// for a user to choose the header.
///
/// # Errors
/// As [`open`].
pub fn raw_rows(
    input: &SheetInput,
    sheet: Option<&str>,
    rows: usize,
) -> Result<testimonio_sheets::Preview, ImportError> {
    let bytes = match input {
        SheetInput::Path(path) => {
            let mut bytes = Zeroizing::new(Vec::new());
            File::open(path)
                .and_then(|f| BufReader::new(f).read_to_end(&mut bytes))
                .map_err(|_| ImportError::Unreadable)?;
            Arc::new(bytes)
        }
        SheetInput::Bytes(bytes) => Arc::clone(bytes),
    };
    if is_workbook(&bytes) {
        let mut book = Workbook::open(bytes.to_vec()).map_err(ImportError::from_sheet)?;
        let name = match sheet {
            Some(name) => name.to_owned(),
            None => book
                .sheet_names()
                .first()
                .cloned()
                .ok_or(ImportError::NoHeader)?,
        };
        book.preview(&name, rows).map_err(ImportError::from_sheet)
    } else {
        Delimited::preview(std::io::Cursor::new(SharedBytes(bytes)), rows)
            .map(|p| p.preview)
            .map_err(ImportError::from_sheet)
    }
}
