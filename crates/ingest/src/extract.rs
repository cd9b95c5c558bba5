//! From an original's bytes to page text, for every kind of file.
//!
//! Extraction never fails as a whole: what could not be read is recorded
//! as the document's status (`partial`, `failed`) with a reason, and the
//! original is stored regardless. Reasons name the tool and the cause,
//! never the content.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use testimonio_domain::{DateSource, DocumentDate, ExtractionStatus, TextMethod};
use testimonio_vault::{CaptureMetadata, Extraction, PageText};

use crate::detect::{self, FileKind};
use crate::ocr::{self, OcrLanguages};
use crate::tools::{Limits, Slots};
use crate::{bates, email, html, pdf};

/// How deep attachments may nest (an email inside an email inside…).
const MAX_DEPTH: u32 = 8;
/// Plain text and HTML are cut into pages of about this many characters,
/// at line breaks, so that a citation can point somewhere precise.
const TEXT_PAGE_CHARS: usize = 6_000;

/// Settings for one ingest run.
#[derive(Debug, Clone)]
pub struct ExtractOptions {
    pub languages: OcrLanguages,
    pub bates_prefix: Option<String>,
    /// Resolution at which pages without usable text are rasterized.
    pub ocr_dpi: u32,
    /// Limits for each run of an external tool.
    pub limits: Limits,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            languages: OcrLanguages::default(),
            bates_prefix: None,
            ocr_dpi: 300,
            limits: Limits::default(),
        }
    }
}

/// An original's extraction and the files found inside it.
#[derive(Debug)]
pub struct Extracted {
    pub kind: FileKind,
    pub extraction: Extraction,
    /// What the camera recorded, for a photo that carries EXIF.
    pub capture: Option<CaptureMetadata>,
    pub children: Vec<Child>,
}

/// A file found inside another (an email attachment, a message of an mbox).
pub struct Child {
    pub name: Option<String>,
    pub bytes: Vec<u8>,
    pub extracted: Extracted,
}

impl std::fmt::Debug for Child {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Child")
            .field("name", &self.name)
            .field("bytes", &self.bytes.len())
            .field("extracted", &self.extracted)
            .finish()
    }
}

/// The time a file may take, shared by everything done for it.
#[derive(Debug, Clone, Copy)]
pub struct Deadline {
    at: Instant,
    budget: Duration,
}

impl Deadline {
    pub fn after(budget: Duration) -> Self {
        Deadline {
            at: Instant::now() + budget,
            budget,
        }
    }

    pub fn passed(&self) -> bool {
        Instant::now() >= self.at
    }

    /// Limits for one tool run: the run's own, shortened to what is left.
    pub fn limit(&self, limits: Limits) -> Limits {
        let left = self.at.saturating_duration_since(Instant::now());
        Limits {
            time: limits.time.min(left.max(Duration::from_millis(1))),
            ..limits
        }
    }

    pub fn reason(&self) -> String {
        format!(
            "stopped at the per-file time limit ({} s)",
            self.budget.as_secs()
        )
    }
}

/// Reads whatever text `bytes` hold. Never panics and never fails: see
/// the module documentation.
pub fn extract(
    bytes: &[u8],
    file_name: Option<&str>,
    options: &ExtractOptions,
    slots: &Slots,
    deadline: Deadline,
) -> Extracted {
    extract_at_depth(bytes, file_name, options, slots, deadline, 0)
}

