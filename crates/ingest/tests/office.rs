//! Office documents converted by the real LibreOffice: an RTF (written
//! here) becomes a PDF rendition whose page holds the text; at a time
//! limit too short, LibreOffice is stopped and the file fails with that
//! reason; either way the conversion's private directory is gone.

use std::time::Duration;

use testimonio_domain::ExtractionStatus;
use testimonio_ingest::detect::FileKind;
use testimonio_ingest::extract::Deadline;
use testimonio_ingest::office::{OfficeFormat, memory_root};
use testimonio_ingest::tools::{Limits, Slots};
use testimonio_ingest::{ExtractOptions, extract};

const RTF: &[u8] = br"{\rtf1\ansi\deff0{\fonttbl{\f0 Liberation Serif;}}\f0\fs24 Declaraci\'f3n de Jos\'e9 Pe\'f1a.\par The officer called her an instigator.\par}";

/// This process's conversion directories left in the memory file system.
fn left_behind() -> Vec<String> {
    let root = memory_root().expect("a tmpfs (/dev/shm)");
    let mine = format!("testimonio-office-{}-", std::process::id());
    std::fs::read_dir(root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&mine))
        .collect()
}

#[test]
fn an_rtf_is_read_through_its_pdf_and_a_timeout_is_its_reason() {
    let read = extract(
        RTF,
        Some("nota.rtf"),
        &ExtractOptions::default(),
        &Slots::new(1),
        Deadline::after(Duration::from_secs(300)),
    );
    assert_eq!(read.kind, FileKind::Office(OfficeFormat::Rtf));
    assert_eq!(
        read.extraction.status,
        ExtractionStatus::Ok,
        "{}",
        read.extraction.detail
    );
    assert!(
        read.extraction.tools.contains("LibreOffice"),
        "{}",
        read.extraction.tools
    );
    assert_eq!(read.children.len(), 1);
    let rendition = &read.children[0];
    assert_eq!(rendition.name.as_deref(), Some("nota.rtf.pdf"));
    assert_eq!(rendition.extracted.kind, FileKind::Pdf);
    assert!(rendition.bytes.starts_with(b"%PDF-"));
    let page = &rendition.extracted.extraction.pages[0].text;
    assert!(
        page.contains("Declaración de José Peña") && page.contains("instigator"),
        "{page}"
    );
    assert!(left_behind().is_empty(), "{:?}", left_behind());

    let options = ExtractOptions {
        limits: Limits {
            time: Duration::from_millis(300),
            ..Limits::default()
        },
        ..ExtractOptions::default()
    };
    let stopped = extract(
        RTF,
        Some("nota.rtf"),
        &options,
        &Slots::new(1),
        Deadline::after(Duration::from_secs(300)),
    );
    assert_eq!(stopped.extraction.status, ExtractionStatus::Failed);
    assert!(
        stopped
            .extraction
            .detail
            .contains("soffice took longer than"),
        "{}",
        stopped.extraction.detail
    );
    assert!(stopped.children.is_empty());
    assert!(left_behind().is_empty(), "{:?}", left_behind());
}
