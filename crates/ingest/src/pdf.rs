//! PDFs: the text layer page by page (pdftotext), and OCR (pdftoppm at
//! 300 dpi, then Tesseract) for pages whose text layer does not carry the
//! page ([`quality`]: no layer, a broken encoding, a stamp on a scan).
//!
//! The PDF reaches each tool through a pipe; page images go from
//! pdftoppm's output straight to Tesseract's input, in memory.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use testimonio_domain::{ExtractionStatus, PageDecision, TextMethod};
use testimonio_vault::{Extraction, PageText};

use crate::extract::{Deadline, ExtractOptions, failed, ocr_tools, tool_versions};
use crate::quality::{self, TextLayer, coverage};
use crate::tools::{self, Limits, Slots, ToolError};
use crate::{bates, ocr, tiff};

/// Reads every page of a PDF.
pub fn extract(
    pdf: &[u8],
    options: &ExtractOptions,
    slots: &Slots,
    deadline: Deadline,
) -> Extraction {
    let versions = tool_versions();
    let mut tools = versions.pdftotext.clone();
    let layer = match tools::run(
        "pdftotext",
        &["-enc", "UTF-8", "-", "-"],
        &[],
        pdf,
        deadline.limit(options.limits),
    ) {
        Ok(out) => String::from_utf8_lossy(&out.stdout).into_owned(),
        Err(e) => return failed(explain(&e), tools),
    };
    // pdftotext ends every page with a form feed.
    let mut layers: Vec<&str> = layer.split('\u{c}').collect();
    if layers.last().is_some_and(|l| l.trim().is_empty()) {
        layers.pop();
    }
    if layers.is_empty() {
        return failed("the PDF has no pages".into(), tools);
    }
    let (decisions, measured, coverage_problem) =
        decide_pages(pdf, &layers, deadline.limit(options.limits));
    let to_ocr: Vec<usize> = (0..layers.len()).filter(|&i| decisions[i].ocr()).collect();
    if measured {
        tools.push_str("; page coverage by pdfimages -list, pdfinfo, pdftotext -bbox");
    }
    let ocr_results = ocr_pages(pdf, &to_ocr, options, slots, deadline);
    if !to_ocr.is_empty() {
        tools.push_str(&format!(
            "; {} at {} dpi; {}",
            versions.pdftoppm,
            options.ocr_dpi,
            ocr_tools(options)
        ));
    }

    let mut pages = Vec::with_capacity(layers.len());
    let mut problems = 0usize;
    let mut ocr_results = ocr_results.into_iter();
    for (i, text) in layers.iter().enumerate() {
        let number = i as u32 + 1;
        let mut page = PageText {
            number,
            method: TextMethod::TextLayer,
            text: text.trim_end().to_owned(),
            confidence: None,
            bates: None,
            image_size: None,
            words: Vec::new(),
            problem: None,
            decision: Some(decisions[i]),
        };
        if decisions[i].ocr() {
            let (_, result) = ocr_results.next().expect("one OCR result per page to OCR");
            let keeps_layer = matches!(
                decisions[i],
                PageDecision::NoTextLayer | PageDecision::ImagePageWithStamp
            );
            match result {
                Ok(ocr) if ocr.text.trim().is_empty() && keeps_layer => {
                    // A blank page, or a stamp on a blank scan: whatever
                    // little the layer had stays.
                    page.image_size = ocr.image_size;
                }
                Ok(ocr) if decisions[i] == PageDecision::ImagePageWithStamp => {
                    // The stamp (a Bates number, a court header) is text
                    // the scan's OCR may misread or miss: kept after it,
                    // at the end where the Bates finder looks.
                    let stamp = std::mem::take(&mut page.text);
                    page = PageText {
                        number,
                        text: format!("{}\n\n{}", ocr.text.trim_end(), stamp.trim()),
                        decision: page.decision,
                        ..ocr
                    };
                }
                Ok(ocr) => {
                    page = PageText {
                        number,
                        decision: page.decision,
                        ..ocr
                    };
                }
                Err(reason) => {
                    problems += 1;
                    if page.text.trim().is_empty() {
                        page.method = TextMethod::None;
                    }
                    page.problem = Some(reason);
                }
            }
        }
        page.bates = bates::find(&page.text, options.bates_prefix.as_deref());
        pages.push(page);
    }
    let (status, mut detail) = match problems {
        0 => (ExtractionStatus::Ok, String::new()),
        n if n == pages.len() => (
            ExtractionStatus::Failed,
            format!("no page could be read ({})", first_problem(&pages)),
        ),
        n => (
            ExtractionStatus::Partial,
            format!(
                "{n} of {} pages could not be read ({})",
                pages.len(),
                first_problem(&pages)
            ),
        ),
    };
    let (date, date_problem) = crate::dates::for_pdf(&pages, pdf, deadline.limit(options.limits));
    for problem in [coverage_problem, date_problem].into_iter().flatten() {
        if !detail.is_empty() {
            detail.push_str("; ");
        }
        detail.push_str(&problem);
    }
    Extraction {
        status,
        detail,
        title: None,
        metadata: Some(serde_json::json!({
            "pages": pages.len(),
            "ocr_pages": pages.iter().filter(|p| p.method == TextMethod::Ocr).count(),
        })),
        tools,
        pages,
        date,
    }
}