pub(crate) fn extract_at_depth(
    bytes: &[u8],
    file_name: Option<&str>,
    options: &ExtractOptions,
    slots: &Slots,
    deadline: Deadline,
    depth: u32,
) -> Extracted {
    let kind = detect::sniff(bytes, file_name);
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match kind {
        FileKind::Pdf => (pdf::extract(bytes, options, slots, deadline), Vec::new()),
        k if k.is_image() => (image(bytes, options, slots, deadline), Vec::new()),
        FileKind::Email => {
            let tools = format!("{} (mail-parser 0.11)", testimonio_tool());
            match email::parse_email(bytes) {
                Ok(parsed) => message(&parsed, tools, options, slots, deadline, depth),
                Err(e) => (failed(e.to_string(), tools), Vec::new()),
            }
        }
        FileKind::Outlook => {
            let tools = format!("{} (msg_parser 0.3)", testimonio_tool());
            match crate::outlook::parse_msg(bytes) {
                Ok(parsed) => message(&parsed, tools, options, slots, deadline, depth),
                Err(e) => (failed(e.to_string(), tools), Vec::new()),
            }
        }
        FileKind::Mbox => mbox(bytes, options, slots, deadline, depth),
        FileKind::Zip => zip_archive(bytes, options, slots, deadline, depth),
        FileKind::Office(format) => crate::office::rendition::extract(
            bytes, format, file_name, options, slots, deadline, depth,
        ),
        FileKind::Html => (
            text_pages(
                &html::html_to_text(&decode_text(bytes)),
                TextMethod::Html,
                options,
                "",
            ),
            Vec::new(),
        ),
        FileKind::Text => (
            text_pages(&decode_text(bytes), TextMethod::Plain, options, ""),
            Vec::new(),
        ),
        // Nothing to read, and nothing went wrong: listed by media type.
        k if k.is_audio_or_video() => (
            Extraction {
                status: ExtractionStatus::Ok,
                detail: String::new(),
                title: None,
                metadata: None,
                tools: String::new(),
                pages: Vec::new(),
                date: None,
            },
            Vec::new(),
        ),
        _ => (
            failed(
                format!(
                    "no text can be read from this file type ({})",
                    kind.media_type()
                ),
                String::new(),
            ),
            Vec::new(),
        ),
    }));
    let (extraction, children) = outcome.unwrap_or_else(|_| {
        (
            failed(
                "internal error while reading this file (reported, not fatal)".into(),
                String::new(),
            ),
            Vec::new(),
        )
    });
    let capture = if kind.may_carry_exif() {
        crate::capture::read(bytes)
    } else {
        None
    };
    Extracted {
        kind,
        extraction,
        capture,
        children,
    }
}

pub(crate) fn failed(detail: String, tools: String) -> Extraction {
    Extraction {
        status: ExtractionStatus::Failed,
        detail,
        title: None,
        metadata: None,
        tools,
        pages: Vec::new(),
        date: None,
    }
}

/// The versions of the tools, asked once per process.
pub(crate) fn tool_versions() -> &'static ToolVersions {
    static VERSIONS: OnceLock<ToolVersions> = OnceLock::new();
    VERSIONS.get_or_init(|| ToolVersions {
        pdftotext: crate::tools::version("pdftotext", "-v").unwrap_or_else(|e| e.to_string()),
        pdftoppm: crate::tools::version("pdftoppm", "-v").unwrap_or_else(|e| e.to_string()),
        tesseract: crate::tools::version("tesseract", "--version")
            .unwrap_or_else(|e| e.to_string()),
    })
}

pub(crate) struct ToolVersions {
    pub pdftotext: String,
    pub pdftoppm: String,
    pub tesseract: String,
}

pub(crate) fn ocr_tools(options: &ExtractOptions) -> String {
    format!(
        "{} -l {}",
        tool_versions().tesseract,
        options.languages.as_str()
    )
}

fn testimonio_tool() -> String {
    format!("testimonio-ingest {}", env!("CARGO_PKG_VERSION"))
}

fn image(bytes: &[u8], options: &ExtractOptions, slots: &Slots, deadline: Deadline) -> Extraction {
    let tools = ocr_tools(options);
    if deadline.passed() {
        return failed(deadline.reason(), tools);
    }
    let result = {
        let _slot = slots.take();
        ocr::recognize(bytes, &options.languages, 1, deadline.limit(options.limits))
    };
    match result {
        Ok(mut pages) => {
            for page in &mut pages {
                page.bates = bates::find(&page.text, options.bates_prefix.as_deref());
            }
            Extraction {
                status: ExtractionStatus::Ok,
                detail: String::new(),
                title: None,
                metadata: None,
                tools,
                // A scanned letter or filing photographed: its OCR text.
                date: crate::dates::for_text(&pages),
                pages,
            }
        }
        Err(e) => failed(e.to_string(), tools),
    }
}

