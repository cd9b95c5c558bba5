//! An office document's extraction: its PDF rendition as its one child
//! document, read by the PDF pipeline.

use testimonio_domain::{DateSource, ExtractionStatus};
use testimonio_vault::Extraction;

use super::OfficeFormat;
use crate::extract::{Child, Deadline, ExtractOptions, extract_at_depth, failed};
use crate::tools::Slots;

/// Converts `bytes` and reads the PDF; never fails as a whole (a refusal
/// or a failed conversion is the document's `failed` status and reason).
pub(crate) fn extract(
    bytes: &[u8],
    format: OfficeFormat,
    file_name: Option<&str>,
    options: &ExtractOptions,
    slots: &Slots,
    deadline: Deadline,
    depth: u32,
) -> (Extraction, Vec<Child>) {
    let tools = format!("{} (--convert-to pdf)", super::version());
    if let Some(reason) = super::refuse(bytes, format) {
        return (failed(reason, tools), Vec::new());
    }
    if deadline.passed() {
        return (failed(deadline.reason(), tools), Vec::new());
    }
    let converted = {
        // LibreOffice is as heavy as an OCR process: it takes a slot.
        let _slot = slots.take();
        super::to_pdf(bytes, format, deadline.limit(options.limits))
    };
    let pdf = match converted {
        Ok(pdf) => pdf,
        Err(e) => return (failed(e.to_string(), tools), Vec::new()),
    };
    let name = format!("{}.pdf", file_name.unwrap_or("document"));
    let mut read = extract_at_depth(&pdf, Some(&name), options, slots, deadline, depth + 1);
    // The PDF's creation date is the day of the conversion, not the
    // document's: a date read from its pages is kept.
    if read
        .extraction
        .date
        .as_ref()
        .is_some_and(|d| d.source == DateSource::PdfMetadata)
    {
        read.extraction.date = None;
    }
    let status = read.extraction.status;
    let detail = if status == ExtractionStatus::Ok {
        String::new()
    } else {
        format!("the PDF rendition: {}", status.code())
    };
    let extraction = Extraction {
        status,
        detail,
        title: read.extraction.title.clone(),
        metadata: Some(serde_json::json!({
            "rendition": "application/pdf",
            "pages": read.extraction.pages.len(),
            "spreadsheet": format.is_spreadsheet(),
        })),
        tools,
        // The pages are the rendition's, cited there.
        pages: Vec::new(),
        date: read.extraction.date,
    };
    let child = Child {
        name: Some(name),
        bytes: pdf,
        extracted: read,
    };
    (extraction, vec![child])
}
