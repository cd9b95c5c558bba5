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
    /// An Outlook `.msg` message (an OLE compound file of MAPI properties).
    Outlook,
    Mbox,
    Html,
    Text,
    /// A word-processing document or a spreadsheet, read through its PDF
    /// rendition (LibreOffice).
    Office(crate::office::OfficeFormat),
    /// A ZIP archive of files (not an office document): its entries become
    /// child documents.
    Zip,
    /// A photo in a format OCR cannot read (HEIC, AVIF): stored, its
    /// capture metadata kept, no text.
    OtherImage(&'static str),
    /// A recording (a voice note, an interview): stored and listed, no text.
    Audio(&'static str),
    /// A video: stored and listed, no text.
    Video(&'static str),
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
            FileKind::Outlook => "application/vnd.ms-outlook",
            FileKind::Mbox => "application/mbox",
            FileKind::Html => "text/html",
            FileKind::Text => "text/plain",
            FileKind::Office(format) => format.media_type(),
            FileKind::Zip => "application/zip",
            FileKind::OtherImage(media) | FileKind::Audio(media) | FileKind::Video(media) => media,
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

    /// A recording or a video: nothing to read, and too large to read
    /// back into memory for nothing.
    pub fn is_audio_or_video(self) -> bool {
        matches!(self, FileKind::Audio(_) | FileKind::Video(_))
    }

    /// A format whose container may hold EXIF (capture time, position).
    pub fn may_carry_exif(self) -> bool {
        matches!(
            self,
            FileKind::Jpeg
                | FileKind::Tiff
                | FileKind::Png
                | FileKind::Webp
                | FileKind::OtherImage(_)
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
    if bytes.starts_with(crate::outlook::OLE_MAGIC)
        && (ext == "msg" || crate::outlook::looks_like_msg(bytes))
    {
        return FileKind::Outlook;
    }
    if let Some(format) = crate::office::sniff(bytes, &ext) {
        return FileKind::Office(format);
    }
    // Other office files (presentations) are ZIP files too: by their first entry, or their name.
    let office = matches!(
        ext.as_str(),
        "docx" | "xlsx" | "xlsm" | "pptx" | "odt" | "ods" | "odp" | "epub" | "jar" | "apk"
    );
    if !office && crate::archive::is_archive(bytes) {
        return FileKind::Zip;
    }
    if !looks_textual(bytes) {
        return media(bytes);
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

/// Recordings, videos and photos in formats OCR cannot read, by their
/// signatures (`infer`): what a phone records.
fn media(bytes: &[u8]) -> FileKind {
    let Some(found) = infer::get(bytes) else {
        return FileKind::Unsupported;
    };
    match found.matcher_type() {
        infer::MatcherType::Audio => FileKind::Audio(found.mime_type()),
        infer::MatcherType::Video => FileKind::Video(found.mime_type()),
        infer::MatcherType::Image => FileKind::OtherImage(found.mime_type()),
        _ => FileKind::Unsupported,
    }
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

    /// An ISO base media file header with `brand`: what phones record.
    fn ftyp(brand: &[u8; 4]) -> Vec<u8> {
        let mut bytes = b"\0\0\0\x18ftyp".to_vec();
        bytes.extend_from_slice(brand);
        bytes.extend_from_slice(b"\0\0\0\0isommp42");
        bytes.extend(std::iter::repeat_n(0u8, 64));
        bytes
    }

    #[test]
    fn what_a_phone_records_is_told_by_its_first_bytes() {
        assert_eq!(
            sniff(&ftyp(b"mp42"), Some("VID_0001.txt")),
            FileKind::Video("video/mp4")
        );
        assert_eq!(
            sniff(&ftyp(b"qt  "), None),
            FileKind::Video("video/quicktime")
        );
        assert_eq!(
            sniff(&ftyp(b"heic"), None),
            FileKind::OtherImage("image/heif")
        );
        assert_eq!(sniff(&ftyp(b"M4A "), None), FileKind::Audio("audio/m4a"));
        let mut ogg = b"OggS\0\x02".to_vec();
        ogg.extend(std::iter::repeat_n(0u8, 64));
        assert_eq!(sniff(&ogg, Some("nota.ogg")), FileKind::Audio("audio/ogg"));
        assert!(FileKind::Video("video/mp4").is_audio_or_video());
        assert!(!FileKind::OtherImage("image/heif").is_audio_or_video());
        assert!(FileKind::OtherImage("image/heif").may_carry_exif());
    }

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
        // A ZIP that cannot be read, named as an office file: a damaged one.
        assert_eq!(
            sniff(b"PK\x03\x04\0\0binary", Some("a.docx")),
            FileKind::Office(crate::office::OfficeFormat::Docx)
        );
        assert_eq!(
            sniff(b"PK\x03\x04\0\0binary", Some("a.pptx")),
            FileKind::Unsupported
        );
        assert_eq!(
            sniff(b"{\\rtf1\\ansi Hola}", Some("nota.txt")),
            FileKind::Office(crate::office::OfficeFormat::Rtf)
        );
    }
}