/// A message read (an `.eml` or an Outlook `.msg`): its headers and body
/// as one page, its attachments as child documents.
fn message(
    parsed: &email::ParsedEmail,
    tools: String,
    options: &ExtractOptions,
    slots: &Slots,
    deadline: Deadline,
    depth: u32,
) -> (Extraction, Vec<Child>) {
    let mut status = if parsed.unread_attachments > 0 {
        ExtractionStatus::Partial
    } else {
        ExtractionStatus::Ok
    };
    let mut problems = parsed.problems.clone();
    let mut children = Vec::new();
    for (i, attachment) in parsed.attachments.iter().enumerate() {
        if depth + 1 > MAX_DEPTH {
            problems.push(format!(
                "attachment {} not read: nested more than {MAX_DEPTH} levels deep",
                i + 1
            ));
            status = status.worst(ExtractionStatus::Partial);
            continue;
        }
        let extracted = extract_at_depth(
            &attachment.bytes,
            attachment.file_name.as_deref(),
            options,
            slots,
            deadline,
            depth + 1,
        );
        if extracted.extraction.status != ExtractionStatus::Ok {
            status = status.worst(ExtractionStatus::Partial);
            // By number, not by name: a file name is message content.
            problems.push(format!(
                "attachment {}: {}",
                i + 1,
                extracted.extraction.status.code()
            ));
        }
        children.push(Child {
            name: attachment.file_name.clone(),
            bytes: attachment.bytes.clone(),
            extracted,
        });
    }
    let headers = &parsed.headers;
    let metadata = serde_json::json!({
        "from": headers.from,
        "to": headers.to,
        "cc": headers.cc,
        "date": headers.date,
        "subject": headers.subject,
        "message_id": headers.message_id,
        "attachments": parsed.attachments.len(),
    });
    let page = PageText {
        number: 1,
        method: TextMethod::Email,
        text: parsed.page_text(),
        confidence: None,
        bates: None,
        image_size: None,
        words: Vec::new(),
        problem: None,
        decision: None,
    };
    let extraction = Extraction {
        status,
        detail: problems.join("; "),
        title: headers.subject.clone(),
        metadata: Some(metadata),
        tools,
        pages: vec![page],
        // The sender's day; a message with no readable Date has none (its
        // body's dates are what it talks about, not when it was sent).
        date: headers
            .date
            .as_deref()
            .and_then(crate::dates::email_header)
            .map(|date| DocumentDate {
                date,
                source: DateSource::EmailHeader,
            }),
    };
    (extraction, children)
}

fn mbox(
    bytes: &[u8],
    options: &ExtractOptions,
    slots: &Slots,
    deadline: Deadline,
    depth: u32,
) -> (Extraction, Vec<Child>) {
    let messages = email::split_mbox(bytes);
    let mut status = ExtractionStatus::Ok;
    let mut problems = Vec::new();
    let mut children = Vec::with_capacity(messages.len());
    for (i, raw) in messages.into_iter().enumerate() {
        let name = format!("message {}", i + 1);
        let extracted = extract_at_depth(
            &raw,
            Some("message.eml"),
            options,
            slots,
            deadline,
            depth + 1,
        );
        if extracted.extraction.status != ExtractionStatus::Ok {
            status = status.worst(ExtractionStatus::Partial);
            problems.push(format!("{name}: {}", extracted.extraction.status.code()));
        }
        children.push(Child {
            name: Some(name),
            bytes: raw,
            extracted,
        });
    }
    if children.is_empty() {
        return (
            failed("the mailbox holds no message".into(), testimonio_tool()),
            children,
        );
    }
    let extraction = Extraction {
        status,
        detail: problems.join("; "),
        title: Some(format!("mbox, {} messages", children.len())),
        metadata: Some(serde_json::json!({ "messages": children.len() })),
        tools: testimonio_tool(),
        pages: Vec::new(),
        date: None,
    };
    (extraction, children)
}

