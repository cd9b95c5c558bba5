//! Office documents — word processing (DOCX, ODT, RTF, DOC) and
//! spreadsheets (XLSX, ODS, XLS) — converted to PDF by LibreOffice
//! headless ([`convert`]), so that they get pages a court can cite.
//!
//! The PDF (the *rendition*) is stored as the original's one child
//! document and read by the PDF pipeline like any other (text layer
//! judged page by page, OCR where needed, page images, search): its pages
//! are fixed once stored, whatever a later LibreOffice or font would
//! paginate. A spreadsheet prints sheet after sheet, each page headed by
//! its sheet's name (LibreOffice's default page style), so a sheet's text
//! is found on pages that name it.
//!
//! Before LibreOffice sees a file, what can be told without it is: a ZIP
//! container (DOCX, XLSX, ODT, ODS) whose directory cannot be read is
//! damaged; an OOXML file encrypted into an OLE container, or an ODF file
//! whose manifest declares encryption, is password-protected. Either is
//! the file's `failed` status with that reason; LibreOffice is not run.

mod convert;
pub(crate) mod rendition;

use std::io::{Cursor, Read};

pub use convert::{ConvertError, memory_root};

/// The office formats read, by what they hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfficeFormat {
    Docx,
    Odt,
    Rtf,
    /// Word 97–2003 (an OLE compound file with a `WordDocument` stream).
    Doc,
    Xlsx,
    Ods,
    /// Excel 97–2003 (an OLE compound file with a `Workbook` stream).
    Xls,
}

impl OfficeFormat {
    pub fn media_type(self) -> &'static str {
        match self {
            OfficeFormat::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            OfficeFormat::Odt => "application/vnd.oasis.opendocument.text",
            OfficeFormat::Rtf => "application/rtf",
            OfficeFormat::Doc => "application/msword",
            OfficeFormat::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            OfficeFormat::Ods => "application/vnd.oasis.opendocument.spreadsheet",
            OfficeFormat::Xls => "application/vnd.ms-excel",
        }
    }

    /// The extension LibreOffice is given the file under (its own filter
    /// detection reads the content too).
    pub fn extension(self) -> &'static str {
        match self {
            OfficeFormat::Docx => "docx",
            OfficeFormat::Odt => "odt",
            OfficeFormat::Rtf => "rtf",
            OfficeFormat::Doc => "doc",
            OfficeFormat::Xlsx => "xlsx",
            OfficeFormat::Ods => "ods",
            OfficeFormat::Xls => "xls",
        }
    }

    pub fn is_spreadsheet(self) -> bool {
        matches!(
            self,
            OfficeFormat::Xlsx | OfficeFormat::Ods | OfficeFormat::Xls
        )
    }

    fn in_zip(self) -> bool {
        matches!(
            self,
            OfficeFormat::Docx | OfficeFormat::Xlsx | OfficeFormat::Odt | OfficeFormat::Ods
        )
    }
}

