//! `testimonio ingest`: originals into the vault with the text of every
//! page; a progress line on a terminal, a summary table at the end.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::time::Duration;

use serde_json::json;
use testimonio_domain::{ExtractionStatus, SourceKind};
use testimonio_ingest::pipeline::FileOutcome;
use testimonio_ingest::{FileReport, IngestOptions, OcrLanguages, ingest};

use crate::cli::IngestArgs;
use crate::context::{CliResult, Context, exit, print_json};

pub fn run(cx: &Context, args: &IngestArgs) -> CliResult {
    let options = options(cx, args)?;
    let vault = cx.open()?;
    if let Some(foia) = &options.foia
        && vault.foia(foia).map_err(|e| cx.vault_error(e))?.is_none()
    {
        return Err(cx.fail(
            format!("--foia: no FOIA request {foia} (see `testimonio foia list`)"),
            format!("--foia: no hay solicitud FOIA {foia} (vea `testimonio foia list`)"),
        ));
    }
    let progress = Progress::new(!args.json && std::io::stderr().is_terminal());
    let summary = ingest(&vault, &args.paths, &options, &|report, done, total| {
        progress.file(report, done, total);
    })
    .map_err(|e| cx.fail(e.to_string(), format!("error: {e}")))?;
    progress.finish();
    // New pages become searchable now rather than at the next search.
    let mut vault = vault;
    let watchlists = crate::commands::watch::run_and_report(cx, &mut vault, true)?;

    let (pages, ocr_pages) = summary.pages();
    if args.json {
        print_json(&json!({
            "files": summary.files,
            "ok": summary.count(ExtractionStatus::Ok),
            "partial": summary.count(ExtractionStatus::Partial),
            "failed": summary.count(ExtractionStatus::Failed),
            "pages": pages,
            "ocr_pages": ocr_pages,
            "seconds": summary.seconds,
            "watchlists": watchlists,
        }));
    } else {
        print_table(cx, &summary.files);
        println!(
            "{}: {} ok, {} {}, {} {}; {pages} {} ({ocr_pages} OCR); {:.1} s",
            cx.t("files", "archivos"),
            summary.count(ExtractionStatus::Ok),
            summary.count(ExtractionStatus::Partial),
            cx.t("partial", "parciales"),
            summary.count(ExtractionStatus::Failed),
            cx.t("failed", "fallidos"),
            cx.t("pages", "páginas"),
            summary.seconds
        );
    }
    if summary.all_ok() {
        Ok(())
    } else {
        let not_ok = summary.files.len() - summary.count(ExtractionStatus::Ok);
        Err(cx
            .fail(
                format!("{not_ok} file(s) were not read completely; each is listed above with its reason"),
                format!("{not_ok} archivo(s) no se leyeron por completo; cada uno figura arriba con su motivo"),
            )
            .with_status(exit::PARTIAL))
    }
}

fn options(cx: &Context, args: &IngestArgs) -> CliResult<IngestOptions> {
    let mut options = IngestOptions::default();
    if let Some(kind) = &args.source_kind {
        options.source_kind = Some(
            SourceKind::parse("source_kind", kind)
                .map_err(|e| cx.option_error("source-kind", &e))?,
        );
    }
    options.foia = args.foia.clone();
    options.custodian = args.custodian.clone();
    if let Some(day) = &args.obtained_on {
        options.obtained_on = Some(day.parse().map_err(|_| {
            cx.fail(
                format!("--obtained-on: {day:?} is not a date (YYYY-MM-DD)"),
                format!("--obtained-on: {day:?} no es una fecha (AAAA-MM-DD)"),
            )
        })?);
    }
    options.extract.bates_prefix = args.bates_prefix.clone();
    options.extract.languages = OcrLanguages::parse(&args.ocr_lang).map_err(|reason| {
        cx.fail(
            format!("--ocr-lang: {reason}"),
            format!(
                "--ocr-lang: {:?} no es una lista de idiomas de Tesseract como eng+spa",
                args.ocr_lang
            ),
        )
    })?;
    if let Some(jobs) = args.jobs {
        options.jobs = jobs.max(1);
    }
    options.file_timeout = Duration::from_secs(args.file_timeout.max(1));
    options.host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_owned())
        .ok()
        .filter(|h| !h.is_empty());
    Ok(options)
}

/// One line redrawn in place on a terminal; nothing in a pipe.
struct Progress {
    on: bool,
    width: Mutex<usize>,
}

impl Progress {
    fn new(on: bool) -> Self {
        Progress {
            on,
            width: Mutex::new(0),
        }
    }

    fn file(&self, report: &FileReport, done: usize, total: usize) {
        if !self.on {
            return;
        }
        let bar_len = 24;
        let filled = (done * bar_len).checked_div(total).unwrap_or(bar_len);
        let name = report
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let name: String = name.chars().take(40).collect();
        let line = format!(
            "[{}{}] {done}/{total} {name}",
            "#".repeat(filled),
            "-".repeat(bar_len - filled)
        );
        let mut width = self
            .width
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let pad = width.saturating_sub(line.chars().count());
        *width = line.chars().count();
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r{line}{}", " ".repeat(pad));
        let _ = err.flush();
    }

    fn finish(&self) {
        if self.on {
            let width = *self
                .width
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            eprint!("\r{}\r", " ".repeat(width));
        }
    }
}

fn print_table(cx: &Context, files: &[FileReport]) {
    println!(
        "{:<8} {:>6} {:>5} {:<20} {}",
        cx.t("status", "estado"),
        cx.t("pages", "págs"),
        "OCR",
        cx.t("document", "documento"),
        cx.t("file / reason", "archivo / motivo")
    );
    for report in files {
        let path = report.path.display();
        match &report.outcome {
            FileOutcome::Stored {
                id,
                status,
                detail,
                pages,
                ocr_pages,
                attachments,
                new,
                ..
            } => {
                let mut note = String::new();
                if !new {
                    note.push_str(cx.t(" (already in the vault)", " (ya estaba en la bóveda)"));
                }
                if *attachments > 0 {
                    note.push_str(&format!(
                        " (+{attachments} {})",
                        cx.t("attachments", "adjuntos")
                    ));
                }
                println!(
                    "{:<8} {pages:>6} {ocr_pages:>5} {id:<20} {path}{note}",
                    status.label(cx.lang)
                );
                if !detail.is_empty() {
                    println!("{:<42}↳ {detail}", "");
                }
            }
            FileOutcome::Unreadable { reason } => {
                println!(
                    "{:<8} {:>6} {:>5} {:<20} {path}",
                    ExtractionStatus::Failed.label(cx.lang),
                    "-",
                    "-",
                    "-"
                );
                println!("{:<42}↳ {reason}", "");
            }
        }
    }
}