/// A ZIP archive: each entry read as a child document (see `archive.rs`
/// for the limits), a page listing the entries' names so that the archive
/// itself is found by them.
fn zip_archive(
    bytes: &[u8],
    options: &ExtractOptions,
    slots: &Slots,
    deadline: Deadline,
    depth: u32,
) -> (Extraction, Vec<Child>) {
    let tools = format!("{} (zip 9)", testimonio_tool());
    let archive = match crate::archive::read(bytes) {
        Ok(archive) => archive,
        Err(reason) => return (failed(reason, tools), Vec::new()),
    };
    let mut problems = archive.problems;
    let mut status = if problems.is_empty() {
        ExtractionStatus::Ok
    } else {
        ExtractionStatus::Partial
    };
    if depth + 1 > MAX_DEPTH {
        problems.push(format!(
            "entries not read: nested more than {MAX_DEPTH} levels deep"
        ));
        return (
            Extraction {
                status: ExtractionStatus::Partial,
                detail: problems.join("; "),
                title: None,
                metadata: Some(serde_json::json!({ "entries": archive.files })),
                tools,
                pages: Vec::new(),
                // An archive has no date of its own; its files may.
                date: None,
            },
            Vec::new(),
        );
    }
    let mut children = Vec::with_capacity(archive.entries.len());
    for (i, entry) in archive.entries.into_iter().enumerate() {
        let extracted = extract_at_depth(
            &entry.bytes,
            Some(&entry.name),
            options,
            slots,
            deadline,
            depth + 1,
        );
        if extracted.extraction.status != ExtractionStatus::Ok
            && !matches!(extracted.kind, FileKind::Audio(_) | FileKind::Video(_))
        {
            status = status.worst(ExtractionStatus::Partial);
            problems.push(format!(
                "file {} of the archive: {}",
                i + 1,
                extracted.extraction.status.code()
            ));
        }
        children.push(Child {
            name: Some(entry.name),
            bytes: entry.bytes,
            extracted,
        });
    }
    if archive.files == 0 {
        return (failed("the archive holds no file".into(), tools), children);
    }
    let listing: Vec<&str> = children.iter().filter_map(|c| c.name.as_deref()).collect();
    let page = PageText {
        number: 1,
        method: TextMethod::Plain,
        text: listing.join("\n"),
        confidence: None,
        bates: None,
        image_size: None,
        words: Vec::new(),
        problem: None,
        decision: None,
    };
    let extraction = Extraction {
        status,
        detail: problems.join("; "),
        title: Some(format!("ZIP archive, {} files", archive.files)),
        metadata: Some(serde_json::json!({
            "entries": archive.files,
            "read": children.len(),
        })),
        tools,
        pages: vec![page],
        date: None,
    };
    (extraction, children)
}

/// UTF-8 when it is; otherwise Windows-1252, the usual other encoding of
/// agency text files (every byte maps to some character).
fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// Cuts text into pages: at form feeds, and otherwise at the last line
/// break before [`TEXT_PAGE_CHARS`].
fn text_pages(
    text: &str,
    method: TextMethod,
    options: &ExtractOptions,
    detail: &str,
) -> Extraction {
    let mut pages = Vec::new();
    for section in text.split('\u{c}') {
        let mut rest = section;
        loop {
            let cut = if rest.len() <= TEXT_PAGE_CHARS {
                rest.len()
            } else {
                let mut limit = TEXT_PAGE_CHARS;
                while !rest.is_char_boundary(limit) {
                    limit -= 1;
                }
                rest[..limit].rfind('\n').map_or(limit, |i| i + 1)
            };
            let (page, tail) = rest.split_at(cut);
            if !page.trim().is_empty() || pages.is_empty() && tail.is_empty() {
                pages.push(PageText {
                    number: pages.len() as u32 + 1,
                    method,
                    text: page.trim_end().to_owned(),
                    confidence: None,
                    bates: bates::find(page, options.bates_prefix.as_deref()),
                    image_size: None,
                    words: Vec::new(),
                    problem: None,
                    decision: None,
                });
            }
            if tail.is_empty() {
                break;
            }
            rest = tail;
        }
    }
    Extraction {
        status: ExtractionStatus::Ok,
        detail: detail.to_owned(),
        title: None,
        metadata: None,
        tools: testimonio_tool(),
        date: crate::dates::for_text(&pages),
        pages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_at_line_breaks_and_form_feeds() {
        let line = "una línea de texto con acentos: José Peña\n";
        let text = line.repeat(400) + "\u{c}second section";
        let e = text_pages(&text, TextMethod::Plain, &ExtractOptions::default(), "");
        assert!(e.pages.len() >= 3);
        assert!(e.pages.iter().all(|p| p.text.len() <= TEXT_PAGE_CHARS));
        assert!(e.pages[0].text.ends_with("Peña"));
        assert_eq!(e.pages.last().unwrap().text, "second section");
        let numbers: Vec<u32> = e.pages.iter().map(|p| p.number).collect();
        assert_eq!(numbers, (1..=e.pages.len() as u32).collect::<Vec<_>>());
    }

    #[test]
    fn windows_1252_text_decodes() {
        assert_eq!(decode_text(b"Pe\xf1a \x93quoted\x94"), "Peña “quoted”");
        assert_eq!(decode_text("José".as_bytes()), "José");
    }

    #[test]
    fn an_empty_text_file_has_one_empty_page() {
        let e = text_pages("", TextMethod::Plain, &ExtractOptions::default(), "");
        assert_eq!(e.pages.len(), 1);
        assert_eq!(e.status, ExtractionStatus::Ok);
    }
}
