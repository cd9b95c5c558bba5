//! Documents that leave Testimonio for people to read.
//!
//! For now: [`text_pdf`], a small, dependency-free renderer of plain-text
//! letters to PDF (Letter size, the standard Helvetica font, so every PDF
//! reader and printer has it). Reports with charts and maps will live here
//! too.

pub mod text_pdf;
