//! What kind of file is this? By its first bytes, then by its name.

/// The kinds of file ingest knows how to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Png,
    Jpeg,
    Tiff,
    Gif,
    Bmp,
    Webp,
    Email,
    Mbox,
    Html,
    Text,
    /// Stored byte-exact, but no text can be read from it.
    Unsupported,
}

impl FileKind {
    /// The IANA media type recorded for the original.
    pub fn media_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Png => "image/png",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Tiff => "image/tiff",
            FileKind::Gif => "image/gif",
            FileKind::Bmp => "image/bmp",
            FileKind::Webp => "image/webp",
            FileKind::Email => "message/rfc822",
            FileKind::Mbox => "application/mbox",
            FileKind::Html => "text/html",
            FileKind::Text => "text/plain",
            FileKind::Unsupported => "application/octet-stream",
        }
    }

    pub fn is_image(self) -> bool {
        matches!(
            self,
            FileKind::Png
                | FileKind::Jpeg
                | FileKind::Tiff
                | FileKind::Gif
                | FileKind::Bmp
                | FileKind::Webp
        )
    }
}

/// Sniffs a file's kind from its content first (names lie, especially
/// attachment names), then from its name.
pub fn sniff(bytes: &[u8], file_name: Option<&str>) -> FileKind {
    let ext = file_name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    // A PDF header may come after some junk (allowed within the first KiB).
    let head = &bytes[..bytes.len().min(1024)];
    if find(head, b"%PDF-").is_some() {
        return FileKind::Pdf;
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return FileKind::Png;
    }
    if bytes.starts_with(b"\xff\xd8\xff") {
        return FileKind::Jpeg;
    }
    if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        return FileKind::Tiff;
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return FileKind::Gif;
    }
    if bytes.starts_with(b"BM") && matches!(ext.as_str(), "bmp" | "dib") {
        return FileKind::Bmp;
    }
    if bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return FileKind::Webp;
    }
    if !looks_textual(bytes) {
        return FileKind::Unsupported;
    }
    if ext == "mbox" || crate::email::looks_like_mbox(bytes) {
        return FileKind::Mbox;
    }
    if ext == "eml" || crate::email::looks_like_email(bytes) {
        return FileKind::Email;
    }
    if matches!(ext.as_str(), "html" | "htm" | "xhtml") || looks_like_html(head) {
        return FileKind::Html;
    }
    FileKind::Text
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// No NUL bytes and mostly printable in the first 8 KiB.
fn looks_textual(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return false;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    control * 100 <= head.len()
}

fn looks_like_html(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let text = text.trim_start_matches('\u{feff}').trim_start();
    text.starts_with("<!doctype html") || text.starts_with("<html") || text.contains("<body")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_before_the_name() {
        assert_eq!(sniff(b"%PDF-1.7\n...", Some("letter.txt")), FileKind::Pdf);
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n....", None), FileKind::Png);
        assert_eq!(sniff(b"II*\0....", Some("scan.pdf")), FileKind::Tiff);
        assert_eq!(sniff(b"<!DOCTYPE html><p>hola</p>", None), FileKind::Html);
        assert_eq!(
            sniff(b"just some notes\n", Some("notes.txt")),
            FileKind::Text
        );
        assert_eq!(
            sniff(b"PK\x03\x04\0\0binary", Some("a.docx")),
            FileKind::Unsupported
        );
    }
}