/// Each page's decision from its text layer (`layers`, in page order)
/// and, for layers that read, what covers the page; whether any page's
/// coverage was measured; why coverage could not be measured, if so
/// (then the layers alone decide).
pub fn decide_pages(
    pdf: &[u8],
    layers: &[&str],
    limits: Limits,
) -> (Vec<PageDecision>, bool, Option<String>) {
    let verdicts: Vec<TextLayer> = layers.iter().map(|t| quality::judge(t)).collect();
    // Only a layer that reads can still be a stamp on a scan.
    let readable: Vec<u32> = (0..layers.len())
        .filter(|&i| matches!(verdicts[i], TextLayer::Good | TextLayer::Short))
        .map(|i| i as u32 + 1)
        .collect();
    let (coverage, problem) = match coverage::measure(pdf, &readable, limits) {
        Ok(coverage) => (coverage, None),
        Err(e) => (
            Default::default(),
            Some(format!("page coverage not measured ({e})")),
        ),
    };
    let decisions = verdicts
        .iter()
        .enumerate()
        .map(|(i, &v)| quality::decide(v, coverage.get(&(i as u32 + 1))))
        .collect();
    (decisions, !coverage.is_empty(), problem)
}

fn first_problem(pages: &[PageText]) -> String {
    pages
        .iter()
        .find_map(|p| p.problem.clone().map(|r| format!("page {}: {r}", p.number)))
        .unwrap_or_default()
}

/// What pdftotext's failure means, in words a user can act on.
fn explain(e: &ToolError) -> String {
    let text = e.to_string();
    if text.contains("Incorrect password") {
        "the PDF is encrypted and needs a password; the original is stored, no text was read"
            .to_owned()
    } else if text.contains("May not be a PDF") || text.contains("Couldn't find trailer") {
        format!("the file is not a readable PDF ({text})")
    } else {
        text
    }
}

/// Most pages one Tesseract run reads (as one multi-page TIFF): its
/// language models load once per run, a tenth of a page's OCR time.
const MAX_BATCH: usize = 8;

