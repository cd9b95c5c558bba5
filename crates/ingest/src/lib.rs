//! Evidence ingest: turns original files into stored originals plus the
//! text of every page, with enough provenance to cite a page in court.
//!
//! - [`detect`] sniffs a file's kind; [`extract`] reads its text (PDF text
//!   layer or OCR, images, email, Outlook `.msg` and mbox, ZIP archives,
//!   office documents through a PDF rendition, HTML, plain text) without ever
//!   failing as a whole; [`pipeline`] walks paths, runs files in parallel
//!   and records each one in the vault in one transaction.
//! - External tools ([`tools`]) get bytes through pipes, under time,
//!   memory and output limits: nothing derived touches the disk (LibreOffice,
//!   which needs files, works on a memory file system: [`office`]).

pub mod archive;
pub mod bates;
pub mod capture;
pub mod dates;
pub mod detect;
pub mod email;
pub mod extract;
pub mod html;
pub mod ocr;
pub mod office;
pub mod outlook;
pub mod pdf;
pub mod pipeline;
pub mod quality;
pub mod received;
pub mod redact;
pub mod render;
pub mod shapes;
pub mod tiff;
pub mod tools;
pub mod unreadable;
pub mod words;

pub use detect::FileKind;
pub use extract::{ExtractOptions, Extracted, extract};
pub use ocr::OcrLanguages;
pub use pipeline::{FileOutcome, FileReport, IngestOptions, IngestSummary, ingest};
pub use received::{HEAD_BYTES, Received, ingest_received};
pub use unreadable::{IoProblem, Unreadable};