/// The office format of `bytes`, by content first: the ZIP members
/// `word/document.xml` and `xl/workbook.xml`, the ODF `mimetype` member,
/// `{\rtf`, the OLE streams `WordDocument` and `Workbook`; by the
/// extension `ext` (lowercase) only for a container that cannot be read
/// (so that a damaged DOCX is reported as one) or an encrypted one.
pub fn sniff(bytes: &[u8], ext: &str) -> Option<OfficeFormat> {
    let by_name = match ext {
        "docx" | "docm" => Some(OfficeFormat::Docx),
        "odt" => Some(OfficeFormat::Odt),
        "xlsx" | "xlsm" => Some(OfficeFormat::Xlsx),
        "ods" => Some(OfficeFormat::Ods),
        "doc" => Some(OfficeFormat::Doc),
        "xls" => Some(OfficeFormat::Xls),
        _ => None,
    };
    if bytes.starts_with(b"{\\rtf") {
        return Some(OfficeFormat::Rtf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let head = &bytes[..bytes.len().min(4096)];
        let odf = b"mimetypeapplication/vnd.oasis.opendocument.";
        if let Some(at) = find(head, odf) {
            let rest = &head[at + odf.len()..];
            if rest.starts_with(b"text") {
                return Some(OfficeFormat::Odt);
            }
            if rest.starts_with(b"spreadsheet") {
                return Some(OfficeFormat::Ods);
            }
            return None;
        }
        return match zip::ZipArchive::new(Cursor::new(bytes)) {
            Ok(zip) => {
                let names: Vec<String> = zip
                    .file_names()
                    .filter_map(Result::ok)
                    .map(std::borrow::Cow::into_owned)
                    .collect();
                let has = |name: &str| names.iter().any(|n| n == name);
                if has("word/document.xml") {
                    Some(OfficeFormat::Docx)
                } else if has("xl/workbook.xml") {
                    Some(OfficeFormat::Xlsx)
                } else {
                    None
                }
            }
            // Unreadable (cut short): an office file by its name, so that
            // it is reported as a damaged one.
            Err(_) => by_name.filter(|f| f.in_zip()),
        };
    }
    if bytes.starts_with(crate::outlook::OLE_MAGIC) {
        if crate::outlook::has_utf16_name(bytes, "WordDocument") {
            return Some(OfficeFormat::Doc);
        }
        if crate::outlook::has_utf16_name(bytes, "Workbook")
            || crate::outlook::has_utf16_name(bytes, "Book")
        {
            return Some(OfficeFormat::Xls);
        }
        // An encrypted DOCX or XLSX is an OLE file holding the package.
        if crate::outlook::has_utf16_name(bytes, "EncryptedPackage") {
            return by_name.or(Some(OfficeFormat::Docx));
        }
    }
    None
}

/// What is wrong with an office file before LibreOffice is asked, if
/// anything: a reason for its `failed` status.
pub fn refuse(bytes: &[u8], format: OfficeFormat) -> Option<String> {
    if bytes.starts_with(crate::outlook::OLE_MAGIC)
        && crate::outlook::has_utf16_name(bytes, "EncryptedPackage")
    {
        return Some(protected());
    }
    if !format.in_zip() {
        return None;
    }
    let mut zip = match zip::ZipArchive::new(Cursor::new(bytes)) {
        Ok(zip) => zip,
        Err(_) => {
            return Some(
                "damaged office document: its ZIP container cannot be read (cut short?)".into(),
            );
        }
    };
    if matches!(format, OfficeFormat::Odt | OfficeFormat::Ods) {
        let mut manifest = Vec::new();
        if let Ok(entry) = zip.by_name("META-INF/manifest.xml") {
            let _ = entry.take(1 << 20).read_to_end(&mut manifest);
        }
        if find(&manifest, b"encryption-data").is_some() {
            return Some(protected());
        }
    }
    None
}

fn protected() -> String {
    "password-protected (encrypted) office document: not read".into()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Converts an office document to PDF. See [`convert::to_pdf`].
///
/// # Errors
/// See [`ConvertError`].
pub fn to_pdf(
    bytes: &[u8],
    format: OfficeFormat,
    limits: crate::tools::Limits,
) -> Result<Vec<u8>, ConvertError> {
    convert::to_pdf(bytes, format, limits)
}

/// LibreOffice's version line, asked once per process (in the same
/// isolation as a conversion).
pub fn version() -> &'static str {
    convert::version()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, bytes) in entries {
            zip.start_file(*name, stored).unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn formats_are_told_by_content_before_name() {
        let docx = zip_of(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", b"<w:document/>"),
        ]);
        assert_eq!(sniff(&docx, "bin"), Some(OfficeFormat::Docx));
        let xlsx = zip_of(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("xl/workbook.xml", b"<workbook/>"),
        ]);
        assert_eq!(sniff(&xlsx, "docx"), Some(OfficeFormat::Xlsx));
        let ods = zip_of(&[(
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        )]);
        assert_eq!(sniff(&ods, ""), Some(OfficeFormat::Ods));
        let odp = zip_of(&[(
            "mimetype",
            b"application/vnd.oasis.opendocument.presentation",
        )]);
        assert_eq!(sniff(&odp, "odt"), None);
        assert_eq!(
            sniff(b"{\\rtf1\\ansi hola}", "txt"),
            Some(OfficeFormat::Rtf)
        );
        assert_eq!(sniff(&zip_of(&[("a.txt", b"x")]), "docx"), None);
        assert_eq!(sniff(b"just text", "docx"), None);
        assert_eq!(sniff(b"PK\x03\x04cut", "zip"), None);
    }

    #[test]
    fn a_cut_short_docx_is_damaged_and_an_encrypted_odt_protected() {
        let docx = zip_of(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", &[b'x'; 5000]),
        ]);
        let cut = &docx[..3000];
        assert_eq!(sniff(cut, "docx"), Some(OfficeFormat::Docx));
        assert!(refuse(cut, OfficeFormat::Docx).unwrap().contains("damaged"));
        assert_eq!(refuse(&docx, OfficeFormat::Docx), None);
        let odt = zip_of(&[
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            (
                "META-INF/manifest.xml",
                b"<manifest:file-entry><manifest:encryption-data/></manifest:file-entry>",
            ),
        ]);
        assert!(
            refuse(&odt, OfficeFormat::Odt)
                .unwrap()
                .contains("password-protected")
        );
    }
}