/// OCRs the given page indexes in parallel (as many runs at once as
/// `slots` allows, across all files), returning results in page order.
/// Pages are cut into contiguous batches, enough of them to keep every
/// slot busy.
fn ocr_pages(
    pdf: &[u8],
    indexes: &[usize],
    options: &ExtractOptions,
    slots: &Slots,
    deadline: Deadline,
) -> Vec<(usize, Result<PageText, String>)> {
    if indexes.is_empty() {
        return Vec::new();
    }
    let workers = slots.permits().min(indexes.len());
    let batch = indexes.len().div_ceil(workers).clamp(1, MAX_BATCH);
    let batches: Vec<&[usize]> = indexes.chunks(batch).collect();
    let next = AtomicUsize::new(0);
    let results = Mutex::new(Vec::with_capacity(indexes.len()));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let k = next.fetch_add(1, Ordering::SeqCst);
                    let Some(&pages) = batches.get(k) else { break };
                    let outcome = if deadline.passed() {
                        pages.iter().map(|&i| (i, Err(deadline.reason()))).collect()
                    } else {
                        let _slot = slots.take();
                        ocr_batch(pdf, pages, options, deadline)
                    };
                    results
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .extend(outcome);
                }
            });
        }
    });
    let mut results = results
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    results.sort_by_key(|(i, _)| *i);
    debug_assert_eq!(results.len(), indexes.len());
    results
}

/// Rasterizes each page (gray, `ocr_dpi`) and recognizes them in one
/// Tesseract run. A page that fails to render fails alone.
fn ocr_batch(
    pdf: &[u8],
    indexes: &[usize],
    options: &ExtractOptions,
    deadline: Deadline,
) -> Vec<(usize, Result<PageText, String>)> {
    let mut results = Vec::with_capacity(indexes.len());
    let mut rendered = Vec::with_capacity(indexes.len());
    for &index in indexes {
        match render_gray(pdf, index as u32 + 1, options, deadline) {
            Ok(image) => rendered.push((index, image)),
            Err(reason) => results.push((index, Err(reason))),
        }
    }
    let images: Result<Vec<tiff::GrayImage<'_>>, String> = rendered
        .iter()
        .map(|(_, pgm)| tiff::parse_pgm(pgm).map_err(|e| format!("rendering for OCR: {e}")))
        .collect();
    let images = match images {
        Ok(images) => images,
        Err(reason) => {
            results.extend(rendered.iter().map(|(i, _)| (*i, Err(reason.clone()))));
            return results;
        }
    };
    if images.is_empty() {
        return results;
    }
    let stack = match tiff::write_gray_tiff(&images, options.ocr_dpi) {
        Ok(stack) => zeroize::Zeroizing::new(stack),
        Err(e) => {
            let reason = format!("writing the pages for OCR: {e}");
            results.extend(rendered.iter().map(|(i, _)| (*i, Err(reason.clone()))));
            return results;
        }
    };
    let limits = deadline.limit(Limits {
        time: options.limits.time * images.len() as u32,
        ..options.limits
    });
    match ocr::recognize(&stack, &options.languages, 1, limits) {
        Ok(pages) if pages.len() == rendered.len() => {
            for ((index, _), page) in rendered.iter().zip(pages) {
                results.push((
                    *index,
                    Ok(PageText {
                        number: *index as u32 + 1,
                        ..page
                    }),
                ));
            }
        }
        Ok(pages) => {
            let reason = format!(
                "tesseract read {} pages from a batch of {}",
                pages.len(),
                rendered.len()
            );
            results.extend(rendered.iter().map(|(i, _)| (*i, Err(reason.clone()))));
        }
        Err(e) => {
            let reason = e.to_string();
            results.extend(rendered.iter().map(|(i, _)| (*i, Err(reason.clone()))));
        }
    }
    results
}

/// One page as an 8-bit gray PGM at the OCR resolution.
fn render_gray(
    pdf: &[u8],
    number: u32,
    options: &ExtractOptions,
    deadline: Deadline,
) -> Result<zeroize::Zeroizing<Vec<u8>>, String> {
    let page = number.to_string();
    let dpi = options.ocr_dpi.to_string();
    tools::run(
        "pdftoppm",
        &["-r", &dpi, "-gray", "-f", &page, "-l", &page, "-"],
        &[],
        pdf,
        deadline.limit(options.limits),
    )
    .map(|out| zeroize::Zeroizing::new(out.stdout))
    .map_err(|e| format!("rendering for OCR: {e}"))
}
