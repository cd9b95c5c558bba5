//! ZIP archives: each entry becomes a child document, as an email's
//! attachments do, read in memory (nothing is unpacked to disk).
//!
//! An archive is hostile until read: entries beyond [`MAX_ENTRIES`], an
//! entry that inflates past [`MAX_RATIO`] times its compressed size (a zip
//! bomb), or past [`MAX_TOTAL_BYTES`] for the whole archive, an encrypted
//! entry, are not read; each is counted in the archive's detail by
//! number, never by name (a name is content). Names are labels only: an
//! absolute or `..` path is kept as its last component.

use std::io::{Cursor, Read};

/// Entries read from one archive at most.
pub const MAX_ENTRIES: usize = 1_000;
/// Bytes of all entries of one archive, uncompressed, at most.
pub const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;
/// How many times its compressed size an entry may inflate (beyond the
/// first MiB, which any entry may reach).
pub const MAX_RATIO: u64 = 100;
const FREE_BYTES: u64 = 1024 * 1024;

/// One entry read.
pub struct Entry {
    /// Its last path component, as a label.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What could be read of an archive.
pub struct Archive {
    pub entries: Vec<Entry>,
    /// Entries in the archive (files, not folders).
    pub files: usize,
    /// Why entries were not read, by entry number (from 1).
    pub problems: Vec<String>,
}

/// Whether `bytes` are a ZIP archive of files, not an office document
/// (DOCX, XLSX, ODT… are ZIP files too, told by their first entry).
pub fn is_archive(bytes: &[u8]) -> bool {
    if !bytes.starts_with(b"PK\x03\x04") {
        return false;
    }
    let office = [
        b"[Content_Types].xml".as_slice(),
        b"mimetypeapplication/vnd.oasis",
    ];
    let head = &bytes[..bytes.len().min(4096)];
    !office
        .iter()
        .any(|marker| head.windows(marker.len()).any(|w| w == *marker))
}

/// Reads the entries of a ZIP archive within the limits above.
///
/// # Errors
/// A file whose central directory cannot be read (not an archive, cut
/// short): the reason, without content.
pub fn read(bytes: &[u8]) -> Result<Archive, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a readable ZIP archive ({})", zip_reason(&e)))?;
    let mut archive = Archive {
        entries: Vec::new(),
        files: 0,
        problems: Vec::new(),
    };
    let mut total = 0u64;
    for i in 0..zip.len() {
        let number = i + 1;
        let mut entry = match zip.by_index(i) {
            Ok(entry) => entry,
            Err(e) => {
                archive
                    .problems
                    .push(format!("entry {number}: not read ({})", zip_reason(&e)));
                continue;
            }
        };
        if entry.is_dir() {
            continue;
        }
        archive.files += 1;
        if archive.entries.len() >= MAX_ENTRIES {
            continue;
        }
        if entry.encrypted() {
            archive
                .problems
                .push(format!("entry {number}: encrypted, not read"));
            continue;
        }
        // The declared size can lie: read at most what is allowed, and
        // one byte more to know it was exceeded.
        let allowed = (entry.compressed_size().saturating_mul(MAX_RATIO))
            .max(FREE_BYTES)
            .min(MAX_TOTAL_BYTES - total);
        let mut bytes = Vec::new();
        match (&mut entry).take(allowed + 1).read_to_end(&mut bytes) {
            Ok(_) if bytes.len() as u64 > allowed => {
                let reason = if allowed == MAX_TOTAL_BYTES - total {
                    "the archive's entries exceed the total size allowed"
                } else {
                    "it inflates more than 100 times its compressed size"
                };
                archive
                    .problems
                    .push(format!("entry {number}: not read, {reason}"));
                continue;
            }
            Ok(_) => {}
            Err(e) => {
                archive
                    .problems
                    .push(format!("entry {number}: not read ({})", io_reason(&e)));
                continue;
            }
        }
        total += bytes.len() as u64;
        // A name that is not text is only a label: the entry's number.
        let name = entry
            .name()
            .map_or_else(|_| format!("entry {number}"), |n| label(&n));
        archive.entries.push(Entry { name, bytes });
    }
    if archive.files > MAX_ENTRIES {
        archive.problems.push(format!(
            "{} entries not read: an archive is read up to {MAX_ENTRIES} entries",
            archive.files - MAX_ENTRIES
        ));
    }
    Ok(archive)
}

/// The last component of an entry's path: `../../etc/passwd` → `passwd`.
fn label(name: &str) -> String {
    let last = name
        .rsplit(['/', '\\'])
        .find(|part| !part.is_empty() && *part != "." && *part != "..")
        .unwrap_or("entry");
    last.chars().filter(|c| !c.is_control()).collect()
}

/// A ZIP error's kind, never a name from inside the archive.
fn zip_reason(e: &zip::result::ZipError) -> &'static str {
    match e {
        zip::result::ZipError::Io(_) => "read error",
        zip::result::ZipError::InvalidArchive(_) => "invalid archive",
        zip::result::ZipError::UnsupportedArchive(_) => "unsupported feature",
        zip::result::ZipError::FileNotFound => "entry missing",
        _ => "invalid archive",
    }
}

fn io_reason(e: &std::io::Error) -> &'static str {
    match e.kind() {
        std::io::ErrorKind::InvalidData => "damaged data",
        std::io::ErrorKind::UnexpectedEof => "cut short",
        _ => "read error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_its_last_component() {
        assert_eq!(label("../../etc/passwd"), "passwd");
        assert_eq!(label("/abs/path/carta.pdf"), "carta.pdf");
        assert_eq!(label("dir\\sub\\nota.txt"), "nota.txt");
        assert_eq!(label("../"), "entry");
        assert_eq!(label("a\u{7}b.txt"), "ab.txt");
    }
}
